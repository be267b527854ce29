"""Desk settings for desk admins: people, rating scale, source rules and webhooks."""

from dataclasses import dataclass, replace
from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from apps.core.exceptions import ApplicationError, PermissionDeniedError
from apps.desks import services, webhooks
from apps.desks.models import Desk
from apps.desks.selectors import (
    ADMIN_ONLY_MESSAGE,
    admin_desk_list_for_user,
    desk_admin_require,
    desk_get_for_member,
    desk_members,
    desk_members_sign_in,
    webhook_delivery_get,
    webhook_delivery_list,
    webhook_endpoint_get,
    webhook_endpoint_list,
)
from apps.references import services as reference_services
from apps.references.selectors import source_rule_get_for_desk, source_rules_by_topic_for_desk
from apps.reviews import services as review_services
from apps.reviews.models import Rating
from apps.reviews.selectors import rating_list_with_usage, rating_scale_for_desk
from apps.web.actions import form_action, form_page
from apps.web.errors import flash_form_errors, form_add_service_errors
from apps.web.forms.desks import (
    AccountCreateForm,
    MemberAddForm,
    MemberRemoveForm,
    MemberRoleForm,
    MemberSignInUnlockForm,
    RatingDeleteForm,
    RatingEditForm,
    RatingForm,
    RatingMoveForm,
    SourceRuleForm,
    TwoStepRequirementForm,
    WebhookForm,
)
from apps.web.forms.tips import TipSettingsForm


def desk_admin_view(redirect_to: str | None = None):
    """Hand the view the URL's desk if the user administers it, else show why not.

    Outside the desk it does not exist (404); editors and reviewers are told only admins may
    (403). With `redirect_to`, a domain rule the action breaks is flashed on that desk page
    (Post/Redirect/Get), like `apps.web.errors.application_errors` does for other pages.
    """

    def decorator(view):
        @wraps(view)
        def wrapper(request, slug, **kwargs):
            try:
                desk = desk_get_for_member(user=request.user, slug=slug)
                desk_admin_require(user=request.user, desk=desk)
            except ApplicationError as error:
                return render(request, "error.html", {"error": error}, status=error.status)
            try:
                return view(request, desk, **kwargs)
            except ApplicationError as error:
                if redirect_to is None or error.status == 404:
                    return render(request, "error.html", {"error": error}, status=error.status)
                messages.error(request, error.message)
                return redirect(redirect_to, slug=desk.slug)

        return wrapper

    return decorator


@login_required
def desk_settings_home(request):
    desks = list(admin_desk_list_for_user(user=request.user))
    if not desks:
        error = PermissionDeniedError(_(ADMIN_ONLY_MESSAGE))
        return render(request, "error.html", {"error": error}, status=error.status)
    if len(desks) == 1:
        return redirect("desks:people", slug=desks[0].slug)
    return render(request, "desks/home.html", {"desks": desks})


# --- People ----------------------------------------------------------------------------------


def _people_page(request, desk: Desk, *, add_form=None, create_form=None, status: int = 200):
    return render(
        request,
        "desks/people.html",
        {
            "desk": desk,
            "tab": "people",
            "members": desk_members(desk=desk).order_by("user__username"),
            "roles": MemberRoleForm.base_fields["role"].choices,
            "add_form": add_form or MemberAddForm(),
            "create_form": create_form or AccountCreateForm(),
        },
        status=status,
    )


@login_required
@desk_admin_view()
def people(request, desk: Desk):
    return _people_page(request, desk)


@form_action("desks:people", page_kwargs=("slug",))
@desk_admin_view(redirect_to="desks:people")
def member_add(request, desk: Desk):
    form = MemberAddForm(request.POST)
    if not form.is_valid():
        return _people_page(request, desk, add_form=form, status=400)
    membership = services.membership_add(actor=request.user, desk=desk, **form.cleaned_data)
    messages.success(
        request,
        _("%(username)s is on the desk as %(role)s.")
        % {"username": membership.user.get_username(), "role": membership.get_role_display()},
    )
    return redirect("desks:people", slug=desk.slug)


@never_cache  # the response may carry a generated password: no copy in any cache
@form_action("desks:people", page_kwargs=("slug",))
@desk_admin_view(redirect_to="desks:people")
def account_create(request, desk: Desk):
    form = AccountCreateForm(request.POST)
    if form.is_valid():
        try:
            membership, generated = services.membership_account_create(
                actor=request.user, desk=desk, **form.cleaned_data
            )
        except ApplicationError as error:
            form_add_service_errors(form, error)
        else:
            # Rendered, not redirected: a generated password must not travel through the
            # message store (a cookie or the session); this page is the only place it appears.
            return render(
                request,
                "desks/account_created.html",
                {"desk": desk, "tab": "people", "membership": membership, "generated_password": generated},
                status=201,
            )
    return _people_page(request, desk, create_form=form, status=400)


