"""The eighteenth attribution round: who a statement is attributed to, read over the Wikinews articles."""

import datetime as dt

import pytest

from apps.claims.extraction import extract_claims
from apps.claims.nlp.attribution import find_attribution

MUGABE = (
    "Robert Mugabe, former president of Zimbabwe, has died, according to current president Emmerson Mnangagwa on "
    "Friday."
)


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        (
            "A niece of Biden's 2008 US Senate opponent Christine O'Donnell claimed that he was rude to her.",
            "A niece of Biden's 2008 US Senate opponent Christine O'Donnell",
        ),
        ("The daughter of John Smith said the house was sold in May.", "The daughter of John Smith"),
        ("The mother of the young victim has said she was shocked by the verdict.", "The mother of the young victim"),
    ],
)
def test_a_relative_of_someone_is_the_source(sentence, source):
    frame = find_attribution(sentence)
    assert frame is not None
    assert (frame.source, frame.style) == (source, "leading")


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("Miller and Smith both said the plan would fail.", "Miller and Smith"),
        ("Police and firefighters all said the fire was out by noon.", "Police and firefighters"),
    ],
)
def test_the_word_counting_two_speakers_is_not_part_of_the_source(sentence, source):
    frame = find_attribution(sentence)
    assert frame is not None
    assert frame.source == source


def test_the_day_after_a_closing_according_to_is_the_claims_date():
    claims = extract_claims(MUGABE, published_on=dt.date(2019, 9, 7))
    died = [claim for claim in claims if "died" in claim.text]
    assert [(claim.attribution, claim.dates) for claim in died] == [
        ("Emmerson Mnangagwa", [{"text": "on Friday", "value": "2019-09-06"}])
    ]


def test_a_description_split_off_keeps_no_day_the_source_spoke_on():
    claims = extract_claims(MUGABE, published_on=dt.date(2019, 9, 7))
    described = [claim for claim in claims if "former president" in claim.text]
    assert described
    assert all(claim.dates == [] for claim in described)


def test_a_claim_that_names_its_own_day_keeps_only_that_day():
    claims = extract_claims(
        "Andrea Zamperoni, the head chef of New York City's Cipriani Dolci restaurant, was discovered dead on "
        "Wednesday in Queens, New York, according to police on Thursday.",
        published_on=dt.date(2019, 8, 23),
    )
    found = [claim for claim in claims if "discovered dead" in claim.text]
    assert [claim.dates for claim in found] == [[{"text": "on Wednesday", "value": "2019-08-21"}]]
