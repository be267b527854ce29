"""Exports say which language a fact-check is in, and name ratings in it when the desk gave a label."""

import csv
import io
import json

import pytest
from django.urls import reverse

from apps.reports.selectors import report_build
from apps.reports.services import report_export
from apps.reviews import services as reviews
from tests import factories
from tests.rating_labels import labelled_desk_scale, relabel

pytestmark = pytest.mark.django_db

BODY = "Rusia y China han vetado tres resoluciones del Consejo de Seguridad sobre Siria, dijo el ministro."


@pytest.fixture
def false_rating(desk, desk_admin):
    scale = labelled_desk_scale(desk, desk_admin, {"False": {"es": "Falso", "fr": "Faux"}})
    return scale.ratings.get(label="False")


def _checked_article(desk, editor, reviewer, rating, language):
    article = factories.ArticleFactory(desk=desk, body=BODY, title="Vetos en la ONU", language=language)
    claim = factories.ClaimFactory(article=article, text=BODY[:60], start=0, end=60)
    task = factories.ReviewTaskFactory(claim=claim)
    reviews.review_tasks_assign(editor=editor, tasks=[task], assignee=reviewer)
    reviews.verdict_submit(user=reviewer, task=task, rating=rating, rationale="Fueron cuatro.", reference_ids=[])
    reviews.verdict_approve(editor=editor, task=task)
    return article


def _export(article, export_format):
    return report_export(report=report_build(article=article), export_format=export_format).content


def test_claimreview_names_the_language_and_the_rating_in_it(desk, editor, reviewer, false_rating):
    article = _checked_article(desk, editor, reviewer, false_rating, "es")

    item = json.loads(_export(article, "claimreview"))[0]

    assert item["inLanguage"] == "es"
    assert item["reviewRating"]["alternateName"] == "Falso"


def test_a_regional_article_uses_its_base_languages_label(desk, editor, reviewer, false_rating):
    article = _checked_article(desk, editor, reviewer, false_rating, "es-MX")

    item = json.loads(_export(article, "claimreview"))[0]

    assert (item["inLanguage"], item["reviewRating"]["alternateName"]) == ("es-MX", "Falso")


def test_a_language_without_a_label_gets_the_default_label(desk, editor, reviewer, false_rating):
    article = _checked_article(desk, editor, reviewer, false_rating, "de")

    item = json.loads(_export(article, "claimreview"))[0]

    assert (item["inLanguage"], item["reviewRating"]["alternateName"]) == ("de", "False")


def test_an_article_of_no_known_language_has_no_in_language(desk, editor, reviewer, false_rating):
    article = _checked_article(desk, editor, reviewer, false_rating, "")

    item = json.loads(_export(article, "claimreview"))[0]

    assert "inLanguage" not in item
    assert item["reviewRating"]["alternateName"] == "False"


def test_json_and_csv_carry_the_language_and_the_label_in_it(desk, editor, reviewer, false_rating):
    article = _checked_article(desk, editor, reviewer, false_rating, "fr")

    report = json.loads(_export(article, "json"))
    rows = list(csv.DictReader(io.StringIO(_export(article, "csv"))))

    assert report["article"]["language"] == "fr"
    assert (report["claims"][0]["language"], report["claims"][0]["rating"]) == ("fr", "Faux")
    assert (rows[0]["language"], rows[0]["rating"]) == ("fr", "Faux")


def test_html_marks_the_articles_text_with_its_language(desk, editor, reviewer, false_rating):
    article = _checked_article(desk, editor, reviewer, false_rating, "es")

    html = _export(article, "html")

    assert '<h1 lang="es">Vetos en la ONU</h1>' in html
    assert '<div class="body" lang="es">' in html
    assert '<span class="rating">Falso</span>' in html


def test_markdown_uses_the_label_in_the_articles_language(desk, editor, reviewer, false_rating):
    article = _checked_article(desk, editor, reviewer, false_rating, "es")

    assert "**Falso**" in _export(article, "md")


def test_claims_carry_their_articles_language_and_filter_by_it(editor_api, desk):
    spanish = factories.ClaimFactory(article=factories.ArticleFactory(desk=desk, language="es"))
    factories.ClaimFactory(article=factories.ArticleFactory(desk=desk, language="en"))

    everything = editor_api.get(reverse("api:claim-list")).json()["results"]
    filtered = editor_api.get(reverse("api:claim-list"), {"language": "es"}).json()["results"]

    assert sorted(claim["language"] for claim in everything) == ["en", "es"]
    assert [claim["id"] for claim in filtered] == [str(spanish.pk)]
    assert editor_api.get(reverse("api:claim-list"), {"language": "??"}).status_code == 400


def test_search_filters_by_the_articles_language(editor_api, client, editor, desk):
    spanish = factories.ClaimFactory(article=factories.ArticleFactory(desk=desk, language="pt-BR"), text="Vetoed")
    factories.ClaimFactory(article=factories.ArticleFactory(desk=desk, language="en"), text="Vetoed")

    found = editor_api.get(reverse("api:search"), {"q": "vetoed", "language": "pt"}).json()["results"]
    client.force_login(editor)
    page = client.get(reverse("search"), {"q": "vetoed", "language": "pt-BR"})

    assert [(result["id"], result["article"]["language"]) for result in found] == [(str(spanish.pk), "pt-BR")]
    assert page.status_code == 200
    assert page.content.decode().count('class="card search-result"') == 1
    assert editor_api.get(reverse("api:search"), {"q": "vetoed", "language": "??"}).status_code == 400


def test_an_article_with_script_and_region_uses_its_scripts_label_before_its_base_languages(
    desk, desk_admin, editor, reviewer, false_rating
):
    # RFC 4647 lookup: zh-Hant-TW, then zh-Hant, then zh. Traditional Chinese readers get the
    # Traditional label, not the Simplified one given for plain "zh".
    rating = relabel(desk_admin, false_rating, language_labels={"zh": "错误", "zh-Hant": "錯誤"})
    article = _checked_article(desk, editor, reviewer, rating, "zh-Hant-TW")

    item = json.loads(_export(article, "claimreview"))[0]

    assert item["reviewRating"]["alternateName"] == "錯誤"
