"""A reviewer's queue with a real day's load: due dates in order, overdue work marked and counted,
filters, and pages that cost the same however long the queue is."""

import datetime as dt

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from apps.reviews.models import TaskStatus
from tests import factories

pytestmark = pytest.mark.django_db

TODAY = dt.datetime(2026, 11, 28, 9, 0, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(TODAY, tick=False):
        yield


def _task(article, reviewer, text, due=None, status=TaskStatus.ASSIGNED):
    claim = factories.ClaimFactory(article=article, text=text)
    return factories.ReviewTaskFactory(claim=claim, assignee=reviewer, status=status, due_date=due)


def _page(client, **params):
    return client.get(reverse("reviews:queue"), params).content.decode()


def _rows(page):
    body = page[page.index('aria-labelledby="tasks-heading"') :]
    return body[body.index("<tbody>") : body.index("</tbody>")]


def test_claims_without_a_due_date_come_after_the_dated_ones(reviewer_client, reviewer, article):
    _task(article, reviewer, "Undated claim.")
    _task(article, reviewer, "Due later.", due=dt.date(2026, 12, 5))
    _task(article, reviewer, "Due sooner.", due=dt.date(2026, 12, 1))

    rows = _rows(_page(reviewer_client))

    assert rows.index("Due sooner.") < rows.index("Due later.") < rows.index("Undated claim.")


def test_overdue_claims_are_marked_and_counted(reviewer_client, reviewer, article):
    _task(article, reviewer, "Due yesterday.", due=dt.date(2026, 11, 27))
    _task(article, reviewer, "Due today.", due=dt.date(2026, 11, 28))
    _task(article, reviewer, "Returned claim.", status=TaskStatus.RETURNED)

    page = _page(reviewer_client)

    assert "<strong>1 overdue</strong>" in page
    assert "1 returned to you with an editor\u2019s note" in page
    rows = _rows(page).split("</tr>")
    assert 'badge--overdue">Overdue' in next(row for row in rows if "Due yesterday." in row)
    assert "Overdue" not in next(row for row in rows if "Due today." in row)


def test_the_queue_narrows_to_overdue_work_one_status_or_one_article(reviewer_client, reviewer, desk, article):
    other_article = factories.ArticleFactory(desk=desk, title="Budget speech")
    _task(article, reviewer, "Overdue claim.", due=dt.date(2026, 11, 20))
    _task(article, reviewer, "Returned claim.", status=TaskStatus.RETURNED)
    _task(other_article, reviewer, "Budget claim.")

    overdue = _rows(_page(reviewer_client, overdue="on"))
    returned = _rows(_page(reviewer_client, status="returned"))
    budget = _rows(_page(reviewer_client, article=str(other_article.pk)))

    assert [claim for claim in ("Overdue claim.", "Returned claim.", "Budget claim.") if claim in overdue] == [
        "Overdue claim."
    ]
    assert [claim for claim in ("Overdue claim.", "Returned claim.", "Budget claim.") if claim in returned] == [
        "Returned claim."
    ]
    assert [claim for claim in ("Overdue claim.", "Returned claim.", "Budget claim.") if claim in budget] == [
        "Budget claim."
    ]


def test_filters_that_match_nothing_say_so_and_lead_back_to_everything(reviewer_client, reviewer, article):
    _task(article, reviewer, "Assigned claim.")

    page = _page(reviewer_client, status="returned")

    assert "None of your 1 open claims match these filters." in page
    assert f'<a href="{reverse("reviews:queue")}">Show all</a>' in page


def test_a_long_queue_is_paged_and_the_pager_keeps_the_filters(reviewer_client, reviewer, article):
    for number in range(80):
        _task(article, reviewer, f"Claim number {number:02d}.", due=dt.date(2026, 10, 1) + dt.timedelta(days=number))

    first = _page(reviewer_client, overdue="on")
    second = _page(reviewer_client, overdue="on", page=2)

    # 58 of the 80 are due before 28 November.
    assert _rows(first).count("<tr>") == 50
    assert "Page 1 of 2" in first
    assert 'href="?overdue=on&amp;page=2"' in first
    assert _rows(second).count("<tr>") == 8
    assert "Claim number 57." in _rows(second)
    assert "Claim number 58." not in _rows(second)


def test_the_queue_costs_the_same_queries_for_ten_tasks_or_sixty(reviewer_client, reviewer, article):
    def queue_queries(count):
        for number in range(count):
            _task(article, reviewer, f"Claim {count}-{number}.")
        with CaptureQueriesContext(connection) as queries:
            reviewer_client.get(reverse("reviews:queue"))
        return len(queries)

    assert queue_queries(10) == queue_queries(50)
