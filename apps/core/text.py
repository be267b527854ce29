import unicodedata
from dataclasses import dataclass
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
