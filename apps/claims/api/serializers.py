from django.utils.translation import gettext
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from apps.claims.models import ArticleExtraction, Claim
from apps.claims.selectors import article_extraction_message
from apps.core.api.fields import UUIDStringField


class MatchedVerdictSerializer(serializers.Serializer):
    """`context["language"]` is the language of the article of the claim that repeats the earlier one."""

    rating = serializers.CharField(source="rating.label", help_text="The rating's default label.")
    rating_label = serializers.SerializerMethodField(
        help_text="The rating in the language of this claim's article, as its exports would name it: the label "
        "the desk gave the rating for that language, else `rating`."
    )
    rationale = serializers.CharField()

    def get_rating_label(self, verdict) -> str:
        return verdict.rating.label_for(self.context["language"])


class MatchedClaimSerializer(serializers.Serializer):
    """The earlier checked claim a claim repeats, with its verdict for the reviewer to reuse."""

    id = UUIDStringField()
    text = serializers.CharField()
    article = UUIDStringField(source="article_id")
    article_title = serializers.CharField(source="article.title")
    verdict = serializers.SerializerMethodField()

    @extend_schema_field(MatchedVerdictSerializer(allow_null=True))
    def get_verdict(self, claim: Claim) -> dict | None:
        task = getattr(claim, "review_task", None)
        verdict = getattr(task, "verdict", None) if task is not None else None
        if verdict is None:
            return None
        return MatchedVerdictSerializer(verdict, context=self.context).data


class ClaimOutputSerializer(serializers.ModelSerializer):
    article = UUIDStringField(source="article_id", read_only=True)
    matched_claim = serializers.SerializerMethodField()
    language = serializers.CharField(
        source="article.language",
        read_only=True,
        help_text="The language of the claim's article, a BCP 47 tag; empty when not known.",
    )

    class Meta:
        model = Claim
        fields = [
            "id",
            "article",
            "language",
            "text",
            "start",
            "end",
            "spans",
            "kind",
            "cues",
            "score",
            "status",
            "rejection_reason",
            "origin",
            "quantities",
            "entities",
            "dates",
            "attribution",
            "matched_claim",
            "match_score",
            "match_status",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields

    @extend_schema_field(MatchedClaimSerializer(allow_null=True))
    def get_matched_claim(self, claim: Claim) -> dict | None:
        if claim.matched_claim is None:
            return None
        # Named as this claim's article names ratings: its reviewer reuses the verdict for that article.
        return MatchedClaimSerializer(claim.matched_claim, context={"language": claim.article.language}).data


class ArticleExtractionOutputSerializer(serializers.ModelSerializer):
    article = UUIDStringField(source="article_id", read_only=True)
    message = serializers.SerializerMethodField(
        help_text="Why extraction refused the article, naming its language as it is now; empty when it ran."
    )

    def get_message(self, extraction: ArticleExtraction) -> str:
        return article_extraction_message(extraction=extraction)

    class Meta:
        model = ArticleExtraction
        fields = ["article", "status", "message", "claim_count", "duration_ms", "created_at"]
        read_only_fields = fields


class ClaimFeedbackRowSerializer(serializers.Serializer):
    text = serializers.CharField(read_only=True)
    label = serializers.BooleanField(
        read_only=True, help_text="True: check-worthy (added or released); False: rejected"
    )


class ClaimCreateInputSerializer(serializers.Serializer):
    article = UUIDStringField()
    start = serializers.IntegerField(min_value=0)
    end = serializers.IntegerField(min_value=1)
    text = serializers.CharField(required=False, allow_blank=True, max_length=5000)

    def validate(self, attrs):
        return _span_checked(attrs)


class ClaimRejectInputSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=2000)


class ClaimEditInputSerializer(serializers.Serializer):
    text = serializers.CharField(max_length=5000)


class ClaimMergeInputSerializer(serializers.Serializer):
    claims = serializers.ListField(child=UUIDStringField(), min_length=1, max_length=20)
    text = serializers.CharField(required=False, allow_blank=True, max_length=5000)


class ClaimSplitPartSerializer(serializers.Serializer):
    start = serializers.IntegerField(min_value=0)
    end = serializers.IntegerField(min_value=1)
    text = serializers.CharField(required=False, allow_blank=True, max_length=5000)

    def validate(self, attrs):
        return _span_checked(attrs)


class ClaimSplitInputSerializer(serializers.Serializer):
    parts = ClaimSplitPartSerializer(many=True, min_length=2, max_length=20)


def _span_checked(attrs: dict) -> dict:
    if attrs["end"] <= attrs["start"]:
        raise serializers.ValidationError({"end": gettext("Must be greater than start.")})
    return attrs
