"""Build search queries from a claim's structured facts (issue 4 §2). Pure functions, no I/O.

Search services want a few strong terms, not a sentence: the actors and key nouns of the claim,
its numbers, and the article's date to bound the search in time.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be been before being
    below between both but by can could did do does doing down during each few for from further
    had has have having he her here hers him his how i if in into is it its itself just more most
    my no nor not now of off on once only or other our out over own same she should so some such
    than that the their them then there these they this those through to too under until up upon
    very was we were what when where which while who whom why will with would you your said says
    say told tells according reported reports report which whose been amid among within without
    aimed over least
    """.split()  # noqa: SIM905 - a word list reads better as text
)
NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "hundred": 100, "thousand": 1000, "dozen": 12,
    "once": 1, "twice": 2, "first": 1, "second": 2, "third": 3, "fourth": 4,
}  # fmt: skip
# Outlets a claim may attribute to with a verb that people use too ("X said"); "X reported"
# and "according to X" are recognised for any capitalised name.
KNOWN_OUTLETS = frozenset(
    {
        "Kommersant", "Vedomosti", "Izvestia", "Interfax", "TASS", "RIA Novosti", "Reuters", "AP",
        "Associated Press", "AFP", "Bloomberg", "BBC", "CNN", "Al Jazeera", "Guardian",
        "New York Times", "Washington Post", "Wall Street Journal", "Financial Times", "Le Monde",
        "Der Spiegel", "Xinhua", "SANA", "Moscow Times",
    }
)  # fmt: skip
_ATTRIBUTION_PATTERNS = [
    re.compile(r"\b((?:[A-Z][\w'&.-]*\s){0,3}[A-Z][\w'&.-]*)\s+(?:newspaper\s+)?reported\b"),
    re.compile(r"\baccording to (?:the )?((?:[A-Z][\w'&.-]*\s){0,3}[A-Z][\w'&.-]*)"),
    re.compile(r"\b((?:[A-Z][\w'&.-]*\s){0,3}[A-Z][\w'&.-]*)\s+(?:said|wrote|quoted)\b"),
]
# Words in any alphabet ("Café", "Zürich", "Лавров"): a letter, then letters, apostrophes and
# hyphens; or a number.
_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|['-])*|\d[\d,.]*")
MONTHS = {
    name: index
    for index, names in enumerate(
        [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
         ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
         ("oct", "october"), ("nov", "november"), ("dec", "december")],
        start=1,
    )
    for name in names
}  # fmt: skip


@dataclass(frozen=True)
class ClaimQuery:
    """What providers search for. `terms` are ordered strongest first."""

    claim_id: str
    desk_id: str | None
    text: str
    terms: tuple[str, ...]
    outlet: str = ""
    article_date: dt.date | None = None
    numbers: tuple[float, ...] = field(default_factory=tuple)
    claim_dates: tuple[dt.date, ...] = field(default_factory=tuple)

    @property
    def keywords(self) -> str:
        return " ".join(self.terms)

    def date_window(self, days_before: int = 30, days_after: int = 7) -> tuple[dt.date, dt.date] | None:
        """Searches about a news claim look around the article's date, mostly before it, and
        reach back to the earliest date the claim itself names ("the June 30 declaration")."""
        anchors = [date for date in (self.article_date, *self.claim_dates) if date is not None]
        if not anchors:
            return None
        return (
            min(anchors) - dt.timedelta(days=days_before),
            (self.article_date or max(anchors)) + dt.timedelta(days=days_after),
        )


def _entity_texts(entities: Any) -> list[str]:
    texts = []
    for entity in entities or []:
        if isinstance(entity, str):
            texts.append(entity)
        elif isinstance(entity, dict):
            value = entity.get("text") or entity.get("name") or entity.get("value")
            if isinstance(value, str):
                texts.append(value)
    return texts


def key_terms(text: str, *, entities: Any = None, limit: int = 8) -> list[str]:
    """The claim's strongest words: named entities first, then capitalised words and numbers,
    then other content words, without stopwords or repeats."""
    terms: list[str] = []
    seen: set[str] = set()

    def add(term: str) -> None:
        key = term.lower()
        if key not in seen and key not in STOPWORDS and len(term) > 1:
            # An entity's own words are not searched again ("United Nations United Nations").
            seen.update([key, *key.split()])
            terms.append(term)

    for entity in _entity_texts(entities):
        add(entity)
    words = _WORD.findall(text)
    for index, word in enumerate(words):
        if word[0].isupper() and (index > 0 or word.lower() not in STOPWORDS):
            add(word)
        elif word[0].isdigit() or word.lower() in NUMBER_WORDS:
            add(word.rstrip(".,"))
    for word in words:
        if len(word) > 3:
            add(word.lower())
    return terms[:limit]


def _reported_by(name: str, text: str) -> bool:
    """Whether `text` says `name` reported something."""
    # A whole name: "AP" is not in "APEC" or "GAP"
    escaped = rf"(?<!\w){re.escape(name)}(?!\w)"
    return (
        re.search(
            rf"{escaped}\s+(?:newspaper\s+|daily\s+)?reported"
            # "a report in the business daily Kommersant": what the outlet is may come before its name
            rf"|according to (?:the )?{escaped}|report(?:ed)? (?:in|by) (?:the )?(?:[a-z]+ ){{0,3}}{escaped}",
            text,
        )
        is not None
    )


def _context_reports(name: str, context: str, memo: dict[str, bool] | None) -> bool:
    if memo is None:
        return _reported_by(name, context)
    if name not in memo:
        memo[name] = _reported_by(name, context)
    return memo[name]


def claim_outlet(
    text: str, *, attribution: str = "", context: str = "", context_reports: dict[str, bool] | None = None
) -> str:
    """The publication a claim is attributed to ("Kommersant reported ..."), or "".

    `attribution` is the extractor's source for the claim, which may be a person; it counts as
    an outlet when it is a known one or the article (`context`) says it reported something.
    `context_reports` remembers that answer per source for the claims of one article, so a long
    article's body is read once per source, not once per claim.
    """
    if attribution:
        name = attribution.removeprefix("The ")
        if name in KNOWN_OUTLETS or _reported_by(name, text) or _context_reports(name, context, context_reports):
            return attribution
    for index, pattern in enumerate(_ATTRIBUTION_PATTERNS):
        for match in pattern.finditer(text):
            name = match.group(1).strip().rstrip(".")
            # "X said" is mostly people; only known outlets count for it.
            known = name.removeprefix("The ") in KNOWN_OUTLETS
            if (index < 2 or known) and name.lower() not in STOPWORDS:
                return name
    if (subject := _OUTLET_SUBJECT.match(text)) and subject["name"] in KNOWN_OUTLETS:
        return subject["name"]  # "Kommersant pointed to a more practical reason ..."
    if _THE_REPORT.match(text) and context:
        # "The influential daily did not name any source.": the one known outlet the article reports from
        reporting = [
            name for name in KNOWN_OUTLETS if name in context and _context_reports(name, context, context_reports)
        ]
        if len(reporting) == 1:
            return reporting[0]
    return ""


# A claim about an outlet's own report: it opens with the outlet's name, or with what it is.
_OUTLET_SUBJECT = re.compile(r"(?:The\s+)?(?P<name>(?:[A-Z][\w'&.-]*\s){0,2}[A-Z][\w'&.-]*)\s+[a-z]")
# Only a paper's own nouns, as the subject of a verb: "The daily average of new infections", "The agency said"
# (which agency?) and "The report found" (whose report?) name no outlet.
_PAPER = r"(?:daily|newspaper|paper|weekly|magazine|tabloid|broadsheet)"
_THE_REPORT = re.compile(
    rf"The\s+(?:[a-z]+\s+){{0,2}}{_PAPER}(?=\s+(?:did|does|has|had|was|is|said|says|added|noted|reported|named"
    r"|cited|quoted|claimed|pointed|wrote|[a-z]+ed)\b)"
    rf"|The\s+report\s+(?:in|by)\s+the\s+(?:[a-z]+\s+){{0,2}}{_PAPER}\b"
)


def _full_dates(values: Any) -> tuple[dt.date, ...]:
    """The extractor's resolved dates ({"text": "June 30", "value": "2012-06-30"}); partial ones
    ("2012-11") are too vague to bound a search and are left out."""
    dates = []
    for value in values or []:
        text = value.get("value") if isinstance(value, dict) else value
        try:
            dates.append(dt.date.fromisoformat(str(text)))
        except ValueError:
            continue
    return tuple(dates)


def claim_query_build(claim: Any) -> ClaimQuery:
    """A `ClaimQuery` for a Claim row (its article and desk loaded)."""
    from apps.references.evidence import numbers_in

    article = claim.article
    return ClaimQuery(
        claim_id=str(claim.pk),
        desk_id=str(article.desk_id) if article.desk_id else None,
        text=claim.text,
        terms=tuple(key_terms(claim.text, entities=claim.entities)),
        outlet=claim_outlet(claim.text, attribution=claim.attribution, context=article.body),
        article_date=article.published_on,
        numbers=tuple(number.value for number in numbers_in(claim.text)),
        claim_dates=_full_dates(claim.dates),
    )
