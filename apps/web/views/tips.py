"""Reader tips: the public form and tracking page (no sign-in), and the editors' inbox."""

from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from apps.articles import tips as tip_services
from apps.articles.models import TipStatus
from apps.core.client_ip import client_ip_address
from apps.core.exceptions import ApplicationError
from apps.desks.selectors import desk_get_for_member, membership_require
from apps.reports.selectors import article_public_verdicts
from apps.web.actions import form_action
from apps.web.errors import form_add_service_errors, import_rate_refusal
from apps.web.forms.tips import TipCloseForm, TipForm, TipInboxFilterForm

# As the review queue: a day's tips on one screen, a desk's backlog paged.
TIP_INBOX_PAGE_SIZE = 50


def _error_page(request, error: ApplicationError):
    return render(request, "error.html", {"error": error}, status=error.status)


# --- The public pages ---------------------------------------------------------------------------


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def tip_submit(request, slug):
    try:
        desk = tip_services.tip_desk_get(slug=slug)
    except ApplicationError as error:
        return _error_page(request, error)
    form = TipForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_robot():
            form.add_error(None, _("Your tip could not be sent. Leave the last field empty and try again."))
            status = 400
        else:
            try:
                tip = tip_services.tip_submit(
                    desk=desk,
                    text=request.POST.get("text", ""),
                    link=request.POST.get("link", ""),
                    reason=request.POST.get("reason", ""),
                    email=request.POST.get("email", ""),
                    client_address=client_ip_address(request),
                )
            except ApplicationError as error:
                if error.status == 404:
                    return _error_page(request, error)
                form.full_clean()  # the service judges the fields; the form shows its refusals beside them
                form.errors.clear()
                form_add_service_errors(form, error)
                status = error.status
            else:
                messages.success(request, _("Thank you: the desk has your tip."))
                return redirect("tips:track", token=tip.tracking_token)
    return render(request, "articles/tip_form.html", {"desk": desk, "form": form}, status=status)


@never_cache
@require_http_methods(["GET", "HEAD"])
def tip_track(request, token):
    try:
        tip = tip_services.tip_get_by_token(token=token)
    except ApplicationError as error:
        return _error_page(request, error)
    verdicts = []
    if tip.status == TipStatus.CHECKED and tip.article is not None:
        verdicts = article_public_verdicts(article=tip.article)
    response = render(
        request,
        "articles/tip_track.html",
        {
            "tip": tip,
            "verdicts": verdicts,
            "fact_check_url": tip.article.fact_check_url if verdicts else "",
            "tracking_url": request.build_absolute_uri(),
            "email_keep_days": settings.TIP_EMAIL_KEEP_DAYS,
        },
    )
    # The address is the tipster's key: no search engine lists it, and no page it links to learns it.
    response["Referrer-Policy"] = "no-referrer"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


# --- The editors' inbox ---------------------------------------------------------------------------


def desk_editor_view(view):
    """Hand the view the URL's desk if the user edits it: 404 outside it, 403 for its reviewers.
    A domain rule an action breaks (a tip already handled, a link that could not be fetched) is
    flashed on the inbox."""

    @wraps(view)
    def wrapper(request, slug, **kwargs):
        try:
            desk = desk_get_for_member(user=request.user, slug=slug)
            membership_require(user=request.user, desk=desk, editor=True)
        except ApplicationError as error:
            return _error_page(request, error)
        try:
            return view(request, desk, **kwargs)
        except ApplicationError as error:
            if request.method != "POST" or error.status == 404:
                return _error_page(request, error)
            messages.error(request, error.message)
            return redirect("tips:inbox", slug=desk.slug)

    return wrapper


def _desk_tip(request, desk, tip_id):
    tip = tip_services.tip_get(user=request.user, tip_id=tip_id)
    if tip.desk_id != desk.pk:
        raise ApplicationError(_("Tip not found."), status=404)
    return tip


@login_required
@require_http_methods(["GET", "HEAD"])
@desk_editor_view
def tip_inbox(request, desk):
    filter_form = TipInboxFilterForm(request.GET or None)
    status = filter_form.cleaned_data["status"] if filter_form.is_valid() else ""
    tips = tip_services.tip_list(user=request.user, desk=desk, status=status or None)
    query_without_page = request.GET.copy()
    query_without_page.pop("page", None)
    return render(
        request,
        "articles/tip_inbox.html",
        {
            "desk": desk,
            "tips": Paginator(tips, TIP_INBOX_PAGE_SIZE).get_page(request.GET.get("page")),
            # Pager links keep the status filter.
            "query_without_page": query_without_page.urlencode(),
            "filter_form": filter_form,
            "new_count": tip_services.tip_new_count(user=request.user, desk=desk),
            "public_url": request.build_absolute_uri(reverse("tips:submit", kwargs={"slug": desk.slug})),
            "close_form": TipCloseForm(),
        },
    )


@form_action("tips:inbox", page_kwargs=("slug",))
@desk_editor_view
def tip_check_start(request, desk, tip_id):
    tip = _desk_tip(request, desk, tip_id)
    # An article import, counted as the import form's and the API's are.
    refusal = import_rate_refusal(request)
    if refusal is not None:
        raise refusal
    tip = tip_services.tip_check_start(user=request.user, tip=tip)
    messages.success(request, _("The check has started: the tip's article is imported."))
    return redirect("articles:detail", article_id=tip.article_id)


@form_action("tips:inbox", page_kwargs=("slug",))
@desk_editor_view
def tip_close(request, desk, tip_id):
    tip = _desk_tip(request, desk, tip_id)
    form = TipCloseForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect("tips:inbox", slug=desk.slug)
    tip_services.tip_close(user=request.user, tip=tip, public_reason=form.cleaned_data["public_reason"])
    messages.success(request, _("The tip is closed."))
    return redirect("tips:inbox", slug=desk.slug)
