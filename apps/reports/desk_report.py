"""The desk report: what a desk imported, checked and published over a period, and who did the work.

Read-only and unscoped: callers check that the user edits the desk (`desk_report_desk_get`). Every
figure comes from a fixed number of queries, whatever the desk's size. Counts are SQL aggregates.
Durations are subtracted in SQL, where reading them costs less than reading timestamps (Django loads
each PostgreSQL timestamp in Python), and their medians and 90th percentiles are interpolated in
Python from the rows at the ranks needed, so SQLite and PostgreSQL give the same figures.
"""

import datetime as dt
import math
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db.models import (
    CharField,
    Count,
    DateTimeField,
    DurationField,
    ExpressionWrapper,
    F,
    FilteredRelation,
    Q,
    QuerySet,
    UUIDField,
    Value,
    Window,
)
from django.db.models.fields.json import KT
from django.db.models.functions import Cast, Coalesce, RowNumber
from django.utils import timezone
from django.utils.translation import gettext

from apps.articles.models import Article
from apps.claims.models import Claim, ClaimStatus
from apps.core.exceptions import ApplicationError
from apps.core.models import AuditAction, AuditEvent
from apps.desks.models import Desk, Role
from apps.desks.selectors import desk_get_for_member, membership_require
from apps.reviews.models import Rating, ReviewTask, TaskStatus, Verdict, VerdictCorrection
from apps.reviews.selectors import OPEN_STATUSES, rating_scale_for_desk

