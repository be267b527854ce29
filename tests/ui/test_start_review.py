""" "Start review" is optional; the claim page says so where the verdict is written."""

import pytest
from django.urls import reverse

from apps.reviews.models import TaskStatus

pytestmark = pytest.mark.django_db


def _verdict_card(page):
    card = page[page.index('<section class="card" aria-labelledby="verdict-form-heading">') :]
    return card[: card.index("</section>")]


@pytest.mark.parametrize("status", [TaskStatus.ASSIGNED, TaskStatus.RETURNED])
def test_start_review_sits_in_the_verdict_card_and_says_it_is_optional(reviewer_client, reviewer, veto_task, status):
    veto_task.status = status
    veto_task.assignee = reviewer
    veto_task.save()

    page = reviewer_client.get(reverse("claims:detail", args=[veto_task.claim.pk])).content.decode()

    header = page[page.index('<header class="page-head">') : page.index("</header>", page.index('class="page-head"'))]
    assert reverse("reviews:start", args=[veto_task.claim.pk]) not in header
    card = _verdict_card(page)
    assert reverse("reviews:start", args=[veto_task.claim.pk]) in card
    assert "You can submit a verdict without it." in card


def test_a_review_in_progress_offers_no_start(reviewer_client, reviewer, veto_task):
    veto_task.status = TaskStatus.IN_REVIEW
    veto_task.assignee = reviewer
    veto_task.save()

    page = reviewer_client.get(reverse("claims:detail", args=[veto_task.claim.pk])).content.decode()

    assert "Record your verdict" in page
    assert reverse("reviews:start", args=[veto_task.claim.pk]) not in page
