"""The entities extract_claims attaches to each claim: names, their spans and their types."""

import datetime as dt

import pytest

from apps.claims.extraction import extract_claims


def _entities(body, fragment):
    claims = extract_claims(body, published_on=dt.date(2020, 9, 1), english_confirmed=True)
    (claim,) = [c for c in claims if fragment in c.text]
    return claim.entities


@pytest.mark.parametrize(
    ("body", "fragment", "entities"),
    [
        ("In November 2018, the party nominated a ticket of Bill Bayes for President and C.L. Gammon for Vice "
         "President.", "ticket", [("Bill Bayes", "PERSON"), ("C.L. Gammon", "PERSON")]),
        ("Alexei Navalny fell ill on a flight on Thursday. Associates of Navalny alleged he drank tea laced with "
         "poison.", "tea", [("Navalny", "PERSON")]),
        ('"The UK government needs a strong agenda. Proroguing Parliament is the legal way of delivering this."',
         "agenda", [("UK", "PLACE"), ("Parliament", "ORG")]),
        ("Cream was inducted in 1993 into the Rock and Roll Hall of Fame.", "inducted",
         [("Rock and Roll Hall of Fame", "ORG")]),
        ("In 2019 Greta Thunberg met world leaders, including Roman Catholic Pope Francis.", "leaders",
         [("Greta Thunberg", "PERSON"), ("Roman Catholic", "NORP"), ("Francis", "PERSON")]),
        ("The SARS-like virus first appeared in December in Wuhan, China.", "virus",
         [("Wuhan", "PLACE"), ("China", "PLACE")]),
    ],
    ids=["a post sought after a name", "associates of someone", "a verb's -ing form opening a sentence",
         "a hall of fame whose name holds and", "a faith before a title", "a disease's abbreviation before -like"],
)  # fmt: skip
def test_a_name_is_found_without_the_words_glued_to_it(body, fragment, entities):
    assert [(e["text"], e["type"]) for e in _entities(body, fragment)] == entities


@pytest.mark.parametrize(
    ("body", "fragment", "name", "kind"),
    [
        ("The sixteen-year-old Swede is currently the youngest recipient of the 92-year-old award.", "award",
         "Swede", "NORP"),
        ("Britons voted in a 2016 referendum to leave the EU.", "referendum", "Britons", "NORP"),
        ("Huber left his wife Amanda and children Brodie and Nolan 2 houses in Florida.", "houses", "Nolan",
         "PERSON"),
        ("US singer Doris Day died on Monday at her home in Carmel Valley, California. Day made 29 studio albums.",
         "albums", "Day", "PERSON"),
        ("Canadians marked Victoria Day on Monday with 3 parades.", "parades", "Victoria Day", "MISC"),
        ("The cargo ship MV Namse Bangdzod disappeared on December 27 with 11 crew aboard. Like all vessels "
         "exceeding 300 tons, Namse Bangdzod is required to transmit LRIT data.", "required", "Namse Bangdzod",
         "MISC"),
        ("Sea-Eye renamed its ship MV Alan Kurdi in 2019. Alan Kurdi was a three-year-old Syrian boy who drowned off "
         "Turkey in 2015.", "drowned", "Alan Kurdi", "PERSON"),
        ("Erdogan pledged converting Hagia Sophia into a mosque after the 2019 elections.", "converting",
         "Hagia Sophia", "PLACE"),
        ("Erdogan said 3 people attacked Masjid Al-Aqsa on Friday.", "attacked", "Masjid Al-Aqsa", "PLACE"),
        ("Clapton and Baker were in another supergroup Blind Faith with Steve Winwood in 1969.", "supergroup",
         "Blind Faith", "ORG"),
    ],
    ids=["a people's noun", "a people's plural opening a sentence", "children named after 'children'",
         "a given name before a surname that is a head word", "a holiday named after someone",
         "a ship's name without its prefix", "a ship named after a person the article writes about",
         "a church opened by Hagia", "a mosque opened by Masjid", "a band named after the word for one"],
)  # fmt: skip
def test_a_name_has_the_type_of_what_it_names(body, fragment, name, kind):
    assert {"text": name, "type": kind} in _entities(body, fragment)


