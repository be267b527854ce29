"""What the quantities and dates rounds' tests read, for an article published on PUBLISHED."""

import datetime as dt

from apps.claims.nlp.dates import find_dates
from apps.claims.nlp.quantities import find_quantities

PUBLISHED = dt.date(2020, 2, 14)


def values_of(text: str) -> list[tuple[str, float, str]]:
    return [(q["qualifier"], q["value"], q["unit"]) for q in find_quantities(text)]


def dates_of(text: str) -> list[tuple[str, str | None]]:
    return [(d["text"], d["value"]) for d in find_dates(text, published_on=PUBLISHED)]
