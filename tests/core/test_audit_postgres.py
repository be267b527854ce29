"""Hooks inside services that lock rows (select_for_update) run on PostgreSQL as on SQLite."""

import pytest

from apps.claims.services import claim_reject
from apps.core.models import AuditAction, AuditEvent
from apps.reviews import services as review_services
from apps.reviews.models import Rating
from tests import factories

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]


def test_locked_assignment_submission_bulk_approval_and_rejection_are_recorded(desk, editor, reviewer):
    tasks = [factories.ReviewTaskFactory(claim=factories.ClaimFactory(article__desk=desk)) for _ in range(3)]
    rating = Rating.objects.get(scale__desk=None, label="False")

    review_services.review_tasks_assign(editor=editor, tasks=tasks, assignee=reviewer)
    for task in tasks[:2]:
        review_services.verdict_submit(user=reviewer, task=task, rating=rating, rationale="UN records.")
    revisions = {}
    for task in tasks[:2]:
        task.refresh_from_db()
        revisions[task.pk] = task.verdict_revision
    review_services.verdicts_approve(editor=editor, seen_revisions=revisions)
    claim_reject(claim=tasks[2].claim, user=editor, reason="An opinion.")

    counts = {
        action: AuditEvent.objects.filter(action=action).count()
        for action in (
            AuditAction.REVIEW_ASSIGNED,
            AuditAction.VERDICT_SUBMITTED,
            AuditAction.VERDICT_APPROVED,
            AuditAction.CLAIM_REJECTED,
        )
    }
    assert counts == {
        AuditAction.REVIEW_ASSIGNED: 3,
        AuditAction.VERDICT_SUBMITTED: 2,
        AuditAction.VERDICT_APPROVED: 2,
        AuditAction.CLAIM_REJECTED: 1,
    }
