"""Why a reference's page could not be read, and why a claim's reference job failed, are given to
each API client in its language (Accept-Language), with a stable code, while the rows keep their
English text for logs and support; rows from before codes were kept give their stored text."""

from urllib.parse import urlsplit

import pytest
from django.utils import translation

from apps.references.api.serializers import ReferenceJobOutputSerializer
from apps.references.models import FetchStatus, JobStatus, ReferenceJob
from apps.references.services import ReferenceGatherIncomplete, claim_references_gather, reference_document_read
from tests.api_contract import assert_documented
from tests.factories import ClaimFactory, LibraryDocumentFactory, ReferenceFactory, ReferenceJobFactory
from tests.fakes import FakeResponse

pytestmark = pytest.mark.django_db

VETO_TEXT = "Russia and China have vetoed three UN Security Council resolutions on Syria since October 2011."


@pytest.fixture
def site(fake_server):
    return fake_server({"/robots.txt": FakeResponse(body="User-agent: *\nDisallow: /\n")})


@pytest.fixture
def refused(site, desk):
    """A reference whose page robots.txt keeps the reader from."""
    reference = ReferenceFactory(claim__article__desk=desk, url=site.url("/page"), provider="gdelt")
    read = reference_document_read(reference_id=str(reference.id))
    assert read.fetch_status == FetchStatus.FAILED
    return read


def _refusal(site) -> dict[str, str]:
    host, shown = urlsplit(site.url("/")).hostname, site.url("/page")
    return {
        "en": f"{host}'s robots.txt does not allow fetching {shown}.",
        "es": f"El robots.txt de {host} no permite descargar {shown}.",
        "fr": f"Le robots.txt de {host} n\u2019autorise pas la récupération de {shown}.",
        "pt-br": f"O robots.txt de {host} não permite baixar {shown}.",
    }


def test_the_reference_keeps_the_english_text_and_the_code(site, refused):
    assert refused.stance_details["document_error"] == _refusal(site)["en"]
    assert refused.stance_details["document_error_detail"]["code"] == "robots_refused"


@pytest.mark.parametrize("language", ["es", "fr", "pt-br", None])
def test_the_api_says_why_a_page_was_not_read_in_the_clients_language(site, refused, editor_api, language):
    headers = {"accept-language": language} if language else {}
    response = editor_api.get(f"/api/v1/references/{refused.pk}/", headers=headers)

    assert response.status_code == 200
    assert_documented(response)
    body = response.json()
    assert (body["document_error"], body["document_error_code"]) == (_refusal(site)[language or "en"], "robots_refused")
    assert body["stance_details"]["document_error"] == _refusal(site)["en"]


def test_a_page_failure_stored_before_codes_were_kept_gives_its_stored_text(desk, editor_api):
    old = ReferenceFactory(
        claim__article__desk=desk, fetch_status=FetchStatus.FAILED, stance_details={"document_error": "Old reason."}
    )

    body = editor_api.get(f"/api/v1/references/{old.pk}/", headers={"accept-language": "es"}).json()

    assert (body["document_error"], body["document_error_code"]) == ("Old reason.", "")
    read = editor_api.get(f"/api/v1/references/{ReferenceFactory(claim=old.claim).pk}/").json()
    assert (read["document_error"], read["document_error_code"]) == ("", "")


def _job_output(job: ReferenceJob, language: str) -> dict:
    with translation.override(language):
        return ReferenceJobOutputSerializer(job).data


def test_a_job_that_gave_up_says_so_in_the_readers_language(settings, desk):
    settings.REFERENCE_PROVIDERS = ["local_library"]
    LibraryDocumentFactory()
    claim = ClaimFactory(article__desk=desk, text=VETO_TEXT)
    ReferenceJobFactory(claim=claim, status=JobStatus.RUNNING, attempts=settings.REFERENCE_JOB_MAX_ATTEMPTS)

    claim_references_gather(claim_id=str(claim.id))

    job = ReferenceJob.objects.get(claim=claim)
    assert job.last_error == "Gave up after 3 attempts (the worker crashed or timed out)."
    assert {language: _job_output(job, language)["last_error"] for language in ("es", "fr", "pt-br")} == {
        "es": "Se abandonó tras 3 intentos (el proceso falló o agotó su tiempo).",
        "fr": "Abandon après 3 tentatives (le processus a planté ou dépassé son temps).",
        "pt-br": "Desistiu depois de 3 tentativas (o worker travou ou esgotou o tempo).",
    }
    assert _job_output(job, "en")["last_error_code"] == "reference_job_gave_up"


