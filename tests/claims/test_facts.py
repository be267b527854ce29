"""Structured facts: quantities, dates, entities, language; the rules behind each claim's fields."""

import datetime as dt

import pytest

from apps.claims.nlp.dates import find_dates
from apps.claims.nlp.entities import find_entities
from apps.claims.nlp.language import looks_english
from apps.claims.nlp.quantities import find_quantities
from apps.claims.nlp.segment import split_sentences

TUESDAY = dt.date(2012, 12, 11)


def _values(text):
    return [(q["qualifier"], q["value"], q["unit"]) for q in find_quantities(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the violence has killed at least 40,000 people", [(">=", 40000, "people")]),
        ("vetoed three UN Security Council resolutions", [("=", 3, "resolutions")]),
        ("a 20-month-old uprising against Assad", [("=", 20, "months")]),
        ("two recent meetings of officials", [("=", 2, "meetings")]),
        ("more than 1.5 million refugees", [(">", 1_500_000, "refugees")]),
        ("unemployment fell to 3.5 percent", [("=", 3.5, "percent")]),
        ("a loan of $2 billion", [("=", 2_000_000_000, "USD")]),
        ("nearly 500 soldiers", [("~", 500, "soldiers")]),
        ("limits abortions to cases with two doctors' approval", [("=", 2, "doctors")]),
        ("both parties are to hold more than a dozen primary elections", [(">", 12, "elections")]),
        ("the final victim, Andrew Kinsman, 49, was reported missing", [("=", 49, "years")]),
        ("which include 235 Democrats and 199 Republicans.", [("=", 235, "Democrats"), ("=", 199, "Republicans")]),
        ("the total number of those infected until now is 1501", [("=", 1501, "infected")]),
        # irregular plurals and areas
        ("standing six feet five inches tall", [("=", 6, "feet"), ("=", 5, "inches")]),
        ("46 people from cities within Russia", [("=", 46, "people")]),
        ("sentenced two people smugglers", [("=", 2, "smugglers")]),
        ("roughly 35,000 square feet of exhibit space", [("~", 35_000, "square feet")]),
        ("a 3,000-square-foot house", [("=", 3000, "square feet")]),
        ("winds reached 185 mph (~295 km/h)", [("=", 185, "mph"), ("=", 295, "km/h")]),
        (
            "sustained winds of 120 miles per hour (195 kilometers per hour)",
            [("=", 120, "miles per hour"), ("=", 195, "kilometers per hour")],
        ),
        ("Jong processed \u20bf7300 in membership fees", [("=", 7300, "BTC")]),
        # a bare count after a casualty verb counts people; after "died" or "dead", deaths
        ("the attack had killed twelve and injured twelve more", [("=", 12, "people"), ("=", 12, "people")]),
        ("the spokesperson claimed 190 were dead", [("=", 190, "deaths")]),
        ("another in Texas, where 5 died", [("=", 5, "deaths")]),
        ("At least seven, including four children, died.", [(">=", 7, "deaths"), ("=", 4, "children")]),
        ("the victory brings his delegate total to 86", [("=", 86, "delegates")]),
        ("Her medal tally of 12 is a record", [("=", 12, "medals")]),
        ("the crowd count was 500", [("=", 500, "")]),
        ("More than a million people attended", [(">", 1_000_000, "people")]),
        ("close to a billion dollars", [("~", 1_000_000_000, "USD")]),
        (
            "nearly half a million doses and a quarter of a million infections",
            [("~", 500_000, "doses"), ("=", 250_000, "infections")],
        ),
        ("half a dozen people", [("=", 6, "people")]),
        ("won by a two-party vote", [("=", 2, "parties")]),
        # ages after "age" or after a person described between commas; weights in pounds; magnitudes
        ("She broke her leg in a collision at age 12.", [("=", 12, "years")]),
        ("This past Friday, the princess, 67, announced her candidacy", [("=", 67, "years")]),
        ("The oldest weighed 82 pounds (37 kg).", [("=", 82, "pounds"), ("=", 37, "kg")]),
        ("a loan of 40 million pounds", [("=", 40_000_000, "GBP")]),
        ("Ministers will weigh a 40 million pounds bailout.", [("=", 40_000_000, "GBP")]),
        ("The Senate passed the resolution 51 to 49 votes.", [("=", 51, ""), ("=", 49, "votes")]),
        ("an earthquake of reported magnitude 4.9 in the city", [("=", 4.9, "magnitude")]),
        ("the final tally was 86", [("=", 86, "")]),
        ("Ginger Baker died in a hospital at the age of 80", [("=", 80, "years")]),
        ("he was imprisoned in 2018 when he was 18.", [("=", 18, "years")]),
        # a year-like number before a counted plural is a count, not after a name, determiner or preposition
        (
            "Out of these, 1846 persons were hospitalized and 1720 had been discharged",
            [("=", 1846, "persons"), ("=", 1720, "persons")],
        ),
        ("there were 1885 aftershocks.", [("=", 1885, "aftershocks")]),
        (
            "Of the six delegates, Sanders secured four with about 63% of the vote",
            [("=", 6, "delegates"), ("=", 4, "delegates"), ("~", 63, "percent")],
        ),
        ("an earlier toll of 27 dead", [("=", 27, "deaths")]),
        ("some estimated death tolls exceeded 100", [(">", 100, "deaths")]),
        ("up to 12 hours", [("<=", 12, "hours")]),
        ("a payout of one million rubles", [("=", 1_000_000, "RUB")]),
        ("the number of refugees in neighbouring countries has passed 500,000", [(">", 500_000, "refugees")]),
        ("the death toll has topped 40,000", [(">", 40_000, "deaths")]),
        ("inflation exceeded 5% in May", [(">", 5, "percent")]),
        ("the cultures were kept at 28° Celsius", [("=", 28, "°C")]),
        ("temperatures fell below -5 °C overnight", [("<", -5, "°C")]),
        ("it was -5 °C and 100°F by noon", [("=", -5, "°C"), ("=", 100, "°F")]),
        ("growth was \u22120.3 percent in 10-20 regions", [("=", -0.3, "percent"), ("between", 10, "regions")]),
        ("the ship turned 90 degrees", [("=", 90, "degrees")]),
        ("in an 80%-20% mixture", [("=", 80, "percent"), ("=", 20, "percent")]),
        ("he served in World War Two. Two people died.", [("=", 2, "people")]),
        ("at 10:30 BST, Article 5 and Resolution 2254 were cited by 15 members", [("=", 15, "members")]),
        ("a storm surge of 18 to 23 feet", [("between", 18, "feet")]),
        ("an estimated two to three hundred vehicles", [("between", 200, "vehicles")]),
        ("reconstruction will cost between US$300 and 400 billion.", [("between", 300_000_000_000, "USD")]),
        ("a festival spread between 4 venues over three days", [("=", 4, "venues"), ("=", 3, "days")]),
        ("prices rose 40% over 10 years", [("=", 40, "percent"), ("=", 10, "years")]),
        ("jailed for over 3 years, 8 years ago", [(">", 3, "years"), ("=", 8, "years")]),
        ("the hearing lasted over 3 hours", [(">", 3, "hours")]),
        ("3,728 measles cases, 53 measles related deaths", [("=", 3728, "cases"), ("=", 53, "deaths")]),
        (
            "leaving at least 15,000 stranded at ports and 32 hospitalised",
            [(">=", 15000, "people"), ("=", 32, "people")],
        ),
        ("all but one of the sixteen on-board died", [("=", 16, "people")]),
        # "posed" is no unit; the two are a part of the three bills before them
        ("three bills, and the two posed by critics", [("=", 3, "bills"), ("=", 2, "bills")]),
        # "recorded" is no unit; the tally counts what the count before it counted
        (
            "11,187 recorded accidents, with 198 recorded last week",
            [("=", 11187, "accidents"), ("=", 198, "accidents")],
        ),
        ("an 18 year old half back after the seven hour drive", [("=", 18, "years"), ("=", 7, "hours")]),
        ("estimates ranging from 45% to 60% destruction", [("between", 45, "percent")]),
        ("injured people ranging in age from eleven to 75", [("between", 11, "years")]),
        ("Phivolcs reported the earthquake's magnitude was 5.5", [("=", 5.5, "magnitude")]),
        ("around seven or eight percent of staff", [("between", 7, "percent")]),
        ("two percent in the September 25\u201327 L\u00e9ger poll, up to 2015 on Fox", [("=", 2, "percent")]),
        ("up to 2015 people were evacuated", [("<=", 2015, "people")]),
        ("10-20 people of the twenty-sixth dynasty", [("between", 10, "people")]),
        ("unemployment rose from 5 to 7 percent", [("=", 5, ""), ("=", 7, "percent")]),
        ("the measles R0 is about 12\u201318", [("between", 12, "R0")]),
        (
            "it damaged seven health facilities and ten commercial buildings.",
            [("=", 7, "facilities"), ("=", 10, "buildings")],
        ),
        ("the toll rose to 6 following the landslide", [("=", 6, "")]),
        ("a 5.3-magnitude quake", [("=", 5.3, "magnitude")]),
        ("the total number of confirmed deaths surpassed 100,000", [(">", 100_000, "deaths")]),
        ("it banned two teenage chess players when she was two-and-a-half", [("=", 2, "players")]),
        # Dollars of other countries, and other currency signs.
        ("the winners received C$10,000 and A$5 million", [("=", 10_000, "CAD"), ("=", 5_000_000, "AUD")]),
        ("it raised nearly CDN$11,000 and \u20b9200", [("~", 11_000, "CAD"), ("=", 200, "INR")]),
        # A model's number is part of its name; a poll figure after a name is still a count.
        ("the Boeing 737-800 jet and the Boeing 737 Max carried 176 people", [("=", 176, "people")]),
        ("Biden 51%, Trump 47%", [("=", 51, "percent"), ("=", 47, "percent")]),
        # A capitalised plural is what is counted; a house number is not a count.
        (
            "with 231 Democrats supporting it, and 194 Republicans opposing it",
            [("=", 231, "Democrats"), ("=", 194, "Republicans")],
        ),
        ("a spokesman for 10 Downing Street said 12 ministers agreed", [("=", 12, "ministers")]),
        ("home to people for a few hundred years", [(">", 100, "years")]),
        ("a five-foot tusk and a six-inch blade", [("=", 5, "feet"), ("=", 6, "inches")]),
        # A part of a whole counts what the whole counts.
        (
            "he won 39 of the state's 40 delegates and all 25 of Nevada's delegates",
            [("=", 39, "delegates"), ("=", 40, "delegates"), ("=", 25, "delegates")],
        ),
        # A rate is one quantity.
        (
            "fifteen suicides per 100,000 people, and six per 100,000",
            [("=", 15, "suicides per 100,000 people"), ("=", 6, "per 100,000")],
        ),
        ("down by two points \u2013 12 points to 10", [("=", 2, "points"), ("=", 12, "points"), ("=", 10, "points")]),
        # A number after a name with a verb or preposition next is the name's: "Bell 206 came down".
        ("the Bell 206 came down near Interstate 80 around noon; all 189 on board died", [("=", 189, "people")]),
        # An elided noun is the one counted just before, but an age counts years.
        ("Warren earned 8 delegates, Biden earned 6.", [("=", 8, "delegates"), ("=", 6, "delegates")]),
        ("five girls, all aged fifteen, died", [("=", 5, "girls"), ("=", 15, "years")]),
        # A name, then a bare number ending the clause: an age, unlike the name's score or a count of things.
        ("Walter Munk was 101 and died of pneumonia.", [("=", 101, "years")]),
        ("Biden was 51 points ahead.", [("=", 51, "points")]),
        ("Dinualdo Gutierrez would have been 80 on February 20.", [("=", 80, "years")]),
        # but a name inside its clause is no one whose age it gives
        ("The high temperature in Phoenix was 118 on Monday.", [("=", 118, "")]),
        ("Forecasters said Dorian was 5 on Sunday.", [("=", 5, "")]),
        ("Police said John Smith was 34.", [("=", 34, "years")]),
        ("Her son David was 12.", [("=", 12, "years")]),
        ("Vincent van Gogh was 37.", [("=", 37, "years")]),
        # Counts whose noun is left out: the dead, the injured, those aboard, votes, ages in a range.
        ("81 had lost their lives.", [("=", 81, "deaths")]),
        ("A total of 39 are confirmed dead.", [("=", 39, "deaths")]),
        ("33 died, with five seriously injured.", [("=", 33, "deaths"), ("=", 5, "people")]),
        ("At least 12 feared dead.", [(">=", 12, "deaths")]),
        ("Officials counted 12 reported deaths in the county.", [("=", 12, "deaths")]),
        ("There were 3 presumed cases in the town.", [("=", 3, "cases")]),
        ("with both eleven and twelve reported by industry sources", [("=", 11, ""), ("=", 12, "")]),
        ("Two people died and five seriously injured this morning.", [("=", 2, "people"), ("=", 5, "people")]),
        ("The firm's 12 seriously injured workers sued.", [("=", 12, "workers")]),
        ("The legislature voted 66 to 27 on Friday.", [("=", 66, "votes"), ("=", 27, "votes")]),
        # a number word in a name counts nothing; an adjective in -ous is no unit
        ("The Group of Six started in the 1970s.", []),
        ("three of the twelve access lanes were reserved", [("=", 3, "lanes"), ("=", 12, "lanes")]),
        ("Around one million indigenous people live there.", [("~", 1_000_000, "people")]),
        # a participle or an adjective after the count is not what is counted
        ("The trial was one of three facing the lawyer.", [("=", 3, "trials")]),
        ("80% of the 452 available district council seats", [("=", 80, "percent"), ("=", 452, "seats")]),
        ("Voters turned out more than 2.9 million strong to vote.", [(">", 2_900_000, "people")]),
        ("It will join its currently 386 strong Netto chain.", [("=", 386, "")]),
        # a tally written with hyphens is two counts of votes, not a unit "to"
        ("The vote passed primarily along party lines, 230-to-198.", [("=", 230, "votes"), ("=", 198, "votes")]),
        ("The Senate voted 51-to-49 to acquit.", [("=", 51, "votes"), ("=", 49, "votes")]),
        ("It passed by votes of 230-to-197.", [("=", 230, "votes"), ("=", 197, "votes")]),
        # ages: after who the person is, between commas, and after "now"
        ("Hagan, North Carolina's first female Democratic Senator, was 66.", [("=", 66, "years")]),
        ("The judge sentenced James Alex Fields, now 22, to life in prison.", [("=", 22, "years")]),
        ("Phoenix, the state capital, was 118 on Friday.", [("=", 118, "")]),
    ],
)
def test_quantities_are_normalised(text, expected):
    assert _values(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "on June 30 in Geneva",
        "on 30 June",
        "Rocky Linux will run on x86-64 processors",
        "police reported Friday morning, local time (UTC+0900)",
        "From roughly 1948 to 1951, Guy was the endings editor",
        "the castle was built in about 1850",
        "The Electronic Commerce Directive 2000 provides protections",
        "his 2008 and 2010 runs for Congress",
        "the 2019 elections were held",
        "CentOS 8's end of life was moved",
        "in 2012 the war",
        "December 11, 2012",
        "one of the envoys",
        "running from August 22 to 25",
        "on December 5 and 6",
        "a Category 5 hurricane in Round 4",
        "the United Nations Security Council resolution 2259 and world ranking number 27",
        "a one in a million chance, thanks a million",
        "it is a category 3 hurricane",
        "two-legged running and a three-pronged attack",
        "three-dimensional structures, a two-sided deal",
        # telephone numbers, airliners, footnotes, named areas and phases
        "The parents phoned 911 and urged anyone to contact police by calling 101",
        "The 737 Max had not crashed before; the aircraft uses the A300 and 747",
        "They published a detailed map[3] of the sites",
        "The folklore surrounding Area 51; a phase three was planned",
    ],
)
def test_dates_and_ambiguous_ones_are_not_quantities(text):
    assert find_quantities(text) == []


