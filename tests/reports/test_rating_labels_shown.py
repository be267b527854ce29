"""Pages that show a claim's rating name it as the exports of its article do: by the label the desk gave
for the article's language, else the default label."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from apps.reviews import services as reviews
from apps.reviews.models import ReviewTask
from tests import factories
from tests.rating_labels import labelled_desk_scale

pytestmark = pytest.mark.django_db


@pytest.fixture
def false_rating(desk):
    desk_admin = factories.MemberFactory(desk=desk, role="admin", username="ada").user
    scale = labelled_desk_scale(desk, desk_admin, {"False": {"es": "Falso", "fr": "Faux"}})
    return scale.ratings.get(label="False")


def _rated_claim(desk, editor, reviewer, rating, *, language, number=0):
    text = f"Rusia y China han vetado {number + 3} resoluciones del Consejo de Seguridad sobre Siria."
    article = factories.ArticleFactory(desk=desk, body=text, title=f"Vetos {number}", language=language)
    claim = factories.ClaimFactory(article=article, text=text, start=0, end=len(text))
    task = factories.ReviewTaskFactory(claim=claim)
    reviews.review_tasks_assign(editor=editor, tasks=[task], assignee=reviewer)
    reviews.verdict_submit(user=reviewer, task=ReviewTask.objects.get(pk=task.pk), rating=rating, rationale="Cuatro.")
    reviews.verdict_approve(editor=editor, task=ReviewTask.objects.get(pk=task.pk))
    return claim


def _badges(page: str) -> list[str]:
    marker = '<span class="badge badge--approved">'
    return [piece.split("</span>", 1)[0] for piece in page.split(marker)[1:]]


def test_the_search_page_names_each_results_rating_in_its_articles_language(
    client, desk, editor, reviewer, false_rating
):
    _rated_claim(desk, editor, reviewer, false_rating, language="es-MX", number=0)
    _rated_claim(desk, editor, reviewer, false_rating, language="de", number=1)
    client.force_login(editor)

    page = client.get(reverse("search"), {"rating": "False"}).content.decode()

    assert sorted(_badges(page)) == ["False", "Falso"]


def test_the_search_page_reads_a_fixed_number_of_queries_with_rated_results(
    client, desk, editor, reviewer, false_rating
):
    client.force_login(editor)
    rated = []

    def queries_for(total: int) -> int:
        while len(rated) < total:
            number = len(rated)
            rated.append(
                _rated_claim(desk, editor, reviewer, false_rating, language=("es", "fr")[number % 2], number=number)
            )
        with CaptureQueriesContext(connection) as queries:
            page = client.get(reverse("search"), {"rating": "False"}).content.decode()
        assert sorted(_badges(page)) == sorted(["Falso", "Faux"] * (total // 2))
        return len(queries)

    assert queries_for(2) == queries_for(6)


def test_the_article_page_names_an_approved_claims_rating_in_the_articles_language(
    client, desk, editor, reviewer, false_rating
):
    claim = _rated_claim(desk, editor, reviewer, false_rating, language="es")
    client.force_login(editor)

    page = client.get(reverse("articles:detail", args=[claim.article_id])).content.decode()

    assert '<div class="small">Falso</div>' in page


def test_the_claim_page_names_its_verdict_in_the_articles_language(client, desk, editor, reviewer, false_rating):
    claim = _rated_claim(desk, editor, reviewer, false_rating, language="fr")
    client.force_login(editor)

    page = client.get(reverse("claims:detail", args=[claim.pk])).content.decode()

    assert '<p class="rating">Faux</p>' in page


def test_a_repeat_names_the_earlier_checks_rating_in_its_own_articles_language(
    client, desk, editor, reviewer, false_rating
):
    earlier = _rated_claim(desk, editor, reviewer, false_rating, language="en")
    text = "Rusia y China vetaron tres resoluciones sobre Siria, repitió el ministro."
    article = factories.ArticleFactory(desk=desk, body=text, title="Vetos otra vez", language="es")
    confirmed = factories.ClaimFactory(
        article=article, text=text, start=0, end=len(text), matched_claim=earlier, match_status="confirmed"
    )
    suggested = factories.ClaimFactory(
        article=article, text=text[:40], start=0, end=40, matched_claim=earlier, match_status="suggested"
    )
    client.force_login(editor)

    reused = client.get(reverse("claims:detail", args=[confirmed.pk])).content.decode()
    matched = client.get(reverse("claims:detail", args=[suggested.pk])).content.decode()

    assert '<p class="rating">Falso</p>' in reused
    assert '<strong class="rating">Falso</strong>' in matched
