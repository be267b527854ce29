"""Quantities in a claim, normalised: "at least 40,000 people" -> 40000, people, >=."""

import itertools
import re
from collections.abc import Mapping
from typing import Any

from .dates import is_hedged_year
from .lexicon import (
    IRREGULAR_PAST,
    MONTHS,
    NUMBER_WORDS,
    QUANTITY_MODIFIERS,
    RELATIVES,
    SCALE_WORDS,
    STOPWORDS,
    WEEKDAYS,
)

QUALIFIERS = (
    ("at least", ">="),
    ("no fewer than", ">="),
    ("no less than", ">="),
    ("a minimum of", ">="),
    ("more than", ">"),
    ("over", ">"),
    ("above", ">"),
    ("upwards of", ">"),
    ("in excess of", ">"),
    ("fewer than", "<"),
    ("less than", "<"),
    ("under", "<"),
    ("below", "<"),
    ("at most", "<="),
    ("up to", "<="),
    ("no more than", "<="),
    ("a maximum of", "<="),
    ("about", "~"),
    ("around", "~"),
    ("roughly", "~"),
    ("approximately", "~"),
    ("nearly", "~"),
    ("almost", "~"),
    ("some", "~"),
    ("an estimated", "~"),
    ("estimated", "~"),
    ("close to", "~"),
)
_QUALIFIER = "|".join(re.escape(text) for text, _ in sorted(QUALIFIERS, key=lambda q: -len(q[0])))
_QUALIFIER_SYMBOL = dict(QUALIFIERS)
_NUMBER_WORD = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
_SCALE = "hundred|thousand|million|billion|trillion|bn|mn|m|k"
_CURRENCY = {
    "$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₽": "RUB", "₩": "KRW",
    # Dollars of other countries are written with the country's letters before the sign.
    "C$": "CAD", "CA$": "CAD", "CDN$": "CAD", "A$": "AUD", "AU$": "AUD", "NZ$": "NZD", "HK$": "HKD",
    "S$": "SGD", "R$": "BRL", "\u20bf": "BTC",
}  # fmt: skip
_CURRENCY_WORDS = {
    "dollars": "USD",
    "dollar": "USD",
    "euros": "EUR",
    "euro": "EUR",
    "pounds": "GBP",
    "rubles": "RUB",
    "roubles": "RUB",
    "yuan": "CNY",
}

_QUANTITY = re.compile(
    rf"""
    (?:(?P<qualifier>\b(?:{_QUALIFIER}))\s+(?:an?\s+(?=(?:dozen|hundred|thousand|million|billion)\b))?)?
    (?P<fraction>\b(?:half\s+a|(?:a\s+)?quarter\s+of\s+a)\s+(?=(?:dozen|thousand|million|billion)\b))?
    (?P<sign>(?<![^\s(\[])[-\u2212](?=\d))?
    (?P<currency>(?<![A-Za-z])(?:US|CDN|CA|C|AU|A|NZ|HK|S|R)\$|[$€£¥₹₽₩\u20bf])?
    (?P<number>
        (?<![\w.,/:])(?:(?<=\d-to-)|(?<![^\W\d]-))\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?(?![\w/]|,\d)
      | (?<![\w.,/:])(?:(?<=\d-to-)|(?<![^\W\d]-))\d+(?:\.\d+)?(?![\w/:]|,\d|\.\d)
      | \b(?:{_NUMBER_WORD})(?:-(?:{_NUMBER_WORD})|(?<=ty)\s(?:one|two|three|four|five|six|seven|eight|nine)(?!-))?\b
      | (?:(?<=half\sa\s)|(?<=quarter\sof\sa\s)|(?<=\ba\s)(?<!of\sa\s)(?<!in\sa\s)(?<!thanks\sa\s))
        (?:thousand|million|billion)\b(?!-)
    )
    (?:\s*(?P<scale>\b(?:{_SCALE})\b))?
    (?P<plus>\+(?![\d+]))?
    (?P<percent>\s*%|\s+per\s?cent\b|\s+percent\b)?
    (?:-(?!to-)(?P<compound>[a-z]+?)s?(?:-(?:old|long|year|strong)|-(?P<measured>foot|metre|meter|mile|kilometre|kilometer|yard|inch))?\b)?
    """,
    re.VERBOSE | re.IGNORECASE,
)
_REFERENCE_BEFORE = re.compile(
    r"\b(?:Article|Section|Chapter|Resolution|Rule|Paragraph|Amendment|No\.|Number|Flight|Route|Highway|Page|"
    r"Category|category|Level|Phase|Stage|Grade|Tier|Region|Round|Ward|(?:Council|UN)\s+resolution|ranking\s+number"
    r"|high\s+of\s+number|Area|phase|stage|Episode|Season)\s+$"
)
# "Air India Express flight 1344", "in round 3 of the season", "chaired region six": in lower case, unless a plural
# after the number says what it counts ("the flight 300 passengers took")
# "his role as Jackie Robinson in film 42": a work's title; "up to week 22 of a pregnancy": a week's number;
# "severe acute respiratory syndrome coronavirus 2": a virus's name
_LOWER_REFERENCE_BEFORE = re.compile(
    r"\b(?:flight|(?<!year\s)(?<!all\s)round|region|ward|film|movie|album|novel|week|coronavirus)\s+$"
)
# "[In 19]79-80": an editor's brackets inside a number (a year, 1979), which is then no count
_BRACKET_INSIDE_NUMBER = re.compile(r"\d\]\d")
_BRACKETED_RANGE_BEFORE = re.compile(r"\d\]\d+[-\u2013]$")
# "Shang-Chi and the Legend of the Ten Rings": a number word in a title, between capitalised words
_TITLE_BEFORE = re.compile(r"\b(?P<word>[A-Z][\w-]*)\s+of\s+the\s+$")
_CAPITALISED_AFTER = re.compile(r"\s+[A-Z]")
# "phoned 911", "contact police by calling 101": a telephone number
_PHONE_BEFORE = re.compile(r"\b(?:call(?:s|ed|ing)?|phon(?:e|es|ed|ing)|dial(?:s|l?ed|l?ing)?)\s+$", re.IGNORECASE)
# "the 737 Max", "the A300 and 747": an airliner's model, in a sentence about aircraft, unless a
# plural after it says what it counts ("Boeing delivered 747 jets")
_AIRLINER = re.compile(r"7[0-8]7")
_AVIATION = re.compile(r"\b(?:Boeing|Airbus|aircraft|airliners?|jets?|Max|MAX|planes?|freighters?|Dreamliner)\b")
_COUNTED_AFTER = re.compile(r"\s+(?!(?:was|has|is|as)\b)[a-z]+s\b")
# "a detailed map[3]": a reference mark right after a word counts nothing
_FOOTNOTE = re.compile(r"[^\W\d_]\[\d{1,3}\]")
# Words right after a number that do not name what it counts: "rose to six following the landslide".
_DEATH_HEDGES = frozenset({"feared", "presumed", "reported", "confirmed"})
_DEAD_AFTER = re.compile(r"\s+(?:dead|died|missing|by)\b")
_NOT_UNITS = frozenset(
    {"due", "following", "according", "including", "compared", "ago", "later", "earlier", "apart", "each",
     "apiece", "respectively", "since", "until", "per", "died", "dead",
     # "rose to 7 last year", "fell to 3 this week": when, not what is counted
     "last", "next", "this", "across", "plus", "less", "thus", "besides", "towards", "always", "perhaps",
     # "infected around 35,000 worldwide": where, not what; "the 36 must face charges": a verb
     "worldwide", "nationwide", "statewide", "countrywide", "globally", "must", "might", "may", "shall",
     # "just nine shy of becoming a tropical storm": how far from a mark, not what is counted
     "shy",
     # "one of eighteen B-17s still in the United States": when, after the counted name
     "still"}
)  # fmt: skip
# "198 recorded in the last 24 hours": what happened to the counted things, not what they are (but
# "11,187 recorded accidents" counts accidents).
_REPORTING_PARTICIPLES = frozenset({"recorded", "reported", "confirmed", "registered", "detected", "diagnosed"})
# People counted by what has happened to them.
_PEOPLE_IN_A_STATE = frozenset(
    {"stranded", "displaced", "evacuated", "trapped", "homeless", "arrested", "detained", "rescued", "hospitalised",
     "hospitalized", "aboard", "on-board", "onboard"}
)  # fmt: skip
# "33 were hospitalised", "Over a thousand were arrested": a bare count as the subject of what happened to people
# (and the source's "33 were reported hopitalised", spelt so); not after another count, which it may be a part of,
# as in "Of the 40 cars, 33 were stranded"
_PEOPLE_WERE_IN_A_STATE = re.compile(
    r"\s+(?:(?:have|had)\s+been|were|are)\s+(?:(?:reportedly|reported|also|later|all)\s+)?"
    r"(?:stranded|displaced|evacuated|trapped|arrested|detained|rescued|hospitali[sz]ed|hopitali[sz]ed)\b"
)
_ANY_NUMBER = re.compile(rf"\d|\b(?:{_NUMBER_WORD})\b", re.IGNORECASE)
# "Four of the deceased", "two of the injured": people named by what happened to them
_PEOPLE_AS_A_GROUP = frozenset({"deceased", "dead", "injured", "wounded", "missing", "accused", "elderly"})
# "at least 30 injured", "The three deceased were contract employees": the people hurt or dead
_HURT_OR_DECEASED = frozenset({"injured", "wounded", "hurt", "deceased"})
# "turned out 2.9 million strong to vote": a crowd's size, where the phrase ends after "strong"
# (not "its 386 strong Netto chain", which counts shops).
_STRONG_CROWD = re.compile(r"(?:\s*(?:[.,;:!?)]|$)|\s+(?:to|in|at|on|for|and|as|when|while|who|outside)\b)")
# Singular words in -ing that name things ("one building"); any other is a participle after a count
# ("one of three facing Avenatti"), which says what the things do, not what they are.
_ING_NOUNS = frozenset(
    {"building", "meeting", "hearing", "ruling", "filing", "sibling", "offering", "opening", "setting", "wedding",
     "evening", "morning", "ceiling", "earring", "thing", "king", "ring", "spring", "string", "wing", "inning",
     "shilling", "outing", "painting", "recording", "reading", "warning", "crossing", "landing", "sighting"}
)  # fmt: skip
_PREPOSITION_AFTER = re.compile(r"\s+(?:by|at|in|on|from|to|for|with|after|during|over|under)\b")
# Nouns that end in "s" but are not plurals, so that a plural after them is the unit ("3,728 measles cases").
_SINGULAR_IN_S = frozenset(
    {"measles", "mumps", "rabies", "diabetes", "herpes", "news", "series", "species", "politics", "economics",
     "athletics", "physics", "gas", "bus", "virus", "census", "campus", "bonus", "status"}
)  # fmt: skip
_UNCOUNTED_COMPOUNDS = frozenset({"magnitude", "strong"})
# Pounds of weight: "weighed 82 pounds", "300 pounds (136 kg)".
_WEIGHED_BEFORE = re.compile(r"\bweigh\w*\s+(?:about\s+|around\s+|nearly\s+|just\s+|only\s+)?$", re.IGNORECASE)
_KILOGRAMS_AFTER = re.compile(r"\s*\(\s*~?[\d,.]+\s*(?:kg|kilo)", re.IGNORECASE)
_SINGULAR_TIMES = frozenset({"year", "month", "week", "day", "hour", "minute", "second"})
_PER_HOUR = re.compile(r"\s+(?:per|an|a)\s+(?P<time>hour|minute|second)\b", re.IGNORECASE)
_DISTANCES = frozenset({"miles", "kilometers", "kilometres", "km", "metres", "meters", "feet"})
_PER_TIME = re.compile(r"/(?:h|hr|s|min|day|year|yr)\b")
_MEASURE_AFTER = re.compile(r"\s+(?P<measure>[A-Za-z]+)")
_PLANET_AFTER = re.compile(r"(?:\s+[A-Z][a-z]+){1,2}\s+[b-h](?![\w'\u2019-])(?!\.\w)")
_YEARS_AFTER = re.compile(r"[\s-]years?\b", re.IGNORECASE)
# "two-legged", "three-pronged", "three-dimensional", "two-sided": what something is like, not how many
_DESCRIBING_COMPOUND = re.compile(r"(?!(?:hundred|shed)$)[a-z]+[^e]ed|[a-z]+(?:ional|ical)", re.IGNORECASE)
_ORDINAL = re.compile(
    r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|[a-z]+teenth|[a-z]+ieth"
    r"|hundredth|thousandth",
    re.IGNORECASE,
)
_DEGREES = re.compile(r"\s*(?:°|degrees?\b)(?:\s*(?P<scale>Celsius|centigrade|Fahrenheit|C|F)\b)?", re.IGNORECASE)
_ERA_AFTER = re.compile(r"\s*(?:B\.?C\.?E?|A\.?D|C\.?E|b\.c\.(?:e\.)?|c\.e\.|a\.d\.)(?![\w])")
_TIME_ZONE_BEFORE = re.compile(r"(?:UTC|GMT)\s*[+\u2212-]\s*$")
# "at 5 p.m."; not "five AM radio stations", a band
_TIME_OF_DAY = re.compile(
    r"(?::\d\d)?\s*(?:[ap]\.?m\b\.?(?!\s+(?:radio|stations?|band)\b)|o'clock|GMT|UTC)", re.IGNORECASE
)
_WORD = re.compile(r"[A-Za-z][\w'\u2019.-]*")
# "June 30", and the day that ends a range of days: "September 25-27", "from August 22 to 25".
_MONTH_BEFORE = re.compile(
    rf"\b(?:{'|'.join(MONTHS)})\.?\s*(?:\d{{1,2}}\s*(?:[-\u2013]|to|through|until|and)\s*)?$", re.IGNORECASE
)
_VAGUE_MULTIPLE = re.compile(r"\b(?:a\s+few|several|a\s+couple\s+of|some)\s+$", re.IGNORECASE)
# "has passed 500,000": a verb before a bare number says it is a lower bound.
_EXCEEDED = re.compile(
    r"\b(?:passed|passes|exceeded|exceeds|exceeding|topped|tops|topping|surpassed|surpasses|surpassing|crossed|crosses)"
    r"\s+$",
    re.IGNORECASE,
)
_PASSED_INTO_LAW = frozenset(
    {"articles", "bills", "laws", "resolutions", "measures", "amendments", "motions", "acts", "ordinances", "budgets"}
)
# "the total reported casualties increased to 167", "with coronavirus deaths surpassing 100,000": a plural that
# rose, fell or passed a bare number is what the number counts
_CHANGED_TO_BEFORE = re.compile(
    r"\b(?P<noun>[A-Za-z][a-z]{2,}s)\s+(?:(?:has|have|had)\s+(?:now\s+)?)?"
    r"(?:(?:increased|rose|risen|climbed|grew|grown|jumped|fell|fallen|dropped|declined)\s+to"
    r"|passed|exceeded|exceeding|topped|topping|surpassed|surpassing)\s+$"
)
# "the number of refugees ... has passed 500,000": what a bare number counts, named before it.
# "brings his delegate total to 86": the noun before the tally.
# How far back a sentence is searched for what a bare number counts: far enough for any sentence
# of prose, and it keeps a table pasted as one "sentence" of thousands of numbers linear.
_LOOK_BACK = 400
_COUNTED_BEFORE = re.compile(
    r"\b(?:number|total|count|tally)\s+of\s+(?:those\s+)?(?P<noun>[a-z]+(?:\s+[a-z]+)?)|\b(?P<toll>death)\s+tolls?\b"
    r"|\b(?!(?:final|official|overall|running|grand|new|current|latest|total|crowd|the|his|her|their|its)\b)"
    r"(?P<owner>[a-z]{3,})\s+(?:total|tally|count)\s+(?:to|of|at|is|was|reached|rose\s+to)\b"
    # "the earthquake's magnitude was 5.5", "the magnitude of the earthquake was 6.6", "Magnitude 6.3 according to"
    r"|\b(?P<measure>[Mm]agnitude)(?:\s+of\s+the\s+(?:earthquake|quake|tremor|aftershock))?\s+(?:(?:was|is|of|at)\s+)?$"
    # "The total population of Hong Kong is about 7.5 million", "the population of the state at just over one million"
    r"|\b(?P<population>population)(?:\s+of\s+(?:the\s+)?[\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]*){0,3})?"
    r"\s+(?:is|was|of|at|reached|stood\s+at)\s+(?:just\s+)?$"
    # "Total staff, I told you, is around 6900": the total of what, an aside allowed before its verb
    r"|\b[Tt]otal\s+(?P<total>staff|workforce|[a-z]{3,}s)(?:,[^,]{1,30},)?\s+(?:is|was|stands\s+at|stood\s+at)\s+$"
)


