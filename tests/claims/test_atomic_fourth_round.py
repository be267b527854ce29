"""Fourth atomic claims round: a post "of" someone after a name, with no article, is split off as an apposition
("Paweł Adamowicz, mayor of the Polish city of Gdańsk,"); a clause after a colon stands alone where the words before
it are a clause too and no noun that the colon's clause fills ("one more theory:"); "but" and a pronoun open a clause
without a comma; "is theoretical and is based" splits as two verbs of one subject; and an apposition followed by
", who" is split off with the relative left on the name."""

import pytest

from tests.claims.atomic_cases import pieces_of, spans_of


@pytest.mark.parametrize(
    ("sentence", "pieces"),
    [
        pytest.param(
            "An individual has been arrested after Paweł Adamowicz, mayor of the Polish city of Gdańsk, was stabbed "
            "last night whilst on stage at a charity event.",
            [
                "An individual has been arrested after Paweł Adamowicz was stabbed last night whilst on stage at a "
                "charity event.",
                "Paweł Adamowicz is the mayor of the Polish city of Gdańsk.",
            ],
            id="a post without an article between a name and its verb",
        ),
        pytest.param(
            "Nickey Iyambo, former vice-president of Namibia, died on Sunday, early in the morning.",
            [
                "Nickey Iyambo died on Sunday, early in the morning.",
                "Nickey Iyambo is the former vice-president of Namibia.",
            ],
            id="a former post",
        ),
        pytest.param(
            "On Thursday, Hatice Cengiz, fiancée of journalist Jamal Khashoggi, addressed reporters in New York.",
            [
                "On Thursday, Hatice Cengiz addressed reporters in New York.",
                "Hatice Cengiz is the fiancée of journalist Jamal Khashoggi.",
            ],
            id="a relation of someone",
        ),
        pytest.param(
            "Nevada is one of at least four states where the Republican Party decided to cancel primaries or "
            "caucuses: South Carolina, Kansas, and Arizona made the same decision.",
            [
                "Nevada is one of at least four states where the Republican Party decided to cancel primaries or "
                "caucuses.",
                "South Carolina, Kansas, and Arizona made the same decision.",
            ],
            id="a clause after a colon",
        ),
        pytest.param(
            "There were states that did not match the overall trend: Alabama and Mississippi had low youth suicide "
            "rates of around 4.5 per 100,000 people.",
            [
                "There were states that did not match the overall trend.",
                "Alabama and Mississippi had low youth suicide rates of around 4.5 per 100,000 people.",
            ],
            id="a clause after a colon naming its examples",
        ),
        pytest.param(
            "Easter Island does not have streams that run nonstop but it does have an aquifer that produces "
            "freshwater seeps.",
            [
                "Easter Island does not have streams that run nonstop.",
                "Easter Island does have an aquifer that produces freshwater seeps.",
            ],
            id="but and a pronoun without a comma",
        ),
        pytest.param(
            "It today has a grass-dominated landscape but it was once mostly covered by palm forests.",
            ["It today has a grass-dominated landscape.", "It was once mostly covered by palm forests."],
            id="a pronoun standing for a pronoun stays as it is",
        ),
        pytest.param(
            "Stamenković et al's paper is theoretical and is based on a simplified general circulation model.",
            [
                "Stamenković et al's paper is theoretical.",
                "Stamenković et al's paper is based on a simplified general circulation model.",
            ],
            id="one word between a verb and the same verb",
        ),
        pytest.param(
            "The research was led by Mark Hay, a marine ecologist and Regents Professor at GT, who said the work "
            "was hard.",
            [
                "The research was led by Mark Hay who said the work was hard.",
                "Mark Hay is a marine ecologist and Regents Professor at GT.",
            ],
            id="an apposition before a relative on the name",
        ),
    ],
)
def test_splits(sentence, pieces):
    assert pieces_of(sentence) == pieces


@pytest.mark.parametrize(
    "sentence",
    [
        pytest.param("The SDF is largely Kurdish and, according to Turkey, supportive of the PKK.", id="adjective"),
        pytest.param("At the London Bridge, members of the public stopped Khan.", id="a clause after the comma"),
        pytest.param(
            "Over a hundred people attended the party, located in Allegheny County, four of whom were injured.",
            id="a count of whom",
        ),
        pytest.param("John Bolton released a book, The Room Where It Happened, critical of Trump.", id="of a title"),
        pytest.param("Smith had one more theory: Namse Bangdzod could be the victim of identity theft.", id="theory"),
        pytest.param(
            "The costumer Ian Campbell, whose screen credits include Star Trek: Discovery, had a booth.",
            id="a colon inside a title",
        ),
        pytest.param(
            "The agency told the press: The ruling is particularly unwelcome and inappropriate.", id="a colon frame"
        ),
        pytest.param(
            "Not only did they put out the fire but they continued to cool the structure after the fire was gone.",
            id="not only ... but",
        ),
        pytest.param(
            "It's not clear how Amman became radicalised but it is apparent from his messages that it had been a year.",
            id="an it standing for nothing",
        ),
    ],
)
def test_stays_whole(sentence):
    assert pieces_of(sentence) == [sentence]


def test_every_piece_keeps_its_spans():
    sentence = (
        "Edward Lodewijk Van Halen, lead guitarist of US rock band Van Halen, died Tuesday at age 65 following an "
        "extended illness."
    )
    assert spans_of(sentence) == [((0, 25), (69, 121)), ((0, 25), (27, 67))]
    assert pieces_of(sentence)[1] == "Edward Lodewijk Van Halen is the lead guitarist of US rock band Van Halen."