@form_action("desks:people", page_kwargs=("slug",))
@desk_admin_view(redirect_to="desks:people")
def member_role(request, desk: Desk):
    form = MemberRoleForm(request.POST, desk=desk)
    if not form.is_valid():
        flash_form_errors(request, form)
        return redirect("desks:people", slug=desk.slug)
    membership = services.membership_role_change(
        actor=request.user, membership=form.cleaned_data["member"], role=form.cleaned_data["role"]
    )
    messages.success(
        request,
        _("%(username)s's role is now %(role)s.")
        % {"username": membership.user.get_username(), "role": membership.get_role_display()},
    )
    if membership.user_id == request.user.pk:
        # Admins who stepped down can no longer see the settings they came from.
        return redirect("dashboard")
    return redirect("desks:people", slug=desk.slug)


@form_action("desks:people", page_kwargs=("slug",))
@desk_admin_view(redirect_to="desks:people")
def member_remove(request, desk: Desk):
    form = MemberRemoveForm(request.POST, desk=desk)
    if not form.is_valid():
        flash_form_errors(request, form)
        return redirect("desks:people", slug=desk.slug)
    membership = form.cleaned_data["member"]
    services.membership_remove(actor=request.user, membership=membership)
    messages.success(
        request,
        _("%(username)s is no longer a member of %(desk)s.")
        % {"username": membership.user.get_username(), "desk": desk.name},
    )
    if membership.user_id == request.user.pk:
        return redirect("dashboard")
    return redirect("desks:people", slug=desk.slug)


# --- Sign-in --------------------------------------------------------------------------------


@login_required
@desk_admin_view(redirect_to="desks:sign_in")
def sign_in_settings(request, desk: Desk):
    # Bound on any POST: an unticked box sends nothing of its own.
    form = TwoStepRequirementForm(
        request.POST if request.method == "POST" else None, initial={"requires_two_step": desk.requires_two_step}
    )
    if request.method == "POST" and form.is_valid():
        desk = services.desk_two_step_requirement_set(
            actor=request.user, desk=desk, required=form.cleaned_data["requires_two_step"]
        )
        messages.success(
            request,
            _("The desk now requires two-step sign-in.")
            if desk.requires_two_step
            else _("The desk no longer requires two-step sign-in."),
        )
        return redirect("desks:sign_in", slug=desk.slug)
    return render(
        request,
        "desks/sign_in.html",
        {"desk": desk, "tab": "sign_in", "form": form, "members": desk_members_sign_in(desk=desk)},
        status=400 if form.errors else 200,
    )


@form_action("desks:sign_in", page_kwargs=("slug",))
@desk_admin_view(redirect_to="desks:sign_in")
def member_sign_in_unlock(request, desk: Desk):
    form = MemberSignInUnlockForm(request.POST, desk=desk)
    if not form.is_valid():
        flash_form_errors(request, form)
        return redirect("desks:sign_in", slug=desk.slug)
    membership = services.membership_sign_in_unlock(
        actor=request.user, desk=desk, username=form.cleaned_data["member"].user.get_username()
    )
    messages.success(
        request,
        _("%(username)s can sign in again: their failed sign-ins are cleared.")
        % {"username": membership.user.get_username()},
    )
    return redirect("desks:sign_in", slug=desk.slug)


# --- Rating scale ----------------------------------------------------------------------------


@dataclass(frozen=True)
class RatingRow:
    """A row of the rating scale table: its rating and the values its inputs show, which are the
    ones the admin typed when saving them was refused, so nothing typed is lost."""

    rating: Rating
    label: str
    description: str
    claimreview_value: str
    errors: tuple[str, ...] = ()
    # "es: Falso" lines, as the admin edits them.
    language_labels: str = ""

    @property
    def verdict_count(self) -> int:
        return self.rating.verdict_count


