"""The admin's verdict list joins each verdict's article for its language, not for its text: the body (up to
2 MB an article) and the other long texts the list never shows are left out of its query, and reading the
rows still costs no query a row."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from apps.articles.models import Article
from apps.claims.models import Claim
from apps.reviews import services as reviews
from apps.reviews.models import ReviewTask, Verdict
from apps.reviews.selectors import rating_scale_for_desk
from tests import factories

pytestmark = pytest.mark.django_db

TEXT = "Russia and China have vetoed {number} UN Security Council resolutions on Syria."
# The columns the list must not read, as its SQL names them.
UNSHOWN_COLUMNS = [(Article, "body"), (Verdict, "rationale"), (ReviewTask, "editor_note"), (Claim, "rejection_reason")]


def _column(model, field: str) -> str:
    quote = connection.ops.quote_name
    return f"{quote(model._meta.db_table)}.{quote(model._meta.get_field(field).column)}"


def _submitted(desk, editor, reviewer, *, number: int) -> ReviewTask:
    text = TEXT.format(number=number)
    article = factories.ArticleFactory(desk=desk, body=f"{text} {'Background. ' * 2000}", language="es")
    task = factories.ReviewTaskFactory(claim=factories.ClaimFactory(article=article, text=text, start=0, end=len(text)))
    reviews.review_tasks_assign(editor=editor, tasks=[task], assignee=reviewer)
    rating = rating_scale_for_desk(desk=desk).ratings.get(label="False")
    reviews.verdict_submit(user=reviewer, task=ReviewTask.objects.get(pk=task.pk), rating=rating, rationale="Four.")
    return ReviewTask.objects.get(pk=task.pk)


def _list(client) -> tuple[list[str], str]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("admin:reviews_verdict_changelist"))
    assert response.status_code == 200
    return [query["sql"] for query in queries.captured_queries], response.content.decode()


def test_the_verdict_list_reads_no_article_body_nor_other_unshown_text(root_client, desk, editor, reviewer):
    _submitted(desk, editor, reviewer, number=3)

    queries, page = _list(root_client)

    verdict_queries = [sql for sql in queries if _column(Verdict, "rating_id") in sql]
    assert verdict_queries, "the list's rows were not read"
    for model, field in UNSHOWN_COLUMNS:
        assert not [sql for sql in queries if _column(model, field) in sql], f"{model.__name__}.{field} was read"
    # What the list shows is still there: the claim, and the rating read with the article's language.
    assert TEXT.format(number=3) in page
    assert '<td class="field-rating_shown">False</td>' in page


def test_the_verdict_list_reads_a_fixed_number_of_queries_without_the_unshown_text(root_client, desk, editor, reviewer):
    submitted = []

    def queries_for(total: int) -> int:
        while len(submitted) < total:
            submitted.append(_submitted(desk, editor, reviewer, number=len(submitted) + 3))
        queries, page = _list(root_client)
        assert page.count('<td class="field-rating_shown">') == total
        return len(queries)

    assert queries_for(2) == queries_for(6)


def test_the_verdict_page_still_shows_the_rationale(root_client, desk, editor, reviewer):
    task = _submitted(desk, editor, reviewer, number=3)

    response = root_client.get(reverse("admin:reviews_verdict_change", args=[task.verdict.pk]))

    assert response.status_code == 200
    assert "Four." in response.content.decode()
