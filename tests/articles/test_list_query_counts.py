"""The article lists count claims for the page they show, whatever page of the history it is,
and leave the article bodies in the database.

PostgreSQL works out every column of a SELECT for each row an OFFSET skips, and sorts them all:
a claim count in the page's own query cost a late page of a desk with years of articles one
count per article before it, and the bodies made the sort spill to disk (bench/desk_history.py).
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from apps.claims.models import ClaimStatus
from tests import factories

pytestmark = pytest.mark.django_db


def _history(desk, articles: int) -> list:
    """`articles` articles, newest first; article n has n claims in the queue and one rejected."""
    made = []
    for number in range(articles):
        article = factories.ArticleFactory(desk=desk, title=f"Story {number}")
        for _ in range(number % 4):
            factories.ClaimFactory(article=article)
        factories.ClaimFactory(article=article, status=ClaimStatus.REJECTED)
        made.append(article)
    return list(reversed(made))


def _page_queries(queries) -> list[str]:
    return [query["sql"] for query in queries if "OFFSET" in query["sql"] and "articles_article" in query["sql"]]


def test_a_late_api_page_counts_only_its_own_articles_claims(editor_api, desk):
    articles = _history(desk, 7)

    with CaptureQueriesContext(connection) as queries:
        response = editor_api.get(reverse("api:article-list"), {"page": 3, "page_size": 2})

    assert response.status_code == 200
    assert [(row["title"], row["claim_count"]) for row in response.json()["results"]] == [
        (article.title, article.claims.filter(status=ClaimStatus.ACTIVE).count()) for article in articles[4:6]
    ]
    assert response.json()["count"] == 7
    (page_query,) = _page_queries(queries)
    assert "claims_claim" not in page_query
    assert '"articles_article"."body"' not in page_query


def test_an_article_still_has_its_claim_count(editor_api, desk):
    article = _history(desk, 4)[0]

    response = editor_api.get(reverse("api:article-detail", args=[article.pk]))

    assert response.json()["claim_count"] == 3


def test_a_late_dashboard_page_counts_only_its_own_articles_claims(client, editor, desk):
    articles = _history(desk, 27)
    client.force_login(editor)

    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("dashboard"), {"page": 2})

    assert response.status_code == 200
    assert [(row.article.title, row.article.claim_count) for row in response.context["rows"]] == [
        (article.title, article.claims.filter(status=ClaimStatus.ACTIVE).count()) for article in articles[25:]
    ]
    (page_query,) = _page_queries(queries)
    assert "claims_claim" not in page_query
    assert '"articles_article"."body"' not in page_query


@pytest.mark.parametrize("url_name", ["dashboard", "api:article-list"])
def test_the_article_lists_do_not_query_per_article(client, editor, desk, url_name):
    client.force_login(editor)

    def queries_for(articles: int) -> int:
        _history(desk, articles)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse(url_name)).status_code == 200
        return len(queries)

    assert queries_for(3) == queries_for(27)
