from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from apps.core.api.fields import UUIDStringField
from apps.core.audit import audit_event_summary
from apps.core.models import AuditAction


class AuditEventOutputSerializer(serializers.Serializer):
    """One entry of the audit trail: who did what, when, and what changed."""

    occurred_at = serializers.DateTimeField()
    action = serializers.ChoiceField(choices=AuditAction.choices)
    actor = serializers.CharField(
        source="actor_name", allow_blank=True, help_text="Username of who acted, as it was then; empty for the system."
    )
    summary = serializers.SerializerMethodField(
        help_text="The event in plain language, in the language of the request (Accept-Language); plain text, "
        "not HTML. `action` and `details` are the stable record it is worded from."
    )
    details = serializers.DictField(
        help_text="What changed, old and new values where they matter (e.g. `previous_rating` and `rating`)."
    )
    article_id = UUIDStringField(
        allow_null=True,
        help_text="The article; it may have been deleted since. Null for a change to the desk's own "
        "settings (its people, rating scale and source rules).",
    )
    claim_id = UUIDStringField(allow_null=True, help_text="The claim; null for the article's own events.")

    def get_summary(self, event) -> str:
        return audit_event_summary(event)


class MergedClaimSerializer(serializers.Serializer):
    id = UUIDStringField()
    text = serializers.CharField(help_text="The claim's text when it was merged away.")


class SplitClaimSerializer(serializers.Serializer):
    id = UUIDStringField()
    text = serializers.CharField(help_text="The claim's text when it was split.")


class ClaimHistoryEventOutputSerializer(AuditEventOutputSerializer):
    """An event of a claim's history. Events of the claims it came from are included and name that
    claim: claims merged into it, and the claim split into it and others; `context["earlier_claims"]`
    maps those claims' ids to an `EarlierClaim` (`audit_earlier_claims`)."""

    merged_claim = serializers.SerializerMethodField(
        help_text="Set when the event happened to a claim that was later merged into this one "
        "(`claim_id` is that claim's): its id and its text when merged. Null for this claim's own "
        "events and its article's."
    )
    split_claim = serializers.SerializerMethodField(
        help_text="Set when the event happened to the claim that was later split into this one and "
        "others (`claim_id` is that claim's, which no longer exists): its id and its text when split. "
        "Null for this claim's own events and its article's."
    )

    def _earlier_claim(self, event, how: str) -> dict | None:
        earlier = self.context["earlier_claims"].get(event.claim_id)
        return {"id": event.claim_id, "text": earlier.text} if earlier is not None and earlier.how == how else None

    @extend_schema_field(MergedClaimSerializer(allow_null=True))
    def get_merged_claim(self, event) -> dict | None:
        return self._earlier_claim(event, "merged")

    @extend_schema_field(SplitClaimSerializer(allow_null=True))
    def get_split_claim(self, event) -> dict | None:
        return self._earlier_claim(event, "split")
