"""Google Fact Check Tools `claims:search`: earlier ClaimReviews of the same claim.

GET https://factchecktools.googleapis.com/v1alpha1/claims:search?query=..&languageCode=en&key=..
Answer: {"claims": [{"text", "claimant", "claimDate",
                     "claimReview": [{"publisher": {"name", "site"}, "url", "title",
                                      "reviewDate", "textualRating", "languageCode"}]}],
         "nextPageToken"}; no match is {}.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings

from apps.core.http import fetch
from apps.references.providers import Candidate, ProviderError
from apps.references.queries import ClaimQuery

NAME = "google_factcheck"


def _date(value: Any) -> dt.date | None:
    try:
        return dt.datetime.fromisoformat(str(value).replace("Z", "+00:00")).date()
    except ValueError:
        return None


def search(query: ClaimQuery) -> list[Candidate]:
    if not settings.GOOGLE_FACTCHECK_API_KEY:
        raise ProviderError("Google Fact Check Tools needs an API key (GOOGLE_FACTCHECK_API_KEY).")
    if not query.terms:
        return []
    response = fetch(
        settings.GOOGLE_FACTCHECK_API_URL,
        params={
            "query": query.keywords,
            "languageCode": "en",
            "pageSize": settings.REFERENCE_MAX_PER_PROVIDER,
            "key": settings.GOOGLE_FACTCHECK_API_KEY,
        },
    )
    data = response.json()
    if not isinstance(data, dict):
        raise ProviderError("Fact Check Tools answered with something other than a JSON object.")
    claims = data.get("claims", [])
    if not isinstance(claims, list):
        raise ProviderError("Fact Check Tools answer has a malformed claims list.")
    candidates = []
    for claim in claims:
        if not isinstance(claim, dict):
            continue
        for review in claim.get("claimReview") or []:
            if not isinstance(review, dict) or not isinstance(review.get("url"), str):
                continue
            publisher = review.get("publisher") if isinstance(review.get("publisher"), dict) else {}
            rating = review.get("textualRating", "")
            claimant = claim.get("claimant", "")
            summary = f"{claimant + ': ' if claimant else ''}{claim.get('text', '')} — rated “{rating}”"
            candidates.append(
                Candidate(
                    url=review["url"],
                    title=str(review.get("title") or claim.get("text") or review["url"])[:500],
                    provider=NAME,
                    publisher=str(publisher.get("name") or publisher.get("site") or ""),
                    published_on=_date(review.get("reviewDate")),
                    snippet=summary,
                    text=str(claim.get("text", "")),
                )
            )
    return candidates[: settings.REFERENCE_MAX_PER_PROVIDER]
