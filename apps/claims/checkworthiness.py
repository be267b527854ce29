"""How worth checking is a sentence? 0..1, check-worthy at CHECK_WORTHY_THRESHOLD.

`score_sentences` keeps a sentence when either of two scorers does:
- the trained model (apps/claims/model: a sentence encoder fine-tuned on CheckThat! 2024, see
  docs/claim-quality.md), its probability shifted so the model's own decision threshold lands
  on CHECK_WORTHY_THRESHOLD;
- `feature_scores`, hand-weighted features a fact-checker looks for (numbers, named actors,
  events, attributed or quoted statements) or against (questions, opinions, hedges,
  first-person chatter, fragments), tuned on news.
The model learnt from debate speech and misses plain news facts ("X was a columnist for The
Washington Post"); the features miss what the model learnt. A missed claim costs the desk more
than a rejected one, so either scorer can keep a sentence. Lines that are never claims ("...
were not available for comment", questions, fragments) score 0 whatever either says.
"""

import math
import re

from apps.claims.model.scorer import CheckWorthinessModel
from apps.claims.nlp.lexicon import (
    CAUSAL_CUES,
    EVENT_VERBS,
    HEDGES,
    IRREGULAR_PAST,
    NO_COMMENT_PATTERNS,
    NUMBER_WORDS,
    OPINION_WORDS,
    POLICY_WORDS,
    SCALE_WORDS,
    SPEECH_VERBS,
)

CHECK_WORTHY_THRESHOLD = 0.5

MIN_WORDS = 4
_WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019-]*|\d[\d,.]*")
_NO_COMMENT = re.compile("|".join(NO_COMMENT_PATTERNS), re.IGNORECASE)
_FIRST_PERSON = frozenset({"i", "me", "my", "we", "our", "us", "you", "your"})
_NUMBER = re.compile(r"\d")
# Someone's age or a past deed after a pronoun, a possessive's noun or a name: "She was 26.", "Her aunt won."
_SHORT_STATEMENT_ABOUT_SOMEONE = re.compile(
    r"(?:He|She|(?:His|Her)\s+[a-z]+|(?!(?:It|This|That|There|They|We|I|You)\b)[A-Z][\w'\u2019-]*)\s+"
    rf"(?:was\s+\d{{1,3}}|[a-z]+ed|{'|'.join(sorted(IRREGULAR_PAST))})\b(?=[^\w:]*(?:\s+[\w'\u2019-]+[^\w:]*)?$)"
)
_CAUSAL = re.compile(r"\b(?:" + "|".join(CAUSAL_CUES) + r")\b", re.IGNORECASE)

WEIGHTS = {
    "bias": -1.2,
    "number": 1.8,
    "number_word": 1.2,
    "capitalised": 0.6,
    "event_verb": 1.0,
    "speech_verb": 0.8,
    "policy_topic": 0.5,
    "causal": 0.6,
    "quote": 0.4,
    "past_tense": 0.4,
    "hedge": -0.3,
    "opinion": -0.6,
    "first_person": -0.4,
    "question": -2.0,
    "short": -0.8,
    "no_comment": -6.0,
}


def score_sentences(texts: list[str]) -> list[float]:
    """One score per text, 0..1; at or above CHECK_WORTHY_THRESHOLD the text is check-worthy.

    Only texts the features do not already keep go to the model: its answer could not
    change the decision for the others, and it is most of the extraction time.
    """
    scores = [0.0 if _never_a_claim(text) else _score(text) for text in texts]
    undecided = [i for i, (text, score) in enumerate(zip(texts, scores, strict=True))
                 if score < CHECK_WORTHY_THRESHOLD and not _never_a_claim(text)]  # fmt: skip
    if undecided:
        model = CheckWorthinessModel.load()
        probabilities = model.predict_proba([texts[i] for i in undecided])
        for i, probability in zip(undecided, probabilities, strict=True):
            scores[i] = max(scores[i], _recentre(probability, model.threshold))
    return scores


def feature_scores(texts: list[str]) -> list[float]:
    """The hand-weighted feature scorer, same scale as `score_sentences`."""
    return [_score(text) for text in texts]


def _recentre(probability: float, threshold: float) -> float:
    """Shift in log-odds so `threshold` maps to CHECK_WORTHY_THRESHOLD (0.5), keeping the order."""
    clipped = min(max(probability, 1e-6), 1 - 1e-6)
    logit = math.log(clipped / (1 - clipped)) - math.log(threshold / (1 - threshold))
    return round(1 / (1 + math.exp(-logit)), 4)


def _never_a_claim(text: str) -> bool:
    stripped = text.strip()
    return bool(_NO_COMMENT.search(stripped)) or stripped.endswith("?") or too_short_to_claim(stripped)


def too_short_to_claim(text: str) -> bool:
    """Under four words is a fragment, a byline or a dateline, unless a count comes before a past
    tense ("6 people died.", "Two were arrested.", but not "Round 2 vote."), or someone just named
    is its subject and what they did or how old they were its verb ("He was 95.", "Mugabe embraced
    Marxism.", "He died today.", but not "It has improved." or "Image: Paul Budd.")."""
    words = [word.lower() for word in _WORD.findall(text)]
    if len(words) >= MIN_WORDS or _SHORT_STATEMENT_ABOUT_SOMEONE.match(text.strip()):
        return False
    counted = next((index for index, word in enumerate(words) if word[0].isdigit() or word in NUMBER_WORDS), len(words))
    return not any(word.endswith("ed") or word in IRREGULAR_PAST for word in words[counted + 1 :])


def is_check_worthy(score: float) -> bool:
    return score >= CHECK_WORTHY_THRESHOLD


def _score(text: str) -> float:
    features = sentence_features(text)
    logit = WEIGHTS["bias"] + sum(WEIGHTS[name] * value for name, value in features.items())
    return round(1 / (1 + math.exp(-logit)), 4)


def sentence_features(text: str) -> dict[str, float]:
    words = _WORD.findall(text)
    lower = [w.lower().strip("'\u2019") for w in words]
    # A capitalised word that does not open the sentence is usually a name.
    capitalised = sum(1 for w in words[1:] if w[0].isupper() and w.lower() not in ("i",))
    return {
        "number": float(bool(_NUMBER.search(text))),
        "number_word": float(any(w in NUMBER_WORDS or w in SCALE_WORDS for w in lower)),
        "capitalised": min(capitalised, 4) / 2,
        "event_verb": float(any(w in EVENT_VERBS for w in lower)),
        "speech_verb": float(any(w in SPEECH_VERBS for w in lower)),
        "quote": float('"' in text or "“" in text),
        "past_tense": float(any(w.endswith("ed") and len(w) > 4 for w in lower)),
        "policy_topic": float(any(w in POLICY_WORDS for w in lower)),
        "causal": float(bool(_CAUSAL.search(text))),
        "hedge": float(min(sum(1 for w in lower if w in HEDGES), 2)),
        "opinion": float(sum(1 for w in lower if w in OPINION_WORDS)),
        "first_person": float(any(w in _FIRST_PERSON for w in lower)),
        "question": float(text.rstrip().endswith("?")),
        "short": float(len(words) < 5),
        "no_comment": float(bool(_NO_COMMENT.search(text))),
    }
