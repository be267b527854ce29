"""An editor's English is trusted at import as it is on correction, and the worker that finds a corrected
article's claims does not announce its import a second time."""

import pytest
from django.urls import reverse

from apps.articles.models import Article, IntakeStatus
from apps.articles.services import (
    article_import_file,
    article_import_text,
    article_intake_retry,
    article_intake_run,
    article_language_set,
)
from apps.claims import services as claim_services
from apps.claims.models import ArticleExtraction, Claim, ExtractionStatus
from apps.desks.models import WebhookDelivery, WebhookEndpoint, WebhookEvent

pytestmark = pytest.mark.django_db

# English, but terse: too few stop words for the English check, which refuses it unless an editor says it is English.
FIGURES = (
    "# Economy in March\n\n"
    "Unemployment fell to 4.1 percent in March, down from 4.5 percent in February, official figures showed. "
    "Inflation rose to 3.2 percent. Exports grew 12 percent, imports 8 percent. Wages climbed 5 percent. "
    "Manufacturing output dropped 2 percent. Retail sales jumped 7 percent. Housing starts slumped 9 percent. "
    "Government debt reached 98 percent of GDP."
)


def _extraction_status(article) -> str:
    return ArticleExtraction.objects.get(article=article).status


@pytest.fixture
def endpoint(desk):
    return WebhookEndpoint.objects.create(
        desk=desk, url="https://hooks.example.org/desk", events=[choice.value for choice in WebhookEvent], secret="s"
    )


def _imported_events(endpoint) -> list[dict]:
    deliveries = WebhookDelivery.objects.filter(endpoint=endpoint, event=WebhookEvent.ARTICLE_IMPORTED)
    return [delivery.payload["data"]["article"] for delivery in deliveries.order_by("created_at")]


def test_english_given_over_the_api_at_import_finds_the_claims_of_terse_english(editor_api):
    response = editor_api.post(
        reverse("api:article-import"), {"desk": "world", "text": FIGURES, "language": "en"}, format="json"
    )

    assert response.status_code == 201
    article = Article.objects.get()
    assert (article.language, article.language_from_editor) == ("en", True)
    assert Claim.objects.filter(article=article).count() == 8
    assert _extraction_status(article) == ExtractionStatus.DONE


def test_english_given_on_the_import_form_finds_the_claims_of_terse_english(client, editor):
    client.force_login(editor)

    client.post(reverse("articles:import"), {"text": FIGURES, "language": "en-GB"})

    article = Article.objects.get()
    assert Claim.objects.filter(article=article).count() == 8


def test_a_long_article_given_as_english_has_its_claims_found_on_the_worker(desk, editor):
    article = article_import_file(
        desk=desk, user=editor, data=FIGURES.encode(), filename="figures.txt", intake_inline=False, language="en"
    ).article

    article_intake_run(article_id=str(article.pk))

    assert Claim.objects.filter(article=article).count() == 8


def test_without_a_language_the_english_check_still_decides(editor_api, client, editor):
    imported = editor_api.post(reverse("api:article-import"), {"desk": "world", "text": FIGURES}, format="json")
    client.force_login(editor)
    client.post(reverse("articles:import"), {"text": FIGURES.replace("March", "April"), "language": ""})

    for article in Article.objects.all():
        assert article.language_from_editor is False
        assert not article.claims.exists()
        assert _extraction_status(article) == ExtractionStatus.UNSUPPORTED_LANGUAGE
    assert imported.json()["language"] == "en"


def test_another_language_given_at_import_is_still_checked(desk, editor):
    article = article_import_text(desk=desk, user=editor, text=FIGURES, language="es").article

    assert article.language_from_editor is True
    assert not article.claims.exists()
    assert _extraction_status(article) == ExtractionStatus.UNSUPPORTED_LANGUAGE


def test_a_long_article_corrected_to_english_is_announced_as_imported_once(settings, desk, editor, endpoint):
    article = article_import_file(
        desk=desk, user=editor, data=FIGURES.encode(), filename="figures.txt", intake_inline=False, language="es"
    ).article
    article_intake_run(article_id=str(article.pk))
    assert [event["claim_count"] for event in _imported_events(endpoint)] == [0]
    settings.ARTICLE_INLINE_INTAKE_MAX_BYTES = 100

    article_language_set(article=Article.objects.get(pk=article.pk), user=editor, language="en")
    article_intake_run(article_id=str(article.pk))

    article.refresh_from_db()
    assert article.intake_status == IntakeStatus.DONE
    assert Claim.objects.filter(article=article).count() == 8
    assert [event["claim_count"] for event in _imported_events(endpoint)] == [0]


def test_a_failed_first_intake_tried_again_is_announced_once(desk, editor, endpoint, monkeypatch):
    article = article_import_file(
        desk=desk, user=editor, data=FIGURES.encode(), filename="figures.txt", intake_inline=False, language="en"
    ).article
    extract = claim_services.extract_claims

    def broken(*args, **kwargs):
        raise RuntimeError("extraction broke")

    monkeypatch.setattr(claim_services, "extract_claims", broken)
    article_intake_run(article_id=str(article.pk))
    assert Article.objects.get(pk=article.pk).intake_status == IntakeStatus.FAILED
    monkeypatch.setattr(claim_services, "extract_claims", extract)
    article_intake_retry(article=Article.objects.get(pk=article.pk), user=editor)

    article_intake_run(article_id=str(article.pk))

    assert [event["claim_count"] for event in _imported_events(endpoint)] == [8]
