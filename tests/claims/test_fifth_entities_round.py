"""The fifth entities round: products, posts-elect, teams, standards, licences and bodies' short names."""

import pytest

from tests.claims.entity_cases import entities_of_claim


@pytest.mark.parametrize(
    ("body", "fragment", "entities"),
    [
        ("The new Boeing 737 Max was not airworthy, investigators have said.", "airworthy",
         [("Boeing 737 Max", "MISC")]),
        ("Before the Boeing 737-800 jet crashed on Wednesday, Iran launched missiles.", "missiles",
         [("Boeing 737-800", "MISC"), ("Iran", "PLACE")]),
        ("Investigators say the 737 Max had not suffered a crash before.", "crash", [("737 Max", "MISC")]),
        ("A Boeing 707 cargo plane crashed into houses in Karaj yesterday.", "cargo",
         [("Boeing 707", "MISC"), ("Karaj", "PLACE")]),
        ("The airline runs flights with Boeing 707s and Airbus A300s for cargo.", "flights",
         [("Boeing 707", "MISC"), ("Airbus A300", "MISC")]),
        ('Biden said, "I am honored to serve with Vice President-elect Harris."', "honored",
         [("Harris", "PERSON")]),
        ("Seven people were injured in a General Santos City hospital fire on Monday.", "hospital",
         [("General Santos City", "PLACE")]),
        ("Also, we are working on FIPS certifications and STIG standards for the system.", "working",
         [("FIPS", "MISC"), ("STIG", "MISC")]),
        ("Videos may be released under a Creative Commons Attribution (CC BY) license by their owners.", "released",
         [("Creative Commons Attribution", "MISC"), ("CC BY", "MISC")]),
        ("Another NBA game was cancelled between the Sacramento Kings and the New Orleans Pelicans.", "cancelled",
         [("NBA", "ORG"), ("Sacramento Kings", "ORG"), ("New Orleans Pelicans", "ORG")]),
        ("Some victims were airlifted to nearby Zamboanga on Sunday.", "airlifted", [("Zamboanga", "PLACE")]),
        ("Protesters planned to take down the Emancipation Memorial in Washington.", "Protesters",
         [("Emancipation Memorial", "PLACE"), ("Washington", "PLACE")]),
        ("Leonov will be buried at the Federal Military Memorial Cemetery on Tuesday, officials said.", "buried",
         [("Federal Military Memorial Cemetery", "PLACE")]),
        ("Reports showed the ship in Sunda Kelapa Port after it was seen in Jakarta Bay.", "ship",
         [("Sunda Kelapa Port", "PLACE"), ("Jakarta Bay", "PLACE")]),
        ("Alex Lagakos, deputy director of the Greek Energy Forum, said the project matters.", "director",
         [("Alex Lagakos", "PERSON"), ("Greek Energy Forum", "ORG")]),
        ("Suits is a Toronto-shot legal series.", "series", [("Toronto", "PLACE")]),
        ('"It worked \u2014 so far," SpaceX founder Elon Musk told the press after the launch.', "worked",
         [("SpaceX", "ORG"), ("Elon Musk", "PERSON")]),
        ("Day was born Doris Mary Ann Kappelhoff in Cincinnati in 1922.", "born",
         [("Doris Mary Ann Kappelhoff", "PERSON"), ("Cincinnati", "PLACE")]),
        ("The owner of the Make Crate subscription service stated her products teach coding.", "owner",
         [("Make Crate", "ORG")]),
        ("Roman Catholic Bishop Emeritus Dinualdo Gutierrez of the Marbel diocese in the Philippines died.", "died",
         [("Roman Catholic", "NORP"), ("Dinualdo Gutierrez", "PERSON"), ("Marbel", "PLACE"), ("Philippines", "PLACE")]),
        ("The party was organised by Akhil Bharat Hindu Mahasabha president Swami Chakrapani on Saturday.", "organised",
         [("Akhil Bharat Hindu Mahasabha", "ORG"), ("Swami Chakrapani", "PERSON")]),
        ("Ashton Bumhira, director of Youth Forum Zimbabwe, spoke on Monday.", "director",
         [("Ashton Bumhira", "PERSON"), ("Youth Forum Zimbabwe", "ORG")]),
        ('"Thai Raksa Chart party complies with the royal command," the party informed the press.', "complies",
         [("Thai Raksa Chart", "ORG")]),
        ("Ardern said she instructed officials to report to Cabinet on Monday.", "instructed",
         [("Cabinet", "ORG")]),
    ],
    ids=["a maker, a model and its variant", "a maker and a hyphenated model", "a model and its variant alone",
         "a product after a sentence's first word", "plural products", "a post-elect before a surname",
         "a city named after a post holder", "standards' initials", "a licence and its initials",
         "a team after an unlisted city", "a town after nearby", "a memorial", "a cemetery", "a port",
         "a forum", "a place before -shot", "a brand written with a capital inside opening a clause",
         "the name someone was born with", "a business before the word for what it is", "a diocese's town",
         "a mahasabha", "a forum named after its country", "a party's name opening with its country's",
         "the cabinet"],
)  # fmt: skip
def test_a_name_of_the_fifth_round_is_read_whole_and_of_its_kind(body, fragment, entities):
    assert entities_of_claim(body, fragment) == entities


