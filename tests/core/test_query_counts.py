"""The everyday pages and API lists cost the same number of queries for 3 rows as for 30.

Each row here carries what makes rows expensive to show: a review task with an assignee, a
verdict with a rating and a cited reference, a draft, gathered references, a source link and a
reference job. bench/desk_history.py measures the same pages on a desk with years of history.
"""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from apps.reviews.models import Rating, TaskStatus, Verdict, VerdictDraft
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(desk):
    return factories.ArticleFactory(desk=desk)


@pytest.fixture
def add_rows(article, editor, reviewer):
    """Adds `count` claims to the article, with tasks in every state the pages show."""
    rating = Rating.objects.filter(scale__desk=None).first()
    statuses = [TaskStatus.ASSIGNED, TaskStatus.IN_REVIEW, TaskStatus.SUBMITTED, TaskStatus.APPROVED]

    def add(count: int) -> None:
        for number in range(count):
            claim = factories.ClaimFactory(article=article, start=number * 100, end=number * 100 + 50)
            reference = factories.ReferenceFactory(claim=claim)
            factories.SourceLinkFactory(claim=claim)
            factories.ReferenceJobFactory(claim=claim)
            status = statuses[number % len(statuses)]
            task = factories.ReviewTaskFactory(
                claim=claim, status=status, assignee=reviewer, due_date=dt.date(2026, 1, 1) + dt.timedelta(number)
            )
            if status in (TaskStatus.SUBMITTED, TaskStatus.APPROVED):
                verdict = Verdict.objects.create(
                    task=task,
                    rating=rating,
                    rationale="Checked.",
                    reviewer=reviewer,
                    submitted_at=timezone.now(),
                    approved_by=editor if status == TaskStatus.APPROVED else None,
                )
                verdict.cited_references.add(reference)
            elif status == TaskStatus.IN_REVIEW:
                VerdictDraft.objects.create(task=task, rating=rating, rationale="So far", saved_by=reviewer)

    return add


def _queries(client, path: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, path
    return len(queries)


@pytest.mark.parametrize(
    ("who", "path"),
    [
        ("editor", "/"),
        ("editor", "/articles/{article}/"),
        ("editor", "/queue/"),
        ("reviewer", "/queue/"),
        ("reviewer", "/"),
        ("editor", "/api/v1/articles/"),
        ("editor", "/api/v1/claims/?article={article}"),
        ("editor", "/api/v1/tasks/?article={article}"),
        ("editor", "/api/v1/tasks/?status=submitted"),
        ("reviewer", "/api/v1/tasks/?assignee=me"),
        ("editor", "/api/v1/references/"),
        ("editor", "/api/v1/source-links/"),
        ("editor", "/api/v1/articles/{article}/export/?format=json"),
        ("editor", "/api/v1/articles/{article}/export/?format=csv"),
    ],
)
def test_the_query_count_does_not_grow_with_the_rows(client, editor, reviewer, article, add_rows, who, path):
    client.force_login(editor if who == "editor" else reviewer)
    path = path.format(article=article.pk)

    add_rows(3)
    with_few = _queries(client, path)
    add_rows(27)
    with_many = _queries(client, path)

    assert with_many == with_few