def find_quantities(
    text: str, *, elided_unit: str = "", counted_earlier: Mapping[float, str] | None = None, said_before: str = ""
) -> list[dict[str, Any]]:
    """Each quantity as {"value", "unit", "qualifier", "text"}; dates and years are left out.

    A range ("between 36 and 40 people") is one quantity with qualifier "between" and its upper
    bound in "max". `elided_unit` is what the sentence before counted last, for a tally that
    leaves its noun out from the start ("... Biden earned 6 delegates. Klobuchar earned the
    remaining 1."). `counted_earlier` maps the counts the article made before the text to what they counted, for
    "the 36" that names again "36 people" of an earlier sentence. `said_before` is the sentence before the text
    and the start of the text's own sentence, where the text is a piece of it. A unit taken from outside the text is
    marked `"inferred": True`.
    """
    quantities = [_quantity(text, match) for match in _QUANTITY.finditer(text)]
    found = [q for q in quantities if q is not None]
    if "-in-" in text and (odds := _odds(text)):
        inside = [(q["_start"], q["_end"]) for q in odds]
        found = [q for q in found if not any(start <= q["_start"] < end for start, end in inside)]
        found = sorted(found + odds, key=lambda q: q["_start"])
    if any(stem in text for stem in _FRACTION_STEMS) and (fractions := _fractions(text)):
        inside = [(q["_start"], q["_end"]) for q in fractions]
        found = [q for q in found if not any(start <= q["_start"] < end for start, end in inside)]
        found = sorted(found + fractions, key=lambda q: q["_start"])
    if any(stem in text for stem in _VAGUE_MAGNITUDE_STEMS) and _VAGUE_MAGNITUDE_WORD.search(text):
        found = sorted(found + _vague_magnitudes(text), key=lambda q: q["_start"])
    merged: list[dict[str, Any]] = []
    for quantity in found:
        previous = merged[-1] if merged else None
        if previous is not None and (start := _range_start(text, previous, quantity)) is not None:
            # "ranging in age from eleven to 75": years
            ages = "years" if _IN_AGE_FROM.search(text, max(0, start - 30), start) else ""
            merged[-1] = {
                "value": _scaled_like(previous, quantity, text),
                "max": quantity["value"],
                "unit": quantity["unit"] or previous["unit"] or ages,
                "qualifier": "between",
                "text": text[start : quantity["_end"]].rstrip(" .,;"),
                "_start": start,
                "_end": quantity["_end"],
            }
            continue
        merged.append(quantity)
    merged = _rates(text, merged)
    if "R0" in text:
        _reproduction_numbers(text, merged)
    if "(" in text:
        _converted_like_before(text, merged)
    if " more" in text:
        _more_of_the_same(text, merged)
    if "-" in text or "\u2013" in text:
        _score_units(text, merged)
    if "-" in text:
        _count_of_measured_things(text, merged)
    if "others" in text:
        _others_counted_like_before(text, merged)
    _name_again(text, merged, counted_earlier or {})
    _share_the_next_noun(text, merged)
    prefix = said_before[max((end.end() for end in _SENTENCE_ENDS.finditer(said_before)), default=0) :]
    counted_in_sentence = bool(elided_unit) and re.search(rf"\b{re.escape(elided_unit)}\b", prefix) is not None
    _carry_elided_units(text, merged, elided_unit, counted_in_sentence=counted_in_sentence)
    if "?" in said_before and (asked := _HOW_MANY_ASKED.search(said_before)):
        _answer_how_many(text, merged, asked["noun"].lower())
    return [{key: value for key, value in q.items() if not key.startswith("_")} for q in merged]


# "a one-in-five chance", "a 1-in-100 risk", "one-in-a-million odds": a chance as the share it names
_ODDS = re.compile(
    rf"\b(?P<share>one|1)-in-(?:a-)?(?P<whole>\d[\d,]*|(?:{_NUMBER_WORD})(?:-(?:{_NUMBER_WORD}))?|hundred|thousand|million|billion)\b"
    r"(?P<noun>\s+(?:chance|risk|odds|probability|likelihood)\b)?",
    re.IGNORECASE,
)


def _odds(text: str) -> list[dict[str, Any]]:
    found = []
    for match in _ODDS.finditer(text):
        whole = _number_value(match["whole"])
        if not whole:
            continue
        found.append(
            {"value": round(1 / whole, 6), "unit": "ratio", "qualifier": "=", "text": match.group(),
             "_start": match.start(), "_end": match.end()}
        )  # fmt: skip
    return found


# "two thirds of those known to be infected", "at least three quarters of the country's 50 state legislatures", "a
# two-thirds majority": a share of a whole, as the ratio it names (as odds are), not a count of thirds or quarters
_FRACTION_STEMS = ("third", "quarters", "fifth", "halves")
_DENOMINATORS = {"half": 2, "halves": 2, "third": 3, "quarter": 4, "fourth": 4, "fifth": 5}
_FRACTION = re.compile(
    rf"(?:(?P<qualifier>\b(?:{_QUALIFIER}))\s+)?(?P<mixed>\b(?:{_NUMBER_WORD})\s+and\s+)?"
    r"\b(?P<share>one|two|three|four)[\s-](?P<part>halves|thirds?|quarters?|fourths?|fifths?)\b"
    r"(?=\s+of\b|\s+(?:super)?majority\b|\s+(?:[a-z]+\s+)?(?P<noun>[a-z]{3,}s)\b)",
    re.IGNORECASE,
)


def _fractions(text: str) -> list[dict[str, Any]]:
    found = []
    for match in _FRACTION.finditer(text):
        share = _number_value(match["share"]) or 0
        part = match["part"].lower()
        whole = _DENOMINATORS[part.removesuffix("s")]
        if share >= whole or (share > 1) != part.endswith("s"):
            continue  # "one thirds", "four quarters": no share of a whole
        value, unit, start = round(share / whole, 6), "ratio", match.start("share")
        if match["noun"]:
            if not match["mixed"]:
                continue  # "three quarters running", "two thirds tax": not plainly a share
            # "one and two thirds meters": a measure with its fraction
            value, unit, start = (
                round((_number_value(match["mixed"].split()[0]) or 0) + value, 6),
                match["noun"],
                match.start("mixed"),
            )
        start = match.start("qualifier") if match["qualifier"] else start
        end = match.end("noun") if match["noun"] else match.end()
        qualifier = _QUALIFIER_SYMBOL.get((match["qualifier"] or "").lower(), "=")
        found.append(
            {
                "value": value,
                "unit": unit,
                "qualifier": qualifier,
                "text": text[start:end],
                "_start": start,
                "_end": end,
            }
        )
    return found


