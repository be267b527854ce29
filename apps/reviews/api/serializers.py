from django.utils.translation import gettext_lazy
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from apps.core.api.fields import UUIDStringField
from apps.core.api.serializers import ClosedSerializer
from apps.reviews.models import Rating, ReviewTask, Verdict, VerdictCorrection
from apps.reviews.services import CORRECTION_NOTE_REQUIRED


class RatingOutputSerializer(serializers.ModelSerializer):
    class Meta:
        model = Rating
        fields = ["id", "label", "description", "claimreview_value", "position"]


class VerdictCorrectionOutputSerializer(serializers.ModelSerializer):
    """One correction of an approved verdict: the finding as published before it, and what replaced it."""

    reopened_by = serializers.SlugRelatedField(slug_field="username", read_only=True, allow_null=True)
    previous_rating = serializers.CharField(
        source="previous_rating_label",
        help_text="The rating published before the correction, as it was called then (a later rename of the "
        "rating leaves it as it is).",
    )
    previous_rationale = serializers.CharField(help_text="The rationale published before the correction.")
    corrected_by = serializers.SlugRelatedField(
        slug_field="username", read_only=True, allow_null=True, help_text="Null while the correction is open."
    )
    previous_rating_label = serializers.SerializerMethodField(
        help_text="`previous_rating` in the article's language, as it was called then: the label the desk gave "
        "the rating for that language, else `previous_rating`."
    )
    rating = serializers.SerializerMethodField(
        help_text="The corrected rating as it was called when approved; null while the correction is open."
    )
    rating_label = serializers.SerializerMethodField(
        help_text="`rating` in the article's language, as it was called when approved: the label the desk gave "
        "the rating for that language, else `rating`; null while the correction is open."
    )
    rating_changed = serializers.BooleanField(
        read_only=True,
        help_text="Whether the correction gave the verdict another rating (false while it is open). Told by the "
        "ratings, not their labels: two ratings may share a label in the article's language.",
    )

    class Meta:
        model = VerdictCorrection
        fields = [
            "id", "note", "reopened_by", "reopened_at", "previous_rating", "previous_rating_label",
            "previous_rationale", "previous_approved_at", "corrected_by", "corrected_at", "rating", "rating_label",
            "rationale", "rating_changed",
        ]  # fmt: skip
        extra_kwargs = {
            "note": {"help_text": "Why an editor reopened the verdict; published with the correction."},
            "corrected_at": {"help_text": "When the corrected verdict was approved; null while it is open."},
            "rationale": {"help_text": "The corrected rationale, once approved; empty while the correction is open."},
        }

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_rating(self, correction: VerdictCorrection) -> str | None:
        return None if correction.is_open else correction.rating_label

    def get_previous_rating_label(self, correction: VerdictCorrection) -> str:
        return correction.previous_rating_label_for(self.context["language"])

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_rating_label(self, correction: VerdictCorrection) -> str | None:
        return None if correction.is_open else correction.rating_label_for(self.context["language"])


class VerdictOutputSerializer(serializers.ModelSerializer):
    """A task's verdict; `context["language"]` is its article's language (a BCP 47 tag), which the labels
    are given in."""

    rating = RatingOutputSerializer()
    rating_label = serializers.SerializerMethodField(
        help_text="The rating in the article's language, as the exports name it: the label the desk gave the "
        "rating for that language, else `rating.label`."
    )
    reviewer = serializers.SlugRelatedField(slug_field="username", read_only=True)
    approved_by = serializers.SlugRelatedField(
        slug_field="username", read_only=True, allow_null=True, help_text="Null until an editor approves."
    )
    cited_references = serializers.PrimaryKeyRelatedField(many=True, read_only=True)
    corrections = VerdictCorrectionOutputSerializer(
        many=True,
        read_only=True,
        help_text="Corrections after approval, oldest first; an open one (`corrected_at` null) is under way, "
        "and exports show its previous finding until the corrected verdict is approved.",
    )

    class Meta:
        model = Verdict
        fields = [
            "rating", "rating_label", "rationale", "cited_references", "reviewer", "submitted_at", "approved_by",
            "approved_at", "first_approved_at", "corrections",
        ]  # fmt: skip
        extra_kwargs = {
            "approved_at": {"help_text": "When the verdict as it stands was approved; null while it awaits approval."},
            "first_approved_at": {
                "help_text": "When the verdict was first approved (published); corrections leave it as it is."
            },
        }

    def get_rating_label(self, verdict: Verdict) -> str:
        return verdict.rating.label_for(self.context["language"])


