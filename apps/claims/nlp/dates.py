"""Dates in a claim, resolved against the article's publication date.

News prose dates events relative to the day of publication: "Thursday" in a story of Tuesday
2012-12-11 is the Thursday before it (2012-12-06), "last month" is 2012-11. Values are ISO
8601 strings at the precision the text gives: a day, a month ("YYYY-MM") or a year ("YYYY");
`None` where the text needs a publication date we do not have.
"""

import datetime as dt
import re
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from .lexicon import MONTHS, NUMBER_WORDS, WEEKDAYS

_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
# "The 2000 km long pipeline": a count measured, where "the 2020 presidential election" is a year
_MEASURE_AFTER_A_NUMBER = (
    r"(?:km|kg|cm|mm|m|ft|lb|mph|kph|mi|miles?|kilomet(?:re|er)s?|met(?:re|er)s?|feet|tonnes?|tons?|people|persons)"
)
_WEEKDAY = "|".join(WEEKDAYS)
# "the 2007 champion and 2008 NBA MVP": a year before a title one holds, named without "the" after "and"
_TITLE = r"(?:MVP|[Cc]hampion|winner|nominee|laureate|medall?ist|runner-up)(?!s)"
_DATE_BRANCHES = rf"""
      (?P<md>\b(?P<md_month>{_MONTH})\.?\s+(?P<md_day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<md_year>\d{{4}})\b)?)
    | (?P<dm>\b(?P<dm_day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<dm_month>{_MONTH})\b\.?(?:,?\s+(?P<dm_year>\d{{4}})\b)?)
    | (?P<my>\b(?P<my_month>{_MONTH}),?\s+(?:of\s+)?(?P<my_year>\d{{4}})\b)
    | (?P<weekday>\b(?:(?P<wd_rel>last|next|this|on)\s+)?(?P<wd>{_WEEKDAY})\b)
    | (?P<relday>\b(?:yesterday|today|tomorrow)\b)
    | (?P<relunit>\b(?P<rel>last|next|this)\s+(?P<unit>month|year|week)\b)
    | (?P<weekend>\b(?:(?<!the\s)(?P<we_rel>last|next|this(?:\s+(?P<we_way>past|coming))?)|(?:over|during)\s+the)
        \s+weekend\b(?!\s+of\b))
    | (?P<partday>\b(?:(?P<pd_rel>last|this)\s+(?:night|morning|afternoon|evening)|tonight)\b)
    | (?P<ago>\b(?P<ago_count>an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty
        |\d{{1,3}})\s+(?P<ago_unit>day|week|month|year)s?\s+ago\b)
    | (?P<inmonth>\b(?:in|since|until|till|through|by|from|during|last|next|this\s+(?:past|coming)|early|late|mid
        |(?:in|at)\s+the\s+(?:middle|end|beginning|start)\s+of)
        [\s-]+(?P<im_month>{_MONTH})\b
        (?:\s+(?:of\s+)?(?P<im_rel>last|this|next)\s+year\b)?(?!,?\s+\d|\s+of\s+\d))
    | (?P<year>\b(?:in|since|until|by|from|during|of|through|throughout)\s+
        (?:(?:about|around|roughly|circa|approximately)\s+)?(?:(?:early|late|mid)[\s-]+)?(?P<y>(?:18|19|20)\d\d)\b
        (?!\s+{_MEASURE_AFTER_A_NUMBER}\b)(?!(?<=through\s\d{{4}})\s+[a-z]+s\b))
    | (?P<year_before_noun>(?=(?:18|19|20)\d\d\s)
        (?:(?<=\bthe\s)|(?<=\ba\s)|(?<=\ban\s)|(?<=\bits\s)|(?<=\bhis\s)|(?<=\bher\s)|(?<=\btheir\s)
        |(?<=\bour\s)|(?<=\bthis\s)|(?<=\bthat\s)|(?<='s\s)|(?<=\u2019s\s)|(?<=\bupcoming\s)
        |(?<=\band\s)(?=\d{{4}}(?:\s+[A-Z][\w.-]*){{0,3}}\s+{_TITLE}\b))
        (?P<noun_year>(?:18|19|20)\d\d)(?=\s+(?!{_MEASURE_AFTER_A_NUMBER}\b)[a-z]))
    | (?P<year_range>(?<![\d.,\-\u2013])(?P<range_year>(?:18|19|20)\d\d)
        (?=\s*[-\u2013]\s*(?:(?:18|19|20)\d\d|\d\d)\b(?![-\u2013\d])(?!\s+{_MEASURE_AFTER_A_NUMBER}\b)))
    """
