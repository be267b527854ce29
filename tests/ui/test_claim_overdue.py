"""The claim page says when the claim's review is overdue, as the queue does."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from apps.reviews.models import TaskStatus

pytestmark = pytest.mark.django_db


def _head(client, task):
    page = client.get(reverse("claims:detail", args=[task.claim.pk])).content.decode()
    start = page.index('<header class="page-head">')
    return page[start : page.index("</header>", start)]


@pytest.mark.parametrize(
    ("status", "due", "overdue"),
    [
        (TaskStatus.ASSIGNED, dt.date(2026, 11, 27), True),
        (TaskStatus.RETURNED, dt.date(2026, 11, 27), True),
        (TaskStatus.ASSIGNED, dt.date(2026, 11, 28), False),
        (TaskStatus.SUBMITTED, dt.date(2026, 11, 27), False),
    ],
)
def test_an_open_review_past_its_due_date_is_marked_overdue(reviewer_client, reviewer, veto_task, status, due, overdue):
    veto_task.status, veto_task.assignee, veto_task.due_date = status, reviewer, due
    veto_task.save()

    with time_machine.travel(dt.datetime(2026, 11, 28, 9, 0, tzinfo=dt.UTC), tick=False):
        head = _head(reviewer_client, veto_task)

    assert ('badge--overdue">Overdue' in head) is overdue
