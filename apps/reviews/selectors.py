import datetime as dt
from collections.abc import Iterable
from uuid import UUID

from django.db.models import BooleanField, Count, Exists, ExpressionWrapper, F, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext, ngettext

from apps.articles.models import Article
from apps.claims.models import ClaimStatus
from apps.core.exceptions import ApplicationError, NotFoundError
from apps.core.ids import uuid_or_404
from apps.core.languages import language_matches
from apps.desks.models import Desk
from apps.desks.selectors import desk_ids_for_user, editable_desk_ids_for_user

from .models import Rating, RatingScale, ReviewTask, TaskStatus, Verdict, VerdictCorrection, VerdictDraft

OPEN_STATUSES = (TaskStatus.ASSIGNED, TaskStatus.IN_REVIEW, TaskStatus.RETURNED)


def _visible_tasks(*, user) -> QuerySet[ReviewTask]:
    """Tasks of the claims in review on the user's desks."""
    return ReviewTask.objects.filter(
        claim__article__desk_id__in=desk_ids_for_user(user=user), claim__status=ClaimStatus.ACTIVE
    )


def _corrections() -> QuerySet[VerdictCorrection]:
    return VerdictCorrection.objects.select_related("previous_rating", "rating", "reopened_by", "corrected_by")


def verdict_correction_list(*, verdict: Verdict) -> list[VerdictCorrection]:
    """A verdict's corrections, oldest first, the open one (if any) last; callers have checked the
    user may see the verdict."""
    return list(_corrections().filter(verdict=verdict).order_by("reopened_at"))


def review_task_list(
    *, user, article_id=None, status: str | None = None, assignee=None, language: str | None = None
) -> QuerySet[ReviewTask]:
    """Tasks of the user's desks, optionally one article's, in one status, one person's, or of the
    articles in one language (a normalized BCP 47 tag that also finds narrower ones)."""
    tasks = (
        _visible_tasks(user=user)
        .select_related(
            "claim",
            "claim__article",
            "claim__article__desk",
            "assignee",
            "verdict",
            "verdict__rating",
            "verdict__reviewer",
            "verdict__approved_by",
        )
        # The API lists each verdict's cited references and corrections: one query each for the
        # page, not one per task.
        .prefetch_related("verdict__cited_references", Prefetch("verdict__corrections", queryset=_corrections()))
        # A 2 MB body copied into every row of a list costs gigabytes; it is read on demand.
        .defer("claim__article__body")
        # Reopened for correction: its published verdict stands in reports until this one is approved.
        .annotate(
            under_correction=Exists(
                VerdictCorrection.objects.filter(verdict__task=OuterRef("pk"), corrected_at__isnull=True)
            )
        )
        .order_by("claim__article__created_at", "claim__start")
    )
    if article_id is not None:
        tasks = tasks.filter(claim__article_id=uuid_or_404(article_id, not_found=gettext("Article not found.")))
    if status:
        tasks = tasks.filter(status=status)
    if assignee is not None:
        tasks = tasks.filter(assignee=assignee)
    if language:
        tasks = tasks.filter(language_matches("claim__article__language", language))
    return tasks


def review_task_queue(
    *,
    user,
    status: str | None = None,
    overdue_only: bool = False,
    article_id=None,
    today: dt.date | None = None,
    language: str | None = None,
) -> QuerySet[ReviewTask]:
    """A reviewer's own open work, soonest due first and undated work last, optionally narrowed
    to one status, the overdue tasks, one article or the articles in one language (a normalized
    BCP 47 tag that also finds narrower ones: "pt" finds "pt-BR").

    Each task carries `is_overdue` (due before `today`, the site's date unless given) and
    `has_draft` (its reviewer saved a draft verdict).
    """
    today = today or timezone.localdate()
    tasks = (
        review_task_list(user=user, assignee=user, article_id=article_id)
        .filter(status__in=OPEN_STATUSES)
        .annotate(
            is_overdue=ExpressionWrapper(Q(due_date__lt=today), output_field=BooleanField()),
            has_draft=Exists(VerdictDraft.objects.filter(task=OuterRef("pk"))),
        )
        # NULLs sort first on SQLite and last on PostgreSQL; undated work goes after dated work on both.
        .order_by(F("due_date").asc(nulls_last=True), "claim__article__created_at", "claim__start")
    )
    if status:
        tasks = tasks.filter(status=status)
    if overdue_only:
        tasks = tasks.filter(due_date__lt=today)
    if language:
        tasks = tasks.filter(language_matches("claim__article__language", language))
    return tasks


