"""Sentence segmentation that keeps exact character offsets into the article body."""

import re
from dataclasses import dataclass
from functools import lru_cache

import pysbd

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int
    end: int
    paragraph: int


@lru_cache(maxsize=1)
def _segmenter() -> pysbd.Segmenter:
    # clean=False keeps pysbd from rewriting the text, so every sentence is found verbatim.
    # char_span=True would do the same search but costs twice the time on long articles.
    return pysbd.Segmenter(language="en", clean=False, char_span=False)


def split_sentences(body: str) -> list[Sentence]:
    """Sentences of `body` with `body[s.start:s.end] == s.text`, never crossing a paragraph."""
    sentences: list[Sentence] = []
    for paragraph_index, (offset, paragraph) in enumerate(_paragraphs(body)):
        cursor = 0
        for piece in _segmenter().segment(paragraph):
            stripped = piece.strip()
            found = paragraph.find(stripped, cursor) if stripped else -1
            if found < 0:
                continue
            start = offset + found
            sentences.append(Sentence(text=stripped, start=start, end=start + len(stripped), paragraph=paragraph_index))
            cursor = found + len(stripped)
        rest = paragraph[cursor:]
        if rest.strip():
            # pysbd rewrote or skipped something; keep the tail as one sentence rather than lose it.
            found = cursor + rest.index(rest.strip())
            start = offset + found
            sentences.append(
                Sentence(text=rest.strip(), start=start, end=start + len(rest.strip()), paragraph=paragraph_index)
            )
    return sentences


def _paragraphs(body: str) -> list[tuple[int, str]]:
    paragraphs = []
    start = 0
    for match in _PARAGRAPH_BREAK.finditer(body):
        paragraphs.append((start, body[start : match.start()]))
        start = match.end()
    paragraphs.append((start, body[start:]))
    return [(offset, text) for offset, text in paragraphs if text.strip()]