@pytest.mark.parametrize(
    ("body", "fragment", "name", "found"),
    [
        ('"I could play! One of the musicians turned round and said, \'Bloody hell, we\'ve got a drummer\'," Baker '
         "recalled in 2009.", "musicians", "One", False),
        ('"I could play! One of the musicians turned round and said, \'Bloody hell, we\'ve got a drummer\'," Baker '
         "recalled in 2009.", "musicians", "Bloody", False),
        ("Police said his goal was dying a martyr and going to 'Jannah', the afterlife, in 2020.", "martyr", "Jannah",
         True),
        ("The bishop died at 5:03 AM on February 10, 2019, at a hospital.", "bishop", "AM", False),
    ],
    ids=["a word after an exclamation mark", "a quotation in single marks", "a word quoted by itself",
         "a clock time's AM"],
)  # fmt: skip
def test_a_capitalised_word_opening_a_sentence_or_a_clock_time_is_no_name(body, fragment, name, found):
    assert any(e["text"] == name for e in _entities(body, fragment)) is found


@pytest.mark.parametrize(
    ("body", "fragment", "entities"),
    [
        ('During ABC\'s "A Tribute For a King", Sunday evening, 3 celebrities made appearances.', "celebrities",
         [("ABC", "ORG"), ("A Tribute For a King", "MISC")]),
        ('The campaign theme, as I told you, is "Each for Equal" in 2020.', "theme", [("Each for Equal", "MISC")]),
        ("RIAA's notice alleged violation of 17 U.S. Code § 1201 Circumvention of copyright protection systems in "
         "2020.", "violation", [("RIAA", "ORG"), ("U.S. Code", "MISC")]),
        ('"We are a fifty minute team. [Just need to] stay in the fight and take [games] deeper," Tronc said in 2019.',
         "fight", []),
        ('Cindy Ferrer said "[Typhoon Phanfone is] like the younger sibling of Haiyan" on 3 December.', "sibling",
         [("Cindy Ferrer", "PERSON"), ("Typhoon Phanfone", "MISC"), ("Haiyan", "MISC")]),
        ('"Jerry [O\'Connell] and I are talking to NBC at the moment," Romijn said on 3 May.', "NBC",
         [("Jerry [O'Connell]", "PERSON"), ("NBC", "ORG")]),
        ('Vanderbilt was married to talent agent Pasquale "Pat" Di Cicco for 3 years.', "agent",
         [('Pasquale "Pat" Di Cicco', "PERSON")]),
        ('Guitarist Edward Lodewijk "Eddie" Van Halen died on Tuesday at 65.', "Guitarist",
         [('Edward Lodewijk "Eddie" Van Halen', "PERSON")]),
    ],
    ids=["a quoted title holding small words", "a quoted title whose first word opens no name",
         "a statute's code and the title of its section", "a word opening an editor's words in brackets",
         "a name opening an editor's words in brackets", "a surname an editor added in brackets",
         "a nickname inside a name", "a nickname inside a name after a word opening the sentence"],
)  # fmt: skip
def test_a_name_is_read_whole_across_quotation_marks_brackets_and_citations(body, fragment, entities):
    assert [(e["text"], e["type"]) for e in _entities(body, fragment)] == entities


@pytest.mark.parametrize(
    ("body", "fragment", "entities"),
    [
        ("George Floyd was an African American man who died in Minneapolis.", "Floyd",
         [("George Floyd", "PERSON"), ("African American", "NORP"), ("Minneapolis", "PLACE")]),
        ("In 2013, Akilisi Pohiva became the first Pacific Islander to win the award.", "Islander",
         [("Akilisi Pohiva", "PERSON"), ("Pacific Islander", "NORP")]),
        ("About 40% of American Samoans live below the poverty line.", "poverty", [("American Samoans", "NORP")]),
        ("Turkish Cypriots voted for a new leader on Sunday.", "voted", [("Turkish Cypriots", "NORP")]),
        ("Mayor Bill de Blasio met Howard Segal on Monday. Segal announced de Graaf as his running mate in April.",
         "running mate", [("Segal", "PERSON"), ("de Graaf", "PERSON")]),
        ('One of the children said, "Sometimes I still have nightmares of what happened in Tulsa."', "nightmares",
         [("Tulsa", "PLACE")]),
        ("Yesterday afternoon Marine One landed on the White House's South Lawn.", "landed",
         [("Marine One", "MISC"), ("White House", "ORG"), ("South Lawn", "PLACE")]),
        ("Sandra Jephcott is running for the Sustainable Australia party in the Senate.", "running",
         [("Sandra Jephcott", "PERSON"), ("Sustainable Australia", "ORG"), ("Senate", "ORG")]),
        ("One of the tests included the URL of some copyrighted songs.", "tests", []),
        ("Amateur researcher Yutaka Iwasaki of Kobe, Japan came across military records in 2019.", "records",
         [("Yutaka Iwasaki", "PERSON"), ("Kobe", "PLACE"), ("Japan", "PLACE")]),
    ],
    ids=["a people named by two words", "Pacific Islander", "a people of a place, plural",
         "a people of an island, plural", "a surname opening with a particle", "the pronoun I after a sentence's "
         "first word", "an aircraft's call sign ending in a number", "a name before the word party",
         "an acronym of a common thing", "a town before its country after someone's name"],
)  # fmt: skip
def test_peoples_particles_pronouns_and_parties_are_read_for_what_they_are(body, fragment, entities):
    assert [(e["text"], e["type"]) for e in _entities(body, fragment)] == entities


