"""A URL refused for its address reads in the reader's language, the kind of address included
("una dirección de bucle local"), on the import form, over the API with Accept-Language, for a
webhook and for evidence; without Accept-Language the API answers in English as before, and what
is logged or stored stays English."""

import pytest
from django.urls import reverse
from django.utils import translation

from apps.articles.models import Article
from apps.core import http
from apps.reviews.models import TaskStatus
from tests.factories import ClaimFactory, ReviewTaskFactory
from tests.fakes import FakeResponse, FakeServer

pytestmark = pytest.mark.django_db

SPANISH = {"accept-language": "es"}
IMPORT_API = "/api/v1/articles/import/"


def _form_errors(response) -> list[str]:
    form = response.context["form"]
    return form.non_field_errors() + [error for field in form for error in field.errors]


@pytest.mark.parametrize(
    ("url", "refusal"),
    [
        (
            "http://127.0.0.1/article",
            "No se pudo importar http://127.0.0.1/article: No se descarga 127.0.0.1: apunta a 127.0.0.1, "
            "una dirección de bucle local (loopback).",
        ),
        (
            "http://169.254.10.1/article",
            "No se pudo importar http://169.254.10.1/article: No se descarga 169.254.10.1: apunta a 169.254.10.1, "
            "una dirección de enlace local.",
        ),
        (
            "http://[::ffff:10.0.0.1]/article",
            "No se pudo importar http://[::ffff:10.0.0.1]/article: No se descarga ::ffff:10.0.0.1: apunta a "
            "::ffff:a00:1, que lleva dentro 10.0.0.1, una dirección privada.",
        ),
        (
            "http://example.org:8080/article",
            "No se pudo importar http://example.org:8080/article: El puerto 8080 no está permitido; solo 80, 443.",
        ),
    ],
)
def test_the_import_form_in_spanish_names_the_refused_address_in_spanish(editor_client, url, refusal):
    response = editor_client.post(reverse("articles:import"), {"url": url}, headers=SPANISH)

    assert response.status_code in (400, 422)
    assert refusal in _form_errors(response)
    assert not Article.objects.exists()


def test_the_import_api_answers_in_spanish_for_accept_language_es_and_in_english_without(editor_api, desk):
    refused = {"url": "http://10.1.2.3/article", "desk": desk.slug}

    spanish = editor_api.post(IMPORT_API, refused, format="json", headers=SPANISH)
    english = editor_api.post(IMPORT_API, refused, format="json")

    assert spanish.status_code == english.status_code == 422
    assert spanish.json()["message"] == (
        "No se pudo importar http://10.1.2.3/article: No se descarga 10.1.2.3: apunta a 10.1.2.3, "
        "una dirección privada."
    )
    assert english.json()["message"] == (
        "Could not import http://10.1.2.3/article: Refusing to fetch 10.1.2.3: it resolves to 10.1.2.3, "
        "a private address."
    )


def test_a_webhook_url_refused_over_the_api_reads_in_spanish(desk, desk_admin_api):
    response = desk_admin_api.post(
        f"/api/v1/desks/{desk.slug}/webhooks/",
        {"url": "http://127.0.0.1/hook", "events": ["verdict.approved"]},
        format="json",
        headers=SPANISH,
    )

    assert response.status_code == 400
    assert response.json()["message"] == (
        "Esta URL no puede recibir webhooks: No se descarga 127.0.0.1: apunta a 127.0.0.1, "
        "una dirección de bucle local (loopback)."
    )


def test_evidence_at_a_private_address_is_refused_in_spanish(desk, reviewer, reviewer_api):
    task = ReviewTaskFactory(claim=ClaimFactory(article__desk=desk), assignee=reviewer, status=TaskStatus.ASSIGNED)

    response = reviewer_api.post(
        reverse("api:claim-reference-add", args=[task.claim.pk]),
        {"url": "http://169.254.169.254/latest/meta-data/"},
        format="json",
        headers=SPANISH,
    )

    assert response.status_code == 400
    assert response.json()["extra"]["fields"]["url"] == [
        "La URL apunta a una dirección de metadatos de la nube; cite dónde puede leer el documento el público."
    ]


@pytest.fixture
def upstream(settings, in_process_http_state):
    """A web server on this machine that the fetcher may reach, answering each path as told."""
    servers = []

    def start(routes):
        server = FakeServer(routes).start()
        servers.append(server)
        settings.HTTP_ALLOWED_PRIVATE_HOSTS = [server.host]
        settings.HTTP_ALLOWED_PORTS = [server.port]
        settings.HTTP_RETRIES = 0
        return server

    yield start
    for server in servers:
        server.stop()


@pytest.mark.parametrize(
    ("answer", "spanish", "english"),
    [
        (
            FakeResponse.html("Gone", status=404),
            "{host} respondió 404 para {url}.",
            "{host} answered 404 for {url}.",
        ),
        (
            FakeResponse(body=b"%PDF-1.7", headers={"Content-Type": "application/pdf"}),
            "{url} es application/pdf, no una página web.",
            "{url} is application/pdf, not a web page.",
        ),
        (
            FakeResponse.redirect("/story"),
            "{url} redirigió más de 5 veces.",
            "{url} redirected more than 5 times.",
        ),
    ],
)
def test_a_page_the_fetcher_could_not_use_is_explained_in_each_readers_language(
    editor_client, editor_api, desk, upstream, answer, spanish, english
):
    server = upstream({"/story": answer})
    url = server.url("/story")
    names = {"host": "127.0.0.1", "url": url}

    form = editor_client.post(reverse("articles:import"), {"url": url}, headers=SPANISH)
    api = editor_api.post(IMPORT_API, {"url": url, "desk": desk.slug}, format="json")

    assert f"No se pudo importar {url}: {spanish.format(**names)}" in _form_errors(form)
    assert api.json()["message"] == f"Could not import {url}: {english.format(**names)}"


def test_the_refusal_kept_for_logs_and_records_is_english_whatever_the_readers_language():
    with translation.override("es"), pytest.raises(http.AddressNotAllowedError) as refused:
        http.target_check("http://[::1]/")

    assert str(refused.value) == "Refusing to fetch ::1: it resolves to ::1, a loopback address."
    assert refused.value.for_reader == "No se descarga ::1: apunta a ::1, una dirección de bucle local (loopback)."


@pytest.mark.parametrize("kind", sorted({kind for _network, kind in http._DENIED_NETWORKS} | {"not globally routable"}))
def test_every_kind_of_refused_address_has_its_own_spanish_words(kind):
    english = http.AddressRefusal(kind).kind_for_reader()
    with translation.override("es"):
        spanish = http.AddressRefusal(kind).kind_for_reader()

    assert english.endswith("address") or english.startswith("an address")
    assert spanish.startswith("una dirección")