def test_a_count_of_airliners_and_a_bracketed_number_after_a_space_are_amounts():
    quantities = find_quantities("Boeing delivered 747 jets in [3] batches.")

    assert [q["value"] for q in quantities] == [747, 3]
    assert quantities[0]["unit"] == "jets"


def test_a_count_after_called_is_an_amount_not_a_telephone_number():
    quantities = find_quantities("Police called 30 witnesses and the union called 12 strikes.")

    assert [(q["value"], q["unit"]) for q in quantities] == [(30, "witnesses"), (12, "strikes")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a name's number before a singular noun is no count
        ("the Crew Dragon was launched via a Falcon 9 rocket from the Kennedy Space Center", []),
        ("the first spacewalk as part of the Soviet Union's Voskhod 2 mission", []),
        ("To convert a CentOS 8 system to Rocky Linux 8, run a single command", []),
        ("in the northbound lanes of Interstate 75 close to Alachua", []),
        ("the Apollo 11 astronauts returned", [("=", 11, "astronauts")]),
        # years of an era are no counts
        ("common in Egypt from about 664 b.c.e. to 250 c.e., from the twenty-sixth dynasty", []),
        ("Caesar was killed in 44 BC", []),
        # a quake's number is its magnitude
        ("a magnitude 5.2 earthquake hit Puerto Rico", [("=", 5.2, "magnitude")]),
        ("including a 6.4 quake that hit on January 7", [("=", 6.4, "magnitude")]),
        ("the landslide caused by the 5.0 earthquake", [("=", 5, "magnitude")]),
        ("two quakes struck the island", [("=", 2, "quakes")]),
        # where, or a verb, is not what a number counts, but whoever a virus infected are people
        (
            "The virus infected around 35,000 worldwide in at least 28 countries.",
            [("~", 35000, "people"), (">=", 28, "countries")],
        ),
        ("the prosecutor said the 36 must face charges", [("=", 36, "")]),
        ("the 36 people infected included 26 army personnel", [("=", 36, "people"), ("=", 26, "personnel")]),
    ],
)
def test_names_numbers_eras_magnitudes_and_places_are_read_as_they_are(text, expected):
    assert _values(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Sanders came in second in Iowa, securing 12 of the state's 41 pledged delegates.",
            [("=", 12, "delegates"), ("=", 41, "delegates")],
        ),
        ("Four of the injured remain in hospital", [("=", 4, "people")]),
        ("over 244 thousand coronavirus cases were recorded", [(">", 244_000, "cases")]),
        ("The album peaked at #19 on the Billboard charts, selling 10 million copies", [("=", 10_000_000, "copies")]),
    ],
)
def test_a_part_of_pledged_delegates_coronavirus_cases_and_a_chart_rank(text, expected):
    assert _values(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("SARS-CoV-2 infected tens of thousands.", [(">", 10_000, "people")]),
        ("Thousands of people had gathered outside the National Congress", [(">", 1_000, "people")]),
        ("thousands of Hong Kong protesters wearing black gathered", [(">", 1_000, "protesters")]),
        ("don't hold hundreds of thousands of federal workers hostage", [(">", 100_000, "workers")]),
        ("selling tens of millions of records", [(">", 10_000_000, "records")]),
        (
            "Puerto Rico has had dozens of earthquakes over magnitude 4.5",
            [(">", 12, "earthquakes"), ("=", 4.5, "magnitude")],
        ),
        ("At least a dozen people died and scores more were injured.", [(">=", 12, "people"), (">", 20, "people")]),
    ],
)
def test_a_count_by_its_order_of_magnitude_is_more_than_it(text, expected):
    assert _values(text) == expected


def test_a_number_after_a_place_and_a_comma_is_no_age():
    quantities = find_quantities("21 injured in Davao del Sur, 36 in North Cotabato and 29 in South Cotabato")

    assert "years" not in [q["unit"] for q in quantities]


def test_quantity_keeps_its_text():
    assert find_quantities("killed at least 40,000 people.")[0]["text"] == "at least 40,000 people"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("in meetings Thursday with Lavrov", "2012-12-06"),
        ("Kommersant reported Tuesday", "2012-12-11"),
        ("talks in Cambodia last month", "2012-11"),
        ("the June 30 Geneva declaration", "2012-06-30"),
        ("on 3 March 2011", "2011-03-03"),
        ("since March 2011", "2011-03"),
        ("the talks will resume on Friday", "2012-12-14"),
        ("the storm was forecast to reach the coast on Thursday", "2012-12-13"),
        ("the virus may cause 32,000 more deaths by August 4", "2013-08-04"),
        ("the election will be held on January 10", "2013-01-10"),
        ("the Brexit deadline is January 31", "2013-01-31"),
        ("the December 1 agreement is void", "2012-12-01"),
        ("the January 31 deadline was missed", "2012-01-31"),
        ("the vote will be held in November", "2013-11"),
        ("the ruling is expected in February", "2013-02"),
        ("Biden announced his plan to pick a woman on Friday", "2012-12-07"),
        ("the Senate was to meet Monday", "2012-12-10"),
        ('on Friday Erdogan said, "we will change its name"', "2012-12-07"),
        ("he was developing plans to attack, including the attack on December 7th", "2012-12-07"),
        ("last year", "2011"),
        ("it happened yesterday", "2012-12-10"),
        ("in November", "2012-11"),
        ("on December 8, the company announced plans to cut jobs", "2012-12-08"),
        ("the state of emergency was expected to end on December 1", "2012-12-01"),
    ],
)
def test_dates_resolve_against_the_article_date(text, value):
    assert [d["value"] for d in find_dates(text, published_on=TUESDAY)] == [value]


def test_a_weekday_in_the_name_of_an_event_is_no_date():
    found = find_dates("After Super Tuesday and Good Friday, the vote on Tuesday stood.", published_on=TUESDAY)

    assert [d["text"] for d in found] == ["on Tuesday"]


@pytest.mark.parametrize(
    ("text", "published_on"),
    [
        ("The ministry said yesterday that 5 ports closed last week.", dt.date(1, 1, 1)),
        ("The ministry will meet on Friday and 5 ports will close next week.", dt.date(9999, 12, 31)),
        ("The talks close next month.", dt.date(9999, 12, 31)),
        ("The talks opened last year.", dt.date(1, 6, 1)),
    ],
)
def test_relative_dates_past_the_calendars_edge_resolve_to_nothing(text, published_on):
    found = find_dates(text, published_on=published_on)

    assert found
    assert all(d["value"] is None for d in found)


def test_a_year_keeps_its_hedge():
    found = find_dates("From roughly 1948 to 1951, Guy was the endings editor.", published_on=TUESDAY)

    assert [d["value"] for d in found] == ["1948", "1951"]


def test_years_joined_by_and_are_each_a_date():
    found = find_dates(
        "He ran for Congress in 2008 and 2010, for the Senate in 2012, 2014 and 2016, and was mayor from 2017 to 2020.",
        published_on=TUESDAY,
    )

    assert [d["value"] for d in found] == ["2008", "2010", "2012", "2014", "2016", "2017", "2020"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("the governor signed an order delaying the election until June", "2020-06"),
        ("events have been planned in the city until December", "2020-12"),
        ("he was the envoy to the coalition until December", "2019-12"),
        ("the festival in December drew crowds", "2019-12"),
        # an intention looks ahead from when it was held
        ("Biden said he planned to announce his choice around August 1", "2020-08-01"),
        ("the senator said she intended to retire in September", "2020-09"),
        ("his presidential term was to end in August", "2020-08"),
        ("Parliament would meet briefly in early September", "2020-09"),
        ("the rocket may be ready to launch by late August", "2020-08"),
        ("long before my joining the lab in March of 2016", "2016-03"),
    ],
)
def test_a_later_month_is_last_years_unless_it_is_a_deadline_ahead(text, value):
    april_article = dt.date(2020, 4, 7)

    assert [d["value"] for d in find_dates(text, published_on=april_article)] == [value]


def test_the_verb_may_after_a_number_is_not_a_date():
    assert find_dates("containing COVID-19 may require a new approach", published_on=TUESDAY) == []
    assert find_dates("on 19 May", published_on=TUESDAY) == [{"text": "19 May", "value": "2012-05-19"}]


def test_relative_dates_without_an_article_date_have_no_value():
    assert find_dates("the meeting on Thursday", published_on=None) == [{"text": "on Thursday", "value": None}]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Joe Biden would be sworn into office on January 20", "2021-01-20"),
        ("UNICEF reported they had delivered 105 thousand doses to Samoa by November 22", "2020-11-22"),
        ("Maryland rescheduled most of its primary races to June 2", "2021-06-02"),
        ("They were originally planned for April 28", "2021-04-28"),
        ("a report on March 3 in which they said they had no plans to introduce limits", "2020-03-03"),
        ("a model that was updated earlier projects 32,000 deaths by August 4", "2021-08-04"),
    ],
)
def test_plans_deadlines_and_moved_dates_in_an_early_january_article(text, value):
    january_article = dt.date(2021, 1, 5)

    assert [d["value"] for d in find_dates(text, published_on=january_article)] == [value]


def test_the_next_month_of_a_story_is_no_date_of_the_calendar():
    assert find_dates("The next month, the party nominated a new ticket", published_on=TUESDAY) == []


def test_a_capitalised_week_is_a_name_not_a_date():
    assert find_dates("Bob Hughes told Kamloops This Week that 170 died this year", published_on=TUESDAY) == [
        {"text": "this year", "value": "2012"}
    ]


@pytest.mark.parametrize(
    ("text", "published_on", "values"),
    [
        # a weekday and the date it falls on are one day, ahead or back
        (
            "the trial could commence on Tuesday, January 21, subject to agreement",
            dt.date(2020, 1, 15),
            ["2020-01-21", "2020-01-21"],
        ),
        ("they last saw him on the preceding Saturday, August 17", dt.date(2019, 8, 24), ["2019-08-17", "2019-08-17"]),
        ('Tomorrow, a Tuesday, is referred to as "Super Tuesday"', dt.date(2020, 3, 2), ["2020-03-03", "2020-03-03"]),
        # a date that is not that weekday leaves the weekday alone
        ("on Friday, August 17, it rained", dt.date(2019, 8, 24), ["2019-08-23", "2019-08-17"]),
    ],
)
def test_a_weekday_next_to_the_day_it_names_is_that_day(text, published_on, values):
    assert [d["value"] for d in find_dates(text, published_on=published_on)] == values


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The two parents were arrested in January of last year", "2019-01"),
        ("a similar fire in Cork in August last year", "2019-08"),
        ("The decision is expected in June of this year.", "2020-06"),
        ("protests since June of this year", "2020-06"),
        ("it may next year be ready", "2021"),
    ],
)
def test_a_month_of_last_or_this_year_is_that_month(text, value):
    april_article = dt.date(2020, 4, 20)

    assert [d["value"] for d in find_dates(text, published_on=april_article)] == [value]


@pytest.mark.parametrize(
    ("text", "context", "values"),
    [
        (
            "After his arrest on Friday, he appeared in court on the next day.",
            "",
            [("on Friday", "2012-12-07"), ("the next day", "2012-12-08")],
        ),
        (
            "On Friday, the judge reconsidered his decision made the previous day.",
            "",
            [("On Friday", "2012-12-07"), ("the previous day", "2012-12-06")],
        ),
        (
            "the withdrawal first announced seven days earlier on October 6",
            "Also on October 13, the US announced a complete withdrawal.",
            [("seven days earlier", "2012-10-06"), ("October 6", "2012-10-06")],
        ),
        (
            "The next day, the party nominated Cohen for vice president.",
            "On May 23, the party nominated Jorgensen.",
            [("The next day", "2012-05-24")],
        ),
        (
            "Three days later, a second party nominated the duo.",
            "The ticket was nominated on June 20.",
            [("Three days later", "2012-06-23")],
        ),
        # no day named before: nothing to count from; a month or a week names no day
        ("The injured elephant died two days later.", "", []),
        ("The next day, Trump delivered a speech.", "Rioters set fire to a church in June.", []),
        # counted from an event, which names no day
        ("The move came two days after the WHO declared a pandemic.", "It rained on Friday.", []),
    ],
)
def test_a_day_counted_from_the_last_day_named_before(text, context, values):
    found = find_dates(text, published_on=TUESDAY, context=context)

    assert [(d["text"], d["value"]) for d in found] == values


def test_what_may_go_on_into_a_later_month_goes_on_ahead():
    january_article = dt.date(2020, 1, 17)

    found = find_dates(
        "The survey said the earthquakes may continue into early February.", published_on=january_article
    )
    assert [d["value"] for d in found] == ["2020-02"]
    found = find_dates("The quakes continued into early February.", published_on=january_article)
    assert [d["value"] for d in found] == ["2019-02"]


def test_a_newspaper_named_today_is_no_date():
    assert find_dates("USA Today noted the commission's scope", published_on=TUESDAY) == []
    assert find_dates("Today, I am leaving the race", published_on=TUESDAY) == [
        {"text": "Today", "value": "2012-12-11"}
    ]


def test_the_verb_may_is_not_a_month():
    assert find_dates("Assad may use chemical weapons", published_on=TUESDAY) == []


