"""The desk report: what a desk imported, checked and published over a period, and who did the work.

Read-only and unscoped: callers check that the user edits the desk (`desk_report_desk_get`). Every
figure comes from a fixed number of queries, whatever the desk's size; durations are computed in
Python from the timestamps of the period's rows only, so the same code runs on SQLite and PostgreSQL.
"""

import datetime as dt
import math
import statistics
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db.models import Count, OuterRef, Q, Subquery, UUIDField
from django.db.models.fields.json import KT
from django.utils import timezone

from apps.articles.models import Article
from apps.claims.models import Claim, ClaimStatus
from apps.core.exceptions import ApplicationError
from apps.core.models import AuditAction, AuditEvent
from apps.desks.models import Desk, Role
from apps.desks.selectors import desk_get_for_member, membership_require
from apps.reviews.models import Rating, ReviewTask, TaskStatus, Verdict, VerdictCorrection
from apps.reviews.selectors import OPEN_STATUSES, rating_scale_for_desk

DEFAULT_PERIOD_DAYS = 30
DATE_FORMAT_HINT = "a date as YYYY-MM-DD"
EARLIEST_DAY = dt.date(1900, 1, 1)
LATEST_DAY = dt.date(2999, 12, 31)


@dataclass(frozen=True)
class ReportPeriod:
    """Whole days in the site's time zone (desks have none of their own), both ends included.

    `since` or `until` is None for an open end (the fact-check feed without one)."""

    since: dt.date | None
    until: dt.date | None

    @property
    def starts_at(self) -> dt.datetime | None:
        return _local_midnight(self.since) if self.since else None

    @property
    def ends_before(self) -> dt.datetime | None:
        return _local_midnight(self.until + dt.timedelta(days=1)) if self.until else None

    def filter(self, field_name: str) -> Q:
        """Rows whose `field_name` (a datetime) falls within the period."""
        condition = Q()
        if self.starts_at:
            condition &= Q(**{f"{field_name}__gte": self.starts_at})
        if self.ends_before:
            condition &= Q(**{f"{field_name}__lt": self.ends_before})
        return condition


def _local_midnight(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min), timezone.get_current_timezone())


def _date_param(value: str | None, name: str) -> dt.date | None:
    if value in (None, ""):
        return None
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        raise ApplicationError(f"{name} must be {DATE_FORMAT_HINT}, not {value!r}.", extra={"field": name}) from None
    # Far-off years would overflow the day after `until`, or midnight in a time zone east of UTC.
    if not EARLIEST_DAY <= day <= LATEST_DAY:
        raise ApplicationError(
            f"{name} must be between {EARLIEST_DAY.isoformat()} and {LATEST_DAY.isoformat()}.", extra={"field": name}
        )
    return day


def report_period_parse(*, since: str | None, until: str | None, open_ended: bool = False) -> ReportPeriod:
    """The period a request asks for. Without `until` it ends today; without `since` it is the last
    30 days, or, when `open_ended`, everything up to `until` (the fact-check feed's default is all
    of the desk's checks). A malformed date or a period that ends before it starts is a 400."""
    since_day, until_day = _date_param(since, "since"), _date_param(until, "until")
    if not open_ended:
        until_day = until_day or timezone.localdate()
        since_day = since_day or until_day - dt.timedelta(days=DEFAULT_PERIOD_DAYS - 1)
    if since_day and until_day and since_day > until_day:
        raise ApplicationError(
            f"since ({since_day.isoformat()}) must be on or before until ({until_day.isoformat()}).",
            extra={"field": "since"},
        )
    return ReportPeriod(since=since_day, until=until_day)


def desk_report_desk_get(*, user, slug: str) -> Desk:
    """The desk the report is about: one of the user's desks (else 404) that they edit (else 403)."""
    desk = desk_get_for_member(user=user, slug=slug)
    membership_require(user=user, desk=desk, editor=True)
    return desk


@dataclass(frozen=True)
class DurationStats:
    """How long something took, over the `count` cases measured; None without any."""

    count: int
    median: dt.timedelta | None
    p90: dt.timedelta | None


def _duration_stats(durations: list[dt.timedelta]) -> DurationStats:
    if not durations:
        return DurationStats(count=0, median=None, p90=None)
    seconds = sorted(duration.total_seconds() for duration in durations)
    return DurationStats(
        count=len(seconds),
        median=dt.timedelta(seconds=round(statistics.median(seconds))),
        p90=dt.timedelta(seconds=round(_percentile(seconds, 0.9))),
    )


def _percentile(ordered: list[float], fraction: float) -> float:
    """Linear interpolation between the closest ranks, as PostgreSQL's percentile_cont."""
    position = (len(ordered) - 1) * fraction
    lower, upper = math.floor(position), math.ceil(position)
    return ordered[lower] + (ordered[upper] - ordered[lower]) * (position - lower)


