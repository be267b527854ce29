"""The seventh entities round: a place owning a body, halls and lodges, hospice care, callings before one name, bodies
measured by or paired with others, companies named by their own name alone, the second of two places."""

import pytest

from tests.claims.entity_cases import entities_of_claim


@pytest.mark.parametrize(
    ("body", "fragment", "entities"),
    [
        ("On Wednesday, the United States' National Basketball Association (NBA) suspended its professional basketball"
         " season due to concerns regarding COVID-19.", "suspended",
         [("United States", "PLACE"), ("National Basketball Association", "ORG"), ("NBA", "ORG")]),
        ("The Kurdistan Workers' Party said the attack was planned.", "attack", [("Kurdistan Workers' Party", "ORG")]),
        ("At 2:45 a.m. local time (0645 UTC), he died at Gilchrist Hospice Care.", "died",
         [("Gilchrist Hospice Care", "ORG")]),
        ("The leaders held their seventh summit in Athens at the Zappeion Hall, to sign an agreement on the pipeline.",
         "summit", [("Athens", "PLACE"), ("Zappeion Hall", "PLACE")]),
        ("The essay by Stuart Hall was read aloud at the meeting on Monday.", "essay", [("Stuart Hall", "PERSON")]),
        ("Mike McCready of Pearl Jam likened his first time hearing the solo to first hearing classical composer"
         " Mozart.", "likened", [("Mike McCready", "PERSON"), ("Pearl Jam", "ORG"), ("Mozart", "PERSON")]),
        ("Across the nation, Joe Biden kept his lead over Donald Trump in the RealClearPolitics average of opinion"
         " polls.", "lead", [("Joe Biden", "PERSON"), ("Donald Trump", "PERSON"), ("RealClearPolitics", "ORG")]),
        ("The new policy gives airlines 45 days to wind down Cuban operations. American Airlines and JetBlue are among"
         " the airlines affected.", "among", [("American Airlines", "ORG"), ("JetBlue", "ORG")]),
        ("On Friday Ford Motor Company announced the Department of Justice was investigating Ford's emission testing."
         " Ford said in their filing the matter currently focuses on road load estimation.", "filing",
         [("Ford", "ORG")]),
        ("Australian store chains Woolworths and Coles lowered their limits on toilet paper. Coles, in its March 8"
         " media release, reported a sharp increase in sales.", "media release", [("Coles", "ORG")]),
        ("Since the announcement, many people expressed their anger on Internet Relay Chat (IRC), Reddit and CentOS"
         " project's mailing list.", "anger", [("Internet Relay Chat", "PERSON"), ("IRC", "ORG"), ("Reddit", "ORG"),
                                               ("CentOS", "MISC")]),
        ("The Syrian Army entered Tell Tamer and Ain Issa yesterday according to state media.", "entered",
         [("Syrian Army", "ORG"), ("Tell Tamer", "PLACE"), ("Ain Issa", "PLACE")]),
        ("Egypt has two usable terminals in the Nile-Delta, in Damietta and Idku.", "terminals",
         [("Egypt", "PLACE"), ("Nile-Delta", "MISC"), ("Damietta", "PLACE"), ("Idku", "PLACE")]),
        ("The prime minister met the president in Paris and Michael Smith spoke to reporters on Monday.", "met",
         [("Paris", "PLACE"), ("Michael Smith", "PERSON")]),
        ("In findings published Wednesday in Environmental Science and Technology, researchers from the University of"
         " Washington reported the deaths.", "findings", [("Environmental Science", "MISC"), ("Technology", "MISC"),
                                                           ("University of Washington", "ORG")]),
        ("A fire broke out yesterday at Bontddu Hall near Dolgellau in Wales. Bontddu Hall dates to 1873, originally a"
         " 20-room mansion.", "1873", [("Bontddu Hall", "PLACE")]),
    ],
)  # fmt: skip
def test_seventh_round_entities(body, fragment, entities):
    assert entities_of_claim(body, fragment) == entities
