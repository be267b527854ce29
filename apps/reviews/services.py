import datetime as dt
import enum
from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, F, ProtectedError, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, gettext_noop, ngettext

from apps.articles.tips import tips_verdict_published
from apps.claims.models import ClaimStatus
from apps.claims.selectors import claim_queue_list
from apps.core.audit import audit_record, audit_record_many
from apps.core.etags import changed_since_read_error
from apps.core.exceptions import ApplicationError, NotFoundError, PermissionDeniedError
from apps.core.languages import language_code_normalize
from apps.core.models import AuditAction
from apps.desks.models import Desk, Membership
from apps.desks.selectors import desk_admin_require, membership_require

from .models import Rating, RatingScale, ReviewTask, TaskStatus, Verdict, VerdictCorrection, VerdictDraft
from .notifications import (
    notify_correction_withdrawn,
    notify_tasks_assigned,
    notify_verdict_reopened,
    notify_verdict_returned,
    notify_verdict_submitted,
    notify_verdicts_approved,
)
from .selectors import rating_scale_for_desk
from .webhooks import (
    webhook_correction_withdrawn,
    webhook_tasks_assigned,
    webhook_verdict_reopened,
    webhook_verdict_returned,
    webhook_verdict_submitted,
    webhook_verdicts_approved,
)

ASSIGNABLE_STATUSES = (TaskStatus.NEW, TaskStatus.ASSIGNED, TaskStatus.IN_REVIEW, TaskStatus.RETURNED)
SUBMITTABLE_STATUSES = (TaskStatus.ASSIGNED, TaskStatus.IN_REVIEW, TaskStatus.RETURNED)

# One whole sentence per status a refusal names, never a status label put into a sentence: the
# label's gender, number and article do not fit every language's sentence around it.
NOT_STARTABLE = {
    TaskStatus.NEW: gettext_lazy("A new claim cannot be started."),
    TaskStatus.SUBMITTED: gettext_lazy("A submitted claim cannot be started."),
    TaskStatus.APPROVED: gettext_lazy("An approved claim cannot be started."),
}
TAKES_NO_VERDICT = {
    TaskStatus.NEW: gettext_lazy("A new claim takes no verdict."),
    TaskStatus.SUBMITTED: gettext_lazy("A submitted claim takes no verdict."),
    TaskStatus.APPROVED: gettext_lazy("An approved claim takes no verdict."),
}
NOT_REOPENABLE = {
    TaskStatus.NEW: gettext_lazy("Only an approved verdict can be reopened for correction; this claim is new."),
    TaskStatus.ASSIGNED: gettext_lazy(
        "Only an approved verdict can be reopened for correction; this claim is assigned."
    ),
    TaskStatus.IN_REVIEW: gettext_lazy(
        "Only an approved verdict can be reopened for correction; this claim is in review."
    ),
    TaskStatus.SUBMITTED: gettext_lazy(
        "Only an approved verdict can be reopened for correction; this claim is submitted."
    ),
    TaskStatus.RETURNED: gettext_lazy(
        "Only an approved verdict can be reopened for correction; this claim is returned."
    ),
}


def article_review_tasks_create(*, article) -> list[ReviewTask]:
    """Intake step: one review task per claim in the queue (not held back, not rejected).
    Idempotent."""
    claims = claim_queue_list(article=article).filter(review_task__isnull=True)
    ReviewTask.objects.bulk_create([ReviewTask(claim=claim) for claim in claims], ignore_conflicts=True)
    return list(ReviewTask.objects.filter(claim__in=claim_queue_list(article=article)))


class Keep(enum.Enum):
    """An argument's value that leaves the field as it is, where None would clear it."""

    AS_IS = "as_is"


@transaction.atomic
def review_tasks_assign(
    *, editor, tasks: Iterable[ReviewTask], assignee, due_date: dt.date | Keep | None = Keep.AS_IS
) -> list[ReviewTask]:
    """Assign (or reassign) tasks to a member of their desk.

    Only the desk's editors may assign. Tasks already submitted or approved are refused, the
    whole batch with them, so an editor never half-applies a bulk assignment. `due_date` left
    as `Keep.AS_IS` keeps each task's due date; None clears it; a date before today is refused
    unless every task already has it (`_due_date_not_past_check`). A task in review that moves to
    another reviewer goes back to assigned. The tasks are locked, checked and
    written in a constant number of queries, however many there are.
    """
    locked = list(
        ReviewTask.objects.select_for_update()
        .filter(pk__in=[task.pk for task in tasks])
        .select_related("claim__article__desk")
    )
    if not locked:
        raise ApplicationError(_("Choose at least one claim to assign."))
    for desk in {task.claim.article.desk for task in locked}:
        membership_require(user=editor, desk=desk, editor=True)
        if not Membership.objects.filter(desk=desk, user=assignee).exists():
            raise ApplicationError(_("%(person)s is not a member of %(desk)s.") % {"person": assignee, "desk": desk})
    blocked = [task for task in locked if task.status not in ASSIGNABLE_STATUSES]
    if blocked:
        raise ApplicationError(
            _("Submitted or approved claims cannot be reassigned."),
            extra={"task_ids": [str(task.pk) for task in blocked]},
            status=409,
        )
    if due_date is not Keep.AS_IS:
        _due_date_not_past_check(due_date=due_date, previous_due_dates=[task.due_date for task in locked])
    now = timezone.now()
    newly_theirs = [task for task in locked if task.assignee_id != assignee.pk]
    before = {task.pk: (task.assignee_id, task.due_date) for task in locked}
    for task in locked:
        # The new reviewer has not started; "In review" would say they had. A returned task stays
        # returned: its editor's note is for whoever revises the verdict.
        if task.status == TaskStatus.NEW or (task.status == TaskStatus.IN_REVIEW and task.assignee_id != assignee.pk):
            task.status = TaskStatus.ASSIGNED
        task.assignee = assignee
        task.assigned_by = editor
        if due_date is not Keep.AS_IS:
            task.due_date = due_date
        # bulk_update does not set auto_now fields.
        task.updated_at = now
        # The related rows were checked above, and the database enforces the rest; validating
        # them here would cost queries for each task.
        task.full_clean(exclude=["claim", "assignee", "assigned_by"], validate_unique=False, validate_constraints=False)
    ReviewTask.objects.bulk_update(locked, ["assignee", "assigned_by", "due_date", "status", "updated_at"])
    audit_record_many(action=AuditAction.REVIEW_ASSIGNED, actor=editor, entries=_assignment_changes(locked, before))
    notify_tasks_assigned(editor=editor, assignee=assignee, tasks=newly_theirs)
    webhook_tasks_assigned(editor=editor, assignee=assignee, tasks=newly_theirs)
    return locked


