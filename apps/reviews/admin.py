from django import forms
from django.contrib import admin
from django.contrib.admin.views.main import ChangeList
from django.db.models import QuerySet
from django.forms.models import BaseInlineFormSet
from django.http import HttpRequest
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from apps.claims.services import claim_editable_check
from apps.core.admin import AuditedAdmin, EveryDeskRecordAdmin
from apps.core.exceptions import ApplicationError

from .models import Notification, Rating, RatingScale, ReviewTask, Verdict, VerdictCorrection
from .services import (
    rating_removal_check,
    rating_scale_add_check,
    rating_scale_bounds_check,
    rating_scale_removal_check,
    rating_values_check,
    review_task_due_date_check,
    review_task_verdict_revision_bump,
    verdict_values_check,
)


class RatingInlineFormSet(BaseInlineFormSet):
    """A scale's ratings under the settings page's rules: labels given and unique, ClaimReview values
    within the scale, labels by language well formed; a rating that verdicts or corrections use is
    not removed, nor the scale's last one."""

    def clean(self) -> None:
        super().clean()
        if any(self.errors):
            return
        kept = 0
        # The service checks a label against the stored ratings only; two rows of this one save must
        # not take the same label either, whatever its case.
        labels_taken: set[str] = set()
        for form in self.forms:
            if form.instance._state.adding and not form.has_changed():
                continue  # an empty extra row
            try:
                if self._should_delete_form(form):
                    if not form.instance._state.adding:
                        rating_removal_check(rating=form.instance)
                    continue
                kept += 1
                values = rating_values_check(
                    scale=self.instance,
                    rating=form.instance,
                    label=form.cleaned_data.get("label", ""),
                    description=form.cleaned_data.get("description", ""),
                    claimreview_value=form.cleaned_data.get("claimreview_value"),
                    language_labels=form.cleaned_data.get("language_labels") or {},
                )
            except ApplicationError as error:
                form.add_error(None, error.message)
                continue
            if values["label"].casefold() in labels_taken:
                form.add_error(None, f"The scale already has a rating called {values['label']!r}.")
                continue
            labels_taken.add(values["label"].casefold())
            for field, value in values.items():
                setattr(form.instance, field, value)
        if not kept and self.initial_form_count():
            raise forms.ValidationError(_("A scale needs at least one rating."))


class RatingInline(admin.TabularInline):
    model = Rating
    formset = RatingInlineFormSet
    extra = 0


class RatingScaleAdminForm(forms.ModelForm):
    # No Meta: ModelAdmin supplies the model and its fields.

    def clean(self) -> dict:
        cleaned = super().clean()
        # Desks without their own scale rate on the one with no desk; with two, which one is unsaid.
        adding_standard = self.instance._state.adding and "desk" in self.fields and cleaned.get("desk") is None
        if adding_standard and RatingScale.objects.filter(desk__isnull=True).exists():
            raise forms.ValidationError(
                _("There is already a standard scale (the one with no desk); choose the desk this scale is for.")
            )
        # The ratings' ClaimReview values are checked within the new bounds by RatingInlineFormSet.
        if cleaned.get("best_rating") is not None and cleaned.get("worst_rating") is not None:
            try:
                rating_scale_bounds_check(best_rating=cleaned["best_rating"], worst_rating=cleaned["worst_rating"])
            except ApplicationError as error:
                raise forms.ValidationError(error.message) from None
        return cleaned


@admin.register(RatingScale)
class RatingScaleAdmin(AuditedAdmin):
    form = RatingScaleAdminForm
    list_display = ["name", "desk", "best_rating", "worst_rating"]
    inlines = [RatingInline]

    def audit_place(self, obj: RatingScale) -> dict:
        return {"desk": obj.desk} if obj.desk_id else {}

    def get_readonly_fields(self, request: HttpRequest, obj: RatingScale | None = None) -> list:
        # Moving a scale to another desk would rate one desk's verdicts on another desk's scale, and
        # giving the standard scale a desk would leave the other desks without one.
        return ["desk"] if obj is not None else []

    def save_model(self, request: HttpRequest, obj: RatingScale, form: forms.ModelForm, change: bool) -> None:
        if not change and obj.desk_id is not None:
            rating_scale_add_check(desk=obj.desk)
        super().save_model(request, obj, form, change)

    def deletion_check(self, obj: RatingScale) -> None:
        rating_scale_removal_check(scale=obj)


@admin.register(ReviewTask)
class ReviewTaskAdmin(AuditedAdmin):
    """Read-mostly: workflow changes (assignment, the verdict's revision, an editor's note) go
    through the app so its rules apply and its notifications go out; only the due date is kept here.
    Tasks are made by releasing claims, and deleted only while their claim could be."""

    list_display = ["claim", "status", "assignee", "due_date", "updated_at"]
    list_filter = ["status", "claim__article__desk"]
    search_fields = ["claim__text"]
    readonly_fields = [
        "claim", "status", "assignee", "assigned_by", "editor_note", "verdict_revision", "created_at", "updated_at",
    ]  # fmt: skip

    def audit_place(self, obj: ReviewTask) -> dict:
        return {"claim": obj.claim}

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def save_model(self, request: HttpRequest, obj: ReviewTask, form: forms.ModelForm, change: bool) -> None:
        if "due_date" in form.changed_data:
            # The form's initial value is the date the task had when the form was filled in.
            review_task_due_date_check(task=obj, previous_due_date=form.initial.get("due_date"))
        super().save_model(request, obj, form, change)

    def delete_model(self, request: HttpRequest, obj: ReviewTask) -> None:
        claim_editable_check(claim=obj.claim)
        super().delete_model(request, obj)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet) -> None:
        for task in queryset.select_related("claim"):
            claim_editable_check(claim=task.claim)
        super().delete_queryset(request, queryset)