@pytest.mark.parametrize(
    "text",
    [
        'The governor tweeted, "Today, I signed into law the Human Life Protection Act."',
        'He said, "I am glad, because it made me the person I am today."',
        'DeWine wrote, "to conduct an election tomorrow would force poll workers to take a risk."',
        '"After yesterday\'s vote, it is clear who should win," he said.',
    ],
)
def test_a_quoted_today_or_yesterday_is_the_speakers_not_the_articles(text):
    assert find_dates(text, published_on=TUESDAY) == []


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("They select their nominees for the 2020 United States presidential election.", ["2020"]),
        ("He wrote several songs on Bob Dylan's 2009 release Together Through Life.", ["2009"]),
        ("They tried to add the question to the upcoming 2020 census.", ["2020"]),
        ("In a 2006 interview with magazine The Bark, Day said she was fine.", ["2006"]),
        ("He grew it through his 2008 and 2010 runs for Congress.", ["2008", "2010"]),
        # a count measured, not a year
        ("The 2000 km long pipeline is to connect the fields with Crete.", []),
        ("The 1900 people were evacuated.", []),
    ],
)
def test_a_year_before_the_noun_it_dates_is_a_date(text, values):
    assert [d["value"] for d in find_dates(text, published_on=TUESDAY)] == values


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("His current term was through 2021.", ["2021"]),
        ("Violence rose in various cities throughout 2020.", ["2020"]),
        ("Deutsche Welle reported in mid-2019 that 62 outlets had closed.", ["2019"]),
        ("The study combined data from 2005 through 2015.", ["2005", "2015"]),
        # counts after the same words
        ("The committee went through 2000 pages of evidence.", []),
        ("Crews laid pipe in 2000 km of trenches.", []),
    ],
)
def test_years_through_throughout_and_in_part_of_a_year(text, values):
    assert [d["value"] for d in find_dates(text, published_on=TUESDAY)] == values


@pytest.mark.parametrize(
    ("text", "published_on", "value"),
    [
        ("This past August, he won the promotion's TNT Championship.", dt.date(2020, 12, 28), "2020-08"),
        ("a shutdown lasting several weeks this past December", dt.date(2019, 2, 21), "2018-12"),
        ("Segal announced de Graaf as his running mate this past April.", dt.date(2020, 8, 31), "2020-04"),
        ("The vote is set for this coming March.", dt.date(2020, 8, 31), "2021-03"),
    ],
)
def test_this_past_and_this_coming_month(text, published_on, value):
    assert [d["value"] for d in find_dates(text, published_on=published_on)] == [value]


@pytest.mark.parametrize(
    ("text", "published_on", "value"),
    [
        # a day of the article's own week would be "on Thursday" or "this Thursday"
        ("On last Thursday, the delegations had met in Athens.", dt.date(2020, 1, 10), "2020-01-02"),
        ("Who Gives a Crap said on last Wednesday they'd run out of stock.", dt.date(2020, 3, 13), "2020-03-04"),
        ("the emergency Trump declared last Friday", dt.date(2019, 2, 21), "2019-02-15"),
        # "last" never lies ahead, whatever the sentence says will happen
        ("Last Friday's ruling will stand.", dt.date(2019, 2, 21), "2019-02-15"),
    ],
)
def test_last_weekday_is_one_before_the_articles_week(text, published_on, value):
    assert [d["value"] for d in find_dates(text, published_on=published_on)] == [value]


@pytest.mark.parametrize(
    ("text", "published_on", "value"),
    [
        ("Jong was arrested in March, 2018, in Seoul.", dt.date(2019, 10, 17), "2018-03"),
        # a span that runs to a month ahead, from an early month's article
        (
            "Pelosi proposed legislation that would fund the government through September.",
            dt.date(2019, 1, 4),
            "2019-09",
        ),
        ("They released him on bail till October.", dt.date(2019, 9, 18), "2019-10"),
        ("celebrations ongoing through April", dt.date(2019, 5, 3), "2019-04"),
        ("At the beginning of May, the pandemic was ongoing.", dt.date(2020, 6, 19), "2020-05"),
    ],
)
def test_a_month_with_its_year_after_a_comma_and_months_through_till_and_the_beginning_of(text, published_on, value):
    assert [d["value"] for d in find_dates(text, published_on=published_on)] == [value]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        (
            "In the 2016 presidential election, Sanders ran until June and didn't endorse her until July.",
            ["2016", "2016-06", "2016-07"],
        ),
        ("In 2019, outbreaks were declared in Tonga on October 22.", ["2019", "2019-10-22"]),
    ],
)
def test_a_sentence_that_opens_in_a_year_sets_its_months_in_it(text, values):
    march_article = dt.date(2021, 3, 2)

    assert [d["value"] for d in find_dates(text, published_on=march_article)] == values


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Mugabe served as its first prime minister, 1980\u20131987.", ["1980", "1987"]),
        ("a proxy averaged over the years 2005-2015", ["2005", "2015"]),
        # a range of counts, and a name with a year in it, are no years
        ("between 1800-2000 people died", []),
        ("the 2019-nCoV virus", []),
    ],
)
def test_a_range_of_years_is_each_year(text, values):
    assert [d["value"] for d in find_dates(text, published_on=TUESDAY)] == values


