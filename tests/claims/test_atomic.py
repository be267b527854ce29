"""How `split_atomic` cuts a sentence into atomic claims and what each piece reads as on its own."""

import datetime as dt

import pytest

from apps.claims.extraction import extract_claims
from apps.claims.nlp.atomic import piece_text, split_atomic


def _pieces(sentence: str) -> list[str]:
    return [piece_text(sentence, piece) for piece in split_atomic(sentence, 0, len(sentence))]


@pytest.mark.parametrize(
    ("sentence", "pieces"),
    [
        (
            "While 54 nations have signed onto the AfCFTA, only 27 have ratified the agreement.",
            ["54 nations have signed onto the AfCFTA.", "Only 27 have ratified the agreement."],
        ),
        (
            "Even though Waseem confessed to acting alone, several alleged accomplices were tried by the same court.",
            ["Waseem confessed to acting alone.", "Several alleged accomplices were tried by the same court."],
        ),
        (
            "While Puerto Rico is a commonwealth of the United States, it is not a state.",
            ["Puerto Rico is a commonwealth of the United States.", "Puerto Rico is not a state."],
        ),
        (
            "Though she was nominated for the Oscar for Pillow Talk, opposite Rock Hudson, Day personally "
            "considered her best performance to be her portrayal of Ruth Etting.",
            [
                "Day was nominated for the Oscar for Pillow Talk, opposite Rock Hudson.",
                "Day personally considered her best performance to be her portrayal of Ruth Etting.",
            ],
        ),
        (
            "While one experimental vaccine appears able to reduce Ebola mortality, up until now, no drugs have "
            "been clearly demonstrated suitable for treating existing infection.",
            [
                "One experimental vaccine appears able to reduce Ebola mortality.",
                "Up until now, no drugs have been clearly demonstrated suitable for treating existing infection.",
            ],
        ),
    ],
    ids=["while", "even though", "its pronoun gets the subject", "a pronoun before its name", "an opening phrase"],
)
def test_a_concession_opening_the_sentence_is_a_claim_of_its_own(sentence, pieces):
    assert _pieces(sentence) == pieces


@pytest.mark.parametrize(
    "sentence",
    [
        "While the House of Representatives confirmed Pierluisi's nomination on Friday, the Senate did not.",
        "While in New York City to attend the General Assembly, President Zelensky told reporters he was calm.",
        "Although known to have lived his latter years in South Africa, his daughter said he died in Britain.",
        "While some ancient writers made passing mention of feeding bread to ibises, according to Wasef "
        "archaeologists have not yet turned up any hatchery structures.",
    ],
    ids=["the main clause leaves its verb to the concession", "no clause", "a participle", "a source, no subject"],
)
def test_a_concession_is_not_split_off_a_main_clause_that_cannot_stand_alone(sentence):
    assert _pieces(sentence) == [sentence]


def test_words_in_brackets_do_not_push_the_verb_out_of_reach_of_its_subject():
    sentence = (
        "A helicopter under contract to Pacific Gas and Electric (PG&E) on Tuesday struck power lines and crashed "
        "near Fairfield, California."
    )

    assert _pieces(sentence) == [
        "A helicopter under contract to Pacific Gas and Electric (PG&E) on Tuesday struck power lines.",
        "A helicopter under contract to Pacific Gas and Electric (PG&E) on Tuesday crashed near Fairfield, California.",
    ]


@pytest.mark.parametrize(
    ("sentence", "pieces"),
    [
        (
            "Warren, formerly a professor at Harvard Law School, lost her home state of Massachusetts.",
            ["Warren lost her home state of Massachusetts.", "Warren was formerly a professor at Harvard Law School."],
        ),
        (
            "The Southern Transitional Council, previously an ally of the government, is now in conflict with it.",
            [
                "The Southern Transitional Council is now in conflict with it.",
                "The Southern Transitional Council was previously an ally of the government.",
            ],
        ),
        (
            "In the conflict the Taliban, once the governing force, seeks to retake control.",
            ["In the conflict the Taliban seeks to retake control.", "The Taliban was once the governing force."],
        ),
        (
            "Hagia Sophia, now a museum, drew millions of visitors.",
            ["Hagia Sophia drew millions of visitors.", "Hagia Sophia is now a museum."],
        ),
    ],
    ids=["formerly", "previously", "once, after the", "now"],
)
def test_an_apposition_saying_what_someone_was_or_is_now_is_a_claim_of_its_own(sentence, pieces):
    assert _pieces(sentence) == pieces