def test_a_job_whose_sources_failed_names_each_failure_in_the_readers_language(settings, desk, fake_server):
    server = fake_server({"/w/api.php": FakeResponse(status=503, body="busy")})
    settings.WIKIPEDIA_API_URL = server.url("/w/api.php")
    settings.HTTP_RETRIES = 0
    settings.REFERENCE_PROVIDERS = ["wikipedia"]
    claim = ClaimFactory(article__desk=desk, text=VETO_TEXT)
    ReferenceJobFactory(claim=claim, attempts=settings.REFERENCE_JOB_MAX_ATTEMPTS - 1)
    host = urlsplit(server.url("/")).hostname

    job = claim_references_gather(claim_id=str(claim.id)).job

    assert job.last_error == f"wikipedia: {host} answered 503."
    assert _job_output(job, "es")["last_error"] == f"wikipedia: {host} respondió 503."
    assert _job_output(job, "fr")["last_error"] == f"wikipedia\u00a0: {host} a répondu 503."
    assert _job_output(job, "es")["last_error_code"] == "reference_provider_failed"


def test_a_job_failure_stored_before_codes_were_kept_gives_its_stored_text(desk):
    job = ReferenceJobFactory(claim=ClaimFactory(article__desk=desk), status=JobStatus.FAILED, last_error="boom")

    assert (_job_output(job, "es")["last_error"], _job_output(job, "es")["last_error_code"]) == ("boom", "")


def test_each_sources_failure_is_given_in_the_readers_language_with_its_code(settings, desk, fake_server, editor_api):
    server = fake_server({"/w/api.php": FakeResponse(status=503, body="busy")})
    settings.WIKIPEDIA_API_URL = server.url("/w/api.php")
    settings.HTTP_RETRIES = 0
    settings.REFERENCE_PROVIDERS = ["wikipedia"]
    claim = ClaimFactory(article__desk=desk, text=VETO_TEXT)
    ReferenceJobFactory(claim=claim, attempts=settings.REFERENCE_JOB_MAX_ATTEMPTS - 1)
    host = urlsplit(server.url("/")).hostname

    job = claim_references_gather(claim_id=str(claim.id)).job

    assert job.provider_errors == {"wikipedia": f"{host} answered 503."}
    assert _job_output(job, "es")["provider_errors"] == {"wikipedia": f"{host} respondió 503."}
    assert _job_output(job, "fr")["provider_errors"] == {"wikipedia": f"{host} a répondu 503."}
    assert _job_output(job, "es")["provider_error_codes"] == {"wikipedia": "upstream_unavailable"}


def test_a_job_waiting_to_ask_a_source_again_gives_its_failure_in_the_clients_language(
    settings, desk, fake_server, editor_api
):
    server = fake_server({"/w/api.php": FakeResponse(status=503, body="busy")})
    settings.WIKIPEDIA_API_URL = server.url("/w/api.php")
    settings.HTTP_RETRIES = 0
    settings.REFERENCE_PROVIDERS = ["wikipedia"]
    claim = ClaimFactory(article__desk=desk, text=VETO_TEXT)
    ReferenceJobFactory(claim=claim)
    host = urlsplit(server.url("/")).hostname
    with pytest.raises(ReferenceGatherIncomplete):
        claim_references_gather(claim_id=str(claim.id))

    # Asking again while the job waits for its retry gives the job as it is.
    response = editor_api.post(f"/api/v1/claims/{claim.pk}/refresh-references/", headers={"accept-language": "pt-br"})

    assert response.status_code == 202
    assert_documented(response)
    body = response.json()
    assert (body["status"], body["provider_errors"]) == ("pending", {"wikipedia": f"{host} respondeu 503."})
    assert body["provider_error_codes"] == {"wikipedia": "upstream_unavailable"}


def test_source_failures_stored_before_codes_were_kept_give_their_stored_text(desk):
    job = ReferenceJobFactory(
        claim=ClaimFactory(article__desk=desk), status=JobStatus.FAILED, provider_errors={"wikipedia": "503"}
    )

    assert _job_output(job, "es")["provider_errors"] == {"wikipedia": "503"}
    assert _job_output(job, "es")["provider_error_codes"] == {"wikipedia": ""}
