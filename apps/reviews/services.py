import datetime as dt
from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone

from apps.claims.selectors import claim_queue_list
from apps.core.exceptions import ApplicationError, PermissionDeniedError
from apps.desks.models import Membership
from apps.desks.selectors import membership_require

from .models import Rating, ReviewTask, TaskStatus, Verdict
from .selectors import rating_scale_for_desk

ASSIGNABLE_STATUSES = (TaskStatus.NEW, TaskStatus.ASSIGNED, TaskStatus.IN_REVIEW, TaskStatus.RETURNED)
SUBMITTABLE_STATUSES = (TaskStatus.ASSIGNED, TaskStatus.IN_REVIEW, TaskStatus.RETURNED)


def article_review_tasks_create(*, article) -> list[ReviewTask]:
    """Intake step: one review task per claim in the queue (not held back, not rejected).
    Idempotent."""
    claims = claim_queue_list(article=article).filter(review_task__isnull=True)
    ReviewTask.objects.bulk_create([ReviewTask(claim=claim) for claim in claims], ignore_conflicts=True)
    return list(ReviewTask.objects.filter(claim__in=claim_queue_list(article=article)))


@transaction.atomic
def review_tasks_assign(
    *, editor, tasks: Iterable[ReviewTask], assignee, due_date: dt.date | None = None
) -> list[ReviewTask]:
    """Assign (or reassign) tasks to a member of their desk.

    Only the desk's editors may assign. Tasks already submitted or approved are refused, the
    whole batch with them, so an editor never half-applies a bulk assignment.
    """
    locked = list(
        ReviewTask.objects.select_for_update()
        .filter(pk__in=[task.pk for task in tasks])
        .select_related("claim__article__desk")
    )
    if not locked:
        raise ApplicationError("Choose at least one claim to assign.")
    for desk in {task.claim.article.desk for task in locked}:
        membership_require(user=editor, desk=desk, editor=True)
        if not Membership.objects.filter(desk=desk, user=assignee).exists():
            raise ApplicationError(f"{assignee} is not a member of {desk}.")
    blocked = [task for task in locked if task.status not in ASSIGNABLE_STATUSES]
    if blocked:
        raise ApplicationError(
            "Submitted or approved claims cannot be reassigned.",
            extra={"task_ids": [str(task.pk) for task in blocked]},
            status=409,
        )
    for task in locked:
        task.assignee = assignee
        task.assigned_by = editor
        task.due_date = due_date
        if task.status == TaskStatus.NEW:
            task.status = TaskStatus.ASSIGNED
        task.full_clean()
        task.save()
    return locked


def _lock_own_task(*, user, task: ReviewTask) -> ReviewTask:
    locked = ReviewTask.objects.select_for_update().select_related("claim__article__desk").get(pk=task.pk)
    membership_require(user=user, desk=locked.claim.article.desk)
    if locked.assignee_id != user.pk:
        raise PermissionDeniedError("This claim is assigned to someone else.")
    return locked


@transaction.atomic
def review_task_start(*, user, task: ReviewTask) -> ReviewTask:
    """The assignee starts reviewing. Idempotent when already in review."""
    locked = _lock_own_task(user=user, task=task)
    if locked.status == TaskStatus.IN_REVIEW:
        return locked
    if locked.status not in (TaskStatus.ASSIGNED, TaskStatus.RETURNED):
        raise ApplicationError(f"A {locked.get_status_display().lower()} claim cannot be started.", status=409)
    locked.status = TaskStatus.IN_REVIEW
    locked.save(update_fields=["status", "updated_at"])
    return locked


@transaction.atomic
def verdict_submit(*, user, task: ReviewTask, rating: Rating, rationale: str, reference_ids: Iterable = ()) -> Verdict:
    """The assignee records a verdict; the task becomes submitted for the editor's approval.

    Resubmitting a returned task updates its verdict. The rating must come from the desk's
    scale and cited references must belong to the claim.
    """
    locked = _lock_own_task(user=user, task=task)
    if locked.status not in SUBMITTABLE_STATUSES:
        raise ApplicationError(f"A {locked.get_status_display().lower()} claim takes no verdict.", status=409)
    if rating.scale_id != rating_scale_for_desk(desk=locked.claim.article.desk).pk:
        raise ApplicationError("That rating is not on this desk's scale.")
    if not rationale.strip():
        raise ApplicationError("Explain the verdict in the rationale.")
    reference_ids = list(reference_ids)
    references = list(locked.claim.references.filter(pk__in=reference_ids))
    if len(references) != len(set(reference_ids)):
        raise ApplicationError("Cited references must belong to this claim.")

    now = timezone.now()
    verdict, _ = Verdict.objects.update_or_create(
        task=locked,
        defaults={
            "rating": rating,
            "rationale": rationale.strip(),
            "reviewer": user,
            "submitted_at": now,
            "approved_by": None,
            "approved_at": None,
        },
    )
    verdict.cited_references.set(references)
    locked.status = TaskStatus.SUBMITTED
    locked.save(update_fields=["status", "updated_at"])
    return verdict


def _lock_for_editor(*, editor, task: ReviewTask) -> ReviewTask:
    locked = ReviewTask.objects.select_for_update().select_related("claim__article__desk").get(pk=task.pk)
    membership_require(user=editor, desk=locked.claim.article.desk, editor=True)
    return locked


@transaction.atomic
def verdict_approve(*, editor, task: ReviewTask) -> Verdict:
    """An editor approves a submitted verdict. Idempotent when already approved."""
    locked = _lock_for_editor(editor=editor, task=task)
    if locked.status == TaskStatus.APPROVED:
        return locked.verdict
    if locked.status != TaskStatus.SUBMITTED:
        raise ApplicationError("Only a submitted verdict can be approved.", status=409)
    verdict = locked.verdict
    verdict.approved_by = editor
    verdict.approved_at = timezone.now()
    verdict.save(update_fields=["approved_by", "approved_at", "updated_at"])
    locked.status = TaskStatus.APPROVED
    locked.editor_note = ""
    locked.save(update_fields=["status", "editor_note", "updated_at"])
    return verdict


@transaction.atomic
def verdict_return(*, editor, task: ReviewTask, note: str) -> ReviewTask:
    """An editor sends a submitted verdict back to the reviewer with a note."""
    locked = _lock_for_editor(editor=editor, task=task)
    if locked.status != TaskStatus.SUBMITTED:
        raise ApplicationError("Only a submitted verdict can be returned.", status=409)
    if not note.strip():
        raise ApplicationError("Tell the reviewer why the verdict is returned.")
    locked.status = TaskStatus.RETURNED
    locked.editor_note = note.strip()
    locked.save(update_fields=["status", "editor_note", "updated_at"])
    return locked
