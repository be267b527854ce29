"""The fourteenth attribution round: who a statement is attributed to, read over the Wikinews articles."""

import pytest

from apps.claims.extraction import extract_claims
from apps.claims.nlp.attribution import find_attribution


def _sourced(body: str) -> list[tuple[str, str]]:
    return [(claim.text, claim.attribution) for claim in extract_claims(body)]


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("By Sunday afternoon, Pierluisi said the courts should decide who holds the governorship.", "Pierluisi"),
        (
            "By yesterday, the World Health Organization reported 1,051,635 confirmed cases.",
            "the World Health Organization",
        ),
        ("By March 3, officials said 40 people had died in the floods.", "officials"),
        (
            "By 5:00 pm EDT (2100 UTC) the city stated the Department of Public Works (DPW) had located the problem.",
            "the city",
        ),
        ('At about 5:17 p.m. his daughter reported to the police he "left home four hours ago."', "his daughter"),
    ],
)
def test_a_source_after_an_opening_that_says_by_when_is_the_source(sentence, source):
    frame = find_attribution(sentence)
    assert frame is not None
    assert frame.source == source


def test_a_byline_is_no_opening_before_a_source():
    assert find_attribution("By John Smith, Reuters said the courts should decide.") is None


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("Activists claim safety standards are routinely ignored.", "Activists"),
        ("Critics blame the government for the delays at the border.", "Critics"),
        (
            "In a statement following the attack, Ahmed al-Assadi blamed both Israel and the United States for the "
            "attack.",
            "Ahmed al-Assadi",
        ),
        (
            "The president has blamed Democratic leadership for violence and unrest in various US cities.",
            "The president",
        ),
        ("The mayor resigned on Monday and blamed the council for the delays.", "The mayor"),
    ],
)
def test_a_group_s_claim_and_whom_someone_blames_are_said(sentence, source):
    frame = find_attribution(sentence)
    assert frame is not None
    assert frame.source == source


@pytest.mark.parametrize(
    "sentence",
    [
        "Activists claim victory in the vote.",
        "Trump's claim that he won the election was rejected by the courts.",
        "The crash was blamed on the pilot.",
        "Investigators have yet to determine who is to blame for the crash.",
    ],
)
def test_a_thing_claimed_or_a_passive_blame_names_no_source(sentence):
    assert find_attribution(sentence) is None


def test_a_quotation_someone_recalled_is_theirs():
    body = (
        "Ginger Baker said he had taught himself. \"I'd never sat behind a kit before, but I sat down and I could "
        'play!", he recalled in a 2009 retelling of the story.'
    )
    assert _sourced(body)[-1][1] == "Ginger Baker"


def test_a_second_speaker_described_by_a_post_of_a_place_s_administration_is_the_source_of_their_piece():
    body = (
        'In a meeting that day he was told by Emergencies Minister Yevgeny Zinichev of "presumably between 36 and 40 '
        'people under the rubble", while Chelyabinsk regional Deputy Governor Oleg Klimov indicated 68 people were '
        "missing."
    )
    assert _sourced(body) == [
        (
            'In a meeting that day he was told by Emergencies Minister Yevgeny Zinichev of "presumably between 36 and '
            '40 people under the rubble"',
            "Emergencies Minister Yevgeny Zinichev",
        ),
        (
            "Chelyabinsk regional Deputy Governor Oleg Klimov indicated 68 people were missing.",
            "Chelyabinsk regional Deputy Governor Oleg Klimov",
        ),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Residents were told by officials to stay indoors during the storm.",
        "He was told by doctors that he had cancer.",
    ],
)
def test_someone_told_by_a_source_without_a_quotation_names_no_source(sentence):
    assert find_attribution(sentence) is None


def test_the_narrator_s_clause_after_a_quotation_closed_before_a_semicolon_has_no_source():
    body = (
        'The spokesperson added regarding Iran\'s request, they "would not consider requests of this nature"; '
        "Interpol didn't disclose at the time whether it received any arrest warrants from Iran."
    )
    assert _sourced(body) == [
        (
            'The spokesperson added regarding Iran\'s request, they "would not consider requests of this nature"',
            "The spokesperson",
        ),
        ("Interpol didn't disclose at the time whether it received any arrest warrants from Iran.", ""),
    ]


def test_a_clause_after_a_semicolon_without_a_quotation_before_it_stays_the_speaker_s():
    assert _sourced("Officials said five people died in the fire; ten were injured.") == [
        ("Officials said five people died in the fire.", "Officials"),
        ("Ten were injured.", "Officials"),
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            'Tom Watson called Prime Minister Theresa May\'s proposed Brexit deal "lousy" and said he would back a '
            "second referendum.",
            [
                ('Tom Watson called Prime Minister Theresa May\'s proposed Brexit deal "lousy"', "Tom Watson"),
                ("Tom Watson said he would back a second referendum.", "Tom Watson"),
            ],
        ),
        (
            'Trump called Stone\'s 40 month sentence "unjust."',
            [('Trump called Stone\'s 40 month sentence "unjust."', "Trump")],
        ),
        (
            'Sam Wang called Conway "[a]n incomparable mathematician, a pleasant neighbor."',
            [('Sam Wang called Conway "[a]n incomparable mathematician, a pleasant neighbor."', "Sam Wang")],
        ),
        (
            'Scripps Oceanography described him as "a guiding force in science for 80 years."',
            [
                (
                    'Scripps Oceanography described him as "a guiding force in science for 80 years."',
                    "Scripps Oceanography",
                )
            ],
        ),
        (
            'The US State Department described Hamza bin Laden in March of this year as an "emerging" figure in the '
            "Al-Qaeda organization.",
            [
                (
                    'The US State Department described Hamza bin Laden in March of this year as an "emerging" figure '
                    "in the Al-Qaeda organization.",
                    "The US State Department",
                )
            ],
        ),
    ],
)
def test_what_someone_called_something_or_described_it_as_in_quotation_marks_is_theirs(body, expected):
    assert _sourced(body) == expected


