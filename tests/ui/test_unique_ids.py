"""Each id on a claim page is used once: labels, descriptions and links to a part of the page find
their element by id, and a second element with the same id is one they can never reach."""

import re
from collections import Counter

import pytest
from django.urls import reverse

from apps.reviews import services
from apps.reviews.models import Rating, ReviewTask

pytestmark = pytest.mark.django_db


def _repeated_ids(response) -> list[str]:
    ids = Counter(re.findall(r'\sid="([^"]+)"', response.content.decode()))
    return [element_id for element_id, count in ids.items() if count > 1]


@pytest.fixture
def submitted(editor, reviewer, veto_task):
    services.review_tasks_assign(editor=editor, tasks=[veto_task], assignee=reviewer)
    rating = Rating.objects.get(scale__desk__isnull=True, label="True")
    services.verdict_submit(
        user=reviewer, task=ReviewTask.objects.get(pk=veto_task.pk), rating=rating, rationale="Three vetoes."
    )
    return ReviewTask.objects.get(pk=veto_task.pk)


def test_a_verdict_waiting_for_approval_has_unique_ids(editor_client, submitted):
    # The approve and return forms each carry the verdict revision the editor saw.
    response = editor_client.get(reverse("claims:detail", args=[submitted.claim_id]))

    assert response.status_code == 200
    assert _repeated_ids(response) == []


def test_a_verdict_reopened_for_correction_has_unique_ids(editor_client, reviewer_client, editor, submitted):
    services.verdict_approve(editor=editor, task=submitted)
    services.verdict_reopen(editor=editor, task=ReviewTask.objects.get(pk=submitted.pk), note="Four, not three.")
    claim_page = reverse("claims:detail", args=[submitted.claim_id])

    assert _repeated_ids(editor_client.get(claim_page)) == []
    assert _repeated_ids(reviewer_client.get(claim_page)) == []
