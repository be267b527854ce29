from typing import Any

from axes.admin import AccessAttemptAdmin, AccessFailureLogAdmin, AccessLogAdmin
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib import admin, messages
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.auth.admin import GroupAdmin
from django.contrib.auth.models import Group
from django.db import models, transaction
from django.db.models import Model, ProtectedError, QuerySet
from django.forms import BaseModelFormSet, ModelForm
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.utils.translation import gettext, gettext_lazy
from django_otp.plugins.otp_static.admin import StaticDeviceAdmin
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.admin import TOTPDeviceAdmin
from django_otp.plugins.otp_totp.models import TOTPDevice
from rest_framework.authtoken.admin import TokenAdmin
from rest_framework.authtoken.models import TokenProxy

from .accounts import sign_in_attempts_clear
from .audit import audit_admin_deleted, audit_admin_saved, audit_admin_values, audit_event_summary
from .exceptions import ApplicationError
from .models import AuditEvent, PasswordResetEmail
from .two_step import two_step_reset


def _refusal_text(error: ApplicationError | ProtectedError) -> str:
    if isinstance(error, ApplicationError):
        return error.message
    names = ", ".join(sorted({str(row) for row in error.protected_objects})[:5])
    return gettext("Nothing was deleted: it is still in use (%(names)s).") % {"names": names}


def _refused_form(form_class: type[ModelForm], refusal: str) -> type[ModelForm]:
    """`form_class`, invalid with `refusal` as its error whatever is typed in it."""

    class RefusedForm(form_class):
        def clean(self) -> dict[str, Any]:
            cleaned = super().clean()
            self.add_error(None, refusal)
            return cleaned

    return RefusedForm


class LookupCheckingAdmin(admin.ModelAdmin):
    """Answers a changelist filter the database cannot be asked (`?created_at__year=-1`, a user
    number past 64 bits) as Django answers an unknown one, redirecting to the list with `?e=1`,
    rather than with a 500: Django accepts any lookup on the model's own fields, and such values
    fail only when the query is compiled or run, which happens while the changelist is built."""

    def get_changelist_instance(self, request: HttpRequest):
        try:
            return super().get_changelist_instance(request)
        except (ValueError, OverflowError) as error:
            raise IncorrectLookupParameters(error) from error


class RuleKeepingAdmin(LookupCheckingAdmin):
    """An admin whose saves and deletions may be refused by the app's rules: a subclass calls the
    services' checks from `save_model`, `delete_model`, `delete_queryset` or `save_formset`, and
    their `ApplicationError` is shown rather than a server error, with nothing saved. A refused add or
    change page comes back as a form with an error does, with what was typed in it; a refused deletion
    or list edit is an error message on the page it came from. A row still protected by a foreign key
    is refused the same way.

    Each view runs in one transaction, so a refusal raised after some rows were written (a formset
    checked once all its rows are saved, a bulk deletion checked row by row) undoes them all.
    """

    # An address typed without a scheme is read as https, as Django 6 will read it.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def _refusal_shown(self, request: HttpRequest, view, *args, **kwargs) -> HttpResponse:
        try:
            with transaction.atomic():
                return view(request, *args, **kwargs)
        except (ApplicationError, ProtectedError) as error:
            self.message_user(request, _refusal_text(error), messages.ERROR)
        return HttpResponseRedirect(request.get_full_path())

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None) -> HttpResponse:
        if request.method != "POST":
            return self._refusal_shown(request, super().changeform_view, object_id, form_url, extra_context)
        try:
            with transaction.atomic():
                return super().changeform_view(request, object_id, form_url, extra_context)
        except (ApplicationError, ProtectedError) as error:
            # The save was undone; the page is drawn again from the same POST, its form refused with
            # the rule's words, so the administrator corrects what they typed rather than retyping it.
            request.admin_refusal = _refusal_text(error)
            return super().changeform_view(request, object_id, form_url, extra_context)

    def get_form(self, request: HttpRequest, obj: Model | None = None, change: bool = False, **kwargs: Any):
        form_class = super().get_form(request, obj, change=change, **kwargs)
        refusal = getattr(request, "admin_refusal", None)
        return form_class if refusal is None else _refused_form(form_class, refusal)

    def delete_view(self, request, object_id, extra_context=None) -> HttpResponse:
        return self._refusal_shown(request, super().delete_view, object_id, extra_context)

    def changelist_view(self, request, extra_context=None) -> HttpResponse:
        # Bulk actions ("delete selected") and the list's editable columns save from here.
        return self._refusal_shown(request, super().changelist_view, extra_context)

    def deletion_check(self, obj: Model) -> None:
        """Raise ApplicationError where the app's rules keep `obj`: a subclass calls its service's check.
        The delete page and the changelist's "delete selected" both ask it, row by row."""

    def delete_model(self, request: HttpRequest, obj: Model) -> None:
        self.deletion_check(obj)
        super().delete_model(request, obj)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet) -> None:
        for obj in queryset:
            self.deletion_check(obj)
        super().delete_queryset(request, queryset)


