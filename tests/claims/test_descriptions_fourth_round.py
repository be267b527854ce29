"""Fourth descriptions round: a claim that opens with "The country", "The nation" or "The island nation" names the one
country the nearest sentence naming a place names, and "The state" the one US state ("the country's capital" after "the
former President of Egypt" is "Egypt's capital"). A claim that opens a paragraph with "The department", "The court" or
another body of a headed kind, or with one of these places or "The government", as a subject, names the one the
paragraph before names, where the sentence before names none; a sentence naming a body only as what something else is
("The only court with higher authority is the Supreme Court") names none spoken of."""

import datetime as dt

import pytest

from apps.claims.extraction import extract_claims
from tests.timing import fastest_cpu_seconds


def _texts(body):
    return [claim.text for claim in extract_claims(body)]


@pytest.mark.parametrize(
    ("body", "named"),
    [
        pytest.param(
            "On Tuesday, Hosni Mubarak, the former President of Egypt, died aged 91 in a military hospital in Cairo. "
            "The country's state news announced the death on television.",
            "Egypt's state news announced the death on television.",
            id="a country as a possessive",
        ),
        pytest.param(
            "Civil unrest continued elsewhere in the US. Biden criticized the move on Tuesday. While the nation "
            "continued to suffer through the coronavirus pandemic, Trump held rallies.",
            "The US continued to suffer through the coronavirus pandemic.",
            id="a nation whose name takes the article",
        ),
        pytest.param(
            "On Sunday, the state of emergency over a measles outbreak ended in Samoa. The island nation's cabinet "
            "unanimously voted to lift it on Saturday afternoon.",
            "Samoa's cabinet unanimously voted to lift it on Saturday afternoon.",
            id="an island nation",
        ),
        pytest.param(
            "Florida Department of Transportation official Troy Roberts said the road will be examined. The guardrail "
            "would be examined, Roberts said. The state had lanes closed last night as it worked to repair the road.",
            "Florida had lanes closed last night as it worked to repair the road.",
            id="a US state",
        ),
        pytest.param(
            "Sirhan was serving his time at a prison in San Diego County.\n\n"
            "The California Department of Corrections and Rehabilitation (CDCR) did not identify Sirhan as the "
            "victim. Rather, government sources confirmed his identity to news outlets anonymously.\n\n"
            "The Department issued a statement that an inmate had been stabbed on Friday.",
            "The California Department of Corrections and Rehabilitation issued a statement that an inmate had been "
            "stabbed on Friday.",
            id="a department named a paragraph back",
        ),
        pytest.param(
            "On Wednesday, the Court of Session in Scotland issued an opinion on the suspension of the Parliament. "
            "The Court of Session is the highest civil court in Scotland. The only court with higher authority is the "
            "Supreme Court of the United Kingdom.\n\n"
            "The court had been petitioned by Joanna Cherry and 78 co-petitioners for a ruling.",
            "The Court of Session had been petitioned by Joanna Cherry and 78 co-petitioners for a ruling.",
            id="a court named a paragraph back, before one named as what another is",
        ),
    ],
)
def test_an_opening_description_names_the_one_it_stands_for(body, named):
    assert named in _texts(body)


@pytest.mark.parametrize(
    ("body", "kept"),
    [
        pytest.param(
            "Princess Ubolratana married a man from the United States and returned to Thailand in 2001. The "
            "country's election commission is scheduled to meet on Monday.",
            "The country's election commission is scheduled to meet on Monday.",
            id="two countries in the sentence before",
        ),
        pytest.param(
            "The president visited Georgia on Monday. The country's parliament is scheduled to meet on Friday.",
            "The country's parliament is scheduled to meet on Friday.",
            id="a name of two places",
        ),
        pytest.param(
            "The storm crossed Mexico on Monday. The state had lanes closed last night as it repaired the road.",
            "The state had lanes closed last night as it repaired the road.",
            id="a state after a country",
        ),
        pytest.param(
            "Diplomats met officials from the United States on Monday. The State Department said immunity cases "
            "were afforded intense attention.",
            "The State Department said immunity cases were afforded intense attention.",
            id="a name holding the word",
        ),
        pytest.param(
            "The deal was agreed on Friday with Hungarian Development Bank. It was signed in Vienna.\n\n"
            "The company structure remains unchanged and all sites continue to operate.",
            "The company structure remains unchanged and all sites continue to operate.",
            id="a description heading a noun, a paragraph after a name",
        ),
        pytest.param(
            "NASA paid for the flight. It was the first such flight.\n\n"
            "The company has engineered and operated reusable rockets.",
            "The company has engineered and operated reusable rockets.",
            id="a company, which no head word says, only a paragraph back",
        ),
        pytest.param(
            "There was a 4.2% swing against the Labor Party in the state of Queensland.\n\n"
            "Farquharson is running for the Liberal Democrats. The party has two elected officials.",
            "The party has two elected officials.",
            id="a body named a paragraph back, within a paragraph",
        ),
    ],
)
def test_an_opening_description_stays_where_what_it_stands_for_is_not_sure(body, kept):
    assert kept in _texts(body)


def test_places_after_a_long_token_of_capitals_are_read_in_linear_time():
    # Eight times the token takes about 4 to 6 times the CPU time when linear, 64 times when quadratic
    def cpu_seconds_to_extract(capitals: int) -> float:
        body = "A protest was held in France on Monday. " + "A" * capitals + " is big. The country's cabinet met."
        return fastest_cpu_seconds(lambda: extract_claims(body, published_on=dt.date(2020, 1, 1)))

    short = cpu_seconds_to_extract(1000)

    assert cpu_seconds_to_extract(8000) < 20 * short