def review_task_is_overdue(*, task: ReviewTask, today: dt.date | None = None) -> bool:
    """Open review work past its due date (the queue marks the same with `is_overdue`)."""
    today = today or timezone.localdate()
    return task.status in OPEN_STATUSES and task.due_date is not None and task.due_date < today


def review_task_queue_summary(*, user, today: dt.date | None = None) -> dict[str, int]:
    """How much open work the user has: {"open", "overdue", "returned"}, in one query."""
    today = today or timezone.localdate()
    return ReviewTask.objects.filter(
        pk__in=_visible_tasks(user=user).filter(assignee=user, status__in=OPEN_STATUSES).values("pk")
    ).aggregate(
        open=Count("pk"),
        overdue=Count("pk", filter=Q(due_date__lt=today)),
        returned=Count("pk", filter=Q(status=TaskStatus.RETURNED)),
    )


def review_task_queue_articles(*, user) -> QuerySet[Article]:
    """The articles the user has open review work in, newest first: the queue's article filter."""
    open_tasks = _visible_tasks(user=user).filter(assignee=user, status__in=OPEN_STATUSES)
    return (
        Article.objects.filter(pk__in=open_tasks.values("claim__article_id"))
        .only("pk", "title", "created_at")
        .order_by("-created_at")
    )


def review_task_approval_queue(*, user) -> QuerySet[ReviewTask]:
    """Submitted verdicts waiting for an editor's approval on the desks the user edits, longest
    waiting first."""
    return (
        review_task_list(user=user, status=TaskStatus.SUBMITTED)
        .filter(claim__article__desk_id__in=editable_desk_ids_for_user(user=user))
        .select_related("verdict__reviewer")
        .order_by("verdict__submitted_at", "claim__article__created_at", "claim__start")
    )


def review_task_get(*, user, task_id) -> ReviewTask:
    task = review_task_list(user=user).filter(pk=uuid_or_404(task_id, not_found=gettext("Task not found."))).first()
    if task is None:
        raise NotFoundError(gettext("Task not found."))
    return task


def review_tasks_get(*, user, task_ids: Iterable[UUID], include_out_of_review: bool = False) -> list[ReviewTask]:
    """The tasks named, in one query; if any is not one of the user's, 404 naming those.

    `include_out_of_review` also finds tasks whose claim an editor took out of review since the
    page was shown, for a service to refuse with the reason, as `review_task_for_claim` does.
    """
    wanted = set(task_ids)
    if include_out_of_review:
        candidates = ReviewTask.objects.filter(claim__article__desk_id__in=desk_ids_for_user(user=user))
    else:
        candidates = _visible_tasks(user=user)
    tasks = list(candidates.filter(pk__in=wanted))
    missing = wanted - {task.pk for task in tasks}
    if missing:
        raise NotFoundError(gettext("Task not found."), extra={"task_ids": sorted(str(task_id) for task_id in missing)})
    return tasks


def review_task_for_claim(*, user, claim_id) -> ReviewTask:
    """The claim's task, also when an editor has taken the claim out of review since the page
    was loaded: the services then refuse the work and say why, where "not found" would not."""
    task = (
        ReviewTask.objects.filter(
            claim__article__desk_id__in=desk_ids_for_user(user=user),
            claim_id=uuid_or_404(claim_id, not_found=gettext("Claim not found.")),
        )
        .select_related("claim", "claim__article", "claim__article__desk", "assignee", "verdict")
        .first()
    )
    if task is None:
        raise NotFoundError(gettext("Task not found."))
    return task


def verdict_draft_for_task(*, task: ReviewTask) -> VerdictDraft | None:
    """The task's saved draft verdict, for its assignee's form; callers show it to the assignee only."""
    return VerdictDraft.objects.filter(task=task).select_related("saved_by").first()


