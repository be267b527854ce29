"""An intake that failed on a worker is explained to each reader in their own language, on the
article's page and in the API (Accept-Language), while the row keeps its English text for logs
and support; an article that failed before codes were kept shows its stored text."""

import datetime as dt
import html

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from apps.articles.models import IntakeStatus
from apps.articles.tasks import article_intake_task
from tests.api_contract import assert_documented
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

ENGLISH = "Finding this article's claims stopped after 3 attempts; each ended without finishing"
IN_THE_READERS_LANGUAGE = {
    "es": "La búsqueda de las afirmaciones de este artículo se detuvo tras 3 intentos; ninguno terminó",
    "fr": "La recherche des affirmations de cet article s\u2019est arrêtée après 3 tentatives\u00a0; aucune n\u2019a "
    "abouti",
    "pt-br": "A busca das alegações deste artigo parou depois de 3 tentativas; nenhuma terminou",
}


@pytest.fixture
def failed_article(settings, desk):
    """An article whose intake the worker gave up on (its earlier attempts never finished)."""
    article = ArticleFactory(
        desk=desk,
        intake_status=IntakeStatus.RUNNING,
        intake_attempts=settings.ARTICLE_INTAKE_MAX_ATTEMPTS,
        intake_started_at=timezone.now() - dt.timedelta(hours=2),
    )
    article_intake_task(str(article.pk))
    article.refresh_from_db()
    assert article.intake_status == IntakeStatus.FAILED
    return article


def _page(editor, article, language: str) -> str:
    client = Client()
    client.force_login(editor)
    page = client.get(reverse("articles:detail", args=[article.pk]), headers={"accept-language": language})
    assert page.status_code == 200
    return html.unescape(page.content.decode())


def test_the_stored_failure_stays_in_english_with_its_code(failed_article):
    assert failed_article.intake_error.startswith(ENGLISH)
    assert failed_article.intake_error_detail == {"code": "intake_attempts_exhausted", "params": {"attempts": 3}}


@pytest.mark.parametrize("language", ["es", "fr", "pt-br"])
def test_the_article_page_says_why_in_the_readers_language(failed_article, editor, language):
    page = _page(editor, failed_article, language)

    assert IN_THE_READERS_LANGUAGE[language] in page
    assert ENGLISH not in page


def test_the_article_page_says_why_in_english_by_default(failed_article, editor):
    assert ENGLISH in _page(editor, failed_article, "en")


@pytest.mark.parametrize("language", ["es", "fr", "pt-br"])
def test_the_api_says_why_in_the_clients_language_with_a_stable_code(failed_article, editor_api, language):
    response = editor_api.get(f"/api/v1/articles/{failed_article.pk}/", headers={"accept-language": language})

    assert response.status_code == 200
    assert response.json()["intake_error"].startswith(IN_THE_READERS_LANGUAGE[language])
    assert response.json()["intake_error_code"] == "intake_attempts_exhausted"
    assert_documented(response)


def test_the_api_says_why_in_english_by_default(failed_article, editor_api):
    body = editor_api.get(f"/api/v1/articles/{failed_article.pk}/").json()

    assert body["intake_error"] == failed_article.intake_error
    assert body["intake_error_code"] == "intake_attempts_exhausted"
    listed = editor_api.get("/api/v1/articles/", headers={"accept-language": "es"}).json()["results"]
    assert listed[0]["intake_error"].startswith(IN_THE_READERS_LANGUAGE["es"])


def test_a_failure_stored_before_codes_were_kept_shows_its_stored_text(desk, editor, editor_api):
    old = ArticleFactory(desk=desk, intake_status=IntakeStatus.FAILED, intake_error="The old worker broke.")

    assert "The old worker broke." in _page(editor, old, "es")
    body = editor_api.get(f"/api/v1/articles/{old.pk}/", headers={"accept-language": "es"}).json()
    assert (body["intake_error"], body["intake_error_code"]) == ("The old worker broke.", "")


def test_trying_again_clears_the_failure_and_its_code(failed_article, editor_api):
    response = editor_api.post(f"/api/v1/articles/{failed_article.pk}/retry-intake/")

    failed_article.refresh_from_db()
    assert response.status_code == 202, response.content
    assert (failed_article.intake_error, failed_article.intake_error_detail) == ("", {})