# "tens of thousands", "hundreds of protesters", "dozens of earthquakes": more than the order of magnitude named
# Looked for as plain text first (without the first letter, which may be a capital): most claims have none.
_VAGUE_MAGNITUDE_STEMS = ("ozens", "cores", "undreds", "housands", "illions")
_VAGUE_MAGNITUDE_WORD = re.compile(r"\b(?:dozens|scores|hundreds|thousands|millions|billions)\b", re.IGNORECASE)
_VAGUE_MAGNITUDE = re.compile(
    r"\b(?P<tens>(?:tens|hundreds)\s+of\s+)?(?P<magnitude>dozens|scores|hundreds|thousands|millions|billions)\b"
    r"(?P<of>\s+of\b)?",
    re.IGNORECASE,
)
_CAPITALS_AHEAD = re.compile(r"(?: [A-Z][\w'\u2019.-]{0,60}){1,4}(?= )")
# A people's plural: one capitalised word in -s that no capitalised word follows (not "Hong Kong")
_PEOPLE_NAMED_AFTER = re.compile(r" (?P<people>[A-Z][a-z]{2,}(?<![su]s)(?<!is)(?<!as)s)\b(?! [A-Z])(?![-'\u2019])")
# "thousands of anime and manga fans", "hundreds of American and coalition service members": two words joined before
# the plural; "hundreds of ISIS (Islamic State of Iraq and Syria) fighters": an abbreviation spelled out before it
_JOINED_OR_SPELLED_BEFORE_PLURAL = re.compile(
    r"\s+(?:[A-Za-z][\w-]*\s+and\s+(?:[a-z][\w-]*\s+){0,2}?|[A-Z]{2,6}\s+\([^()]{1,60}\)\s+)"
    r"(?P<noun>[a-z]{3,}s)\b(?![-'\u2019])"
)
_DEATH_COUNT_BEFORE = re.compile(r"\bdeath\s+(?:toll|count)\s+(?:[a-z]+\s+){0,2}?(?:in|at|into|to)\s+(?:the\s+)?$")
_MAGNITUDES = {"dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1_000, "millions": 10**6, "billions": 10**9}


def is_vague(quantity: dict[str, Any]) -> bool:
    """ "thousands of people": a count by its order of magnitude only."""
    return bool(_VAGUE_MAGNITUDE.match(quantity["text"]))


def _vague_magnitudes(text: str) -> list[dict[str, Any]]:
    found = []
    for match in _VAGUE_MAGNITUDE.finditer(text):
        value = _MAGNITUDES[match["magnitude"].lower()]
        if match["tens"]:
            value *= 10 if match["tens"].lower().startswith("tens") else 100
        unit, end = "", match.end("magnitude")
        if match["of"] and (noun := _plural_after_names(text, match.end(), words=3)):
            unit = noun.group().rstrip(".").lower()
            end = noun.start() + len(unit)
        elif match["of"] and (joined := _JOINED_OR_SPELLED_BEFORE_PLURAL.match(text, match.end())):
            unit, end = joined["noun"], joined.end("noun")
        elif match["of"] and (people := _PEOPLE_NAMED_AFTER.match(text, match.end())):
            unit, end = people["people"], people.end("people")  # "thousands of Swedes", "millions of Americans"
        elif match["of"] and _NAMED_THEN_HURT.match(text, match.end()):
            unit = "people"  # "hundreds of Taliban killed", "tens of thousands of ethnic Ndebele killed"
        elif not match["of"] and _DEATHS_AFTER.match(text, end):
            unit = "deaths"  # "Dozens died in the attack", "a failed coup in which hundreds died"
        elif not match["of"] and _DEATH_COUNT_BEFORE.search(text, max(0, match.start() - 40), match.start()):
            unit = "deaths"  # "placed the protester death count in the hundreds"
        elif not match["of"] and (
            _casualties_after(text, end)
            or _PEOPLE_DO_AFTER.match(text, end)
            or _CASUALTY_BEFORE.search(text, max(0, match.start() - 20), match.start())
        ):
            unit = "people"  # "hundreds were injured", "Millions dwell in ...", "attended by thousands"
        found.append(
            {"value": value, "unit": unit, "qualifier": ">", "text": text[match.start() : end], "_start": match.start(),
             "_end": end}
        )  # fmt: skip
    for first, second in itertools.pairwise(found):
        if not first["unit"] and _OR_MORE_GAP.fullmatch(text, first["_end"], second["_start"]):
            first["unit"] = second["unit"]  # "thousands if not tens of thousands of ethnic Ndebele killed"
    return found


# A people or group named by a capitalised word, then what happened to them
_NAMED_THEN_HURT = re.compile(
    r" (?:[a-z]+ )?[A-Z][\w'\u2019-]+(?: [A-Z][\w'\u2019-]+)? (?:were )?(?:killed|dead|injured|wounded|arrested)\b"
)
# "thousands if not tens of thousands", "hundreds or thousands": two guesses at one count
_OR_MORE_GAP = re.compile(r"\s+(?:if\s+not|or(?:\s+even)?|to)\s+")


# "nearly 2000 people, perhaps some hundreds more", "the deaths of hundreds of ... service members and the wounding of
# thousands more": more of what was counted before, not "more than"
_MORE_AFTER = re.compile(r"\s+more\b(?!\s+than\b)")


def _more_of_the_same(text: str, quantities: list[dict[str, Any]]) -> None:
    """A bare count of more counts what the count before it in the sentence counted."""
    counted = ""
    for quantity in quantities:
        if not quantity["unit"] and counted and _MORE_AFTER.match(text, quantity["_end"]):
            quantity["unit"] = counted
        counted = quantity["unit"] or counted


_CONVERSION_GAP = re.compile(r"\s*\(\s*")


def _converted_like_before(text: str, quantities: list[dict[str, Any]]) -> None:
    """ "6.05 hectares (14.95 acres) ..., up from 2.48 (6.12 acres)": a bare amount converted in brackets into the unit
    an earlier amount was converted into is in that earlier amount's unit."""
    converted: dict[str, str] = {}  # the unit in brackets -> the unit it converts
    for amount, conversion in itertools.pairwise(quantities):
        if not (conversion["unit"] and _CONVERSION_GAP.fullmatch(text, amount["_end"], conversion["_start"])):
            continue
        if amount["unit"]:
            converted.setdefault(conversion["unit"], amount["unit"])
        elif conversion["unit"] in converted:
            amount["unit"] = converted[conversion["unit"]]


def _reproduction_numbers(text: str, quantities: list[dict[str, Any]]) -> None:
    """ "The measles R0 is about 12\u201318", "R0 values of about 2": a bare value a few words after "R0" is the
    number of people one case infects, and so is one after "and" and another disease ("SARS-CoV has a basic R0
    estimated in the range 2\u20134 and influenza in the range 2\u20133"), or after "values" once more ("R0 values under
    1 end on their own and those with values over 1 do not")."""
    previous, last_end = "", 0
    for quantity in quantities:
        if not quantity["unit"] and (
            _R0_BEFORE.search(text, max(0, quantity["_start"] - 40), quantity["_start"])
            or (previous == "R0" and _AND_ANOTHER.fullmatch(text, last_end, quantity["_start"]))
            # "... end on their own and those with values over 1 do not": the values named again
            or (previous == "R0" and _VALUES_BEFORE.search(text, max(0, quantity["_start"] - 12), quantity["_start"]))
        ):
            quantity["unit"] = "R0"
        previous, last_end = quantity["unit"], quantity["_end"]


def _scaled_like(low: dict[str, Any], high: dict[str, Any], text: str) -> float:
    """ "two to three hundred vehicles": the low end takes the high end's scale (200, not 2)."""
    scale = _SCALE_IN.search(text, high["_start"], high["_end"])
    if scale and not _SCALE_IN.search(text, low["_start"], low["_end"]):
        scaled = low["value"] * SCALE_WORDS[scale.group().lower()]
        if scaled <= high["value"]:
            return int(scaled) if float(scaled).is_integer() else scaled
    return low["value"]


_SCALE_IN = re.compile(r"\b(?:hundred|thousand|million|billion|trillion)\b", re.IGNORECASE)


def _rates(text: str, quantities: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """ "fifteen youth suicides per 100,000 individuals" is one rate, not a count and a population."""
    rated: list[dict[str, Any]] = []
    for quantity in quantities:
        previous = rated[-1] if rated else None
        if previous is not None and _PER.fullmatch(text, previous["_end"], quantity["_start"]):
            denominator = text[quantity["_start"] : quantity["_end"]].rstrip(" .,;")
            rated[-1] = {
                **previous,
                "unit": f"{previous['unit']} per {denominator}".strip(),
                "text": text[previous["_start"] : quantity["_end"]].rstrip(" .,;"),
                "_end": quantity["_end"],
            }
            continue
        rated.append(quantity)
    return rated


_PER = re.compile(r"\s+per\s+", re.IGNORECASE)
_THE_BEFORE = re.compile(r"\bthe\s+(?:other\s+|remaining\s+)?$", re.IGNORECASE)


# "its roughly 2000 Thai and 74 Malaysian stores", "18 FM and five AM radio stations": a word that describes the first
# count, then the second with the noun both count
_DESCRIBED_BEFORE_AND = re.compile(r"\s+(?P<word>[A-Z][\w-]*|[a-z]{3,})\s+(?:and|or)\s+")


def _share_the_next_noun(text: str, quantities: list[dict[str, Any]]) -> None:
    for quantity, following in itertools.pairwise(quantities):
        if quantity["unit"] or not following["unit"] or following["unit"] in _MEASURES:
            continue
        gap = _DESCRIBED_BEFORE_AND.fullmatch(text, quantity["_end"], following["_start"])
        if gap and gap["word"].lower() not in STOPWORDS and not _is_plural_noun(gap["word"]):
            quantity["unit"] = following["unit"]


# "two 12-roll packs", "three 20-foot containers": a count, then a measure joined to its noun by a hyphen, then the
# plural that both describe
_MEASURED_COMPOUND = re.compile(r"[\d,.]+-[a-z]+|[a-z]+-[a-z]+")
_PLURAL_NEXT = re.compile(r"\s+(?P<noun>[a-z]{3,}s)\b(?![-'\u2019])")


def _count_of_measured_things(text: str, quantities: list[dict[str, Any]]) -> None:
    for count, measure in itertools.pairwise(quantities):
        if (
            not count["unit"]
            and measure["unit"]
            and text[count["_end"] : measure["_start"]] == " "
            and _MEASURED_COMPOUND.fullmatch(text, measure["_start"], measure["_end"])
            and (noun := _PLURAL_NEXT.match(text, measure["_end"]))
            and _is_plural_noun(noun["noun"])
        ):
            count["unit"] = noun["noun"]


# "The local police chief and two others were also injured", "killed three people and injured three others"
_OTHERS_HURT_AFTER = re.compile(
    r"\s+(?:(?:were|are|had\s+been|have\s+been)\s+)?(?:also\s+)?(?:(?:seriously|critically|severely|slightly)\s+)?"
    r"(?:injured|killed|wounded|hurt|dead|died)\b"
)


def _others_counted_like_before(text: str, quantities: list[dict[str, Any]]) -> None:
    """ "with the death toll rising to 22 people ..., with 25 others injured", "eight states, with write-in access in
    23 others": others of what the sentence counted before; where it counted nothing, others hurt or aboard are
    people ("injured at least nineteen others", "Bryant and eight others on board")."""
    for index, quantity in enumerate(quantities):
        if quantity["unit"] != "others":
            continue
        counted = [before["unit"] for before in quantities[:index] if before["unit"] not in (*_MEASURES, "", "others")]
        if counted:
            quantity["unit"] = counted[-1]
        elif (
            _OTHERS_HURT_AFTER.match(text, quantity["_end"])
            or _PEOPLE_AFTER.match(text, quantity["_end"])
            or _CASUALTY_BEFORE.search(text, max(0, quantity["_start"] - 20), quantity["_start"])
        ):
            quantity["unit"] = "people"


def _name_again(text: str, quantities: list[dict[str, Any]], counted_earlier: Mapping[float, str]) -> None:
    """ "when we had a 4.7-magnitude [earthquake] there. Since the 4.7, ...": a bare number after "the" that
    repeats one counted before it counts the same; so does one that repeats a count of an earlier sentence and
    is the subject or object of its own ("arrest warrants for 36 people ... said the 36 must face charges", "the
    victim of the eight was"), but not a measure ("a two-year ban ... the two posed by conservatives") nor a
    number with more words after it ("the four earlier primaries", "in the 22 in that last twenty minutes"). A
    smaller one after "the" or "the other", where its phrase ends or a verb follows, is a part of the larger count
    before it ("three competing bills ... the two posed by conservatives", "four environments: one being air, and
    the other three being")."""
    for index, quantity in enumerate(quantities):
        if quantity["unit"] or not _THE_BEFORE.search(text, max(0, quantity["_start"] - 14), quantity["_start"]):
            continue
        named = [
            before["unit"] for before in quantities[:index] if before["unit"] and before["value"] == quantity["value"]
        ]
        wholes = [
            before["unit"]
            for before in quantities[:index]
            if before["unit"] and before["unit"] not in _MEASURES and before["value"] > quantity["value"]
        ]
        if named:
            quantity["unit"] = named[-1]
        elif wholes and _PART_ACTS_AFTER.match(text, quantity["_end"]):
            # "debated three competing bills and selected the one ... over the two posed by conservatives", "kept in
            # four different environments: one being air, and the other three being ...": a part of what it counted
            quantity["unit"] = wholes[-1]
        elif (
            (earlier := counted_earlier.get(quantity["value"]))
            and earlier not in _MEASURES
            and _ACTS_AFTER.match(text, quantity["_end"])
        ):
            quantity["unit"], quantity["inferred"] = earlier, True


_PART_ACTS_AFTER = re.compile(r"\s+(?:being|were|was|are|had|have|[a-z]{3,}ed\s+by)\b|\s*[,.;)]|\s*$")
_ACTS_AFTER = re.compile(r"\s+(?:must|had|have|has|were|was|are|is|will|would|could|did|with)\b")


def _carry_elided_units(
    text: str, quantities: list[dict[str, Any]], carried_in: str, *, counted_in_sentence: bool = False
) -> None:
    """ "Warren earned 8 delegates, Biden earned 6.": a bare number that ends its phrase counts
    what the number before it counted. `counted_in_sentence`: `carried_in` was counted earlier in the text's own
    sentence ("over 500,000 ballots were not yet returned, and over 11,000 were not yet sent out" split in two)."""
    previous_unit, counted_here, previous_end = carried_in, counted_in_sentence, -1
    unit_in_text = False
    listing_ages = False
    for index, quantity in enumerate(quantities):
        # "aged nine, ten, thirteen, 49, and 59", "between the ages of 14 and 18": a list of ages goes on
        if (
            listing_ages
            and not quantity["unit"]
            and (quantity.get("value") or 0) <= 130
            and _AGE_LIST_GAP.fullmatch(text, previous_end, quantity["_start"])
            # an item of the list, not "aged 80, and 3 were injured" or "aged above 60, two between 51 and 60"
            and _AGE_ITEM_END.match(text, quantity["_end"])
        ):
            quantity["unit"] = "years"
        following = quantities[index + 1] if index + 1 < len(quantities) else None
        if (
            listing_ages
            and not quantity["unit"]
            and following is not None
            and following["unit"] in ("", "years")
            and _AGE_LIST_GAP.fullmatch(text, previous_end, quantity["_start"])
            and text[quantity["_end"] : following["_start"]].isspace()
            and (counted := [before["unit"] for before in quantities[:index] if before["unit"] not in _MEASURES])
        ):
            # "Two cases were aged above 60, two between 51 and 60": a count of what the list counts, then their ages
            quantity["unit"], following["unit"] = counted[0], "years"
            previous_end = quantity["_end"]
            continue
        listing_ages = quantity["unit"] == "years" and (
            listing_ages or _AGE_BEFORE.search(text, max(0, quantity["_start"] - 12), quantity["_start"]) is not None
        )
        # "defeated Wynnum 45 points to 24", "passed by 230 votes to 202": the number after "to" counts the same
        # "279 electoral votes to President Donald Trump's 214": or the other side's, by name
        score = counted_here and _SCORE_GAP.fullmatch(text, previous_end, quantity["_start"]) is not None
        handed_on = _TALLY_BEFORE.search(text, max(0, quantity["_start"] - 20), quantity["_start"])
        # "Italy had around 27,000" counts deaths, but "Bolt ran 100 metres. He has 8" counts no metres
        held = (
            handed_on is not None and handed_on["verb"].lower() in ("had", "has", "have") and previous_unit in _MEASURES
        )
        tally = _PHRASE_END.match(text, quantity["_end"]) and handed_on and not held
        # "1846 persons were hospitalized and 1720 had been discharged": a bare number as a subject,
        # which takes its noun only from its own sentence ("At least seven, including four children,
        # died. At least 45 were aboard": not 45 children).
        subject = (
            counted_here
            and _VERB_AFTER_SUBJECT.match(text, quantity["_end"])
            and _CLAUSE_START.search(text, max(0, quantity["_start"] - 20), quantity["_start"])
        )
        # "21 injured in Davao del Sur, 36 in North Cotabato": the next item of a list counts the same
        listed = (
            counted_here
            and _LIST_ITEM_GAP.fullmatch(text, previous_end, quantity["_start"])
            and _PLACE_OR_TIME_AFTER.match(text, quantity["_end"])
        )
        total = _TOTAL_OF_BEFORE.search(text, max(0, quantity["_start"] - 20), quantity["_start"])
        # "190 people on board, six of them crew members": a part of what was just counted
        # "in two qualifying polls, of which four are needed", "200 people, of whom 30 were hurt": the same again
        part = counted_here and (
            _OF_THEM_AFTER.match(text, quantity["_end"])
            or _OF_WHICH_BEFORE.search(text, max(0, quantity["_start"] - 12), quantity["_start"])
        )
        # "sentenced to fourteen years in prison, serving eight before ...": the time served of the time given
        served = previous_unit in _TIME_SPANS and _SERVING_BEFORE.search(
            text, max(0, quantity["_start"] - 12), quantity["_start"]
        )
        if not quantity["unit"] and tally and handed_on["verb"].lower() == "with":
            most = [
                match["noun"]
                for match in _MOST_OF.finditer(text, max(0, quantity["_start"] - _LOOK_BACK), quantity["_start"])
                if _is_plural_noun(match["noun"])
            ]
            if most:
                quantity["unit"] = most[-1]
        # "Under BIPA, that number drops to six.": the number the sentence before gave, changed
        renamed = _THAT_NUMBER_BEFORE.search(text, max(0, quantity["_start"] - 40), quantity["_start"])
        if (
            not quantity["unit"]
            and previous_unit
            and (tally or subject or score or listed or total or part or served or renamed)
        ):
            quantity["unit"] = previous_unit
            if not unit_in_text:
                quantity["inferred"] = True
        # "39 of South Carolina's 54 delegates": a part counts what its whole counts
        whole = quantities[index + 1] if index + 1 < len(quantities) else None
        if (
            not quantity["unit"]
            and whole is not None
            and whole["unit"]
            and whole["unit"] not in _MEASURES
            and _PART_OF_A_WHOLE.fullmatch(text, quantity["_end"], whole["_start"])
        ):
            quantity["unit"] = whole["unit"]
        if quantity["unit"]:
            unit_in_text = unit_in_text or not quantity.get("inferred")
            previous_unit, counted_here = quantity["unit"], True
        previous_end = quantity["_end"]


_SCORE_GAP = re.compile(r" to (?:(?:[A-Z][\w.'\u2019-]*\s+){0,3}[A-Z][\w.-]*['\u2019]s )?")
_NUMBER_AFTER = re.compile(rf"\s+(?:\d|(?:{'|'.join(NUMBER_WORDS)})\b)", re.IGNORECASE)
_AGE_ITEM_END = re.compile(r"\s*(?:[,.;)]|$)|\s+(?:and|or)\s")
_AGE_LIST_GAP = re.compile(r",\s+(?:and\s+)?|\s+and\s+")
_LIST_ITEM_GAP = re.compile(r"\s+(?:in|at|from|for|across|throughout)\s+[^,;.]{1,40}?(?:,\s+(?:and\s+)?|\s+and\s+)")
_PLACE_OR_TIME_AFTER = re.compile(r"\s+(?:in|at|from|for|across|throughout)\s")
_PART_OF_A_WHOLE = re.compile(
    r"\s+of\s+(?:the|its|their|his|her|[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,3}['\u2019]s)\s+"
    # "Six of the country's eight federal district capitals"
    r"|\s+of\s+(?:the|its|their|his|her)\s+[a-z]+['\u2019]s\s+"
    # "29 out of 30 federal charges", "7 out of 20 suspected cases"
    r"|\s+out\s+of\s+(?:the\s+)?"
)
_VERB_AFTER_SUBJECT = re.compile(r"\s+(?:had|have|has|were|was|are)\b")
# "While 54 nations have signed ..., only 27 have ratified"
_CLAUSE_START = re.compile(r"(?:^|[,;]|\band)\s*(?:(?:[Oo]nly|[Jj]ust)\s+)?$")
_THAT_NUMBER_BEFORE = re.compile(
    r"\b(?:that|this)\s+(?:number|figure)\s+(?:(?:has|had|will|would)\s+)?(?:drops?|dropped|falls?|fell|fallen|rises?"
    r"|rose|risen|grows?|grew|grown|climbs?|climbed|increases?|increased|decreases?|decreased|goes|went)\s+to\s+$",
    re.IGNORECASE,
)
_SENTENCE_ENDS = re.compile(r"[.!?][\"\u201d\u2019)]*\s+")
# "How many employees were there in this all-women crew?" "There were fifteen of them.": the answer counts what the
# question asked about, if the question is the last thing said before it (an interview's next speaker aside)
_HOW_MANY_ASKED = re.compile(r"\bHow\s+many\s+(?:[a-z]+\s+)?(?P<noun>[a-z]{3,}s)\b[^.!?]*\?\s*(?:\(\([^()]*\)\)\s*)?$")


def _answer_how_many(text: str, quantities: list[dict[str, Any]], asked: str) -> None:
    if not _is_plural_noun(asked):
        return
    for quantity in quantities:
        if not quantity["unit"] and quantity["value"] == int(quantity["value"]) and quantity["value"] > 1:
            quantity["unit"], quantity["inferred"] = asked, True


# The end of a tally's phrase: punctuation, or a preposition after it ("secured four with about 63%"), or how it was
# counted: "with 198 recorded in the last 24 hours" after "3,728 measles cases have been reported"
_PHRASE_END = re.compile(r"\s*(?:[,.;:)]|$)|\s+(?:with|in|at|after|for|as\s+of|recorded|reported|confirmed)\b")
# Words that hand a tally on to an elided noun ("with 6", "Biden earned 6"), unlike ages ("aged 17")
# or rates ("per 100,000").
_TALLY_BEFORE = re.compile(
    r"\b(?P<verb>with|at|earned|secured|won|got|received|lost|gained|took|remaining|had|has|have|recorded|reported)\s+$"
)
# "had the most delegates, with 60, followed by Biden, with 54": what the sentence says someone had most of
_MOST_OF = re.compile(
    r"\b(?:most|fewest|more|fewer|(?:highest|largest|greatest|lowest|smallest)\s+number\s+of)\s+(?:[a-z-]+\s+)?"
    r"(?P<noun>[a-z]{3,}s)\b"
)
_ADJECTIVE_ENDING = re.compile(r"(?:ic|al|ous|ive|ful|less)$")
_PHRASE_ENDS = re.compile(r"\s*[,;:.)\u2014]")
_SUPERLATIVE_THEN = re.compile(r" [a-z][\w-]+ (?P<noun>[A-Za-z][a-z]+s)\b")
_OF_WHICH_BEFORE = re.compile(r",\s+of\s+(?:which|whom)\s+(?:only\s+|just\s+)?$")
_OF_THEM_AFTER = re.compile(r"\s+of\s+(?:them|those)\b")
_SERVING_BEFORE = re.compile(r"\b(?:serv|spen[dt]|wait)(?:e|es|ed|ing|s)?\s+$")
# "earning 15 delegates for a running total of 60"
_TOTAL_OF_BEFORE = re.compile(r"\b(?:running\s+|grand\s+)?total\s+of\s+$")
_MEASURES = frozenset(
    {"percent", "metres", "meters", "kilometres", "kilometers", "km", "miles", "feet", "inches", "kg", "pounds",
     "years", "months", "weeks", "days", "hours", "minutes", "seconds", "°C", "°F", "degrees", "magnitude", "mph",
     "km/h", *_CURRENCY.values()}
)  # fmt: skip


_RANGING_FROM = re.compile(r"\brang(?:e|es|ed|ing)\s+(?:in\s+\w+\s+)?from$")
_IN_AGE_FROM = re.compile(r"\bin\s+age\s+from\s+$")
_VOTED_BEFORE = re.compile(
    r"\b(?:voted|votes?\s+of|along\s+party\s+lines,?|(?:vote|motion|bill|resolution)\s+(?:passed|failed))\s+"
    r"(?:[\d,]+\s*(?:-to-|to|-|\u2013)\s*)?$"
)


# "Maroochydore defeated Caboolture 43-5", "won 3-1", "The Senate passed the bill 52-48", "by votes of 230-to-197": a
# game's score or a vote's tally, two bare numbers joined by a dash after what was won or voted (a few words between)
_TALLY_JOIN = re.compile(r"-to-|[-\u2013]")
_SCORED_BEFORE = re.compile(
    r"\b(?:(?P<game>won|wins?|beat|beats|defeat(?:s|ed)?|lost|lose|loses|drew|draws|tied|edged|edges|trounced"
    r"|thrashed|routed|knocked\s+of{1,2}|trailed|trails|led|leads|ended|finished|score\s+(?:was|of|at))"
    r"|(?P<vote>voted|votes?\s+of|vote\s+was|passed|approved|rejected|confirmed|adopted|margin\s+of))"
    r"(?:\s+(?!(?:in|on|at|by|with|since|from|after|before|during|for|over|about|than|to|of|and)\b)"
    r"[\w'\u2019.&-]+){0,5}\s+$"
)
_SCORE_PAIRS_AND = re.compile(r",?\s+and\s+")


def _score_units(text: str, quantities: list[dict[str, Any]]) -> None:
    """A score's points ("won 3-1") or a vote's votes ("passed 52-48", "230-to-197 and 229-to-198"), for the
    numbers of a tally that count nothing named."""
    unit, previous_end = "", 0
    for first, second in itertools.pairwise(quantities):
        if (
            not _TALLY_JOIN.fullmatch(text, first["_end"], second["_start"])
            or first["qualifier"] != "="
            or {first["unit"], second["unit"]} - {"", "votes", "points"}
        ):
            continue  # "lost 10-15% of its value", "won 2-3 seats": a range of what is named
        scored = _SCORED_BEFORE.search(text, max(0, first["_start"] - 60), first["_start"])
        if scored:
            unit = "votes" if scored["vote"] else "points"
        elif not (unit and _SCORE_PAIRS_AND.fullmatch(text, previous_end, first["_start"])):
            unit = ""  # "... 230-to-197 and 229-to-198": the second tally counts what the first did
        if unit:
            for quantity in (first, second):
                quantity["unit"] = quantity["unit"] or unit
        previous_end = second["_end"]


def _range_start(text: str, low: dict[str, Any], high: dict[str, Any]) -> int | None:
    """Where a range of two quantities starts ("between 36 and 40", "18 to 23 foot", "10-20", "seven
    or eight percent"), or None when they are not one. "from 5 to 7 percent" is a change, not a range."""
    if low["qualifier"] not in ("=", "~") or high["qualifier"] != "=":
        return None  # "about 12-18" is still a range; "more than 5 to 7" is not one
    before = text[max(0, low["_start"] - 24) : low["_start"]].lower().rstrip()
    between = text[low["_end"] : high["_start"]].strip().lower()
    if before.endswith("between") and between == "and":
        return text.lower().rfind("between", 0, low["_start"])
    raw_between = text[low["_end"] : high["_start"]]
    if (
        between in ("-", "\u2013")
        and not (low["unit"] or high["unit"])
        and _SCORED_BEFORE.search(text, max(0, low["_start"] - 60), low["_start"])
    ):
        return None  # "lost 1\u20133": a score, not a range
    if between in ("-", "\u2013") and raw_between != between and low["unit"]:
        return None  # "down by two points - 12 points to 10": a dash set off by spaces opens an aside
    same_unit = low["unit"] in ("", high["unit"])
    if (
        between in ("to", "or", "-", "\u2013")
        and same_unit
        and low["value"] < high["value"]
        and (not before.endswith("from") or _RANGING_FROM.search(before))
    ):
        return low["_start"]
    return None


def _quantity(text: str, match: re.Match[str]) -> dict[str, Any] | None:
    value = _number_value(match["number"])
    if value is None:
        return None
    if match["number"].isalpha() and value == 1 and not (match["compound"] or match["scale"]):
        return None  # "one of the", "one day": too ambiguous to be a count
    if match["number"][0].isupper() and re.search(
        r"[A-Z][\w-]*(?:\s+of)?\s+$", text[max(0, match.start() - 20) : match.start()]
    ):
        return None  # "World War Two", "Apollo Eleven", "the Group of Seven": part of a name
    if (
        match["number"][0].isupper()
        and (title := _TITLE_BEFORE.search(text, max(0, match.start() - 30), match.start()))
        and title["word"].lower() not in STOPWORDS
        and _CAPITALISED_AFTER.match(text, match.end())
    ):
        return None  # "the Legend of the Ten Rings": a title's words, not an amount
    if _model_number(text, match) or _ADDRESS_AFTER.match(text, match.end("number")):
        return None
    if _STATION_BEFORE.search(text, max(0, match.start() - 10), match.start()) and _NEWS_AFTER.match(
        text, match.end("number")
    ):
        return None  # "Paul Rivera of WESH 2 news", "Channel 4 News": a station's name
    if _PLANET_AFTER.match(text, match.end("number")):
        return None  # "51 Pegasi b": a planet's name, its star's number and a letter
    if _US_CODE_AFTER.match(text, match.end("number")) or _SECTION_SIGN_BEFORE.search(
        text, max(0, match.start() - 8), match.start()
    ):
        return None  # "17 U.S. Code \u00a7 1201", "17 USC 1201": a title of the code and a section of it
    if match["compound"] and (_ORDINAL.fullmatch(match["compound"]) or match["compound"].lower() == "and"):
        return None  # "the twenty-sixth dynasty": a position; "two-and-a-half" is not read here
    if match["compound"] and _DESCRIBING_COMPOUND.fullmatch(match["compound"]):
        return None  # "two-legged running", "three-dimensional structures": a description, not an amount
    if _is_date_part(text, match, value) or _TIME_OF_DAY.match(text, match.end("number")):
        return None
    if text[match.start("number") - 1 : match.start("number")] == "#":
        return None  # "peaked at #19 on the Billboard charts": a rank
    if _ERA_AFTER.match(text, match.end("number")):
        return None  # "from about 664 b.c.e. to 250 c.e.", "in 44 BC": a year
    if _TIME_ZONE_BEFORE.search(text, max(0, match.start() - 6), match.start()):
        return None  # "local time (UTC+0900)": an offset
    if _REFERENCE_BEFORE.search(text, max(0, match.start() - 30), match.start()):
        return None  # "Article 5", "Resolution 2254": a name, not an amount
    if (
        _LOWER_REFERENCE_BEFORE.search(text, max(0, match.start() - 12), match.start())
        and not _COUNTED_AFTER.match(text, match.end("number"))
        and not _plural_ahead(text, match.end("number"), words=1)  # "the film 300 people saw"
    ):
        return None
    if _PHONE_BEFORE.search(text, max(0, match.start() - 12), match.start()) and not _COUNTED_AFTER.match(
        text, match.end("number")
    ):
        return None  # "phoned 911", but "called 30 witnesses" counts them
    if (
        _AIRLINER.fullmatch(match["number"])
        and _AVIATION.search(text)
        and not _COUNTED_AFTER.match(text, match.end("number"))
    ):
        return None  # "the 737 Max had not crashed before", but "Boeing delivered 747 jets"
    if _list_marker(text, match):
        return None
    if (
        match["number"] in ("22", "twenty-two")
        and _PITCH_AREA.search(text, max(0, match.start() - 20), match.start())
        and _PLACE_ENDS_AFTER.match(text, match.end("number"))
    ):
        return None  # "our opportunities in the 22 in that last twenty minutes": rugby's 22-metre area, a place
    if _FOOTNOTE.match(text, max(0, match.start() - 2)) and match.start() >= 2:
        return None  # "a detailed map[3]": a footnote
    if (
        _BRACKET_INSIDE_NUMBER.match(text, match.end("number") - 1)
        or (match.start("number") >= 2 and _BRACKET_INSIDE_NUMBER.match(text, match.start("number") - 2))
        or _BRACKETED_RANGE_BEFORE.search(text, max(0, match.start() - 12), match.start())
    ):
        return None
    if match["fraction"]:
        value *= 0.5 if match["fraction"].lower().startswith("half") else 0.25  # "half a million"
    if match["sign"]:
        value = -value  # "-5 °C"; a hyphen after a word or number is a range ("10-20") and never a sign
    if match["scale"]:
        scale = match["scale"].lower()
        if scale in ("m", "k") and not match["currency"]:
            return None  # "5 m" is metres, "10 k" a race; only money uses them as scales
        value *= SCALE_WORDS[scale]
    unit, unit_end = _unit(text, match)
    if unit and not unit.endswith("s") and _SCORE_BEFORE.search(text, max(0, match.start() - 30), match.start()):
        unit, unit_end = "", match.end()  # "a 22 points to 10 win": 10 points, carried from the score
    if unit and not unit.endswith("s") and _R0_BEFORE.search(text, max(0, match.start() - 40), match.start()):
        unit, unit_end = "", match.end()  # "outbreaks with R0 values under 1 end on their own": the verb, no unit
    qualifier_text = (match["qualifier"] or "").lower()
    start = match.start("qualifier") if match["qualifier"] else match.start("sign" if match["sign"] else "number")
    if match["fraction"] and not match["qualifier"]:
        start = match.start("fraction")
    if match["currency"] and not match["qualifier"] and not match["sign"]:
        start = match.start("currency")
    qualifier = _QUALIFIER_SYMBOL.get(qualifier_text, "=")
    if match["plus"] and not qualifier_text:
        qualifier = ">="  # "for 30+ years": at least thirty
    exceeded = None if qualifier_text else _EXCEEDED.search(text, max(0, start - 20), start)
    if exceeded and not (exceeded.group().lower().startswith("pass") and unit in _PASSED_INTO_LAW):
        qualifier = ">"  # but "the House passed two articles of impeachment" passed them, not more than two
    vague = _VAGUE_MULTIPLE.search(text, max(0, start - 30), start) if match["number"].lower() in SCALE_WORDS else None
    if not qualifier_text and vague:
        qualifier, start = ">", vague.start()  # "a few hundred years": more than one hundred, not exactly
    # "an 18 year old half back", "the seven hour drive": a count of years and hours
    counted = _plural(unit) if unit in _SINGULAR_TIMES and value != 1 else unit
    if (
        counted == unit
        and value != 1
        and not (match["percent"] or match["compound"] or match["currency"] or match["number"][0].isupper())
        and _SINGULAR_NOUN.fullmatch(unit)
        and unit not in _UNCOUNTED_COMPOUNDS
        and _ARTICLE_BEFORE.search(text, max(0, start - 4), start)
        and (noun_after := _NOUN_AFTER.match(text, unit_end))
        and noun_after["noun"] not in STOPWORDS
    ):
        counted = _plural(unit)  # "a 149 vote margin", "a 12 member panel": as "a 149-vote margin"
    if (counted in _QUAKES and "." in match["number"]) or (
        counted.removesuffix("s") in _QUAKES and _MAGNITUDE_BEFORE.search(text, max(0, start - 12), start)
    ):
        # "a magnitude 5.2 earthquake", "a 6.4 quake", "400 magnitude 2+ earthquakes": its strength, not a count
        counted = "magnitude"
    if (
        qualifier_text == "over"
        and counted in _TIME_SPANS
        and _over_a_span(text, start, unit_end)
        and not _AGE_GROUP_BEFORE.search(text, max(0, match.start("number") - 40), match.start("number"))
    ):
        qualifier = "="  # "spread between four venues over three days": the span, not more than it
    bare = not (unit or match["percent"] or match["currency"])
    if bare and (
        named := [
            counted_before
            for counted_before in _COUNTED_BEFORE.finditer(text, max(0, start - _LOOK_BACK), start)
            # "Total staff is", "Total sales stood at", not "Total bus fare was"
            if not counted_before["total"]
            or counted_before["total"] in ("staff", "workforce")
            or _is_plural_noun(counted_before["total"])
        ]
    ):
        last = named[-1]
        counted = (
            "deaths"
            if last["toll"]
            else "people"
            if last["population"]
            else last["total"]
            if last["total"]
            else last["measure"].lower()
            if last["measure"]
            else _plural(last["owner"])
            if last["owner"]
            else _counted_noun(last["noun"].lower().split())
        )
    elif (
        bare
        and (changed := _CHANGED_TO_BEFORE.search(text, max(0, start - 60), start))
        and changed["noun"].lower() not in STOPWORDS
        and _is_plural_noun(changed["noun"].lower())
    ):
        counted = changed["noun"].lower()
    elif (
        bare
        and value <= 120
        and _NAME_BEFORE_AGE.search(text, max(0, start - 40), start)
        and _AGE_END.match(text, match.end())
    ):
        counted = "years"  # "Andrew Kinsman, 49, was reported missing": an age
    elif (
        bare
        and value <= 120
        and _SECOND_AGE_BEFORE.search(text, max(0, start - 50), start)
        and _AGE_END.match(text, match.end())
    ):
        counted = "years"  # "Antoine Quirin and Nicolas Redouane, 40 and 49,": the second person's age
    elif bare and value <= 130 and _AGE_BEFORE.search(text, max(0, start - 12), start):
        counted = "years"  # "died at the age of 80", "aged 17"
    elif (
        bare
        and value <= 120
        and _PERSON_WAS_BEFORE.search(text, max(0, start - 20), start)
        and _AGE_CLAUSE_END.match(text, match.end())
    ):
        counted = "years"  # "when I was 19, so I was just barely in college", "He was 19 when he joined"
    elif (
        bare
        and value <= 120
        and _NAME_WAS_AGE.search(text, max(0, start - 140), start)
        and _CLAUSE_END.match(text, match.end())
    ):
        counted = "years"
    elif bare and (one_of := _ONE_OF_BEFORE.search(text, max(0, start - 40), start)):
        counted = _plural(one_of["noun"])  # "The trial was one of three facing Avenatti": trials
    elif bare and _FACTOR_BEFORE.search(text, max(0, start - 12), start):
        counted = "times"  # "cutting the water used by a factor of two": a multiple, like "two times"
    elif bare and _VOTED_BEFORE.search(text, max(0, start - 30), start):
        counted = "votes"  # "voted 66 to 27"
    elif bare and (
        _PEOPLE_AFTER.match(text, match.end())
        or ((acts := _PEOPLE_DO_AFTER.match(text, match.end())) and not _plural_ahead(text, acts.end(), words=1))
    ):
        counted = "people"  # "Of the 2.8 million who voted", "All 189 on the aircraft died", "14 have recovered"
    elif bare and _DEATHS_AFTER.match(text, match.end()):
        counted = "deaths"  # "where 5 died", "an earlier toll of 27 dead"
    elif bare and (_CASUALTY_BEFORE.search(text, max(0, start - 20), start) or _casualties_after(text, match.end())):
        counted = "people"  # "killed twelve and injured twelve more", "claimed 190 were dead"
    return {
        "value": int(value) if float(value).is_integer() else value,
        "unit": counted,
        "qualifier": qualifier,
        "text": text[start:unit_end].strip(" ,."),
        "_start": start,
        "_end": unit_end if unit else match.end("scale") if match["scale"] else match.end("number"),
    }


# "The trial was one of three", "Its plant is one of five": a part of a whole, named by the subject's noun
_ONE_OF_BEFORE = re.compile(
    r"(?:^|[,;]\s+)(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]his|[Tt]heir)\s+(?P<noun>[a-z]{3,})\s+(?:is|was)\s+(?:just\s+|only\s+)?"
    r"one\s+of\s+(?:the\s+)?$"
)
_FACTOR_BEFORE = re.compile(r"\bfactor\s+of\s+$")
_SCORE_BEFORE = re.compile(r"\d\s+[a-z]+s\s+to\s+$")
# A broadcaster's call letters or "Channel", then its channel's number, then "news" or "TV"
_STATION_BEFORE = re.compile(r"(?:\b[A-Z]{3,5}|\bChannel)\s+$")
_NEWS_AFTER = re.compile(r"\s+(?:[Nn]ews|NEWS|TV)\b")
# "in the 22", "inside their own 22", "into the opposition 22": where on a rugby pitch, before the number, and no
# noun after it ("in the 22 provinces" counts them)
_PITCH_AREA = re.compile(
    r"\b(?:in|inside|into|within|out\s+of)\s+(?:the|their|our|his|its)\s+(?:own\s+|opposition\s+)?$"
)
_PLACE_ENDS_AFTER = re.compile(
    r"\s*(?:[,.;:!?\"\u201d)]|$)|\s+(?:in|on|at|for|during|before|after|until|when|and|but)\b"
)
# "R0 is", "R0 values of", "R0 estimated in the range": a basic reproduction number, a few words before its value
_R0_BEFORE = re.compile(r"\bR0\b(?:\s+[a-z]+){0,4}\s+$")
_VALUES_BEFORE = re.compile(r"\bvalues?\s+(?:of\s+)?$")
_AND_ANOTHER = re.compile(r"\s+and\s+(?:[a-z]+\s+){1,5}")
_TIME_SPANS = frozenset({"hours", "days", "weeks", "months", "years", "decades"})
_SINGULAR_NOUN = re.compile(r"[a-z]{3,}(?<!s)(?<!ly)(?<!ing)(?<!ed)")
_ARTICLE_BEFORE = re.compile(r"(?<![\w-])an?\s+$", re.IGNORECASE)
_NOUN_AFTER = re.compile(r"\s+(?P<noun>[a-z]{3,})\b(?![-'\u2019])")
_QUAKES = frozenset({"earthquake", "quake", "tremor", "aftershock", "temblor"})
_MAGNITUDE_THEN_PLURAL = re.compile(r"\s+\d+(?:\.\d+)?\+?\s+(?P<noun>[a-z]{3,}s)\b")
_MAGNITUDE_BEFORE = re.compile(r"\bmagnitude\s+$", re.IGNORECASE)
_WORD_BEFORE = re.compile(r"(?P<word>[\w%]+)\s+$")
_SINCE_AFTER = re.compile(r"\s+(?:ago|old|earlier|later|before|after)\b")


def _list_marker(text: str, match: re.Match[str]) -> bool:
    """ "two priorities \u2014 1) estimating ... and 2) determining ...": a list's marker, a small number closing a
    bracket it did not open."""
    start, end = match.start(), match.end("number")
    return (
        text.startswith(")", end)
        and match["number"].isdigit()
        and int(match["number"]) <= 20
        and not (match["qualifier"] or match["currency"] or match["sign"])
        and text.rfind("(", 0, start) <= text.rfind(")", 0, start)
    )


def _over_a_span(text: str, start: int, end: int) -> bool:
    """ "Spread between four venues over three days", "prices rose 40% over 10 years": "over" after a
    noun or a figure spans the time; after a verb or a preposition ("lasted over 3 hours", "jailed for
    over 3 years") or before "ago" it means more than."""
    before = _WORD_BEFORE.search(text, max(0, start - 30), start)
    if before is None or _SINCE_AFTER.match(text, end):
        return False
    word = before["word"].lower()
    return not (word in STOPWORDS or word.endswith("ed") or word in IRREGULAR_PAST or word in _SPAN_VERBS)


# Verbs after which "over" is "more than" though they are not in the past tense ("lasts over 3 hours").
_SPAN_VERBS = frozenset({"last", "lasts", "take", "takes", "spend", "spends", "wait", "waits", "serve", "serves"})
# "killed twelve", "They arrested three for ...": people, by what was done to them
_CASUALTY_BEFORE = re.compile(
    r"\b(?:killed|killing|kills|injured|injuring|injures|wounded|wounding|wounds|arrested|detained|rescued|evacuated"
    # "The virus infected around 35,000 worldwide"
    r"|infected|infecting|infects"
    # "Vigils nationwide were attended by thousands": a crowd, by what it did, or as a crowd
    r"|(?:attended|joined|watched|visited)\s+by|crowds?\s+of(?:\s+an?)?)"
    r"\s+$"
)
# What only people do or are, right after a bare count: "Of the 2.8 million who voted", "At least 45 were aboard",
# "All 189 on the aircraft died", "14 have recovered so far"
_PEOPLE_AFTER = re.compile(
    r"\s+(?:who\b|(?:were|was)\s+(?:aboard|on\s+board)\b|on\s+(?:the\s+)?(?:aircraft|plane|flight|bus|boat|ship|train|board)\b"
    r"|(?:have|had|has)\s+(?:since\s+|already\s+)?recovered\b"
    # "all four are in stable condition", "the other three being taken to a nearby hospital", "two more with minor
    # injuries": the injured, by their condition or care
    r"|(?:are|were|is|was|remain|remained)\s+(?:(?:still|now)\s+)?in\s+(?:a\s+)?(?:stable|critical|serious|grave|fair|good)"
    r"\s+condition\b"
    r"|(?:being|were|are)\s+(?:taken|rushed|airlifted|transported)\s+to\s+(?:a|the)\s+(?:[a-z]+\s+)?hospital\b"
    r"|more\s+with\s+(?:minor|serious|severe|critical|life-threatening)\s+injuries\b"
    # "3000 of the National Guard", "seventeen from the Armed Forces, and two each from the Coast Guard": members of a
    # force
    r"|(?:each\s+)?(?:of|from)\s+the\s+(?:[A-Z][\w-]*\s+){1,3}?(?:Guard|Forces|Army|Police|Navy|Marines|Corps)\b)"
)
# "Millions dwell in the nation's slums", "Thousands marched": what only people do, after a bare count as its subject
_PEOPLE_DO_AFTER = re.compile(
    r"\s+(?:(?:live|lived|dwell|dwelt|reside|resided)\s+(?:in|on|at|near|along|under|outside|inside)\b"
    r"|(?:gathered|marched|rallied|protested|fled)\b"
    # "Fewer than two hundred showed up at the gates", "Over a thousand were reported to have reached Rachel": a crowd,
    # by its coming
    r"|(?:showed|turned)\s+up\b"
    r"|(?:were|are)\s+(?:reported|said|believed|thought|estimated)\s+to\s+have\s+(?:reached|arrived|gathered|attended)\b"
    # "The millions have filled downtown streets": a crowd, by where it went
    r"|(?:(?:have|had|has)\s+)?(?:filled|packed|thronged|flooded)\s+(?:the\s+)?(?:[a-z]+\s+)?(?:streets|squares?|roads)\b)"
)
_CASUALTY_AFTER = re.compile(
    # "Around twenty more, including colleague Faisal al-Thubhani, were injured", "33 were reported injured"
    # "four of whom were injured"
    r"(?:\s+more)?(?:\s+of\s+(?:whom|them))?(?:,\s+including\s[^,]{1,60},)?"
    r"\s+(?:were|are|have been|had been)\s+(?:(?:reported|confirmed)\s+)?"
    r"(?:dead|killed|injured|wounded|hurt)\b"
    r"|\s+(?P<hurt>(?:seriously|critically|severely|slightly)\s+(?:injured|wounded|hurt))\b"
)


def _casualties_after(text: str, position: int) -> bool:
    """ "killed twelve and injured twelve more", "with five seriously injured"; but "12 seriously
    injured workers" counts workers."""
    match = _CASUALTY_AFTER.match(text, position)
    return bool(match) and not (match["hurt"] and _plural_ahead(text, match.end(), words=1))


# "where 5 died", "At least seven, including four children, died", "39 are confirmed dead", "81 had
# lost their lives"
_DEATHS_AFTER = re.compile(
    r"(?:,\s+including\s[^,]{1,60},)?\s+(?:(?:are|were|have\s+been|had\s+been)\s+)?"
    r"(?:(?:confirmed|reported|presumed|feared)\s+)?(?:died|dead)\b"
    r"|\s+(?:had|have)\s+lost\s+their\s+lives\b"
)
_AGE_BEFORE = re.compile(r"\b(?:aged|age|age of|ages of|(?:he|she) (?:was|is|turned))\s+$")
# "Nabil Hasan al-Quaety was 34 and reported ...", "Police said John Smith was 34", "Her son David was
# 12": a name that opens its clause (two words or more after "said"), then a bare number that ends
# it; not "The high temperature in Phoenix was 118" or "Forecasters said Dorian was 5"
_NAME_WORD = r"(?:[A-Z][\w'\u2019.-]*|van|von|de|da|der|la|le|bin)"
_AGE_VERB = r"\s+(?:was|is|turned|would\s+have\s+(?:been|turned))\s+$"
# Words that say who a person is, in a description between commas before their age.
_PERSON_NOUNS = (
    r"[Ss]enator|[Pp]resident|[Mm]inister|[Gg]overnor|[Mm]ayor|[Jj]udge|[Ss]inger|actor|actress|author|writer|"
    r"lyricist|founder|leader|player|coach|director|[Cc]hairman|[Cc]hairwoman|[Pp]rofessor|scientist|artist|"
    r"musician|composer|journalist|poet|politician|activist|wife|husband|widow|mother|father|son|daughter|"
    r"member|[Aa]mbassador|[Cc]ongressman|[Cc]ongresswoman|[Rr]epresentative|[Aa]ssemblyman|[Aa]ssemblywoman|[Dd]ean"
)
_NAME_WAS_AGE = re.compile(
    rf"(?:(?:^|[,;]\s+|\band\s+|\b(?:[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s+[a-z]+\s+)(?:{_NAME_WORD}\s+){{0,3}}"
    rf"|\b(?:said|says|that)\s+(?:{_NAME_WORD}\s+){{1,3}})(?:[A-Z]|al-[A-Z])[a-z][\w'\u2019-]*{_AGE_VERB}"
    # "Hagan, North Carolina's first female Democratic Senator, was 66": a name, who the person is, the age
    rf"|^(?:{_NAME_WORD}\s+){{0,3}}[A-Z][a-z][\w'\u2019-]*,\s+[^,]{{0,60}}\b(?:{_PERSON_NOUNS})\b[^,]{{0,60}},{_AGE_VERB}"
    # "The former lyricist of rock band Grateful Dead was 78": a post, of whom or what, the age
    rf"|^[Tt]he\s+(?:[a-z]+\s+){{0,2}}(?:{_PERSON_NOUNS})(?:\s+of\s+[^,]{{1,60}}?)?{_AGE_VERB}"
)
# "women between 20 and 35", "those under 19", "people over 65": people named by the ages they are between or past
_AGE_GROUP_BEFORE = re.compile(
    r"\b(?:women|men|people|persons|children|adults|those|anyone|everyone|residents|girls|boys|patients|individuals)"
    r"\s+(?:between|under|over|above|below|older\s+than|younger\s+than)\s+(?:\d{1,3}\s+and\s+)?$",
    re.IGNORECASE,
)
# "when I was 19,", "He was 19 when": a person's age after their pronoun, where a clause starts
_PERSON_WAS_BEFORE = re.compile(
    r"(?:^|[,;]\s+|\b(?:when|because|since|and|but|while)\s+)(?:He|She|he|she|I)\s+(?:was|is|am|turned)\s+$"
)
_AGE_CLAUSE_END = re.compile(r"\s*(?:[,;)]|\.(?!\d)|$)|\s+(?:when|and|so|but|before|after|until)\b")
_CLAUSE_END = re.compile(r"\s*(?:[,;)]|\.(?!\d)|\s+and\s|\s+on\s+[A-Z]|$)")
# "Nicolas Redouane, 49,", "Antoine Quirin and Nicolas Redouane, 40 and 49,"
_AGE_END = re.compile(r"\s*[,)]|\s+and\s+\d{1,3}\s*[,)]")
# "Andrew Kinsman, 49,", "the princess, 67,": a person, then an age between commas
_NAME_BEFORE_AGE = re.compile(
    rf"\b(?:[A-Z][\w'\u2019-]*|{'|'.join(RELATIVES)}|princess|prince|man|woman|boy|girl|victim|suspect|driver"
    r"|teenager|pilot|officer|soldier|mayor)\s*,\s*(?:now\s+)?$"  # "James Alex Fields, now 22,"
)
_SECOND_AGE_BEFORE = re.compile(_NAME_BEFORE_AGE.pattern.removesuffix("$") + r"\d{1,3}\s+and\s+$")
_MORE_OR_FEWER = re.compile(r"\s+(?:more|fewer|less)\s+[a-z]")
_PART_OF = re.compile(
    # "two of those nominees", not "five of those involved ligatures"
    r"\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+|(?:those|these)\s+(?![a-z]+ed\s))?"
    r"(?:(?:other\s+)?[A-Za-z][\w.-]*['\u2019]s\s+)?"
    # "three of the twelve access lanes": a count and a modifier before the noun
    # "three of his co-authors": a hyphenated noun
    # "12 of the state's 41 pledged delegates": a participle before a plural, not "Four of the injured were"
    # "All eleven of the legislative bills": an adjective before a plural
    rf"(?:(?:[\d,]+|{'|'.join(NUMBER_WORDS)})\s+)?(?:[a-z]+ss\s+|[a-z]+ous\s+|[a-z]{{3,}}(?:ive|al|ic)\s+(?=[a-z]{{3,}}s\b)"
    rf"|(?!(?:{'|'.join(_PEOPLE_AS_A_GROUP)})\b)[a-z]{{3,}}ed\s+(?=[a-z]{{3,}}s\b))?"
    r"(?P<noun>[a-z]+(?:-[a-z]+)*)\b"
)


# "adult male Magellanic penguins": a word or two in lower case, a name, then the counted noun
_DESCRIBED_BY_NAMES = re.compile(r"(?: [a-z]+)? [A-Z][a-z][\w-]*(?: [A-Z][a-z][\w-]*)? (?P<noun>[a-z]{3,}s)\b")
_DIGIT = re.compile(r"\d")
_ACRONYM_PLURAL = re.compile(r"[A-Z]{2,5}s")


def _plural_ahead(text: str, position: int, words: int = 2) -> re.Match[str] | None:
    """The first plural noun among the next `words` words, if only single spaces come before it."""
    for _ in range(words):
        if text[position : position + 1] != " " or not (following := _WORD.match(text, position + 1)):
            return None
        if following.group().lower() in STOPWORDS:
            return None  # "15,000 stranded at ports": a preposition ends the noun phrase
        if _is_plural_noun(following.group().rstrip(".")):
            return following
        position = following.end()
    return None


def _plural_after_names(text: str, position: int, words: int) -> re.Match[str] | None:
    """ "thousands of Hong Kong protesters": the first plural noun among the next `words` words not
    counting the names before it."""
    capitals = _CAPITALS_AHEAD.match(text, position)
    return _plural_ahead(text, capitals.end() if capitals else position, words)


def _counted_noun(words: list[str]) -> str:
    """ "number of confirmed deaths" counts deaths; "number of refugees in" counts refugees."""
    return next((word for word in words if _is_plural_noun(word)), words[0])


def _is_plural_noun(word: str) -> bool:
    lower = word.lower()
    if _ACRONYM_PLURAL.fullmatch(word):
        return True  # "8 independent MPs", "two NGOs"
    if word.islower() and (lower in _IRREGULAR_PLURALS.values() or lower == "personnel"):
        return True  # "one million indigenous people", "26 army personnel"
    return (
        word.islower()
        and len(lower) > 3
        and lower.endswith("s")
        and not lower.endswith(("ss", "us", "is"))
        and lower not in STOPWORDS
    )


def _number_value(token: str) -> float | None:
    token = token.lower()
    if token[0].isdigit():
        return float(token.replace(",", ""))
    if token in SCALE_WORDS:
        return float(SCALE_WORDS[token])  # "a million people"
    total = 0.0
    for part in re.split(r"[-\s]", token):  # "twenty-four", or "twenty four" as some write it
        if part not in NUMBER_WORDS:
            return None
        total += NUMBER_WORDS[part]
    return total


# A number that names a product or a model after its maker's name: "Boeing 737-800", "Gears 5",
# "Boeing 737 Max". One followed by a percentage or a unit is still a count ("Biden 51%").
_NAME_BEFORE = re.compile(r"\b(?P<name>[A-Z][\w-]*)\s+$")
_MODEL_SUFFIX = re.compile(r"-\d|\s+[A-Z]|\s*[,.;:)]|\s*$|['\u2019]s\b")  # "CentOS 8's end of life"
# "Bell 206 came down near Interstate 80 around 13:30": a verb or a preposition after a name's
# number, where a count would have its noun.
_NO_NOUN_AFTER = re.compile(r"\s+(?P<word>[a-z]+)\b")
_NOT_A_NOUN = frozenset(
    {"around", "near", "at", "on", "in", "into", "from", "to", "and", "or", "was", "is", "has", "had"}
)
# "10 Downing Street": a house number.
# "36 Quai des Orf\u00e8vres": or the street's word first
_SECTION_SIGN_BEFORE = re.compile(r"(?:\u00a7|\bU\.?S\.?C\.?)\s*$")
_US_CODE_AFTER = re.compile(r"\s+(?:U\.\s?S\.\s+Code|U\.?S\.?C\.?)(?![\w-])")
_ADDRESS_AFTER = re.compile(
    r"(?:\s+[A-Z][\w-]*){1,3}\s+(?:Street|St\.|Road|Avenue|Ave\.|Boulevard|Lane|Drive)\b"
    r"|\s+(?:Quai|Rue|Via|Calle|Avenida|Avenue|Boulevard)\s"
)
_MODEL_SECOND_HALF = re.compile(r"\b[A-Z][\w-]*\s+\d{3,}-$|\b[A-Za-z]+\d+-$")  # "Boeing 737-800", "x86-64"


# "CentOS", "iOS", "PlayStation": a lower-case letter before a capital inside a product's name, but not inside a
# person's name such as McConnell, DeSantis, MacArthur or LaGuardia
_MIXED_CASE = re.compile(r"(?!Mc|Mac|De|Di|Da|La|Le|Van|Von)[\w'\u2019-]*[a-z][A-Z]")


def _model_number(text: str, match: re.Match[str]) -> bool:
    number = match["number"]
    if not number[0].isdigit() or match["currency"] or match["percent"] or match["scale"] or match["qualifier"]:
        return False
    before = text[max(0, match.start() - 30) : match.start()]
    if _MODEL_SECOND_HALF.search(before):
        return True
    name = _NAME_BEFORE.search(before)
    if name is None or _MONTH_BEFORE.search(before):
        return False
    if name["name"].lower() in STOPWORDS or name["name"].lower() in QUANTITY_MODIFIERS:
        return False  # "All 189 on the aircraft died": a sentence's first word, not a name
    if _MIXED_CASE.match(name["name"]) and not _plural_ahead(text, match.end("number")):
        return True  # "forking CentOS 7 because ...": a product's version, written in mixed case
    if _MODEL_SUFFIX.match(text, match.end("number")):
        return True
    following = _NO_NOUN_AFTER.match(text, match.end("number"))
    return following is not None and (
        following["word"] in _NOT_A_NOUN
        or following["word"] in IRREGULAR_PAST
        or following["word"].endswith("ed")
        or _names_a_thing(following["word"], text, following.end(), number)
    )


def _names_a_thing(word: str, text: str, position: int, number: str) -> bool:
    """ "the Falcon 9 rocket", "the Voskhod 2 mission", "a CentOS 8 system": a name's number before a
    singular noun, where a count would have a plural ("Tesco 62 outlets", "Apollo 11 astronauts")."""
    singular = not word.endswith("s") or word in _SINGULAR_IN_S
    return (
        singular
        and number != "1"
        and word not in STOPWORDS
        and word not in QUANTITY_MODIFIERS
        and word not in _NOT_UNITS
        and not word.endswith("ly")
        and not _is_plural_noun(word)
        and not _plural_ahead(text, position)
    )


def _is_date_part(text: str, match: re.Match[str], value: float) -> bool:
    number = match["number"]
    if not number[0].isdigit() or match["currency"] or match["percent"] or match["scale"]:
        return False
    start = match.start("number")
    if _MONTH_BEFORE.search(text, max(0, start - 16), start):
        return True  # "June 30", "December 11, 2012", "September 25-27"
    if re.match(r"\s+(?:" + "|".join(MONTHS) + r")\b", text[match.end("number") :], re.IGNORECASE):
        return True  # "30 June"
    if len(number) == 2 and _YEAR_BEFORE_RANGE_END.search(text, max(0, start - 5), start):
        return True  # "Prohibition (1919\u201333)": the end of a range of years
    is_year = len(number) == 4 and 1800 <= value <= 2100
    if is_year and not match["qualifier"]:
        return not _counts_like_a_year(text, start, match.end("number"))
    if not is_year or not match["qualifier"]:
        return is_year
    if _YEAR_RANGE_AFTER.match(text, match.end("number")) or _PREPOSITION_BEFORE.search(
        text, max(0, match.start() - 12), match.start()
    ):
        return True  # "from roughly 1948 to 1951", "in about 1970"
    if match["qualifier"].lower() == "around" and _PHRASE_ENDS_AFTER_A_YEAR.match(text, match.end("number")):
        return is_hedged_year(text, match.start())  # "devised by John Horton Conway around 1970."
    # "up to 2015 on the network" is a year; "up to 2015 people" and "about 2000." are counts
    counted = re.match(r"\s+([a-z]+)", text[match.end("number") :])
    up_to = match["qualifier"].lower().startswith("up to")
    return up_to and (counted is None or counted[1] in STOPWORDS)


_PHRASE_ENDS_AFTER_A_YEAR = re.compile(r"\s*(?:[.,;)]|$)")
# What comes before a year: "in 1846", "the 2019 elections", "his 2008 and 2010 runs", "Directive 2000".
_BEFORE_A_YEAR = frozenset(
    {"in", "since", "by", "from", "until", "of", "during", "before", "after", "around", "the", "a", "an", "this",
     "that", "its", "their", "his", "her", "and", "or", "to", "through"}
)  # fmt: skip
# What follows a counted noun, where a verb's object would ("1846 persons were", "1885 aftershocks.").
_AFTER_A_COUNTED_NOUN = re.compile(r"\s*(?:[,.;:)]|$)|\s+(?:were|was|had|have|are|in|of|and)\b")


def _counts_like_a_year(text: str, start: int, end: int) -> bool:
    """Whether a year-like number counts a plural after it: "Out of these, 1846 persons were
    hospitalized"; never after a preposition, a determiner or a name ("Electronic Commerce Directive
    2000 provides")."""
    noun = re.match(r"\s+([a-z]+)", text[end:])
    if noun is None or not _is_plural_noun(noun[1]) or not _AFTER_A_COUNTED_NOUN.match(text, end + noun.end()):
        return False
    previous = re.search(r"(\S+)\s*$", text[:start])
    word = previous[1].rstrip(",") if previous else ""
    if previous and previous[1].endswith(",") and word.lower() in _AS_OF_WHEN:
        return True  # "as of Wednesday, 1885 aftershocks had occurred"
    return not word or (word.islower() and word not in _BEFORE_A_YEAR)


# When a count stood, before its comma: "As of Wednesday, 1885 aftershocks", "So far, 2000 people"
_AS_OF_WHEN = frozenset({*WEEKDAYS, "today", "yesterday", "now", "far", "tonight", "morning", "evening", "afternoon"})
_YEAR_BEFORE_RANGE_END = re.compile(r"\b(?:18|19|20)\d\d[-\u2013]$")
_YEAR_RANGE_AFTER = re.compile(r"\s*(?:to|and|-|\u2013)\s*(?:18|19|20)\d\d\b")
_PREPOSITION_BEFORE = re.compile(r"\b(?:from|in|since|until|by|during)\s+$", re.IGNORECASE)
_ABBREVIATED_UNITS = frozenset({"km", "kg", "cm", "mm", "m", "ft", "lb", "mph", "kph", "mi"})
_IRREGULAR_PLURALS = {"foot": "feet", "man": "men", "woman": "women", "child": "children", "person": "people"}


def _plural(noun: str) -> str:
    """ "five-foot" counts feet, "six-inch" inches."""
    if noun in _IRREGULAR_PLURALS:
        return _IRREGULAR_PLURALS[noun]
    if noun in _ABBREVIATED_UNITS:
        return noun  # "a 22-mile (35-km) journey": kilometres, written km
    if re.search(r"[^aeiou]y$", noun):
        return noun[:-1] + "ies"  # "a two-party vote": parties
    return noun + "es" if noun.endswith(("ch", "sh", "x")) else noun + "s"


_MARKED_UNIT = re.compile(r" [\"\u201c\[](?P<words>[a-z][a-z -]{1,40}?)[\"\u201d\]]")


def _unit(text: str, match: re.Match[str]) -> tuple[str, int]:
    """The counted noun and where it ends in `text`."""
    value = _number_value(match["number"]) or 0
    if match["percent"]:
        return "percent", match.end()
    if match["measured"]:  # "a 3,000-square-foot house"
        return f"{match['compound'].lower()} {_plural(match['measured'].lower())}", match.end()
    if match["compound"]:
        unit = match["compound"].lower()
        countable = value != 1 and not unit.endswith("s") and unit not in _UNCOUNTED_COMPOUNDS
        return (_plural(unit) if countable else unit), match.end()
    if match["currency"]:
        return _CURRENCY[match["currency"].upper()], match.end()
    if degrees := _DEGREES.match(text, match.end()):
        scale = (degrees["scale"] or "").lower()
        return ("°C" if scale in ("c", "celsius", "centigrade") else "°F" if scale else "degrees"), degrees.end()
    position = match.end()
    if (marked := _MARKED_UNIT.match(text, position)) and _is_plural_noun(noun := marked["words"].split()[-1]):
        return noun, marked.end()  # '370 "jackal horns"', "6900 [employees]": the plural in quotation marks or brackets
    if (
        value <= 120
        and _AGE_GROUP_BEFORE.search(text, max(0, match.start("number") - 40), match.start("number"))
        and not _plural_ahead(text, position, words=1)
    ):
        return "years", position  # "for women between 20 and 35", "those under 19": people by their age
    if (acts := _PEOPLE_DO_AFTER.match(text, position)) and not _plural_ahead(text, acts.end(), words=1):
        # "About 300 gathered outside": the verb of a bare count, which counts people (not "300 gathered documents")
        return "", position
    skipped_capitals = 0
    last_capital: re.Match[str] | None = None
    # A noun phrase ends within a few words: never scan a table of numbers to its end for each number.
    for word_match in _WORD.finditer(text, position, min(len(text), position + 200)):
        between = text[position : word_match.start()]
        if between.strip() not in ("", "-"):
            break  # punctuation ends the noun phrase
        word = word_match.group().rstrip(".")
        lower = word.lower()
        if lower.startswith("to-"):
            break  # "230-to-198", "three-to-one": the other side of a tally or ratio
        if last_capital and word.islower() and lower.endswith(("ing", "ed")):
            break  # "231 Democrats supporting": the verb after the capitals is not the unit
        position = word_match.end()
        if lower in _CURRENCY_WORDS:
            if lower == "pounds" and (
                _WEIGHED_BEFORE.search(text, max(0, match.start() - 40), match.start())
                or _KILOGRAMS_AFTER.match(text, position)
            ):
                return "pounds", position  # "weighed 82 pounds (37 kg)": a weight, not money
            return _CURRENCY_WORDS[lower], position
        if lower in _IRREGULAR_PLURALS.values() and not _plural_ahead(text, position, words=1):
            return lower, position  # "six feet five inches": feet, though it has no "s"; not "people smugglers"
        if lower == "magnitude" and (quakes := _MAGNITUDE_THEN_PLURAL.match(text, position)):
            return quakes["noun"], quakes.end()  # "over 400 magnitude 2+ earthquakes" counts earthquakes
        if lower in ("square", "cubic") and (measure := _MEASURE_AFTER.match(text, position)):
            return f"{lower} {measure['measure'].lower()}", measure.end()
        if lower == "light" and (years := _YEARS_AFTER.match(text, position)):
            return "light years", years.end()  # "some 50 light years away": a distance
        part = _PART_OF.match(text, position) if lower == "of" else None
        if part and _is_plural_noun(part["noun"]) and (value < 100 or not _DIGIT.search(part.group())):
            return part["noun"], part.end()  # "39 of the state's 40 delegates", "149 of the survivors"
        if lower == "of" and match["scale"] is None and value >= 100:
            continue  # "1,000 of the 3,000 delegates": the whole counts them
        if part and part["noun"] in _PEOPLE_AS_A_GROUP:
            return "people", part.end()  # "Four of the deceased were from overseas"
        if lower in _HURT_OR_DECEASED and not skipped_capitals and not _plural_ahead(text, position, words=1):
            return "people", position  # "at least 30 injured", "left 10 wounded"; not "12 injured workers"
        if word[0].isupper() and skipped_capitals < 4:
            skipped_capitals += 1  # "three UN Security Council resolutions"
            last_capital = word_match
            continue
        if lower in QUANTITY_MODIFIERS:
            continue
        if lower in _DEATH_HEDGES and _DEAD_AFTER.match(text, position):
            break  # "At least 12 feared dead", "twelve reported by industry sources": not a unit
        if lower.endswith("ly") and lower not in STOPWORDS and _plural_ahead(text, position):
            continue  # "12 seriously injured workers"
        if lower in ("earlier", "later") and _plural_ahead(text, position, words=1):
            continue  # "the four earlier primaries": which ones, not when
        if lower == "or" and _MORE_OR_FEWER.match(text, position):
            continue  # "1,000 or more kilograms", "four or more people"
        if (
            lower in ("were", "are", "have", "had")
            and _PEOPLE_WERE_IN_A_STATE.match(text, match.end())
            and not _ANY_NUMBER.search(text, 0, match.start())
        ):
            return "people", match.end()
        if (
            lower in ("most", "least")
            and (superlative := _SUPERLATIVE_THEN.match(text, position))
            and _is_plural_noun(superlative["noun"].lower())
        ):
            # "Time's 25 most influential Americans", "the 10 most populous cities": the plural after a superlative
            return superlative["noun"], superlative.end()
        if lower in STOPWORDS or lower.endswith("ly") or lower in _NOT_UNITS:
            break
        if lower in _REPORTING_PARTICIPLES and not _plural_ahead(text, position):
            break
        if lower == "strong":
            return ("people", position) if _STRONG_CROWD.match(text, position) else ("", match.end())
        if lower == "aged" and _NUMBER_AFTER.match(text, position):
            return "people", match.end()  # "two aged fourteen": two people of that age
        if lower in _PEOPLE_IN_A_STATE and not _plural_ahead(text, position):
            return "people", position  # "15,000 stranded at ports", "300 displaced"
        if lower.endswith("ed") and not _plural_ahead(text, position) and _PREPOSITION_AFTER.match(text, position):
            break  # "two posed by conservatives": what the things had done to them, not what they are
        # "seven health facilities", "two teenage chess players": the plural after modifiers is the unit.
        if (not lower.endswith("s") or lower.endswith(("ous", "ss", "us")) or lower in _SINGULAR_IN_S) and (
            plural := _plural_ahead(text, position)
        ):
            noun = plural.group().rstrip(".")
            return (noun if _ACRONYM_PLURAL.fullmatch(noun) else noun.lower()), plural.start() + len(noun)
        if (
            not lower.endswith("s")
            and (described := _DESCRIBED_BY_NAMES.match(text, position))
            and _is_plural_noun(described["noun"])
        ):
            return described["noun"], described.end()  # "1.5 adult male Magellanic penguins"
        if lower.endswith(("able", "ible")) and (plural := _plural_ahead(text, position, words=3)):
            # "452 available district council seats": an adjective, then the counted noun
            return plural.group().rstrip(".").lower(), plural.start() + len(plural.group().rstrip("."))
        if lower.endswith("ing") and lower not in _ING_NOUNS:
            break
        if _ADJECTIVE_ENDING.search(lower) and _PHRASE_ENDS.match(text, position):
            break  # "five firearms ... two semi-automatic, two shotguns": an adjective whose noun is left out
        if rate := _PER_TIME.match(text, position):
            return lower + rate.group(), rate.end()  # "295 km/h"
        if (speed := _PER_HOUR.match(text, position)) and lower in _DISTANCES:
            return f"{lower} per {speed['time'].lower()}", speed.end()  # "120 miles per hour"
        return lower.rstrip("'\u2019"), position  # "two doctors' approval" counts doctors
    if last_capital and (plural := last_capital.group().rstrip(".")).endswith("s"):
        return plural, last_capital.start() + len(plural)  # "231 Democrats": the capitalised plural
    return "", match.end()
