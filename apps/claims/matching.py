"""Does a new claim repeat one the desk already checked? Similarity and the two thresholds.

Similarity is the cosine of TF-IDF vectors over content-word stems, with IDF taken from the
pool being searched, so words every claim shares ("said", "government") count for little.
Numbers decide facts: two claims whose numbers differ ("killed 40,000" vs "killed 60,000")
are different claims however alike the words, so their similarity is cut.

At or above SUGGEST_THRESHOLD a match is shown to a person to confirm; at or above
LINK_THRESHOLD it is linked automatically, except for claims under MIN_WORDS_TO_LINK words,
which are too short for wording alone to identify the same statement.
"""

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from .nlp.lexicon import NUMBER_WORDS, STOPWORDS

SUGGEST_THRESHOLD = 0.5
LINK_THRESHOLD = 0.8
MIN_WORDS_TO_LINK = 8
# Applied to the similarity when both claims carry numbers and they are not the same numbers.
NUMBER_MISMATCH_FACTOR = 0.4

_WORD = re.compile(r"[a-z][a-z'-]*|\d[\d,.]*\d|\d")

Key = TypeVar("Key")


@dataclass(frozen=True)
class Match(Generic[Key]):
    key: Key
    score: float
    decision: str  # "linked" or "suggested"


def stems(text: str) -> list[str]:
    tokens = [t for t in _WORD.findall(text.lower()) if t not in STOPWORDS]
    return [_stem(t) for t in tokens if not t[0].isdigit()]


def numbers(text: str) -> set[str]:
    """Numbers in the text, written as digits ("three" and "3" are the same number)."""
    found = set()
    for word in _WORD.findall(text.lower()):
        if word[0].isdigit():
            found.add(f"{float(word.replace(',', '')):g}")
        elif word in NUMBER_WORDS and word != "one":
            found.add(f"{NUMBER_WORDS[word]:g}")
    return found


def word_count(text: str) -> int:
    return len(text.split())


class ClaimIndex(Generic[Key]):
    """Checked claims prepared once for many look-ups (one article's claims at intake)."""

    def __init__(self, candidates: Sequence[tuple[Key, str]]) -> None:
        documents = [stems(text) for _, text in candidates]
        self.idf = _idf(documents)
        self.keys = [key for key, _ in candidates]
        self.numbers = [numbers(text) for _, text in candidates]
        self.vectors = [_vector(document, self.idf) for document in documents]
        self.norms = [_norm(vector) for vector in self.vectors]
        self.postings: dict[str, list[int]] = {}
        for index, vector in enumerate(self.vectors):
            for term in vector:
                self.postings.setdefault(term, []).append(index)

    def best_match(self, text: str) -> Match[Key] | None:
        """The most similar candidate at or above SUGGEST_THRESHOLD, with the decision it earns."""
        query = _vector(stems(text), self.idf)
        query_norm = _norm(query)
        if not query_norm:
            return None
        dots: dict[int, float] = {}
        for term, weight in query.items():
            for index in self.postings.get(term, ()):
                dots[index] = dots.get(index, 0.0) + weight * self.vectors[index][term]
        query_numbers = numbers(text)
        best: tuple[float, int] | None = None
        for index, dot in dots.items():
            score = dot / (query_norm * self.norms[index])
            if _numbers_disagree(query_numbers, self.numbers[index]):
                score *= NUMBER_MISMATCH_FACTOR
            if best is None or score > best[0]:
                best = (score, index)
        if best is None or best[0] < SUGGEST_THRESHOLD:
            return None
        score, index = best
        return Match(key=self.keys[index], score=round(score, 4), decision=decide(score, text))


def best_match(text: str, candidates: Sequence[tuple[Key, str]]) -> Match[Key] | None:
    return ClaimIndex(candidates).best_match(text)


def similarity(a: str, b: str) -> float:
    """Similarity of two claims on their own (IDF from the pair)."""
    idf = _idf([stems(a), stems(b)])
    vector_a, vector_b = _vector(stems(a), idf), _vector(stems(b), idf)
    norm = _norm(vector_a) * _norm(vector_b)
    if not norm:
        return 0.0
    score = sum(weight * vector_b.get(term, 0.0) for term, weight in vector_a.items()) / norm
    if _numbers_disagree(numbers(a), numbers(b)):
        score *= NUMBER_MISMATCH_FACTOR
    return round(score, 4)


def decide(score: float, text: str) -> str:
    if score >= LINK_THRESHOLD and word_count(text) >= MIN_WORDS_TO_LINK:
        return "linked"
    return "suggested"


def _numbers_disagree(a: set[str], b: set[str]) -> bool:
    return bool(a) and bool(b) and a != b


def _stem(word: str) -> str:
    for suffix in ("ing", "ies", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)] + ("y" if suffix == "ies" else "")
    return word


def _idf(documents: list[list[str]]) -> dict[str, float]:
    frequency = Counter(term for document in documents for term in set(document))
    total = len(documents)
    return {term: math.log((1 + total) / (1 + count)) + 1 for term, count in frequency.items()}


def _vector(document: list[str], idf: dict[str, float]) -> dict[str, float]:
    counts = Counter(document)
    return {term: count * idf.get(term, 1.0) for term, count in counts.items()}


def _norm(vector: dict[str, float]) -> float:
    return math.sqrt(sum(weight * weight for weight in vector.values()))
