"""The article list's language filter uses an index on PostgreSQL (the claim and task lists' too, through
their articles, on the bench desk)."""

import pytest
from django.db import connection

from apps.articles.models import Article
from apps.articles.selectors import article_page_list

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


@pytest.fixture
def desk_of_mostly_english_articles(desk):
    """3,000 English articles and 3 German ones, with the planner's statistics."""
    articles = [
        Article(desk=desk, title=f"Report {n}", body=f"Body {n}", content_hash=f"{n:064x}", source_kind="paste")
        for n in range(3003)
    ]
    for number, article in enumerate(articles):
        article.language = "de-AT" if number < 3 else "en"
    Article.objects.bulk_create(articles)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE articles_article")


def _plan(queryset) -> str:
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN {sql}", params)
        return "\n".join(row[0] for row in cursor.fetchall())


def test_a_rare_languages_articles_are_found_through_the_language_index(desk_of_mostly_english_articles, editor):
    plan = _plan(article_page_list(user=editor, language="de")[:50])

    assert "Index Scan on article_language" in plan, plan
