"""Find the passage of a document that best matches a claim, and compare their figures.

Pure functions (no database, no network), so they run anywhere: in the fetch task today, on a
CPU queue later. The result is a suggestion for the reviewer, never a verdict (issue 4 §3):

- passages are sentences (with their character offsets in the document), ranked with Okapi
  BM25 against the claim's content words;
- numbers in the claim ("three ... resolutions", "at least 40,000 people") are compared with the
  numbers in the passage that count the same thing (they share a nearby noun). Equal, or
  consistent with the claim's qualifier ("at least", "more than"), supports; a different count
  of the same thing contradicts; no comparable figure but a good match only mentions;
- a passage that shares too few of the claim's content words is not about the claim, so it gets
  no stance at all, whatever its figures; a contradiction needs a closer match still, because a
  wrong "contradicts" pushes a reviewer towards "False" ("59,648 people killed in Syria" shares
  only "Syria" with "three resolutions on Syria", and does not contradict it);
- dates in the claim ("June 30") that the passage also states add to a supporting match.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from dataclasses import dataclass, field

from apps.references.queries import MONTHS, NUMBER_WORDS, STOPWORDS

BM25_K1 = 1.5
BM25_B = 0.75
MAX_PASSAGE_CHARS = 600
# Below this share of the claim's content words, a passage is not about the claim.
MIN_COVERAGE = 0.25
# A different figure contradicts the claim only in a passage sharing at least this share.
MIN_CONTRADICTION_COVERAGE = 0.5
UNIT_WINDOW = 5

_TOKEN = re.compile(r"[A-Za-z][A-Za-z'-]*|\d+(?:[.,]\d+)*")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9])")
_NUMBER = re.compile(
    r"(?<![\w/])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s+(thousand|million|billion))?(?![\w/])"
    r"|\b(" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")(?:[\s-]+(thousand|million))?\b",
    re.IGNORECASE,
)
_MULTIPLIERS = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_QUALIFIERS = {
    "at least": "min",
    "more than": "above",
    "over": "above",
    "above": "above",
    "upwards of": "min",
    "nearly": "below",
    "almost": "below",
    "up to": "max",
    "fewer than": "below",
    "less than": "below",
    "about": "approx",
    "around": "approx",
    "roughly": "approx",
    "some": "approx",
    "approximately": "approx",
    "an estimated": "approx",
}
_QUALIFIER_BEFORE = re.compile(r"(" + "|".join(_QUALIFIERS) + r")\s+$", re.IGNORECASE)
_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_DATE = re.compile(
    rf"\b(?:(\d{{1,2}})\s+({_MONTH_NAMES})\.?|({_MONTH_NAMES})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?)\b(?:,?\s+(\d{{4}}))?",
    re.IGNORECASE,
)
_YEAR = re.compile(r"\b(19\d{2}|20\d{2})\b")


@functools.lru_cache(maxsize=8192)
def stem(word: str) -> str:
    """A deliberately light stemmer: enough that vetoed/vetoes/veto and killed/kills meet."""
    word = word.lower().strip("'-")
    for suffix, keep in (("ies", "y"), ("ied", "y"), ("ing", ""), ("oes", "o"), ("es", "e"), ("ed", ""), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and not word.endswith("ss"):
            return word[: -len(suffix)] + keep
    return word


def tokens(text: str) -> list[str]:
    return [stem(word) for word in _TOKEN.findall(text) if word.lower() not in STOPWORDS and len(word) > 1]


@dataclass(frozen=True)
class Number:
    value: float
    start: int
    end: int
    qualifier: str | None
    unit: frozenset[str]


def _unit_window(text: str, end: int) -> frozenset[str]:
    # The counted thing follows the number within the same sentence.
    tail = re.split(r"[.;!?]\s", text[end : end + 80], maxsplit=1)[0]
    following = [word for word in tokens(tail) if not word[0].isdigit()]
    return frozenset(following[:UNIT_WINDOW])


@functools.lru_cache(maxsize=1024)
def numbers_in(text: str) -> tuple[Number, ...]:
    """Counts and amounts in `text`, leaving out years, days of dates and document symbols."""
    date_spans = [match.span() for match in _DATE.finditer(text)]
    found = []
    for match in _NUMBER.finditer(text):
        start, end = match.span()
        if any(date_start <= start < date_end for date_start, date_end in date_spans):
            continue
        if match.group(1):
            digits = match.group(1).replace(",", "")
            value = float(digits)
            if match.group(2) is None and re.fullmatch(r"(19|20)\d{2}", digits):
                continue  # a year
            multiplier = _MULTIPLIERS.get((match.group(2) or "").lower(), 1)
        else:
            word = match.group(3).lower()
            if word in ("second", "once") and not match.group(4):
                continue  # "a second meeting", "once again": rarely a count
            value = float(NUMBER_WORDS[word])
            multiplier = _MULTIPLIERS.get((match.group(4) or "").lower(), 1)
        qualifier = _QUALIFIER_BEFORE.search(text[max(0, start - 20) : start])
        found.append(
            Number(
                value=value * multiplier,
                start=start,
                end=end,
                qualifier=_QUALIFIERS[qualifier.group(1).lower()] if qualifier else None,
                unit=_unit_window(text, end),
            )
        )
    return tuple(found)


@functools.lru_cache(maxsize=1024)
def dates_in(text: str) -> frozenset[tuple[int, int]]:
    """(month, day) pairs: "June 30", "30 June 2012"."""
    found = set()
    for match in _DATE.finditer(text):
        day = match.group(1) or match.group(4)
        month = match.group(2) or match.group(3)
        found.add((MONTHS[month.lower().rstrip(".")], int(day)))
    return frozenset(found)


def _consistent(claim: Number, stated: float) -> bool:
    """Does a passage's figure bear out the claim's figure, given the claim's qualifier?"""
    value = claim.value
    if claim.qualifier == "min":
        return stated >= value * 0.98
    if claim.qualifier == "above":
        return stated > value * 0.98
    if claim.qualifier in ("below", "max"):
        return stated <= value * 1.02 and stated >= value * 0.7
    if claim.qualifier == "approx":
        return abs(stated - value) <= value * 0.1
    return abs(stated - value) <= max(value * 0.02, 0.0)