# Feasts, quarters, spans "between" two years, a year opening a sentence, a hedged year and a year that says which
# year a phrase before it meant ("for the year it was first detected, 2019."): tried only in a text
# that has one of their words (`_RARE_DATE_CUES`), as every branch of the pattern is tried at every position
_RARE_DATE_BRANCHES = rf"""
    | (?P<feast>\b(?P<feast_name>Christmas\s+(?:Day|Eve)|New\s+Year['\u2019]s\s+(?:Day|Eve)|Boxing\s+Day
        |Fourth\s+of\s+July|(?:U\.S\.|US|American|America['\u2019]s)\s+Independence\s+Day)\b
        (?:,?\s+(?P<feast_year>(?:18|19|20)\d\d)\b)?)
    | (?P<quarter>\b(?:(?P<q_word>first|second|third|fourth)\s+quarter
        (?:\s+of\s+(?P<q_of_year>(?:19|20)\d\d)\b|\s+(?:of\s+)?(?P<q_rel>last|this|next)\s+year\b)?
        |(?P<q_letter>Q)(?P<q_number>[1-4])(?:\s+(?P<q_year>(?:19|20)\d\d))?)\b)
    | (?P<between>\bbetween\s+(?P<between_year>(?:18|19|20)\d\d)
        (?=\s+and\s+(?:18|19|20)\d\d\b(?!\s+{_MEASURE_AFTER_A_NUMBER}\b)(?!\s+[a-z]+s\b)))
    | (?P<opening_year>^(?P<opened>(?:18|19|20)\d\d)(?=\s+(?:saw|brought|marked)\b))
    | (?P<hedged_year>\b(?:around|circa|c\.)\s+(?P<hedged>(?:18|19|20)\d\d)\b(?=\s*(?:[.,;)]|$)))
    | (?P<appositive_year>(?<=,\s)(?P<named_year>(?:18|19|20)\d\d)\b(?=\s*(?:[.;)]|$)))
    """
# the same groups, never matched, so that a match of either pattern answers for every group
_RARE_DATE_GROUPS = "| (?!)" + "".join(f"(?P<{name}>)" for name in re.findall(r"\(\?P<(\w+)>", _RARE_DATE_BRANCHES))
_DATE = re.compile(_DATE_BRANCHES + _RARE_DATE_GROUPS, re.VERBOSE | re.IGNORECASE)
_DATE_WITH_RARE = re.compile(_DATE_BRANCHES + _RARE_DATE_BRANCHES, re.VERBOSE | re.IGNORECASE)
_RARE_DATE_CUES = ("Christmas", "New Year", "Boxing", "Fourth of July", "Independence", "uarter", "Q", "etween",
                   "around", "Around", "circa", " c.", "he year")  # fmt: skip


def _date_pattern(text: str) -> re.Pattern[str]:
    rare = text[:1].isdigit() or any(cue in text for cue in _RARE_DATE_CUES)
    return _DATE_WITH_RARE if rare else _DATE


# Tense that puts a bare weekday after publication: "Dorian was forecast to reach ... on Monday".
_FUTURE = re.compile(
    # "plans to" as a verb, not "his plan to" or "developing plans to": a noun plans nothing by itself
    r"\b(?:will|shall|is to|are to|(?<!his )(?<!her )(?<!its )(?<!their )(?<!the )(?<!a )"
    r"(?<!developing )(?<!making )(?<!new )(?<!of )(?<!no )(?<!announced )(?<!unveiled )(?<!revealed )plans? to|"
    r"scheduled for|(?:is|are)\s+scheduled\s+on|(?:is|are|was|were)\s+"
    r"(?:forecast|expected|scheduled|due|set|going|predicted)\s+to)\b"
)
# "said he planned to announce his choice around August 1", "his term was to end in August" (a June
# article): a plan looks ahead from when it was held, so its month is the nearest, like that of a past
# expectation. A weekday is not: "The Senate was to meet Monday" (a Thursday article) was this week's.
_INTENTION = re.compile(
    r"\b(?:(?<!had )(?:planned|intended|hoped|aimed)\s+to|planned\s+for|would"
    r"|(?:was|were)\s+to\s+(?:end|begin|start|expire|close|open"
    r"|stand|step|leave|resume|meet|vote|run|return|take\s+place|be\s+held))\b"
)
_THE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)
_NAME_BEFORE_TODAY = re.compile(r"\b[A-Z][A-Za-z]*\s+$")
# "It today has a grass-dominated landscape", "which today houses a museum": "today" between a subject and a verb
# of a lasting state is nowadays; not "The firm today has announced", a day's news in the present perfect
_NOWADAYS_AFTER = re.compile(
    r"\s+(?:(?:has|have)\s+(?!been\b|[a-z]+(?:ed|en|wn)\b)|houses\b|remains\b|stands\b|lies\b|hosts\b|contains\b)"
    r"|(?<=\bof\stoday)\s+(?:is|are)\b",
)
_WORD_BEFORE = re.compile(r"\b[A-Za-z]+\s+$")
_PAST_FORECAST = re.compile(r"(?:was|were)\s|(?:planned|intended|hoped|aimed|would)\b", re.IGNORECASE)
# A deadline looks ahead: "may cause 32,000 more deaths by August 4" in a May article is this August,
# unless the sentence is set in the past ("had delivered 105 thousand doses by November 22"); a date
# something was moved to does even then ("Maryland rescheduled its primary races to June 2").
_DEADLINE_BEFORE = re.compile(r"\b(?:by|until|till|before)\s+(?:(?:early|late|mid)[\s-]+)?$", re.IGNORECASE)
_INTO_BEFORE = re.compile(r"\binto\s+$", re.IGNORECASE)
_MODAL = re.compile(r"\b(?:may|might|could|will|would)\b")
_MOVED_TO_BEFORE = re.compile(
    r"\b(?:rescheduled|postponed|delayed|moved|pushed\s+back|put\s+off)\b[^.;]{0,40}\b(?:to|until)\s+$", re.IGNORECASE
)


