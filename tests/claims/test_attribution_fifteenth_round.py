"""The fifteenth attribution round: who a statement is attributed to, read over the Wikinews articles."""

import pytest

from apps.claims.extraction import extract_claims
from apps.claims.nlp.attribution import find_attribution


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        (
            "State legislators supporting the law argued it was to prevent voter fraud.",
            "State legislators supporting the law",
        ),
        (
            "The public officials who ordered that change claimed they were reducing the number of dedicated lanes.",
            "The public officials who ordered that change",
        ),
        (
            "Critics from across Britain's political spectrum have claimed this is a move by Johnson to foil "
            "opposition to his plans.",
            "Critics from across Britain's political spectrum",
        ),
        ("Residents living near the plant said the smell was strong.", "Residents living near the plant"),
    ],
)
def test_a_group_described_by_what_it_does_or_where_it_is_from_is_the_source(sentence, source):
    frame = find_attribution(sentence)
    assert frame is not None
    assert frame.source == source


def test_an_outlet_introduced_by_what_it_is_speaks_by_its_name():
    frame = find_attribution("One news site, Znak.com, claims FSB sources have ascribed the explosion to terrorism.")
    assert frame is not None
    assert (frame.source, frame.cue) == ("Znak.com", "claims")


def test_initial_reports_from_a_hospital_are_the_hospitals():
    frame = find_attribution(
        "Initial reports from Omsk hospital reported no traces of poison were found in his blood or urine."
    )
    assert frame is not None
    assert frame.source == "Omsk hospital"


def test_the_consensus_among_a_group_is_the_groups():
    frame = find_attribution(
        "Current consensus among scientists says birds as we understand them evolved from theropod dinosaurs."
    )
    assert frame is not None
    assert frame.source == "scientists"


def test_a_trailing_according_to_a_report_keeps_neither_its_date_nor_what_it_said_in_the_source():
    claims = extract_claims(
        "The stores were originally reluctant to impose restrictions, according to a report from ABC Australia on "
        "March 3 in which they said they had no plans to introduce restrictions on the purchases."
    )
    assert [claim.attribution for claim in claims] == ["ABC Australia"]


def test_maintained_says_something_only_where_a_statement_follows():
    frame = find_attribution(
        "Jerrold Nadler has repeatedly maintained an impeachment inquiry is what the committee is already doing."
    )
    assert frame is not None
    assert (frame.source, frame.cue) == ("Jerrold Nadler", "maintained")
    assert find_attribution("Trump maintained the campaign theme of law and order.") is None
    assert find_attribution("Biden maintained his lead over Trump in the average of opinion polls, 48 to 41.") is None
