"""A reviewer keeps what they wrote towards a verdict as a draft, without sending it to the editor."""

import pytest

from apps.core.exceptions import ApplicationError
from apps.reviews import services
from apps.reviews.models import Rating, ReviewTask, TaskStatus, Verdict, VerdictDraft
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def task(desk, editor, reviewer):
    task = factories.ReviewTaskFactory(claim=factories.ClaimFactory(article=factories.ArticleFactory(desk=desk)))
    services.review_tasks_assign(editor=editor, tasks=[task], assignee=reviewer)
    return ReviewTask.objects.get(pk=task.pk)


def _rating(label="Mostly true"):
    return Rating.objects.get(scale__desk=None, label=label)


def test_a_saved_draft_keeps_rating_rationale_and_references_and_starts_the_review(task, reviewer):
    reference = factories.ReferenceFactory(claim=task.claim)

    draft = services.verdict_draft_save(
        user=reviewer, task=task, rating=_rating(), rationale=" Half written. ", reference_ids=[reference.pk]
    )

    draft.refresh_from_db()
    assert (draft.rating, draft.rationale, draft.saved_by) == (_rating(), "Half written.", reviewer)
    assert list(draft.cited_references.all()) == [reference]
    task.refresh_from_db()
    assert task.status == TaskStatus.IN_REVIEW
    assert task.verdict_revision == 1
    assert not Verdict.objects.exists()


def test_a_draft_needs_neither_rating_nor_rationale(task, reviewer):
    draft = services.verdict_draft_save(user=reviewer, task=task, rating=None, rationale="Only a note to self.")

    assert draft.rating is None


def test_saving_an_empty_form_starts_the_review_and_keeps_no_draft(task, reviewer):
    services.verdict_draft_save(user=reviewer, task=task, rating=_rating(), rationale="First thoughts.")
    task.refresh_from_db()

    assert services.verdict_draft_save(user=reviewer, task=task, rating=None, rationale="  ") is None

    assert not VerdictDraft.objects.exists()
    task.refresh_from_db()
    assert task.status == TaskStatus.IN_REVIEW


def test_submitting_the_verdict_deletes_the_draft(task, reviewer):
    services.verdict_draft_save(user=reviewer, task=task, rating=_rating(), rationale="First thoughts.")

    services.verdict_submit(user=reviewer, task=task, rating=_rating("True"), rationale="Checked.")

    assert not VerdictDraft.objects.exists()


def test_only_the_assignee_saves_a_draft(task, second_reviewer):
    with pytest.raises(ApplicationError) as refused:
        services.verdict_draft_save(user=second_reviewer, task=task, rating=None, rationale="Mine now?")

    assert refused.value.status == 403
    assert not VerdictDraft.objects.exists()


def test_a_submitted_verdict_takes_no_draft(task, reviewer):
    services.verdict_submit(user=reviewer, task=task, rating=_rating("True"), rationale="Checked.")

    with pytest.raises(ApplicationError) as refused:
        services.verdict_draft_save(user=reviewer, task=task, rating=None, rationale="Second thoughts.")

    assert refused.value.status == 409


def test_a_draft_from_a_window_opened_before_another_save_is_refused(task, reviewer):
    opened = task.verdict_revision
    services.verdict_draft_save(user=reviewer, task=task, rating=_rating(), rationale="From the new window.")

    with pytest.raises(ApplicationError) as refused:
        services.verdict_draft_save(
            user=reviewer, task=task, rating=None, rationale="From the old window.", seen_revision=opened
        )

    assert refused.value.status == 409
    assert VerdictDraft.objects.get().rationale == "From the new window."


def test_references_of_another_claim_are_refused_in_a_draft(task, reviewer):
    elsewhere = factories.ReferenceFactory()

    with pytest.raises(ApplicationError):
        services.verdict_draft_save(user=reviewer, task=task, rating=None, rationale="", reference_ids=[elsewhere.pk])


def test_copying_the_standard_scale_moves_drafts_to_the_desks_rating(task, reviewer, desk):
    admin = factories.MemberFactory(desk=desk, role="admin", username="ada").user
    services.verdict_draft_save(user=reviewer, task=task, rating=_rating("Half true"), rationale="Thinking.")

    scale = services.rating_scale_copy_default(user=admin, desk=desk)

    assert VerdictDraft.objects.get().rating == scale.ratings.get(label="Half true")
