"""Wikipedia through the MediaWiki Action API: full-text search, then plain-text extracts.

Shapes (formatversion=2):
  list=search   -> {"batchcomplete": true, "continue": {...},
                    "query": {"searchinfo": {"totalhits": n},
                              "search": [{"ns", "title", "pageid", "size", "wordcount",
                                          "snippet", "timestamp"}]}}
  prop=extracts -> {"query": {"pages": [{"pageid", "ns", "title", "extract"}]}}
  errors        -> {"error": {"code": "ratelimited" | "maxlag" | ..., "info": "..."}}

Wikimedia asks for a descriptive User-Agent with contact (the fetcher sends one) and serial
requests (the per-host interval in the fetcher keeps them apart).
"""

from __future__ import annotations

import html
import re
from typing import Any
from urllib.parse import quote

from django.conf import settings

from apps.core.http import fetch
from apps.references.providers import Candidate, ProviderError
from apps.references.queries import ClaimQuery

NAME = "wikipedia"
TRANSIENT_CODES = {"ratelimited", "maxlag", "readonly", "internal_api_error_DBQueryTimeoutError"}
_TAG = re.compile(r"<[^>]+>")


def _api(params: dict[str, Any]) -> dict[str, Any]:
    response = fetch(
        settings.WIKIPEDIA_API_URL,
        params={**params, "format": "json", "formatversion": "2", "maxlag": "5"},
        use_cache=True,
    )
    data = response.json()
    if not isinstance(data, dict):
        raise ProviderError("Wikipedia answered with something other than a JSON object.")
    if "error" in data:
        error = data["error"] if isinstance(data["error"], dict) else {}
        code = str(error.get("code", "unknown"))
        raise ProviderError(f"Wikipedia error {code}: {error.get('info', '')}", transient=code in TRANSIENT_CODES)
    return data


def _plain(snippet: str) -> str:
    return html.unescape(_TAG.sub("", snippet))


def search(query: ClaimQuery) -> list[Candidate]:
    if not query.terms:
        return []
    data = _api(
        {
            "action": "query",
            "list": "search",
            "srsearch": query.keywords,
            "srlimit": str(settings.REFERENCE_MAX_PER_PROVIDER),
            "srprop": "snippet|timestamp",
        }
    )
    results = data.get("query", {}).get("search") if isinstance(data.get("query"), dict) else None
    if not isinstance(results, list):
        raise ProviderError("Wikipedia search answer has no query.search list.")
    hits = [hit for hit in results if isinstance(hit, dict) and isinstance(hit.get("title"), str)]
    if not hits:
        return []

    extracts: dict[str, str] = {}
    pages = _api(
        {
            "action": "query",
            "prop": "extracts",
            "explaintext": "1",
            "exintro": "1",
            "titles": "|".join(hit["title"] for hit in hits),
        }
    )
    for page in (pages.get("query") or {}).get("pages") or []:
        if isinstance(page, dict) and isinstance(page.get("extract"), str):
            extracts[page.get("title", "")] = page["extract"]

    candidates = []
    for rank, hit in enumerate(hits):
        title = hit["title"]
        candidates.append(
            Candidate(
                url=settings.WIKIPEDIA_ARTICLE_URL.format(title=quote(title.replace(" ", "_"))),
                title=title,
                provider=NAME,
                publisher="Wikipedia",
                snippet=_plain(str(hit.get("snippet", ""))),
                score=1.0 / (rank + 1),
                text=extracts.get(title, ""),
            )
        )
    return candidates