def test_a_surname_with_its_particle_stands_for_he_and_opens_the_sentence_with_a_capital():
    body = (
        "Segal announced Marijn de Graaf as his running mate in April. As a filmmaker, de Graaf has produced 40 "
        "documentaries. He has written numerous articles for The Progressive."
    )
    claims = extract_claims(body, published_on=dt.date(2020, 9, 1), english_confirmed=True)

    assert "De Graaf has written numerous articles for The Progressive." in [claim.text for claim in claims]


def test_a_surname_written_with_a_lower_case_particle_is_the_person_opening_a_sentence():
    body = (
        "Yemeni journalist Nabil Hasan al-Quaety was shot dead in Aden on Sunday. In 2016 al-Quaety filmed the battle "
        "for the city. He is survived by three children and his pregnant wife."
    )
    claims = extract_claims(body, published_on=dt.date(2020, 9, 1), english_confirmed=True)
    (survived,) = [claim for claim in claims if "survived" in claim.text]

    assert survived.text == "Al-Quaety is survived by three children and his pregnant wife."
    assert [(e["text"], e["type"]) for e in survived.entities] == [("Al-Quaety", "PERSON")]


@pytest.mark.parametrize(
    ("body", "fragment", "name", "kind"),
    [
        ("Professional wrestling drew record crowds in 2019. Fans of Elite Wrestling bought 20,000 tickets in May.",
         "tickets", "Elite Wrestling", "MISC"),
        ("Sales of toilet paper rose by 40% in March. Kimberly-Clark makes Kleenex Toilet Tissue in 12 plants.",
         "plants", "Kleenex Toilet Tissue", "MISC"),
        ("The project had a rocky start. In 2004 Rocky McGaugh founded the project with three partners in Texas.",
         "founded", "Rocky McGaugh", "PERSON"),
        ("The vega plant grows in the region. Mayor Arnel dela Vega said 2,000 people were moved on Monday.",
         "moved", "Arnel dela Vega", "PERSON"),
    ],
    ids=["a body named by a word the article writes in lower case", "a product the same way",
         "a given name the article also writes as a word, with a surname", "a name with a particle"],
)  # fmt: skip
def test_a_phrase_of_words_the_article_also_writes_in_lower_case_is_no_person(body, fragment, name, kind):
    assert (name, kind) in [(e["text"], e["type"]) for e in _entities(body, fragment)]


@pytest.mark.parametrize(
    ("body", "fragment", "entities"),
    [
        ("Sayyid Ali Hosseini Khamenei ordered three days of public mourning after the strike on Friday.", "mourning",
         [("Ali Hosseini Khamenei", "PERSON")]),
        ("The party stays afloat due to the George L. Pennock Trust established in 1939.", "afloat",
         [("George L. Pennock Trust", "ORG")]),
        ("Both companies have been in operation since the 1970s according to USA Today.", "operation",
         [("USA Today", "ORG")]),
    ],
    ids=["an honorific before a name", "a trust named after someone", "a newspaper named after its country"],
)  # fmt: skip
def test_honorifics_trusts_and_a_newspaper_are_read_for_what_they_are(body, fragment, entities):
    assert [(e["text"], e["type"]) for e in _entities(body, fragment)] == entities


@pytest.mark.parametrize(
    ("body", "fragment", "name", "kind"),
    [
        ("CAOS rebuilt Red Hat Enterprise Linux (RHEL) in 2004. Its developers published the source code of RHEL "
         "in March.", "source code", "RHEL", "MISC"),
        ("The Digital Millennium Copyright Act (DMCA) was passed in 1998. GitHub took the code down under the DMCA "
         "in October.", "took the code", "DMCA", "MISC"),
        ("The pipeline is a Project of Common Interest (PCI) of the European Union. Its PCI status was renewed "
         "in 2019.", "renewed", "PCI", "MISC"),
        ("Ships broadcast their position via the Automatic Identification System (AIS) and the Long Range "
         "Identification and Tracking (LRIT) system. LRIT is used by 170 seagoing nations.", "seagoing", "LRIT",
         "MISC"),
        ("Ships broadcast their position via the Automatic Identification System (AIS). AIS can be read by 40 "
         "satellites.", "satellites", "AIS", "MISC"),
        ("The National Transportation Safety Board (NTSB) opened an inquiry. The NTSB sent six investigators "
         "on Tuesday.", "investigators", "NTSB", "ORG"),
    ],
    ids=["an operating system's initials", "a law's initials", "a plan's initials", "initials before 'system'",
         "a system's initials", "a body's initials"],
)  # fmt: skip
def test_initials_take_the_kind_of_the_name_the_article_spells_out(body, fragment, name, kind):
    assert (name, kind) in [(e["text"], e["type"]) for e in _entities(body, fragment)]


