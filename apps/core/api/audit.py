from rest_framework import serializers

from apps.core.audit import audit_event_summary
from apps.core.models import AuditAction


class AuditEventOutputSerializer(serializers.Serializer):
    """One entry of the audit trail: who did what, when, and what changed."""

    occurred_at = serializers.DateTimeField()
    action = serializers.ChoiceField(choices=AuditAction.choices)
    actor = serializers.CharField(
        source="actor_name", allow_blank=True, help_text="Username of who acted, as it was then; empty for the system."
    )
    summary = serializers.SerializerMethodField(help_text="The event in plain language (plain text, not HTML).")
    details = serializers.DictField(
        help_text="What changed, old and new values where they matter (e.g. `previous_rating` and `rating`)."
    )
    article_id = serializers.UUIDField(help_text="The article; it may have been deleted since.")
    claim_id = serializers.UUIDField(allow_null=True, help_text="The claim; null for the article's own events.")

    def get_summary(self, event) -> str:
        return audit_event_summary(event)
