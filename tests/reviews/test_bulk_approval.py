"""An editor approves several verdicts at once from the approval list; each approval stands alone."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from apps.claims import services as claim_services
from apps.core.exceptions import ApplicationError
from apps.reviews import services
from apps.reviews.models import Rating, ReviewTask, TaskStatus
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def submitted(desk, editor, reviewer):
    """Three submitted verdicts, each with the revision an editor's list would show."""
    article = factories.ArticleFactory(desk=desk)
    tasks = [
        factories.ReviewTaskFactory(claim=factories.ClaimFactory(article=article, text=f"Claim {n}.", start=n))
        for n in range(3)
    ]
    services.review_tasks_assign(editor=editor, tasks=tasks, assignee=reviewer)
    for task in tasks:
        _submit(task, reviewer, "First reading.")
    return list(ReviewTask.objects.filter(pk__in=[task.pk for task in tasks]).order_by("claim__start"))


def _submit(task, reviewer, rationale):
    rating = Rating.objects.get(scale__desk=None, label="True")
    services.verdict_submit(user=reviewer, task=task, rating=rating, rationale=rationale)


def _shown(tasks):
    return {task.pk: task.verdict_revision for task in tasks}


def test_ticked_verdicts_are_approved_together(submitted, editor):
    outcome = services.verdicts_approve(editor=editor, seen_revisions=_shown(submitted[:2]))

    assert [task.pk for task in outcome.approved] == [task.pk for task in submitted[:2]]
    statuses = dict(ReviewTask.objects.values_list("pk", "status"))
    assert [statuses[task.pk] for task in submitted] == [TaskStatus.APPROVED, TaskStatus.APPROVED, TaskStatus.SUBMITTED]
    approved = ReviewTask.objects.get(pk=submitted[0].pk)
    assert approved.verdict.approved_by == editor
    assert approved.verdict.approved_at is not None
    assert approved.verdict_revision == submitted[0].verdict_revision + 1


def test_a_verdict_changed_or_returned_since_the_list_was_shown_is_left_alone(submitted, editor, reviewer):
    shown = _shown(submitted)
    changed, returned, rejected = submitted
    services.verdict_return(editor=editor, task=changed, note="Name the source.")
    _submit(changed, reviewer, "Second reading.")
    services.verdict_return(editor=editor, task=returned, note="Name the source.")
    services.verdict_return(editor=editor, task=rejected, note="Not a claim.")
    claim_services.claim_reject(claim=rejected.claim, user=editor, reason="An opinion.")

    outcome = services.verdicts_approve(editor=editor, seen_revisions=shown)

    assert outcome.approved == []
    assert [task.pk for task in outcome.changed] == [changed.pk]
    assert [task.pk for task in outcome.returned] == [returned.pk, rejected.pk]
    assert not ReviewTask.objects.filter(status=TaskStatus.APPROVED).exists()


def test_verdicts_already_approved_count_as_approved(submitted, editor):
    services.verdict_approve(editor=editor, task=submitted[0])

    outcome = services.verdicts_approve(editor=editor, seen_revisions=_shown(submitted[:1]))

    assert [task.pk for task in outcome.approved] == [submitted[0].pk]


def test_a_reviewer_cannot_approve_in_bulk(submitted, reviewer):
    with pytest.raises(ApplicationError) as refused:
        services.verdicts_approve(editor=reviewer, seen_revisions=_shown(submitted))

    assert refused.value.status == 403
    assert not ReviewTask.objects.filter(status=TaskStatus.APPROVED).exists()


def test_approving_many_costs_the_same_queries_as_approving_two(desk, editor, reviewer):
    def approval_queries(count):
        article = factories.ArticleFactory(desk=desk)
        tasks = [factories.ReviewTaskFactory(claim=factories.ClaimFactory(article=article)) for _ in range(count)]
        services.review_tasks_assign(editor=editor, tasks=tasks, assignee=reviewer)
        for task in tasks:
            _submit(task, reviewer, "Checked.")
        shown = _shown(ReviewTask.objects.filter(pk__in=[task.pk for task in tasks]))
        with CaptureQueriesContext(connection) as queries:
            services.verdicts_approve(editor=editor, seen_revisions=shown)
        return len(queries)

    assert approval_queries(2) == approval_queries(12)
