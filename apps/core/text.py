from dataclasses import dataclass
from typing import Any


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