# "In the 2016 presidential election, Sanders ran until June": a sentence that opens in a year is set in it
_OPENING_YEAR = re.compile(r"(?:In|During)\s+(?:the\s+)?(?P<y>(?:18|19|20)\d\d)\b")
# "Last year August 8", "last year on May 3": the day of the year named
_YEAR_NAMED_BEFORE = re.compile(r"\b(?P<rel>last|this)\s+year,?\s+(?:on\s+)?$", re.IGNORECASE)
# "formed over the Bahamas this weekend": a past verb outside a relative clause
_PAST_VERB = re.compile(r"(?<!\bthat )(?<!\bwhich )(?<!\bwho )\b[a-z]{3,}ed\b(?!\s+(?:to|by)\b)")
_JOINED_YEAR = re.compile(r"(?:,\s*|,?\s+(?:and|or|to|through)\s+|\s*[-\u2013]\s*)(?P<y>(?:18|19|20)\d\d)\b")
_YEAR_NAMED = re.compile(r"\b(?:18|19|20)\d\d\b")
_THROUGH = re.compile(r"\s*(?:through|thru|to|until|till|-|\u2013)\s*", re.IGNORECASE)
_QUOTATION = re.compile(r"[\"“][^\"”]*[\"”]")
# "The Brexit deadline is October 31" (September), "the November 27 agreement ... is void" (January):
# a sentence in the present tense speaks of the nearest such date, before or after publication.
_PRESENT = re.compile(r"\b(?:is|are)\b", re.IGNORECASE)
_PAST = re.compile(r"\b(?:was|were|had|did)\b", re.IGNORECASE)
_RELATIVE_PAST = re.compile(r"\b(?:that|which|who)\s+(?:was|were|had)\b", re.IGNORECASE)


def _unquoted(text: str) -> str:
    """The sentence's own words: a quotation's tense ("said in July: "We will ..."") is the speaker's."""
    return _QUOTATION.sub(" ", text)


def _set_in_the_past(text: str) -> bool:
    """A past tense outside relative clauses: "had delivered ... by November 22" is, "A model that
    was updated Tuesday projects 32,000 deaths by August 4" is not."""
    return bool(_PAST.search(_RELATIVE_PAST.sub(" ", text)))


def _present_tense(text: str) -> bool:
    return bool(_PRESENT.search(text)) and not _PAST.search(text)


@dataclass
class _Sentence:
    """A sentence's own words and tenses, read once however many dates it holds (a table pasted
    as one sentence can hold thousands)."""

    text: str

    @cached_property
    def own_words(self) -> str:
        return _unquoted(self.text)

    @cached_property
    def forecasts(self) -> list[str]:
        return [m.group() for pattern in (_FUTURE, _INTENTION) for m in pattern.finditer(self.own_words)]

    @cached_property
    def past_forecast(self) -> bool:
        return bool(self.forecasts) and all(_PAST_FORECAST.match(forecast) for forecast in self.forecasts)

    @cached_property
    def future(self) -> bool:
        return bool(_FUTURE.search(self.own_words))

    @cached_property
    def intention(self) -> bool:
        return bool(_INTENTION.search(self.own_words))

    @cached_property
    def in_the_past(self) -> bool:
        return _set_in_the_past(self.own_words)

    @cached_property
    def present_tense(self) -> bool:
        return _present_tense(self.own_words)

    @cached_property
    def year_named(self) -> bool:
        return bool(_YEAR_NAMED.search(self.own_words))

    def just_before(self, pattern: re.Pattern[str], position: int, reach: int) -> bool:
        """Whether `pattern`, which ends where the date starts, matches within `reach` characters."""
        return bool(pattern.search(self.text, max(0, position - reach), position))


def find_dates(text: str, *, published_on: dt.date | None, context: str = "") -> list[dict[str, Any]]:
    """The dates `text` names; `context` is what the article said just before it (the sentence before,
    and the start of this one), which dates "the next day" or "two days later" where `text` does not."""
    dates = _dates(text, published_on)
    if any(hint in text for hint in _DAYS_AWAY_HINTS) and _DAYS_AWAY.search(text):
        dates = _with_days_away(text, dates, published_on, context)
    return [{"text": date["text"], "value": date["value"]} for date in dates]


def _dates(text: str, published_on: dt.date | None) -> list[dict[str, Any]]:
    dates = []
    sentence = _Sentence(text)
    previous: tuple[re.Match[str], str | None] | None = None
    joined_until = 0
    for match in _date_pattern(text).finditer(text):
        if match.start() < joined_until:
            continue  # "from 2005 through 2015": the year joined to the one before is taken already
        try:
            value = _resolve(match, sentence, published_on)
            if value is False:
                continue
            if match["weekday"] and previous and (ended := _range_end(previous, match, text)):
                value = ended
            elif match["weekday"] and previous and (named := _day_named_as(previous, match, text)):
                value = named
        except OverflowError:
            value = None  # an article dated at the calendar's edge (0001-01-01): "yesterday" is no date
        if (match["md"] or match["dm"]) and previous and (dated := _weekday_of(previous[0], match, value, text)):
            dates[-1]["value"] = dated  # "on Tuesday, January 21": the weekday is the day its date names
        previous = (match, value)
        dates.append({"text": match.group().strip(), "value": value, "_end": match.end()})
        position = match.end()
        if (
            match["md"]
            and not match["md_year"]
            and isinstance(value, str)
            and len(value) == 10
            and (last_day := _LAST_DAY_OF_SPAN.match(text, position))
            and _span_of_days(dates, last_day, published_on)
        ):
            position = last_day.end("day")
        if match["year_range"] and (short_end := _SHORT_RANGE_END.match(text, position)):
            # "2015-17", "(1919\u201333)": the end of the span in the century of its start
            year = f"{match['range_year'][:2]}{short_end['yy']}"
            dates.append({"text": short_end["yy"], "value": year, "_end": short_end.end()})
            position = short_end.end()
        while (match["year"] or match["year_before_noun"] or match["year_range"] or match["between"]) and (
            joined := _JOINED_YEAR.match(text, position)
        ):
            dates.append({"text": joined["y"], "value": joined["y"], "_end": joined.end()})  # "in 2014 and 2018"
            position = joined.end()
        joined_until = position
    return dates


