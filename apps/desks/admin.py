from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.forms import AdminPasswordChangeForm
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy

from apps.core.admin import AuditedAdmin, EveryDeskRecordAdmin
from apps.core.audit import audit_admin_deleted, audit_admin_password_set
from apps.core.exceptions import ApplicationError

from .models import Desk, Membership, WebhookDelivery, WebhookEndpoint
from .services import (
    account_lockout_check,
    account_switch_record,
    desk_admins_kept_check,
    desks_with_admin,
    membership_leave_check,
)


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 1
    autocomplete_fields = ["user"]


@admin.register(Desk)
class DeskAdmin(AuditedAdmin):
    list_display = ["name", "slug", "created_at"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [MembershipInline]

    def audit_place(self, obj: Desk) -> dict:
        return {"desk": obj}

    def save_formset(self, request: HttpRequest, form, formset, change: bool) -> None:
        # The people as a whole: a desk that had an admin keeps one (and one who can sign in), and
        # nobody with open review tasks leaves, as on the desk's people page.
        admins_before = desks_with_admin(desk_ids=[form.instance.pk])
        leaving_ids = [inline.instance.pk for inline in formset.deleted_forms if not inline.instance._state.adding]
        leaving_ids += [
            inline.instance.pk
            for inline in formset.initial_forms
            if "user" in inline.changed_data and inline not in formset.deleted_forms
        ]
        for membership in Membership.objects.filter(pk__in=leaving_ids).select_related("user"):
            membership_leave_check(membership=membership)
        super().save_formset(request, form, formset, change)
        desk_admins_kept_check(before=admins_before)


@admin.register(Membership)
class MembershipAdmin(AuditedAdmin):
    list_display = ["user", "desk", "role"]
    list_filter = ["role", "desk"]
    search_fields = ["user__username", "desk__name"]

    def audit_place(self, obj: Membership) -> dict:
        return {"desk": obj.desk}

    # The desk's people page's rules: each desk keeps an admin, and an admin who can sign in
    # (demoting, removing or moving one included), and a member with open review tasks does not
    # leave (nor is moved to another desk or account) until they are reassigned.

    def save_model(self, request: HttpRequest, obj: Membership, form, change: bool) -> None:
        stored = Membership.objects.select_related("user").get(pk=obj.pk) if change else None
        admins_before = desks_with_admin(desk_ids=[obj.desk_id, *([stored.desk_id] if stored else [])])
        if stored is not None and (stored.desk_id, stored.user_id) != (obj.desk_id, obj.user_id):
            membership_leave_check(membership=stored)
        super().save_model(request, obj, form, change)
        desk_admins_kept_check(before=admins_before)

    def delete_model(self, request: HttpRequest, obj: Membership) -> None:
        self.delete_queryset(request, Membership.objects.filter(pk=obj.pk))

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet) -> None:
        memberships = list(queryset.select_related("user", "desk"))
        admins_before = desks_with_admin(desk_ids=[membership.desk_id for membership in memberships])
        for membership in memberships:
            membership_leave_check(membership=membership)
        super().delete_queryset(request, queryset)
        desk_admins_kept_check(before=admins_before)


@admin.register(WebhookEndpoint)
class WebhookEndpointAdmin(EveryDeskRecordAdmin):
    """Every desk's webhook endpoints, for a site administrator to see where events go and why one
    was turned off; desk admins manage their own in the desk settings. The secret is not shown."""

    list_display = ["url", "desk", "payload_format", "is_active", "consecutive_failures", "created_at"]
    list_filter = ["is_active", "payload_format", "desk"]
    search_fields = ["url", "description", "desk__slug"]
    exclude = ["secret"]
    readonly_fields = [field.name for field in WebhookEndpoint._meta.fields if field.name != "secret"]


@admin.register(WebhookDelivery)
class WebhookDeliveryAdmin(EveryDeskRecordAdmin):
    """The webhook outbox of every desk: what was sent where, and why something failed; rows are
    written and sent by the workflow, never here."""

    list_display = ["event", "endpoint", "status", "attempts", "response_status", "created_at", "delivered_at"]
    list_filter = ["status", "event"]
    search_fields = ["=endpoint__id", "endpoint__url", "last_error"]
    readonly_fields = [field.name for field in WebhookDelivery._meta.fields] + ["why_it_failed"]

    # `last_error` keeps the English text the search finds; this words it in the admin's language.
    @admin.display(description=gettext_lazy("Why it failed"))
    def why_it_failed(self, delivery: WebhookDelivery) -> str:
        return delivery.last_error_for_reader


User = get_user_model()
admin.site.unregister(User)


class AccountPasswordForm(AdminPasswordChangeForm):
    """Django's password page, refusing to turn password sign-in off where that would leave a desk
    with no admin who can sign in, as switching the account off is refused: the page comes back with
    the reason under the choice, and the account keeps its password."""

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("set_usable_password") is False:
            try:
                account_lockout_check(account=self.user)
            except ApplicationError as error:
                self.add_error("usable_password", error.message)
        return cleaned


@admin.register(User)
class AccountAdmin(AuditedAdmin, UserAdmin):
    """Django's own account admin, its changes recorded site-wide (superusers read them in the audit
    list): who granted or removed staff or superuser status, switched an account off or on, changed
    its groups or permissions, set its password (that alone: never the password or its hash), or
    deleted it. Switching an account off or on is also recorded in each of its desks' activity.

    Deleting an account takes it off its desks, under the desk's people page's rules (each desk
    keeps an admin, and one who can sign in; open review tasks are reassigned first), and each
    desk's activity records it, as it records a member removed in the app."""

    change_password_form = AccountPasswordForm

    def audit_place(self, obj) -> dict:
        # An account is no one desk's: it signs in to all of its desks.
        return {}

    def save_model(self, request: HttpRequest, obj, form, change: bool) -> None:
        was_active = User.objects.filter(pk=obj.pk).values_list("is_active", flat=True).first() if change else None
        if was_active and not obj.is_active:
            account_lockout_check(account=obj)
        super().save_model(request, obj, form, change)
        if change and was_active != obj.is_active:
            account_switch_record(actor=request.user, account=obj, was_active=was_active)

    def user_change_password(self, request: HttpRequest, id: str, form_url: str = "") -> HttpResponse:
        # Django's view says nothing of whether it saved (a refused form redirects too), so the
        # stored hashes tell: setting even the same password again salts it anew.
        with transaction.atomic():
            account = self.get_object(request, unquote(id))  # None for an id of no account: Django's 404
            hash_before = account.password if account is not None else None
            response = super().user_change_password(request, id, form_url)
            if account is not None:
                account.refresh_from_db(fields=["password"])
                if account.password != hash_before:
                    audit_admin_password_set(actor=request.user, account=account, usable=account.has_usable_password())
        return response

    def delete_model(self, request: HttpRequest, obj) -> None:
        self.delete_queryset(request, User.objects.filter(pk=obj.pk))

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet) -> None:
        with transaction.atomic():
            memberships = list(Membership.objects.filter(user__in=queryset).select_related("desk", "user"))
            admins_before = desks_with_admin(desk_ids=[membership.desk_id for membership in memberships])
            for membership in memberships:
                membership_leave_check(membership=membership)
                audit_admin_deleted(actor=request.user, obj=membership, desk=membership.desk)
            # The accounts themselves are recorded site-wide there.
            super().delete_queryset(request, queryset)
            desk_admins_kept_check(before=admins_before)
