"""Gathering a claim's references again keeps the evidence read from their pages.

A search result with a title only (news and fact-check indexes) gets its passage and stance when
its page is read. Gathering again upserted the reference with the bare search result, which
blanked that passage and stance; the page, marked read, was never read again.
"""

import pytest

from apps.references.models import Reference, Stance
from apps.references.providers import Candidate, gdelt
from apps.references.services import claim_references_gather, claim_references_refresh, reference_evidence_extract
from tests.factories import ClaimFactory

pytestmark = pytest.mark.django_db

TOLL = "The violence has killed at least 40,000 people."
PAGE = (
    "BEIRUT - A monitoring group said on Sunday that more than 40,000 people have been killed in Syria "
    "since the uprising against President Bashar Assad began in March 2011."
)
URL = "https://news.example.org/syria-toll"


@pytest.fixture
def title_only_search(settings, monkeypatch):
    settings.REFERENCE_PROVIDERS = ["gdelt"]
    titles = ["Syria toll passes 40,000"]
    monkeypatch.setattr(
        gdelt, "search", lambda query: [Candidate(url=URL, title=titles[0], provider="gdelt", publisher="Wire")]
    )
    return titles


def test_gathering_again_keeps_the_passage_read_from_the_page(desk, editor, title_only_search):
    claim = ClaimFactory(article__desk=desk, text=TOLL)
    claim_references_gather(claim_id=str(claim.id))
    reference = Reference.objects.get(claim=claim)
    read = reference_evidence_extract(reference_id=str(reference.id), page={"text": PAGE, "content_type": "text/plain"})
    assert read.stance == Stance.SUPPORTS

    title_only_search[0] = "Syria death toll passes 40,000"
    claim_references_refresh(claim=claim, user=editor)
    claim_references_gather(claim_id=str(claim.id))

    again = Reference.objects.get(claim=claim)
    assert again.title == "Syria death toll passes 40,000"
    assert (again.passage, again.stance, again.score) == (read.passage, read.stance, read.score)
    assert again.stance_details == read.stance_details
    assert again.passage_highlights == read.passage_highlights


def test_an_unread_result_is_still_updated_in_full(desk, editor, title_only_search):
    claim = ClaimFactory(article__desk=desk, text=TOLL)
    claim_references_gather(claim_id=str(claim.id))

    title_only_search[0] = "Syria death toll passes 40,000"
    claim_references_refresh(claim=claim, user=editor)
    claim_references_gather(claim_id=str(claim.id))

    assert Reference.objects.get(claim=claim).title == "Syria death toll passes 40,000"