# "From March 15 to 17", "July 27\u201328", "on December 5 and 6", "from July 13 to 17 of last year": the last day of a
# span, or the second of two, in the month the first named
_LAST_DAY_OF_SPAN = re.compile(
    r"\s*(?:and|or|to|through|-|\u2013)\s*(?P<day>\d{1,2})\b(?!\s*(?:[.:,]\d|%|-\w))"
    r"(?:\s+of\s+(?P<rel>last|this|next)\s+year\b)?"
    r"(?=\s*(?:[,.;:)\u2014]|$)|\s+(?:respectively|in|at|on|of|for|the|when|and)\b)"
)


def _span_of_days(dates: list[dict[str, Any]], last_day: re.Match[str], published_on: dt.date | None) -> bool:
    """Adds the span's last day to `dates`, both days in the year "of last year" names where it does."""
    first = dt.date.fromisoformat(dates[-1]["value"])
    if last_day["rel"] and published_on:
        year = int(_relative_unit(last_day["rel"].lower(), "year", published_on) or first.year)
        first = _valid_date(year, first.month, first.day) or first
    last = _valid_date(first.year, first.month, int(last_day["day"]))
    if last is None or last <= first:
        return False
    dates[-1]["value"] = first.isoformat()
    dates.append({"text": last_day["day"], "value": last.isoformat(), "_end": last_day.end("day")})
    return True


# "the next day", "the previous day", "two days later": a day counted from the last one the text named.
# "two days after the ruling" counts from an event, which names no day; "the day after the blast" counts from the
# day the text named for the blast, if it did.
_DAYS_AWAY = re.compile(
    r"\b(?:the\s+(?P<next>next|following)\s+day|the\s+(?P<previous>previous)\s+day"
    r"|the\s+day\s+(?P<around>after|before)\s+the\s+(?P<event>[a-z]{3,})"
    # "He declared a state of emergency the same day.": the day named last
    r"|(?P<same>the\s+same|that(?:\s+same)?)\s+day(?!\s+(?:of|in|as)\b)"
    r"|(?P<count>a|one|two|three|four|five|six|seven|\d{1,2})\s+days?\s+(?P<direction>later|earlier))\b",
    re.IGNORECASE,
)
# Looked for as plain text first: most claims have none, and the pattern alone would be tried at every word.
_DAYS_AWAY_HINTS = (
    "days later",
    "day later",
    "days earlier",
    "day earlier",
    "next day",
    "following day",
    "previous day",
    "day after the",
    "day before the",
    "same day",
    "that day",
)
_DAY_COUNTS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
_ISO_DAY = re.compile(r"\d{4}-\d\d-\d\d")


def _with_days_away(
    text: str, dates: list[dict[str, Any]], published_on: dt.date | None, context: str
) -> list[dict[str, Any]]:
    found = list(dates)
    said_before = _last_day(_dates(context, published_on)) if context else None
    for away in _DAYS_AWAY.finditer(text):
        if away["event"]:
            anchor = _day_of_event(away["event"], f"{context} {text[: away.start()]}", published_on)
        elif away["same"]:
            # "the same day" is the day the sentence named before it, or, where it opens the sentence ("On the same
            # day, Kurt Volker resigned"), the last day said before; not one further back ("the primaries held on
            # the same day" is no day of the sentence before)
            anchor = _last_day([date for date in found if date["_end"] <= away.start()])
            if anchor is None and len(text[: away.start()].split()) <= _WORDS_OPENING_A_SENTENCE:
                anchor = said_before
        else:
            anchor = _last_day([date for date in found if date["_end"] <= away.start()]) or said_before
        if anchor is None:
            continue  # "died two days later" with no day named before it
        if away["same"]:
            days = 0
        elif away["around"]:
            days = 1 if away["around"] == "after" else -1
        elif away["count"]:
            count = _DAY_COUNTS.get(away["count"].lower()) or int(away["count"])
            days = count if away["direction"].lower() == "later" else -count
        else:
            days = -1 if away["previous"] else 1
        value = (dt.date.fromisoformat(anchor) + dt.timedelta(days=days)).isoformat()
        found.append({"text": away.group(), "value": value, "_end": away.end()})
    return sorted(found, key=lambda date: date["_end"])