@dataclass(frozen=True)
class RatingCount:
    rating_id: object
    label: str
    count: int
    # Ratings no longer on the desk's scale (it was replaced) still count, after the scale's.
    on_scale: bool = True


@dataclass
class ReviewerRow:
    username: str
    open_tasks: int = 0
    overdue_tasks: int = 0
    submitted: int = 0
    approved: int = 0
    turnarounds: list[dt.timedelta] = field(default_factory=list)

    @property
    def median_turnaround(self) -> dt.timedelta | None:
        return _duration_stats(self.turnarounds).median


@dataclass(frozen=True)
class DeskReport:
    desk: Desk
    period: ReportPeriod
    articles_imported: int
    claims_found: int
    claims_published: int
    ratings: list[RatingCount]
    corrections_published: int
    import_to_first_approval: DurationStats
    assignment_to_submission: DurationStats
    open_tasks: int
    open_tasks_by_status: dict[str, int]
    overdue_tasks: int
    reviewers: list[ReviewerRow]

    @property
    def largest_rating_count(self) -> int:
        return max((rating.count for rating in self.ratings), default=0)


def _published_rating_id():
    """The rating readers see: while a correction is open, the one it keeps (the published finding)."""
    open_correction = VerdictCorrection.objects.filter(verdict=OuterRef("pk"), corrected_at__isnull=True)
    # Said outright: SQLite hands a foreign key read through a subquery back as bare hex otherwise.
    return Subquery(open_correction.values("previous_rating_id")[:1], output_field=UUIDField())


def desk_report_build(*, desk: Desk, period: ReportPeriod, today: dt.date | None = None) -> DeskReport:
    """The desk's figures for `period` in nine queries.

    - Articles imported and claims found: rows created in the period (claims still in the queue).
    - Claims published: claims of the desk's own verdicts first approved in the period (a verdict
      reused from an earlier claim is not a new check), counted by the rating readers see now.
    - Import to first approval: `Verdict.first_approved_at` minus the article's import time.
    - Submitted: every submission in the period, read from the audit trail (`verdict_submitted`
      events), since the verdict row keeps only the latest: a verdict returned and resubmitted
      counts once for each submission, each in the period it was made.
    - Assignment to submission: from the audit event that handed the task to a reviewer to that
      reviewer's first submission after it, for first submissions in the period; a resubmission
      after a return (or a correction) is the same assignment, not a new turnaround.
    - Open and overdue tasks: now, not in the period; overdue is open work past its due date
      (`today`, the site's date unless given), as the review queue marks it.
    """
    today = today or timezone.localdate()
    desk_claims = Q(task__claim__article__desk=desk, task__claim__status=ClaimStatus.ACTIVE)

    articles_imported = Article.objects.filter(period.filter("created_at"), desk=desk).count()
    claims_found = Claim.objects.filter(
        period.filter("created_at"), article__desk=desk, status=ClaimStatus.ACTIVE
    ).count()

    published = list(
        Verdict.objects.filter(desk_claims, period.filter("first_approved_at"))
        .annotate(open_correction_rating_id=_published_rating_id())
        .filter(Q(task__status=TaskStatus.APPROVED) | Q(open_correction_rating_id__isnull=False))
        .values_list(
            "open_correction_rating_id",
            "rating_id",
            "reviewer_id",
            "first_approved_at",
            "task__claim__article__created_at",
        )
    )
    corrections_published = VerdictCorrection.objects.filter(
        period.filter("corrected_at"),
        verdict__task__claim__article__desk=desk,
        verdict__task__claim__status=ClaimStatus.ACTIVE,
    ).count()

    submissions = _submissions(desk=desk, period=period)

    task_counts = list(
        ReviewTask.objects.filter(claim__article__desk=desk, claim__status=ClaimStatus.ACTIVE)
        .exclude(status=TaskStatus.APPROVED)
        .values("assignee_id", "status")
        .annotate(tasks=Count("pk"), overdue=Count("pk", filter=Q(due_date__lt=today)))
        .order_by()
    )

    reviewers: dict[object, ReviewerRow] = {}
    user_ids = {reviewer_id for _, _, reviewer_id, *_ in published}
    user_ids |= {submission.reviewer_id for submission in submissions if submission.reviewer_id}
    user_ids |= {row["assignee_id"] for row in task_counts if row["assignee_id"]}
    people = get_user_model().objects.filter(
        Q(desk_memberships__desk=desk, desk_memberships__role=Role.REVIEWER) | Q(pk__in=user_ids)
    )
    for person in people.distinct().order_by("username"):
        reviewers[person.pk] = ReviewerRow(username=person.get_username())

    rating_counts: dict[object, int] = {}
    import_durations = []
    for open_rating_id, rating_id, reviewer_id, first_approved_at, imported_at in published:
        shown = open_rating_id or rating_id
        rating_counts[shown] = rating_counts.get(shown, 0) + 1
        import_durations.append(first_approved_at - imported_at)
        reviewers[reviewer_id].approved += 1

    assignment_durations = []
    for submission in submissions:
        reviewer = reviewers.get(submission.reviewer_id)  # None once the account is deleted
        if reviewer:
            reviewer.submitted += 1
        if submission.since_assignment is not None:
            assignment_durations.append(submission.since_assignment)
            if reviewer:
                reviewer.turnarounds.append(submission.since_assignment)

    open_by_status: dict[str, int] = {status: 0 for status in TaskStatus.values if status != TaskStatus.APPROVED}
    overdue = 0
    for row in task_counts:
        open_by_status[row["status"]] += row["tasks"]
        if row["status"] in OPEN_STATUSES:
            overdue += row["overdue"]
            if row["assignee_id"]:
                reviewers[row["assignee_id"]].open_tasks += row["tasks"]
                reviewers[row["assignee_id"]].overdue_tasks += row["overdue"]

    return DeskReport(
        desk=desk,
        period=period,
        articles_imported=articles_imported,
        claims_found=claims_found,
        claims_published=len(published),
        ratings=_rating_counts(desk=desk, counts=rating_counts),
        corrections_published=corrections_published,
        import_to_first_approval=_duration_stats(import_durations),
        assignment_to_submission=_duration_stats(assignment_durations),
        open_tasks=sum(open_by_status.values()),
        open_tasks_by_status=open_by_status,
        overdue_tasks=overdue,
        reviewers=list(reviewers.values()),
    )