def test_entities_separate_titles_places_and_people():
    entities = find_entities(
        "U.S. Secretary of State Hillary Clinton met Foreign Minister Sergei Lavrov in Dublin, "
        "where they discussed the UN Security Council."
    )

    assert {"text": "U.S.", "type": "PLACE"} in entities
    assert {"text": "Hillary Clinton", "type": "PERSON"} in entities
    assert {"text": "Sergei Lavrov", "type": "PERSON"} in entities
    assert {"text": "Dublin", "type": "PLACE"} in entities
    assert {"text": "UN Security Council", "type": "ORG"} in entities


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The United Nations estimates the toll at 40,000.", {"text": "United Nations", "type": "ORG"}),
        ("The UN and Arab League envoy Lakhdar Brahimi arrived.", {"text": "Arab League", "type": "ORG"}),
        ("The African Union sent observers.", {"text": "African Union", "type": "ORG"}),
        ("Rebels said the Free Syrian Army had retreated.", {"text": "Free Syrian Army", "type": "ORG"}),
    ],
)
def test_organisations_named_with_a_nationality_or_in_several_words(text, expected):
    assert expected in find_entities(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Al-Quaety supported independence for South Yemen.", [("South Yemen", "PLACE")]),
        ("Only Turkey recognises Northern Cyprus.", [("Turkey", "PLACE"), ("Northern Cyprus", "PLACE")]),
        (
            "It was said by Santa Barbara County Sheriff Bill Brown.",
            [("Santa Barbara County", "PLACE"), ("Bill Brown", "PERSON")],
        ),
        # a district in a post stays with it; a rank before a country is a character
        ("It was ruled by U.S. District Judge Gray Miller.", [("U.S.", "PLACE"), ("Gray Miller", "PERSON")]),
        ("It was said by USCG Captain Monica Rochester.", [("USCG", "ORG"), ("Monica Rochester", "PERSON")]),
        ("The first was Captain America, a film.", [("Captain America", "MISC")]),
        # an acronym before a title is an organisation, unless it is a ship's prefix or a programme follows
        ("Their ship was previously MV Professor Albrecht Penck.", [("Albrecht Penck", "PERSON")]),
        ("It is covered by the GNU General Public License.", [("GNU General Public License", "MISC")]),
        # a town and its state before a noun; a quoted slogan ending in a full stop
        (
            "He spoke to a Charleston, South Carolina radio station.",
            [("Charleston", "PLACE"), ("South Carolina", "PLACE")],
        ),
        ('It offers incentives to "Buy American."', [("Buy American", "MISC")]),
        ("She visited the Johan Sverdrup oil field.", [("Johan Sverdrup", "PLACE")]),
        ("Israel occupies the Golan Heights.", [("Israel", "PLACE"), ("Golan Heights", "PLACE")]),
        # "of" joins a post to its country; "One of" opens no name
        (
            "In December, Crown Prince Mohammad bin Salman of Saudi Arabia accepted responsibility.",
            [("Mohammad bin Salman", "PERSON"), ("Saudi Arabia", "PLACE")],
        ),
        ("One of South Sudan's Vice Presidents commented.", [("South Sudan", "PLACE")]),
        ("Brazil joined the South American trade bloc.", [("Brazil", "PLACE"), ("South American", "NORP")]),
        # a team before a town is no town; a city's abbreviation before a post is no organisation
        ("Like the Yankees, Boston lost on Sunday.", [("Yankees", "MISC"), ("Boston", "PLACE")]),
        (
            "She lived in a Frederick, Maryland assisted living facility.",
            [("Frederick", "PLACE"), ("Maryland", "PLACE")],
        ),
        ("He ate at a Des Moines, Iowa restaurant.", [("Des Moines", "PLACE"), ("Iowa", "PLACE")]),
        # a count that opens a sentence is no part of a name
        ("Two Democrats opposed.", [("Democrats", "NORP")]),
        ("LA Mayor Eric Garcetti said so.", [("Eric Garcetti", "PERSON")]),
    ],
)
def test_compass_points_posts_ranks_towns_and_slogans_are_typed(text, expected):
    assert [(e["text"], e["type"]) for e in find_entities(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("BBC's Jonathan Marcus said so.", [("BBC", "ORG"), ("Jonathan Marcus", "PERSON")]),
        ("The Yemen-based Houthi movement said so.", [("Yemen", "PLACE"), ("Houthi", "NORP")]),
        ("Zapata crossed the English Channel on Sunday.", [("English Channel", "PLACE")]),
        ("Sweden joined the Paris Agreement.", [("Sweden", "PLACE"), ("Paris Agreement", "MISC")]),
        ("He spoke on BFM TV about Bastille Day.", [("BFM TV", "ORG"), ("Bastille Day", "MISC")]),
        ("Strong winds delayed the flight of Louis Blériot.", [("Louis Blériot", "PERSON")]),
        ("Oil facilities of Saudi Arabia's Aramco were hit.", [("Saudi Arabia", "PLACE"), ("Aramco", "MISC")]),
        (
            "Daniel Paluh, a Ph.D. candidate at the University of Florida, grew E. coli strain K-12 in CO2.",
            [("Daniel Paluh", "PERSON"), ("University of Florida", "ORG")],
        ),
        ("Oxygen (O2) and strain S288C grew at 28 C.", []),
        (
            "John F. Kennedy Jr. spoke to the Bank of England.",
            [("John F. Kennedy Jr.", "PERSON"), ("Bank of England", "ORG")],
        ),
        ("He had a plan B. Then he left.", []),
        ("((Sara Seager))  Rocky planets are rare.", [("Sara Seager", "PERSON")]),
        (
            "At 10:30 BST the Kurdish-led Syrian Democratic Forces said so.",
            [("Kurdish", "NORP"), ("Syrian Democratic Forces", "ORG")],
        ),
        ("Fans would ask, 'Is Rock Hudson ill? What are you doing?'", [("Rock Hudson", "PERSON")]),
        ("The strike hit a convoy at Baghdad International Airport.", [("Baghdad International Airport", "PLACE")]),
        ("He leads the Law and Justice Party.", [("Law and Justice Party", "ORG")]),
        (
            "Pacific Gas and Electric (PG&E) and AT&T held a Q&A.",
            [("Pacific Gas and Electric", "ORG"), ("PG&E", "ORG"), ("AT&T", "ORG")],
        ),
        (
            "A World War II-era bomber crashed at 9:54 a.m. ET under the Transitional Constitution.",
            [("World War II", "MISC"), ("Transitional Constitution", "MISC")],
        ),
        (
            "The Commission on Presidential Debates and the Committee on Monday agreed.",
            [("Commission on Presidential Debates", "ORG"), ("Committee", "ORG")],
        ),
        (
            "Shops near Gaisano Mall in the province of North Cotabato shook as the Cotabato Trench moved.",
            [("Gaisano Mall", "PLACE"), ("North Cotabato", "PLACE"), ("Cotabato Trench", "PLACE")],
        ),
        (
            "He served under President Valéry Giscard d'Estaing and visited Côte d'Ivoire.",
            [("Valéry Giscard d'Estaing", "PERSON"), ("Côte d'Ivoire", "PLACE")],
        ),
        ("I was moved by what I saw in Anna Weber's film.", [("Anna Weber", "PERSON")]),
        (
            "Zine El Abidine Ben Ali ruled Tunisia.",
            [("Zine El Abidine Ben Ali", "PERSON"), ("Tunisia", "PLACE")],
        ),
        (
            "Troops entered Bosnia and Herzegovina, then Trinidad and Tobago, but not Bosnia and Croatia.",
            [
                ("Bosnia and Herzegovina", "PLACE"),
                ("Trinidad and Tobago", "PLACE"),
                ("Bosnia", "PLACE"),
                ("Croatia", "PLACE"),
            ],
        ),
        (
            "The Islamic State of Iraq and the Levant claimed it.",
            [("Islamic State of Iraq and the Levant", "ORG")],
        ),
        (
            "Businessman Carlos De La Vega and Ana Lucia De Souza won.",
            [("Carlos De La Vega", "PERSON"), ("Ana Lucia De Souza", "PERSON")],
        ),
        (
            "Troops loyal to President Bashar al-Assad entered Tell Tamer.",
            [("Bashar al-Assad", "PERSON"), ("Tell Tamer", "PLACE")],
        ),
        (
            "He named it Operation Peace Spring and named the Kurdistan Workers' Party and People's Protection Units.",
            [
                ("Operation Peace Spring", "MISC"),
                ("Kurdistan Workers' Party", "ORG"),
                ("People's Protection Units", "ORG"),
            ],
        ),
        (
            "NATO Secretary-General Jens Stoltenberg met Queen Elizabeth II.",
            [("NATO", "ORG"), ("Jens Stoltenberg", "PERSON"), ("Elizabeth II", "PERSON")],
        ),
        ("The Court said the Prime Minister's advice to Her Majesty was unlawful.", [("Court", "ORG")]),
        (
            'Mysore Division, part of South Western Railway, chose "Each for Equal" as its theme.',
            [("Mysore Division", "ORG"), ("South Western Railway", "ORG"), ("Each for Equal", "MISC")],
        ),
        ("She is the Divisional Railway Manager.", [("Divisional Railway Manager", "MISC")]),
        ("The summit opened in Helsinki.", [("Helsinki", "PLACE")]),
        (
            "He served in World War Two and won the National Medal of Science.",
            [("World War Two", "MISC"), ("National Medal of Science", "MISC")],
        ),
        (
            "The study in journal Nature Astronomy and the US Geological Survey put the Greek quake at 28° Celsius.",
            [("Nature Astronomy", "MISC"), ("US Geological Survey", "ORG"), ("Greek", "NORP")],
        ),
        (
            "She was questioned by the Brigade de Recherche and Bishop Emeritus Dinualdo Gutierrez.",
            [("Brigade de Recherche", "ORG"), ("Dinualdo Gutierrez", "PERSON")],
        ),
        (
            "Wanda Vázquez Garced is the Secretary of Justice for Puerto Rico.",
            [("Wanda Vázquez Garced", "PERSON"), ("Puerto Rico", "PLACE")],
        ),
        (
            "Findings published in Science Advances by the Georgia Institute of Technology (GT) were cited at GT.",
            [("Science Advances", "MISC"), ("Georgia Institute of Technology", "ORG"), ("GT", "ORG")],
        ),
        (
            "First Minister of Scotland Nicola Sturgeon spoke at Hyde Park Corner.",
            [("Scotland", "PLACE"), ("Nicola Sturgeon", "PERSON"), ("Hyde Park Corner", "PLACE")],
        ),
        (
            "Mysore Divisional Railway Manager Aparna Garg and B Shiva Parvathi left Mysore Junction at 11:30 IST.",
            [("Aparna Garg", "PERSON"), ("B Shiva Parvathi", "PERSON"), ("Mysore Junction", "PLACE")],
        ),
        (
            "Immunologist Kristian Andersen of Scripps Research and Supreme Court Justice Elena Kagan agreed.",
            [
                ("Kristian Andersen", "PERSON"),
                ("Scripps Research", "ORG"),
                ("Supreme Court", "ORG"),
                ("Elena Kagan", "PERSON"),
            ],
        ),
        (
            "Actor Denzel Washington, in stage IV, sued in the Court of Appeals near Fort Lee.",
            [("Denzel Washington", "PERSON"), ("Court of Appeals", "ORG"), ("Fort Lee", "PLACE")],
        ),
        (
            "Former New York governor Larry Sharpe, Congressman Justin Amash and the National Security Advisor met.",
            [
                ("New York", "PLACE"),
                ("Larry Sharpe", "PERSON"),
                ("Justin Amash", "PERSON"),
                ("National Security Advisor", "MISC"),
            ],
        ),
        (
            "After World War II, Tropical Storm Humberto hit West Palm Beach, Republican Kevin McCarthy said.",
            [
                ("World War II", "MISC"),
                ("Tropical Storm Humberto", "MISC"),
                ("West Palm Beach", "PLACE"),
                ("Republican", "NORP"),
                ("Kevin McCarthy", "PERSON"),
            ],
        ),
        (
            "The United States of America and the Democratic Republic of Congo voted.",
            [("United States of America", "PLACE"), ("Democratic Republic of Congo", "PLACE")],
        ),
        (
            "Sally Wasef of Australia's Griffith University said Egyptians raised the birds.",
            [("Sally Wasef", "PERSON"), ("Australia", "PLACE"), ("Griffith University", "ORG"), ("Egyptians", "NORP")],
        ),
        (
            "The National Hurricane Center said Hurricane Dorian reached Category 5 on Route 2 in Florida.",
            [
                ("National Hurricane Center", "ORG"),
                ("Hurricane Dorian", "MISC"),
                ("Route 2", "PLACE"),
                ("Florida", "PLACE"),
            ],
        ),
        (
            "New Hampshire Governor Chris Sununu thanked the Marine Corps.",
            [("New Hampshire", "PLACE"), ("Chris Sununu", "PERSON"), ("Marine Corps", "ORG")],
        ),
        ("The oVert project used CT scans, DNA tests and a CT-scan of each frog.", []),
        ("David Blackburn told Discover Magazine so.", [("David Blackburn", "PERSON"), ("Discover Magazine", "ORG")]),
        # Australian states and Canadian provinces are places; an MP's name follows the title; a bill is a thing.
        (
            "MP Penny Sharpe said New South Wales and British Columbia passed the Reproductive Health Care "
            "Reform Bill.",
            [
                ("Penny Sharpe", "PERSON"),
                ("New South Wales", "PLACE"),
                ("British Columbia", "PLACE"),
                ("Reproductive Health Care Reform Bill", "MISC"),
            ],
        ),
        ("The Daily Hive and the Daily Mail reported it.", [("Daily Hive", "ORG"), ("Daily Mail", "ORG")]),
        ("He injured two women on Streatham High Road.", [("Streatham High Road", "PLACE")]),
        ("A team from University College London met.", [("University College London", "ORG")]),
        ("They released ten buffalo on the Wind River Reservation.", [("Wind River Reservation", "PLACE")]),
        (
            "Taoiseach Leo Varadkar met a worker from Cambridgeshire, England.",
            [("Leo Varadkar", "PERSON"), ("Cambridgeshire", "PLACE"), ("England", "PLACE")],
        ),
        # A name written with "The" is no person; "Citizens of" is not part of a place.
        (
            "Charlie Watts left Blues Incorporated for The Rolling Stones, English fans and Citizens of the United "
            "Kingdom said.",
            [
                ("Charlie Watts", "PERSON"),
                ("Blues Incorporated", "ORG"),
                ("Rolling Stones", "MISC"),
                ("English", "NORP"),
                ("United Kingdom", "PLACE"),
            ],
        ),
        # A name before "province" is a place; plural titles precede names.
        (
            "Representatives Eliot Engel and Adam Schiff visited Maidan Wardak province.",
            [("Eliot Engel", "PERSON"), ("Adam Schiff", "PERSON"), ("Maidan Wardak", "PLACE")],
        ),
        # Two-word countries and cities are places before a verb too, and a place word keeps them whole.
        (
            "South Sudan and New Delhi reported cases, as did Rio de Janeiro and San Diego County.",
            [
                ("South Sudan", "PLACE"),
                ("New Delhi", "PLACE"),
                ("Rio de Janeiro", "PLACE"),
                ("San Diego County", "PLACE"),
            ],
        ),
        # After "returned to" comes a place; a capital inside a word spells a product, not a person.
        (
            "He returned to Rhodesia after CentOS Stream launched and met Ron DeSantis and Paul McCartney.",
            [
                ("Rhodesia", "PLACE"),
                ("CentOS Stream", "MISC"),
                ("Ron DeSantis", "PERSON"),
                ("Paul McCartney", "PERSON"),
            ],
        ),
        # Tribes are bodies, telescopes and campaigns are things, a podcaster's name follows the title.
        (
            "Podcaster Spike Cohen watched the James Webb Telescope launch with the Northern Arapaho Tribe.",
            [("Spike Cohen", "PERSON"), ("James Webb Telescope", "MISC"), ("Northern Arapaho Tribe", "ORG")],
        ),
        (
            "Even Mysore Yard was cleaned during the Mass Vaccination Campaign.",
            [("Mysore Yard", "PLACE"), ("Mass Vaccination Campaign", "MISC")],
        ),
        ("The New York Times reported it.", [("New York Times", "ORG")]),
        (
            "Most states voted on Super Tuesday in the Neurosurgery Olympiad.",
            [("Super Tuesday", "MISC"), ("Neurosurgery Olympiad", "MISC")],
        ),
        ("Members of the House Judiciary Committee disagree.", [("House Judiciary Committee", "ORG")]),
        (
            "Pete Buttigieg, the former mayor of South Bend, Indiana, came second.",
            [("Pete Buttigieg", "PERSON"), ("South Bend", "PLACE"), ("Indiana", "PLACE")],
        ),
        (
            "The Department of Community Health Sciences and the Office of the UN High Commissioner for Refugees met.",
            [
                ("Department of Community Health Sciences", "ORG"),
                ("Office of the UN High Commissioner for Refugees", "ORG"),
            ],
        ),
        (
            "Statues of Christopher Columbus, US presidents and others fell.",
            [("Christopher Columbus", "PERSON"), ("US", "PLACE")],
        ),
        ("House of Commons Speaker John Bercow said no.", [("House of Commons", "ORG"), ("John Bercow", "PERSON")]),
        (
            "Former Vice President of the United States Joe Biden visited the U.S. Embassy in Samoa.",
            [("United States", "PLACE"), ("Joe Biden", "PERSON"), ("U.S. Embassy", "ORG"), ("Samoa", "PLACE")],
        ),
        ("I'm sure, said a man on Grenada Street.", [("Grenada Street", "PLACE")]),
        (
            "Doug Collins said on Twitter the House of Representatives votes.",
            [("Doug Collins", "PERSON"), ("Twitter", "ORG"), ("House of Representatives", "ORG")],
        ),
        # The country or body of a post is not a person.
        ("Youssef Chahed is the Prime Minister of Tunisia.", [("Youssef Chahed", "PERSON"), ("Tunisia", "PLACE")]),
        # "for the" inside an organisation's name, and between two names.
        (
            "The president of the Tunisian League for the Defence of Human Rights, Jamel Msallem, spoke.",
            [("Tunisian League for the Defence of Human Rights", "ORG"), ("Jamel Msallem", "PERSON")],
        ),
        (
            "The Court of Appeals for the D.C. Circuit ruled against President Barack Obama for the Democrats.",
            [("Court of Appeals for the D.C. Circuit", "ORG"), ("Barack Obama", "PERSON"), ("Democrats", "NORP")],
        ),
        # A name ending in a known organisation's name is one; a post's organisation is not part of it.
        (
            "A Kataeb Hezbollah official met Dave Lewis, CEO of Tesco, and The Daily Telegraph reported it.",
            [("Kataeb Hezbollah", "ORG"), ("Dave Lewis", "PERSON"), ("Tesco", "ORG"), ("Daily Telegraph", "ORG")],
        ),
        ("Last April, Islam was discussed in Washington D.C.", [("Islam", "NORP"), ("Washington D.C.", "PLACE")]),
        ("It cost US$473 and CDN$11,000 in Canada.", [("Canada", "PLACE")]),
        (
            "The Academy Award-winning film told of the Iran Hostage Crisis.",
            [("Academy Award", "MISC"), ("Iran Hostage Crisis", "MISC")],
        ),
        (
            "Engineer Eric Bodenstab joined a Black Lives Matter march in Washington DC.",
            [("Eric Bodenstab", "PERSON"), ("Black Lives Matter", "ORG"), ("Washington DC", "PLACE")],
        ),
        (
            "The Speaker of the House met the Director of Mid Wales Tourism Partnership at the Mayo Clinic.",
            [("House", "ORG"), ("Mid Wales Tourism Partnership", "ORG"), ("Mayo Clinic", "ORG")],
        ),
        # A first name after a relative is a person; regional names and races end in a place or event word.
        (
            "Her husband Siarhei was arrested in Tyumen Oblast before the Chicago Marathon.",
            [("Siarhei", "PERSON"), ("Tyumen Oblast", "PLACE"), ("Chicago Marathon", "MISC")],
        ),
        (
            "Ryan Cloutier of the Harvard\u2013Smithsonian Center for Astrophysics discussed the Russia\u2013Ukraine "
            "talks and US-China trade.",
            [
                ("Ryan Cloutier", "PERSON"),
                ("Harvard\u2013Smithsonian Center for Astrophysics", "ORG"),
                ("Russia", "PLACE"),
                ("Ukraine", "PLACE"),
                ("US", "PLACE"),
                ("China", "PLACE"),
            ],
        ),
        ("Co-author Jing-Shan Zhao said so.", [("Jing-Shan Zhao", "PERSON")]),
        # roles, events and common abbreviations are no people or organisations
        (
            "He offered DVD's to VIP attendees as a Production Assistant at the Costume Ball.",
            [("Production Assistant", "MISC"), ("Costume Ball", "MISC")],
        ),
        (
            'The leader of Roman Catholic Christianity in the Holy See said "[...] Instead, we act." on the '
            "island of Grand Bahama.",
            [("Roman Catholic Christianity", "NORP"), ("Holy See", "ORG"), ("Grand Bahama", "PLACE")],
        ),
        # a title in quotation marks, not speech or a nickname; an initial that is also a pronoun
        (
            'Wayne A. I. Frederick watched "A Tribute For a King" and said "Jacques Chirac is part of history" '
            'of a man identified only as "P Wilson".',
            [
                ("Wayne A. I. Frederick", "PERSON"),
                ("A Tribute For a King", "MISC"),
                ("Jacques Chirac", "PERSON"),
                ("P Wilson", "PERSON"),
            ],
        ),
        # a relative's first name; adjectives, plural titles and the next sentence's first word are no names
        (
            "His widow, Denise, cited Congressional limits, Treason, Bribery and two Presidents in Washington, "
            "D.C. It is long past time.",
            [
                ("Denise", "PERSON"),
                ("Treason", "MISC"),
                ("Bribery", "MISC"),
                ("Washington", "PLACE"),
                ("D.C.", "PLACE"),
            ],
        ),
        (
            "It led to the South Korean website and the Western Mindanao Command.",
            [("South Korean", "NORP"), ("Western Mindanao Command", "ORG")],
        ),
        # a name that holds "and", but not two names joined by it
        (
            "The nominees of the Life and Liberty Party met the Secret Service and US Park Police near the U.S. "
            "Securities and Exchange Commission.",
            [
                ("Life and Liberty Party", "ORG"),
                ("Secret Service", "ORG"),
                ("US Park Police", "ORG"),
                ("U.S. Securities and Exchange Commission", "ORG"),
            ],
        ),
        (
            "On Wednesday, Time magazine named Native American leaders, and Rocky Linux shipped on the Crew Dragon.",
            [("Time", "ORG"), ("Native American", "NORP"), ("Rocky Linux", "MISC"), ("Crew Dragon", "MISC")],
        ),
        # posts before a name; a province's abbreviation
        (
            "In B.C., Kamloops Constable Gary Gray met Chief Executive Carrie Lam and the Executive Branch.",
            [("B.C.", "PLACE"), ("Gary Gray", "PERSON"), ("Carrie Lam", "PERSON"), ("Executive Branch", "ORG")],
        ),
        # programmes and bodies are no people, though a department before a minister's name is the post's
        (
            "The Public Health Infobase and the Emergency Response Benefit were cited by Minister of Information "
            "Moammar al-Eryani and Kristian Andersen of Scripps Research at the Space Shuttle launch.",
            [
                ("Public Health Infobase", "MISC"),
                ("Emergency Response Benefit", "MISC"),
                ("Moammar al-Eryani", "PERSON"),
                ("Kristian Andersen", "PERSON"),
                ("Scripps Research", "ORG"),
                ("Space Shuttle", "MISC"),
            ],
        ),
        (
            "Libertarian candidates reached the District of Columbia, Politico reported.",
            [("Libertarian", "NORP"), ("District of Columbia", "PLACE"), ("Politico", "ORG")],
        ),
        (
            "It was targeted with a captured Humvee and a US-built armoured vehicle after the Taliban captured Ghazni.",
            [("Humvee", "MISC"), ("US", "PLACE"), ("Taliban", "ORG"), ("Ghazni", "PLACE")],
        ),
        (
            "In the Catholic-majority country, archbishop Monsenor Jorge Eduardo Scheinig spoke at the Legislative "
            "Council Complex about other Latin American countries.",
            [
                ("Catholic", "NORP"),
                ("Jorge Eduardo Scheinig", "PERSON"),
                ("Legislative Council Complex", "PLACE"),
                ("Latin American", "NORP"),
            ],
        ),
        # Spanish place names, cities, posts before a place, and an outlet named with its country
        (
            "An earthquake struck Surigao del Sur near Tandag City, the Sheriff of Milwaukee County, Lee Baca, and "
            "Senior Advisors Jared Kushner told CNN Philippines.",
            [
                ("Surigao del Sur", "PLACE"),
                ("Tandag City", "PLACE"),
                ("Milwaukee County", "PLACE"),
                ("Lee Baca", "PERSON"),
                ("Jared Kushner", "PERSON"),
                ("CNN Philippines", "ORG"),
            ],
        ),
        (
            "Senate Minority Whip Dick Durbin, Arnel dela Vega and Larry Elder left the Roman Catholic cathedral.",
            [
                ("Dick Durbin", "PERSON"),
                ("Arnel dela Vega", "PERSON"),
                ("Larry Elder", "PERSON"),
                ("Roman Catholic", "NORP"),
            ],
        ),
        (
            "Many Yekaterinburgers and Puerto Rican voters backed the Honorable Pedro R. Pierluisi Urrutia.",
            [("Yekaterinburgers", "NORP"), ("Puerto Rican", "NORP"), ("Pedro R. Pierluisi Urrutia", "PERSON")],
        ),
        (
            "A Londoner and some Eastern Europeans bought shares on the London Stock Exchange in the Hague.",
            [("Londoner", "NORP"), ("Eastern Europeans", "NORP"), ("London Stock Exchange", "ORG"), ("Hague", "PLACE")],
        ),
        (
            "Born Robert Burns, countryman Lawrence Cherono sued in the Eastern District of Virginia with the "
            "Centers for Disease Control.",
            [
                ("Robert Burns", "PERSON"),
                ("Lawrence Cherono", "PERSON"),
                ("Eastern District of Virginia", "PLACE"),
                ("Centers for Disease Control", "ORG"),
            ],
        ),
        (
            "Voters in the electoral district of Groom backed the Liberal Democrats.",
            [("Groom", "PLACE"), ("Liberal Democrats", "ORG")],
        ),
        ("A robot from Oslo Fire and Rescue arrived.", [("Oslo Fire and Rescue", "ORG")]),
        (
            "He returned home to El Paso, Texas, where he is a former City Councillor.",
            [("El Paso", "PLACE"), ("Texas", "PLACE"), ("City Councillor", "MISC")],
        ),
        # the people of a place; fairs and clubs
        (
            "Many Coloradans and Parisians came to the Mini Maker Faire with the Tyler Robotics Club.",
            [
                ("Coloradans", "NORP"),
                ("Parisians", "NORP"),
                ("Mini Maker Faire", "MISC"),
                ("Tyler Robotics Club", "ORG"),
            ],
        ),
        # diseases, parties named with their country, companies, a "My" title, a post and a part of someone
        (
            "In 2016 he was diagnosed with Multiple Sclerosis during the Coronavirus Pandemic, long after "
            "Socialist Party USA named the CEO of Massey Energy, My Little Pony host Sheriff Lee Baca. Part of "
            "Donald Trump's tweet said so.",
            [
                ("Multiple Sclerosis", "MISC"),
                ("Coronavirus Pandemic", "MISC"),
                ("Socialist Party USA", "ORG"),
                ("Massey Energy", "ORG"),
                ("My Little Pony", "MISC"),
                ("Lee Baca", "PERSON"),
                ("Donald Trump", "PERSON"),
            ],
        ),
        (
            "Speaking to Agence France-Presse, a Samoan official said Houthi fighters left Sanaa, Wuhan and Omsk.",
            [
                ("Agence France-Presse", "ORG"),
                ("Samoan", "NORP"),
                ("Houthi", "NORP"),
                ("Sanaa", "PLACE"),
                ("Wuhan", "PLACE"),
                ("Omsk", "PLACE"),
            ],
        ),
        # "&" joins a firm's or an institution's name, not listed places or a list's last two names
        ("Procter & Gamble cut 500 jobs.", [("Procter & Gamble", "ORG")]),
        # a number inside a body's name before its head word, not a date's before a body
        ("The Lost 52 Project found the submarine.", [("Lost 52 Project", "ORG")]),
        ("On March 15 Police arrested 3 men.", [("Police", "ORG")]),
        ("They were inducted into the Rock & Roll Hall of Fame.", [("Rock & Roll Hall of Fame", "ORG")]),
        ("The Russia & China talks began.", [("Russia", "PLACE"), ("China", "PLACE")]),
        ("He leaves Deirdre, Wyatt & Zach.", [("Deirdre", "MISC"), ("Wyatt", "MISC"), ("Zach", "MISC")]),
        # a mayor's is a town
        ("The occupants were named by the mayor of Yartsevo.", [("Yartsevo", "PLACE")]),
        # a street after a preposition is a place; the same word ends people's names too
        ("A bus hit a bridge on Wellhouse Lane today.", [("Wellhouse Lane", "PLACE")]),
        ("The play starred Nathan Lane and Glenn Close.", [("Nathan Lane", "PERSON"), ("Glenn Close", "PERSON")]),
        ("She starred in Nathan Lane's new play.", [("Nathan Lane", "PERSON")]),
        # an election is an event, not a person; its commission is a body
        ("They protested the results of the 2020 US Presidential Election.", [("US Presidential Election", "MISC")]),
        ("The Election Commission said 3 seats were open.", [("Election Commission", "ORG")]),
        # "and" inside an organisation's purpose, but not before a person
        (
            "They met at the American Society for Biochemistry and Molecular Biology in Orlando.",
            [("American Society for Biochemistry and Molecular Biology", "ORG"), ("Orlando", "PLACE")],
        ),
        ("The Center for Science and Ana Vell met.", [("Center for Science", "ORG"), ("Ana Vell", "PERSON")]),
        # known bodies named after two places; elsewhere a body and a place are two names
        (
            "He was deputy director of the Port Authority of New York and New Jersey.",
            [("Port Authority of New York and New Jersey", "ORG")],
        ),
        ("The Bank of England and France agreed.", [("Bank of England", "ORG"), ("France", "PLACE")]),
        # heads that name amendments, directives, prisons, parishes, parliaments and parties
        ("He said the Fourteenth Amendment applies.", [("Fourteenth Amendment", "MISC")]),
        ("They met on Christmas Eve.", [("Christmas Eve", "MISC")]),
        ("He was held in Corcoran State Prison.", [("Corcoran State Prison", "PLACE")]),
        ("Flooding hit Jefferson Parish.", [("Jefferson Parish", "PLACE")]),
        ("The Lok Sabha passed the bill.", [("Lok Sabha", "ORG")]),
        ("Civic Platform won 3 seats.", [("Civic Platform", "ORG")]),
        ("Facebook Ireland Limited appealed.", [("Facebook Ireland Limited", "ORG")]),
        ("County Clare voted to leave.", [("County Clare", "PLACE")]),
        ("County Executive Ana Vell said 3 roads closed.", [("Ana Vell", "PERSON")]),
        # a compass point before a region, but not before a people or a person's name
        ("Protests spread across West Bengal.", [("West Bengal", "PLACE")]),
        ("The South Korean team won.", [("South Korean", "NORP")]),
        ("Kanye West said so.", [("Kanye West", "PERSON")]),
        # a compass point before what a name is of, and a county's office, are no places
        ("The Eastern Conference final starts today.", [("Eastern Conference", "MISC")]),
        ("The Southern Festival opened.", [("Southern Festival", "MISC")]),
        ("The County Sheriff arrested 3 men.", [("County Sheriff", "MISC")]),
        ("The County Clerk counted 300 ballots.", [("County Clerk", "MISC")]),
        # quantifiers open no name, except a disease's
        ("Multiple Iranian officials denied it.", [("Iranian", "NORP")]),
        ("Multiple Sclerosis is a disease.", [("Multiple Sclerosis", "MISC")]),
        ("A Middle Eastern diplomat spoke.", [("Middle Eastern", "NORP")]),
        ("They visited Punta Tombo.", [("Punta Tombo", "PLACE")]),
        ("Multiple Creative Commons-licensed videos are uploaded.", [("Creative Commons", "ORG")]),
        # a capital outside A-Z opens a name
        ("Minister Łukasz Szumowski spoke.", [("Łukasz Szumowski", "PERSON")]),
        # a lone name after words that say it is a person's
        ("He is survived by two sons, Wyatt and Zachary.", [("Wyatt", "PERSON"), ("Zachary", "PERSON")]),
        ("The council named his cousin, Haitham, as successor.", [("Haitham", "PERSON")]),
        ("A boy, identified only as Ivan, was rescued.", [("Ivan", "PERSON")]),
        # a people is not a person
        ("The suspects were identified as Narikuravars.", [("Narikuravars", "MISC")]),
    ],
)
def test_entity_boundaries_and_types_in_news_prose(text, expected):
    assert [(e["text"], e["type"]) for e in find_entities(text)] == expected


