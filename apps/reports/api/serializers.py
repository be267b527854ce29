from django.core.exceptions import ValidationError
from rest_framework import serializers

from apps.claims.models import ClaimKind
from apps.core.languages import LANGUAGE_CODE_MAX_LENGTH, language_code_normalize
from apps.reports.search import QUERY_MAX_LENGTH, REVIEW_STATUSES, search_result_verdict


class SearchInputSerializer(serializers.Serializer):
    """The search's query parameters. DRF's CharField refuses NUL characters, which PostgreSQL cannot compare."""

    q = serializers.CharField(required=False, allow_blank=True, max_length=QUERY_MAX_LENGTH, default="")
    kind = serializers.ChoiceField(choices=ClaimKind.values, required=False)
    status = serializers.ChoiceField(choices=REVIEW_STATUSES.values, required=False)
    rating = serializers.CharField(required=False, max_length=100)
    reviewer = serializers.CharField(required=False, max_length=150)
    published_after = serializers.DateField(required=False)
    published_before = serializers.DateField(required=False)
    approved = serializers.BooleanField(required=False, default=False)
    language = serializers.CharField(
        required=False,
        max_length=LANGUAGE_CODE_MAX_LENGTH,
        help_text='Only claims of articles in this language, a BCP 47 tag ("es"; "pt" also finds "pt-BR").',
    )

    def validate_language(self, value: str) -> str:
        try:
            return language_code_normalize(value)
        except ValidationError as error:
            raise serializers.ValidationError(error.messages) from error

    def validate(self, attrs):
        after, before = attrs.get("published_after"), attrs.get("published_before")
        if after and before and after > before:
            raise serializers.ValidationError({"published_before": "Must be on or after published_after."})
        return attrs


class SearchArticleSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    title = serializers.CharField()
    outlet = serializers.CharField()
    byline = serializers.CharField()
    published_on = serializers.DateField(allow_null=True)
    language = serializers.CharField(help_text="The article's language, a BCP 47 tag; empty when not known.")


class SearchResultSerializer(serializers.Serializer):
    """A claim found by the search, with the published verdict that applies to it (none until one does): while
    a verdict is being corrected, the finding as published, as the exports show it."""

    id = serializers.UUIDField()
    text = serializers.CharField()
    attribution = serializers.CharField()
    kind = serializers.CharField()
    status = serializers.CharField(help_text="The claim's status: active, held or rejected.")
    review_status = serializers.SerializerMethodField()
    article = SearchArticleSerializer()
    rating = serializers.SerializerMethodField()
    rationale = serializers.SerializerMethodField()
    reviewer = serializers.SerializerMethodField()
    approved_at = serializers.SerializerMethodField()
    verdict_reused_from = serializers.SerializerMethodField()
    created_at = serializers.DateTimeField()

    def get_review_status(self, claim) -> str:
        task = getattr(claim, "review_task", None)
        return task.status if task else REVIEW_STATUSES.NEW

    def get_rating(self, claim) -> str | None:
        verdict = self._verdict(claim)
        return verdict.rating.label if verdict else None

    def get_rationale(self, claim) -> str | None:
        verdict = self._verdict(claim)
        return verdict.rationale if verdict else None

    def get_reviewer(self, claim) -> str | None:
        """The published verdict's reviewer, else the reviewer the claim is assigned to."""
        verdict = self._verdict(claim)
        task = getattr(claim, "review_task", None)
        person = verdict.reviewer if verdict else (task.assignee if task else None)
        return person.get_username() if person else None

    def get_approved_at(self, claim) -> str | None:
        verdict = self._verdict(claim)
        return serializers.DateTimeField().to_representation(verdict.approved_at) if verdict else None

    def get_verdict_reused_from(self, claim) -> str | None:
        """The earlier claim whose published verdict an editor confirmed applies to this one."""
        applied = search_result_verdict(claim)
        return str(applied.reused_from.pk) if applied and applied.reused_from else None

    @staticmethod
    def _verdict(claim):
        applied = search_result_verdict(claim)
        return applied.verdict if applied else None
