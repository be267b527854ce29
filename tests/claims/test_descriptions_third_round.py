"""Third descriptions round: a claim that opens with "The government" names the one government the nearest sentence
of its paragraph names by its country ("the United States government", "the government of Samoa"); "The embassy",
"The police", "The hospital", "The club" and "The station" name the one body whose name ends with that word; and "The
city" or "The island" names the place the article called one ("the city of Aden"). These descriptions name something
only as a subject before a verb, or as a possessive: "The city flag" stays."""

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
            "The United States government accused Avenatti of trying to pressure Nike for about 15 million dollars. "
            "Avenatti pled not guilty to the charges. The government suggested Avenatti's debt was a factor in his "
            "decision making.",
            "The United States government suggested Avenatti's debt was a factor in his decision making.",
            id="a government named before its word",
        ),
        pytest.param(
            "A government order made vaccination mandatory. On December 5 and 6, the government of Samoa executed a "
            "planned shutdown of public services. The government said 128 vaccination teams participated.",
            "The government of Samoa said 128 vaccination teams participated.",
            id="a government named after its word",
        ),
        pytest.param(
            "Northamptonshire's chief constable Nick Adderley wrote to the US Embassy in London asking to waive her "
            "diplomatic immunity. The embassy declined the request.",
            "The US Embassy declined the request.",
            id="an embassy",
        ),
        pytest.param(
            "Officers from the Metropolitan Police were called to the bridge at 2 pm. The police arrested the "
            "attacker.",
            "The Metropolitan Police arrested the attacker.",
            id="a police force",
        ),
        pytest.param(
            "Mukherjee was taken to the Army Research and Referral Hospital in Delhi on August 10. The hospital also "
            "found him to be positive for the virus.",
            "The Army Research and Referral Hospital also found him to be positive for the virus.",
            id="a hospital",
        ),
        pytest.param(
            "Al-Quaety, a journalist from Yemen, died in the city of Aden on Tuesday after being shot in his car.\n\n"
            "Multiple assailants attacked him shortly after he left his nearby home. The city's security chief "
            "announced on Facebook on Tuesday there were suspects in custody.",
            "Aden's security chief announced on Facebook on Tuesday there were suspects in custody.",
            id="the one city the article called one, as a possessive",
        ),
        pytest.param(
            "On Monday, a water main broke in the US city of White Plains, New York, cutting off the water supply.\n\n"
            "Residents were advised to expect the water to be discolored. The city estimated by 9 pm, there would be "
            "enough pressure returned to the water system.",
            "White Plains estimated by 9 pm, there would be enough pressure returned to the water system.",
            id="the one city the article called one, as a subject",
        ),
    ],
)
def test_an_opening_description_names_the_one_it_stands_for(body, named):
    assert named in _texts(body)


@pytest.mark.parametrize(
    ("body", "kept"),
    [
        pytest.param(
            "Paweł Adamowicz, mayor of the Polish city of Gdańsk, was stabbed last night. Adamowicz subsequently was "
            "announced to have died. The city flag is at half-mast.",
            "The city flag is at half-mast.",
            id="a description heading a noun",
        ),
        pytest.param(
            "The Hong Kong government met the Chinese government on Monday. The government said the talks went well.",
            "The government said the talks went well.",
            id="two governments in the sentence before",
        ),
        pytest.param(
            "On Monday, a water main broke in the US city of White Plains, New York.\n\nCrews from New York City "
            "were sent to help. The city estimated by 9 pm, there would be enough pressure returned.",
            "The city estimated by 9 pm, there would be enough pressure returned.",
            id="another place named in the paragraph",
        ),
        pytest.param(
            "The county's Police and Crime Commissioner Stephen Mold urged the immunity be waived. The police "
            "declined the request.",
            "The police declined the request.",
            id="a name holding the word but not ending with it",
        ),
        pytest.param(
            "On December 5, the government of Samoa executed a planned shutdown of public services. The government's "
            "order made vaccination mandatory.",
            "The government's order made vaccination mandatory.",
            id="a government named after its word, as a possessive",
        ),
    ],
)
def test_an_opening_description_stays_where_what_it_stands_for_is_not_sure(body, kept):
    assert kept in _texts(body)


def test_a_government_after_a_long_token_of_capitals_is_read_in_linear_time():
    # The country before "government" is read back from the word, in a window: a name pattern tried at each capital
    # of the sentence before would read such a token to its end from each of them. Eight times the token takes about
    # 4 to 6 times the CPU time when linear, 64 times when quadratic.
    def cpu_seconds_to_extract(capitals: int) -> float:
        body = (
            "The council said on Monday that the new rules will come into force next year. "
            + "A." * capitals
            + " is big. The government said 3 roads were closed."
        )
        return fastest_cpu_seconds(lambda: extract_claims(body, published_on=dt.date(2020, 1, 1)))

    short = cpu_seconds_to_extract(1000)

    assert cpu_seconds_to_extract(8000) < 20 * short
