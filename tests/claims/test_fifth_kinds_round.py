"""Fifth kinds round: more past forms and light verbs that tell what happened, nouns that read as event verbs, a
condition with its subject, hyphenated counts and ages beside names that are no statistic, and what studies have shown
(sentences from the Wikinews corpus)."""

import pytest

from apps.claims.extraction import describe_claim
from apps.claims.models import ClaimKind


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("The embassy declined the request.", "declined"),
        ("In 2016, the U.S. Supreme Court declined to hear a case about American Samoans' citizenship.", "declined"),
        ("Protests and riots related to the death of George Floyd continued across the nation.", "continued"),
        ("Typhoon Phanfone continued westward on Thursday, toward the South China Sea and Asia.", "continued"),
        ("Sacoolas subsequently left the UK.", "left"),
        ("Dorian was northbound as it left the Bahamas.", "left"),
        ("The two parents phoned 911 (the emergency telephone number in the United States).", "phoned"),
        ("Photographs, videos, and text messages from the night were deleted by the two officers.", "deleted"),
        ("Singapore and Hong Kong have intensified screening for Wuhan airline passengers.", "intensified"),
        ("Woolworths and Coles lowered their purchase restrictions on toilet paper to two packages.", "lowered"),
        ("The Court of Appeals for the D.C. Circuit vacated his conviction.", "vacated"),
        ("The decision was challenged in court.", "challenged"),
        ("Patel converted to Catholicism in 1993.", "converted"),
        ("The administration finally gave up on July 11.", "gave"),
        ("Conley also gave a single dose of the experimental polyclonal antibodies drug.", "gave"),
        ("Russia and China have blocked action against Damascus at the United Nations.", "blocked"),
        ("On Friday, code hosting and sharing website GitHub blocked the public access to youtube-dl.", "blocked"),
        ("Barr and Ross, however, refused to hand over the documents.", "refused"),
    ],
)
def test_more_verbs_tell_what_happened(text, cue):
    facts = describe_claim(text)
    assert facts.kind == ClaimKind.EVENT
    assert cue in facts.cues


def test_what_was_given_in_a_relative_clause_is_no_event():
    text = "The coordinates it gave differed from the Navy's figures for the Grayback by one digit."
    assert describe_claim(text).kind != ClaimKind.EVENT


@pytest.mark.parametrize(
    "text",
    [
        "Day made her last movie in 1968 and, with debts left behind after the death of her third husband, hosted a "
        "show on television until 1973.",
        "The front-left section of the vehicle was heavily damaged in the rollover.",
        "The level of destruction left in its wake began to emerge.",
        "He joined the left wing of the party in 2010.",
    ],
)
def test_left_as_a_side_or_left_behind_is_no_leaving(text):
    assert "left" not in describe_claim(text).cues


@pytest.mark.parametrize(
    "text",
    [
        "Still, he remained well ahead of Trump in opinion polls as the month came to a close.",
        "Maroochydore captain Sam Marshall lamented his side's close loss.",
        'It is a "sign" of life, not foolproof evidence of life.',
        "The decline of many seabird species worldwide is yet another warning sign of the impacts humans are having.",
        "A parking sign showing the Discover Science Place logo.",
    ],
)
def test_close_and_sign_as_nouns_are_no_event(text):
    facts = describe_claim(text)
    assert facts.kind != ClaimKind.EVENT
    assert not {"close", "sign"} & set(facts.cues)


def test_a_condition_with_its_subject_has_not_happened():
    text = "If Trump were removed, the Senate constitutionally could disqualify him from serving as President again."
    assert describe_claim(text).kind != ClaimKind.EVENT


@pytest.mark.parametrize(
    "text",
    [
        "Bontddu Hall dates to 1873, originally a 20-room mansion, and was a country retreat.",
        "The Thursday edition of NT News included an eight-page insert meant to be cut up and used as toilet paper.",
        "With Stardom she was a two-time Artist of Stardom champion.",
    ],
)
def test_a_count_joined_to_its_noun_is_no_statistic(text):
    assert describe_claim(text).kind != ClaimKind.STATISTIC


def test_a_count_joined_to_its_noun_is_no_cue():
    text = "The session delved into the logistics of shooting with a five-person crew on a shoestring budget."
    assert "five-person" not in describe_claim(text).cues


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("The man was a 44-year-old contract worker from Cambridgeshire, England.", "44-year-old"),
        ("A 5.3-magnitude quake was recorded at 4:53 a.m Thursday morning.", "5.3-magnitude"),
        ("It is a fully functioning toilet made from 18-karat gold.", "18-karat"),
    ],
)
def test_an_age_or_a_measure_joined_to_its_noun_stays_a_statistic(text, cue):
    facts = describe_claim(text)
    assert facts.kind == ClaimKind.STATISTIC
    assert cue in facts.cues


@pytest.mark.parametrize(
    "text",
    [
        "The final victim, LGBT activist Andrew Kinsman, 49, was quickly reported missing.",
        "Adamowicz, 53, has supported LGBT rights and the inclusion of minority groups.",
    ],
)
def test_an_age_set_off_after_a_name_is_no_statistic(text):
    assert describe_claim(text).kind != ClaimKind.STATISTIC


def test_no_say_quotes_nobody():
    text = "By Sunday afternoon, Pierluisi said the Senate had no say in his confirmation."
    assert "say" not in describe_claim(text).cues


def test_what_studies_have_shown_is_reported():
    text = "Previous studies have shown that, unlike many artificial adhesives, Arion slug glue is non-toxic."
    facts = describe_claim(text)
    assert facts.kind == ClaimKind.ATTRIBUTION
    assert "shown" in facts.cues


def test_a_history_of_finds_stays_unreported():
    text = "This was not the first time scientists have found signs of water on an exoplanet."
    assert describe_claim(text).kind != ClaimKind.ATTRIBUTION