@dataclass
class Comparison:
    stance: str
    score: float
    details: dict = field(default_factory=dict)


def compare_figures(claim_text: str, passage: str, *, coverage: float) -> Comparison:
    claim_numbers = numbers_in(claim_text)
    passage_numbers = numbers_in(passage)
    supported, contradicted = [], []
    for claim_number in claim_numbers:
        same_thing = [number for number in passage_numbers if claim_number.unit & number.unit]
        equal = [number for number in passage_numbers if _consistent(claim_number, number.value)]
        if any(number in same_thing for number in equal) or (equal and not same_thing):
            supported.append(claim_number.value)
        elif same_thing:
            contradicted.append({"claim": claim_number.value, "passage": [number.value for number in same_thing]})
    claim_dates = dates_in(claim_text)
    matched_dates = sorted(claim_dates & dates_in(passage))
    details = {
        "coverage": round(coverage, 3),
        "supported_figures": supported,
        "contradicted_figures": contradicted,
        "matched_dates": [f"{month:02d}-{day:02d}" for month, day in matched_dates],
    }
    if coverage < MIN_COVERAGE:
        return Comparison("unrelated", round(coverage, 3), details)
    if supported and not contradicted:
        return Comparison("supports", round(min(1.0, 0.5 + 0.5 * coverage), 3), details)
    if contradicted and not supported and coverage >= MIN_CONTRADICTION_COVERAGE:
        return Comparison("contradicts", round(min(1.0, 0.4 + 0.5 * coverage), 3), details)
    if supported:  # some figures agree and some do not: let the reviewer look
        return Comparison("mentions", round(0.5 * coverage, 3), details)
    if not claim_numbers and matched_dates and coverage >= 0.4:
        return Comparison("supports", round(min(1.0, 0.4 + 0.5 * coverage), 3), details)
    return Comparison("mentions", round(0.5 * coverage, 3), details)


# --- Passages and ranking -------------------------------------------------------------------


def sentence_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    cleaned = []
    for span_start, span_end in spans:
        chunk = text[span_start:span_end]
        stripped_start = span_start + (len(chunk) - len(chunk.lstrip()))
        stripped_end = span_end - (len(chunk) - len(chunk.rstrip()))
        if stripped_end > stripped_start:
            cleaned.append((stripped_start, min(stripped_end, stripped_start + MAX_PASSAGE_CHARS)))
    return cleaned


