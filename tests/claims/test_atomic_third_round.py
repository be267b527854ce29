"""Third atomic claims round: an apposition is split off a statement that goes on after it without a verb of its own
(a phrase of the clause, or a time before the subject's verb); what an apposition said of a name is kept when the
check-worthiness cut would drop it alone but its whole sentence passes; and appositions that were no description of
the name before them (the end of a title, two things found somewhere, the last name of a list, a word inside a
longer name) stay in their sentence; so does a participle after ", and" whose verb comes three words on or
later (", and leaving reportedly at least 15,000 stranded")."""

import pytest

from apps.claims.extraction import extract_claims
from tests.claims.atomic_cases import pieces_of, spans_of


@pytest.mark.parametrize(
    ("sentence", "pieces"),
    [
        pytest.param(
            "The 36 people were moved to Patagonia, the south-most region in Chile in the South America continent, "
            "where they were being monitored by local health authorities.",
            [
                "The 36 people were moved to Patagonia where they were being monitored by local health authorities.",
                "Patagonia is the south-most region in Chile in the South America continent.",
            ],
            id="a relative adverb goes on after the apposition",
        ),
        pytest.param(
            "Leaders of African Union (AU) member states met in Niamey, Niger's capital, for an AU summit.",
            [
                "Leaders of African Union (AU) member states met in Niamey for an AU summit.",
                "Niamey is Niger's capital.",
            ],
            id="a phrase of the clause goes on after a possessive apposition",
        ),
        pytest.param(
            "The Taliban met on Monday with Zalmay Khalilzad, a US peace envoy, in Qatar.",
            ["The Taliban met on Monday with Zalmay Khalilzad in Qatar.", "Zalmay Khalilzad is a US peace envoy."],
            id="a place after the apposition",
        ),
        pytest.param(
            "Baslan Damang, a security official from the port of departure, on Tuesday told The Jakarta Post radio "
            "broadcasts were being used.",
            [
                "Baslan Damang on Tuesday told The Jakarta Post radio broadcasts were being used.",
                "Baslan Damang is a security official from the port of departure.",
            ],
            id="a day between the apposition and the subject's verb",
        ),
        pytest.param(
            "Zamperoni was discovered, unresponsive, at Kamway Lodge & Tavern, a hostel near LaGuardia Airport.",
            [
                "Zamperoni was discovered, unresponsive, at Kamway Lodge & Tavern.",
                "Kamway Lodge & Tavern is a hostel near LaGuardia Airport.",
            ],
            id="an ampersand inside the name",
        ),
        pytest.param(
            "The Avoyelles House of Mercy, a Pentecostal church, had been travelling 700 miles from Louisiana.",
            [
                "The Avoyelles House of Mercy had been travelling 700 miles from Louisiana.",
                "The Avoyelles House of Mercy is a Pentecostal church.",
            ],
            id="a body's whole name, not what follows its 'of'",
        ),
    ],
)
def test_an_apposition_is_split_off_where_the_statement_goes_on_after_it(sentence, pieces):
    assert pieces_of(sentence) == pieces


def test_the_pieces_of_an_apposition_keep_every_span_but_its_commas():
    sentence = "Leaders of African Union (AU) member states met in Niamey, Niger's capital, for an AU summit."
    covered = {index for spans in spans_of(sentence) for a, b in spans for index in range(a, b)}
    assert {index for index, char in enumerate(sentence) if char not in " ,."} <= covered


@pytest.mark.parametrize(
    "sentence",
    [
        pytest.param(
            "Speaking to Agence France-Presse, the president of the Tunisian League for the Defence of Human Rights, "
            "Jamel Msallem, said the decree was justified.",
            id="a name goes on after the apposition",
        ),
        pytest.param(
            "Early in her career, Tipton was cast as a voice for My Bride is a Mermaid, a role that required singing.",
            id="the end of a title after 'a'",
        ),
        pytest.param(
            "Police also recovered a bomb-making guidebook in his position and, on investigation in his family home "
            "in London, a black flag and an air gun.",
            id="two things found in a place",
        ),
        pytest.param(
            "They worked for the Brigade de Recherche et d\u2019Intervention, an elite anti-gang unit tasked with "
            "investigating serious offending.",
            id="a word inside a longer name",
        ),
    ],
)
def test_what_describes_no_name_stays_in_its_sentence(sentence):
    assert pieces_of(sentence) == [sentence]


def test_the_last_name_of_a_list_a_coordinated_verb_cut_off_is_not_described():
    sentence = (
        "The 2000 km long pipeline is to connect the fields with Crete, the Greek mainland, and would end in Otranto, "
        "Italy."
    )
    pieces = pieces_of(sentence)
    assert "Crete is the Greek mainland." not in pieces
    assert any(piece.endswith("with Crete, the Greek mainland.") for piece in pieces)


@pytest.mark.parametrize(
    ("body", "description"),
    [
        pytest.param(
            "Susan Bro, Heather Heyer's mother, told reporters she considered the deal acceptable, saying executing "
            "Fields would not bring her daughter back.",
            "Susan Bro is Heather Heyer's mother.",
            id="a possessive apposition",
        ),
        pytest.param(
            "Protesters called for Rosselló's resignation after revelations he and his staffers sent anti-homosexual "
            "and misogynistic comments using Telegram, a messaging app.",
            "Telegram is a messaging app.",
            id="an apposition ending the sentence",
        ),
    ],
)
def test_a_description_the_cut_would_drop_alone_is_kept_with_its_sentences_score(body, description):
    claims = {claim.text: claim for claim in extract_claims(body)}
    assert description in claims
    assert claims[description].score >= 0.5


@pytest.mark.parametrize(
    "sentence",
    [
        pytest.param(
            "Typhoon Phanfone made landfall on the central Philippines on Wednesday, killing at least 20, and leaving "
            "reportedly at least 15,000 stranded at ports.",
            id="a participle's object and its complement",
        ),
        pytest.param(
            "The EU considers the EastMed pipeline to be a Project of Common Interest, ending the energy isolation of "
            "Crete and Cyprus, and diversifying the gas supply of Europe, when completed.",
            id="a participle, then a reduced clause",
        ),
    ],
)
def test_a_participle_after_a_comma_and_is_no_clause_of_its_own(sentence):
    assert pieces_of(sentence) == [sentence]


def test_a_gerund_subject_after_a_comma_and_still_opens_a_clause():
    sentence = "Prices fell sharply in March, and spending rose by 5% in April."
    assert pieces_of(sentence) == ["Prices fell sharply in March.", "Spending rose by 5% in April."]


@pytest.mark.parametrize(
    ("sentence", "pieces"),
    [
        # "which" after a clause that ends on its verb stands for what happened, not for the clause as a noun
        ("The minister resigned, which surprised many in the party.", None),
        ("The senator abstained, which left the bill one vote short.", None),
        # a past form after a determiner is a noun: the relative still splits off
        (
            "Police questioned the wounded, who had been taken to three hospitals in the city.",
            ["Police questioned the wounded.", "The wounded had been taken to three hospitals in the city."],
        ),
    ],
)
def test_which_after_a_clause_ending_on_its_verb_is_no_relative_of_a_noun(sentence, pieces):
    assert pieces_of(sentence) == (pieces or [sentence])
