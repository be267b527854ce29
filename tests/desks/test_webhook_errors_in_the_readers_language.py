"""A webhook delivery's failure, and the reason an endpoint was turned off, are read by each desk
admin in their own language, on the webhook's page and in the API (Accept-Language), while the rows
keep their English text for logs and support; rows from before codes were kept show their text."""

import html

import pytest
from django.urls import reverse
from django.utils import translation

from apps.core import http
from apps.desks.models import WebhookDelivery, WebhookDeliveryStatus, WebhookEndpoint, WebhookEvent
from apps.desks.webhooks import WebhookDeliveryRetry, webhook_delivery_send, webhook_endpoint_create
from tests.api_contract import assert_documented
from tests.desks.test_webhooks import _record
from tests.fakes import FakeResponse, FakeServer, network

pytestmark = pytest.mark.django_db

ANSWERED_410 = {
    "en": "The endpoint answered 410.",
    "es": "El webhook respondió 410.",
    "fr": "Le point de terminaison a répondu 410.",
    "pt-br": "O endpoint respondeu 410.",
}
TURNED_OFF = {
    "en": "Turned off after 2 deliveries in a row failed; the last one: The endpoint answered 410.",
    "es": "Desactivado tras 2 envíos fallidos seguidos; el último: El webhook respondió 410.",
    "fr": "Désactivé après 2 livraisons échouées d\u2019affilée\u00a0; la dernière\u00a0: Le point de terminaison a "
    "répondu 410.",
    "pt-br": "Desligado depois de 2 entregas com falha seguidas; a última: O endpoint respondeu 410.",
}
LOOPBACK = {
    "en": "Refusing to fetch hooks.example.net: it resolves to 127.0.0.1, a loopback address.",
    "es": "No se descarga hooks.example.net: apunta a 127.0.0.1, una dirección de bucle local (loopback).",
    "fr": "hooks.example.net n\u2019est pas téléchargé\u00a0: il pointe vers 127.0.0.1, une adresse de bouclage "
    "(loopback).",
    "pt-br": "Recusando buscar hooks.example.net: ele resolve para 127.0.0.1, um endereço de loopback.",
}


@pytest.fixture(autouse=True)
def network_guard(monkeypatch):
    return network.install(monkeypatch)


@pytest.fixture(autouse=True)
def _fetch_state(in_process_http_state, settings):
    settings.SITE_URL = "https://desk.example.org"


@pytest.fixture
def receiver(settings):
    server = FakeServer({"/hook": FakeResponse(status=410)}).start()
    settings.HTTP_ALLOWED_PRIVATE_HOSTS = [*settings.HTTP_ALLOWED_PRIVATE_HOSTS, server.host]
    yield server
    server.stop()


@pytest.fixture
def turned_off(desk, desk_admin, receiver, settings):
    """An endpoint that answered 410 twice, and was turned off for it."""
    settings.WEBHOOK_DISABLE_AFTER_FAILURES = 2
    endpoint = webhook_endpoint_create(
        actor=desk_admin, desk=desk, url=receiver.url("/hook"), events=[WebhookEvent.VERDICT_APPROVED]
    )
    for _ in range(2):
        webhook_delivery_send(delivery_id=str(_record(desk).pk))
    endpoint.refresh_from_db()
    assert not endpoint.is_active
    return endpoint


def _page(admin_client, endpoint, language: str) -> str:
    page = admin_client.get(
        reverse("desks:webhook_edit", kwargs={"slug": endpoint.desk.slug, "webhook_id": endpoint.pk}),
        headers={"accept-language": language},
    )
    assert page.status_code == 200
    return html.unescape(page.content.decode())


def _api(desk_admin_api, endpoint, language: str | None, path: str = ""):
    headers = {"accept-language": language} if language else {}
    response = desk_admin_api.get(f"/api/v1/desks/{endpoint.desk.slug}/webhooks/{endpoint.pk}/{path}", headers=headers)
    assert response.status_code == 200
    assert_documented(response)
    return response.json()


def test_the_rows_keep_the_english_text_and_the_code(turned_off):
    delivery = WebhookDelivery.objects.filter(endpoint=turned_off).first()

    assert delivery.last_error == ANSWERED_410["en"]
    assert delivery.last_error_detail == {"code": "webhook_status", "params": {"status": 410}}
    assert turned_off.disabled_reason == TURNED_OFF["en"]
    assert turned_off.disabled_reason_detail["code"] == "webhook_turned_off"


