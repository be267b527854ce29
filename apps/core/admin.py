from django.contrib import admin

from .audit import audit_event_summary
from .models import AuditEvent


class EveryDeskRecordAdmin(admin.ModelAdmin):
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
    """The audit trail of every desk, for a site administrator answering "who did this?"; read-only
    (superusers included), since the record is only worth something if nobody can rewrite it."""

    list_display = ["occurred_at", "actor_name", "action", "summary", "desk_id", "claim_id"]
    list_filter = ["action"]
    search_fields = ["actor_name", "=desk_id", "=article_id", "=claim_id"]
    readonly_fields = [field.name for field in AuditEvent._meta.fields] + ["summary"]
    ordering = ["-occurred_at", "-pk"]

    @admin.display(description="What happened")
    def summary(self, event: AuditEvent) -> str:
        return audit_event_summary(event)