# "In a meeting that day", "On the same day,": words before a time that opens its sentence
_WORDS_OPENING_A_SENTENCE = 3
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def _day_of_event(event: str, said_before: str, published_on: dt.date | None) -> str | None:
    """The one day named in the last sentence of `said_before` that names `event` ("The blast on Monday ..."), or None
    where that sentence names no day or more than one, or no sentence names the event."""
    named = re.compile(rf"\b{re.escape(event)}s?\b", re.IGNORECASE)
    for sentence in reversed(_SENTENCE_END.split(said_before)):
        if named.search(sentence):
            days = [date["value"] for date in _dates(sentence, published_on) if date["value"]]
            return days[0] if len(days) == 1 and _ISO_DAY.fullmatch(days[0]) else None
    return None


def _last_day(dates: list[dict[str, Any]]) -> str | None:
    """The last date given to the day: "in December" or "last week" do not say which day came next."""
    return next(
        (date["value"] for date in reversed(dates) if date["value"] and _ISO_DAY.fullmatch(date["value"])), None
    )


# Feasts on a fixed day, by the last two words of their names: "since Christmas Eve", "on New Year's Day".
# Independence Day only with the country named, as many countries keep one.
_FEAST_DAYS = {
    "christmas eve": (12, 24),
    "christmas day": (12, 25),
    "boxing day": (12, 26),
    "year's eve": (12, 31),
    "year's day": (1, 1),
    "of july": (7, 4),
    "independence day": (7, 4),
}
# "Q2 2021", "the third quarter of 2019": a quarter of a year; spelled out and with no year, only where the sentence
# speaks of money or the economy (a game has quarters too: "scored in the third quarter")
_QUARTER_NUMBERS = {"first": 1, "second": 2, "third": 3, "fourth": 4}
_ECONOMY = re.compile(
    r"\b(?:econom\w*|GDP|recession|growth|earnings|revenues?|profits?|losses|sales|fiscal|financial|quarterly"
    r"|inflation|unemployment|output|exports?|imports?)\b",
    re.IGNORECASE,
)
# "1919\u201333", "2015-17": a span of years whose end gives only its last two digits
_SHORT_RANGE_END = re.compile(r"\s*[-\u2013]\s*(?P<yy>\d\d)\b(?![-\u2013\d])")
# "devised by John Horton Conway around 1970.", "built circa 1850": a hedged year after a name or a past
# participle, where the phrase ends; "the crowd was around 2000." and "numbered around 2000" are counts
_HEDGED_YEAR_BEFORE = re.compile(r"(?:\b[A-Z][\w'\u2019.-]*|\b(?P<participle>[a-z]{2,}ed))\s+$")
_COUNTING_PARTICIPLES = frozenset(
    {"numbered", "totalled", "totaled", "reached", "counted", "estimated", "priced", "valued", "raised", "increased",
     "decreased", "dropped", "climbed", "exceeded", "surpassed", "passed", "topped", "listed", "attended", "recorded"}
)  # fmt: skip


# "the year it was first detected, 2019", "The year of his birth, 1946": a phrase about a year, then the year
_THE_YEAR_BEFORE = re.compile(r"\b(?:the|that|a)\s+year\b[^,.;:!?\"\u201d]{0,60},\s+$", re.IGNORECASE)


def is_hedged_year(text: str, hedge_start: int) -> bool:
    """Whether the hedged year-like number at `hedge_start` ("around 1970") follows a name or a past participle."""
    before = _HEDGED_YEAR_BEFORE.search(text, max(0, hedge_start - 40), hedge_start)
    return before is not None and (before["participle"] or "") not in _COUNTING_PARTICIPLES


def _quarter(match: re.Match[str], sentence: _Sentence, published_on: dt.date | None) -> str | bool | None:
    """ "Q3 2020", "the third quarter of 2020" -> "2020-Q3"; with no year, the quarter of the publication year, or of
    the year before where it has not begun yet (the next year's in a sentence about what will happen)."""
    if match["q_letter"] and match["q_letter"] != "Q":
        return False
    number = int(match["q_number"]) if match["q_number"] else _QUARTER_NUMBERS[match["q_word"].lower()]
    year = match["q_of_year"] or match["q_year"]
    if not year and match["q_word"] and not (match["q_rel"] or _ECONOMY.search(sentence.own_words)):
        return False
    if not year:
        if published_on is None:
            return None
        current = (published_on.month - 1) // 3 + 1
        if match["q_rel"]:
            year = _relative_unit(match["q_rel"].lower(), "year", published_on)
        elif sentence.future:
            year = str(published_on.year + (1 if number < current else 0))
        else:
            year = str(published_on.year - (1 if number > current else 0))
    return f"{int(year):04d}-Q{number}"


# A weekday inside the name of an event or a feast is no date: "Super Tuesday", "Good Friday".
_NAMED_DAY_BEFORE = re.compile(
    r"\b(?:Super|Black|Good|Ash|Cyber|Maundy|Bloody|Easter|Palm|Holy|Shrove|Giving|Blue)\s+$"
)


