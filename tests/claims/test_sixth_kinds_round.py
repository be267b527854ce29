"""Sixth kinds round: a span that dates an event is no statistic, what was ordered in the subjunctive has not
happened, what a name stands for is no quotation, a verb of saying inside a quotation is no cue, and "studied" tells
what happened (sentences from the Wikinews corpus)."""

import pytest

from apps.claims.extraction import describe_claim
from apps.claims.models import ClaimKind


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("However we started working in earnest about 2 years ago.", "started"),
        ("The hotel closed around fifteen years ago.", "closed"),
    ],
)
def test_a_span_that_dates_an_event_is_no_statistic(text, cue):
    facts = describe_claim(text)
    assert facts.kind == ClaimKind.EVENT
    assert cue in facts.cues


def test_a_span_without_an_event_stays_the_statistic():
    facts = describe_claim(
        "The relic has been venerated in Cahors since the construction of the cathedral 900 years ago."
    )
    assert facts.kind == ClaimKind.STATISTIC


def test_a_bound_on_a_span_stays_the_statistic():
    facts = describe_claim("The attack came less than two weeks before President Joko Widodo's second inauguration.")
    assert facts.kind == ClaimKind.STATISTIC


def test_what_was_ordered_in_the_subjunctive_has_not_happened():
    facts = describe_claim(
        "In response to Cummings's death, Nancy Pelosi ordered the Capitol's flags be lowered to half staff."
    )
    assert facts.kind == ClaimKind.EVENT
    assert "ordered" in facts.cues
    assert "lowered" not in facts.cues


@pytest.mark.parametrize(
    "text",
    [
        "The United Kingdom is in the process of leaving the European Union which has been termed Brexit for "
        '"British exit".',
        'The disease is called COVID-19, short for "coronavirus disease 2019".',
    ],
)
def test_what_a_name_stands_for_is_no_quotation(text):
    assert describe_claim(text).kind != ClaimKind.QUOTE


@pytest.mark.parametrize(
    ("text", "cues"),
    [
        ('Bash characterized the attack as "designed to intimidate a civilian population, to say the least."', []),
        ('Miller said "It is a little hard to definitively say what\'s going on"', ["said"]),
    ],
)
def test_a_verb_of_saying_inside_a_quotation_is_no_cue(text, cues):
    facts = describe_claim(text)
    assert facts.kind == ClaimKind.QUOTE
    assert facts.cues == ["quotation", *cues]


@pytest.mark.parametrize(
    "text",
    [
        "Stevens studied law at Northwestern University.",
        "Stamenković et al studied magnesium and calcium perchlorates.",
    ],
)
def test_what_was_studied_is_an_event(text):
    facts = describe_claim(text)
    assert facts.kind == ClaimKind.EVENT
    assert "studied" in facts.cues
