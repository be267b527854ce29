import pytest

from apps.claims import services as claim_services
from apps.core.exceptions import ApplicationError, NotFoundError, PermissionDeniedError
from apps.reviews import services
from apps.reviews.models import Rating, TaskStatus
from tests import factories


@pytest.fixture
def task(desk):
    article = factories.ArticleFactory(desk=desk)
    return factories.ReviewTaskFactory(claim=factories.ClaimFactory(article=article))


@pytest.fixture
def true_rating(db):
    return Rating.objects.get(scale__desk=None, label="True")


def _assign(task, editor, reviewer):
    services.review_tasks_assign(editor=editor, tasks=[task], assignee=reviewer)
    task.refresh_from_db()
    return task


def test_default_rating_scale_ships_with_claimreview_numbers(db):
    labels = list(Rating.objects.filter(scale__desk=None).values_list("label", "claimreview_value"))
    assert labels == [
        ("True", 5), ("Mostly true", 4), ("Half true", 3), ("Mostly false", 2), ("False", 1),
        ("Misleading", None), ("Unverifiable", None),
    ]  # fmt: skip


def test_full_workflow_new_to_approved(task, editor, reviewer, true_rating):
    assert task.status == TaskStatus.NEW
    task = _assign(task, editor, reviewer)
    assert (task.status, task.assignee) == (TaskStatus.ASSIGNED, reviewer)

    services.review_task_start(user=reviewer, task=task)
    reference = factories.ReferenceFactory(claim=task.claim)
    verdict = services.verdict_submit(
        user=reviewer, task=task, rating=true_rating, rationale="UN records list three vetoes.",
        reference_ids=[reference.pk],
    )  # fmt: skip
    task.refresh_from_db()
    assert task.status == TaskStatus.SUBMITTED
    assert list(verdict.cited_references.all()) == [reference]

    services.verdict_approve(editor=editor, task=task)
    task.refresh_from_db()
    assert task.status == TaskStatus.APPROVED
    assert task.verdict.approved_by == editor
    assert task.verdict.approved_at is not None


def test_returned_verdict_goes_back_to_the_reviewer_and_can_be_resubmitted(task, editor, reviewer, true_rating):
    task = _assign(task, editor, reviewer)
    services.verdict_submit(user=reviewer, task=task, rating=true_rating, rationale="First try.")
    services.verdict_return(editor=editor, task=task, note="Cite the UN veto list.")
    task.refresh_from_db()
    assert task.status == TaskStatus.RETURNED
    assert task.editor_note == "Cite the UN veto list."

    services.review_task_start(user=reviewer, task=task)
    task.refresh_from_db()
    assert task.status == TaskStatus.IN_REVIEW
    services.verdict_submit(user=reviewer, task=task, rating=true_rating, rationale="Second try.")
    task.refresh_from_db()
    assert task.status == TaskStatus.SUBMITTED
    assert task.verdict.rationale == "Second try."


def test_reviewer_cannot_act_on_a_task_assigned_to_someone_else(task, editor, reviewer, second_reviewer, true_rating):
    task = _assign(task, editor, reviewer)
    with pytest.raises(PermissionDeniedError):
        services.review_task_start(user=second_reviewer, task=task)
    with pytest.raises(PermissionDeniedError):
        services.verdict_submit(user=second_reviewer, task=task, rating=true_rating, rationale="x")


def test_reviewers_cannot_assign_or_approve(task, editor, reviewer, true_rating):
    with pytest.raises(PermissionDeniedError):
        services.review_tasks_assign(editor=reviewer, tasks=[task], assignee=reviewer)
    task = _assign(task, editor, reviewer)
    services.verdict_submit(user=reviewer, task=task, rating=true_rating, rationale="ok")
    with pytest.raises(PermissionDeniedError):
        services.verdict_approve(editor=reviewer, task=task)


def test_outsiders_get_not_found(task, outsider):
    with pytest.raises(NotFoundError):
        services.review_tasks_assign(editor=outsider, tasks=[task], assignee=outsider)


def test_assignee_must_belong_to_the_desk(task, editor, outsider):
    with pytest.raises(ApplicationError, match="not a member"):
        services.review_tasks_assign(editor=editor, tasks=[task], assignee=outsider)


def test_approve_is_idempotent_and_approved_tasks_cannot_be_reassigned(task, editor, reviewer, true_rating):
    task = _assign(task, editor, reviewer)
    services.verdict_submit(user=reviewer, task=task, rating=true_rating, rationale="ok")
    first = services.verdict_approve(editor=editor, task=task)
    second = services.verdict_approve(editor=editor, task=task)
    assert first.approved_at == second.approved_at
    with pytest.raises(ApplicationError, match="cannot be reassigned") as caught:
        services.review_tasks_assign(editor=editor, tasks=[task], assignee=reviewer)
    assert caught.value.status == 409


def test_bulk_assignment_assigns_every_task(desk, editor, reviewer):
    article = factories.ArticleFactory(desk=desk)
    tasks = [factories.ReviewTaskFactory(claim=factories.ClaimFactory(article=article)) for _ in range(3)]
    assigned = services.review_tasks_assign(editor=editor, tasks=tasks, assignee=reviewer)
    assert {t.status for t in assigned} == {TaskStatus.ASSIGNED}
    assert {t.assignee for t in assigned} == {reviewer}


def test_verdict_needs_rationale_and_own_references(task, editor, reviewer, true_rating):
    task = _assign(task, editor, reviewer)
    with pytest.raises(ApplicationError, match="rationale"):
        services.verdict_submit(user=reviewer, task=task, rating=true_rating, rationale="   ")
    foreign = factories.ReferenceFactory()
    with pytest.raises(ApplicationError, match="belong to this claim"):
        services.verdict_submit(
            user=reviewer, task=task, rating=true_rating, rationale="ok", reference_ids=[foreign.pk]
        )
    task.refresh_from_db()
    assert task.status == TaskStatus.ASSIGNED


def test_a_claim_rejected_during_its_review_takes_no_verdict(task, editor, reviewer, true_rating):
    task = _assign(task, editor, reviewer)
    claim_services.claim_reject(claim=task.claim, user=editor, reason="An opinion")

    with pytest.raises(ApplicationError, match="An editor took this claim out of review") as refused:
        services.verdict_submit(user=reviewer, task=task, rating=true_rating, rationale="Checked.")

    assert refused.value.status == 409
    task.refresh_from_db()
    assert task.status == TaskStatus.ASSIGNED
