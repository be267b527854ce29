"""Rejecting a claim whose verdict is submitted or approved would take a checked result out of
the report without a trace, so it is refused and the article page does not offer it."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from apps.claims.models import ClaimStatus
from apps.reviews.models import Rating, TaskStatus, Verdict

pytestmark = pytest.mark.django_db


def _messages(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def _with_verdict(task, reviewer, status):
    task.status = status
    task.assignee = reviewer
    task.save()
    Verdict.objects.create(
        task=task,
        rating=Rating.objects.get(scale__desk__isnull=True, label="True"),
        rationale="Three vetoes on record.",
        reviewer=reviewer,
        submitted_at="2026-01-05T10:00:00Z",
    )
    return task


@pytest.mark.parametrize(
    ("status", "message"),
    [
        (TaskStatus.APPROVED, "This claim has an approved verdict in the report, so it can no longer be rejected."),
        (
            TaskStatus.SUBMITTED,
            "A verdict on this claim is waiting for approval; approve it or return it to the reviewer first.",
        ),
    ],
)
def test_rejecting_a_claim_with_a_verdict_is_refused_with_the_reason(
    editor_client, reviewer, veto_task, status, message
):
    _with_verdict(veto_task, reviewer, status)

    response = editor_client.post(reverse("claims:reject", args=[veto_task.claim.pk]), {"reason": "Opinion."})

    assert response.status_code == 302
    assert _messages(response) == [message]
    veto_task.claim.refresh_from_db()
    assert veto_task.claim.status == ClaimStatus.ACTIVE


def test_a_returned_claim_can_still_be_rejected(editor_client, reviewer, veto_task):
    _with_verdict(veto_task, reviewer, TaskStatus.RETURNED)

    editor_client.post(reverse("claims:reject", args=[veto_task.claim.pk]), {"reason": "Opinion."})

    veto_task.claim.refresh_from_db()
    assert veto_task.claim.status == ClaimStatus.REJECTED


def _edit_panel(page, claim):
    row = page[page.index(f'<tr id="claim-{claim.pk}">') :]
    return row[: row.index("</details>")]


def test_article_page_says_why_an_approved_or_submitted_claim_cannot_change_and_offers_no_reject(
    editor_client, article, reviewer, veto_task, toll_task
):
    _with_verdict(veto_task, reviewer, TaskStatus.APPROVED)
    _with_verdict(toll_task, reviewer, TaskStatus.SUBMITTED)

    page = editor_client.get(reverse("articles:detail", args=[article.pk])).content.decode()

    approved = _edit_panel(page, veto_task.claim)
    assert "Approved: the verdict is in the report, so this claim can no longer be edited or rejected." in approved
    assert "Under review" not in approved
    assert reverse("claims:reject", args=[veto_task.claim.pk]) not in approved
    submitted = _edit_panel(page, toll_task.claim)
    assert "A verdict is waiting for approval" in submitted
    assert reverse("claims:reject", args=[toll_task.claim.pk]) not in submitted


def test_the_reject_button_asks_for_confirmation(editor_client, article, veto_task):
    page = editor_client.get(reverse("articles:detail", args=[article.pk])).content.decode()

    panel = _edit_panel(page, veto_task.claim)
    assert reverse("claims:reject", args=[veto_task.claim.pk]) in panel
    assert 'data-confirm="Reject this claim? It leaves the review queue and the report' in panel
