"""The sixteenth attribution round: who a statement is attributed to, read over the Wikinews articles."""

import pytest

from apps.claims.nlp.attribution import find_attribution


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("CNN, however, reported on a distress call from someone on the Conception.", "CNN"),
        (
            "The Jakarta Post also today reported location data falsely showing the ship in Sunda Kelapa Port.",
            "The Jakarta Post",
        ),
    ],
)
def test_a_linking_adverb_or_the_day_between_the_source_and_its_verb_keeps_the_source(sentence, source):
    frame = find_attribution(sentence)
    assert frame is not None
    assert frame.source == source


def test_a_document_described_by_who_published_it_is_the_source():
    frame = find_attribution(
        "RIAA's notice published by GitHub alleged violation of 17 U.S. Code § 1201 Circumvention of copyright "
        "protection systems."
    )
    assert frame is not None
    assert (frame.source, frame.cue) == ("RIAA's notice published by GitHub", "alleged")


def test_an_opening_per_reports_comes_before_the_source():
    frame = find_attribution(
        "Per reports, the sources said he died within two years before, perhaps within a few months."
    )
    assert frame is not None
    assert frame.source == "the sources"


def test_a_second_speaker_after_and_with_the_day_it_spoke_is_the_source():
    frame = find_attribution(
        "Of the 2.8 million who voted, 85% were in favour and on Friday the government announced the new region, to "
        "be called Bangsamoro, would be governing itself from 2022."
    )
    assert frame is not None
    assert (frame.source, frame.cue) == ("the government", "announced")


def test_a_second_speaker_announcing_a_thing_after_and_is_no_source():
    assert find_attribution("The storm flooded the town and the government announced three days of mourning.") is None


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("No deaths were reported on the ground, with local media reporting no-one was in the houses.", "local media"),
        (
            "The exact date of disappearance is unclear, with industry publications reporting either December 27 or "
            "December 28.",
            "industry publications",
        ),
        (
            "Germany on Monday banned Iranian airline Mahan Air from flying in the European nation, with officials "
            "saying this is for security reasons.",
            "officials",
        ),
    ],
)
def test_a_source_in_a_clause_after_with_says_what_the_clause_says(sentence, source):
    frame = find_attribution(sentence)
    assert frame is not None
    assert frame.source == source
    assert frame.cue_start == sentence.index(frame.cue)


def test_a_with_clause_of_unnamed_reports_names_no_source():
    assert find_attribution("The fire spread quickly, with reports saying the roof had collapsed.") is None


def test_what_the_speaker_made_in_brackets_after_the_name_is_no_part_of_the_source():
    frame = find_attribution(
        "Comic artist Jenn St-Onge (Nancy Drew, Jem and the Misfits) told of being forced to re-evaluate her life."
    )
    assert frame is not None
    assert frame.source == "Comic artist Jenn St-Onge"


def test_an_account_on_a_network_is_the_source_of_its_announcement():
    frame = find_attribution(
        "Earlier this week, an official government Twitter account made the following announcement: "
        '"Latest update: 3,728 measles cases have been reported since the outbreak."'
    )
    assert frame is not None
    assert frame.source == "an official government Twitter account"