@pytest.mark.parametrize("language", ["en", "es", "fr", "pt-br"])
def test_the_webhook_page_says_why_in_the_admins_language(turned_off, admin_client, language):
    page = _page(admin_client, turned_off, language)

    assert ANSWERED_410[language] in page
    assert TURNED_OFF[language] in page
    if language != "en":
        assert ANSWERED_410["en"] not in page


@pytest.mark.parametrize("language", ["es", "fr", "pt-br", None])
def test_the_api_says_why_in_the_clients_language_with_stable_codes(turned_off, desk_admin_api, language):
    wanted = language or "en"

    endpoint = _api(desk_admin_api, turned_off, language)
    deliveries = _api(desk_admin_api, turned_off, language, "deliveries/")["results"]

    assert (endpoint["disabled_reason"], endpoint["disabled_reason_code"]) == (TURNED_OFF[wanted], "webhook_turned_off")
    assert [(row["last_error"], row["last_error_code"]) for row in deliveries] == [
        (ANSWERED_410[wanted], "webhook_status")
    ] * 2


@pytest.mark.parametrize("language", ["en", "es", "fr", "pt-br"])
def test_an_address_refused_at_delivery_names_its_kind_in_the_readers_language(
    desk, desk_admin, admin_client, receiver, settings, monkeypatch, language
):
    settings.HTTP_ALLOWED_PORTS = [80, 443, receiver.port]
    answers = {"hooks.example.net": "93.184.215.14"}
    monkeypatch.setattr(http, "system_resolver", lambda host, port: [answers[host]])
    endpoint = webhook_endpoint_create(
        actor=desk_admin,
        desk=desk,
        url=f"http://hooks.example.net:{receiver.port}/hook",
        events=[WebhookEvent.VERDICT_APPROVED],
    )
    answers["hooks.example.net"] = "127.0.0.1"
    delivery = _record(desk)
    webhook_delivery_send(delivery_id=str(delivery.pk))
    delivery.refresh_from_db()
    assert (delivery.status, delivery.last_error) == (WebhookDeliveryStatus.FAILED, LOOPBACK["en"])

    assert LOOPBACK[language] in _page(admin_client, endpoint, language)


def test_a_wait_the_endpoint_asked_for_follows_the_failure_in_the_same_language(desk, desk_admin, receiver):
    receiver.routes["/hook"] = FakeResponse(status=503, headers={"Retry-After": "240"})
    webhook_endpoint_create(
        actor=desk_admin, desk=desk, url=receiver.url("/hook"), events=[WebhookEvent.VERDICT_APPROVED]
    )
    delivery = _record(desk)
    with pytest.raises(WebhookDeliveryRetry, match="Retry-After"):
        webhook_delivery_send(delivery_id=str(delivery.pk))
    delivery.refresh_from_db()

    assert delivery.last_error == "127.0.0.1 answered 503. It asked to wait 240 s (Retry-After)."
    with translation.override("es"):
        assert delivery.last_error_for_reader == ("127.0.0.1 respondió 503. Pidió esperar 240 s (Retry-After).")


def test_failures_stored_before_codes_were_kept_show_their_stored_text(desk, admin_client, desk_admin_api):
    endpoint = WebhookEndpoint.objects.create(
        desk=desk,
        url="https://hooks.example.org/in",
        events=[WebhookEvent.VERDICT_APPROVED],
        is_active=False,
        disabled_reason="Turned off long ago.",
    )
    WebhookDelivery.objects.create(
        endpoint=endpoint,
        event="verdict.approved",
        payload={},
        summary="s",
        status=WebhookDeliveryStatus.FAILED,
        last_error="The endpoint answered 400.",
    )

    page = _page(admin_client, endpoint, "es")
    assert "The endpoint answered 400." in page
    assert "Turned off long ago." in page
    row = _api(desk_admin_api, endpoint, "es", "deliveries/")["results"][0]
    assert (row["last_error"], row["last_error_code"]) == ("The endpoint answered 400.", "")
    body = _api(desk_admin_api, endpoint, "es")
    assert (body["disabled_reason"], body["disabled_reason_code"]) == ("Turned off long ago.", "")


@pytest.mark.parametrize("language", ["es", "fr"])
def test_the_django_admin_says_why_a_delivery_failed_in_the_admins_language(turned_off, root_client, language):
    delivery = WebhookDelivery.objects.filter(endpoint=turned_off).first()

    page = root_client.get(
        reverse("admin:desks_webhookdelivery_change", args=[delivery.pk]), headers={"accept-language": language}
    )

    assert page.status_code == 200
    assert ANSWERED_410[language] in html.unescape(page.content.decode())