DEFAULT_PERIOD_DAYS = 30
EARLIEST_DAY = dt.date(1900, 1, 1)
LATEST_DAY = dt.date(2999, 12, 31)
EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


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
        raise ApplicationError(
            gettext("%(name)s must be a date as YYYY-MM-DD, not %(value)s.") % {"name": name, "value": repr(value)},
            extra={"field": name},
        ) from None
    # Far-off years would overflow the day after `until`, or midnight in a time zone east of UTC.
    if not EARLIEST_DAY <= day <= LATEST_DAY:
        raise ApplicationError(
            gettext("%(name)s must be between %(earliest)s and %(latest)s.")
            % {"name": name, "earliest": EARLIEST_DAY.isoformat(), "latest": LATEST_DAY.isoformat()},
            extra={"field": name},
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
            gettext("since (%(since)s) must be on or before until (%(until)s).")
            % {"since": since_day.isoformat(), "until": until_day.isoformat()},
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
    ordered = sorted(durations)
    return _duration_stats_at_ranks(count=len(ordered), at_rank=dict(enumerate(ordered)))


def _duration_stats_at_ranks(*, count: int, at_rank: dict[int, dt.timedelta]) -> DurationStats:
    """The stats of `count` durations from those at the ranks (0-based, shortest first) that the
    median and 90th percentile interpolate between; others may be there or not."""
    if not count:
        return DurationStats(count=0, median=None, p90=None)
    seconds = {rank: duration.total_seconds() for rank, duration in at_rank.items()}
    middle = count // 2
    median = seconds[middle] if count % 2 else (seconds[middle - 1] + seconds[middle]) / 2  # as statistics.median
    return DurationStats(
        count=count,
        median=dt.timedelta(seconds=round(median)),
        p90=dt.timedelta(seconds=round(_percentile(count, seconds, 0.9))),
    )


def _percentile(count: int, ordered: dict[int, float], fraction: float) -> float:
    """Linear interpolation between the closest ranks, as PostgreSQL's percentile_cont."""
    position = (count - 1) * fraction
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


def _published_verdicts(*, desk: Desk, period: ReportPeriod) -> QuerySet:
    """The desk's own verdicts first approved in the period and published now (approved, or under a
    correction that keeps the published finding), with `open_correction`: that correction, if any."""
    return (
        Verdict.objects.filter(
            period.filter("first_approved_at"),
            task__claim__article__desk=desk,
            task__claim__status=ClaimStatus.ACTIVE,
        )
        # A join, not a lookup a verdict: a verdict has at most one open correction (a unique constraint).
        .alias(open_correction=FilteredRelation("corrections", condition=Q(corrections__corrected_at__isnull=True)))
        .filter(Q(task__status=TaskStatus.APPROVED) | Q(open_correction__pk__isnull=False))
    )


# The rating readers see: while a correction is open, the one it keeps (the published finding). Said
# outright: SQLite hands a foreign key read through an expression back as bare hex otherwise.
PUBLISHED_RATING_ID = Coalesce("open_correction__previous_rating_id", "rating_id", output_field=UUIDField())
IMPORT_TO_FIRST_APPROVAL = ExpressionWrapper(
    F("first_approved_at") - F("task__claim__article__created_at"), output_field=DurationField()
)


def _import_to_first_approval(*, published: QuerySet) -> DurationStats:
    """Only the durations at the ranks the median and 90th percentile need are read, picked by the
    query itself from its own count (a count read before could be stale by then)."""
    ranked = published.annotate(
        duration=IMPORT_TO_FIRST_APPROVAL,
        rank=Window(RowNumber(), order_by=F("duration").asc()),  # 1-based
        total=Window(Count("pk")),
    )
    # The 90th percentile's ranks in whole numbers, give or take one: Python's (count - 1) * 0.9 in
    # floating point may fall either side of a whole number that the exact product is.
    p90 = (F("total") - 1) * 9 / 10
    rows = list(
        ranked.filter(
            Q(rank=(F("total") - 1) / 2 + 1) | Q(rank=F("total") / 2 + 1) | Q(rank__gte=p90, rank__lte=p90 + 3)
        ).values_list("total", "rank", "duration")
    )
    count = rows[0][0] if rows else 0
    return _duration_stats_at_ranks(count=count, at_rank={rank - 1: duration for _, rank, duration in rows})


def desk_report_build(*, desk: Desk, period: ReportPeriod, today: dt.date | None = None) -> DeskReport:
    """The desk's figures for `period` in ten queries.

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

    articles_imported = Article.objects.filter(period.filter("created_at"), desk=desk).count()
    claims_found = Claim.objects.filter(
        period.filter("created_at"), article__desk=desk, status=ClaimStatus.ACTIVE
    ).count()

    published = _published_verdicts(desk=desk, period=period)
    published_counts = list(
        published.values("reviewer_id", shown_rating_id=PUBLISHED_RATING_ID).annotate(verdicts=Count("pk")).order_by()
    )
    claims_published = sum(row["verdicts"] for row in published_counts)
    import_to_first_approval = _import_to_first_approval(published=published)
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
    user_ids = {row["reviewer_id"] for row in published_counts}
    user_ids |= {reviewer_id for reviewer_id in submissions.made if reviewer_id}
    user_ids |= {row["assignee_id"] for row in task_counts if row["assignee_id"]}
    people = get_user_model().objects.filter(
        Q(desk_memberships__desk=desk, desk_memberships__role=Role.REVIEWER) | Q(pk__in=user_ids)
    )
    for person in people.distinct().order_by("username"):
        reviewers[person.pk] = ReviewerRow(username=person.get_username())

    rating_counts: dict[object, int] = {}
    for row in published_counts:
        rating_counts[row["shown_rating_id"]] = rating_counts.get(row["shown_rating_id"], 0) + row["verdicts"]
        reviewers[row["reviewer_id"]].approved += row["verdicts"]

    assignment_durations = []
    for reviewer_id, made in submissions.made.items():
        turnarounds = submissions.turnarounds.get(reviewer_id, [])
        assignment_durations += turnarounds
        reviewer = reviewers.get(reviewer_id)  # None once the account is deleted
        if reviewer:
            reviewer.submitted += made
            reviewer.turnarounds += turnarounds

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
        claims_published=claims_published,
        ratings=_rating_counts(desk=desk, counts=rating_counts),
        corrections_published=corrections_published,
        import_to_first_approval=import_to_first_approval,
        assignment_to_submission=_duration_stats(assignment_durations),
        open_tasks=sum(open_by_status.values()),
        open_tasks_by_status=open_by_status,
        overdue_tasks=overdue,
        reviewers=list(reviewers.values()),
    )


@dataclass(frozen=True)
class Submissions:
    """The submissions made in the period, by reviewer (their user id; None once their account is
    deleted): how many each made, and how long after the task was handed to them each first
    submission since came (not a resubmission, nor one with no assignment recorded)."""

    made: dict[object, int]
    turnarounds: dict[object, list[dt.timedelta]]


def _submissions(*, desk: Desk, period: ReportPeriod) -> Submissions:
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
    # The assignee's names are read in the database: decoding every event's details costs more. Each
    # event's time is read as its distance from a fixed instant, an interval, which costs less to
    # read than a timestamp; the difference of two distances is the time between the events.
    events = events.annotate(
        # Text rather than UUIDs, which cost more to build and to look up.
        claim_key=Cast("claim_id", output_field=CharField()),
        assignee=KT("details__assignee"),
        previous_assignee=KT("details__previous_assignee"),
        since_epoch=ExpressionWrapper(
            F("occurred_at") - Value(EPOCH, output_field=DateTimeField()), output_field=DurationField()
        ),
    )
    # Per claim: to whom the task was last handed and when, until that reviewer submits.
    awaiting: dict[object, tuple[str, dt.timedelta]] = {}
    starts_at = period.starts_at - EPOCH if period.starts_at else None
    made: dict[object, int] = {}
    turnarounds: dict[object, list[dt.timedelta]] = {}
    for claim_key, action, since_epoch, actor_id, actor_name, assignee, previous_assignee in events.order_by(
        "occurred_at", "pk"
    ).values_list("claim_key", "action", "since_epoch", "actor_id", "actor_name", "assignee", "previous_assignee"):
        if action == AuditAction.REVIEW_ASSIGNED:
            # A due-date change is recorded as an assignment event too; only a change of assignee counts.
            if assignee and assignee != previous_assignee:
                awaiting[claim_key] = (assignee, since_epoch)
            continue
        since_assignment = None
        assigned = awaiting.get(claim_key)
        if assigned and assigned[0] == actor_name:
            since_assignment = since_epoch - assigned[1]
            del awaiting[claim_key]
        if starts_at is None or since_epoch >= starts_at:
            made[actor_id] = made.get(actor_id, 0) + 1
            if since_assignment is not None:
                turnarounds.setdefault(actor_id, []).append(since_assignment)
    return Submissions(made=made, turnarounds=turnarounds)


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
