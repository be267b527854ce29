"""The review events a desk's webhooks hear about (`apps/desks/webhooks.py` sends them): claims
assigned, a verdict submitted, returned, approved or reopened for correction.

Each is recorded by the service that made the change, inside its transaction and only when
something changed, so a repeated request (approving an approved verdict) sends nothing, and a bulk
approval sends one event per verdict. Tasks carry `claim__article__desk`, as the services lock them.
"""

from collections import defaultdict
from uuid import UUID

from django.contrib.auth import get_user_model
from django.urls import reverse

from apps.core.site import site_url
from apps.desks.models import WebhookEvent
from apps.desks.webhooks import WebhookOccurrence, webhook_event_record, webhook_events_record

from .models import ReviewTask, Verdict, VerdictCorrection


def _claim_data(task: ReviewTask) -> dict:
    claim = task.claim
    return {
        "id": str(claim.pk),
        "text": claim.text,
        "url": _claim_url(task),
        "article": {"id": str(claim.article_id), "title": claim.article.title},
        "review_status": task.status,
        "due_date": task.due_date.isoformat() if task.due_date else None,
    }


def _claim_url(task: ReviewTask) -> str:
    return site_url(reverse("claims:detail", kwargs={"claim_id": task.claim_id}))


def _quoted(task: ReviewTask) -> str:
    text = " ".join(task.claim.text.split())
    return f"“{text if len(text) <= 120 else text[:119] + '…'}”"


def _language(task: ReviewTask) -> str:
    return task.claim.article.language


def _verdict_data(task: ReviewTask, verdict: Verdict, reviewer_name: str | None) -> dict:
    """`rating` is the rating's default label, the key receivers already match on (the API's search filter
    takes it); `rating_label` names the rating in the article's language, as the exports do."""
    return {
        "rating": verdict.rating.label,
        "rating_label": verdict.rating.label_for(_language(task)),
        "rationale": verdict.rationale,
        "reviewer": reviewer_name,
    }


def webhook_tasks_assigned(*, editor, assignee, tasks: list[ReviewTask]) -> None:
    """One `claim.assigned` event per desk for an assignment, listing the claims newly the
    assignee's (a changed due date alone is no assignment)."""
    by_desk = defaultdict(list)
    for task in tasks:
        by_desk[task.claim.article.desk].append(task)
    for desk, desk_tasks in by_desk.items():
        first = desk_tasks[0]
        count = len(desk_tasks)
        what = _quoted(first) if count == 1 else f"{count} claims"
        webhook_event_record(
            desk=desk,
            event=WebhookEvent.CLAIM_ASSIGNED,
            data={
                "assignee": assignee.get_username(),
                "assigned_by": editor.get_username(),
                "claims": [_claim_data(task) for task in desk_tasks],
            },
            summary=f"{editor.get_username()} assigned {what} to {assignee.get_username()}.",
            link=_claim_url(first),
        )


def webhook_verdict_submitted(*, reviewer, task: ReviewTask, verdict: Verdict) -> None:
    webhook_event_record(
        desk=task.claim.article.desk,
        event=WebhookEvent.VERDICT_SUBMITTED,
        data={"claim": _claim_data(task), "verdict": _verdict_data(task, verdict, reviewer.get_username())},
        summary=f"{reviewer.get_username()} rated {_quoted(task)} {verdict.rating.label_for(_language(task))}: "
        "waiting for approval.",
        link=_claim_url(task),
    )


def webhook_verdict_returned(*, editor, task: ReviewTask) -> None:
    webhook_event_record(
        desk=task.claim.article.desk,
        event=WebhookEvent.VERDICT_RETURNED,
        data={
            "claim": _claim_data(task),
            "returned_by": editor.get_username(),
            "note": task.editor_note,
            "reviewer": task.assignee.get_username() if task.assignee_id else None,
        },
        summary=f"{editor.get_username()} returned the verdict on {_quoted(task)}: {task.editor_note}",
        link=_claim_url(task),
    )


