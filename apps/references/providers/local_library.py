"""The desk's own reference library, ranked by full-text match.

The database narrows the library to the best-matching documents with its own full-text engine
(PostgreSQL tsvector, SQLite FTS5; `apps.references.search`); passages within them are then
ranked with BM25 when the references are stored.
"""

from __future__ import annotations

from django.db.models import Q

from apps.references.models import LibraryDocument
from apps.references.providers import Candidate
from apps.references.queries import ClaimQuery
from apps.references.search import library_document_ids_matching

MAX_DOCUMENTS = 50
NAME = "local_library"


def search(query: ClaimQuery) -> list[Candidate]:
    visible = LibraryDocument.objects.filter(Q(desk__isnull=True) | Q(desk_id=query.desk_id))
    ids = library_document_ids_matching(visible, list(query.terms), limit=MAX_DOCUMENTS)
    documents = {document.pk: document for document in LibraryDocument.objects.filter(pk__in=ids)}
    candidates = []
    # A document deleted between the two queries is simply not a candidate.
    for rank, document in enumerate(documents[pk] for pk in ids if pk in documents):
        candidates.append(
            Candidate(
                url=document.url,
                title=document.title,
                provider=NAME,
                publisher=document.publisher,
                published_on=document.published_on,
                snippet=document.body[:300],
                score=1.0 / (rank + 1),
                text=f"{document.title}. {document.body}",
            )
        )
    return candidates
