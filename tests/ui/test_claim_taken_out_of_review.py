"""A claim an editor rejects while its reviewer is still working on it."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from apps.claims import services as claim_services
from apps.reviews.models import Rating, TaskStatus, Verdict

pytestmark = pytest.mark.django_db


def _messages(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


@pytest.fixture
def rejected_while_assigned(veto_task, editor, reviewer):
    veto_task.status = TaskStatus.ASSIGNED
    veto_task.assignee = reviewer
    veto_task.save()
    claim_services.claim_reject(claim=veto_task.claim, user=editor, reason="An opinion, not checkable")
    return veto_task


def test_submitting_a_verdict_on_a_claim_rejected_meanwhile_says_why_and_hands_back_the_rationale(
    reviewer_client, rejected_while_assigned
):
    claim = rejected_while_assigned.claim
    rating = Rating.objects.get(scale__desk__isnull=True, label="True")

    response = reviewer_client.post(
        reverse("reviews:verdict", args=[claim.pk]),
        {"rating": rating.pk, "rationale": "Three vetoes are on the UN record."},
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("claims:detail", args=[claim.pk])
    assert _messages(response) == [
        "An editor took this claim out of review (“An opinion, not checkable”), so it takes no review work "
        "until it is released.",
        "Your rationale was not recorded; here it is to keep: “Three vetoes are on the UN record.”",
    ]
    assert not Verdict.objects.exists()


def test_starting_the_review_of_a_rejected_claim_is_refused_with_the_reason(reviewer_client, rejected_while_assigned):
    claim = rejected_while_assigned.claim

    response = reviewer_client.post(reverse("reviews:draft", args=[claim.pk]))

    assert response["Location"] == reverse("claims:detail", args=[claim.pk])
    assert "An editor took this claim out of review" in _messages(response)[0]
    rejected_while_assigned.refresh_from_db()
    assert rejected_while_assigned.status == TaskStatus.ASSIGNED


def test_the_page_of_a_rejected_claim_offers_its_reviewer_no_verdict_form(reviewer_client, rejected_while_assigned):
    page = reviewer_client.get(reverse("claims:detail", args=[rejected_while_assigned.claim.pk])).content.decode()

    assert "Record your verdict" not in page
    assert "Start review" not in page
    assert 'class="badge badge--assigned"' not in page
    assert "Rejected by an editor" in page
    assert "an editor rejected this claim (“An opinion, not checkable”)" in page