class VerdictCorrectionInline(admin.TabularInline):
    """The verdict's corrections history: written by the review workflow only, never changed."""

    model = VerdictCorrection
    extra = 0
    # The labels as published: the ratings themselves may have been renamed since.
    fields = [
        "reopened_at", "reopened_by", "note", "previous_rating_label", "corrected_at", "corrected_by", "rating_label",
    ]  # fmt: skip
    readonly_fields = fields

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


VERDICT_NOT_DELETED = (
    "A verdict is deleted only with its claim: alone, it would leave its task waiting on a verdict that is gone."
)


class VerdictAdminForm(forms.ModelForm):
    # No Meta: ModelAdmin supplies the model and its fields.

    def clean(self) -> dict:
        cleaned = super().clean()
        if cleaned.get("rating") is not None:
            references = cleaned.get("cited_references") or []
            try:
                verdict_values_check(
                    task=self.instance.task, rating=cleaned["rating"], reference_ids=[ref.pk for ref in references]
                )
            except ApplicationError as error:
                raise forms.ValidationError(error.message) from None
        return cleaned


# What the verdict list reads with its rows and never shows: the article is joined for its language, and
# its body may be 2 MB; a page of 100 verdicts would read each one.
VERDICT_LIST_DEFERRED = (
    "rationale",
    "task__editor_note",
    "task__claim__rejection_reason",
    "task__claim__article__body",
)


class VerdictChangeList(ChangeList):
    def apply_select_related(self, queryset: QuerySet) -> QuerySet:
        return super().apply_select_related(queryset).defer(*VERDICT_LIST_DEFERRED)


@admin.register(Verdict)
class VerdictAdmin(AuditedAdmin):
    """Verdicts are written by submission and approval in the app; here a site administrator may
    mend one not yet published, under the same rules (a rating of the desk's scale, references of the
    claim). A published verdict changes only by a correction, which readers are shown; a verdict is
    never added or deleted here, which would leave its task's state wrong."""

    form = VerdictAdminForm
    list_display = ["task", "rating_shown", "reviewer", "submitted_at", "approved_by", "approved_at"]
    # The article is read with the rows for its language: no query a row.
    list_select_related = ["task__claim__article", "rating", "reviewer", "approved_by"]
    list_filter = ["rating"]
    readonly_fields = ["task", "reviewer", "submitted_at", "approved_by", "approved_at", "first_approved_at"]
    inlines = [VerdictCorrectionInline]

    def audit_place(self, obj: Verdict) -> dict:
        return {"claim": obj.task.claim}

    def get_changelist(self, request: HttpRequest, **kwargs) -> type[ChangeList]:
        # The list only: the change page shows the rationale, and reads one row.
        return VerdictChangeList

    @admin.display(description=gettext_lazy("Rating"), ordering="rating")
    def rating_shown(self, obj: Verdict) -> str:
        # As the claim's page names it, in its article's language; the default label beside a
        # translation, which the filter lists ratings by.
        return obj.rating.choice_label_for(obj.task.claim.article.language)

    def get_readonly_fields(self, request: HttpRequest, obj: Verdict | None = None) -> list:
        if obj is not None and obj.first_approved_at is not None:
            return [*self.readonly_fields, "rating", "rationale", "cited_references"]
        return self.readonly_fields

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def save_related(self, request: HttpRequest, form: forms.ModelForm, formsets: list, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        if form.has_changed():
            # An editor's page read before this edit must not approve or return the verdict unseen.
            review_task_verdict_revision_bump(task=form.instance.task)

    # Not a delete permission withheld: that would also stop deleting a claim or an article with
    # its verdict, which the app does.
    def deletion_check(self, obj: Verdict) -> None:
        raise ApplicationError(VERDICT_NOT_DELETED)


@admin.register(Notification)
class NotificationAdmin(EveryDeskRecordAdmin):
    """The outbox, for a site administrator to see what was sent and why something was not (rows of
    every desk, so superusers only); rows are written and sent by the workflow, never here."""

    list_display = ["kind", "recipient", "status", "attempts", "created_at", "sent_at"]
    list_filter = ["status", "kind"]
    search_fields = ["recipient__username", "recipient__email", "last_error"]
    readonly_fields = [field.name for field in Notification._meta.fields] + ["tasks", "why_not_sent"]

    # `last_error` keeps the English text the search finds; this words it in the admin's language.
    @admin.display(description=gettext_lazy("Why it was not sent"))
    def why_not_sent(self, notification: Notification) -> str:
        return notification.last_error_for_reader
