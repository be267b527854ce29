"""A library document deleted while a claim's references are gathered is left out; it failed
the whole gathering with a KeyError (not a provider error, so no other provider's results
were stored either)."""

import pytest

from apps.references import search
from apps.references.models import JobStatus, Reference, ReferenceJob
from apps.references.services import claim_references_gather
from tests.factories import ClaimFactory, LibraryDocumentFactory

pytestmark = pytest.mark.django_db


def test_a_document_deleted_between_the_search_and_the_read_is_left_out(settings, desk, monkeypatch):
    settings.REFERENCE_PROVIDERS = ["local_library"]
    kept = LibraryDocumentFactory(desk=desk)
    deleted = LibraryDocumentFactory(desk=desk)
    matching = search.library_document_ids_matching

    def match_then_delete(documents, terms, *, limit):
        ids = matching(documents, terms, limit=limit)
        deleted.delete()
        return ids

    monkeypatch.setattr("apps.references.providers.local_library.library_document_ids_matching", match_then_delete)
    claim = ClaimFactory(article__desk=desk)

    claim_references_gather(claim_id=str(claim.id))

    assert ReferenceJob.objects.get(claim=claim).status == JobStatus.DONE
    assert list(Reference.objects.filter(claim=claim).values_list("url", flat=True)) == [kept.url]