def _month_day(
    month: int, day: int, year: str | None, match: re.Match[str], sentence: _Sentence, published_on: dt.date | None
) -> str | bool | None:
    """A day of a month, in the year named or, where none is, the year the sentence's tense gives."""
    if (
        not year
        and published_on
        and (named := _YEAR_NAMED_BEFORE.search(sentence.text, max(0, match.start() - 20), match.start()))
    ):
        year = _relative_unit(named["rel"].lower(), "year", published_on)  # "Last year August 8"
    elif not year and (opening := _OPENING_YEAR.match(sentence.text)):
        year = opening["y"]
    forecasts = sentence.forecasts
    # "The state of emergency was expected to end on December 15" (a December 29 article): a past
    # expectation names the nearest such date, not necessarily a coming one.
    past_forecast = sentence.past_forecast
    deadline = sentence.just_before(_DEADLINE_BEFORE, match.start(), 30) and not sentence.in_the_past
    moved = sentence.just_before(_MOVED_TO_BEFORE, match.start(), 120)
    ahead = not past_forecast and bool(forecasts or deadline or moved)
    nearest = past_forecast or (not ahead and sentence.present_tense)
    return _day(int(year) if year else None, month, day, published_on, ahead=ahead, nearest=nearest)


def _resolve(match: re.Match[str], sentence: _Sentence, published_on: dt.date | None) -> str | bool | None:
    if match["md"] or match["dm"]:
        named_month = match["md_month"] or match["dm_month"]
        month = MONTHS[named_month.lower()]
        if month == 5 and named_month != "May":
            return False  # the verb "may", not the month: "COVID-19 may require ..."
        day = int(match["md_day"] or match["dm_day"])
        return _month_day(month, day, match["md_year"] or match["dm_year"], match, sentence, published_on)
    if match["feast"]:
        name = match["feast_name"]
        if not name[0].isupper():
            return False
        month, day = _FEAST_DAYS[" ".join(name.lower().replace("\u2019", "'").split()[-2:])]
        return _month_day(month, day, match["feast_year"], match, sentence, published_on)
    if match["quarter"]:
        return _quarter(match, sentence, published_on)
    if match["hedged_year"]:
        return match["hedged"] if is_hedged_year(sentence.text, match.start()) else False
    if match["between"]:
        return match["between_year"]
    if match["appositive_year"]:
        return match["named_year"] if sentence.just_before(_THE_YEAR_BEFORE, match.start(), 80) else False
    if match["year_range"] and (short_end := _SHORT_RANGE_END.match(sentence.text, match.end())):
        return match["range_year"] if int(short_end["yy"]) > int(match["range_year"][2:]) else False
    if match["my"]:
        return f"{int(match['my_year']):04d}-{MONTHS[match['my_month'].lower()]:02d}"
    if match["weekday"]:
        if not match["wd"][0].isupper() or _NAMED_DAY_BEFORE.search(
            sentence.text, max(0, match.start() - 12), match.start()
        ):
            return False
        return _weekday(match, sentence, published_on)
    if match["relday"]:
        if match["relday"] == "Today" and sentence.just_before(_NAME_BEFORE_TODAY, match.start(), 40):
            return False  # "USA Today noted": a newspaper, like "Psychology Today" or "Russia Today"
        if _NOWADAYS_AFTER.match(sentence.text, match.end()) and sentence.just_before(_WORD_BEFORE, match.start(), 30):
            return False  # "It today has a grass-dominated landscape", "Women of today are": now, not a day
        if _quoted(match, sentence):
            return False  # the speaker's day ("Today, I signed into law"), or now ("the person I am today")
        if published_on is None:
            return None
        shift = {"yesterday": -1, "today": 0, "tomorrow": 1}[match["relday"].lower()]
        return (published_on + dt.timedelta(days=shift)).isoformat()
    if match["relunit"]:
        if match["unit"][0].isupper() or sentence.just_before(_THE_BEFORE, match.start(), 10):
            return False  # "told Kamloops This Week": a newspaper's name; "the next month": a story's own time
        return _relative_unit(match["rel"].lower(), match["unit"].lower(), published_on)
    if match["weekend"]:
        return _weekend(match, sentence, published_on)
    if match["partday"] or match["ago"]:
        return _part_of_a_day_or_time_ago(match, sentence, published_on)
    if match["inmonth"]:
        name = match["im_month"]
        if not name[0].isupper():
            return False
        month = MONTHS[name.lower()]
        if published_on is None:
            return None
        if match["im_rel"]:
            # "in March of this year", "in August last year": the month of the year named, not the year alone
            return f"{_relative_unit(match['im_rel'].lower(), 'year', published_on)}-{month:02d}"
        named_as = match["inmonth"].lower()
        if not re.match(r"(?:last|next|this)\b", named_as) and (opening := _OPENING_YEAR.match(sentence.text)):
            return f"{opening['y']}-{month:02d}"
        year = published_on.year
        if "coming" in named_as:
            year += 1 if month <= published_on.month else 0  # "this coming May" is the next May
        elif "past" in named_as:
            year -= 1 if month >= published_on.month else 0  # "This past August" in a December article
        elif "next" in named_as or sentence.future:
            year += 1 if month < published_on.month else 0  # "will be held in November"
        elif "last" not in named_as and (sentence.present_tense or sentence.intention):
            # "voters in November" in an October article; but "would fund the government through September" in a
            # January article is this September, as a deadline ahead
            if abs(month - published_on.month) > 6 and not _deadline_ahead(match, sentence):
                year += 1 if month < published_on.month else -1
        elif month > published_on.month and not _deadline_ahead(match, sentence):
            year -= 1  # a month later than publication, named without a year, is last year's
        return f"{year:04d}-{month:02d}"
    return match["y"] or match["noun_year"] or match["range_year"] or match["opened"]


