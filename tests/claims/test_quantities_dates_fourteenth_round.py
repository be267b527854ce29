"""Quantities and dates, fourteenth round: units only an earlier sentence gives, years and names read as counts,
feasts, quarters and spans of years."""

import datetime as dt

import pytest

from apps.claims.extraction import extract_claims
from apps.claims.nlp.dates import find_dates
from apps.claims.nlp.quantities import find_quantities

# A Tuesday in November
PUBLISHED = dt.date(2020, 11, 10)


def _values(text):
    return [(q["qualifier"], q["value"], q["unit"]) for q in find_quantities(text)]


def _dates(text, published_on=PUBLISHED):
    return [(d["text"], d["value"]) for d in find_dates(text, published_on=published_on)]


def _claim_quantities(text):
    return {
        claim.text: [(q["value"], q["unit"], q.get("inferred", False)) for q in claim.quantities]
        for claim in extract_claims(text, published_on=PUBLISHED)
    }


@pytest.mark.parametrize(
    "text",
    [
        "The glider was devised by mathematician John Horton Conway around 1970.",
        "[In 19]79-80 it was established in a small area.",
        'The virus was named "severe acute respiratory syndrome coronavirus 2" (SARS-CoV-2).',
        "The planet they found was 51 Pegasi b.",
    ],
)
def test_years_and_names_are_no_counts(text):
    assert _values(text) == []


def test_a_hedged_number_that_a_verb_counts_is_still_a_count():
    assert _values("The crowd was around 2000.") == [("~", 2000, "")]
    assert _values("It numbered around 2000.") == [("~", 2000, "")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Meanwhile, the total reported casualties increased to 167 from a previous 93 injured people.", 167),
        ("With coronavirus deaths surpassing 100,000 and protests spreading, Biden kept his lead.", 100000),
    ],
)
def test_a_plural_that_rose_or_passed_a_bare_number_is_what_it_counts(text, expected):
    value, unit = next((q["value"], q["unit"]) for q in find_quantities(text))
    assert (value, unit) == (expected, "casualties" if expected == 167 else "deaths")


def test_a_death_count_in_the_hundreds_counts_deaths():
    assert _values("AFP has placed the protester death count in the hundreds.") == [(">", 100, "deaths")]


def test_a_count_in_a_piece_of_a_sentence_takes_the_unit_counted_in_the_piece_before():
    quantities = _claim_quantities(
        "According to the Wisconsin Elections Commission, as of yesterday morning, over 500,000 ballots were not yet "
        "returned, and over 11,000 were not yet sent out.\n\n"
        "While 54 nations have signed onto the AfCFTA, only 27 have ratified the agreement."
    )
    assert quantities["Over 11,000 were not yet sent out."] == [(11000, "ballots", True)]
    assert quantities["Only 27 have ratified the agreement."] == [(27, "nations", True)]


def test_a_count_as_a_subject_does_not_take_the_unit_of_the_sentence_before():
    quantities = _claim_quantities(
        "At least seven, including four children, died in the attack on the village. At least 45 were aboard the "
        "bus when it was hit."
    )
    claim = next(text for text in quantities if text.startswith("At least 45"))
    assert [(unit, inferred) for _, unit, inferred in quantities[claim]] == [("people", False)]


def test_an_answer_counts_what_the_question_asked_about():
    quantities = _claim_quantities(
        "How many employees were there in this all-women crew?\n\n((Aparna Garg)) There were fifteen of them, all "
        "from the railway's Mysuru division."
    )
    claim = next(text for text in quantities if text.startswith("There were fifteen"))
    assert quantities[claim] == [(15, "employees", True)]


def test_that_number_changed_counts_what_the_sentence_before_counted():
    quantities = _claim_quantities(
        "Under the previous law, each carrier was limited to 80 of other people's ballots, unless they were part of "
        "the voter's family. Under BIPA, that number drops to six."
    )
    assert quantities["Under BIPA, that number drops to six."] == [(6, "ballots", True)]


def test_a_unit_in_the_text_itself_is_not_marked_inferred():
    assert all("inferred" not in quantity for quantity in find_quantities("Warren earned 8 delegates, Biden 6."))


@pytest.mark.parametrize(
    ("text", "published_on", "expected"),
    [
        (
            "Imus died on Friday after being hospitalized since Christmas Eve, his family reported.",
            dt.date(2019, 12, 30),
            [("on Friday", "2019-12-27"), ("Christmas Eve", "2019-12-24")],
        ),
        ("Stores reopened on Boxing Day.", dt.date(2020, 12, 30), [("Boxing Day", "2020-12-26")]),
        ("Crowds gathered on New Year's Eve 2019.", PUBLISHED, [("New Year's Eve 2019", "2019-12-31")]),
        ("The parade will be held on New Year's Day.", dt.date(2020, 12, 20), [("New Year's Day", "2021-01-01")]),
        ("Trump held a Fourth of July celebration.", dt.date(2020, 7, 20), [("Fourth of July", "2020-07-04")]),
        # many countries keep an Independence Day: only with the country named
        ("a celebration on the eve of Independence Day", dt.date(2020, 7, 20), []),
        (
            "the U.S. Independence Day parade was cancelled",
            dt.date(2020, 7, 20),
            [("U.S. Independence Day", "2020-07-04")],
        ),
    ],
)
def test_feasts_on_a_fixed_day_are_dates(text, published_on, expected):
    assert _dates(text, published_on) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sales fell in the third quarter of 2019.", [("third quarter of 2019", "2019-Q3")]),
        ("GDP shrank in Q2 2020.", [("Q2 2020", "2020-Q2")]),
        ("The economy slipped into a technical recession since the third quarter.", [("third quarter", "2020-Q3")]),
        # the fourth quarter has begun in November; a later one named in the past is last year's
        ("Profits rose in the fourth quarter.", [("fourth quarter", "2020-Q4")]),
        ("It will be near the end of Q1 or beginning of Q2 2021.", [("Q1", "2021-Q1"), ("Q2 2021", "2021-Q2")]),
        # a game has quarters too
        ("The Lakers scored twelve points in the third quarter.", []),
    ],
)
def test_quarters_of_a_year_are_dates(text, expected):
    assert _dates(text) == expected


def test_a_quarter_later_than_publication_named_in_the_past_is_last_years():
    assert _dates("Revenues fell in the third quarter.", dt.date(2020, 5, 4)) == [("third quarter", "2019-Q3")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "I spent nearly four months at the colony between 2015 and 2017.",
            [("between 2015", "2015"), ("2017", "2017")],
        ),
        ("He was the club's coach in the 2015-17 seasons.", [("2015", "2015"), ("17", "2017")]),
        ("Prohibition (1919\u201333) ended.", [("1919", "1919"), ("33", "1933")]),
        ("The glider was devised by John Horton Conway around 1970.", [("around 1970", "1970")]),
        ("2018 saw 11,187 recorded accidents leading to 750 deaths.", [("2018", "2018")]),
        # counts, not years
        ("The pipeline carries between 1800 and 2000 barrels a day.", []),
        ("The crowd was around 2000.", []),
    ],
)
def test_spans_of_years_and_hedged_years_are_dates(text, expected):
    assert _dates(text) == expected


def test_light_years_are_a_distance_not_years():
    assert _values("a Jupiter-like gas giant some 50 light years away from Earth") == [("~", 50, "light years")]