@pytest.mark.parametrize(
    ("sentence", "pieces"),
    [
        (
            "The silver medal was won by Rai Benjamin from the United States, who finished in 47.66 seconds.",
            [
                "The silver medal was won by Rai Benjamin from the United States.",
                "Rai Benjamin from the United States finished in 47.66 seconds.",
            ],
        ),
        (
            "Alexander Gagay of Yekaterinburg, who took third place last year, is a fourth year student.",
            [
                "Alexander Gagay of Yekaterinburg is a fourth year student.",
                "Alexander Gagay of Yekaterinburg took third place last year.",
            ],
        ),
        (
            "The police arrested a man in Poland, who was later released.",
            ["The police arrested a man in Poland, who was later released."],
        ),
    ],
    ids=["from a country", "of a city", "no one named before the place"],
)
def test_who_after_a_place_is_the_person_from_it_never_the_place(sentence, pieces):
    assert _pieces(sentence) == pieces


def test_a_relative_that_is_the_subject_of_what_an_unnamed_source_said_stays_in_its_sentence():
    reported = "The strikes caused fires at a plant and an oil field, which state media said were under control."
    its_own_verb = "The navy spoke to The Jakarta Post, which also reported location data showing the ship in port."

    assert _pieces(reported) == [reported]
    assert _pieces(its_own_verb) == [
        "The navy spoke to The Jakarta Post.",
        "The Jakarta Post also reported location data showing the ship in port.",
    ]


@pytest.mark.parametrize(
    ("sentence", "pieces"),
    [
        (
            "The charge was denied by Irma Tchkadua, Basilashvili's lawyer.",
            ["The charge was denied by Irma Tchkadua.", "Irma Tchkadua is Basilashvili's lawyer."],
        ),
        (
            "Ricardo Rosselló Nevares, Puerto Rico's governor, announced his resignation shortly before midnight.",
            [
                "Ricardo Rosselló Nevares announced his resignation shortly before midnight.",
                "Ricardo Rosselló Nevares is Puerto Rico's governor.",
            ],
        ),
        ("In Paris, France's president announced new plans.", ["In Paris, France's president announced new plans."]),
    ],
    ids=["at the end", "between commas", "a clause, not a description"],
)
def test_an_apposition_opened_by_a_possessive_name_is_a_claim_of_its_own(sentence, pieces):
    assert _pieces(sentence) == pieces


def test_an_apposition_is_not_split_off_a_statement_it_would_leave_a_fragment():
    sentence = "Conyers, the former Democratic Dean of the House of Representatives, was 90."

    assert _pieces(sentence) == [sentence]


def test_a_speaker_described_by_a_possessive_apposition_is_still_the_source_of_what_they_said():
    claims = extract_claims(
        "Speaking to Portfolio.hu, Matt Simister, Tesco\u2019s CEO for Central Europe, explained that the company "
        "held a 4% share of the market.",
        published_on=dt.date(2012, 12, 12),
    )

    assert [(claim.text, claim.attribution) for claim in claims] == [
        (
            "Speaking to Portfolio.hu, Matt Simister explained that the company held a 4% share of the market.",
            "Matt Simister",
        ),
        ("Matt Simister is Tesco\u2019s CEO for Central Europe.", ""),
    ]


def test_an_infinitive_inside_an_apposition_does_not_make_it_a_clause():
    sentence = (
        "On Thursday, Sviatlana Tsikhanouskaya, an opposition candidate for the presidential election to be held on "
        "August 9, held a rally in Minsk."
    )

    assert _pieces(sentence) == [
        "On Thursday, Sviatlana Tsikhanouskaya held a rally in Minsk.",
        "Sviatlana Tsikhanouskaya is an opposition candidate for the presidential election to be held on August 9.",
    ]


