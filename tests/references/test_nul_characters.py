"""NUL characters from outside services and pages never reach the database: PostgreSQL text
refuses them, which failed a claim's whole gathering (or its evidence) on every retry."""

import pytest

from apps.references.models import JobStatus, Reference, ReferenceJob
from apps.references.services import claim_references_gather, reference_evidence_extract
from tests.factories import ClaimFactory, ReferenceFactory
from tests.fakes.wikipedia import api_handler

pytestmark = pytest.mark.django_db

VETO_TEXT = "Russia and China have vetoed three UN Security Council resolutions on Syria."
PAGES = {
    "Vetoes\x00 on Syria": "Russia and China have vetoed three\x00 UN Security Council resolutions on Syria since 2011."
}


def _assert_no_nul(reference: Reference) -> None:
    for value in (reference.url, reference.title, reference.snippet, reference.passage, str(reference.stance_details)):
        assert "\x00" not in value


def test_gathering_drops_nul_characters_from_what_a_provider_answers(settings, desk, fake_server):
    server = fake_server({"/w/api.php": api_handler(pages=PAGES)})
    settings.WIKIPEDIA_API_URL = server.url("/w/api.php")
    settings.REFERENCE_PROVIDERS = ["wikipedia"]
    claim = ClaimFactory(article__desk=desk, text=VETO_TEXT)

    result = claim_references_gather(claim_id=str(claim.id))

    assert result.stored == 1
    assert ReferenceJob.objects.get(claim=claim).status == JobStatus.DONE
    reference = Reference.objects.get(claim=claim)
    assert reference.title == "Vetoes on Syria"
    assert "have vetoed three UN Security Council" in reference.passage
    _assert_no_nul(reference)


def test_evidence_drops_nul_characters_from_a_read_page(desk):
    reference = ReferenceFactory(claim__article__desk=desk, claim__text=VETO_TEXT, provider="gdelt")
    page = {"text": PAGES["Vetoes\x00 on Syria"], "content_type": "text/plain"}

    read = reference_evidence_extract(reference_id=str(reference.id), page=page)

    assert "have vetoed three UN Security Council" in read.passage
    _assert_no_nul(read)
