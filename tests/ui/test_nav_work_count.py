"""The header's "My queue" link says how much open review work the signed-in user has."""

import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from apps.reviews.models import TaskStatus
from tests import factories

pytestmark = pytest.mark.django_db


def _queue_link(page: str) -> str:
    return re.search(r'<a href="/queue/"[^>]*>.*?</a>', page, re.S).group()


@pytest.fixture
def reviewers_work(desk, reviewer):
    yesterday = timezone.localdate() - dt.timedelta(days=1)
    article = factories.ArticleFactory(desk=desk)
    for index, (status, due) in enumerate(
        [(TaskStatus.ASSIGNED, yesterday), (TaskStatus.IN_REVIEW, None), (TaskStatus.APPROVED, yesterday)]
    ):
        claim = factories.ClaimFactory(article=article, start=index, end=index + 1)
        factories.ReviewTaskFactory(claim=claim, assignee=reviewer, status=status, due_date=due)


def test_a_reviewer_sees_their_open_tasks_counted_and_the_overdue_ones_flagged(reviewer_client, reviewers_work):
    link = _queue_link(reviewer_client.get(reverse("dashboard")).content.decode())

    assert "nav-count nav-count--overdue" in link
    assert '>2<span class="visually-hidden"> open, 1 overdue</span>' in link


def test_no_count_without_open_work(editor_client, reviewers_work):
    link = _queue_link(editor_client.get(reverse("dashboard")).content.decode())

    assert "nav-count" not in link
    assert "My queue" in link