def _weekend(match: re.Match[str], sentence: _Sentence, published_on: dt.date | None) -> str | bool | None:
    """ "this weekend" ("over the weekend", "during the weekend") is the week of the weekend just gone where the
    sentence tells of it in the past on a weekday, and the week of the one coming otherwise ("this past weekend" and
    "this coming weekend" say which); "last weekend" is in the week before publication, and "next weekend" in the
    week after it, since the coming one is "this weekend"."""
    # "over the weekend" and "during the weekend" tell of the weekend gone unless a forecast or the present looks ahead
    relation = (match["we_way"] or match["we_rel"] or "the").lower()
    if (match["we_rel"] and match["we_rel"][0].isupper() and match.start() > 0) or any(
        quote.start() < match.start() < quote.end() for quote in _QUOTATION.finditer(sentence.text)
    ):
        return False  # a name ("Last Weekend"), or a speaker's weekend, which is when they spoke
    if published_on is None:
        return None
    on_a_weekday = published_on.weekday() < 5
    told_in_the_past = (
        relation == "past"
        or (relation == "the" and not sentence.forecasts and not sentence.present_tense)
        or (
            relation == "this"
            and not sentence.forecasts
            and (
                sentence.in_the_past
                or (_PAST_VERB.search(sentence.own_words) is not None and not sentence.present_tense)
            )
        )
    )
    weeks_back = 1 if relation == "last" or (on_a_weekday and told_in_the_past) else -1 if relation == "next" else 0
    year, week, _ = (published_on - dt.timedelta(weeks=weeks_back)).isocalendar()
    return f"{year:04d}-W{week:02d}"


_AGO_COUNTS = {"a": 1, "an": 1, "fifteen": 15, "twenty": 20, "thirty": 30} | {
    word: count for word, count in NUMBER_WORDS.items() if count <= 12
}


def _part_of_a_day_or_time_ago(
    match: re.Match[str], sentence: _Sentence, published_on: dt.date | None
) -> str | bool | None:
    """ "last night" is the day before publication, "this morning" and "tonight" its day; "three years ago" the year
    three before it, "two months ago" the month, "a week ago" the ISO week, "five days ago" the day; but not inside
    a quotation, where they are the speaker's, nor in a name ("Last Night")."""
    relation = match["pd_rel"] or ""
    if (relation[:1].isupper() and (match.start() > 0 or match.group().split()[-1][0].isupper())) or _quoted(
        match, sentence
    ):
        return False
    if published_on is None:
        return None
    if match["partday"]:
        return (published_on - dt.timedelta(days=1 if relation.lower() == "last" else 0)).isoformat()
    count, unit = _AGO_COUNTS.get(match["ago_count"].lower()) or int(match["ago_count"]), match["ago_unit"].lower()
    if unit == "day":
        return (published_on - dt.timedelta(days=count)).isoformat()
    if unit == "week":
        year, week, _ = (published_on - dt.timedelta(weeks=count)).isocalendar()
        return f"{year:04d}-W{week:02d}"
    if unit == "month":
        index = published_on.year * 12 + published_on.month - 1 - count
        return f"{index // 12:04d}-{index % 12 + 1:02d}" if index >= 12 else None
    return f"{published_on.year - count:04d}" if published_on.year > count else None


def _quoted(match: re.Match[str], sentence: _Sentence) -> bool:
    return any(quote.start() < match.start() < quote.end() for quote in _QUOTATION.finditer(sentence.text))


def _range_end(start: tuple[re.Match[str], str | None], end: re.Match[str], text: str) -> str | None:
    """ "Wednesday through Friday": the day a range of weekdays ends comes after the day it starts."""
    opened, opened_on = start
    if not opened["weekday"] or opened_on is None or not _THROUGH.fullmatch(text, opened.end(), end.start()):
        return None
    first = dt.date.fromisoformat(opened_on)
    days = (WEEKDAYS[end["wd"].lower()] - first.weekday()) % 7 or 7
    return (first + dt.timedelta(days=days)).isoformat()


_WEEKDAY_THEN_DATE = re.compile(r",?\s+(?:the\s+)?")


def _weekday_of(weekday: re.Match[str], date: re.Match[str], value: str | None, text: str) -> str | None:
    """The date written right after a weekday ("Saturday, August 17" in an August 24 article), when it
    falls on that weekday, is the weekday's own: alone, "Saturday" would be the latest one."""
    if not weekday["weekday"] or not value or not _WEEKDAY_THEN_DATE.fullmatch(text, weekday.end(), date.start()):
        return None
    if dt.date.fromisoformat(value).weekday() != WEEKDAYS[weekday["wd"].lower()]:
        return None
    return value


_A_WEEKDAY_AFTER = re.compile(r",\s+an?\s+")


def _day_named_as(day: tuple[re.Match[str], str | None], weekday: re.Match[str], text: str) -> str | None:
    """ "Tomorrow, a Tuesday, is ...": the weekday is that day, not the latest Tuesday."""
    opened, opened_on = day
    if not opened["relday"] or not opened_on or not _A_WEEKDAY_AFTER.fullmatch(text, opened.end(), weekday.start()):
        return None
    return opened_on if dt.date.fromisoformat(opened_on).weekday() == WEEKDAYS[weekday["wd"].lower()] else None


