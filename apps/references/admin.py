from typing import Any

from django import forms
from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from apps.core.admin import AuditedAdmin, RuleKeepingAdmin
from apps.core.exceptions import ApplicationError
from apps.desks.models import Desk, Membership, Role
from apps.references.services import (
    library_document_values_check,
    reference_admin_change_check,
    reference_admin_deletion_check,
    reference_url_check,
    source_link_url_check,
    source_rule_url_template_check,
)

from .models import LibraryDocument, ProviderSetting, Reference, ReferenceJob, SourceLink, SourceRule


def _admin_desk_ids(request: HttpRequest) -> list:
    return list(Membership.objects.filter(user_id=request.user.pk, role=Role.ADMIN).values_list("desk_id", flat=True))


class DeskAdminScopedAdmin(AuditedAdmin):
    """Desk admins (staff users with the admin role in a desk) manage their desks' rows, and each
    change is recorded in the desk's activity.

    Rows without a desk (shipped defaults) are changed only by superusers.
    """

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        rows = super().get_queryset(request).select_related("desk")
        if request.user.is_superuser:
            return rows
        return rows.filter(desk_id__in=_admin_desk_ids(request))

    def _may_edit(self, request: HttpRequest, obj: Any = None) -> bool:
        if not (request.user.is_active and request.user.is_staff):
            return False
        if request.user.is_superuser:
            return True
        desk_ids = _admin_desk_ids(request)
        return bool(desk_ids) if obj is None else obj.desk_id in desk_ids

    def has_module_permission(self, request: HttpRequest) -> bool:
        return self._may_edit(request)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._may_edit(request, obj)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return self._may_edit(request)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._may_edit(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._may_edit(request, obj)

    def audit_place(self, obj: Any) -> dict:
        # Shared rows (no desk) are every desk's, so no one desk's activity holds their changes:
        # they are recorded site-wide.
        return {"desk": obj.desk} if obj.desk_id else {}

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "desk" and not request.user.is_superuser:
            kwargs["queryset"] = Desk.objects.filter(pk__in=_admin_desk_ids(request))
            kwargs["required"] = True
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class SourceRuleAdminForm(forms.ModelForm):
    # No Meta: ModelAdmin supplies the model and its fields.

    def clean_url_template(self) -> str:
        # The same check as the desk's own form: a template that str.format cannot fill fails
        # every import it meets, and one that is not http(s) puts javascript: links on claim pages.
        try:
            return source_rule_url_template_check(self.cleaned_data["url_template"])
        except ApplicationError as error:
            raise forms.ValidationError(error.message) from None

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        # An emptied list box arrives as None, which the NOT NULL column would refuse with a
        # server error; an empty box means "none".
        for name in ("kinds", "keywords", "excluded_keywords"):
            if name in cleaned and cleaned[name] is None:
                cleaned[name] = []
        return cleaned


@admin.register(SourceRule)
class SourceRuleAdmin(DeskAdminScopedAdmin):
    form = SourceRuleAdminForm
    list_display = [
        "name",
        "topic",
        "label",
        "desk",
        "kinds",
        "keywords",
        "excluded_keywords",
        "requires_attribution",
        "is_active",
        "priority",
    ]
    # Only the desks among the rows shown: the plain filter lists every desk to every desk admin.
    list_filter = ["topic", "is_active", "requires_attribution", ("desk", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["name", "label", "url_template"]
    list_editable = ["is_active", "priority"]


@admin.register(ProviderSetting)
class ProviderSettingAdmin(DeskAdminScopedAdmin):
    list_display = ["desk", "provider", "is_enabled"]
    list_filter = ["provider", "is_enabled"]


class _CheckedAddressesForm(forms.ModelForm):
    """A row's `url` and `archive_url`, each held to the stage's address check; a refusal is the field's error.
    With `only_changed`, an address left as it was is not judged again, so a row stored before the rule can
    be mended."""

    only_changed = False

    def address_checked(self, url: str, name: str) -> str:
        raise NotImplementedError

    def _url_cleaned(self, name: str) -> str:
        url = self.cleaned_data[name]
        if not url or (self.only_changed and name not in self.changed_data):
            return url
        try:
            return self.address_checked(url, name)
        except ApplicationError as error:
            raise forms.ValidationError(error.message) from None

    def clean_url(self) -> str:
        return self._url_cleaned("url")

    def clean_archive_url(self) -> str:
        return self._url_cleaned("archive_url")


class SourceLinkAdminForm(_CheckedAddressesForm):
    # No Meta: ModelAdmin supplies the model and its fields.

    def address_checked(self, url: str, name: str) -> str:
        # Claim pages link both for reviewers to open: only web addresses (a URLField also takes ftp:).
        return source_link_url_check(url, field_name=name)


@admin.register(SourceLink)
class SourceLinkAdmin(AuditedAdmin):
    """A claim's links to the sources its rules point at, each change in the claim's history."""

    form = SourceLinkAdminForm
    list_display = ["label", "claim", "rule", "url", "archive_url"]
    list_filter = ["rule"]
    search_fields = ["label", "url", "claim__text"]
    raw_id_fields = ["claim"]

    def audit_place(self, obj: SourceLink) -> dict:
        return {"claim": obj.claim}


class LibraryDocumentAdminForm(forms.ModelForm):
    # No Meta: ModelAdmin supplies the model and its fields.

    def _post_clean(self) -> None:
        # After the model's own checks have filled the instance: the library's rules on top.
        super()._post_clean()
        if not self.errors:
            try:
                library_document_values_check(document=self.instance)
            except ApplicationError as error:
                self.add_error("url", error.message)


@admin.register(LibraryDocument)
class LibraryDocumentAdmin(AuditedAdmin):
    """Every library's documents, the shared ones (no desk) only changed here. The library's rules
    apply (no private addresses, one document per URL), and changes are recorded in the desk's
    activity, or site-wide for the shared ones."""

    form = LibraryDocumentAdminForm
    list_display = ["title", "publisher", "published_on", "desk", "url"]
    list_filter = ["desk", "publisher"]
    search_fields = ["title", "body", "url"]

    def audit_place(self, obj: LibraryDocument) -> dict:
        return {"desk": obj.desk} if obj.desk_id else {}


class ReferenceAdminForm(_CheckedAddressesForm):
    # No Meta: ModelAdmin supplies the model and its fields.

    only_changed = True

    def address_checked(self, url: str, name: str) -> str:
        # As for evidence added in the app: a web address the public can reach, since reviewers open
        # it, the link checker and the Internet Archive are sent to it, and exports link it.
        return reference_url_check(url)


@admin.register(Reference)
class ReferenceAdmin(AuditedAdmin):
    """A claim's gathered and added evidence, each change in the claim's history. Once a published
    verdict cites a reference (or the finding a correction is under way for does), its address and
    passage stay as readers saw them and it is not deleted: the verdict's correction is the way to
    cite something else."""

    form = ReferenceAdminForm
    list_display = ["title", "claim", "provider", "stance", "stance_score", "score", "link_status", "fetched_at"]
    list_filter = ["provider", "stance", "link_status", "fetch_status"]
    search_fields = ["title", "url", "claim__text", "passage"]
    raw_id_fields = ["claim"]

    def audit_place(self, obj: Reference) -> dict:
        return {"claim": obj.claim}

    def get_readonly_fields(self, request: HttpRequest, obj: Reference | None = None) -> list:
        # A reference stays with the claim it was found for: verdicts and drafts cite only their own
        # claim's references (`verdict_values_check`), and its stance and passage were read against
        # that claim's text.
        return ["claim"] if obj is not None else []

    def save_model(self, request: HttpRequest, obj: Reference, form: forms.ModelForm, change: bool) -> None:
        if change:
            reference_admin_change_check(reference=obj, changed_fields=form.changed_data)
        super().save_model(request, obj, form, change)

    def deletion_check(self, obj: Reference) -> None:
        reference_admin_deletion_check(reference=obj)


REFERENCE_JOB_NOT_DELETED = (
    "A reference job is the claim's gathering state, kept by the workflow: ask for the references again "
    "on the claim's page instead."
)


@admin.register(ReferenceJob)
class ReferenceJobAdmin(RuleKeepingAdmin):
    """Read-only: a job's state is the workflow's (the worker and the stale-job sweep write it), so
    a site administrator reads here why gathering failed, and asks again on the claim's page."""

    list_display = ["claim", "status", "attempts", "enqueued_at", "started_at", "finished_at"]
    list_filter = ["status"]
    raw_id_fields = ["claim"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    # Not a delete permission withheld: that would also stop deleting a claim with its job.
    def deletion_check(self, obj: ReferenceJob) -> None:
        raise ApplicationError(REFERENCE_JOB_NOT_DELETED)
