"""Cutting article text into highlighted pieces."""

from apps.core.text import CoveredSegment, segment_covering_spans, spans_overlap


def test_a_span_inside_another_keeps_its_own_piece_and_the_outer_one_covers_it_too():
    text = "Russia and China have vetoed three resolutions."
    inner_start = text.index("vetoed")
    inner_end = inner_start + len("vetoed")

    segments = segment_covering_spans(text, [(0, len(text), "paragraph"), (inner_start, inner_end, "veto")])

    assert segments == [
        CoveredSegment("Russia and China have ", ("paragraph",)),
        CoveredSegment("vetoed", ("paragraph", "veto")),
        CoveredSegment(" three resolutions.", ("paragraph",)),
    ]


def test_partly_overlapping_spans_share_only_the_text_they_both_cover():
    segments = segment_covering_spans("abcdefghij", [(5, 9, "later"), (0, 6, "earlier")])

    assert segments == [
        CoveredSegment("abcde", ("earlier",)),
        CoveredSegment("f", ("earlier", "later")),
        CoveredSegment("ghi", ("later",)),
        CoveredSegment("j"),
    ]


def test_two_claims_on_the_same_passage_both_cover_it():
    assert segment_covering_spans("abc", [(0, 3, "first"), (0, 3, "duplicate")]) == [
        CoveredSegment("abc", ("first", "duplicate"))
    ]


def test_every_character_appears_once_and_spans_past_the_end_are_cut_off():
    text = "one two three"

    segments = segment_covering_spans(text, [(4, 7, "a"), (4, 99, "b"), (20, 30, "c")])

    assert "".join(segment.text for segment in segments) == text
    assert segments[-1] == CoveredSegment(" three", ("b",))


def test_spans_overlap_only_when_they_share_a_character():
    assert spans_overlap([(0, 5)], [(4, 8)])
    assert not spans_overlap([(0, 5)], [(5, 8)])
    assert spans_overlap([(0, 2), (10, 12)], [(11, 20)])
