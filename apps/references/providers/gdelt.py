"""GDELT DOC 2.0 API: news coverage around the article's date.

GET https://api.gdeltproject.org/api/v2/doc/doc?query=..&mode=ArtList&format=json&maxrecords=N
    &startdatetime=YYYYMMDDHHMMSS&enddatetime=..
Answer: {"articles": [{"url", "url_mobile", "title", "seendate": "YYYYMMDDTHHMMSSZ",
          "socialimage", "domain", "language", "sourcecountry"}]}; no match is {}.
GDELT allows about one request per 5 s per IP (the fetcher's per-host interval is 6 s) and
answers over-limit requests with a plain-text notice, sometimes with HTTP 200, so the body is
checked before it is parsed. Terms shorter than 3 characters are rejected by GDELT.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.utils import timezone

from apps.core.http import fetch
from apps.references.providers import Candidate, ProviderError
from apps.references.queries import ClaimQuery

NAME = "gdelt"
SEARCHABLE_DAYS = 90


def _seen_date(value: object) -> dt.date | None:
    try:
        return dt.datetime.strptime(f"{value}+0000", "%Y%m%dT%H%M%SZ%z").date()
    except ValueError:
        return None


def search(query: ClaimQuery) -> list[Candidate]:
    terms = [term for term in query.terms if len(term) >= 3][:5]
    if not terms:
        return []
    params = {
        "query": " ".join(f'"{term}"' if " " in term else term for term in terms),
        "mode": "ArtList",
        "format": "json",
        "maxrecords": str(settings.REFERENCE_MAX_PER_PROVIDER),
        "sort": "HybridRel",
    }
    window = query.date_window()
    if window:
        # The DOC API only searches the last three months: an older story has nothing to find.
        searchable_from = timezone.now().date() - dt.timedelta(days=SEARCHABLE_DAYS)
        if window[1] < searchable_from:
            return []
        params["startdatetime"] = max(window[0], searchable_from).strftime("%Y%m%d000000")
        params["enddatetime"] = window[1].strftime("%Y%m%d235959")
    response = fetch(settings.GDELT_API_URL, params=params)
    body = response.content.strip()
    if not body.startswith(b"{"):
        notice = body[:160].decode("utf-8", errors="replace")
        limited = "limit requests" in notice.lower()
        raise ProviderError(f"GDELT answered in plain text: {notice}", transient=limited)
    data = response.json()
    articles = data.get("articles", []) if isinstance(data, dict) else None
    if not isinstance(articles, list):
        raise ProviderError("GDELT answer has a malformed articles list.")
    candidates = []
    for article in articles:
        if not isinstance(article, dict) or not isinstance(article.get("url"), str):
            continue
        candidates.append(
            Candidate(
                url=article["url"],
                title=str(article.get("title") or article["url"])[:500],
                provider=NAME,
                publisher=str(article.get("domain") or ""),
                published_on=_seen_date(article.get("seendate")),
                snippet=str(article.get("title") or ""),
            )
        )
    return candidates
