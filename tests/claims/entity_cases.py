"""What the entity rounds' tests read: the names and kinds on the one claim of an article that holds a fragment."""

import datetime as dt

from apps.claims.extraction import extract_claims


def entities_of_claim(body: str, fragment: str) -> list[tuple[str, str]]:
    claims = extract_claims(body, published_on=dt.date(2020, 9, 1), english_confirmed=True)
    (claim,) = [c for c in claims if fragment in c.text]
    return [(entity["text"], entity["type"]) for entity in claim.entities]