def test_in_a_title_case_headline_only_known_names_are_entities():
    headline = "Moscow Rejects Washington Pressure to Seek Assad's Exit, Report Says\nAssad met envoys in Cairo."

    entities = find_entities(headline, known_people=frozenset({"Assad"}))

    assert [(e["text"], e["type"]) for e in entities] == [
        ("Moscow", "PLACE"),
        ("Washington", "PLACE"),
        ("Assad", "PERSON"),
        ("Cairo", "PLACE"),
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param(
            "# Russia Blocks Resolution\n\n- Russia vetoed the draft on Monday.\n> China abstained.",
            ["Russia Blocks Resolution", "Russia vetoed the draft on Monday.", "China abstained."],
            id="markdown-and-list-markers",
        ),
        pytest.param(
            "((Wikinews)) What prompted your curiosity?\n\nNatasha Gownaris: I studied fish as a graduate "
            "student.\n\nNG: This study started in 1982.\n\nThe ratio is 3:1 at the colony.",
            [
                "What prompted your curiosity?",
                "I studied fish as a graduate student.",
                "This study started in 1982.",
                "The ratio is 3:1 at the colony.",
            ],
            id="interview-speaker-labels",
        ),
    ],
)
def test_layout_at_the_start_of_a_line_is_not_part_of_a_sentence(body, expected):
    sentences = split_sentences(body)

    assert [s.text for s in sentences] == expected
    assert all(body[s.start : s.end] == s.text for s in sentences)


def test_a_surname_seen_in_full_earlier_is_a_person():
    assert find_entities("Brahimi is seeking a solution.", known_people=frozenset({"Brahimi"})) == [
        {"text": "Brahimi", "type": "PERSON"}
    ]
    # even one that reads as the people of a place ("Berliner", like "Londoner")
    assert find_entities("On Tuesday, Berliner told NPR.", known_people=frozenset({"Berliner"}))[0] == {
        "text": "Berliner",
        "type": "PERSON",
    }


@pytest.mark.parametrize(
    "text",
    [
        "Die Regierung in Berlin hat am Dienstag neue Sanktionen gegen Syrien beschlossen, wie das Amt sagte.",
        "Le gouvernement a annoncé mardi de nouvelles sanctions contre la Syrie, selon le quotidien.",
        "El gobierno anunció el martes nuevas sanciones contra Siria, según informó el diario local.",
        "Правительство во вторник объявило о новых санкциях против Сирии, сообщила газета.",  # noqa: RUF001
    ],
)
def test_other_languages_are_recognised(text):
    assert not looks_english(text)


def test_english_and_short_text_pass_the_language_check():
    assert looks_english("Russia and China have vetoed three UN Security Council resolutions on Syria.")
    assert looks_english("Kommersant reported.")


def test_sentences_keep_offsets_and_respect_abbreviations_and_quotes():
    body = (
        'U.S. officials met Mr. Lavrov on Dec. 5. "We agreed. We will meet again," he said.\n\n'
        "John F. Kennedy spoke in the U.S. The crowd cheered."
    )

    sentences = split_sentences(body)

    assert [s.text for s in sentences] == [
        "U.S. officials met Mr. Lavrov on Dec. 5.",
        '"We agreed. We will meet again," he said.',
        "John F. Kennedy spoke in the U.S.",
        "The crowd cheered.",
    ]
    assert all(body[s.start : s.end] == s.text for s in sentences)
    assert [s.paragraph for s in sentences] == [0, 0, 1, 1]


def test_a_sentence_may_open_with_a_name_in_lower_case():
    body = (
        "He was met by Abu Mahdi al-Muhandis, who was also killed. al-Muhandis led the militia. "
        "de Klerk said so. iPhone sales rose 5%. Mr. de Klerk left, i.e. Paris fell."
    )

    assert [s.text for s in split_sentences(body)] == [
        "He was met by Abu Mahdi al-Muhandis, who was also killed.",
        "al-Muhandis led the militia.",
        "de Klerk said so.",
        "iPhone sales rose 5%.",
        "Mr. de Klerk left, i.e. Paris fell.",
    ]


def test_a_sentence_may_open_with_a_hyphenated_name_in_lower_case_but_not_after_an_abbreviation():
    body = (
        "It can fetch videos from YouTube and Vimeo.  youtube-dl is free software. "
        "The talks ended at 5 p.m. pro-government groups marched later."
    )

    assert [s.text for s in split_sentences(body)] == [
        "It can fetch videos from YouTube and Vimeo.",
        "youtube-dl is free software.",
        "The talks ended at 5 p.m. pro-government groups marched later.",
    ]


def test_a_full_stop_missing_its_space_still_ends_a_sentence_but_not_inside_a_name():
    body = "The party nominated Tiara Lusk for vice president.In the Green Party, Hawkins won. Visit Amazon.com today."

    assert [s.text for s in split_sentences(body)] == [
        "The party nominated Tiara Lusk for vice president.",
        "In the Green Party, Hawkins won.",
        "Visit Amazon.com today.",
    ]


def test_a_platform_before_a_person_named_earlier_is_two_names():
    found = find_entities("The next day on Twitter West accused his wife.", known_people=frozenset({"West"}))

    assert found == [{"text": "Twitter", "type": "ORG"}, {"text": "West", "type": "PERSON"}]


def test_a_range_of_weekdays_ends_after_it_starts():
    thursday = dt.date(2020, 2, 27)

    mourning = find_dates("Al-Sisi announced mourning, Wednesday through Friday.", published_on=thursday)
    trip = find_dates("He left on Friday and returned on Monday.", published_on=thursday)

    assert [d["value"] for d in mourning] == ["2020-02-26", "2020-02-28"]
    assert [d["value"] for d in trip] == ["2020-02-21", "2020-02-24"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a day opening the sentence before its past verb, whatever is said to come later
        ("On Wednesday, Ana Vell announced that her government will withdraw the bill.", "2019-09-04"),
        ("On Sunday in Congress, Ian Moss announced he is to send a bill in the next ten days.", "2019-09-01"),
        # a past verb right before the day, or a past verb right after it, even in a sentence that speaks of
        # what will happen ("any broader plan to")
        (
            "Reuters reported on Monday a source said the ban is not part of any broader plan to expand it.",
            "2019-09-02",
        ),
        ("Other games scheduled for Wednesday were still held.", "2019-09-04"),
        # still ahead: what will happen on the day
        ("The Senate will vote on Wednesday.", "2019-09-11"),
        ("The vote is scheduled on Wednesday.", "2019-09-11"),
        # a past participle describing something opens no past: only a verb of announcing or deciding does
        ("On Monday, the newly elected president will be sworn in.", "2019-09-09"),
        ("On Saturday, the long-awaited bridge will open.", "2019-09-07"),
    ],
)
def test_a_weekday_is_when_the_past_verb_next_to_it_happened(text, value):
    friday = dt.date(2019, 9, 6)

    assert find_dates(text, published_on=friday)[0]["value"] == value


