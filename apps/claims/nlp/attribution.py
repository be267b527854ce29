"""Who a statement is attributed to: "..., Kommersant reported Tuesday." -> Kommersant."""

import re
from dataclasses import dataclass

from .lexicon import WEEKDAYS

_VERB = (
    r"said|says|reported|reports|told\s+\w+|tells\s+\w+|added|adds|stated|states|announced|claimed|"
    r"noted|wrote|writes|argued|insisted|warned|confirmed|denied|estimated|suggested|explained"
)
_WHEN = rf"(?:\s+(?i:(?:on\s+)?(?:{'|'.join(WEEKDAYS)}|today|yesterday|last\s+week|in\s+a\s+statement)))?"
_NAME = r"[A-Z][\w'\u2019.-]*"
_SOURCE = (
    rf"(?:[Ii]t|[Hh]e|[Ss]he|[Tt]hey|(?:[Tt]he\s+)?{_NAME}(?:\s+(?:of\s+)?{_NAME}){{0,5}}"
    r"|[Tt]he\s+\w+(?:\s+\w+)?)"
)

# "..., Kommersant reported Tuesday."
_TRAILING = re.compile(rf",[\"”]?\s+(?P<source>{_SOURCE})\s+(?:also\s+)?(?P<cue>{_VERB}){_WHEN}\s*[.!]?\s*$")
# '"...," said the report, reinforcing hints ...'  /  '"...," it said, echoing ...'
_QUOTE = re.compile(
    rf"^[\"“](?P<quote>.+?)[,.!?]?[\"”]\s*,?\s+(?:(?P<cue1>said|says|added|wrote|told\s+\w+)\s+(?P<source1>{_SOURCE})"
    rf"|(?P<source2>{_SOURCE})\s+(?P<cue2>said|says|added|wrote|told\s+\w+)){_WHEN}(?=[\s,.]|$)"
)
# "According to the report, ..."
_ACCORDING = re.compile(r"^According\s+to\s+(?P<source>[^,]{2,80}),\s*")
# "The report said Clinton ..." / "Putin and other officials have repeatedly said that ..."
_LEADING = re.compile(
    rf"^(?P<source>{_SOURCE}(?:\s+and\s+(?:other\s+)?[\w\s]{{2,40}}?)?)\s+"
    rf"(?:(?:also|had|has|have|previously|repeatedly|earlier)\s+){{0,3}}(?P<cue>{_VERB})(?:\s+that)?\s+"
)


@dataclass(frozen=True)
class AttributionFrame:
    source: str
    cue: str
    # Where the attributed content sits inside the sentence (relative offsets).
    content_start: int
    content_end: int
    style: str  # "trailing", "quote", "according", "leading"


def find_attribution(sentence: str) -> AttributionFrame | None:
    if match := _QUOTE.match(sentence):
        source = match["source1"] or match["source2"]
        cue = match["cue1"] or match["cue2"]
        return AttributionFrame(_clean(source), _cue(cue), 0, len(sentence), "quote")
    if match := _TRAILING.search(sentence):
        return AttributionFrame(_clean(match["source"]), _cue(match["cue"]), 0, match.start(), "trailing")
    if match := _ACCORDING.match(sentence):
        return AttributionFrame(_clean(match["source"]), "according to", match.end(), len(sentence), "according")
    if match := _LEADING.match(sentence):
        return AttributionFrame(_clean(match["source"]), _cue(match["cue"]), match.end(), len(sentence), "leading")
    return None


def _clean(source: str) -> str:
    return " ".join(source.split()).strip(" ,")


def _cue(cue: str) -> str:
    return cue.split()[0].lower()