def _due_date_not_past_check(*, due_date: dt.date | None, previous_due_dates: list[dt.date | None]) -> None:
    """ApplicationError for a due date before today given to tasks whose due dates were
    `previous_due_dates`, unless every one of them already had it. Today is the site's (TIME_ZONE),
    the day the queue and the overdue digest call a task overdue from. A task already overdue keeps
    its date when it is reassigned with it (a bulk form sends the date the tasks share), so only a
    new or changed date is refused."""
    if due_date is None:
        return
    today = timezone.localdate()
    if due_date < today and any(previous != due_date for previous in previous_due_dates):
        raise ApplicationError(
            _("The due date is in the past: %(due_date)s is before today, %(today)s.")
            % {"due_date": due_date.isoformat(), "today": today.isoformat()},
            extra={"fields": {"due_date": [_("The due date is in the past.")]}},
        )


def _lock_own_task(*, user, task: ReviewTask) -> ReviewTask:
    locked = ReviewTask.objects.select_for_update().select_related("claim__article__desk").get(pk=task.pk)
    membership_require(user=user, desk=locked.claim.article.desk)
    if locked.assignee_id != user.pk:
        # Often an editor reassigned the claim while its reviewer had the page open: say to whom.
        if locked.assignee:
            raise PermissionDeniedError(
                _("This claim is now assigned to %(person)s, so it takes no work from you.")
                % {"person": locked.assignee.get_username()}
            )
        raise PermissionDeniedError(_("This claim is not assigned to you, so it takes no work from you."))
    _ensure_in_review_queue(locked)
    return locked


def _assignment_changes(tasks: list[ReviewTask], before: dict) -> list[tuple]:
    """(claim, details) for each task whose assignee or due date changed, names looked up at once."""
    changed = [task for task in tasks if before[task.pk] != (task.assignee_id, task.due_date)]
    user_model = get_user_model()
    user_ids = {before[task.pk][0] for task in changed} | {task.assignee_id for task in changed}
    names = dict(user_model.objects.filter(pk__in=user_ids).values_list("pk", user_model.USERNAME_FIELD))
    return [
        (
            task.claim,
            {
                "assignee": names.get(task.assignee_id),
                "previous_assignee": names.get(before[task.pk][0]),
                "due_date": task.due_date,
                "previous_due_date": before[task.pk][1],
            },
        )
        for task in changed
    ]


def review_task_verdict_revision_bump(*, task: ReviewTask) -> None:
    """The task's verdict changed outside the workflow (a site administrator mended it in the admin):
    pages read before it refuse to approve or return it, as after a resubmission."""
    ReviewTask.objects.filter(pk=task.pk).update(verdict_revision=F("verdict_revision") + 1, updated_at=timezone.now())


@transaction.atomic
def review_task_start(*, user, task: ReviewTask) -> ReviewTask:
    """The assignee starts reviewing. Idempotent when already in review."""
    locked = _lock_own_task(user=user, task=task)
    if locked.status == TaskStatus.IN_REVIEW:
        return locked
    if locked.status not in (TaskStatus.ASSIGNED, TaskStatus.RETURNED):
        raise ApplicationError(str(NOT_STARTABLE[locked.status]), status=409)
    locked.status = TaskStatus.IN_REVIEW
    locked.save(update_fields=["status", "updated_at"])
    audit_record(action=AuditAction.REVIEW_STARTED, actor=user, claim=locked.claim)
    return locked


def _ensure_revision_seen(task: ReviewTask, seen_revision: int | None, message: str) -> None:
    """Refuse a form shown with another revision of the task's verdict than the current one.

    None means the caller cannot say which revision its user saw (an API client that sent
    none), and skips the check.
    """
    if seen_revision is not None and seen_revision != task.verdict_revision:
        raise ApplicationError(message, extra={"verdict_revision": task.verdict_revision}, status=409)