class AuditedAdmin(RuleKeepingAdmin):
    """An admin whose saves and deletions are recorded in the desk's activity (and a claim's
    history, for a claim's rows), the way the app's services record theirs: who, when, and each
    changed field's old and new value. Rows edited inline are recorded in the parent's place (a
    desk's memberships, a scale's ratings). Rows of no desk (the shared source rules, the standard
    rating scale) are recorded site-wide: in no desk's activity, in the audit trail superusers read.

    Django's admin saves rows as they are, without the app's services (site administrators repair
    data here), so recording them is the only trace they leave. Each subclass says where its rows'
    changes belong in `audit_place`.
    """

    def audit_place(self, obj: Model) -> dict[str, Any]:
        """Where the changes of `obj` are recorded: `{"desk": desk}`, `{"article": article}` or
        `{"claim": claim}`; `{}` for a row of no desk (the shipped defaults), recorded site-wide."""
        raise NotImplementedError

    def save_model(self, request: HttpRequest, obj: Model, form: ModelForm, change: bool) -> None:
        stored = type(obj)._default_manager.get(pk=obj.pk) if change else None
        before = audit_admin_values(stored) if stored is not None else None
        super().save_model(request, obj, form, change)
        place = self.audit_place(obj)
        audit_admin_saved(actor=request.user, obj=obj, before=before, **place)
        # A row moved elsewhere (a membership to another desk) is recorded where it left as well as
        # where it arrived: each desk's trail shows who came and went.
        if stored is not None and (left := self.audit_place(stored)) != place:
            audit_admin_saved(actor=request.user, obj=obj, before=before, **left)

    def save_related(self, request: HttpRequest, form: ModelForm, formsets: list, change: bool) -> None:
        # Many-to-many values (a verdict's cited references) are saved after the row, so their
        # change is a second event.
        before = audit_admin_values(form.instance)
        super().save_related(request, form, formsets, change)
        audit_admin_saved(actor=request.user, obj=form.instance, before=before, **self.audit_place(form.instance))

    def delete_model(self, request: HttpRequest, obj: Model) -> None:
        audit_admin_deleted(actor=request.user, obj=obj, **self.audit_place(obj))
        super().delete_model(request, obj)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet) -> None:
        # The changelist's "delete selected": one event per row, in the deletion's transaction.
        with transaction.atomic():
            for obj in queryset:
                audit_admin_deleted(actor=request.user, obj=obj, **self.audit_place(obj))
            super().delete_queryset(request, queryset)

    def save_formset(self, request: HttpRequest, form: ModelForm, formset: BaseModelFormSet, change: bool) -> None:
        place = self.audit_place(form.instance)
        stored_ids = [inline.instance.pk for inline in formset.forms if not inline.instance._state.adding]
        before = {row.pk: audit_admin_values(row) for row in formset.model._default_manager.filter(pk__in=stored_ids)}
        # Recorded before saving: a deleted row has no primary key afterwards.
        for deleted in formset.deleted_forms:
            if deleted.instance.pk in before:
                audit_admin_deleted(
                    actor=request.user, obj=deleted.instance, values=before[deleted.instance.pk], **place
                )
        super().save_formset(request, form, formset, change)
        for obj in formset.new_objects:
            audit_admin_saved(actor=request.user, obj=obj, before=None, **place)
        for obj, _ in formset.changed_objects:
            audit_admin_saved(actor=request.user, obj=obj, before=before[obj.pk], **place)


