"""Is this English? Automatic extraction only understands English; other text is refused.

Function words make up roughly 40-50% of running English prose and almost none of other
languages' (French shares a handful: "a", "on", "son"), so their share is a cheap and robust
signal. It needs no model and decides in microseconds.
"""

import re

from .lexicon import STOPWORDS

MIN_WORDS = 12
MIN_ENGLISH_SHARE = 0.18
MIN_LATIN_SHARE = 0.6
# The opening of an article decides; reading all of a long one adds time, not certainty.
SAMPLE_CHARS = 5000

_LETTER_RUN = re.compile(r"[^\W\d_]+")


def english_share(text: str) -> float:
    words = [w.lower() for w in _LETTER_RUN.findall(text)]
    if not words:
        return 0.0
    return sum(1 for w in words if w in STOPWORDS) / len(words)


def looks_english(text: str) -> bool:
    """False only when there is enough text to tell and it is clearly not English."""
    text = text[:SAMPLE_CHARS]
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return True
    latin = sum(1 for ch in letters if ch.isascii()) / len(letters)
    if latin < MIN_LATIN_SHARE:
        return False
    if len(_LETTER_RUN.findall(text)) < MIN_WORDS:
        return True
    return english_share(text) >= MIN_ENGLISH_SHARE
