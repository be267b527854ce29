"""The import form (and a check started from a reader tip, an import too) counts against the person's
import rate, the one the API's imports spend: past it the form comes back with a 429 that says when to
try again, nothing imported and what was typed kept."""

import pytest
from django.urls import reverse

from apps.articles import tips
from apps.articles.models import Article, IntakeStatus, TipStatus
from apps.core.api import throttling
from tests import factories

pytestmark = pytest.mark.django_db

IMPORT_URL = reverse("articles:import")
API_IMPORT_URL = "/api/v1/articles/import/"


def _text(number: int) -> str:
    return f"Russia and China have vetoed {number} UN Security Council resolutions on Syria since October 2011."


@pytest.fixture
def clock(monkeypatch):
    """The throttles' clock, moved by hand."""
    now = [1_000_000.0]
    monkeypatch.setattr(throttling.PersonRateThrottle, "timer", lambda self: now[0])
    return now


@pytest.fixture
def three_imports_a_minute(settings):
    settings.API_RATES = {"person": "100/minute", "imports": "3/minute", "fetches": None}


def test_imports_past_the_rate_give_the_form_back_with_when_to_try_again(three_imports_a_minute, editor_client, clock):
    for number in range(3):
        assert editor_client.post(IMPORT_URL, {"text": _text(number)}).status_code == 302
    clock[0] += 20

    refused = editor_client.post(IMPORT_URL, {"text": _text(3), "url": ""})

    assert refused.status_code == 429
    assert refused["Retry-After"] == "40"
    assert refused.context["form"].non_field_errors() == [
        "You have imported many articles in a short time. Nothing was imported; try again in 40 seconds."
    ]
    assert 'role="alert"' in refused.content.decode()
    assert _text(3) in refused.content.decode()  # what the person pasted is still in the form
    assert Article.objects.count() == 3

    clock[0] += 40
    assert editor_client.post(IMPORT_URL, {"text": _text(3)}).status_code == 302
    assert Article.objects.count() == 4


def test_the_api_and_the_form_spend_one_count(three_imports_a_minute, editor, editor_client, clock):
    assert editor_client.post(API_IMPORT_URL, {"text": _text(0)}, content_type="application/json").status_code == 201
    assert editor_client.post(IMPORT_URL, {"text": _text(1)}).status_code == 302
    assert editor_client.post(API_IMPORT_URL, {"text": _text(2)}, content_type="application/json").status_code == 201

    assert editor_client.post(IMPORT_URL, {"text": _text(3)}).status_code == 429
    assert editor_client.post(API_IMPORT_URL, {"text": _text(3)}, content_type="application/json").status_code == 429
    assert Article.objects.count() == 3


def test_one_persons_imports_do_not_spend_anothers(three_imports_a_minute, editor_client, desk_admin, client, clock):
    for number in range(3):
        editor_client.post(IMPORT_URL, {"text": _text(number)})
    client.force_login(desk_admin)

    assert client.post(IMPORT_URL, {"text": _text(9)}).status_code == 302


def test_a_form_refused_for_its_content_spends_nothing(three_imports_a_minute, editor_client, clock):
    for _ in range(5):
        assert editor_client.post(IMPORT_URL, {}).status_code == 400

    assert editor_client.post(IMPORT_URL, {"text": _text(0)}).status_code == 302


def test_without_an_import_rate_the_form_is_not_limited(settings, editor_client, clock):
    settings.API_RATES = {"person": "100/minute", "imports": None, "fetches": None}

    assert all(editor_client.post(IMPORT_URL, {"text": _text(n)}).status_code == 302 for n in range(5))


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("es", "Ha importado muchos artículos en poco tiempo. No se importó nada; inténtelo de nuevo en 40 segundos."),
        (
            "fr",
            "Vous avez importé beaucoup d\u2019articles en peu de temps. "
            "Rien n\u2019a été importé\u00a0; réessayez dans 40\u00a0secondes.",
        ),
        ("pt-br", "Você importou muitos artigos em pouco tempo. Nada foi importado; tente de novo em 40 segundos."),
    ],
)
def test_the_refusal_is_in_the_readers_language(three_imports_a_minute, editor_client, clock, language, message):
    for number in range(3):
        editor_client.post(IMPORT_URL, {"text": _text(number)})
    clock[0] += 20

    refused = editor_client.post(IMPORT_URL, {"text": _text(3)}, HTTP_ACCEPT_LANGUAGE=language)

    assert refused.status_code == 429
    assert refused.context["form"].non_field_errors() == [message]


def test_a_check_started_from_a_tip_is_an_import_in_the_same_count(three_imports_a_minute, desk, editor_client, clock):
    desk.takes_tips = True
    desk.save()
    tip = tips.tip_submit(desk=desk, text=_text(9), client_address="198.51.100.1")
    for number in range(3):
        editor_client.post(IMPORT_URL, {"text": _text(number)})

    refused = editor_client.post(reverse("tips:start-check", args=[desk.slug, tip.pk]), follow=True)

    assert refused.redirect_chain == [(reverse("tips:inbox", args=[desk.slug]), 302)]
    assert "You have imported many articles in a short time." in refused.content.decode()
    tip.refresh_from_db()
    assert (tip.status, tip.article) == (TipStatus.NEW, None)
    assert Article.objects.count() == 3


def test_finding_a_failed_articles_claims_again_is_an_import_in_the_same_count(
    three_imports_a_minute, desk, editor_client, clock
):
    failed = factories.ArticleFactory(desk=desk, intake_status=IntakeStatus.FAILED)
    for number in range(3):
        editor_client.post(IMPORT_URL, {"text": _text(number)})

    refused = editor_client.post(reverse("articles:intake-retry", args=[failed.pk]), follow=True)

    assert refused.redirect_chain == [(reverse("articles:detail", args=[failed.pk]), 302)]
    assert "You have imported many articles in a short time." in refused.content.decode()
    failed.refresh_from_db()
    assert failed.intake_status == IntakeStatus.FAILED
