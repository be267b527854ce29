"""The sixth entities round: bodies spelled as one word, campaigns, planets, plants, conferences and initials used as
verbs."""

import pytest

from tests.claims.entity_cases import entities_of_claim


@pytest.mark.parametrize(
    ("body", "fragment", "entities"),
    [
        ("Bill Gerstenmaier praised the contract between NASA and SpaceX on Friday. SpaceX founder Elon Musk told the"
         " press it had been stressful.", "contract", [("Bill Gerstenmaier", "PERSON"), ("NASA", "ORG"),
                                                       ("SpaceX", "ORG")]),
        ("The California Department of Forestry and Fire Protection (CalFire) said several acres burned. CalFire"
         " indicated the injuries were minor.", "injuries", [("CalFire", "ORG")]),
        ("In 1998, following ten years working for NationsBank, Kay Hagan successfully ran for a seat in the state"
         " senate.", "seat", [("NationsBank", "ORG"), ("Kay Hagan", "PERSON")]),
        ("UOKiK, the Polish anti-monopoly agency, has to approve the deal. The parties said the deal would close in"
         " March.", "anti-monopoly", [("UOKiK", "ORG"), ("Polish", "NORP")]),
        ("The EastMed pipeline would carry gas from Israel to Greece by 2025 under the new agreement.", "pipeline",
         [("EastMed", "MISC"), ("Israel", "PLACE"), ("Greece", "PLACE")]),
        ("Adam Kokesh, an Iraq War veteran, joined Iraq Veterans Against the War in 2007.", "joined",
         [("Adam Kokesh", "PERSON"), ("Iraq Veterans Against the War", "ORG")]),
        ("Adam Kokesh, an Iraq War veteran, joined Iraq Veterans Against the War in 2007.", "veteran",
         [("Adam Kokesh", "PERSON"), ("Iraq War", "MISC")]),
        ("Almost all complex multicellular life on Earth depends on oxygen, unlike microbes on Mars.", "multicellular",
         [("Earth", "PLACE"), ("Mars", "PLACE")]),
        ("With this outbreak, the Antarctic continent became the last continent to report cases.", "outbreak",
         [("Antarctic", "PLACE")]),
        ("Benjamin Netanyahu spoke of an economic alliance with Hellenic countries on Thursday.", "alliance",
         [("Benjamin Netanyahu", "PERSON"), ("Hellenic", "NORP")]),
        ("Michael Bloomberg won the caucus in American Samoa, his first of the campaign season.", "caucus",
         [("Michael Bloomberg", "PERSON"), ("American Samoa", "PLACE")]),
        ("The law is supported by the counties in Indian Country, the senator said on Monday.", "counties",
         [("Indian Country", "PLACE")]),
        ("The aircraft, a Boeing B-17 Flying Fortress, is registered in Middlesex County.", "registered",
         [("Boeing B-17 Flying Fortress", "MISC"), ("Middlesex County", "PLACE")]),
        ("The Costa Sur power plant at Guayanilla was damaged in the quake. Costa Sur provided power for about a"
         " quarter of the island's homes.", "quarter", [("Costa Sur", "PLACE")]),
        ("He died on Sunday, according to the Catholic Bishops' Conference of the Philippines.", "died",
         [("Catholic Bishops' Conference of the Philippines", "ORG")]),
        ("CentOS was created because Red Hat decided to EOL (End of Life) Red Hat Linux in 2003. CentOS 8's End of Life"
         " (EOL) has been moved up from May 2029 to December 31, 2021.", "moved up",
         [("CentOS", "MISC"), ("End of Life", "MISC"), ("EOL", "MISC")]),
    ],
)  # fmt: skip
def test_sixth_round_entities(body, fragment, entities):
    assert entities_of_claim(body, fragment) == entities