def test_a_weekday_a_past_forecast_named_is_the_nearest_one():
    thursday = dt.date(2019, 9, 19)

    expected = find_dates("Humberto was expected to pass by Bermuda late Wednesday night.", published_on=thursday)
    planned = find_dates("The vote was planned for Saturday.", published_on=thursday)
    coming = find_dates("He will arrive on Wednesday.", published_on=thursday)

    assert [d["value"] for d in expected + planned + coming] == ["2019-09-18", "2019-09-21", "2019-09-25"]
    assert find_entities("Humberto would pass by Bermuda Wednesday night.")[-1] == {"text": "Bermuda", "type": "PLACE"}


def test_crown_is_a_title_only_before_prince_and_a_rank_before_one_unknown_word_stays_in_the_name():
    assert [e["text"] for e in find_entities("He guarded the Crown Jewels.")] == ["Crown Jewels"]
    assert [e["text"] for e in find_entities("Crown Resorts said so.")] == ["Crown Resorts"]
    assert [e["text"] for e in find_entities("The film Captain Phillips won.")] == ["Captain Phillips"]
    assert find_entities("Captain Rochester said so.", known_people=frozenset({"Rochester"})) == [
        {"text": "Rochester", "type": "PERSON"}
    ]


@pytest.mark.parametrize(
    "paragraph",
    [
        '"We won." Ian Moss said the team played well.',
        '"It is over." Officials said nothing more.',
        '"It ended." Ian Moss added his name to the list.',
        '"Enough." The Prime Minister asked the Queen for time.',
        '"We will win." Later Ian Moss wrote a letter to the board.',
    ],
)
def test_a_sentence_after_a_quotation_that_says_something_of_its_own_is_a_sentence_of_its_own(paragraph):
    closed = paragraph.index('" ') + 1

    assert [s.text for s in split_sentences(paragraph)] == [paragraph[:closed], paragraph[closed + 1 :]]


@pytest.mark.parametrize(
    "paragraph",
    [
        '"We won." Ian Moss said.',
        '"We are ready." Ana Vell told reporters on Monday.',
        '"We are ready." Ana Vell said in a statement on Monday via Twitter.',
    ],
)
def test_a_speaker_right_after_a_quotation_with_only_where_and_when_stays_with_it(paragraph):
    assert [s.text for s in split_sentences(paragraph)] == [paragraph]


def test_an_age_before_a_name_is_no_part_of_it_and_makes_a_given_name_a_person():
    found = find_entities("Fourteen-year-old Zoe and 23-year-old Ana Vell were hurt in the crash.")

    assert found == [{"text": "Zoe", "type": "PERSON"}, {"text": "Ana Vell", "type": "PERSON"}]


def test_a_bodys_head_and_a_post_followed_by_what_it_is_of_name_one_body():
    found = find_entities("The aircraft broke apart, according to the Directorate General of Civil Aviation.")

    assert [entity["text"] for entity in found] == ["Directorate General of Civil Aviation"]


def test_an_administrator_is_a_post_between_a_body_and_a_person():
    found = find_entities("NASA Administrator Jim Bridenstine said the next mission may be ready by August.")

    assert found == [{"text": "NASA", "type": "ORG"}, {"text": "Jim Bridenstine", "type": "PERSON"}]


def test_a_name_before_a_work_noun_is_the_work_unless_it_opens_with_a_given_name():
    entities = find_entities("It preceded the aforementioned Black Panther film, a Steven Spielberg film of 1998.")

    assert {"text": "Black Panther", "type": "MISC"} in entities
    assert {"text": "Steven Spielberg", "type": "PERSON"} in entities


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Caloundra defeated Wynnum 45 points to 24 in their Round 4 match.", [(45, "points"), (24, "points")]),
        ("The bill passed by 230 votes to 202 on Tuesday.", [(230, "votes"), (202, "votes")]),
        ("Sales rose from 5 percent to 7 last year.", [(5, "percent"), (7, "percent")]),
        ("The toll rose to 12 this week.", [(12, "")]),
    ],
    ids=["a score", "a vote", "a change", "a week is no unit"],
)
def test_the_number_after_to_counts_what_the_one_before_it_counted(text, expected):
    assert [(q["value"], q["unit"]) for q in find_quantities(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The storm injured 21 people in Leyte, 36 in Samar and 12 in Cebu.",
            [(21, "people"), (36, "people"), (12, "people")],
        ),
        (
            "Marches drew 250 thousand protesters in Paris, 100 thousand in Lyon, and 2 million across France.",
            [(250000, "protesters"), (100000, "protesters"), (2000000, "protesters")],
        ),
        ("Sanders won 39 of New Mexico's 54 delegates on Saturday.", [(39, "delegates"), (54, "delegates")]),
        ("Only 908 of the 2240 attendees wore a costume.", [(908, "attendees"), (2240, "attendees")]),
        ("He scored 21 points in the first half, 36 years after his father did.", [(21, "points"), (36, "years")]),
    ],
    ids=["a list of places", "a list with scales", "a part of a whole", "a part of the whole", "not a list"],
)  # fmt: skip
def test_items_of_a_list_and_parts_of_a_whole_count_what_it_counts(text, expected):
    assert [(q["value"], q["unit"]) for q in find_quantities(text)] == expected


@pytest.mark.parametrize(
    ("text", "name", "person"),
    [
        ("Police said Sergey was 17 years old when he joined the group in 2015.", "Sergey", True),
        ("The couple, Richard and Lisa Parry, drove 14 hours to the rally.", "Richard", True),
        ("She was nominated for the Oscar in 1960 for her role in the comedy.", "Oscar", False),
        ("Parker is a former Marine who worked in warehouses until 2002.", "Marine", False),
        ("The convention moved from Charlotte to Jacksonville in June.", "Charlotte", False),
    ],
    ids=["a given name alone", "a given name before a full name", "an award", "a service", "a city"],
)
def test_a_given_name_alone_is_a_person_but_not_an_award_a_service_or_a_place(text, name, person):
    found = {e["text"]: e["type"] for e in find_entities(text)}

    assert name in found
    assert (found[name] == "PERSON") is person


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ('"The search is complete," Deputy Emergency Situations Minister Alexander Petrov told TASS on Wednesday.',
         "Alexander Petrov"),
        ("US Special Representative for Iran Brian Hook said the warrants were a propaganda stunt.", "Brian Hook"),
        ("Prosecutor Kama Melly QC said the victims were vulnerable.", "Prosecutor Kama Melly QC"),
    ],
    ids=["a post, then the speaker", "a post of a place, then the speaker", "a barrister's post-nominal"],
)  # fmt: skip
def test_a_speaker_named_after_a_capitalised_post_or_with_a_post_nominal_is_a_person(text, person):
    assert {"text": person, "type": "PERSON"} in find_entities(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He pleaded guilty to 29 out of 30 federal hate crime charges.", [(29, "charges"), (30, "charges")]),
        ("The laboratory found 7 out of 20 suspected cases positive.", [(7, "cases"), (20, "cases")]),
        ("She was convicted of possessing 1,000 or more kilograms of marijuana.", [(1000, "kilograms")]),
        ("The party has not reached the ballot in five or more states since 1984.", [(5, "states")]),
        ("Four of the deceased were from overseas.", [(4, "people")]),
        ("Wong and three of his co-authors have started a company.", [(3, "co-authors")]),
    ],
    ids=["out of", "out of, a modifier first", "or more", "or more, in words", "of the deceased", "a hyphenated noun"],
)  # fmt: skip
def test_a_count_out_of_a_whole_of_a_group_or_with_or_more_counts_the_noun_after_it(text, expected):
    assert [(q["value"], q["unit"]) for q in find_quantities(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The deceased were aged nine, ten, two aged fourteen, 49, and 59.",
            [(9, "years"), (10, "years"), (2, "people"), (14, "years"), (49, "years"), (59, "years")],
        ),
        ("Among voters between the ages of 17 and 29, he won the most.", [(17, "years"), (29, "years")]),
        ("Two cases were aged above 60, two between 51 and 60.",
         [(2, "cases"), (60, "years"), (2, "cases"), (51, "years")]),
    ],
    ids=["a list of ages", "ages of two bounds", "a count after an age, then their ages"],
)  # fmt: skip
def test_the_next_items_of_a_list_of_ages_are_ages(text, expected):
    assert [(q["value"], q["unit"]) for q in find_quantities(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("thousands of Swedes eventually joined the protest.", [(">", 1_000, "Swedes")]),
        ("At dissolution, there were 8 independent MPs", [("=", 8, "MPs")]),
        ("with a 22 points to 10 win over Maroochydore", [("=", 22, "points"), ("=", 10, "points")]),
        ("defeated by an SNP candidate with a 149 vote margin.", [("=", 149, "votes")]),
        ("each carrier was limited to 80 of other people\u2019s ballots", [("=", 80, "ballots")]),
        ("there was a 17% survival rate and a Six Flags theme park", [("=", 17, "percent"), ("=", 6, "theme")]),
        ("thousands of Hong Kong protesters gathered", [(">", 1_000, "protesters")]),
    ],
    ids=["a people's plural", "an acronym's plural", "a score before a win", "a count before a noun",
         "other people's", "a percent before a noun stays one", "names before the plural"],
)  # fmt: skip
def test_the_counted_noun_of_peoples_acronyms_scores_and_counts_before_a_noun(text, expected):
    assert _values(text) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("Depression Three formed over the Bahamas this weekend", "2019-07-23", [("this weekend", "2019-W29")]),
        ("A memorial was held at a ceremony this weekend in Columbia.", "2019-06-24", [("this weekend", "2019-W25")]),
        ("G7 was already scheduled to meet this weekend.", "2019-08-24", [("this weekend", "2019-W34")]),
        ("The vote is this weekend.", "2020-05-13", [("this weekend", "2020-W20")]),
        ("Protests were held last weekend.", "2020-05-16", [("last weekend", "2020-W19")]),
        ("saying \u201cthis weekend, I'm becoming part of the couch.\u201d", "2019-09-02", []),
        ("We attended on the last weekend of July \u2014 July 27", "2019-08-05", [("July 27", "2019-07-27")]),
        ("he returned to Oman in the middle of December.", "2020-01-11", [("in the middle of December", "2019-12")]),
        ("Hamza was previously in the news at the end of July.", "2019-08-01", [("at the end of July", "2019-07")]),
        ("She wrote, \u201cLast year August 8 was one of the happiest days.\u201d", "2020-08-31",
         [("Last year", "2019"), ("August 8", "2019-08-08")]),
    ],
    ids=["a past weekend on a weekday", "a past weekend, 'was'", "a plan on the weekend itself", "a coming weekend",
         "last weekend", "a speaker's weekend", "the last weekend of a month", "the middle of a month",
         "the end of a month", "a day after 'last year'"],
)  # fmt: skip
def test_weekends_parts_of_a_month_and_a_day_of_last_year(text, published, expected):
    dates = find_dates(text, published_on=dt.date.fromisoformat(published))

    assert [(date["text"], date["value"]) for date in dates] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the depression was given only a one-in-five chance of becoming a tropical storm", [("=", 0.2, "ratio")]),
        ("a 1-in-100 year flood", [("=", 0.01, "ratio")]),
        ("a one-in-a-million chance", [("=", 0.000001, "ratio")]),
        ("The news came from his son-in-law.", []),
    ],
    ids=["in words", "in digits", "in a scale word", "no odds"],
)
def test_odds_are_the_share_they_name(text, expected):
    assert _values(text) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("The festival will be held next weekend.", "2019-06-12", [("next weekend", "2019-W25")]),
        ("The festival will be held next weekend.", "2019-06-15", [("next weekend", "2019-W25")]),
        ("The election commission is to discuss the events of this past weekend.", "2019-02-11",
         [("this past weekend", "2019-W06")]),
        ("The vote is this coming weekend.", "2019-02-11", [("this coming weekend", "2019-W07")]),
        ("Over the weekend, tributes were paid to US actor Chadwick Boseman.", "2020-09-02",
         [("Over the weekend", "2020-W35")]),
        ("Another report during the weekend said eight Mexicans died.", "2019-08-08",
         [("during the weekend", "2019-W31")]),
        ("Thousands are expected to march over the weekend.", "2019-08-08", [("over the weekend", "2019-W32")]),
        ("He said \u201cnext weekend we go home.\u201d", "2020-05-16", []),
        ("We met over the weekend of July 27.", "2019-08-05", [("July 27", "2019-07-27")]),
    ],
    ids=["next weekend on a weekday", "next weekend on a Saturday", "this past weekend", "this coming weekend",
         "over the weekend", "during the weekend, 'said'", "over the weekend ahead", "a speaker's next weekend",
         "the weekend of a day"],
)  # fmt: skip
def test_next_past_and_coming_weekends_and_over_the_weekend_are_iso_weeks(text, published, expected):
    dates = find_dates(text, published_on=dt.date.fromisoformat(published))

    assert [(date["text"], date["value"]) for date in dates] == expected