class ReviewTaskOutputSerializer(serializers.ModelSerializer):
    claim_text = serializers.CharField(source="claim.text")
    article = UUIDStringField(source="claim.article_id")
    assignee = serializers.SlugRelatedField(
        slug_field="username", read_only=True, allow_null=True, help_text="Null until an editor assigns the task."
    )
    verdict = serializers.SerializerMethodField()
    under_correction = serializers.BooleanField(
        read_only=True,
        help_text="An editor reopened the approved verdict for correction (the note is `editor_note`); exports "
        "keep the published verdict until the corrected one is approved.",
    )

    class Meta:
        model = ReviewTask
        fields = [
            "id", "claim", "claim_text", "article", "status", "under_correction", "assignee", "due_date",
            "editor_note", "verdict", "verdict_revision", "updated_at",
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
        if verdict is None:
            return None
        return VerdictOutputSerializer(verdict, context={"language": task.claim.article.language}).data


class AssignInputSerializer(serializers.Serializer):
    task_ids = serializers.ListField(child=UUIDStringField(), min_length=1, max_length=500)
    assignee = serializers.CharField(help_text="Username of a member of the desk.")
    due_date = serializers.DateField(
        required=False,
        allow_null=True,
        help_text="Leave out to keep each task's due date; null clears it. A date before today (in the site's "
        "time zone) is refused with 400, unless every task named already has it (an overdue task reassigned).",
    )


def _revision_field() -> serializers.IntegerField:
    return serializers.IntegerField(
        required=False,
        min_value=0,
        help_text="The task's verdict_revision you acted on; if the verdict changed since, the request is "
        "refused with 409 instead of acting on a verdict you have not seen. Leave out to skip the check.",
    )


class VerdictInputSerializer(serializers.Serializer):
    rating = UUIDStringField()
    rationale = serializers.CharField(max_length=20000)
    references = serializers.ListField(child=UUIDStringField(), required=False, default=list)
    verdict_revision = _revision_field()


class ApproveInputSerializer(serializers.Serializer):
    verdict_revision = _revision_field()


class ReturnInputSerializer(serializers.Serializer):
    note = serializers.CharField(max_length=5000)
    verdict_revision = _revision_field()


class ReopenInputSerializer(serializers.Serializer):
    note = serializers.CharField(
        max_length=5000,
        help_text="Why the approved verdict needs correcting; published with the correction.",
        error_messages={"blank": CORRECTION_NOTE_REQUIRED, "required": CORRECTION_NOTE_REQUIRED},
    )
    verdict_revision = _revision_field()


class CorrectionWithdrawInputSerializer(serializers.Serializer):
    verdict_revision = _revision_field()


class ScaleRatingOutputSerializer(serializers.ModelSerializer):
    verdict_count = serializers.IntegerField(help_text="Verdicts that use it; a rating in use cannot be removed.")
    language_labels = serializers.DictField(
        child=serializers.CharField(),
        help_text='The label in other languages, by BCP 47 tag ({"es": "Falso"}); exports of an article in '
        "one of them use it instead of `label`.",
    )

    class Meta:
        model = Rating
        fields = [
            "id", "label", "description", "claimreview_value", "position", "verdict_count", "updated_at",
            "language_labels",
        ]  # fmt: skip
        read_only_fields = fields


class RatingScaleOutputSerializer(serializers.Serializer):
    """The rating scale a desk uses."""

    id = UUIDStringField(source="scale.id")
    name = serializers.CharField(source="scale.name")
    own = serializers.BooleanField(
        help_text="The desk's own scale, which its admins edit; false: the standard scale shared by every "
        "desk, read-only until copied to the desk."
    )
    best_rating = serializers.IntegerField(source="scale.best_rating")
    worst_rating = serializers.IntegerField(source="scale.worst_rating")
    ratings = ScaleRatingOutputSerializer(many=True, help_text="In the scale's order.")


class RatingInputSerializer(serializers.Serializer):
    """A rating's fields; a blank or too long label or description, a label the scale already has and a
    ClaimReview value off the scale are the service's to refuse, with its messages."""

    label = serializers.CharField(
        allow_blank=True, help_text="Unique on the scale, ignoring case; under 100 characters."
    )
    description = serializers.CharField(allow_blank=True, required=False, default="", help_text="Under 500 characters.")
    claimreview_value = serializers.IntegerField(
        allow_null=True,
        required=False,
        default=None,
        help_text="schema.org ClaimReview ratingValue, from the scale's worst_rating to its best_rating; null "
        "for ratings off the true/false line (published by name only).",
    )
    language_labels = serializers.DictField(
        child=serializers.CharField(allow_blank=True, trim_whitespace=True),
        required=False,
        help_text='The label in other languages, by BCP 47 tag: {"es": "Falso", "fr": "Faux"}. Replaces the '
        "ones the rating had (an empty label removes one); left out, they are kept. Exports of an article in "
        "one of these languages, ClaimReview's reviewRating.alternateName included, use it.",
    )


class RatingMoveInputSerializer(serializers.Serializer):
    offset = serializers.IntegerField(
        help_text="Places to move: -1 up one, 1 down one; past either end of the scale it stops there."
    )


class NotificationSettingsSerializer(ClosedSerializer):
    """Which emails you get: one switch per kind, all on until turned off. A PATCH names only the
    kinds it changes."""

    unknown_key_message = gettext_lazy("There is no kind of email by this name.")

    task_assigned = serializers.BooleanField(required=False, help_text="A claim is assigned to you.")
    verdict_submitted = serializers.BooleanField(
        required=False,
        help_text="A verdict you assigned awaits your approval (editors; the desk's editors when its "
        "assigning editor has left).",
    )
    verdict_returned = serializers.BooleanField(
        required=False, help_text="An editor returns your verdict, with the note."
    )
    verdict_approved = serializers.BooleanField(required=False, help_text="An editor approves your verdicts.")
    verdict_reopened = serializers.BooleanField(
        required=False, help_text="An editor reopens your approved verdict for correction, with the note."
    )
    correction_withdrawn = serializers.BooleanField(
        required=False,
        help_text="An editor withdraws a correction you were asked to make: the verdict stands as published.",
    )
    overdue_digest = serializers.BooleanField(
        required=False, help_text="Once a day: your overdue claims, and editors' desks' overdue claims."
    )