@dataclass(frozen=True)
class Submission:
    """One submission of a verdict in the period, by `reviewer_id` (None once their account is
    deleted); `since_assignment` is how long after the task was handed to them, for their first
    submission since (None for a resubmission, or with no assignment recorded)."""

    reviewer_id: object
    since_assignment: dt.timedelta | None


def _submissions(*, desk: Desk, period: ReportPeriod) -> list[Submission]:
    """The submissions made in the period on the desk's claims in the review queue, from the audit
    trail: each claim's assignment and submission events up to the period's end, read in one query
    for the claims submitted in the period, then walked in order."""
    submitted = AuditEvent.objects.filter(
        period.filter("occurred_at"),
        desk_id=desk.pk,
        action=AuditAction.VERDICT_SUBMITTED,
        # A subquery rather than ids: thousands of literal ids make a slow plan.
        claim_id__in=Claim.objects.filter(article__desk=desk, status=ClaimStatus.ACTIVE).values("pk"),
    )
    events = AuditEvent.objects.filter(
        action__in=[AuditAction.REVIEW_ASSIGNED, AuditAction.VERDICT_SUBMITTED],
        claim_id__in=submitted.values("claim_id"),
    )
    if period.ends_before:
        events = events.filter(occurred_at__lt=period.ends_before)
    # The assignee's names are read in the database: decoding every event's details costs more.
    events = events.annotate(assignee=KT("details__assignee"), previous_assignee=KT("details__previous_assignee"))
    # Per claim: to whom the task was last handed and when, until that reviewer submits.
    awaiting: dict[object, tuple[str, dt.datetime]] = {}
    starts_at = period.starts_at  # computed each time it is read: once, not once an event
    submissions = []
    for claim_id, action, occurred_at, actor_id, actor_name, assignee, previous_assignee in events.order_by(
        "occurred_at", "pk"
    ).values_list("claim_id", "action", "occurred_at", "actor_id", "actor_name", "assignee", "previous_assignee"):
        if action == AuditAction.REVIEW_ASSIGNED:
            # A due-date change is recorded as an assignment event too; only a change of assignee counts.
            if assignee and assignee != previous_assignee:
                awaiting[claim_id] = (assignee, occurred_at)
            continue
        since_assignment = None
        if claim_id in awaiting and awaiting[claim_id][0] == actor_name:
            since_assignment = occurred_at - awaiting.pop(claim_id)[1]
        if starts_at is None or occurred_at >= starts_at:
            submissions.append(Submission(reviewer_id=actor_id, since_assignment=since_assignment))
    return submissions


def _rating_counts(*, desk: Desk, counts: dict[object, int]) -> list[RatingCount]:
    """Every rating of the desk's scale in its order, with how many verdicts it was given, then any
    other rating counted (one of a scale the desk has since replaced)."""
    scale = rating_scale_for_desk(desk=desk)
    ratings = Rating.objects.filter(Q(scale=scale) | Q(pk__in=list(counts))).order_by("position", "label")
    on_scale = [rating for rating in ratings if rating.scale_id == scale.pk]
    off_scale = [rating for rating in ratings if rating.scale_id != scale.pk]
    return [
        RatingCount(rating_id=rating.pk, label=rating.label, count=counts.get(rating.pk, 0)) for rating in on_scale
    ] + [
        RatingCount(rating_id=rating.pk, label=rating.label, count=counts[rating.pk], on_scale=False)
        for rating in off_scale
    ]