class EveryDeskRecordAdmin(LookupCheckingAdmin):
    """Records of every desk that only the workflow writes (the audit trail, the email outbox): for
    superusers to read, not for a desk's own admins, and not to be changed here."""

    def has_module_permission(self, request) -> bool:
        return request.user.is_superuser

    def has_view_permission(self, request, obj=None) -> bool:
        return request.user.is_superuser

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(AuditEvent)
class AuditEventAdmin(EveryDeskRecordAdmin):
    """The audit trail of every desk, and the site-wide events of rows no desk owns (filter on an
    empty desk id), for a site administrator answering "who did this?"; read-only (superusers
    included), since the record is only worth something if nobody can rewrite it."""

    list_display = ["occurred_at", "actor_name", "action", "summary", "desk_id", "claim_id"]
    list_filter = ["action", ("desk_id", admin.EmptyFieldListFilter)]
    search_fields = ["actor_name", "=desk_id", "=article_id", "=claim_id"]
    readonly_fields = [field.name for field in AuditEvent._meta.fields] + ["summary"]
    ordering = ["-occurred_at", "-pk"]

    @admin.display(description=gettext_lazy("What happened"))
    def summary(self, event: AuditEvent) -> str:
        return audit_event_summary(event)


@admin.register(PasswordResetEmail)
class PasswordResetEmailAdmin(EveryDeskRecordAdmin):
    """The password reset outbox: which account was sent a link, and why one was not (the mail
    server's words, kept as it said them, or ours in the admin's language). Rows are written by the
    reset form and sent by a worker, never here; the link's token is never stored, so nothing here
    lets anyone in."""

    list_display = ["account", "status", "attempts", "created_at", "enqueued_at", "updated_at"]
    list_filter = ["status"]
    search_fields = ["account__username", "account__email", "error"]
    list_select_related = ["account"]
    # `error` keeps the English text the search finds; its row words it in the admin's language.
    exclude = ["error", "error_detail"]
    readonly_fields = [
        *(field.name for field in PasswordResetEmail._meta.fields if field.name not in ("error", "error_detail")),
        "error_shown",
    ]

    @admin.display(description=gettext_lazy("error"))
    def error_shown(self, email: PasswordResetEmail) -> str:
        return email.error_for_reader


# Django's group admin and DRF's token admin are registered by their own packages (before ours:
# INSTALLED_APPS lists them first); registered again with the same check, so that no list of the
# site answers a bad filter with a 500. tests/core/test_admin_lookups.py fails for any admin that
# another package registers without it.
admin.site.unregister(Group)
admin.site.unregister(TokenProxy)
for axes_model in (AccessAttempt, AccessLog, AccessFailureLog):
    admin.site.unregister(axes_model)
admin.site.unregister(TOTPDevice)
admin.site.unregister(StaticDevice)


@admin.register(Group)
class LookupCheckingGroupAdmin(LookupCheckingAdmin, GroupAdmin):
    pass


@admin.register(TokenProxy)
class LookupCheckingTokenAdmin(LookupCheckingAdmin, TokenAdmin):
    pass


class _SignInRecordAdmin(LookupCheckingAdmin):
    """django-axes' records of sign-ins, as its own admin shows them, read-only: what a person typed
    and where from is never changed. Deleting a failed attempt lifts the lockout it caused (as
    `manage.py axes_reset_username NAME` does)."""

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(AccessAttempt)
class SignInAttemptAdmin(_SignInRecordAdmin, AccessAttemptAdmin):
    """Deleting rows here lifts lockouts: recorded, per name, with who did it and the addresses."""

    def delete_model(self, request, obj) -> None:
        sign_in_attempts_clear(attempts=AccessAttempt.objects.filter(pk=obj.pk), actor=request.user)

    def delete_queryset(self, request, queryset) -> None:
        sign_in_attempts_clear(attempts=queryset, actor=request.user)


@admin.register(AccessLog)
class SignInLogAdmin(_SignInRecordAdmin, AccessLogAdmin):
    pass


@admin.register(AccessFailureLog)
class SignInFailureLogAdmin(_SignInRecordAdmin, AccessFailureLogAdmin):
    pass


class _TwoStepDeviceAdmin(LookupCheckingAdmin):
    """django-otp's devices of two-step sign-in, listed without their secrets (OTP_ADMIN_HIDE_SENSITIVE_DATA)
    and neither added nor changed here: a person sets theirs up under "Your account". Deleting a
    person's devices turns two-step sign-in off for them (a lost phone and lost recovery codes)."""

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(TOTPDevice)
class AuthenticatorAdmin(_TwoStepDeviceAdmin, TOTPDeviceAdmin):
    def delete_model(self, request, obj) -> None:
        two_step_reset(user=obj.user, actor=request.user)

    def delete_queryset(self, request, queryset) -> None:
        for device in queryset.select_related("user"):
            two_step_reset(user=device.user, actor=request.user)


@admin.register(StaticDevice)
class RecoveryCodesAdmin(_TwoStepDeviceAdmin, StaticDeviceAdmin):
    pass
