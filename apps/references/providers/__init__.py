"""Reference providers: each asks one source for documents that bear on a claim.

A provider is a function `search(query: ClaimQuery) -> list[Candidate]`. It raises
`apps.core.http.FetchError` (network, refusal) or `ProviderError` (an answer we cannot use);
`claim_references_gather` records either per provider, so one failing source never blocks the
others. Every outside request goes through `apps.core.http.fetch`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from apps.references.queries import ClaimQuery


@dataclass
class Candidate:
    url: str
    title: str
    provider: str
    publisher: str = ""
    snippet: str = ""
    score: float = 0.0
    published_on: dt.date | None = None
    # Text to look for evidence passages in (a page extract, a report body); may be empty.
    text: str = ""


class ProviderError(Exception):
    """The service answered, but not in the documented shape (or with an error object)."""

    def __init__(self, message: str, *, transient: bool = False):
        super().__init__(message)
        self.transient = transient


Provider = Callable[[ClaimQuery], list[Candidate]]


def provider_registry() -> dict[str, Provider]:
    # Imported here so a provider module may import settings-dependent helpers freely.
    from apps.references.providers import factcheck_tools, gdelt, local_library, reliefweb, wikidata, wikipedia

    return {
        "local_library": local_library.search,
        "wikipedia": wikipedia.search,
        "reliefweb": reliefweb.search,
        "google_factcheck": factcheck_tools.search,
        "gdelt": gdelt.search,
        "wikidata": wikidata.search,
    }