def _ratings_page(request, desk: Desk, *, add_form=None, refused: RatingRow | None = None, status: int = 200):
    scale = rating_scale_for_desk(desk=desk)
    rows = [
        # The refused row's rating comes from the form; this one carries the verdict count.
        replace(refused, rating=rating)
        if refused is not None and refused.rating.pk == rating.pk
        else RatingRow(
            rating=rating,
            label=rating.label,
            description=rating.description,
            claimreview_value="" if rating.claimreview_value is None else str(rating.claimreview_value),
            language_labels="\n".join(f"{language}: {label}" for language, label in rating.language_labels.items()),
        )
        for rating in rating_list_with_usage(scale=scale)
    ]
    return render(
        request,
        "desks/ratings.html",
        {
            "desk": desk,
            "tab": "ratings",
            "scale": scale,
            "own_scale": scale.desk_id == desk.pk,
            "ratings": rows,
            "claimreview_choices": RatingForm.base_fields["claimreview_value"].choices,
            "add_form": add_form or RatingForm(),
        },
        status=status,
    )


@login_required
@desk_admin_view()
def ratings(request, desk: Desk):
    return _ratings_page(request, desk)


@form_action("desks:ratings", page_kwargs=("slug",))
@desk_admin_view(redirect_to="desks:ratings")
def rating_scale_copy(request, desk: Desk):
    review_services.rating_scale_copy_default(user=request.user, desk=desk)
    messages.success(request, _("The desk has its own rating scale now; edit it below."))
    return redirect("desks:ratings", slug=desk.slug)


@form_action("desks:ratings", page_kwargs=("slug",))
@desk_admin_view(redirect_to="desks:ratings")
def rating_add(request, desk: Desk):
    form = RatingForm(request.POST)
    if form.is_valid():
        try:
            rating = review_services.rating_create(user=request.user, desk=desk, **form.cleaned_data)
        except ApplicationError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Added “%(label)s”.") % {"label": rating.label})
            return redirect("desks:ratings", slug=desk.slug)
    return _ratings_page(request, desk, add_form=form, status=400)


@form_action("desks:ratings", page_kwargs=("slug",))
@desk_admin_view(redirect_to="desks:ratings")
def rating_edit(request, desk: Desk):
    scale = rating_scale_for_desk(desk=desk)
    form = RatingEditForm(request.POST, scale=scale)
    own_scale = scale.desk_id == desk.pk
    if not form.is_valid() and ("rating" in form.errors or not own_scale):
        # No row of the desk's own scale to show the errors in: they go at the top of the page.
        flash_form_errors(request, form)
        return redirect("desks:ratings", slug=desk.slug)
    if form.is_valid():
        data = dict(form.cleaned_data)
        try:
            rating = review_services.rating_update(user=request.user, rating=data.pop("rating"), **data)
        except ApplicationError as error:
            if error.status == 404 or not own_scale:
                raise
            errors = [error.message]
        else:
            messages.success(request, _("Saved “%(label)s”.") % {"label": rating.label})
            return redirect("desks:ratings", slug=desk.slug)
    else:
        errors = [error for field_errors in form.errors.values() for error in field_errors]
    refused = RatingRow(
        rating=form.cleaned_data["rating"],
        label=form.data.get("label", ""),
        description=form.data.get("description", ""),
        claimreview_value=form.data.get("claimreview_value", ""),
        errors=tuple(errors),
        language_labels=form.data.get("language_labels", ""),
    )
    return _ratings_page(request, desk, refused=refused, status=400)


@form_action("desks:ratings", page_kwargs=("slug",))
@desk_admin_view(redirect_to="desks:ratings")
def rating_move(request, desk: Desk):
    form = RatingMoveForm(request.POST, scale=rating_scale_for_desk(desk=desk))
    if form.is_valid():
        review_services.rating_move(user=request.user, rating=form.cleaned_data["rating"], offset=form.offset)
    else:
        flash_form_errors(request, form)
    return redirect("desks:ratings", slug=desk.slug)


@form_action("desks:ratings", page_kwargs=("slug",))
@desk_admin_view(redirect_to="desks:ratings")
def rating_delete(request, desk: Desk):
    form = RatingDeleteForm(request.POST, scale=rating_scale_for_desk(desk=desk))
    if form.is_valid():
        rating = form.cleaned_data["rating"]
        review_services.rating_delete(user=request.user, rating=rating)
        messages.success(request, _("Removed “%(label)s”.") % {"label": rating.label})
    else:
        flash_form_errors(request, form)
    return redirect("desks:ratings", slug=desk.slug)


# --- Source rules ----------------------------------------------------------------------------


@login_required
@desk_admin_view()
def source_rules(request, desk: Desk):
    return render(
        request,
        "desks/source_rules.html",
        {"desk": desk, "tab": "source_rules", "topics": source_rules_by_topic_for_desk(desk=desk)},
    )


