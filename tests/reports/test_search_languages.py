"""Search in each article's language on PostgreSQL (reports migration 0004): documents are parsed with
the configuration of their article's language, and a query is read in each language searched."""

import pytest
from django.db import connection
from django.urls import reverse

from apps.articles.services import article_language_set
from apps.reports.search import claim_search
from apps.reviews import services as reviews
from apps.reviews.models import Rating, ReviewTask
from tests import factories

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


def _claim(desk, language, text, title="Report"):
    article = factories.ArticleFactory(desk=desk, language=language, title=title, outlet="", byline="")
    return factories.ClaimFactory(article=article, text=text)


def _config_of_document(table, pk, column):
    """Which configuration the row's stored document was parsed with, among a few."""
    with connection.cursor() as cursor:
        for config in ("english", "spanish", "portuguese", "simple"):
            cursor.execute(
                f"SELECT strip(search_document) = strip(to_tsvector(%s::regconfig, {column})) "  # noqa: S608
                f"FROM {table} WHERE id = %s",
                [config, pk],
            )
            if cursor.fetchone()[0]:
                return config
    return None


def test_a_spanish_claim_is_found_by_another_form_of_its_words(desk, editor):
    spanish = _claim(desk, "es", "El desempleo bajó al nivel más bajo de la década.")
    _claim(desk, "en", "Unemployment fell to its lowest level in a decade.")

    assert list(claim_search(user=editor, query="bajaron")) == [spanish]
    assert list(claim_search(user=editor, query="desempleos")) == [spanish]


def test_english_claims_keep_their_stemming_beside_other_languages(desk, editor):
    english = _claim(desk, "en", "Russia vetoed three resolutions on Syria.")
    _claim(desk, "es", "Rusia bloqueó tres resoluciones sobre Siria.")
    _claim(desk, "pl", "Rosja zawetowała trzy rezolucje.")

    assert list(claim_search(user=editor, query="vetoes")) == [english]
    assert list(claim_search(user=editor, query="vetoes -syria")) == []


def test_a_word_an_english_search_drops_is_found_in_a_language_that_keeps_it(desk, editor):
    """ "a" is an English stop word; in Polish, parsed with `simple`, it is a word ("and")."""
    polish = _claim(desk, "pl", "Rosja a Chiny zawetowały rezolucję.")
    _claim(desk, "en", "Russia and China vetoed a resolution.")

    assert list(claim_search(user=editor, query="a")) == [polish]


def test_exclusions_hold_in_every_language(desk, editor):
    _claim(desk, "es", "El gobierno dijo que los salarios subieron en Madrid.")
    kept = _claim(desk, "es", "El gobierno dijo que los salarios subieron en Sevilla.")
    _claim(desk, "en", "The government said wages rose in Madrid.")

    assert list(claim_search(user=editor, query="gobierno -madrid")) == [kept]
    assert list(claim_search(user=editor, query="gobierno salarios -madrid")) == [kept]


def test_the_language_filter_reads_the_query_in_that_language_only(desk, editor):
    spanish = _claim(desk, "es-MX", "El desempleo bajó al nivel más bajo de la década.")
    _claim(desk, "en", "Unemployment fell again.")

    assert list(claim_search(user=editor, query="bajaron", language="es")) == [spanish]
    assert list(claim_search(user=editor, query="bajaron", language="en")) == []


def test_each_document_is_parsed_in_its_articles_language(desk, editor, reviewer):
    claim = _claim(desk, "es", "Los salarios subieron un 5 por ciento.", title="Los salarios")
    polish = _claim(desk, "pl", "Płace wzrosły o 5 procent.", title="Płace")
    unknown = _claim(desk, "", "Wages rose by 5 percent.", title="Wages")
    task = factories.ReviewTaskFactory(claim=claim)
    reviews.review_tasks_assign(editor=editor, tasks=[task], assignee=reviewer)
    rating = Rating.objects.get(scale__desk=None, label="True")
    reviews.verdict_submit(user=reviewer, task=task, rating=rating, rationale="Los datos oficiales lo confirman.")
    reviews.verdict_approve(editor=editor, task=ReviewTask.objects.get(pk=task.pk))
    reviews.verdict_reopen(editor=editor, task=ReviewTask.objects.get(pk=task.pk), note="Revisar las cifras.")
    verdict = ReviewTask.objects.get(pk=task.pk).verdict

    assert _config_of_document("claims_claim", claim.pk, "text") == "spanish"
    assert _config_of_document("articles_article", claim.article_id, "title") == "spanish"
    assert _config_of_document("reviews_verdict", verdict.pk, "rationale") == "spanish"
    correction = verdict.corrections.get()
    assert _config_of_document("reviews_verdictcorrection", correction.pk, "previous_rationale") == "spanish"
    assert _config_of_document("claims_claim", polish.pk, "text") == "simple"
    assert _config_of_document("claims_claim", unknown.pk, "text") == "english"
    assert list(claim_search(user=editor, query="confirmó dato")) == [claim]


def test_correcting_the_language_parses_the_articles_documents_again(desk, editor):
    claim = _claim(desk, "en", "Os salários subiram em Lisboa.", title="Os salários")

    article_language_set(article=claim.article, user=editor, language="pt-PT")

    assert _config_of_document("claims_claim", claim.pk, "text") == "portuguese"
    assert _config_of_document("articles_article", claim.article_id, "title") == "portuguese"
    assert list(claim_search(user=editor, query="salário")) == [claim]


def test_the_search_api_finds_claims_in_their_language(desk, editor, editor_api):
    spanish = _claim(desk, "es", "El desempleo bajó al nivel más bajo de la década.")

    response = editor_api.get(reverse("api:search"), {"q": "bajaron"})

    assert response.status_code == 200
    assert [row["id"] for row in response.json()["results"]] == [str(spanish.pk)]


@pytest.mark.parametrize("other_languages", [["en"], ["en", "de"]])
def test_a_language_that_reads_only_stop_words_finds_none_of_its_documents(desk, editor, other_languages):
    """ "sobre" is a Spanish stop word; English and German read it as 'sobr', the stem Spanish gives
    "sobras" (leftovers). The Spanish claim is not a match, and was listed first (its rank was NULL)."""
    _claim(desk, "es", "Las sobras de comida llenan los vertederos de la ciudad cada semana.")
    for language in other_languages:
        _claim(desk, language, "The council said food waste fills the city's landfill every week.")

    assert list(claim_search(user=editor, query="sobre")) == []
