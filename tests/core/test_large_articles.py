"""A book-length article (the import limit is 2 MB) must not be copied into every row of a list:
SQLite groups and sorts by every selected column, so a 2 MB body joined to 7,000 claims made the
article page and the claims API take minutes, and any database hands Python one copy per row."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from apps.articles.selectors import article_get, article_list
from apps.claims.selectors import claim_get, claim_list
from apps.reports.selectors import report_build
from apps.reviews.selectors import review_task_list
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def long_article(desk):
    earlier = factories.ArticleFactory(desk=desk, body="Earlier story. " * 500)
    earlier_claim = factories.ClaimFactory(article=earlier, start=0, end=14)
    article = factories.ArticleFactory(desk=desk, body="Russia vetoed it. " * 500)
    for index in range(4):
        claim = factories.ClaimFactory(
            article=article, start=index * 18, end=index * 18 + 17, matched_claim=earlier_claim
        )
        factories.ReviewTaskFactory(claim=claim)
    factories.ClaimFactory(article=article, start=100, end=117, status="rejected")
    return article


def _selected_bodies(queries) -> list[str]:
    return [query["sql"] for query in queries if re.search(r'"body"', query["sql"])]


def test_claim_and_task_lists_and_reports_leave_the_article_bodies_in_the_database(editor, long_article):
    with CaptureQueriesContext(connection) as queries:
        claims = list(claim_list(user=editor, article=long_article))
        tasks = list(review_task_list(user=editor, article_id=long_article.pk))
        report = report_build(article=long_article)

    assert len(claims) == 5
    assert len(tasks) == 4
    assert len(report.rows) == 4
    assert _selected_bodies(queries) == []
    assert claims[0].article.title == long_article.title
    assert claims[0].matched_claim.article.title.startswith("Article")


def test_a_claims_article_body_is_still_there_when_asked_for(editor, long_article):
    claim = claim_get(user=editor, claim_id=long_article.claims.first().pk)

    assert claim.article.body == long_article.body


def test_counting_an_articles_claims_does_not_group_by_its_body(editor, long_article):
    with CaptureQueriesContext(connection) as queries:
        article = article_get(user=editor, article_id=long_article.pk)

    assert article.claim_count == 4, "active claims only"
    assert article.body == long_article.body
    (query,) = queries
    assert not re.search(r'GROUP BY[^()]*"body"', query["sql"])
    assert {row.pk: row.claim_count for row in article_list(user=editor)}[long_article.pk] == 4
