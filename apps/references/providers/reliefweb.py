"""ReliefWeb API v2 (UN OCHA): situation reports with casualty and humanitarian figures.

POST https://api.reliefweb.int/v2/reports?appname=<approved name> with a JSON body:
  {"query": {"value", "operator"}, "filter": {...}, "fields": {"include": [...]}, "limit", "sort"}
Answer: {"href", "time", "totalCount", "count",
         "data": [{"id", "score", "href", "fields": {"title", "url", "body",
                   "date": {"created", "original"}, "source": [{"name", "shortname"}]}}]}
The appname must be pre-approved by ReliefWeb (arbitrary names get 403), so the provider
refuses to run without one rather than sending a made-up name.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from django.conf import settings

from apps.core.http import fetch
from apps.references.providers import Candidate, ProviderError
from apps.references.queries import ClaimQuery

NAME = "reliefweb"


def _date(value: Any) -> dt.date | None:
    try:
        return dt.datetime.fromisoformat(str(value)).date()
    except ValueError:
        return None


def search(query: ClaimQuery) -> list[Candidate]:
    if not settings.RELIEFWEB_APPNAME:
        raise ProviderError("ReliefWeb needs an approved appname (RELIEFWEB_APPNAME).")
    if not query.terms:
        return []
    body: dict[str, Any] = {
        "query": {"value": " ".join(query.terms[:6]), "operator": "OR"},
        "fields": {"include": ["title", "url", "body", "date.original", "source.name"]},
        "limit": settings.REFERENCE_MAX_PER_PROVIDER,
        "sort": ["score:desc", "date.original:desc"],
    }
    window = query.date_window(days_before=90, days_after=30)
    if window:
        body["filter"] = {
            "field": "date.original",
            "value": {"from": f"{window[0]}T00:00:00+00:00", "to": f"{window[1]}T23:59:59+00:00"},
        }
    response = fetch(
        settings.RELIEFWEB_API_URL,
        method="POST",
        params={"appname": settings.RELIEFWEB_APPNAME},
        headers={"Content-Type": "application/json", "Accept": "application/json"},
        body=json.dumps(body).encode(),
    )
    data = response.json()
    if not isinstance(data, dict) or not isinstance(data.get("data"), list):
        raise ProviderError("ReliefWeb answer has no data list.")
    candidates = []
    for item in data["data"]:
        fields = item.get("fields") if isinstance(item, dict) else None
        if not isinstance(fields, dict) or not isinstance(fields.get("url"), str):
            continue
        sources = [s.get("name", "") for s in fields.get("source") or [] if isinstance(s, dict)]
        report_body = str(fields.get("body") or "")
        candidates.append(
            Candidate(
                url=fields["url"],
                title=str(fields.get("title") or fields["url"]),
                provider=NAME,
                publisher=", ".join(filter(None, sources)) or "ReliefWeb",
                published_on=_date((fields.get("date") or {}).get("original")),
                snippet=report_body[:300],
                score=float(item.get("score") or 0),
                text=report_body,
            )
        )
    return candidates