def test_what_something_was_described_as_without_quotation_marks_names_no_source():
    assert find_attribution("The report described the building as old and unsafe for its residents.") is None


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            'President Andrzej Duda said the victims were "joyful girls starting out in life" in an "appalling '
            'tragedy" while Interior Minister Joachim Brudziński wrote he had ordered fire safety checks on escape '
            "rooms.",
            [
                (
                    'President Andrzej Duda said the victims were "joyful girls starting out in life" in an "appalling '
                    'tragedy"',
                    "President Andrzej Duda",
                ),
                (
                    "Interior Minister Joachim Brudziński wrote he had ordered fire safety checks on escape rooms.",
                    "Interior Minister Joachim Brudziński",
                ),
            ],
        ),
        (
            "Crew totals are also unclear, with both eleven and twelve reported by industry sources while The Jakarta "
            "Post reports a captain and eleven other crew.",
            [
                ("Crew totals are also unclear, with both eleven and twelve reported by industry sources.", ""),
                ("The Jakarta Post reports a captain and eleven other crew.", "The Jakarta Post"),
            ],
        ),
    ],
)
def test_a_second_speaker_after_while_without_its_comma_is_the_source_of_their_own_piece(body, expected):
    assert _sourced(body) == expected


def test_while_before_what_someone_did_splits_nothing():
    body = "The guard was stabbed in the arm on Sunday while Smith was shot in the leg at the concert."
    assert [claim.text for claim in extract_claims(body)] == [body]


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        (
            "In remarks to the Agence France-Presse news service, Sheldon Yett of UNICEF observed, \"I've seen mass "
            'mobilisation campaigns before, but not over an entire country like this."',
            "Sheldon Yett of UNICEF",
        ),
        (
            'Trump, also on Twitter, defended his decision, "As I have stated strongly before, I will totally destroy '
            'the Economy of Turkey."',
            "Trump",
        ),
    ],
)
def test_a_quotation_someone_observed_or_defended_a_decision_with_is_theirs(sentence, source):
    frame = find_attribution(sentence)
    assert frame is not None
    assert (frame.source, frame.style) == (source, "quote")


@pytest.mark.parametrize(
    "sentence", ["Trump defended his decision to withdraw the troops.", "Astronomers observed a bright flash."]
)
def test_a_decision_defended_or_a_thing_observed_without_a_quotation_names_no_source(sentence):
    assert find_attribution(sentence) is None


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        (
            "Notably, in the book, Bolton claims Trump asked Chinese paramount leader Xi Jinping for help in the 2020 "
            "election.",
            "Bolton",
        ),
        ("His associates have alleged Navalny was poisoned.", "His associates"),
        (
            "Some members of opposition parties have claimed violent protesters were sent by the government.",
            "Some members of opposition parties",
        ),
        (
            'US Ambassador to Germany Richard Grenell alleged, by way of example, Mahan had "contributed to incredible '
            'human suffering."',
            "US Ambassador to Germany Richard Grenell",
        ),
        ("The book alleges, among other things, that Trump paid his friend to take the SAT for him.", "The book"),
        (
            'On Saturday morning, representatives from Iran acknowledged their government had "unintentionally" shot '
            "down a Ukrainian passenger jet.",
            "representatives from Iran",
        ),
    ],
)
def test_a_claim_or_an_allegation_names_its_source(sentence, source):
    frame = find_attribution(sentence)
    assert frame is not None
    assert frame.source == source


def test_an_aside_after_i_told_you_is_still_no_frame():
    assert find_attribution("As I told you, for now, the show is over.") is None


def test_a_claim_split_off_what_its_claimant_did_is_theirs():
    body = (
        "The attacker is reported to have jumped on stage during the concert and claimed he was wrongfully "
        "imprisoned under the former government."
    )
    assert _sourced(body) == [
        ("The attacker is reported to have jumped on stage during the concert.", ""),
        ("The attacker claimed he was wrongfully imprisoned under the former government.", "The attacker"),
    ]


def test_lives_claimed_before_a_clause_after_a_comma_and_and_are_no_claim():
    assert find_attribution("The virus claimed 6606 lives, and 167,515 cases were reported of this disease.") is None


@pytest.mark.parametrize(
    "sentence",
    [
        "Unemployment claims fell to 700,000 last week.",
        "Insurance claims have doubled since the storm hit the coast.",
        "Jobless claims rose for the third week running in the Midwest.",
    ],
)
def test_claims_that_are_counted_are_made_by_nobody(sentence):
    assert find_attribution(sentence) is None


def test_a_group_that_claims_something_still_makes_the_claim():
    frame = find_attribution("Activists claim safety standards are routinely ignored at the plant.")
    assert frame is not None
    assert frame.source == "Activists"
