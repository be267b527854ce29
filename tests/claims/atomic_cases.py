"""What the atomic claims rounds' tests read: the standalone texts and the spans a sentence is split into."""

from apps.claims.nlp.atomic import piece_text, split_atomic


def pieces_of(sentence: str) -> list[str]:
    return [piece_text(sentence, piece) for piece in split_atomic(sentence, 0, len(sentence))]


def spans_of(sentence: str) -> list[tuple[tuple[int, int], ...]]:
    return [piece.spans() for piece in split_atomic(sentence, 0, len(sentence))]