@pytest.mark.parametrize(
    ("context", "text", "expected"),
    [
        ("The election was held on November 3.", "Trump conceded the day after the election.",
         [("the day after the election", "2020-11-04")]),
        ("The blast on Monday killed 39 people.", "The tenant moved in the day before the blast.",
         [("the day before the blast", "2020-11-08")]),
        ("", "The blast on Monday killed 39 people; the tenant had moved in the day before the blast.",
         [("on Monday", "2020-11-09"), ("the day before the blast", "2020-11-08")]),
        ("Biden won Pennsylvania on Saturday.", "Trump conceded the day after the election.", []),
        ("The election was on November 3 and counting ended November 7.", "Trump conceded the day after the election.",
         []),
        ("", "The tenant moved in the day before the blast.", []),
    ],
    ids=["the election's day named", "the blast's weekday named", "in the same sentence", "another event's day",
         "two days beside the event", "no day named"],
)  # fmt: skip
def test_the_day_after_an_event_counts_from_the_day_named_for_that_event_only(context, text, expected):
    dates = find_dates(text, published_on=dt.date(2020, 11, 10), context=context)

    assert [(date["text"], date["value"]) for date in dates] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The actress recalled her season with Star Trek: The Next Generation, when they were the scrappy ones.",
         [("Star Trek: The Next Generation", "MISC")]),
        ("Subsequently, he appeared in both Avengers: Infinity War and Avengers: Endgame.",
         [("Avengers: Infinity War", "MISC"), ("Avengers: Endgame", "MISC")]),
        ("A 2018 documentary film titled Bob Lazar: Area 51 & Flying Saucers may have spurred interest.",
         [("Bob Lazar: Area 51 & Flying Saucers", "MISC")]),
        ("Sam Wilson of the Center for Microbial Oceanography: Research and Education (C-MORE) said it was unique.",
         [("Sam Wilson", "PERSON"), ("Center for Microbial Oceanography: Research and Education", "ORG"),
          ("C-MORE", "ORG")]),
        ("Searches were made of the Java Sea: All three nations offered help.", [("Java Sea", "PLACE")]),
        ("The winners were announced in Paris: Germany took gold.", [("Paris", "PLACE"), ("Germany", "PLACE")]),
        ("He told CNN: Trump is lying.", [("CNN", "ORG")]),
    ],
    ids=["a subtitle after 'The'", "two titles joined by 'and'", "a subtitle with a number and '&'",
         "a body's name with a subtitle", "a sentence after the colon", "a place on either side",
         "after a verb of saying"],
)  # fmt: skip
def test_a_name_and_its_subtitle_after_a_colon_are_one_entity(text, expected):
    assert [(entity["text"], entity["type"]) for entity in find_entities(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Paweł Adamowicz was stabbed last night whilst on stage.", [("last night", "2019-01-13")]),
        ("Vigils nationwide this evening were attended by thousands.", [("this evening", "2019-01-14")]),
        ("This morning Jacques Chirac died at home in Paris.", [("This morning", "2019-01-14")]),
        ("\u201cI informed John Bolton last night that his services are no longer needed.\u201d", []),
        ("Last Night in Soho is a film by Edgar Wright.", []),
        ("The relic has been venerated since the construction of the cathedral 900 years ago.",
         [("900 years ago", "1119")]),
        ("The disease was first recognized about two months ago in Wuhan.", [("two months ago", "2018-11")]),
        ("He was released from prison a week ago.", [("a week ago", "2019-W02")]),
        ("The ship sank five days ago.", [("five days ago", "2019-01-09")]),
        ("Saadallah came to the UK a number of years ago.", []),
    ],
    ids=["last night", "this evening", "this morning opening", "a speaker's last night", "a film's name",
         "years ago", "months ago", "a week ago", "days ago", "a number of years ago"],
)  # fmt: skip
def test_parts_of_the_day_and_times_ago_count_back_from_publication(text, expected):
    dates = find_dates(text, published_on=dt.date(2019, 1, 14))

    assert [(date["text"], date["value"]) for date in dates] == expected


@pytest.mark.parametrize(
    ("context", "text", "expected"),
    [
        ("", "The franchise expired on Monday, the same day Congress reconvened.",
         [("on Monday", "2020-05-04"), ("the same day", "2020-05-04")]),
        ("Sondland was subpoenaed on September 27.", "On the same day, Kurt Volker resigned.",
         [("the same day", "2019-09-27")]),
        ("Putin flew to Magnitogorsk on Monday.", "In a meeting that day he was told of 40 people under the rubble.",
         [("that day", "2020-05-04")]),
        ("The new policy is to take effect on December 10.", "The new rules were released later the same day.", []),
        ("Warren ended her campaign on Wednesday.", "The primaries were all held on the same day.", []),
    ],
    ids=["a day named before it", "opening the sentence", "that day, opening it", "later in the sentence",
         "the same day as one another"],
)  # fmt: skip
def test_the_same_day_is_the_day_its_sentence_named_or_the_last_one_where_it_opens_the_sentence(
    context, text, expected
):
    dates = find_dates(text, published_on=dt.date(2020, 5, 6), context=context)

    assert [(date["text"], date["value"]) for date in dates] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Air India Express flight 1344 was en-route from Dubai.", []),
        ("Caloundra defeated Maroochydore in round 3 of the season.", []),
        ("In addition, Lusk chaired region six of the party.", []),
        ("The flight 300 passengers took was late.", [("=", 300, "passengers")]),
        ("Magnitude 6.3 according to Phivolcs, it was recorded as magnitude 6.4 by the USGS.",
         [("=", 6.3, "magnitude"), ("=", 6.4, "magnitude")]),
        ("The presidency reported the magnitude of the earthquake was 6.6.", [("=", 6.6, "magnitude")]),
    ],
    ids=["a flight's number", "a round's number", "a region's number", "a plural after the number",
         "a magnitude named before", "the magnitude of the earthquake"],
)  # fmt: skip
def test_numbers_of_flights_rounds_and_regions_are_no_quantities_and_a_named_magnitude_is_one(text, expected):
    assert _values(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dozens died in the attack, reportedly conducted by the Taliban.", [(">", 12, "deaths")]),
        ("A failed coup in the country in which hundreds died.", [(">", 100, "deaths")]),
        ("At least a dozen people lost their lives and scores more were injured.",
         [(">=", 12, "people"), (">", 20, "people")]),
        ("Around twenty more, including colleague Faisal al-Thubhani, were injured.", [("~", 20, "people")]),
        ("In addition, 33 were reported injured.", [("=", 33, "people")]),
        ("Dozens of dolphins died.", [(">", 12, "dolphins")]),
    ],
    ids=["dozens died", "hundreds died", "scores more were injured", "injured after an aside",
         "reported injured", "what died named"],
)  # fmt: skip
def test_a_vague_or_bare_count_of_the_dead_or_injured_counts_deaths_or_people(text, expected):
    assert _values(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('A spokesman of "Save the Children" said the group had left.', [("Save the Children", "ORG")]),
        ('Anna Franowska of "Have no fear" told Reuters it was a start.',
         [("Anna Franowska", "PERSON"), ("Have no fear", "ORG"), ("Reuters", "ORG")]),
        ('The European Union is leaving, which has been termed Brexit for "British exit".',
         [("European Union", "ORG"), ("Brexit", "MISC"), ("British", "NORP")]),
        ('Gary Johnson answered the question with "What is Aleppo?"',
         [("Gary Johnson", "PERSON"), ("Aleppo", "PLACE")]),
    ],
    ids=["a spokesman's body", "a person's body", "a word after a name", "a question"],
)  # fmt: skip
def test_a_body_named_in_quotation_marks_after_someone_of_it_is_an_organisation(text, expected):
    assert [(entity["text"], entity["type"]) for entity in find_entities(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In other results, Maroochydore defeated Caboolture 43\u20135.", [("=", 43, "points"), ("=", 5, "points")]),
        ("University knocked of Noosa 32\u201322.", [("=", 32, "points"), ("=", 22, "points")]),
        ("Liverpool won 3-1 at home.", [("=", 3, "points"), ("=", 1, "points")]),
        ("They lost 1\u20133 to Chelsea.", [("=", 1, "points"), ("=", 3, "points")]),
        ("The Senate passed the bill 52-48 on Tuesday.", [("=", 52, "votes"), ("=", 48, "votes")]),
        ("The articles passed by votes of 230-to-197 and 229-to-198 respectively.",
         [("=", 230, "votes"), ("=", 197, "votes"), ("=", 229, "votes"), ("=", 198, "votes")]),
        ("Biden won 279 electoral votes to President Donald Trump's 214.", [("=", 279, "votes"), ("=", 214, "votes")]),
        ("Shares lost 10\u201315% of their value.", [("between", 10, "percent")]),
        ("The party won 2-3 seats.", [("between", 2, "seats")]),
    ],
    ids=["defeated", "knocked off", "won", "lost, not a range", "passed", "a second tally after 'and'",
         "the other side's by name", "a range of percent", "a range of what is named"],
)  # fmt: skip
def test_a_score_counts_points_and_a_vote_s_tally_votes(text, expected):
    assert _values(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We are not currently forking CentOS 7 because that has not changed its EOL.", []),
        ("His role as Jackie Robinson in film 42 was widely considered a breakthrough.", []),
        ("iOS 13 users were hit.", [("=", 13, "users")]),
        ("The film 300 people saw was long.", [("=", 300, "people")]),
    ],
    ids=["a product's version", "a film's title", "a plural after a version", "a plural after a film"],
)  # fmt: skip
def test_a_version_in_a_mixed_case_name_and_a_film_s_title_are_no_amounts(text, expected):
    assert _values(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The magnitude of the earthquake was 6.6 and, as of Wednesday, 1885 aftershocks had occurred since then.",
         [("=", 6.6, "magnitude"), ("=", 1885, "aftershocks")]),
        ("In 2019, 2000 protests were held.", []),
    ],
    ids=["as of a weekday", "after a year"],
)  # fmt: skip
def test_a_year_like_count_after_the_day_it_stood_on_is_a_count(text, expected):
    assert _values(text) == expected


def test_a_title_with_its_subtitle_opening_a_paragraph_is_no_speaker_label():
    body = (
        "Star Wars: The Last Jedi earned $1.3 billion worldwide.\n\n"
        "Natasha Gownaris: I've wanted to be a marine scientist since I was a child."
    )

    assert [(s.text, s.speaker) for s in split_sentences(body)] == [
        ("Star Wars: The Last Jedi earned $1.3 billion worldwide.", ""),
        ("I've wanted to be a marine scientist since I was a child.", "Natasha Gownaris"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Of the 2.8 million who voted, 85% were in favour.", [("=", 2_800_000, "people"), ("=", 85, "percent")]),
        ("All 189 on the aircraft died when the flight came down.", [("=", 189, "people")]),
        ("At least 45 were aboard, with occupants trapped for hours.", [(">=", 45, "people")]),
        ("14 have recovered so far in the country.", [("=", 14, "people")]),
        ('They arrested three for "suspicion of trespassing".', [("=", 3, "people")]),
        ("The total population of Hong Kong is about 7.5 million.", [("~", 7_500_000, "people")]),
        ("It estimated the 2020 population of the state at just over one million.", [(">", 1_000_000, "people")]),
        ("They met officers Antoine Quirin and Nicolas Redouane, 40 and 49, at an Irish pub.",
         [("=", 40, "years"), ("=", 49, "years")]),
        ("149 of the survivors have been hospitalized.", [("=", 149, "survivors")]),
        ("Wikinews has previously interviewed two of those nominees.", [("=", 2, "nominees")]),
        ("Six of the murders were sexual and five of those involved ligatures.",
         [("=", 6, "murders"), ("=", 5, "murders")]),
        ("Six of the country's eight federal district capitals sent contestants.",
         [("=", 6, "capitals"), ("=", 8, "capitals")]),
    ],
    ids=["who voted", "on the aircraft", "were aboard", "have recovered", "arrested", "a population",
         "a population at just over", "two ages after two names", "a part of a plural", "of those", "not a participle",
         "of the country's"],
)  # fmt: skip
def test_a_bare_count_of_people_and_a_part_of_a_named_whole_say_what_they_count(text, expected):
    assert _values(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("There are two priorities \u2014 1) estimating sex ratio and 2) determining the mechanisms.",
         [("=", 2, "priorities")]),
        ("They offered Spanton a tour of the police headquarters at 36 Quai des Orf\u00e8vres.", []),
        ("The party resulted in the period known as Prohibition (1919\u201333).", []),
        ("The 22-mile (35-km) journey took 22 minutes.", [("=", 22, "miles"), ("=", 35, "km"), ("=", 22, "minutes")]),
        ("The winds were 30 miles per hour, just nine shy of a tropical storm.",
         [("=", 30, "miles per hour"), ("=", 9, "")]),
    ],
    ids=["a list's markers", "an address with the street's word first", "the end of a range of years",
         "an abbreviated unit", "shy of a mark"],
)  # fmt: skip
def test_list_markers_addresses_and_the_end_of_a_range_of_years_are_no_amounts(text, expected):
    assert _values(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Two decades ago, there were about 1.5 adult male Magellanic penguins for every adult female.",
         [("=", 2, "decades"), ("~", 1.5, "penguins")]),
        ("We've been able to follow some individuals for 30+ years.", [(">=", 30, "years")]),
        ("In 18+ years of working at Seal Island, we had never seen sevengill sharks.", [(">=", 18, "years")]),
        ("Since the 4.7, we've had over 400 magnitude 2+ earthquakes.",
         [("=", 4.7, ""), (">", 400, "earthquakes"), (">=", 2, "magnitude")]),
        ("Simu Liu is to play the titular character in Marvel film Shang-Chi and the Legend of the Ten Rings (2021).",
         []),
        ("Of the Ten people questioned, four were released.", [("=", 10, "people"), ("=", 4, "people")]),
        ("The former lyricist of rock band Grateful Dead was 78.", [("=", 78, "years")]),
        ("The director's film rating was 78.", [("=", 78, "")]),
    ],
    ids=["a plural after a name that describes it", "a number and a plus", "a plus, then what is counted",
         "a count of quakes of a magnitude and more", "a number word in a title", "not after a capitalised 'Of'",
         "a post of a band was an age", "not a post's thing"],
)  # fmt: skip
def test_counted_nouns_after_names_numbers_with_a_plus_titles_and_the_age_of_a_post(text, expected):
    assert _values(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It began when we had a 4.7-magnitude earthquake there. Since the 4.7, we've had over 400 earthquakes.",
         [("=", 4.7, "magnitude"), ("=", 4.7, "magnitude"), (">", 400, "earthquakes")]),
        ("It began when we had a 4.7-magnitude earthquake there. Since the 5.1, we've had over 400 earthquakes.",
         [("=", 4.7, "magnitude"), ("=", 5.1, ""), (">", 400, "earthquakes")]),
        ("Bernie Sanders had the most delegates, with 60, followed by Biden, with 54.",
         [("=", 60, "delegates"), ("=", 54, "delegates")]),
        ("Senator Bernie Sanders had the most pledged delegates, with 60.", [("=", 60, "delegates")]),
        ("Bernie Sanders won the state, with 60.", [("=", 60, "")]),
        ("Sanders came second, earning 15 delegates for a running total of 60.",
         [("=", 15, "delegates"), ("=", 60, "delegates")]),
        ("While 54 nations have signed onto the AfCFTA, only 27 have ratified the agreement.",
         [("=", 54, "nations"), ("=", 27, "nations")]),
        ("Vigils nationwide this evening were attended by thousands.", [(">", 1000, "people")]),
        ("Millions dwell in the nation's slums.", [(">", 1_000_000, "people")]),
        ("Thousands marched through the capital on Sunday.", [(">", 1000, "people")]),
        ("The company's shares lost millions in value.", [(">", 1_000_000, "")]),
    ],
    ids=["a magnitude named again after 'the'", "not another number", "the most of a plural, then 'with'",
         "the most of a described plural", "not without what was most", "a running total",
         "'only' before a bare subject", "attended by a crowd", "what only people do: dwell",
         "what only people do: march", "not money"],
)  # fmt: skip
def test_bare_counts_named_before_as_the_most_of_something_a_total_or_by_what_people_do(text, expected):
    assert _values(text) == expected