def _deadline_ahead(match: re.Match[str], sentence: _Sentence) -> bool:
    """ "delaying the election until June" or "may be ready by late August" in an April article is
    this year's; "was envoy until December" in a January article, or a sentence set in another
    year, is not."""
    return (
        (
            match["inmonth"].lower().startswith(("until", "till", "through", "by"))
            or sentence.just_before(_DEADLINE_BEFORE, match.start(), 30)
            # "the earthquakes may continue into early February" (a January article): what may go on, goes on ahead
            or (sentence.just_before(_INTO_BEFORE, match.start(), 12) and bool(_MODAL.search(sentence.own_words)))
        )
        and not sentence.in_the_past
        and not sentence.year_named
    )


def _day(
    year: int | None,
    month: int,
    day: int,
    published_on: dt.date | None,
    *,
    ahead: bool = False,
    nearest: bool = False,
) -> str | bool | None:
    if year is None:
        if published_on is None:
            return None
        year = published_on.year
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            return False
        if nearest:
            options = [date for y in (year - 1, year, year + 1) if (date := _valid_date(y, month, day))]
            year = min(options, key=lambda date: abs(date - published_on)).year
        elif candidate - published_on > dt.timedelta(days=31) and not ahead:
            year -= 1  # "November 30" in a January article is the past November
        elif ahead and candidate < published_on:
            year += 1  # "will be held on January 10" in a December article is next January
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return False


def _valid_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None  # February 29 outside a leap year


# What was done on the day, whatever the sentence says will happen later: "Reuters reported on Monday
# ...", "Other games scheduled for Wednesday were still held", and a day opening the sentence before
# its verb of announcing or deciding: "On Wednesday, Carrie Lam announced that her government will withdraw
# the bill". Any past participle there would also take "the newly elected president" or "the long-awaited
# bridge" for something done, and put "On Monday, the newly elected president will be sworn in" in the past.
_PAST_VERB_WORD = r"(?<!\bis )(?<!\bare )(?<!\bbe )\b(?:[a-z]{3,}ed|said|told|met|spoke|wrote|gave|made|held|took)"
_PAST_VERB_BEFORE = re.compile(_PAST_VERB_WORD + r"\s+(?:(?:on|late|early)\s+)?$")
_ANNOUNCED = re.compile(
    r"\b(?:announced|said|told|stated|confirmed|declared|reported|revealed|wrote|tweeted|warned|added|explained"
    r"|promised|pledged|vowed|decided|agreed|voted|ruled|ordered|unveiled|approved|signed|proposed|met|spoke)\b"
)
_PAST_AFTER = re.compile(r"\s+(?:were|was|had)\b")
_OPENING_DAY = re.compile(r"(?:(?:Late|Early)\s+)?(?:[Oo]n\s+)?$")


def _done_that_day(text: str, match: re.Match[str]) -> bool:
    if _PAST_VERB_BEFORE.search(text, max(0, match.start() - 30), match.start()) or _PAST_AFTER.match(
        text, match.end()
    ):
        return True
    if not _OPENING_DAY.fullmatch(text, 0, match.start()):
        return False
    cue = _FUTURE.search(text, match.end())
    return bool(_ANNOUNCED.search(text, match.end(), cue.start() if cue else len(text)))


def _weekday(match: re.Match[str], sentence: _Sentence, published_on: dt.date | None) -> str | None:
    if published_on is None:
        return None
    target = WEEKDAYS[match["wd"].lower()]
    relation = (match["wd_rel"] or "").lower()
    if not relation and sentence.past_forecast:
        # "was expected to pass late Wednesday night" (a Thursday article): the nearest Wednesday
        back = (published_on.weekday() - target) % 7
        days = -back if back <= 3 else 7 - back
        return (published_on + dt.timedelta(days=days)).isoformat()
    future = relation == "next" or (relation != "last" and sentence.future and not _done_that_day(sentence.text, match))
    if future:
        days = (target - published_on.weekday()) % 7 or 7
        return (published_on + dt.timedelta(days=days)).isoformat()
    days = (published_on.weekday() - target) % 7
    if relation == "last" and days <= published_on.weekday():
        # "On last Thursday" in a Friday article is the week before's: a day of the article's own week, from its
        # Monday, is "on Thursday" or "this Thursday"
        days += 7
    return (published_on - dt.timedelta(days=days)).isoformat()


def _relative_unit(relation: str, unit: str, published_on: dt.date | None) -> str | None:
    if published_on is None:
        return None
    step = {"last": -1, "this": 0, "next": 1}[relation]
    if not dt.MINYEAR <= published_on.year + step <= dt.MAXYEAR:
        raise OverflowError("the year before or after the article's is outside the calendar")
    if unit == "year":
        return f"{published_on.year + step:04d}"
    if unit == "month":
        index = published_on.year * 12 + published_on.month - 1 + step
        return f"{index // 12:04d}-{index % 12 + 1:02d}"
    monday = published_on - dt.timedelta(days=published_on.weekday()) + dt.timedelta(weeks=step)
    year, week, _ = monday.isocalendar()
    return f"{year:04d}-W{week:02d}"