@pytest.mark.parametrize(
    ("body", "fragment", "entities"),
    [
        ("Fighting was reported in Juba on Monday. Juba is the capital city of South Sudan.", "capital",
         [("Juba", "PLACE"), ("South Sudan", "PLACE")]),
        ("Baker joined the band Cream in 1966. Cream was inducted in 1993 into the Rock and Roll Hall of Fame.",
         "inducted", [("Cream", "ORG"), ("Rock and Roll Hall of Fame", "ORG")]),
        ("Strong winds hit the coast of Texas on Monday. Strong gusts damaged 300 homes in Texas.", "gusts",
         [("Texas", "PLACE")]),
    ],
    ids=["a town the article names elsewhere", "a band the article introduces", "a common word"],
)  # fmt: skip
def test_a_name_opening_a_sentence_is_the_name_the_article_writes_elsewhere(body, fragment, entities):
    assert [(e["text"], e["type"]) for e in _entities(body, fragment)] == entities


@pytest.mark.parametrize(
    ("body", "fragment", "entities"),
    [
        ("He was not at the arena, where the Utah Jazz were to play against the Oklahoma City Thunder on Monday.",
         "arena", [("Utah Jazz", "ORG"), ("Oklahoma City Thunder", "ORG")]),
        ("The NBA's decision followed a Utah Jazz player testing positive for the virus on Wednesday.", "decision",
         [("NBA", "ORG"), ("Utah Jazz", "ORG")]),
        ("The bill must pass the U.S. Senate and the U.S. Federal government must sign it by May.", "bill",
         [("U.S.", "PLACE"), ("Senate", "ORG"), ("Federal", "MISC")]),
        ("Guests included fashion designer Tim Gunn and Grateful Dead drummer Mickey Hart on Monday.", "Guests",
         [("Tim Gunn", "PERSON"), ("Grateful Dead", "ORG"), ("Mickey Hart", "PERSON")]),
        ("The man set himself on fire near the Washington Monument on Wednesday.", "fire",
         [("Washington Monument", "PLACE")]),
    ],
    ids=["teams named after their cities", "a team after 'a'", "a place before a body or an adjective",
         "a band before its member", "a monument"],
)  # fmt: skip
def test_bodies_and_places_named_after_a_place_or_before_a_member(body, fragment, entities):
    assert [(e["text"], e["type"]) for e in _entities(body, fragment)] == entities


def test_each_name_a_list_of_firms_holds_is_a_business():
    body = (
        "German firms including Deutsche Bahn, Deutsche Telekom, Daimler, and Siemens have announced plans to pull "
        "out of Iran by May."
    )

    assert [(e["text"], e["type"]) for e in _entities(body, "pull out")] == [
        ("German", "NORP"),
        ("Deutsche Bahn", "ORG"),
        ("Deutsche Telekom", "ORG"),
        ("Daimler", "ORG"),
        ("Siemens", "ORG"),
        ("Iran", "PLACE"),
    ]


def test_a_name_before_bin_is_the_person_later_on():
    body = (
        "On Friday, Qaboos bin Said, the long-serving Sultan of Oman, died aged 79. Prayers were held at the Sultan "
        "Qaboos Grand Mosque in Muscat. Qaboos became Sultan in 1970 after overthrowing his father."
    )

    assert ("Qaboos", "PERSON") in [(e["text"], e["type"]) for e in _entities(body, "became Sultan")]


@pytest.mark.parametrize(
    ("body", "fragment", "name", "kind"),
    [
        ("The quake damaged 20 buildings in the city of Izmir, Turkey on Friday. A tsunami flooded 12 streets of Samos "
         "and Izmir.", "tsunami", "Izmir", "PLACE"),
        ("Ten students won places in Neurosurgery at the university in Moscow on Monday. The academic "
         "department of Neurosurgery takes 3 winners. Ten neurosurgery students won in May.", "takes 3", "Neurosurgery",
         "MISC"),
    ],
    ids=["a town the article places elsewhere", "a word the article also writes in lower case"],
)  # fmt: skip
def test_a_name_left_misc_is_the_place_the_article_makes_it_elsewhere(body, fragment, name, kind):
    assert (name, kind) in [(e["text"], e["type"]) for e in _entities(body, fragment)]
