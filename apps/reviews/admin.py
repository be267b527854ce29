from django.contrib import admin

from apps.core.admin import AuditedAdmin, EveryDeskRecordAdmin

from .models import Notification, Rating, RatingScale, ReviewTask, Verdict, VerdictCorrection


class RatingInline(admin.TabularInline):
    model = Rating
    extra = 0


@admin.register(RatingScale)
class RatingScaleAdmin(AuditedAdmin):
    list_display = ["name", "desk", "best_rating", "worst_rating"]
    inlines = [RatingInline]

    def audit_place(self, obj: RatingScale) -> dict | None:
        return {"desk": obj.desk} if obj.desk_id else None


@admin.register(ReviewTask)
class ReviewTaskAdmin(AuditedAdmin):
    """Read-mostly: workflow changes go through the app so its rules apply."""

    list_display = ["claim", "status", "assignee", "due_date", "updated_at"]
    list_filter = ["status", "claim__article__desk"]
    search_fields = ["claim__text"]
    readonly_fields = ["claim", "status", "assigned_by", "created_at", "updated_at"]

    def audit_place(self, obj: ReviewTask) -> dict:
        return {"claim": obj.claim}


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


@admin.register(Verdict)
class VerdictAdmin(AuditedAdmin):
    list_display = ["task", "rating", "reviewer", "submitted_at", "approved_by", "approved_at"]
    list_filter = ["rating"]
    readonly_fields = ["task", "reviewer", "submitted_at", "approved_by", "approved_at", "first_approved_at"]
    inlines = [VerdictCorrectionInline]

    def audit_place(self, obj: Verdict) -> dict:
        return {"claim": obj.task.claim}


@admin.register(Notification)
class NotificationAdmin(EveryDeskRecordAdmin):
    """The outbox, for a site administrator to see what was sent and why something was not (rows of
    every desk, so superusers only); rows are written and sent by the workflow, never here."""

    list_display = ["kind", "recipient", "status", "attempts", "created_at", "sent_at"]
    list_filter = ["status", "kind"]
    search_fields = ["recipient__username", "recipient__email", "last_error"]
    readonly_fields = [field.name for field in Notification._meta.fields] + ["tasks"]
