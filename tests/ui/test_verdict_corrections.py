"""The claim page's "Correct this verdict": editors reopen an approved verdict with a note, the
reviewer revises it, and the page lists the corrections."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from apps.reviews import services
from apps.reviews.models import Rating, ReviewTask, TaskStatus, VerdictCorrection
from tests import factories

pytestmark = pytest.mark.django_db

NOTE = "The UN record lists four vetoes, not three."


def _messages(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def _rating(label):
    return Rating.objects.get(scale__desk__isnull=True, label=label)


def _task(task):
    return ReviewTask.objects.get(pk=task.pk)


@pytest.fixture
def approved(veto_task, editor, reviewer):
    services.review_tasks_assign(editor=editor, tasks=[veto_task], assignee=reviewer)
    services.verdict_submit(user=reviewer, task=_task(veto_task), rating=_rating("True"), rationale="Three vetoes.")
    services.verdict_approve(editor=editor, task=_task(veto_task))
    return _task(veto_task)


def _page(client, task) -> str:
    return client.get(reverse("claims:detail", args=[task.claim_id])).content.decode()


def _reopen(client, task, note=NOTE, revision=None):
    revision = _task(task).verdict_revision if revision is None else revision
    return client.post(reverse("reviews:reopen", args=[task.claim_id]), {"note": note, "revision": revision})


def test_an_editor_sees_correct_this_verdict_and_a_reviewer_does_not(approved, editor_client, reviewer_client):
    assert "Correct this verdict" in _page(editor_client, approved)
    assert "Correct this verdict" not in _page(reviewer_client, approved)


def test_an_editor_reopens_a_verdict_and_the_reviewer_revises_it(approved, editor_client, reviewer_client):
    response = _reopen(editor_client, approved)

    assert response.status_code == 302
    assert _messages(response) == [
        "Verdict reopened for correction and returned to its reviewer. Reports keep the verdict as published "
        "until the corrected one is approved."
    ]
    assert _task(approved).status == TaskStatus.RETURNED
    reviewer_page = _page(reviewer_client, approved)
    assert "Reopened for correction" in reviewer_page
    assert NOTE in reviewer_page
    assert "Revise your verdict" in reviewer_page
    assert "Correct this verdict" not in _page(editor_client, approved)


def test_the_claim_page_lists_approved_corrections(approved, editor, reviewer, editor_client):
    _reopen(editor_client, approved)
    services.verdict_submit(user=reviewer, task=_task(approved), rating=_rating("Mostly true"), rationale="Four.")
    services.verdict_approve(editor=editor, task=_task(approved))

    page = _page(editor_client, approved)

    assert "<h3>Corrections</h3>" in page
    assert f"{NOTE} (previously rated True)" in page
    assert "Reopened by edith, approved by edith." in page
    assert "Reopened for correction</strong>" not in page


def test_the_claim_page_keeps_a_correction_s_previous_rating_as_published_after_a_rename(
    approved, desk, editor, reviewer, editor_client
):
    _reopen(editor_client, approved)
    services.verdict_submit(user=reviewer, task=_task(approved), rating=_rating("Mostly true"), rationale="Four.")
    services.verdict_approve(editor=editor, task=_task(approved))
    admin = factories.MemberFactory(desk=desk, role="admin", username="ada").user
    renamed = services.rating_scale_copy_default(user=admin, desk=desk).ratings.get(label="True")
    services.rating_update(user=admin, rating=renamed, label="Accurate", description="", claimreview_value=5)

    page = _page(editor_client, approved)

    assert f"{NOTE} (previously rated True)" in page
    assert "previously rated Accurate" not in page


def test_reopening_without_a_note_says_what_is_missing(approved, editor_client):
    response = _reopen(editor_client, approved, note="  ")

    assert _messages(response) == [services.CORRECTION_NOTE_REQUIRED]
    assert _task(approved).status == TaskStatus.APPROVED


def test_reopening_from_a_stale_page_is_refused_and_hands_the_note_back(approved, editor_client):
    response = _reopen(editor_client, approved, revision=_task(approved).verdict_revision - 1)

    messages = _messages(response)
    assert messages[0].startswith("This verdict changed after you opened the page, so it was not reopened.")
    assert messages[1] == f"Your note was not recorded; here it is to keep: “{NOTE}”"
    assert not VerdictCorrection.objects.exists()


def test_a_reviewer_cannot_reopen(approved, reviewer_client):
    response = _reopen(reviewer_client, approved)

    assert _messages(response)[0] == "Only the desk's editors can do this."
    assert _task(approved).status == TaskStatus.APPROVED


def test_the_queues_name_a_correction(approved, reviewer, editor_client, reviewer_client):
    _reopen(editor_client, approved)

    reviewer_queue = reviewer_client.get(reverse("reviews:queue")).content.decode()
    assert f"Reopened for correction: {NOTE}" in reviewer_queue

    services.verdict_submit(user=reviewer, task=_task(approved), rating=_rating("Mostly true"), rationale="Four.")
    editor_queue = editor_client.get(reverse("reviews:queue")).content.decode()
    assert f"Correction of a published verdict: {NOTE}" in editor_queue
