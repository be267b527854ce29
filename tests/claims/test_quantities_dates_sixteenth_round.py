"""Quantities and dates, sixteenth round: the injured and the deceased counted as people, a count before "earlier" and
a plural, tens and units spelled with a space, "today" meaning nowadays and the year of a title named after "and"."""

import pytest

from tests.claims.fact_cases import dates_of, values_of


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The attack left 12 dead and at least 30 injured.", [("=", 12, "deaths"), (">=", 30, "people")]),
        ("The blast left 30 wounded.", [("=", 30, "people")]),
        ("Police said 10 hurt in the crush were treated.", [("=", 10, "people")]),
        ("The three deceased were reportedly contract employees.", [("=", 3, "people")]),
    ],
)
def test_a_count_of_the_injured_or_deceased_counts_people(text, expected):
    assert values_of(text) == expected


def test_a_plural_after_the_injured_is_still_what_is_counted():
    assert values_of("Doctors treated 12 injured workers.") == [("=", 12, "workers")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He chose not to compete in the four earlier primaries.", [("=", 4, "primaries")]),
        ("The toll rose to 7 earlier today.", [("=", 7, "")]),
        ("He died 3 days later.", [("=", 3, "days")]),
    ],
)
def test_a_count_before_earlier_and_a_plural_counts_the_plural(text, expected):
    assert values_of(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "It today has a grass-dominated landscape but it was once a forest.",
        "The mill, which today houses a museum, burned.",
        "Women of today are no less than any men.",
    ],
)
def test_today_meaning_nowadays_is_no_date(text):
    assert dates_of(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The company today announced a merger.",
        "The company today has announced a merger.",
        "Today, the city has no power.",
        "As of today the board did not respond.",
    ],
)
def test_today_as_the_day_of_publication_stays(text):
    assert [value for _, value in dates_of(text)] == ["2020-02-14"]


def test_a_year_before_a_title_after_and_is_that_year():
    assert dates_of("He was the 2007 champion and 2008 NBA MVP.") == [("2007", "2007"), ("2008", "2008")]


@pytest.mark.parametrize(
    "text",
    ["The militia killed 400 soldiers and 2000 civilians.", "Judges named 12 finalists and 2000 NBA MVPs."],
)
def test_a_count_after_and_is_no_year(text):
    assert dates_of(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It reported 79,332 cases in the twenty four hours before.", [("=", 79332, "cases"), ("=", 24, "hours")]),
        ("Sixty two people came.", [("=", 62, "people")]),
    ],
)
def test_tens_and_units_spelled_with_a_space_are_one_number(text, expected):
    assert values_of(text) == expected


@pytest.mark.parametrize(
    ("text", "value"),
    [("Of the twenty, two were hurt.", 20), ("She taught twenty one-year-olds.", 20)],
)
def test_tens_apart_from_a_following_number_stay_tens(text, value):
    assert values_of(text)[0][1] == value
