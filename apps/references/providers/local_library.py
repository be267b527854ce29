"""The desk's own reference library, ranked by full-text match (BM25 over passages).

Portable across databases: the database narrows the library to documents sharing a key term
with the claim, and the ranking happens here. (PostgreSQL full-text search / SQLite FTS5 can
replace the narrowing step without changing the ranking.)
"""

from __future__ import annotations

from functools import reduce
from operator import or_

from django.db.models import Q

from apps.references.evidence import stem
from apps.references.models import LibraryDocument
from apps.references.providers import Candidate
from apps.references.queries import ClaimQuery

MAX_DOCUMENTS = 200
NAME = "local_library"


def search(query: ClaimQuery) -> list[Candidate]:
    documents = LibraryDocument.objects.filter(Q(desk__isnull=True) | Q(desk_id=query.desk_id))
    # Match on stems so "vetoed" finds "veto"; short stems would match everything.
    needles = {stem(term) for term in query.terms if len(stem(term)) >= 3}
    if needles:
        documents = documents.filter(
            reduce(or_, (Q(body__icontains=needle) | Q(title__icontains=needle) for needle in needles))
        )
    candidates = []
    for document in documents.order_by("-published_on", "title")[:MAX_DOCUMENTS]:
        candidates.append(
            Candidate(
                url=document.url,
                title=document.title,
                provider=NAME,
                publisher=document.publisher,
                published_on=document.published_on,
                snippet=document.body[:300],
                text=f"{document.title}. {document.body}",
            )
        )
    return candidates
