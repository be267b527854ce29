"""Full-text narrowing of the reference library in the database's own engine.

Returns the ids of the documents that best match the claim's terms, best first; the passages
are then ranked with BM25 in `evidence`. See migration 0005 for the indexes this relies on.
"""

from __future__ import annotations

import re
from functools import reduce
from operator import or_

from django.db import connection
from django.db.models import BooleanField, FloatField, Q, QuerySet
from django.db.models.expressions import RawSQL

from apps.references.evidence import stem
from apps.references.models import LibraryDocument

_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def _words(terms: list[str]) -> list[str]:
    words = []
    for term in terms:
        words.extend(word.lower() for word in _WORD.findall(term) if len(word) > 1)
    return list(dict.fromkeys(words))


def library_document_ids_matching(documents: QuerySet[LibraryDocument], terms: list[str], *, limit: int) -> list:
    """Ids of `documents` matching any of `terms`, best match first (at most `limit`)."""
    words = _words(terms)
    if not words:
        return []
    if connection.vendor == "postgresql":
        # The same expression as the GIN index, so the index is used; OR of the words. Words
        # are letters and digits only and travel as a parameter.
        tsquery = " | ".join(words)
        vector = "to_tsvector('english', references_librarydocument.title || ' ' || references_librarydocument.body)"
        matches = RawSQL(f"{vector} @@ to_tsquery('english', %s)", (tsquery,), output_field=BooleanField())  # noqa: S611
        rank = RawSQL(f"ts_rank({vector}, to_tsquery('english', %s))", (tsquery,), output_field=FloatField())  # noqa: S611
        ranked = documents.filter(matches).annotate(fts_rank=rank).order_by("-fts_rank")
        return list(ranked.values_list("id", flat=True)[:limit])
    if connection.vendor == "sqlite":
        match = " OR ".join(f'"{word}"' for word in words)
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT d.id FROM references_librarydocument_fts f "
                "JOIN references_librarydocument d ON d.rowid = f.rowid "
                "WHERE references_librarydocument_fts MATCH %s ORDER BY bm25(references_librarydocument_fts) LIMIT %s",
                [match, limit * 4],
            )
            ranked = [row[0] for row in cursor.fetchall()]
        allowed = set(documents.filter(pk__in=ranked).values_list("pk", flat=True))
        return [pk for pk in (LibraryDocument._meta.pk.to_python(value) for value in ranked) if pk in allowed][:limit]
    needles = {stem(word) for word in words if len(stem(word)) >= 3}
    if not needles:
        return []
    condition = reduce(or_, (Q(body__icontains=needle) | Q(title__icontains=needle) for needle in needles))
    return list(documents.filter(condition).values_list("id", flat=True)[:limit])
