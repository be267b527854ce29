"""The ninth entities round: an outlet's initials someone told, apart from the person named after them; a body named
after what it is for ("Committee to Protect Journalists"); Capitol Hill as a place; a road with its number; a
university with its campus."""

import pytest

from tests.claims.entity_cases import entities_of_claim


@pytest.mark.parametrize(
    ("body", "fragment", "entities"),
    [
        (
            "The terrorism specialist Ali Soufan told NPR Hamza bin Laden had appeared in videos since he was young.",
            "videos",
            [("Ali Soufan", "PERSON"), ("NPR", "ORG"), ("Hamza bin Laden", "PERSON")],
        ),
        (
            "Representative Elijah Cummings died on Thursday. Senator Chuck Schumer told MSNBC Cummings was a great man"
            " and a friend.",
            "great man",
            [("Chuck Schumer", "PERSON"), ("MSNBC", "ORG"), ("Cummings", "PERSON")],
        ),
        (
            "The Committee to Protect Journalists reports sixteen other journalist deaths in the nation since 2014.",
            "sixteen",
            [("Committee to Protect Journalists", "ORG")],
        ),
        (
            "The minister praised the continued presence of the Global Coalition to Defeat ISIS in the region.",
            "presence",
            [("Global Coalition to Defeat ISIS", "ORG")],
        ),
        (
            "The Baltimore Sun reported the congressman had been sick and was missing from Capitol Hill for weeks.",
            "sick",
            [("Baltimore Sun", "ORG"), ("Capitol Hill", "PLACE")],
        ),
        (
            "The accident sequence began in the northbound lanes of Interstate 75 close to Alachua on Thursday.",
            "northbound",
            [("Interstate 75", "PLACE"), ("Alachua", "PLACE")],
        ),
        (
            "He was driving the pickup truck on U.S. Route 2 in Randolph, New Hampshire on the night of June 21.",
            "truck",
            [("U.S. Route 2", "PLACE"), ("Randolph", "PLACE"), ("New Hampshire", "PLACE")],
        ),
        (
            "The death of Walter Munk was announced on Friday by the University of California, San Diego.",
            "death",
            [("Walter Munk", "PERSON"), ("University of California, San Diego", "ORG")],
        ),
    ],
)
def test_ninth_round_entities(body, fragment, entities):
    assert entities_of_claim(body, fragment) == entities


@pytest.mark.parametrize(
    ("body", "fragment", "entities"),
    [
        # an outlet's own name after its initials stays whole
        (
            "The mayor told CNN Philippines the storm had flooded four districts of the city overnight.",
            "flooded",
            [("CNN Philippines", "ORG")],
        ),
        # "to" before a place is no purpose
        (
            "The party sent the Committee to Washington to argue its case before the court in March.",
            "argue",
            [("Committee", "ORG"), ("Washington", "PLACE")],
        ),
        # a campus is a place: a person after the comma is no part of the university's name
        (
            "A professor at the University of Chicago, Anna Smith said the data from the survey was wrong.",
            "data",
            [("University of Chicago", "ORG"), ("Anna Smith", "PERSON")],
        ),
    ],
)
def test_ninth_round_leaves_alone(body, fragment, entities):
    assert entities_of_claim(body, fragment) == entities
