"""Which language an article is written in, guessed from its text when it is imported.

py3langid (BSD-3-Clause, a maintained fork of langid.py) is a naive Bayes classifier over byte
n-grams: 140 languages in a 4.6 MB wheel whose only dependency is numpy, which the project already has,
and no download at run time. lingua-language-detector is more accurate on short snippets but its
wheel is about 96 MB; langid.py itself has had no release since 2016. Articles are long, where
they all do well.

The model loads in about 2 s, once per process and only when an article is first classified; a
classification then takes well under a millisecond for the sample read.
"""

import functools

# The opening of an article decides; reading all of a long one adds time, not certainty.
SAMPLE_CHARS = 5000
# Below this many letters (a headline, a caption) any guess is a coin toss; the editor says.
MIN_LETTERS = 40
# Probability the best language needs over all the others together.
MIN_CONFIDENCE = 0.5
# "zxx": no linguistic content (numbers, code), which is no language to file the article under.
_NOT_A_LANGUAGE = frozenset({"zxx", "und"})


@functools.cache
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def language_detect(text: str) -> str:
    """The BCP 47 tag of the language `text` is written in ("en", "es", "pt"), or "" when there is
    too little text to tell or no language is clearly ahead."""
    sample = text[:SAMPLE_CHARS]
    if sum(1 for character in sample if character.isalpha()) < MIN_LETTERS:
        return ""
    language, confidence = _identifier().classify(sample)
    if confidence < MIN_CONFIDENCE or language in _NOT_A_LANGUAGE:
        return ""
    return language