@pytest.mark.parametrize(
    ("sentence", "pieces"),
    [
        (
            'The incident left seven motorcyclists dead; the official cause of death was "blunt trauma."',
            ["The incident left seven motorcyclists dead.", 'The official cause of death was "blunt trauma."'],
        ),
        (
            'Police detained eight people for "spreading rumors," including Li Wenliang, who tried to warn colleagues '
            "about the outbreak.",
            [
                'Police detained eight people for "spreading rumors," including Li Wenliang.',
                "Li Wenliang tried to warn colleagues about the outbreak.",
            ],
        ),
        (
            'While many vendors offered "furry" versions of traditional products, at least one business focused on '
            '"pushing the boundaries of fursuit technology."',
            [
                'Many vendors offered "furry" versions of traditional products.',
                'At least one business focused on "pushing the boundaries of fursuit technology."',
            ],
        ),
        (
            'Tom Watson called the proposed deal "lousy" and said he would only vote for it in a second referendum.',
            [
                'Tom Watson called the proposed deal "lousy"',
                "Tom Watson said he would only vote for it in a second referendum.",
            ],
        ),
    ],
)
def test_a_sentence_is_cut_where_no_quotation_is_open(sentence, pieces):
    assert _pieces(sentence) == pieces


@pytest.mark.parametrize(
    "sentence",
    [
        'The sign outside read "the shop is closed, but the cafe is open" on Monday.',
        'The mayor said the shop "is closed; the cafe is open on Monday.',
        'The office intends to appeal; "The government needs a strong domestic agenda."',
    ],
)
def test_no_cut_falls_inside_a_quotation_or_leaves_one_without_its_speaker(sentence):
    assert len(split_atomic(sentence, 0, len(sentence))) == 1


@pytest.mark.parametrize(
    "sentence",
    [
        "Although the rating measures how far a storm spreads, not how strong it is, forecasters use it widely.",
        "The show was hosted by Bernard McGuirk and Sid Rosenberg, who both worked for Imus.",
        "Trump called the investigation a witch hunt, and on Twitter referred to the vote as a hoax.",
        "A biosignature gas is one that is produced by life, can accumulate in an atmosphere, and be detected with "
        "telescopes.",
        "In a video message posted to Twitter, Warren commended Biden for his empathy and said she was proud to "
        "endorse him.",
        "The Constitution specifies that officials are removed after being impeached for, and convicted of, treason.",
        "The tests include checking if the script can download licensed videos, videos with no age restriction and "
        "age-restricted videos.",
    ],
)
def test_a_clause_without_its_own_subject_is_not_split_off(sentence):
    assert _pieces(sentence) == [sentence]


@pytest.mark.parametrize(
    "sentence",
    [
        "Tesco sold its Thai stores to Charoen Pokphand in March; announced leaving its venture with China Resources "
        "in February; and in 2015 sold its South Korean chain HomePlus.",
        "They felt they learned more from failures, citing the Chuck Jones quote that every artist has thousands of "
        "bad drawings, and that you have to work through them.",
        "The proposition reduces to the very notion that the Founders rejected, and that the Supreme Court has since "
        "repudiated.",
        "Chapman played the part without glasses at Comicon, a choice leaving her largely helpless without a handler.",
    ],
)
def test_a_list_a_noun_s_that_clause_or_a_summing_up_apposition_is_not_split(sentence):
    assert len(split_atomic(sentence, 0, len(sentence))) == 1


def test_a_relative_after_a_name_with_of_the_stands_for_the_whole_name():
    sentence = "Patients came from the Democratic Republic of the Congo, which has suffered an outbreak for a year."

    assert _pieces(sentence) == [
        "Patients came from the Democratic Republic of the Congo.",
        "The Democratic Republic of the Congo has suffered an outbreak for a year.",
    ]


def test_a_clause_about_part_of_it_stays_with_what_it_is():
    sentence = "Web browsers download data while surfing, though most of it is not kept on the device."

    assert _pieces(sentence) == [sentence]
