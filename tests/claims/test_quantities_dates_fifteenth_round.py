"""Quantities and dates, fifteenth round: shares of a whole, a station's channel, an age after a long description,
counts of measured things, factors, others of what was counted, laws passed, a year that says which year a phrase
meant and the last day of a span of days."""

import datetime as dt

import pytest

from apps.claims.nlp.dates import find_dates
from tests.claims.fact_cases import dates_of, values_of


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "It would have to be ratified by at least three quarters of the country's 50 state legislatures.",
            [(">=", 0.75, "ratio"), ("=", 50, "legislatures")],
        ),
        ("In the DRC's outbreak, two thirds of those known to be infected have died.", [("=", 0.666667, "ratio")]),
        ("Roughly two-thirds of the Democratic voters preferred a primary.", [("~", 0.666667, "ratio")]),
        ("Monday's bid failed to get the two-thirds majority required.", [("=", 0.666667, "ratio")]),
    ],
)
def test_a_spelled_fraction_of_a_whole_is_a_ratio(text, expected):
    assert values_of(text) == expected


def test_a_whole_number_and_a_fraction_before_a_measure_is_one_length():
    assert values_of("The five-foot (one and two thirds meters) tusk came from a narwhal.") == [
        ("=", 5, "feet"),
        ("=", 1.666667, "meters"),
    ]


@pytest.mark.parametrize(
    "text",
    ["She shared the fund with one half-sister.", "Growth slowed over three quarters in a row."],
)
def test_no_share_without_a_whole(text):
    assert all(unit != "ratio" for _, _, unit in values_of(text))


@pytest.mark.parametrize(
    "text",
    [
        'One resident told Paul Rivera of WESH 2 news, "We\'re used to it."',
        "The interview was shown on Channel 4 News that evening.",
    ],
)
def test_a_stations_channel_is_no_count(text):
    assert values_of(text) == []


def test_a_channels_number_before_a_plural_still_counts():
    assert values_of("CNN sent 12 news crews.") == [("=", 12, "crews")]


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("Cummings, the Democratic chairman of the House Oversight and Reform Committee, was 68.", 68),
        ("Conyers, the former Democratic Dean of the House of Representatives, was 90.", 90),
    ],
)
def test_an_age_after_a_long_description_of_the_person(text, age):
    assert values_of(text) == [("=", age, "years")]


def test_a_long_description_of_no_person_gives_no_age():
    assert values_of("Turnout, the highest since the election of the new parliament members, was 68.") == [
        ("=", 68, "")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"D" is for "disease," and "19" for the year it was first detected, 2019.', [("2019", "2019")]),
        ("She still remembers the year of his birth, 1946.", [("1946", "1946")]),
    ],
)
def test_a_year_that_names_the_year_a_phrase_meant(text, expected):
    assert dates_of(text) == expected


@pytest.mark.parametrize("text", ["He lived in Paris, 1946.", "The year was bad for sales, 2000 units."])
def test_a_year_after_a_comma_alone_is_no_date(text):
    assert dates_of(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ocado was limiting purchases of toilet paper to two 12-roll packs.", [(2, "packs"), (12, "rolls")]),
        ("The ship carried three 20-foot containers.", [(3, "containers"), (20, "feet")]),
    ],
)
def test_a_count_before_a_measured_noun_counts_that_noun(text, expected):
    assert [(value, unit) for _, value, unit in values_of(text)] == expected


def test_a_factor_is_a_multiple():
    assert values_of("It could cut the water used to flush waste by a factor of two.") == [("=", 2, "times")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The death toll rose to 22 people on Monday, with 25 others injured.", [22, "people", 25, "people"]),
        ("It won access in eight states, with write-in access in 23 others.", [8, "states", 23, "states"]),
        ("Two of his victims died, and three others were seriously injured.", [2, "victims", 3, "victims"]),
    ],
)
def test_others_are_more_of_what_the_sentence_counted(text, expected):
    assert [item for _, value, unit in values_of(text) for item in (value, unit)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "In that event, Fields injured at least nineteen others.",
        "The local police chief and two others were also injured.",
        "A helicopter with Kobe Bryant and eight others on board crashed.",
    ],
)
def test_others_hurt_or_aboard_are_people(text):
    assert [unit for _, _, unit in values_of(text)] == ["people"]


def test_others_of_nothing_counted_stay_others():
    assert values_of("Reporters obtained the messages between Rossello and eleven others.") == [("=", 11, "others")]


@pytest.mark.parametrize(
    "text", ["On December 18, the House passed two articles of impeachment.", "The Senate passed 12 bills."]
)
def test_laws_passed_are_not_more_than_their_count(text):
    assert [qualifier for qualifier, _, _ in values_of(text)] == ["="]


def test_a_toll_that_passed_a_count_is_still_more_than_it():
    assert values_of("The toll passed 500 deaths.") == [(">", 500, "deaths")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("From March 15 to 17, the city hosted the convention.", [("March 15", "2020-03-15"), ("17", "2020-03-17")]),
        ("The convention ran on July 27\u201328 in Mesquite.", [("July 27", "2019-07-27"), ("28", "2019-07-28")]),
        (
            "The limits were introduced by Woolworths and Coles on February 4 and 5 respectively.",
            [("February 4", "2020-02-04"), ("5", "2020-02-05")],
        ),
    ],
)
def test_the_last_day_of_a_span_of_days_is_a_date(text, expected):
    assert dates_of(text) == expected


def test_a_span_of_days_of_last_year_is_last_years():
    dates = find_dates(
        "The ship was watched from July 13 to 17 of last year, when Kilauea erupted.", published_on=dt.date(2019, 9, 8)
    )
    assert [(d["text"], d["value"]) for d in dates] == [
        ("July 13", "2018-07-13"),
        ("17", "2018-07-17"),
        ("last year", "2018"),
    ]


@pytest.mark.parametrize(
    "text", ["On February 4 and 5 people died.", "It rained on February 4 to 3.", "It rained on February 28 to 31."]
)
def test_a_number_after_a_day_that_ends_no_span_is_no_date(text):
    assert [value for _, value in dates_of(text)] == ["2020-02-04" if "4" in text else "2020-02-28"]