def webhook_verdict_reopened(*, editor, task: ReviewTask, correction) -> None:
    """A published verdict is being corrected: `previous` is the finding published until the
    corrected one is approved."""
    webhook_event_record(
        desk=task.claim.article.desk,
        event=WebhookEvent.VERDICT_REOPENED,
        data={
            "claim": _claim_data(task),
            "reopened_by": editor.get_username(),
            "note": correction.note,
            "previous": {
                "rating": correction.previous_rating_label,
                "rating_label": correction.previous_rating_label_for(_language(task)),
                "rationale": correction.previous_rationale,
            },
        },
        summary=f"{editor.get_username()} reopened the verdict on {_quoted(task)} for correction: {correction.note}",
        link=_claim_url(task),
    )


def webhook_correction_withdrawn(*, editor, task: ReviewTask, verdict: Verdict, note: str) -> None:
    """A verdict reopened by mistake stands as published again: `verdict` is that finding, `note` the
    reopening's, so a receiver that heard `verdict.reopened` knows no correction is coming."""
    webhook_event_record(
        desk=task.claim.article.desk,
        event=WebhookEvent.VERDICT_CORRECTION_WITHDRAWN,
        data={
            "claim": _claim_data(task),
            "withdrawn_by": editor.get_username(),
            "note": note,
            "verdict": _verdict_data(task, verdict, verdict.reviewer.get_username()),
        },
        summary=f"{editor.get_username()} withdrew the correction of the verdict on {_quoted(task)}; "
        f"it stands as published: {verdict.rating.label_for(_language(task))}.",
        link=_claim_url(task),
    )


def _correction_data(task: ReviewTask, correction: VerdictCorrection | None) -> dict | None:
    if correction is None:
        return None
    return {
        "note": correction.note,
        "previous_rating": correction.previous_rating_label,
        "previous_rating_label": correction.previous_rating_label_for(_language(task)),
        "reopened_at": correction.reopened_at.isoformat(),
        "rating_changed": correction.rating_changed,
    }


def _approval_summary(editor, task: ReviewTask, correction: VerdictCorrection | None) -> str:
    """The chat line names ratings as the claim page it links to does, in the article's language."""
    rating = task.verdict.rating.label_for(_language(task))
    if correction is None:
        return f"{editor.get_username()} approved the verdict on {_quoted(task)}: {rating}."
    rating_change = correction.rating_change_for(_language(task))
    if rating_change is not None:
        change = f"{rating_change.rating} (was {rating_change.previous})"
    else:
        change = f"{rating} (rating unchanged)"
    return f"{editor.get_username()} approved the corrected verdict on {_quoted(task)}: {change}."


def webhook_verdicts_approved(
    *, editor, tasks: list[ReviewTask], corrections: dict[UUID, VerdictCorrection] | None = None
) -> None:
    """One `verdict.approved` event per verdict, however many one (bulk) approval covers; `tasks`
    carry their `verdict__rating`. A query per desk, not per verdict.

    `corrections` maps a verdict's id to the correction this approval closed: its event says the
    published verdict was corrected (`correction`, null for a first approval), since receivers
    that republish verdicts must not announce a correction as a new fact-check.
    """
    if not tasks:
        return
    corrections = corrections or {}
    user_model = get_user_model()
    names = dict(
        user_model.objects.filter(pk__in={task.verdict.reviewer_id for task in tasks}).values_list(
            "pk", user_model.USERNAME_FIELD
        )
    )
    by_desk = defaultdict(list)
    for task in tasks:
        verdict = task.verdict
        correction = corrections.get(verdict.pk)
        by_desk[task.claim.article.desk].append(
            WebhookOccurrence(
                data={
                    "claim": _claim_data(task),
                    "verdict": _verdict_data(task, verdict, names.get(verdict.reviewer_id)),
                    "approved_by": editor.get_username(),
                    "correction": _correction_data(task, correction),
                },
                summary=_approval_summary(editor, task, correction),
                link=_claim_url(task),
            )
        )
    for desk, occurrences in by_desk.items():
        webhook_events_record(desk=desk, event=WebhookEvent.VERDICT_APPROVED, occurrences=occurrences)
