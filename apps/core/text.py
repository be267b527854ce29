import unicodedata
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

# Separators, control and format characters (zero-width space and joiners, word joiner, byte
# order mark): none of them shows on screen by itself.
_INVISIBLE_CATEGORIES = frozenset({"Zs", "Zl", "Zp", "Cc", "Cf"})


def visible_text(text: str) -> str:
    """`text` with each run of whitespace collapsed to one space, or "" when no character in it
    would show on screen, so that text made only of zero-width characters counts as empty."""
    collapsed = " ".join(text.split())
    if all(unicodedata.category(character) in _INVISIBLE_CATEGORIES for character in collapsed):
        return ""
    return collapsed


@dataclass(frozen=True)
class Segment:
    text: str
    key: Any = None


def segment_spans(text: str, spans: list[tuple[int, int, Any]]) -> list[Segment]:
    """Cut `text` into plain and marked segments for highlighting.

    Spans are (start, end, key). Where spans overlap, the one that starts first wins and the
    overlapped part of a later span stays with it, so every character appears exactly once.
    """
    segments: list[Segment] = []
    position = 0
    for start, end, key in sorted(spans, key=lambda span: (span[0], -span[1])):
        start = max(start, position)
        end = min(end, len(text))
        if end <= start:
            continue
        if start > position:
            segments.append(Segment(text[position:start]))
        segments.append(Segment(text[start:end], key))
        position = end
    if position < len(text):
        segments.append(Segment(text[position:]))
    return segments


@dataclass(frozen=True)
class CoveredSegment:
    text: str
    # Every span covering this piece, outermost first (earliest start, then longest).
    keys: tuple[Any, ...] = ()


def segment_covering_spans(text: str, spans: list[tuple[int, int, Any]]) -> list[CoveredSegment]:
    """Cut `text` wherever a span starts or ends, each piece carrying the keys of all the spans
    that cover it.

    Unlike `segment_spans`, overlapping spans all keep their whole extent: a claim inside another,
    or two claims sharing words, are each still marked in the text. Every character appears
    exactly once; neighbouring pieces with the same keys are joined.
    """
    clamped = [(max(start, 0), min(end, len(text)), key) for start, end, key in spans]
    ordered = sorted((span for span in clamped if span[0] < span[1]), key=lambda span: (span[0], -span[1]))
    cuts = sorted({0, len(text)} | {start for start, _, _ in ordered} | {end for _, end, _ in ordered})
    segments: list[CoveredSegment] = []
    # One sweep over the cuts: the spans open at a cut cover the whole piece after it, since every
    # span ends on a cut too. An article of thousands of claims costs no more per claim than ten.
    active: list[tuple[int, int, Any]] = []
    upcoming = iter(ordered)
    pending = next(upcoming, None)
    for piece_start, piece_end in pairwise(cuts):
        active = [span for span in active if span[1] > piece_start]
        while pending is not None and pending[0] <= piece_start:
            active.append(pending)
            pending = next(upcoming, None)
        covering: list[Any] = []
        for _, _, key in active:
            # A key can come twice when pieces of one claim overlap; it covers the piece once.
            if key not in covering:
                covering.append(key)
        keys = tuple(covering)
        if segments and segments[-1].keys == keys:
            segments[-1] = CoveredSegment(segments[-1].text + text[piece_start:piece_end], keys)
        else:
            segments.append(CoveredSegment(text[piece_start:piece_end], keys))
    return segments


def spans_overlap(first: list[tuple[int, int]], second: list[tuple[int, int]]) -> bool:
    """Whether any [start, end) span of `first` shares a character with one of `second`."""
    return any(start < other_end and other_start < end for start, end in first for other_start, other_end in second)