def _source_rule_form_page(request, desk: Desk, form: SourceRuleForm, *, rule=None, status: int = 200):
    return render(
        request,
        "desks/source_rule_form.html",
        {"desk": desk, "tab": "source_rules", "form": form, "rule": rule},
        status=status,
    )


@form_page
@desk_admin_view()
def source_rule_create(request, desk: Desk):
    form = SourceRuleForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            rule = reference_services.source_rule_create(user=request.user, desk=desk, **form.cleaned_data)
        except ApplicationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("Added the rule “%(name)s”; it applies to articles imported from now on.") % {"name": rule.name},
            )
            return redirect("desks:source_rules", slug=desk.slug)
    return _source_rule_form_page(request, desk, form, status=400 if form.errors else 200)


@form_page
@desk_admin_view()
def source_rule_edit(request, desk: Desk, rule_id):
    rule = source_rule_get_for_desk(desk=desk, rule_id=rule_id)
    if rule.desk_id is None:
        raise PermissionDeniedError(_("Shared rules apply to every desk; a site administrator changes them."))
    form = SourceRuleForm(request.POST or None, initial=SourceRuleForm.initial_for(rule))
    if request.method == "POST" and form.is_valid():
        try:
            rule = reference_services.source_rule_update(user=request.user, rule=rule, **form.cleaned_data)
        except ApplicationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(request, _("Saved the rule “%(name)s”.") % {"name": rule.name})
            return redirect("desks:source_rules", slug=desk.slug)
    return _source_rule_form_page(request, desk, form, rule=rule, status=400 if form.errors else 200)


@form_action("desks:source_rules", page_kwargs=("slug",))
@desk_admin_view(redirect_to="desks:source_rules")
def source_rule_deactivate(request, desk: Desk, rule_id):
    rule = source_rule_get_for_desk(desk=desk, rule_id=rule_id)
    rule = reference_services.source_rule_deactivate(user=request.user, rule=rule)
    messages.success(request, _("“%(name)s” no longer attaches links to new articles.") % {"name": rule.name})
    return redirect("desks:source_rules", slug=desk.slug)


@form_action("desks:source_rules", page_kwargs=("slug",))
@desk_admin_view(redirect_to="desks:source_rules")
def source_rule_reactivate(request, desk: Desk, rule_id):
    rule = source_rule_get_for_desk(desk=desk, rule_id=rule_id)
    rule = reference_services.source_rule_reactivate(user=request.user, rule=rule)
    messages.success(request, _("“%(name)s” attaches links to new articles again.") % {"name": rule.name})
    return redirect("desks:source_rules", slug=desk.slug)


# --- Webhooks --------------------------------------------------------------------------------


@never_cache  # the page shows signing secrets
@login_required
@desk_admin_view()
def webhooks_page(request, desk: Desk):
    return render(
        request,
        "desks/webhooks.html",
        {"desk": desk, "tab": "webhooks", "endpoints": webhook_endpoint_list(desk=desk)},
    )


def _webhook_form_errors(form: WebhookForm, error: ApplicationError) -> None:
    field = error.extra.get("field")
    form.add_error(field if field in form.fields else None, error.message)


def _webhook_form_page(request, desk: Desk, form: WebhookForm, *, endpoint=None, status: int = 200):
    deliveries = []
    if endpoint is not None:
        deliveries = list(webhook_delivery_list(endpoint=endpoint)[: settings.WEBHOOK_DELIVERY_LOG_LENGTH])
    context = {
        "desk": desk,
        "tab": "webhooks",
        "form": form,
        "endpoint": endpoint,
        "deliveries": deliveries,
        # The page's script reloads the log while this is true (static/js/app.js).
        "deliveries_pending": any(delivery.status in webhooks.UNFINISHED for delivery in deliveries),
    }
    return render(request, "desks/webhook_form.html", context, status=status)


@never_cache
@form_page
@desk_admin_view()
def webhook_create(request, desk: Desk):
    form = WebhookForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            fields = {name: value for name, value in form.cleaned_data.items() if name != "shown_active"}
            endpoint = webhooks.webhook_endpoint_create(actor=request.user, desk=desk, **fields)
        except ApplicationError as error:
            _webhook_form_errors(form, error)
        else:
            messages.success(request, _("Added the webhook. Its signing secret is below; send it a test event."))
            return redirect("desks:webhook_edit", slug=desk.slug, webhook_id=endpoint.pk)
    return _webhook_form_page(request, desk, form, status=400 if form.errors else 200)


