from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from apps.reviews.models import Rating, ReviewTask, Verdict


class RatingOutputSerializer(serializers.ModelSerializer):
    class Meta:
        model = Rating
        fields = ["id", "label", "description", "claimreview_value", "position"]


class VerdictOutputSerializer(serializers.ModelSerializer):
    rating = RatingOutputSerializer()
    reviewer = serializers.SlugRelatedField(slug_field="username", read_only=True)
    approved_by = serializers.SlugRelatedField(
        slug_field="username", read_only=True, allow_null=True, help_text="Null until an editor approves."
    )
    cited_references = serializers.PrimaryKeyRelatedField(many=True, read_only=True)

    class Meta:
        model = Verdict
        fields = [
            "rating", "rationale", "cited_references", "reviewer", "submitted_at", "approved_by", "approved_at",
        ]  # fmt: skip


class ReviewTaskOutputSerializer(serializers.ModelSerializer):
    claim_text = serializers.CharField(source="claim.text")
    article = serializers.UUIDField(source="claim.article_id")
    assignee = serializers.SlugRelatedField(
        slug_field="username", read_only=True, allow_null=True, help_text="Null until an editor assigns the task."
    )
    verdict = serializers.SerializerMethodField()

    class Meta:
        model = ReviewTask
        fields = [
            "id", "claim", "claim_text", "article", "status", "assignee", "due_date", "editor_note",
            "verdict", "verdict_revision", "updated_at",
        ]  # fmt: skip
        extra_kwargs = {
            "verdict_revision": {
                "help_text": "Counts the changes to the verdict (draft saved, submitted, returned, approved). "
                "Send it back with a verdict, approval or return to have it refused (409) if the verdict changed "
                "meanwhile."
            }
        }

    @extend_schema_field(VerdictOutputSerializer(allow_null=True))
    def get_verdict(self, task):
        verdict = getattr(task, "verdict", None)
        return VerdictOutputSerializer(verdict).data if verdict else None


class AssignInputSerializer(serializers.Serializer):
    task_ids = serializers.ListField(child=serializers.UUIDField(), min_length=1, max_length=500)
    assignee = serializers.CharField(help_text="Username of a member of the desk.")
    due_date = serializers.DateField(
        required=False, allow_null=True, help_text="Leave out to keep each task's due date; null clears it."
    )


def _revision_field() -> serializers.IntegerField:
    return serializers.IntegerField(
        required=False,
        min_value=0,
        help_text="The task's verdict_revision you acted on; if the verdict changed since, the request is "
        "refused with 409 instead of acting on a verdict you have not seen. Leave out to skip the check.",
    )


class VerdictInputSerializer(serializers.Serializer):
    rating = serializers.UUIDField()
    rationale = serializers.CharField(max_length=20000)
    references = serializers.ListField(child=serializers.UUIDField(), required=False, default=list)
    verdict_revision = _revision_field()


class ApproveInputSerializer(serializers.Serializer):
    verdict_revision = _revision_field()


class ReturnInputSerializer(serializers.Serializer):
    note = serializers.CharField(max_length=5000)
    verdict_revision = _revision_field()
