""" "Start review" is optional and keeps what was written; the claim page says so where the verdict
is written, and once the review is under way the same button saves a draft."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from apps.reviews.models import Rating, TaskStatus, VerdictDraft

pytestmark = pytest.mark.django_db


def _verdict_card(page):
    card = page[page.index('<section class="card" aria-labelledby="verdict-form-heading">') :]
    return card[: card.index("</section>")]


def _assigned(task, reviewer, status=TaskStatus.ASSIGNED):
    task.status = status
    task.assignee = reviewer
    task.save()
    return task


def _messages(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


@pytest.mark.parametrize("status", [TaskStatus.ASSIGNED, TaskStatus.RETURNED])
def test_start_review_sits_in_the_verdict_form_and_says_it_is_optional(reviewer_client, reviewer, veto_task, status):
    _assigned(veto_task, reviewer, status)

    page = reviewer_client.get(reverse("claims:detail", args=[veto_task.claim.pk])).content.decode()

    header = page[page.index('<header class="page-head">') : page.index("</header>", page.index('class="page-head"'))]
    assert "Start review" not in header
    card = _verdict_card(page)
    assert f'formaction="{reverse("reviews:draft", args=[veto_task.claim.pk])}" formnovalidate' in card
    assert ">Start review</button>" in card
    assert "You can submit a verdict without it." in card


def test_a_review_in_progress_offers_to_save_a_draft_instead(reviewer_client, reviewer, veto_task):
    _assigned(veto_task, reviewer, TaskStatus.IN_REVIEW)

    page = reviewer_client.get(reverse("claims:detail", args=[veto_task.claim.pk])).content.decode()

    assert "Record your verdict" in page
    assert "Start review" not in page
    assert ">Save draft</button>" in _verdict_card(page)


def test_starting_the_review_after_writing_keeps_what_was_written(reviewer_client, reviewer, veto_task):
    _assigned(veto_task, reviewer)
    rating = Rating.objects.get(scale__desk=None, label="Mostly true")

    response = reviewer_client.post(
        reverse("reviews:draft", args=[veto_task.claim.pk]),
        {"rating": rating.pk, "rationale": "Two of the three vetoes checked so far.", "revision": 0},
    )

    assert response["Location"] == reverse("claims:detail", args=[veto_task.claim.pk])
    assert _messages(response) == ["Draft saved. The editor sees nothing until you submit the verdict."]
    veto_task.refresh_from_db()
    assert veto_task.status == TaskStatus.IN_REVIEW
    page = reviewer_client.get(reverse("claims:detail", args=[veto_task.claim.pk])).content.decode()
    card = _verdict_card(page)
    assert "Two of the three vetoes checked so far.</textarea>" in card
    assert f'<option value="{rating.pk}" selected>' in card
    assert "not sent to the editor yet" in card


def test_starting_the_review_with_nothing_written_only_starts_it(reviewer_client, reviewer, veto_task):
    _assigned(veto_task, reviewer)

    response = reviewer_client.post(reverse("reviews:draft", args=[veto_task.claim.pk]), {"rationale": ""})

    assert _messages(response) == ["Review started."]
    veto_task.refresh_from_db()
    assert veto_task.status == TaskStatus.IN_REVIEW
    assert not VerdictDraft.objects.exists()


def test_the_editor_never_sees_the_reviewers_draft(editor_client, reviewer_client, reviewer, veto_task):
    _assigned(veto_task, reviewer)
    reviewer_client.post(reverse("reviews:draft", args=[veto_task.claim.pk]), {"rationale": "Private musings."})

    page = editor_client.get(reverse("claims:detail", args=[veto_task.claim.pk])).content.decode()

    assert "Private musings." not in page
    assert "Waiting for rachel\u2019s verdict." in page
