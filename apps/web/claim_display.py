"""How the pages show claims: a claim's review status as a badge and highlight colour, and the
article text cut into segments that know their offsets, marking the claims in it. Shared by the
article page and the claim page."""

import re
from bisect import bisect_right
from dataclasses import dataclass

from django.utils.translation import gettext as _

from apps.core.text import segment_covering_spans
from apps.reviews.models import TaskStatus

# Whitespace holding a line break, such as the "\n\n" between an imported article's paragraphs.
LINE_BREAK = re.compile(r"\s*\n\s*")


@dataclass(frozen=True)
class PositionedSegment:
    """A piece of the article body that knows where it sits in `article.body`, so the page's
    script can turn a mouse selection into the character offsets the services take."""

    text: str
    start: int
    end: int
    # Whatever marks the piece (claims, report rows), outermost first; empty for plain text.
    keys: tuple = ()


@dataclass(frozen=True)
class ShownStatus:
    """A claim's review status as the pages show it: `colour` is the task status whose badge and
    highlight colours it takes, `label` its words, and `reused_from` the earlier claim whose
    verdict it shows, if any."""

    colour: str
    label: str
    reused_from: object | None = None  # apps.claims Claim


def claim_shown_status(*, task, reused_from) -> ShownStatus:
    """The status of a claim with review task `task` (None for a claim without one).

    A claim whose confirmed match lends it an earlier check's verdict (`reused_from`, from
    `claim_applied_verdict`) is as checked as an approved one, so it takes that colour. Once its
    own reviewer records a verdict, that verdict is the one the desk acts on, and the claim shows
    its own review's status again; the earlier check's verdict only stands in the report until
    the own one is approved.
    """
    if reused_from is not None and getattr(task, "verdict", None) is None:
        return ShownStatus(colour=TaskStatus.APPROVED, label=_("Verdict reused"), reused_from=reused_from)
    status = TaskStatus(task.status if task is not None else TaskStatus.NEW)
    return ShownStatus(colour=status.value, label=str(status.label))


def positioned_segments(body: str, pieces: list[tuple[int, int, object]], start: int, end: int):
    """body[start:end] cut at the pieces (offsets into `body`), each segment with its offsets.

    Line breaks are never part of a piece: the pages show the body's breaks as they are
    (white-space: pre-line), and a highlight around one draws a sliver at the end of one
    paragraph and another on the empty line after it. A claim running over a paragraph break is
    marked in each paragraph instead, and the break between them is plain text.
    """
    breaks = [(found.start(), found.end()) for found in LINE_BREAK.finditer(body, start, end)]
    window = [
        (piece_start - start, piece_end - start, key)
        for piece_start, piece_end, key in _between_line_breaks(pieces, breaks)
    ]
    segments = []
    position = start
    for segment in segment_covering_spans(body[start:end], window):
        segments.append(PositionedSegment(segment.text, position, position + len(segment.text), segment.keys))
        position += len(segment.text)
    return segments


def _between_line_breaks(pieces, breaks: list[tuple[int, int]]):
    """Each piece with the line breaks (sorted, not overlapping) cut out of it; the parts keep its key."""
    break_ends = [break_end for _, break_end in breaks]
    for piece_start, piece_end, key in pieces:
        position = piece_start
        # The first break that ends after the piece starts, then each next one that starts inside it.
        index = bisect_right(break_ends, piece_start)
        while index < len(breaks) and breaks[index][0] < piece_end:
            break_start, break_end = breaks[index]
            if break_start > position:
                yield position, break_start, key
            position = break_end
            index += 1
        if position < piece_end:
            yield position, piece_end, key
