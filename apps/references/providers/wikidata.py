"""Wikidata, for claims with a figure: entity search, then the entities' quantity statements.

  action=wbsearchentities&search=..&language=en&uselang=en&limit=N&format=json
    -> {"searchinfo": {"search"}, "search": [{"id", "label", "description", "concepturi", "url"}],
        "success": 1}
  action=wbgetentities&ids=Q1|Q2&props=labels|claims&languages=en&format=json
    -> {"entities": {"Q1": {"labels": {"en": {"value"}}, "claims": {"P1120": [
         {"mainsnak": {"datavalue": {"value": {"amount": "+40000", "unit": "1"}, "type": "quantity"}},
          "qualifiers": {"P585": [{"datavalue": {"value": {"time": "+2012-12-00T00:00:00Z"}}}]},
          "rank": "normal"}]}}}, "success": 1}
Wikidata figures are secondary (read their references before citing), so they come back as
leads with the figure and its date spelled out for the evidence comparison.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings

from apps.core.http import fetch
from apps.references.providers import Candidate, ProviderError
from apps.references.queries import ClaimQuery

NAME = "wikidata"
# Quantity properties a news claim's figure can be checked against.
PROPERTIES = {
    "P1120": "number of deaths",
    "P1339": "number of injured",
    "P1082": "population",
    "P1446": "number of missing people",
}
POINT_IN_TIME = "P585"


def _api(params: dict[str, Any]) -> dict[str, Any]:
    data = fetch(settings.WIKIDATA_API_URL, params={**params, "format": "json", "maxlag": "5"}, use_cache=True).json()
    if not isinstance(data, dict):
        raise ProviderError("Wikidata answered with something other than a JSON object.")
    if "error" in data:
        error = data["error"] if isinstance(data["error"], dict) else {}
        code = str(error.get("code", "unknown"))
        raise ProviderError(
            f"Wikidata error {code}: {error.get('info', '')}", transient=code in ("maxlag", "ratelimited")
        )
    return data


def _statements(entity: dict[str, Any]) -> list[str]:
    sentences = []
    claims = entity.get("claims") if isinstance(entity.get("claims"), dict) else {}
    for prop, label in PROPERTIES.items():
        for statement in claims.get(prop) or []:
            try:
                amount = statement["mainsnak"]["datavalue"]["value"]["amount"]
                figure = f"{float(amount):,.0f}"
            except (KeyError, TypeError, ValueError):
                continue
            when = ""
            for qualifier in (statement.get("qualifiers") or {}).get(POINT_IN_TIME) or []:
                time = str(((qualifier.get("datavalue") or {}).get("value") or {}).get("time", ""))
                when = f" as of {time.lstrip('+')[:7]}" if time else ""
            sentences.append(f"The {label} is {figure} people{when}.")
    return sentences


def search(query: ClaimQuery) -> list[Candidate]:
    if not query.numbers or not query.terms:
        return []  # only claims with a figure have something to compare
    found = _api(
        {
            "action": "wbsearchentities",
            "search": " ".join(term for term in query.terms if not term[0].isdigit())[:200],
            "language": "en",
            "uselang": "en",
            "limit": str(settings.REFERENCE_MAX_PER_PROVIDER),
        }
    )
    if not isinstance(found.get("search"), list):
        raise ProviderError("Wikidata search answer has no search list.")
    hits = [hit for hit in found["search"] if isinstance(hit, dict) and isinstance(hit.get("id"), str)]
    if not hits:
        return []
    details = _api(
        {
            "action": "wbgetentities",
            "ids": "|".join(hit["id"] for hit in hits),
            "props": "labels|claims",
            "languages": "en",
        }
    )
    entities = details.get("entities") if isinstance(details.get("entities"), dict) else {}
    candidates = []
    for hit in hits:
        entity = entities.get(hit["id"]) or {}
        sentences = _statements(entity)
        if not sentences:
            continue
        label = str(hit.get("label") or hit["id"])
        candidates.append(
            Candidate(
                url=f"https://www.wikidata.org/wiki/{hit['id']}",
                title=f"{label} (Wikidata)",
                provider=NAME,
                publisher="Wikidata",
                snippet=str(hit.get("description") or ""),
                text=f"{label}. " + " ".join(sentences),
            )
        )
    return candidates