def test_a_running_total_counts_what_the_sentence_before_counted_last():
    quantities = find_quantities("Sanders trailed him with a total of 815.", elided_unit="delegates")

    assert [(q["value"], q["unit"]) for q in quantities] == [(815, "delegates")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tesco sold its roughly 2000 Thai and 74 Malaysian stores in March.",
         [("~", 2000, "stores"), ("=", 74, "stores")]),
        ("It has 10 digital channels, and 18 FM and five AM radio stations.",
         [("=", 10, "channels"), ("=", 18, "stations"), ("=", 5, "stations")]),
        ("The company won 5 more and 10 contracts.", [("=", 5, ""), ("=", 10, "contracts")]),
        ("Police arrested 5 men and 3 women on Friday.", [("=", 5, "men"), ("=", 3, "women")]),
        ("The fire started at 5 am in the morning.", []),
        ("Over a hundred people attended the party, four of whom were injured in the shooting.",
         [(">", 100, "people"), ("=", 4, "people")]),
        ("Blind Faith played before a crowd of a hundred thousand in Hyde Park.", [("=", 100_000, "people")]),
        ("The legislature legalized terminations up to week 22 of a pregnancy.", []),
        ("Every week 20 people die on the roads.", [("=", 20, "people")]),
    ],
    ids=["a describing word before 'and'", "a band is no time of day", "not a word that counts nothing",
         "each its own noun", "a time of day", "of whom were injured", "a crowd of", "a week's number",
         "not a week's count"],
)  # fmt: skip
def test_a_count_shares_the_noun_of_the_next_and_crowds_and_those_of_whom_were_hurt_are_people(text, expected):
    assert _values(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Many thousands of anime and manga fans descended on the Toronto Congress Centre.",
         [(">", 1000, "fans", "thousands of anime and manga fans")]),
        ("They caused the deaths of hundreds of American and coalition service members.",
         [(">", 100, "members", "hundreds of American and coalition service members")]),
        ("The SDF said hundreds of ISIS (Islamic State of Iraq and Syria) fighters escaped.",
         [(">", 100, "fighters", "hundreds of ISIS (Islamic State of Iraq and Syria) fighters")]),
        ("Thousands of cats and dogs were rescued.", [(">", 1000, "cats", "Thousands of cats")]),
    ],
    ids=["two words joined before the plural", "a name and a word joined", "an abbreviation spelled out",
         "the first of two plurals"],
)  # fmt: skip
def test_a_vague_count_of_a_plural_after_joined_words_or_a_spelled_abbreviation_counts_it(text, expected):
    assert [(q["qualifier"], q["value"], q["unit"], q["text"]) for q in find_quantities(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("RIAA's notice alleged violation of 17 U.S. Code § 1201 Circumvention of copyright protection systems.", []),
        ("The notice cited 17 USC 1201 against 3 developers.", [("=", 3, "developers")]),
        ("3,728 measles cases have been reported since the outbreak with 198 recorded in the last 24 hours.",
         [("=", 3728, "cases"), ("=", 198, "cases"), ("=", 24, "hours")]),
        ("3,728 measles cases have been reported since the outbreak with 198 in hospital.",
         [("=", 3728, "cases"), ("=", 198, "cases")]),
    ],
    ids=["a title of the code and its section", "the code abbreviated", "a tally with how it was counted",
         "a tally before a preposition, as before"],
)  # fmt: skip
def test_the_code_and_its_sections_are_no_amounts_and_a_tally_counted_as_recorded_counts_the_same(text, expected):
    assert _values(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The measles R0 is about 12\u201318.", [("between", 12, "R0")]),
        ("Ebola and HIV have R0 values of about 2.", [("~", 2, "R0")]),
        ("SARS-CoV has a basic R0 estimated in the range 2\u20134 and influenza in the range 2\u20133.",
         [("between", 2, "R0"), ("between", 2, "R0")]),
        ("The butterflies occupied roughly 6.05 hectares (14.95 acres), up from 2.48 (6.12 acres) last year.",
         [("~", 6.05, "hectares"), ("=", 14.95, "acres"), ("=", 2.48, "hectares"), ("=", 6.12, "acres")]),
        ("The farm grew to 80 (200 acres).", [("=", 80, ""), ("=", 200, "acres")]),
        ('The same study also noted over 370 "jackal horns" seized in the same period.', [(">", 370, "horns")]),
        ("Out of a total of, say, 6900 [employees], we have around 650.",
         [("=", 6900, "employees"), ("~", 650, "employees")]),
        ('He was "right" 40 "times over".', [("=", 40, "")]),
        ("The millions have filled downtown streets since early this June.", [(">", 1_000_000, "people")]),
    ],
    ids=["an R0 range", "R0 values", "a second disease's R0", "converted like an amount before",
         "no amount converted before", "a quoted plural", "a bracketed plural", "quoted words, no plural",
         "a crowd filling streets"],
)  # fmt: skip
def test_r0_values_conversions_quoted_or_bracketed_plurals_and_crowds_have_units(text, expected):
    assert _values(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("As of Sunday evening, all four are in stable condition.", [("=", 4, "people")]),
        ("One was pronounced dead at the crash site, with the other three being taken to a nearby hospital.",
         [("=", 3, "people")]),
        ("There was one passenger seriously injured, and two more with minor injuries.", [("=", 2, "people")]),
        ("All four are in the final round.", [("=", 4, "")]),
        ("John Bel Edwards has arranged for 3000 of the National Guard to be available.", [("=", 3000, "people")]),
        ("As were seventeen from the Armed Forces, and two each from the Coast Guard and the National Police.",
         [("=", 17, "people"), ("=", 2, "people")]),
        ("She sold 3000 of the Nike Air shoes.", [("=", 3000, "")]),
    ],
    ids=["in a stable condition", "taken to hospital", "more with injuries", "not a condition", "of a force",
         "from forces", "not a force"],
)  # fmt: skip
def test_a_bare_count_of_the_injured_by_their_condition_or_care_or_of_a_force_counts_people(text, expected):
    assert _values(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The relic was followed by, according to reports, nearly 2000 people, perhaps some hundreds more.",
         [("~", 2000, "people"), (">", 100, "people")]),
        ("He caused the deaths of hundreds of service members and the wounding of thousands more.",
         [(">", 100, "members"), (">", 1000, "members")]),
        ("They sold 40 cars, and 12 more than last year.", [("=", 40, "cars"), ("=", 12, "")]),
    ],
    ids=["a vague count of more", "more after a joining word", "not more than"],
)  # fmt: skip
def test_a_bare_count_of_more_counts_what_the_count_before_it_counted(text, expected):
    assert _values(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("All eleven of the legislative bills filed have been stuck in Congress.", [("=", 11, "bills")]),
        ("Three of the national parks were closed.", [("=", 3, "parks")]),
        ("Three of the national guard were injured.", [("=", 3, "")]),
    ],
    ids=["an adjective in -ive", "an adjective in -al", "no plural after the adjective"],
)  # fmt: skip
def test_a_part_of_a_whole_described_by_an_adjective_counts_the_plural(text, expected):
    assert _values(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Generally, outbreaks with R0 values under 1 end on their own and those with values over 1 do not.",
         [("<", 1, "R0"), (">", 1, "R0")]),
        ("Blagojevich was sentenced to fourteen years in prison, serving eight before being granted clemency.",
         [("=", 14, "years"), ("=", 8, "years")]),
        ("There were 190 people on board, six of them crew members.", [("=", 190, "people"), ("=", 6, "people")]),
        ("Six of the murders were sexual in nature and five of those involved ligatures.",
         [("=", 6, "murders"), ("=", 5, "murders")]),
        ("He ran 100 metres and we have 8.", [("=", 100, "metres"), ("=", 8, "")]),
    ],
    ids=["R0 values before a verb and named again", "the time served of a sentence", "of them", "of those",
         "have a measure: no count of it"],
)  # fmt: skip
def test_r0_values_time_served_and_a_part_of_what_was_just_counted_count_the_same(text, expected):
    assert _values(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Total staff, I told you, is around 6900 for Mysore division.", [("~", 6900, "staff")]),
        ("Total sales stood at 1200.", [("=", 1200, "sales")]),
        ("Total bus was 40.", [("=", 40, "")]),
        ("Two cases were aged above 60, two between 51 and 60, and three 41-50 years old.",
         [("=", 2, "cases"), (">", 60, "years"), ("=", 2, "cases"), ("between", 51, "years"), ("=", 3, "cases"),
          ("between", 41, "years")]),
        ("The victims were aged 80, and 3 were injured.", [("=", 80, "years"), ("=", 3, "people")]),
    ],
    ids=["a total's noun, an aside before its verb", "a total that stood at", "no plural after total",
         "a count then the ages of those it counts", "no ages after the list"],
)  # fmt: skip
def test_a_totals_noun_counts_its_number_and_a_count_in_a_list_of_ages_counts_what_the_list_counts(text, expected):
    assert _values(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In addition to the deaths, 33 were reported hopitalised with five seriously injured.",
         [("=", 33, "people"), ("=", 5, "people")]),
        ("Over a thousand were arrested.", [(">", 1000, "people")]),
        ("Of the 40 cars, 33 were stranded.", [("=", 40, "cars"), ("=", 33, "cars")]),
    ],
    ids=["a bare count hospitalised", "a bare count arrested", "a part of another count"],
)  # fmt: skip
def test_a_bare_count_that_was_hospitalised_or_arrested_counts_people(text, expected):
    assert [(q["qualifier"], q["value"], q["unit"]) for q in find_quantities(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Fewer than two hundred showed up at the gates of the base.", [("<", 200, "people")]),
        ("About 40 turned up at the meeting.", [("~", 40, "people")]),
        ("About 300 gathered outside the court.", [("~", 300, "people")]),
        ("Over a thousand were reported to have reached Rachel.", [(">", 1000, "people")]),
        ("The 300 gathered documents were burned.", [("=", 300, "documents")]),
        ("Over 11,000 were not yet sent out.", [(">", 11000, "")]),
    ],
    ids=["showed up", "turned up", "gathered", "reported to have reached", "gathered, before a plural",
         "were sent: not people"],
)  # fmt: skip
def test_a_bare_count_that_showed_up_gathered_or_reached_a_place_counts_people(text, expected):
    assert _values(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"We had our opportunities in the 22 in that last twenty minutes", he said.', [("=", 20, "minutes")]),
        ("They spent long spells inside their own 22.", []),
        ("Protests took place in the 22 provinces.", [("=", 22, "provinces")]),
        ("The team scored 22 in the first half.", [("=", 22, "")]),
    ],
    ids=["in the 22", "inside their own 22", "the 22 provinces", "scored 22"],
)  # fmt: skip
def test_rugbys_22_is_a_place_on_the_pitch_not_a_count(text, expected):
    assert _values(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Vaccination was made free for women between 20 and 35, considered childbearing age.",
         [("between", 20, "years")]),
        ("Women between 20 and 35 make up most of the workforce.", [("between", 20, "years")]),
        ("Travel was banned for those under 19, and schools were closed.", [("<", 19, "years")]),
        ("The vaccine is offered to people over 65 first.", [(">", 65, "years")]),
        ("The company has over 65 stores.", [(">", 65, "stores")]),
        ("I had started working there when I was 19, so I was just barely in college.", [("=", 19, "years")]),
        ("He was 19 when he joined the army.", [("=", 19, "years")]),
        ("He was 1 of 12 children.", [("=", 1, "children"), ("=", 12, "children")]),
    ],
    ids=["women between", "women between, before a verb", "those under", "people over", "over, before a noun",
         "when I was", "he was, before when", "was one of"],
)  # fmt: skip
def test_people_between_under_or_over_a_number_and_a_pronoun_that_was_a_number_are_ages(text, expected):
    assert _values(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Yuan debated three competing bills, and selected one over the two posed by conservatives.",
         [("=", 3, "bills"), ("=", 2, "bills")]),
        ("They were kept in four different environments: one being air, and the other three being anaerobic.",
         [("=", 4, "environments"), ("=", 3, "environments")]),
        ("She ran 100 metres, and the 8 were counted.", [("=", 100, "metres"), ("=", 8, "")]),
        ("Bloomberg won 3 states but skipped the four earlier primaries.", [("=", 3, "states"), ("=", 4, "primaries")]),
    ],
    ids=["the two posed by", "the other three being", "after a measure", "more words after it"],
)  # fmt: skip
def test_a_smaller_number_after_the_is_a_part_of_the_larger_count_before_it(text, expected):
    assert _values(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Officials reported 95 civilians and hundreds of Taliban killed.",
         [("=", 95, "civilians"), (">", 100, "people")]),
        ("The massacres saw thousands if not tens of thousands of ethnic Ndebele killed.",
         [(">", 1000, "people"), (">", 10000, "people")]),
        ("Thousands or even millions of dollars were lost.", [(">", 1000, "dollars"), (">", 1_000_000, "dollars")]),
        ("Hundreds of Americans were killed.", [(">", 100, "Americans")]),
    ],
    ids=["hundreds of a group killed", "thousands if not tens of thousands", "or even", "a people's plural"],
)  # fmt: skip
def test_a_vague_count_of_a_named_group_that_was_killed_counts_people_and_a_second_guess_counts_the_same(
    text, expected
):
    assert _values(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He was once named one of Time's 25 most influential Americans.", [("=", 25, "Americans")]),
        ("It is one of the 10 most populous cities in the world.", [("=", 10, "cities")]),
        ("The 5 most important was this.", [("=", 5, "")]),
        ("He reached 3 percent in two qualifying polls, of which four are needed.",
         [("=", 3, "percent"), ("=", 2, "polls"), ("=", 4, "polls")]),
        ("The bus carried 40 people, of whom 30 were hurt.", [("=", 40, "people"), ("=", 30, "people")]),
    ],
    ids=["most, a people", "most, a plural", "most, no noun", "of which", "of whom"],
)  # fmt: skip
def test_a_count_before_a_superlative_counts_the_plural_after_it_and_of_which_counts_the_same_again(text, expected):
    assert _values(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The trial was one of three facing Avenatti.", [("=", 3, "trials")]),
        ("The plant is one of 5 factories in the state.", [("=", 5, "factories")]),
        ("The involved airplane is one of eighteen B-17s still in the United States.", [("=", 18, "B-17s")]),
    ],
    ids=["one of three", "one of a counted plural", "still after a named plural"],
)  # fmt: skip
def test_a_thing_that_is_one_of_a_bare_count_names_what_it_counts_and_still_is_no_unit(text, expected):
    assert _values(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He used five firearms — two semi-automatic, two shotguns and a rifle.",
         [("=", 5, "firearms"), ("=", 2, ""), ("=", 2, "shotguns")]),
        ("He has 3 professionals.", [("=", 3, "professionals")]),
    ],
    ids=["an adjective ending its phrase", "a noun in -al"],
)  # fmt: skip
def test_an_adjective_whose_noun_is_left_out_is_no_unit(text, expected):
    assert _values(text) == expected
