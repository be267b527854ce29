"""Third kinds round: quotation marks paired in order, "reportedly" inside a sentence, demands and revelations as
saying, and more past forms that tell what happened (sentences from the Wikinews corpus)."""

import pytest

from apps.claims.extraction import describe_claim, extract_claims
from apps.claims.models import ClaimKind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # the words between two quoted terms are no quotation
        ('But one of the big issues for Groom is actually "green tape" rather than "red tape".', ClaimKind.COMPARISON),
        (
            'Reportedly, "COVI" represents the coronavirus, "D" is for "disease," and "19" for the year it was first '
            "detected, 2019.",
            ClaimKind.ATTRIBUTION,
        ),
        # a question as written on a form quotes nobody
        (
            'For weeks, the Trump administration has been trying to add the question, "Is this person a citizen of '
            'the United States?", to the upcoming 2020 census.',
            ClaimKind.OTHER,
        ),
        # a judgement in someone's words is a quotation, however short
        ('Smith called the disappearance an "interesting" case.', ClaimKind.QUOTE),
        ('Trump called Stone\'s 40 month sentence "unjust."', ClaimKind.QUOTE),
    ],
)
def test_quotation_marks_pair_in_order(text, kind):
    assert describe_claim(text).kind == kind


@pytest.mark.parametrize(
    "text",
    [
        'That year\'s H1N1 was commonly called "swine flu."',
        'Guy has been associated with the discovery of a pattern called a "glider" in the Game of Life.',
    ],
)
def test_a_name_after_called_quotes_nobody(text):
    assert describe_claim(text).kind != ClaimKind.QUOTE


@pytest.mark.parametrize(
    "text",
    [
        "The rally was reportedly one of the biggest political events in Belarus in a decade.",
        "UpGuard reportedly sent an email to Cultura Colectiva.",
        "Personnel reportedly had control of the blaze by the morning.",
        "The fire service was reportedly investigating the possibility of an electrical fault.",
    ],
)
def test_reportedly_before_the_verb_attributes_the_claim(text):
    facts = describe_claim(text)
    assert facts.kind == ClaimKind.ATTRIBUTION
    assert "reportedly" in facts.cues


@pytest.mark.parametrize(
    "text",
    [
        "Blankenship, reportedly nicknamed the king of coal, was chairman of Massey Energy.",
        "Lukasz, who reportedly works at the hall as a chef, joined the chase.",
        "Before doing so, law enforcement cleared reportedly peaceful protesters from the square.",
    ],
)
def test_reportedly_as_an_aside_or_a_hedge_on_a_noun_attributes_nothing(text):
    assert describe_claim(text).kind != ClaimKind.ATTRIBUTION


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Amnesty International has called for an investigation into the shooting.", "called for"),
        ("The Turkish statement called for the safe zone to be set up East of the Euphrates River.", "called for"),
        ("On Monday, Hungarian daily newspaper Magyar Nemzet revealed a deal with a state-owned firm.", "revealed"),
        ("Your release mentioned sexing the penguins was problematic.", "mentioned"),
    ],
)
def test_demands_and_revelations_are_saying(text, cue):
    facts = describe_claim(text)
    assert facts.kind == ClaimKind.ATTRIBUTION
    assert cue in facts.cues


def test_a_call_as_a_noun_or_a_passive_is_no_saying():
    assert describe_claim("He was called for questioning in the case of the missing ledger.").kind != (
        ClaimKind.ATTRIBUTION
    )


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("The Bernie and Sid Show replaced Imus in the Morning.", "replaced"),
        ("Almost all customers had water restored by the evening.", "restored"),
        ("The United States carried out the airstrike at Baghdad International Airport.", "carried"),
        ("DeVita narrowly avoided being caught up in the accident.", "avoided"),
    ],
)
def test_more_past_forms_tell_what_happened(text, cue):
    facts = describe_claim(text)
    assert facts.kind == ClaimKind.EVENT
    assert cue in facts.cues


def test_extract_claims_gives_an_article_sentence_with_reportedly_its_attribution_kind():
    text = (
        "Thousands marched through Minsk on Sunday against the government. "
        "The rally was reportedly one of the biggest political events in Belarus in a decade."
    )
    rally = [claim for claim in extract_claims(text) if "rally" in claim.text]
    assert rally
    assert all(claim.kind == ClaimKind.ATTRIBUTION for claim in rally)