@never_cache  # the page shows the signing secret
@form_page
@desk_admin_view()
def webhook_edit(request, desk: Desk, webhook_id):
    endpoint = webhook_endpoint_get(desk=desk, webhook_id=webhook_id)
    form = WebhookForm(request.POST or None, initial=WebhookForm.initial_for(endpoint))
    if request.method == "POST" and form.is_valid():
        try:
            endpoint = webhooks.webhook_endpoint_update(
                actor=request.user, endpoint=endpoint, **form.endpoint_changes()
            )
        except ApplicationError as error:
            _webhook_form_errors(form, error)
        else:
            messages.success(request, _("Saved the webhook."))
            return redirect("desks:webhook_edit", slug=desk.slug, webhook_id=endpoint.pk)
    return _webhook_form_page(request, desk, form, endpoint=endpoint, status=400 if form.errors else 200)


@form_action("desks:webhook_edit", page_kwargs=("slug", "webhook_id"))
@desk_admin_view(redirect_to="desks:webhooks")
def webhook_test(request, desk: Desk, webhook_id):
    endpoint = webhook_endpoint_get(desk=desk, webhook_id=webhook_id)
    webhooks.webhook_test_send(actor=request.user, endpoint=endpoint)
    messages.success(
        request,
        _(
            "A test event is queued and listed below as pending; the log refreshes itself (or use Refresh) to show "
            "whether the receiver took it."
        ),
    )
    return redirect("desks:webhook_edit", slug=desk.slug, webhook_id=endpoint.pk)


@form_action("desks:webhook_edit", page_kwargs=("slug", "webhook_id"))
@desk_admin_view(redirect_to="desks:webhooks")
def webhook_redeliver(request, desk: Desk, webhook_id, delivery_id):
    endpoint = webhook_endpoint_get(desk=desk, webhook_id=webhook_id)
    delivery = webhook_delivery_get(endpoint=endpoint, delivery_id=delivery_id)
    try:
        _redelivery, created = webhooks.webhook_delivery_redeliver(actor=request.user, delivery=delivery)
    except ApplicationError as error:
        if error.status == 404:
            raise
        # Refused (still being sent, or the webhook is off): said on the page the button is on.
        messages.error(request, error.message)
        return redirect("desks:webhook_edit", slug=desk.slug, webhook_id=endpoint.pk)
    if created:
        messages.success(
            request,
            _("The %(event)s delivery is queued again and listed below as pending.") % {"event": delivery.event},
        )
    else:
        messages.info(
            request,
            _("The %(event)s delivery was just sent again; that redelivery is listed below.")
            % {"event": delivery.event},
        )
    return redirect("desks:webhook_edit", slug=desk.slug, webhook_id=endpoint.pk)


@form_action("desks:webhook_edit", page_kwargs=("slug", "webhook_id"))
@desk_admin_view(redirect_to="desks:webhooks")
def webhook_rotate_secret(request, desk: Desk, webhook_id):
    endpoint = webhook_endpoint_get(desk=desk, webhook_id=webhook_id)
    webhooks.webhook_endpoint_update(actor=request.user, endpoint=endpoint, rotate_secret=True)
    messages.success(request, _("The webhook has a new signing secret; give it to the receiver."))
    return redirect("desks:webhook_edit", slug=desk.slug, webhook_id=endpoint.pk)


@form_action("desks:webhooks", page_kwargs=("slug",))
@desk_admin_view(redirect_to="desks:webhooks")
def webhook_delete(request, desk: Desk, webhook_id):
    endpoint = webhook_endpoint_get(desk=desk, webhook_id=webhook_id)
    webhooks.webhook_endpoint_delete(actor=request.user, endpoint=endpoint)
    messages.success(request, _("Deleted the webhook to %(url)s.") % {"url": endpoint.url})
    return redirect("desks:webhooks", slug=desk.slug)


# --- Reader tips -----------------------------------------------------------------------------


@login_required
@desk_admin_view(redirect_to="desks:tips_settings")
def tips_settings(request, desk: Desk):
    form = TipSettingsForm(request.POST or None, initial={"takes_tips": desk.takes_tips})
    if request.method == "POST" and form.is_valid():
        desk = services.desk_tips_set(actor=request.user, desk=desk, takes_tips=form.cleaned_data["takes_tips"])
        messages.success(
            request,
            _("The desk now takes tips from the public.")
            if desk.takes_tips
            else _("The desk no longer takes tips from the public."),
        )
        return redirect("desks:tips_settings", slug=desk.slug)
    return render(
        request,
        "desks/tips.html",
        {
            "desk": desk,
            "tab": "tips",
            "form": form,
            "public_url": request.build_absolute_uri(reverse("tips:submit", kwargs={"slug": desk.slug})),
        },
    )