@pytest.mark.parametrize(
    ("body", "fragment", "entities"),
    [
        ("Artists learned more from failed projects, citing the Chuck Jones quote about bad drawings.", "citing",
         [("Chuck Jones", "PERSON")]),
        ("Since the retirement of the Space Shuttles in 2011, NASA has relied on Soyuz.", "retirement",
         [("Space Shuttles", "MISC"), ("NASA", "ORG"), ("Soyuz", "MISC")]),
        ("Facebook said 500 million users were affected by the leak.", "leak", [("Facebook", "ORG")]),
        ("Boeing referred to the 707 involved as a cargo plane.", "cargo", [("Boeing", "ORG")]),
        ("Brenton Tarrant had a valid gun licence allowing him to buy weapons.", "licence",
         [("Brenton Tarrant", "PERSON")]),
    ],
    ids=["a surname ending in s before a noun", "a plural before a preposition", "a count after a maker",
         "a model number with no maker before it", "a person before a licence's kind"],
)  # fmt: skip
def test_what_the_fifth_round_leaves_alone(body, fragment, entities):
    assert entities_of_claim(body, fragment) == entities


PROHIBITION_PARTY = (
    "The Prohibition Party is the third oldest existing political party in the US. "
    "The party resulted in the period known as Prohibition, which ended in 1933. "
    "Since the repeal of Prohibition in 1933, the party has declined."
)
SCRIPPS = (
    "Munk took a job at the Scripps Institution of Oceanography in 1947. "
    "Scripps Oceanography described him as a guiding force in physical oceanography for 80 years."
)
SALLING = (
    "Tesco is to sell its Polish stores to the Salling Group, a Danish retailer. "
    "With the acquisition, Salling said it seeks to improve its coverage in southern Poland."
)


@pytest.mark.parametrize(
    ("body", "fragment", "name", "kind"),
    [
        (SCRIPPS, "guiding", "Scripps Oceanography", "ORG"),
        (SALLING, "coverage", "Salling", "ORG"),
        (PROHIBITION_PARTY, "period", "Prohibition", "MISC"),
        (PROHIBITION_PARTY, "repeal", "Prohibition", "MISC"),
    ],
    ids=["a body's name shortened", "a body's name without its head", "an era after as", "an era after of"],
)
def test_a_body_named_short_is_that_body(body, fragment, name, kind):
    assert (name, kind) in entities_of_claim(body, fragment)


def test_a_surname_spelled_like_a_post_is_a_persons_where_joined_to_another_surname():
    body = (
        "The prize was shared between James Peebles and the duo of Didier Queloz and Michel Mayor. "
        "Queloz and Mayor, both from Switzerland, won their prize for discovering the first known exoplanet in 1995."
    )
    assert ("Michel Mayor", "PERSON") in entities_of_claim(body, "duo")