def rating_scale_for_desk(*, desk: Desk) -> RatingScale:
    """The desk's own scale, else the shipped default."""
    # NULLs sort first on SQLite and last on PostgreSQL; say where the default scale goes.
    scale = (
        RatingScale.objects.filter(Q(desk=desk) | Q(desk__isnull=True))
        .order_by(F("desk_id").asc(nulls_last=True))
        .first()
    )
    if scale is None:
        raise NotFoundError(gettext("No rating scale is configured."))
    return scale


def rating_list_for_desk(*, desk: Desk) -> QuerySet[Rating]:
    return rating_scale_for_desk(desk=desk).ratings.all()


def rating_get_for_desk(*, desk: Desk, rating_id) -> Rating:
    rating = (
        rating_list_for_desk(desk=desk)
        .filter(pk=uuid_or_404(rating_id, not_found=gettext("Rating not found.")))
        .first()
    )
    if rating is None:
        raise ApplicationError(gettext("That rating is not on this desk's scale."))
    return rating


def review_status_counts(*, article) -> dict[str, int]:
    return review_status_counts_by_article(article_ids=[article.pk]).get(article.pk, _empty_counts())


def review_status_counts_by_article(*, article_ids) -> dict:
    """Task counts per status for many articles in one query: {article_id: {status: count}}.

    Only claims in the review queue count: a held back or rejected claim keeps its task (for
    when it is released) but is not being reviewed.
    """
    counts: dict = {}
    rows = (
        ReviewTask.objects.filter(claim__article_id__in=list(article_ids), claim__status=ClaimStatus.ACTIVE)
        .values_list("claim__article_id", "status")
        .annotate(total=Count("id"))
        .order_by()
    )
    for article_id, status, total in rows:
        counts.setdefault(article_id, _empty_counts())[status] = total
    return counts


def _empty_counts() -> dict[str, int]:
    return dict.fromkeys(TaskStatus.values, 0)


def rating_list_with_usage(*, scale: RatingScale) -> QuerySet[Rating]:
    """A scale's ratings in order, each with `verdict_count` (ratings in use cannot be removed)."""
    # Grouped queries ignore Meta.ordering, so the order is spelled out.
    return scale.ratings.annotate(verdict_count=Count("verdicts")).order_by("position", "label")


def rating_with_usage_get_for_desk(*, desk: Desk, rating_id) -> Rating:
    """A rating of the scale the desk uses, with its `verdict_count`; 404 for any other (another
    desk's, or the standard scale's once the desk has its own), without saying whose it is."""
    scale = rating_scale_for_desk(desk=desk)
    rating = (
        rating_list_with_usage(scale=scale)
        .filter(pk=uuid_or_404(rating_id, not_found=gettext("Rating not found.")))
        .first()
    )
    if rating is None:
        raise NotFoundError(gettext("Rating not found."))
    return rating


def membership_removal_problem(*, membership) -> str:
    """Why a member cannot leave the desk yet: open review tasks nobody else would work on."""
    open_tasks = ReviewTask.objects.filter(
        claim__article__desk_id=membership.desk_id,
        assignee_id=membership.user_id,
        status__in=OPEN_STATUSES,
    ).count()
    if not open_tasks:
        return ""
    return ngettext(
        "%(username)s still has %(count)d open review task on this desk; reassign them first.",
        "%(username)s still has %(count)d open review tasks on this desk; reassign them first.",
        open_tasks,
    ) % {"username": membership.user.get_username(), "count": open_tasks}


def claim_is_assigned_to(*, claim, user) -> bool:
    return ReviewTask.objects.filter(claim=claim, assignee_id=user.pk).exists()


def reference_cited_as_published(*, reference) -> bool:
    """Whether readers have been shown `reference` as a citation of a published finding: one a
    verdict cites once approved (a verdict being corrected included: its first approval stays), or
    one the finding under correction cited, which exports show until the corrected verdict is
    approved, though the reviewer's revision may no longer cite it."""
    cited = Verdict.objects.filter(cited_references=reference, first_approved_at__isnull=False)
    under_correction = VerdictCorrection.objects.filter(previous_cited_references=reference, corrected_at__isnull=True)
    return cited.exists() or under_correction.exists()
