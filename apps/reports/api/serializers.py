from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from rest_framework import serializers

from apps.claims.models import ClaimKind
from apps.core.api.fields import UUIDStringField
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
            raise serializers.ValidationError({"published_before": gettext("Must be on or after published_after.")})
        return attrs


class SearchArticleSerializer(serializers.Serializer):
    id = UUIDStringField()
    title = serializers.CharField()
    outlet = serializers.CharField()
    byline = serializers.CharField()
    published_on = serializers.DateField(allow_null=True)
    language = serializers.CharField(help_text="The article's language, a BCP 47 tag; empty when not known.")


class SearchResultSerializer(serializers.Serializer):
    """A claim found by the search, with the published verdict that applies to it (none until one does): while
    a verdict is being corrected, the finding as published, as the exports show it."""

    id = UUIDStringField()
    text = serializers.CharField()
    attribution = serializers.CharField()
    kind = serializers.CharField()
    status = serializers.CharField(help_text="The claim's status: active, held or rejected.")
    review_status = serializers.SerializerMethodField()
    article = SearchArticleSerializer()
    rating = serializers.SerializerMethodField(
        help_text="The rating's default label, which the `rating` filter matches; null without a published verdict."
    )
    rating_label = serializers.SerializerMethodField(
        help_text="The rating in the article's language, as its exports name it: the label the desk gave the "
        "rating for that language, else `rating`; null without a published verdict."
    )
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

    def get_rating_label(self, claim) -> str | None:
        verdict = self._verdict(claim)
        return verdict.rating.label_for(claim.article.language) if verdict else None

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


class ReportPeriodInputSerializer(serializers.Serializer):
    """Whole days in the site's time zone, both included (documentation only: the selector parses them)."""

    since = serializers.DateField(required=False, help_text="First day, YYYY-MM-DD.")
    until = serializers.DateField(required=False, help_text="Last day, YYYY-MM-DD.")


class DeskReportInputSerializer(ReportPeriodInputSerializer):
    """Without `until` the period ends today; without `since` it is the 30 days up to `until`."""


class FactCheckFeedInputSerializer(ReportPeriodInputSerializer):
    """Checks first published in the period; without `since` or `until` that end is open (all the desk's checks)."""

    format = serializers.ChoiceField(choices=["csv", "json", "claimreview"], required=False, default="json")


class DurationStatsSerializer(serializers.Serializer):
    count = serializers.IntegerField(help_text="How many cases were measured.")
    median_seconds = serializers.SerializerMethodField()
    p90_seconds = serializers.SerializerMethodField(help_text="The 90th percentile (linear interpolation).")

    def get_median_seconds(self, stats) -> int | None:
        return int(stats.median.total_seconds()) if stats.median is not None else None

    def get_p90_seconds(self, stats) -> int | None:
        return int(stats.p90.total_seconds()) if stats.p90 is not None else None


class RatingCountSerializer(serializers.Serializer):
    rating_id = UUIDStringField()
    label = serializers.CharField()
    count = serializers.IntegerField()
    on_scale = serializers.BooleanField(help_text="False for a rating of a scale the desk has since replaced.")


class ReviewerRowSerializer(serializers.Serializer):
    username = serializers.CharField()
    open_tasks = serializers.IntegerField(help_text="Assigned, in review or returned now.")
    overdue_tasks = serializers.IntegerField(help_text="Open tasks past their due date now.")
    submitted = serializers.IntegerField(
        help_text="Their submissions in the period: a verdict returned and resubmitted counts each time."
    )
    approved = serializers.IntegerField(help_text="Their verdicts first approved (published) in the period.")
    median_turnaround_seconds = serializers.SerializerMethodField(
        help_text="Median time from a task's assignment to them to their first submission of it, for first "
        "submissions in the period."
    )

    def get_median_turnaround_seconds(self, row) -> int | None:
        return int(row.median_turnaround.total_seconds()) if row.median_turnaround is not None else None


class DeskReportOutputSerializer(serializers.Serializer):
    desk = serializers.SlugField(source="desk.slug")
    since = serializers.DateField(source="period.since")
    until = serializers.DateField(source="period.until")
    articles_imported = serializers.IntegerField()
    claims_found = serializers.IntegerField(help_text="Claims found in the period that are in the review queue.")
    claims_published = serializers.IntegerField(
        help_text="Claims whose own verdict was first approved (published) in the period."
    )
    ratings = RatingCountSerializer(
        many=True, help_text="Those verdicts by the rating readers see, in the desk's scale order."
    )
    corrections_published = serializers.IntegerField(help_text="Corrected verdicts approved in the period.")
    import_to_first_approval = DurationStatsSerializer(
        help_text="From the article's import to the verdict's first approval, for verdicts first approved "
        "in the period."
    )
    assignment_to_submission = DurationStatsSerializer(
        help_text="From the audit event that assigned the task to a reviewer to their first submission after "
        "it, for first submissions in the period (a resubmission after a return is not a new turnaround)."
    )
    open_tasks = serializers.IntegerField(help_text="Tasks not yet approved, now (not limited to the period).")
    open_tasks_by_status = serializers.DictField(child=serializers.IntegerField())
    overdue_tasks = serializers.IntegerField(help_text="Assigned, in review or returned tasks past their due date.")
    reviewers = ReviewerRowSerializer(many=True)