@dataclass
class Passage:
    document: int
    start: int
    end: int
    text: str
    tokens: list[str]


@dataclass
class Evidence:
    document: int
    passage: str
    start: int
    end: int
    highlights: list[list[int]]
    relevance: float
    stance: str
    stance_score: float
    details: dict


def passages_of(documents: list[str]) -> list[Passage]:
    passages = []
    for index, document in enumerate(documents):
        for start, end in sentence_spans(document):
            text = document[start:end]
            passages.append(Passage(index, start, end, text, tokens(text)))
    return passages


def bm25_scores(query: list[str], passages: list[Passage]) -> list[float]:
    """Okapi BM25 of each passage for the query, with idf over this set of passages."""
    if not passages:
        return []
    count = len(passages)
    average_length = sum(len(passage.tokens) for passage in passages) / count or 1.0
    document_frequency: Counter[str] = Counter()
    for passage in passages:
        document_frequency.update(set(passage.tokens))
    scores = []
    for passage in passages:
        frequencies = Counter(passage.tokens)
        length_norm = BM25_K1 * (1 - BM25_B + BM25_B * len(passage.tokens) / average_length)
        score = 0.0
        for term in set(query):
            frequency = frequencies.get(term, 0)
            if not frequency:
                continue
            idf = math.log(1 + (count - document_frequency[term] + 0.5) / (document_frequency[term] + 0.5))
            score += idf * frequency * (BM25_K1 + 1) / (frequency + length_norm)
        scores.append(score)
    return scores


def _highlights(claim_text: str, passage: str) -> list[list[int]]:
    wanted = set(tokens(claim_text))
    wanted_values = {number.value for number in numbers_in(claim_text)}
    spans = [
        [match.start(), match.end()]
        for match in _TOKEN.finditer(passage)
        if match.group(0).lower() not in STOPWORDS and stem(match.group(0)) in wanted
    ]
    spans += [[number.start, number.end] for number in numbers_in(passage) if number.value in wanted_values]
    spans.sort()
    merged: list[list[int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1] + 1 and passage[merged[-1][1] : start].strip() == "":
            merged[-1][1] = max(merged[-1][1], end)
        elif not merged or start >= merged[-1][1]:
            merged.append([start, end])
    return merged


def best_evidence(claim_text: str, documents: list[str]) -> list[Evidence | None]:
    """For each document, its best passage for the claim (None when nothing matches at all).

    Ranking is BM25 over the passages of all given documents together; among a document's top
    passages, one whose figures bear on the claim is preferred over a merely wordy match.
    """
    query = tokens(claim_text)
    passages = passages_of(documents)
    scores = bm25_scores(query, passages)
    distinct_query = set(query)
    by_document: dict[int, list[tuple[float, Passage]]] = {}
    for score, passage in zip(scores, passages, strict=True):
        if score > 0:
            by_document.setdefault(passage.document, []).append((score, passage))
    results: list[Evidence | None] = []
    for index in range(len(documents)):
        ranked = sorted(by_document.get(index, []), key=lambda item: item[0], reverse=True)[:3]
        best: Evidence | None = None
        for score, passage in ranked:
            coverage = len(distinct_query & set(passage.tokens)) / (len(distinct_query) or 1)
            comparison = compare_figures(claim_text, passage.text, coverage=coverage)
            candidate = Evidence(
                document=index,
                passage=passage.text,
                start=passage.start,
                end=passage.end,
                highlights=_highlights(claim_text, passage.text),
                relevance=round(score, 4),
                stance=comparison.stance,
                stance_score=comparison.score,
                details=comparison.details,
            )
            if best is None or _preferred(candidate, best):
                best = candidate
        results.append(best)
    return results


_STANCE_WEIGHT = {"supports": 3, "contradicts": 2, "mentions": 1, "unrelated": 0}


def _preferred(candidate: Evidence, current: Evidence) -> bool:
    return (_STANCE_WEIGHT[candidate.stance], candidate.relevance) > (
        _STANCE_WEIGHT[current.stance],
        current.relevance,
    )
