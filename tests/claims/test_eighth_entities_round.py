"""The eighth entities round: outlets that report or are told something, newspapers, initials of posts, things and
places, programmes and systems, "the ruling" party, seas and buildings named by their kind, "el-" inside a place's
name, All Saints, callings shared with a "Co-", bodies in apposition, places by a rainforest or "close to"."""

import pytest

from tests.claims.entity_cases import entities_of_claim


@pytest.mark.parametrize(
    ("body", "fragment", "entities"),
    [
        ("Representative Elijah Cummings died on Thursday. The Baltimore Sun reported Cummings had been sick and was"
         " missing from the hearings.", "sick", [("Baltimore Sun", "ORG"), ("Cummings", "PERSON")]),
        ("Gazeta Prawna reports only 0.5% of Polish grocery turnover comes from this segment.", "turnover",
         [("Gazeta Prawna", "ORG"), ("Polish", "NORP")]),
        ("Dr Smith of the university told National Geographic the finding was a surprise to the whole team.",
         "surprise", [("Smith", "PERSON"), ("National Geographic", "ORG")]),
        ("Greek daily Kathimerini said Greece and Cyprus had to speed up the pipeline project.", "speed up",
         [("Greek", "NORP"), ("Kathimerini", "ORG"), ("Greece", "PLACE"), ("Cyprus", "PLACE")]),
        ("Yesterday, Roscosmos announced the death of cosmonaut Alexei Leonov at the age of 85.", "death",
         [("Roscosmos", "ORG"), ("Alexei Leonov", "PERSON")]),
        ("Today, Met Éireann, the national meteorological service for Ireland, issued weather alerts for the coast.",
         "alerts", [("Met Éireann", "ORG"), ("Ireland", "PLACE")]),
        ("By law, all male permanent residents over the age of 18 must register for the Selective Service System.",
         "register", [("Selective Service System", "ORG")]),
        ("Bob Hughes said CERB (Canada Emergency Response Benefit) payments were a factor in the rise in deaths.",
         "factor", [("Bob Hughes", "PERSON"), ("CERB", "MISC"), ("Canada Emergency Response Benefit", "MISC")]),
        ("Aparna Garg has been the Divisional Railway Manager (DRM) for two years. There was a time when few women"
         " would become DRM in the railways.", "few women", [("DRM", "MISC")]),
        ("Richard Stallman has been highly critical of DRM (digital rights management) for many years now.",
         "critical", [("Richard Stallman", "PERSON"), ("DRM", "MISC")]),
        ("The crew docked at the International Space Station (ISS) on Sunday. The crew of the ISS were able to send"
         " the capsule commands on Monday.", "capsule commands", [("ISS", "PLACE")]),
        ("In Cyprus, the ruling Democratic Rally hailed the pipeline as an advancement in the nation's sovereignty.",
         "hailed", [("Cyprus", "PLACE"), ("Democratic Rally", "ORG")]),
        ("This success came on the second attempt by the inventor to cross the Channel on a hoverboard.", "success",
         [("Channel", "PLACE")]),
        ("In response to his death, Nancy Pelosi ordered the Capitol's flags be lowered to half staff.", "flags",
         [("Nancy Pelosi", "PERSON"), ("Capitol", "PLACE")]),
        ("Millions of mummified ibis birds have been found in Egyptian tombs in Saqqara and Tuna el-Gebel.",
         "mummified", [("Egyptian", "NORP"), ("Saqqara", "PLACE"), ("Tuna el-Gebel", "PLACE")]),
        ("At the summit, President Abdel Fattah el-Sisi of Egypt said the free trade area was a real test.", "summit",
         [("Abdel Fattah el-Sisi", "PERSON"), ("Egypt", "PLACE")]),
        ("The display was built by students from All Saints school in Tyler over three weeks.", "display",
         [("All Saints", "MISC"), ("Tyler", "PLACE")]),
        ("Co-developer Jing Wang recounted how the coating made everything slide down the bowl in the lab.", "coating",
         [("Jing Wang", "PERSON")]),
        ("Around one million indigenous people live in the Amazon rainforest, according to the census.", "indigenous",
         [("Amazon", "PLACE")]),
        ("The crash occurred on the northbound lanes close to Alachua when the first collision happened.", "crash",
         [("Alachua", "PLACE")]),
        ("The broadcaster runs 42 television stations and 18 FM radio stations across the country.", "stations", []),
    ],
)  # fmt: skip
def test_eighth_round_entities(body, fragment, entities):
    assert entities_of_claim(body, fragment) == entities


@pytest.mark.parametrize(
    ("body", "fragment", "entities"),
    [
        # a person who reports stays a person, and so does one the article named
        ("United States President Donald Trump reported he and his wife had tested positive on Friday.", "tested",
         [("United States", "PLACE"), ("Donald Trump", "PERSON")]),
        # a daily dose is no newspaper
        ("President Donald Trump has been given zinc, vitamin D, Pepcid and a daily Aspirin by his doctors.", "zinc",
         [("Donald Trump", "PERSON"), ("Pepcid", "MISC"), ("Aspirin", "MISC")]),
        # initials of a body stay a body's
        ("The World Health Organization (WHO) declared a pandemic. The WHO said the virus spread fast across Europe.",
         "spread fast", [("WHO", "ORG"), ("Europe", "PLACE")]),
        # only "All Saints" and "All Souls" keep their "All"
        ("All Democrats on the committee voted against the bill on Tuesday evening.", "voted",
         [("Democrats", "NORP")]),
    ],
)  # fmt: skip
def test_eighth_round_leaves_alone(body, fragment, entities):
    assert entities_of_claim(body, fragment) == entities


def test_last_of_a_list_of_places_is_a_place():
    """ "at Abydos, Saqqara, and Tuna el-Gebel": the last of a list after "at" is a place, not a person."""
    body = (
        "The team collected samples from six catacombs including sites at Abydos, Saqqara, and Tuna el-Gebel with"
        " permission from the ministry."
    )
    assert ("Tuna el-Gebel", "PLACE") in entities_of_claim(body, "catacombs")