@transaction.atomic
def verdict_submit(
    *,
    user,
    task: ReviewTask,
    rating: Rating,
    rationale: str,
    reference_ids: Iterable = (),
    seen_revision: int | None = None,
) -> Verdict:
    """The assignee records a verdict; the task becomes submitted for the editor's approval.

    Resubmitting a returned task updates its verdict. The rating must come from the desk's
    scale and cited references must belong to the claim. `seen_revision` is the task's
    `verdict_revision` when the reviewer's form was shown: if the verdict was submitted or
    returned since (from another window, by an editor), the form is stale and refused.
    """
    locked = _lock_own_task(user=user, task=task)
    if locked.status not in SUBMITTABLE_STATUSES:
        raise ApplicationError(str(TAKES_NO_VERDICT[locked.status]), status=409)
    _ensure_reviewer_saw_revision(locked, seen_revision)
    _ensure_rating_on_scale(locked, rating)
    if not rationale.strip():
        raise ApplicationError(_("Explain the verdict in the rationale."))
    references = _claim_references(locked, reference_ids)

    previous_rating = Verdict.objects.filter(task=locked).values_list("rating__label", flat=True).first()
    now = timezone.now()
    verdict, _created = Verdict.objects.update_or_create(
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
    VerdictDraft.objects.filter(task=locked).delete()
    locked.status = TaskStatus.SUBMITTED
    locked.verdict_revision += 1
    locked.save(update_fields=["status", "verdict_revision", "updated_at"])
    audit_record(
        action=AuditAction.VERDICT_SUBMITTED,
        actor=user,
        claim=locked.claim,
        details={"rating": rating.label, "previous_rating": previous_rating},
    )
    notify_verdict_submitted(reviewer=user, task=locked)
    webhook_verdict_submitted(reviewer=user, task=locked, verdict=verdict)
    return verdict


def _ensure_reviewer_saw_revision(task: ReviewTask, seen_revision: int | None) -> None:
    _ensure_revision_seen(
        task,
        seen_revision,
        _(
            "This verdict changed after you opened the page (it was saved or sent from another window, or an "
            "editor returned it), so what you sent was not recorded. The page now shows the verdict as it is."
        ),
    )


def _ensure_rating_on_scale(task: ReviewTask, rating: Rating) -> None:
    if rating.scale_id != rating_scale_for_desk(desk=task.claim.article.desk).pk:
        raise ApplicationError(_("That rating is not on this desk's scale."))


def verdict_values_check(*, task: ReviewTask, rating: Rating, reference_ids: Iterable) -> None:
    """ApplicationError unless `rating` is on the desk's scale and every cited reference is the
    claim's, as a submitted verdict's must be; for forms that write verdicts themselves (the Django
    admin). Checks neither who asks nor the task's state."""
    _ensure_rating_on_scale(task, rating)
    _claim_references(task, reference_ids)


def _claim_references(task: ReviewTask, reference_ids: Iterable) -> list:
    reference_ids = list(reference_ids)
    references = list(task.claim.references.filter(pk__in=reference_ids))
    if len(references) != len(set(reference_ids)):
        raise ApplicationError(_("Cited references must belong to this claim."))
    return references


@transaction.atomic
def verdict_draft_save(
    *,
    user,
    task: ReviewTask,
    rating: Rating | None,
    rationale: str,
    reference_ids: Iterable = (),
    seen_revision: int | None = None,
) -> VerdictDraft | None:
    """The assignee keeps what they wrote towards a verdict without sending it to the editor.

    Saving starts the review (an assigned or returned task goes "In review"), so it also serves
    to tell the desk someone is on the claim before anything is written. An empty form keeps no
    draft and deletes an earlier one; None is returned then. The same rules as `verdict_submit`
    apply to what is there (the desk's rating scale, the claim's references, a form shown with the
    current `seen_revision`), but nothing is required. Not idempotent: each save is a revision.
    """
    locked = _lock_own_task(user=user, task=task)
    if locked.status not in SUBMITTABLE_STATUSES:
        raise ApplicationError(str(TAKES_NO_VERDICT[locked.status]), status=409)
    _ensure_reviewer_saw_revision(locked, seen_revision)
    if rating is not None:
        _ensure_rating_on_scale(locked, rating)
    references = _claim_references(locked, reference_ids)

    draft = None
    if rating is None and not rationale.strip() and not references:
        VerdictDraft.objects.filter(task=locked).delete()
    else:
        draft, created = VerdictDraft.objects.update_or_create(
            task=locked, defaults={"rating": rating, "rationale": rationale.strip(), "saved_by": user}
        )
        draft.cited_references.set(references)
        # Drafts are saved as the reviewer types; only starting one is worth a line in the history.
        if created:
            audit_record(action=AuditAction.DRAFT_STARTED, actor=user, claim=locked.claim)
    locked.status = TaskStatus.IN_REVIEW
    locked.verdict_revision += 1
    locked.save(update_fields=["status", "verdict_revision", "updated_at"])
    return draft


def _lock_for_editor(*, editor, task: ReviewTask) -> ReviewTask:
    locked = ReviewTask.objects.select_for_update().select_related("claim__article__desk").get(pk=task.pk)
    membership_require(user=editor, desk=locked.claim.article.desk, editor=True)
    _ensure_in_review_queue(locked)
    return locked


def _ensure_in_review_queue(task: ReviewTask) -> None:
    # An editor can reject a claim while its reviewer is still writing the verdict; the task
    # stays behind (releasing the claim brings it back), but takes no work until then.
    claim = task.claim
    if claim.status == ClaimStatus.ACTIVE:
        return
    if claim.rejection_reason:
        message = _(
            "An editor took this claim out of review (“%(reason)s”), so it takes no review work until it is released."
        ) % {"reason": claim.rejection_reason}
    else:
        message = _("An editor took this claim out of review, so it takes no review work until it is released.")
    raise ApplicationError(
        message,
        extra={"claim_status": claim.status},
        status=409,
    )


class _EditorAction(enum.Enum):
    APPROVE = enum.auto()
    RETURN = enum.auto()


def _ensure_submitted(task: ReviewTask, *, action: _EditorAction) -> None:
    if task.status == TaskStatus.SUBMITTED:
        return
    if task.status == TaskStatus.RETURNED:
        # Another editor (or this one, in another window) got there first.
        if action is _EditorAction.APPROVE:
            message = _(
                "This verdict has been returned to its reviewer, so it cannot be approved; "
                "it comes back to you once they resubmit it."
            )
        else:
            message = _(
                "This verdict has been returned to its reviewer, so it cannot be returned; "
                "it comes back to you once they resubmit it."
            )
        raise ApplicationError(message, status=409)
    if action is _EditorAction.APPROVE:
        raise ApplicationError(_("Only a submitted verdict can be approved."), status=409)
    raise ApplicationError(_("Only a submitted verdict can be returned."), status=409)


@transaction.atomic
def verdict_approve(*, editor, task: ReviewTask, seen_revision: int | None = None) -> Verdict:
    """An editor approves a submitted verdict. Idempotent when already approved.

    `seen_revision` is the task's `verdict_revision` on the editor's page: a verdict the reviewer
    resubmitted since then is refused, so an editor never approves a verdict they have not read.
    Approving a verdict reopened for correction closes its correction (`VerdictCorrection`) with
    the corrected rating and rationale, and is recorded as a corrected approval.
    """
    locked = _lock_for_editor(editor=editor, task=task)
    if locked.status == TaskStatus.APPROVED:
        return locked.verdict
    _ensure_submitted(locked, action=_EditorAction.APPROVE)
    _ensure_revision_seen(
        locked,
        seen_revision,
        _(
            "The reviewer changed this verdict after you opened the page, so it was not approved. "
            "Read the verdict as it is now, then approve or return it."
        ),
    )
    now = timezone.now()
    verdict = locked.verdict
    _verdict_mark_approved(verdict, editor=editor, now=now)
    verdict.save(update_fields=["approved_by", "approved_at", "first_approved_at", "updated_at"])
    correction = VerdictCorrection.objects.filter(verdict=verdict, corrected_at__isnull=True).first()
    if correction is not None:
        _correction_close(correction, verdict=verdict, editor=editor, now=now)
        correction.save(update_fields=[*CORRECTION_CLOSE_FIELDS, "updated_at"])
    locked.status = TaskStatus.APPROVED
    locked.editor_note = ""
    locked.verdict_revision += 1
    locked.save(update_fields=["status", "editor_note", "verdict_revision", "updated_at"])
    action, details = _approval_audit(verdict, correction)
    audit_record(action=action, actor=editor, claim=locked.claim, details=details)
    notify_verdicts_approved(editor=editor, tasks=[locked])
    webhook_verdicts_approved(
        editor=editor, tasks=[locked], corrections={verdict.pk: correction} if correction is not None else None
    )
    tips_verdict_published(article_ids=[locked.claim.article_id])
    return verdict


def _verdict_mark_approved(verdict: Verdict, *, editor, now) -> None:
    verdict.approved_by = editor
    verdict.approved_at = now
    verdict.updated_at = now
    # A corrected verdict keeps the date it was first published.
    if verdict.first_approved_at is None:
        verdict.first_approved_at = now


# What approving the corrected verdict writes on its correction (`_correction_close`).
CORRECTION_CLOSE_FIELDS = (
    "corrected_by",
    "corrected_at",
    "rating",
    "rating_label",
    "rating_language_labels",
    "rationale",
)


def _correction_close(correction: VerdictCorrection, *, verdict: Verdict, editor, now) -> None:
    correction.corrected_by = editor
    correction.corrected_at = now
    correction.rating = verdict.rating
    correction.rating_label = verdict.rating.label
    correction.rating_language_labels = verdict.rating.language_labels
    correction.rationale = verdict.rationale
    correction.updated_at = now


def _approval_audit(verdict: Verdict, correction: VerdictCorrection | None) -> tuple[str, dict]:
    """The audit action and details of an approval: a plain one, or one that closes a correction."""
    if correction is None:
        return AuditAction.VERDICT_APPROVED, {"rating": verdict.rating.label}
    return AuditAction.VERDICT_CORRECTED, {
        "rating": verdict.rating.label,
        "previous_rating": correction.previous_rating_label,
        # Told by the ratings (`VerdictCorrection.rating_changed`): the labels above are as they read at each
        # end of the correction, and a rating renamed while it was open is not a changed rating.
        "rating_changed": correction.rating_changed,
        "rationale_changed": correction.rationale != correction.previous_rationale,
        "note": correction.note,
    }


@dataclass(frozen=True)
class VerdictBulkApproval:
    """What `verdicts_approve` did with each ticked verdict."""

    approved: list[ReviewTask]
    # Verdicts the reviewer resubmitted since the editor's list was shown, and those another
    # editor returned meanwhile: each left as it is.
    changed: list[ReviewTask]
    returned: list[ReviewTask]


@transaction.atomic
def verdicts_approve(*, editor, seen_revisions: dict) -> VerdictBulkApproval:
    """An editor approves several submitted verdicts from their approval list at once.

    `seen_revisions` maps each task's id to the `verdict_revision` the list showed. Unlike a bulk
    assignment, each approval stands alone: a verdict that changed since the list was shown or was
    returned meanwhile is left out and reported, and the rest are approved. (A claim is taken out
    of review only once its verdict is returned, so a returned task covers that too.) The
    whole batch is refused only if the editor is not an editor of every task's desk. Verdicts
    already approved count as approved (idempotent). The tasks are locked, checked and written in
    a constant number of queries.
    """
    locked = list(
        ReviewTask.objects.select_for_update()
        .filter(pk__in=list(seen_revisions))
        .select_related("claim__article__desk")
        # Not joined: PostgreSQL locks no row on the nullable side of an outer join, and refuses to try.
        .prefetch_related("verdict__rating")
        .order_by("claim__article__created_at", "claim__start")
    )
    for desk in {task.claim.article.desk for task in locked}:
        membership_require(user=editor, desk=desk, editor=True)
    approved, changed, returned, to_approve = [], [], [], []
    for task in locked:
        if task.status == TaskStatus.APPROVED:
            approved.append(task)
        elif task.status == TaskStatus.RETURNED:
            returned.append(task)
        elif task.status != TaskStatus.SUBMITTED or task.verdict_revision != seen_revisions[task.pk]:
            changed.append(task)
        else:
            to_approve.append(task)
    now = timezone.now()
    for task in to_approve:
        _verdict_mark_approved(task.verdict, editor=editor, now=now)
        task.status = TaskStatus.APPROVED
        task.editor_note = ""
        task.verdict_revision += 1
        task.updated_at = now
    corrections = {
        correction.verdict_id: correction
        for correction in VerdictCorrection.objects.filter(
            verdict__task__in=to_approve, corrected_at__isnull=True
        ).select_related("previous_rating")
    }
    for task in to_approve:
        if task.verdict.pk in corrections:
            _correction_close(corrections[task.verdict.pk], verdict=task.verdict, editor=editor, now=now)
    Verdict.objects.bulk_update(
        [task.verdict for task in to_approve], ["approved_by", "approved_at", "first_approved_at", "updated_at"]
    )
    VerdictCorrection.objects.bulk_update(corrections.values(), [*CORRECTION_CLOSE_FIELDS, "updated_at"])
    ReviewTask.objects.bulk_update(to_approve, ["status", "editor_note", "verdict_revision", "updated_at"])
    for action in (AuditAction.VERDICT_APPROVED, AuditAction.VERDICT_CORRECTED):
        entries = []
        for task in to_approve:
            task_action, details = _approval_audit(task.verdict, corrections.get(task.verdict.pk))
            if task_action == action:
                entries.append((task.claim, {**details, "bulk": True}))
        audit_record_many(action=action, actor=editor, entries=entries)
    notify_verdicts_approved(editor=editor, tasks=to_approve)
    webhook_verdicts_approved(editor=editor, tasks=to_approve, corrections=corrections)
    if to_approve:
        tips_verdict_published(article_ids={task.claim.article_id for task in to_approve})
    return VerdictBulkApproval(approved=approved + to_approve, changed=changed, returned=returned)


@transaction.atomic
def verdict_return(*, editor, task: ReviewTask, note: str, seen_revision: int | None = None) -> ReviewTask:
    """An editor sends a submitted verdict back to the reviewer with a note.

    A verdict resubmitted since the editor's page was shown (`seen_revision`) is refused: the
    note was written about a verdict that is no longer there.
    """
    locked = _lock_for_editor(editor=editor, task=task)
    _ensure_submitted(locked, action=_EditorAction.RETURN)
    _ensure_revision_seen(
        locked,
        seen_revision,
        _(
            "The reviewer changed this verdict after you opened the page, so it was not returned. "
            "Read the verdict as it is now, then approve or return it."
        ),
    )
    if not note.strip():
        raise ApplicationError(_("Tell the reviewer why the verdict is returned."))
    locked.status = TaskStatus.RETURNED
    locked.editor_note = note.strip()
    locked.verdict_revision += 1
    locked.save(update_fields=["status", "editor_note", "verdict_revision", "updated_at"])
    audit_record(
        action=AuditAction.VERDICT_RETURNED, actor=editor, claim=locked.claim, details={"note": locked.editor_note}
    )
    notify_verdict_returned(editor=editor, task=locked)
    webhook_verdict_returned(editor=editor, task=locked)
    return locked


@transaction.atomic
def verdict_reopen(*, editor, task: ReviewTask, note: str, seen_revision: int | None = None) -> VerdictCorrection:
    """An editor reopens an approved (published) verdict for correction, saying why in `note`.

    The published finding (rating, rationale, cited references, who approved it and when) is kept
    in a new open `VerdictCorrection`, and exports go on showing it until the corrected verdict is
    approved: a published fact-check never vanishes while it is being corrected. The task goes back
    to its reviewer as a returned one with the note, so the usual return flow follows (the reviewer
    revises and resubmits, an editor approves or returns again, an editor may reassign it, to
    themselves too); approving it closes the correction (`verdict_approve`). Emails the reviewer
    after commit.

    Takes the task's row lock. Refused (409) unless the verdict is approved now, and for a page
    shown with another `seen_revision`. Not idempotent: a verdict already reopened is refused.
    """
    locked = _lock_for_editor(editor=editor, task=task)
    if locked.status != TaskStatus.APPROVED:
        raise ApplicationError(_not_reopenable_message(locked), extra={"task_status": locked.status}, status=409)
    _ensure_revision_seen(
        locked,
        seen_revision,
        _(
            "This verdict changed after you opened the page, so it was not reopened. "
            "Read the verdict as it is now, then reopen it if it still needs correcting."
        ),
    )
    note = note.strip()
    if not note:
        raise ApplicationError(_(CORRECTION_NOTE_REQUIRED))
    verdict = locked.verdict
    correction = VerdictCorrection.objects.create(
        verdict=verdict,
        note=note,
        reopened_by=editor,
        reopened_at=timezone.now(),
        previous_rating=verdict.rating,
        previous_rating_label=verdict.rating.label,
        previous_rating_language_labels=verdict.rating.language_labels,
        previous_rationale=verdict.rationale,
        previous_reviewer=verdict.reviewer,
        previous_approved_by=verdict.approved_by,
        previous_approved_at=verdict.approved_at,
        previous_submitted_at=verdict.submitted_at,
    )
    correction.previous_cited_references.set(verdict.cited_references.all())
    locked.status = TaskStatus.RETURNED
    locked.editor_note = note
    locked.verdict_revision += 1
    locked.save(update_fields=["status", "editor_note", "verdict_revision", "updated_at"])
    audit_record(
        action=AuditAction.VERDICT_REOPENED,
        actor=editor,
        claim=locked.claim,
        details={"note": note, "rating": verdict.rating.label},
    )
    notify_verdict_reopened(editor=editor, task=locked)
    webhook_verdict_reopened(editor=editor, task=locked, correction=correction)
    return correction


@transaction.atomic
def verdict_correction_withdraw(*, editor, task: ReviewTask, seen_revision: int | None = None) -> Verdict:
    """An editor takes back a reopening made by mistake: the verdict stands as published again.

    Allowed while the correction is open and no corrected verdict is waiting for approval, that is
    while the task is returned, in review or assigned (after a reassignment). A submitted one is
    refused (409): an editor approves it or returns it first, so no revision is dropped unread. Once
    returned, the editor has read and declined it, and withdrawing restores the published finding
    over it (its submission and return stay in the claim's history).

    The verdict gets back, from the open `VerdictCorrection`, the rating, rationale, cited references,
    reviewer, submission time, approver and approval time it was published with (`first_approved_at` never moved),
    and the task is approved again. The open correction row is deleted: it published nothing, and
    closed rows are the verdict's public corrections history, which only approved corrections belong
    in. The audit trail keeps the reopening and records the withdrawal (`verdict_correction_withdrawn`,
    with the note and the restored rating). The reviewer's draft towards the correction is deleted,
    and the task's reviewer, asked to revise by the reopening's email, is emailed that there is
    nothing to revise (`correction_withdrawn`, after commit; their own opt-out). Subscribed webhooks
    hear `verdict.correction_withdrawn` with the published finding.

    Takes the task's row lock; refused (409) for a page shown with another `seen_revision`.
    Idempotent: an approved verdict with no open correction (already withdrawn) is returned as it is.
    """
    locked = _lock_for_editor(editor=editor, task=task)
    verdict = Verdict.objects.filter(task=locked).first()
    correction = (
        VerdictCorrection.objects.select_related("previous_rating")
        .filter(verdict=verdict, corrected_at__isnull=True)
        .first()
        if verdict is not None
        else None
    )
    if correction is None:
        if locked.status == TaskStatus.APPROVED:
            return verdict
        raise ApplicationError(
            _("This verdict is not being corrected, so there is no correction to withdraw."),
            extra={"task_status": locked.status},
            status=409,
        )
    if locked.status == TaskStatus.SUBMITTED:
        raise ApplicationError(
            _(
                "The reviewer has sent a corrected verdict: approve it, or return it to them and then withdraw the "
                "correction."
            ),
            extra={"task_status": locked.status},
            status=409,
        )
    _ensure_revision_seen(
        locked,
        seen_revision,
        _(
            "This verdict changed after you opened the page, so the correction was not withdrawn. "
            "Read the verdict as it is now, then withdraw the correction if it is still a mistake."
        ),
    )
    verdict.rating = correction.previous_rating
    verdict.rationale = correction.previous_rationale
    # A reviewer account deleted since leaves the row without one; the verdict must name someone.
    verdict.reviewer = correction.previous_reviewer or verdict.reviewer
    verdict.approved_by = correction.previous_approved_by
    verdict.approved_at = correction.previous_approved_at
    # A row from before the submission time was kept has none; the verdict keeps the one it has.
    verdict.submitted_at = correction.previous_submitted_at or verdict.submitted_at
    verdict.save(
        update_fields=["rating", "rationale", "reviewer", "submitted_at", "approved_by", "approved_at", "updated_at"]
    )
    verdict.cited_references.set(correction.previous_cited_references.all())
    details = {
        "note": correction.note,
        "rating": correction.previous_rating.label,
        "reopened_at": correction.reopened_at.isoformat(),
        "task_status": locked.status,
    }
    correction.delete()
    VerdictDraft.objects.filter(task=locked).delete()
    locked.status = TaskStatus.APPROVED
    locked.editor_note = ""
    locked.verdict_revision += 1
    locked.save(update_fields=["status", "editor_note", "verdict_revision", "updated_at"])
    audit_record(action=AuditAction.VERDICT_CORRECTION_WITHDRAWN, actor=editor, claim=locked.claim, details=details)
    notify_correction_withdrawn(editor=editor, task=locked, note=details["note"])
    webhook_correction_withdrawn(editor=editor, task=locked, verdict=verdict, note=details["note"])
    return verdict


# In English here, where the API's clients compare it; a refusal says it in the reader's language.
CORRECTION_NOTE_REQUIRED = gettext_noop(
    "Say why the verdict needs correcting: the note is published with the correction."
)


def _not_reopenable_message(task: ReviewTask) -> str:
    if VerdictCorrection.objects.filter(verdict__task=task, corrected_at__isnull=True).exists():
        return _(
            "This verdict is already reopened for correction; the published finding stands until the "
            "corrected verdict is approved."
        )
    return str(NOT_REOPENABLE[task.status])


# --- Desk rating scales (desk admins) -----------------------------------------------------------
# A desk starts on the shipped "Standard" scale (the one without a desk). Its admins copy it to
# make the desk's own and then edit the copy; the shared scale is never changed from a desk.
# Scale edits lock the desk row, the same lock the desk's people changes take, so concurrent
# moves and removals on one scale run one after the other.


def _lock_desk_for_scale(*, user, desk: Desk) -> Desk:
    locked = Desk.objects.select_for_update().get(pk=desk.pk)
    desk_admin_require(user=user, desk=locked)
    return locked


def _own_scale_rating_lock(*, user, rating: Rating, expected_updated_at: dt.datetime | None = None) -> Rating | None:
    """Lock the rating's desk for an admin edit; the rating as stored now, or None if it is gone.

    With `expected_updated_at` (the version the caller read), a rating saved since is refused with
    412 instead of overwritten.
    """
    desk = rating.scale.desk
    if desk is None:
        raise ApplicationError(_("The standard scale is shared by every desk; copy it to your desk to change it."))
    _lock_desk_for_scale(user=user, desk=desk)
    current = Rating.objects.select_related("scale").filter(pk=rating.pk).first()
    if current is not None and expected_updated_at is not None and current.updated_at != expected_updated_at:
        raise changed_since_read_error(what="rating", current=current)
    return current


def _rating_fields_check(*, scale: RatingScale, label: str, description: str, claimreview_value: int | None) -> str:
    label = label.strip()
    if not label:
        raise ApplicationError(_("Give the rating a label."))
    if len(label) > Rating._meta.get_field("label").max_length:
        raise ApplicationError(_("Keep the label under 100 characters."))
    if len(description) > Rating._meta.get_field("description").max_length:
        raise ApplicationError(_("Keep the description under 500 characters."))
    if claimreview_value is not None and not scale.worst_rating <= claimreview_value <= scale.best_rating:
        raise ApplicationError(
            _("The ClaimReview value runs from %(worst)s (worst) to %(best)s (best), or none.")
            % {"worst": scale.worst_rating, "best": scale.best_rating}
        )
    return label


# More than any desk works in; a bound on what one request may store.
MAX_LANGUAGE_LABELS = 50


def _language_labels_check(language_labels: dict) -> dict[str, str]:
    """The labels by language in their stored form: tags in conventional case, labels trimmed,
    empty ones left out (clearing a label goes back to the default). A 400 naming what is wrong."""
    if not isinstance(language_labels, dict):
        raise ApplicationError(_('Give the labels by language as an object, such as {"es": "Falso"}.'))
    if len(language_labels) > MAX_LANGUAGE_LABELS:
        raise ApplicationError(_("Give labels for at most %(count)d languages.") % {"count": MAX_LANGUAGE_LABELS})
    checked: dict[str, str] = {}
    max_length = Rating._meta.get_field("label").max_length
    for language, label in language_labels.items():
        try:
            tag = language_code_normalize(str(language))
        except ValidationError as error:
            raise ApplicationError(f"{language!r}: {error.messages[0]}") from error
        if not isinstance(label, str):
            raise ApplicationError(_("The label for %(language)s must be text.") % {"language": repr(tag or language)})
        label = label.strip()
        if len(label) > max_length:
            raise ApplicationError(
                _("Keep the label for %(tag)s under %(length)d characters.") % {"tag": tag, "length": max_length}
            )
        if any(character in label for character in "\r\n\t"):
            # The ratings page edits the labels one language a line.
            raise ApplicationError(_("Keep the label for %(tag)s on one line.") % {"tag": tag})
        if tag and label:
            if tag in checked:
                raise ApplicationError(
                    _("%(language)s and another key are both %(tag)s: give each language one label.")
                    % {"language": repr(language), "tag": repr(tag)}
                )
            checked[tag] = label
    return dict(sorted(checked.items()))


def _rating_label_taken(*, scale: RatingScale, label: str, exclude: Rating | None = None) -> bool:
    if scale._state.adding:
        # A scale being added (with its ratings, in the Django admin) has none stored yet; Django's
        # inline formset even clears its id until it is saved.
        return False
    ratings = scale.ratings.filter(label__iexact=label)
    if exclude is not None:
        ratings = ratings.exclude(pk=exclude.pk)
    return ratings.exists()


def rating_scale_copy_default(*, user, desk: Desk) -> RatingScale:
    """A desk admin gives the desk its own scale; see `rating_scale_get_or_copy_default`."""
    scale, _copied = rating_scale_get_or_copy_default(user=user, desk=desk)
    return scale


@transaction.atomic
def rating_scale_get_or_copy_default(*, user, desk: Desk) -> tuple[RatingScale, bool]:
    """A desk admin gives the desk its own scale: a copy of the shipped default's ratings, with their
    labels in other languages. True when this call made the copy.

    The desk's verdicts move to the copied rating of the same label, so the scale's counts
    include them, a rating they use cannot be removed, renaming one renames their verdicts'
    rating, and a returned verdict's revise form starts from its rating. Saved drafts move too.
    Idempotent: a desk that already has its own scale keeps it unchanged (and False). Whether
    the desk had one is read under the desk lock, so of two concurrent copies only one is True.
    The copy is recorded in the desk's audit trail.
    """
    desk = _lock_desk_for_scale(user=user, desk=desk)
    own = RatingScale.objects.filter(desk=desk).first()
    if own is not None:
        return own, False
    default = rating_scale_for_desk(desk=desk)
    scale = RatingScale.objects.create(
        desk=desk,
        name=f"{desk.name} scale",
        best_rating=default.best_rating,
        worst_rating=default.worst_rating,
    )
    standard = list(default.ratings.order_by("position", "label"))
    copies = Rating.objects.bulk_create(
        Rating(
            scale=scale,
            label=rating.label,
            description=rating.description,
            claimreview_value=rating.claimreview_value,
            position=position,
            language_labels=rating.language_labels,
        )
        for position, rating in enumerate(standard)
    )
    for rating, copy in zip(standard, copies, strict=True):
        Verdict.objects.filter(rating=rating, task__claim__article__desk=desk).update(rating=copy)
        VerdictCorrection.objects.filter(previous_rating=rating, verdict__task__claim__article__desk=desk).update(
            previous_rating=copy
        )
        VerdictCorrection.objects.filter(rating=rating, verdict__task__claim__article__desk=desk).update(rating=copy)
        VerdictDraft.objects.filter(rating=rating, task__claim__article__desk=desk).update(rating=copy)
    audit_record(
        action=AuditAction.RATING_SCALE_COPIED,
        actor=user,
        desk=desk,
        details={"copied_from": default.name, "scale": scale.name, "ratings": [rating.label for rating in copies]},
    )
    return scale, True


@transaction.atomic
def rating_create(
    *,
    user,
    desk: Desk,
    label: str,
    description: str = "",
    claimreview_value: int | None = None,
    language_labels: dict | None = None,
) -> Rating:
    """A desk admin adds a rating at the end of the desk's own scale (copy the default first), with
    its labels in other languages ({BCP 47 tag: label}) if given. Recorded in the desk's audit trail."""
    desk = _lock_desk_for_scale(user=user, desk=desk)
    scale = RatingScale.objects.filter(desk=desk).first()
    if scale is None:
        raise ApplicationError(_("The desk uses the standard scale; copy it to the desk before adding ratings."))
    label = _rating_fields_check(scale=scale, label=label, description=description, claimreview_value=claimreview_value)
    if _rating_label_taken(scale=scale, label=label):
        raise ApplicationError(_("The scale already has a rating called %(label)s.") % {"label": repr(label)})
    language_labels = _language_labels_check(language_labels or {})
    last = scale.ratings.order_by("-position").values_list("position", flat=True).first()
    rating = Rating.objects.create(
        scale=scale,
        label=label,
        description=description.strip(),
        claimreview_value=claimreview_value,
        position=0 if last is None else last + 1,
        language_labels=language_labels,
    )
    audit_record(
        action=AuditAction.RATING_ADDED,
        actor=user,
        desk=desk,
        details={
            "rating_id": str(rating.pk),
            "label": rating.label,
            "description": rating.description,
            "claimreview_value": rating.claimreview_value,
            **({"language_labels": rating.language_labels} if rating.language_labels else {}),
        },
    )
    return rating


@transaction.atomic
def rating_update(
    *,
    user,
    rating: Rating,
    label: str,
    description: str,
    claimreview_value: int | None,
    expected_updated_at: dt.datetime | None = None,
    language_labels: dict | None = None,
) -> Rating:
    """A desk admin renames a rating of the desk's own scale, changes its ClaimReview value, or
    (with `language_labels`, {BCP 47 tag: label}, replacing the ones it had; None keeps them) its
    labels in other languages.

    Verdicts that use the rating follow the change: they point at the rating, not a copy of it.
    With `expected_updated_at`, a rating saved since that version is refused with 412. A real
    change is recorded in the desk's audit trail with each changed field's old and new value.
    """
    current = _own_scale_rating_lock(user=user, rating=rating, expected_updated_at=expected_updated_at)
    if current is None:
        raise NotFoundError(_("That rating is no longer on the scale."))
    label = _rating_fields_check(
        scale=current.scale, label=label, description=description, claimreview_value=claimreview_value
    )
    if _rating_label_taken(scale=current.scale, label=label, exclude=current):
        raise ApplicationError(_("The scale already has a rating called %(label)s.") % {"label": repr(label)})
    new_values = {"label": label, "description": description.strip(), "claimreview_value": claimreview_value}
    if language_labels is not None:
        new_values["language_labels"] = _language_labels_check(language_labels)
    before = {field: getattr(current, field) for field in new_values}
    changes = {field: [before[field], value] for field, value in new_values.items() if before[field] != value}
    for field, value in new_values.items():
        setattr(current, field, value)
    current.save(update_fields=[*new_values, "updated_at"])
    if changes:
        audit_record(
            action=AuditAction.RATING_CHANGED,
            actor=user,
            desk=rating.scale.desk,
            details={"rating_id": str(current.pk), "label": current.label, "changes": changes},
        )
    return current


@transaction.atomic
def rating_move(*, user, rating: Rating, offset: int) -> Rating:
    """A desk admin moves a rating up (offset -1) or down (+1) the desk's own scale.

    Positions are renumbered 0..n-1, which also repairs ties. Moving past either end leaves
    the rating where it is. Every rating whose position changes is saved anew (`updated_at`), so
    an ETag read before the move is refused with 412. A real move is recorded in the desk's audit
    trail.
    """
    current = _own_scale_rating_lock(user=user, rating=rating)
    if current is None:
        raise NotFoundError(_("That rating is no longer on the scale."))
    ratings = list(current.scale.ratings.order_by("position", "label"))
    index = next(i for i, r in enumerate(ratings) if r.pk == current.pk)
    target = max(0, min(len(ratings) - 1, index + offset))
    ratings.insert(target, ratings.pop(index))
    now = timezone.now()
    # bulk_update skips auto_now, so the version is set here, and only on rows that really moved.
    moved = []
    for position, row in enumerate(ratings):
        if row.position != position:
            row.position, row.updated_at = position, now
            moved.append(row)
    Rating.objects.bulk_update(moved, ["position", "updated_at"])
    if target != index:
        audit_record(
            action=AuditAction.RATING_MOVED,
            actor=user,
            desk=rating.scale.desk,
            details={
                "rating_id": str(current.pk),
                "label": current.label,
                "previous_position": index,
                "position": target,
            },
        )
    return ratings[target]


@transaction.atomic
def rating_delete(*, user, rating: Rating, expected_updated_at: dt.datetime | None = None) -> None:
    """A desk admin removes a rating from the desk's own scale.

    Refused while verdicts or correction records name it (409 saying which and how many; their
    rating is protected, rename it instead), for the scale's last rating, and (412) for a rating saved since
    `expected_updated_at` when given. Idempotent: a rating already gone is no error. A removal is
    recorded in the desk's audit trail.
    """
    current = _own_scale_rating_lock(user=user, rating=rating, expected_updated_at=expected_updated_at)
    if current is None:
        return
    rating_removal_check(rating=current)
    details = {"rating_id": str(current.pk), "label": current.label}
    try:
        current.delete()
    except ProtectedError:
        # A reviewer chose the rating after the check above (verdicts do not take the desk lock).
        raise _rating_in_use_error(current) or ApplicationError(
            _("“%(label)s” is in use, so it cannot be removed; rename it instead.") % {"label": current.label},
            status=409,
        ) from None
    audit_record(action=AuditAction.RATING_REMOVED, actor=user, desk=rating.scale.desk, details=details)


def rating_removal_check(*, rating: Rating) -> None:
    """Raise the ApplicationError refusing to remove `rating`: in use (409, see `_rating_in_use_error`),
    or its scale's last rating."""
    in_use = _rating_in_use_error(rating)
    if in_use is not None:
        raise in_use
    if rating.scale.ratings.count() == 1:
        raise ApplicationError(_("A scale needs at least one rating."))


def rating_values_check(
    *,
    scale: RatingScale,
    rating: Rating,
    label: str,
    description: str,
    claimreview_value: int | None,
    language_labels: dict,
) -> dict:
    """The values of `rating` on `scale` (a new rating, or one to change) as `rating_create` and
    `rating_update` would store them, for forms that write ratings themselves (the Django admin);
    ApplicationError for what those refuse. Neither checks who asks nor locks anything."""
    label = _rating_fields_check(scale=scale, label=label, description=description, claimreview_value=claimreview_value)
    if _rating_label_taken(scale=scale, label=label, exclude=None if rating._state.adding else rating):
        raise ApplicationError(_("The scale already has a rating called %(label)s.") % {"label": repr(label)})
    return {
        "label": label,
        "description": description.strip(),
        "claimreview_value": claimreview_value,
        "language_labels": _language_labels_check(language_labels),
    }


def rating_scale_bounds_check(*, best_rating: int, worst_rating: int) -> None:
    """ApplicationError for ClaimReview bounds that run the wrong way or not at all: ratingValue
    runs from worstRating up to bestRating, and each rating's value is checked within them
    (`rating_values_check`), so a scale rated the other way round would leave no value valid."""
    if worst_rating >= best_rating:
        raise ApplicationError(
            _(
                "The best rating (%(best)s) must be above the worst (%(worst)s): "
                "ClaimReview values run from the worst up to the best."
            )
            % {"best": best_rating, "worst": worst_rating}
        )


def review_task_due_date_check(*, task: ReviewTask, previous_due_date: dt.date | None) -> None:
    """ApplicationError for a due date the app's assignment would not give `task` (its stored status
    and assignee) in place of `previous_due_date`, for forms that write the date themselves (the
    Django admin): a due date is set with an assignment (`review_tasks_assign`), so only on an
    assigned claim, and like the assignment itself, not once the claim is submitted or approved,
    and not before today unless the task already had it. Clearing it is allowed wherever setting it
    is, and on an unassigned claim."""
    if task.status not in ASSIGNABLE_STATUSES:
        raise ApplicationError(_("The claim is submitted or approved, so its due date stays as it was."), status=409)
    if task.due_date is not None and task.assignee_id is None:
        raise ApplicationError(_("Assign the claim first: a due date is set with its assignment."))
    _due_date_not_past_check(due_date=task.due_date, previous_due_dates=[previous_due_date])


def rating_scale_removal_check(*, scale: RatingScale) -> None:
    """Raise ApplicationError for the shipped standard scale: every desk without its own rates on it."""
    if scale.desk_id is None:
        raise ApplicationError(
            _("The standard scale is shared by every desk without its own, so it cannot be deleted.")
        )


def rating_scale_add_check(*, desk: Desk) -> None:
    """ApplicationError for giving `desk` a scale of its own other than by copying the standard one,
    for forms that write scales themselves (the Django admin): while the desk's verdicts, drafts or
    correction records are rated on the standard scale, they would be left on a scale the desk no
    longer uses (their reviews could not be resubmitted, and exports would rate them within the new
    scale's bounds). `rating_scale_get_or_copy_default` moves them to the copy instead."""
    standard = Rating.objects.filter(scale__desk__isnull=True)
    in_use = (
        Verdict.objects.filter(rating__in=standard, task__claim__article__desk=desk).exists()
        or VerdictDraft.objects.filter(rating__in=standard, task__claim__article__desk=desk).exists()
        or VerdictCorrection.objects.filter(
            Q(previous_rating__in=standard) | Q(rating__in=standard), verdict__task__claim__article__desk=desk
        ).exists()
    )
    if in_use:
        raise ApplicationError(
            _(
                "%(desk)s's reviews are rated on the standard scale. Copy it to the desk on the desk's ratings "
                "page, which moves them to the copy, then change the copy."
            )
            % {"desk": desk.name}
        )


def _rating_in_use_error(rating: Rating) -> ApplicationError | None:
    """The 409 refusing to remove a rating that a verdict or a correction record still names, saying
    which; None for a rating nothing uses.

    A correction still open names the rating its verdict was published with, which the exports show
    until the corrected verdict is approved; a closed one is a published correction, rated before or
    after. Either can outlive every verdict's use of the rating, once the verdict is rated anew.
    """
    verdicts = rating.verdicts.count()
    corrections = VerdictCorrection.objects.filter(Q(previous_rating=rating) | Q(rating=rating)).aggregate(
        being_corrected=Count("pk", filter=Q(corrected_at__isnull=True)),
        published=Count("pk", filter=Q(corrected_at__isnull=False)),
    )
    being_corrected, published = corrections["being_corrected"], corrections["published"]
    # Each use naming the rating, and saying "it" when another use named it first; verdicts come first.
    uses: list[tuple[int, str, str]] = []
    if verdicts:
        naming = ngettext("%(count)d verdict uses “%(label)s”", "%(count)d verdicts use “%(label)s”", verdicts)
        uses.append((verdicts, naming, ""))
    if being_corrected:
        uses.append(
            (
                being_corrected,
                ngettext(
                    "%(count)d verdict being corrected is published with “%(label)s”",
                    "%(count)d verdicts being corrected are published with “%(label)s”",
                    being_corrected,
                ),
                ngettext(
                    "%(count)d verdict being corrected is published with it",
                    "%(count)d verdicts being corrected are published with it",
                    being_corrected,
                ),
            )
        )
    if published:
        uses.append(
            (
                published,
                ngettext(
                    "%(count)d published correction names “%(label)s”",
                    "%(count)d published corrections name “%(label)s”",
                    published,
                ),
                ngettext(
                    "%(count)d published correction names it", "%(count)d published corrections name it", published
                ),
            )
        )
    if not uses:
        return None
    # The label once, in the first use: "1 verdict uses “True” and 1 published correction names it".
    (count, naming, _it), *others = uses
    named = [naming % {"count": count, "label": rating.label}, *(it % {"count": n} for n, _naming, it in others)]
    conjunction = _("and")
    extra = {"verdict_count": verdicts}
    if being_corrected or published:
        extra["correction_count"] = being_corrected + published
    return ApplicationError(
        _("%(uses)s, so it cannot be removed; rename it instead.") % {"uses": f" {conjunction} ".join(named)},
        extra=extra,
        status=409,
    )
