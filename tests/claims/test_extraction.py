"""Extraction on the seed article: what editors must get, pinned."""

import datetime as dt

import pytest

from apps.articles.parsing import parse_upload
from apps.claims.extraction import UnsupportedLanguageError, describe_claim, extract_claims
from apps.claims.models import ClaimKind
from apps.claims.nlp.atomic import piece_text, split_atomic
from apps.claims.nlp.attribution import find_attribution
from tests.timing import fastest_cpu_seconds


@pytest.fixture
def seed(seed_bytes):
    return parse_upload(seed_bytes, filename="seed.txt", max_bytes=2 * 1024 * 1024)


@pytest.fixture
def seed_claims(seed):
    return extract_claims(seed.body, published_on=seed.published_on)


def _claim(claims, *fragments):
    found = [c for c in claims if all(f in c.text for f in fragments)]
    assert len(found) == 1, f"expected one claim with {fragments}, got {[c.text for c in found]}"
    return found[0]


def test_every_span_points_into_the_body_and_relates_to_the_claim(seed, seed_claims):
    for claim in seed_claims:
        assert 0 <= claim.start < claim.end <= len(seed.body)
        assert claim.spans
        assert claim.start == min(a for a, _ in claim.spans)
        assert claim.end == max(b for _, b in claim.spans)
        for start, end in claim.spans:
            assert seed.body[start:end].strip() == seed.body[start:end]
            # The first word may be capitalised or a pronoun replaced by its subject.
            assert seed.body[start:end].split(" ", 1)[-1] in claim.text


def test_sanctions_vetoes_and_death_toll_become_three_claims(seed, seed_claims):
    sanctions = _claim(seed_claims, "resisted efforts to impose sanctions")
    vetoes = _claim(seed_claims, "vetoed three UN Security Council resolutions")
    toll = _claim(seed_claims, "killed at least 40,000 people")

    assert sanctions.text == "Russia and China have resisted efforts to impose sanctions on Syria."
    assert vetoes.text.startswith("Russia and China have vetoed three UN Security Council resolutions")
    assert "sanctions" not in vetoes.text
    assert "40,000" not in vetoes.text
    assert toll.text == "The violence has killed at least 40,000 people."
    # Each keeps its own place in the article.
    assert seed.body[toll.spans[-1][0] : toll.spans[-1][1]] == "has killed at least 40,000 people"
    assert seed.body[vetoes.spans[0][0] : vetoes.spans[0][1]] == "Russia and China"
    assert len({sanctions.spans[-1][0], vetoes.spans[-1][0], toll.spans[-1][0]}) == 3


def test_split_claims_are_typed_with_cues_and_quantities(seed_claims):
    vetoes = _claim(seed_claims, "vetoed three")
    toll = _claim(seed_claims, "40,000")

    assert vetoes.kind == ClaimKind.EVENT
    assert "vetoed" in vetoes.cues
    assert {"value": 3, "unit": "resolutions", "qualifier": "="}.items() <= vetoes.quantities[0].items()
    assert toll.kind == ClaimKind.STATISTIC
    assert toll.quantities == [{"value": 40000, "unit": "people", "qualifier": ">=", "text": "at least 40,000 people"}]


def test_bylines_dates_urls_and_no_comment_lines_are_not_claims(seed_claims):
    texts = " ".join(c.text for c in seed_claims)
    assert "not available for comment" not in texts
    assert "themoscowtimes.com" not in texts
    assert "Original url" not in texts
    assert not any(c.text.startswith(("By ", "December 11")) for c in seed_claims)


def test_attribution_is_resolved_to_the_named_outlet(seed_claims):
    first = _claim(seed_claims, "Russia resisted new U.S. appeals")
    it_said = _claim(seed_claims, "unsuccessfully lobbied Lavrov")
    the_report_said = _claim(seed_claims, "had made the appeals")

    assert first.kind == ClaimKind.ATTRIBUTION
    assert "reported" in first.cues
    assert {first.attribution, it_said.attribution, the_report_said.attribution} == {"Kommersant"}
    # "It said ..." / "The report said ...": the source moves to `attribution`, the claim keeps the content.
    assert it_said.text.startswith("Clinton also unsuccessfully lobbied Lavrov")
    assert the_report_said.text.startswith("Clinton had made the appeals")


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("Moscow refused on Wednesday to back the plan, according to a report in the business daily Kommersant.",
         "Kommersant"),
        ("According to a statement from the Syrian Observatory for Human Rights, 40 people were killed on Monday.",
         "Syrian Observatory for Human Rights"),
        ("Exports rose 12 percent last year, according to the UN trade agency.", "the UN trade agency"),
        ("The United Nations estimates that more than 40,000 people have died since March 2011.",
         "The United Nations"),
        ("Analysts in Moscow said the Kremlin had vetoed three resolutions since 2011.", "Analysts in Moscow"),
        ("At least 100 people drowned, according to a report published on Tuesday by the refugee agency UNHCR.",
         "UNHCR"),
        ("Scribes mention feeding the birds, according to Wasef archaeologists have not found any hatchery.", ""),
        ("Early reports suggested 40 people were trapped under the rubble of the school.", ""),
        ("According to a report on Wednesday by UpGuard, a cybersecurity firm, 540 million Facebook records "
         "were left on public servers.", "UpGuard"),
        ('"Walter was the most brilliant scientist I have ever known," said University of California, San '
         "Diego's chancellor, Pradeep Khosla.", "Pradeep Khosla"),
        ('"The hospital treated 300 people in 2019," said the BBC\'s chief correspondent, John Simpson.',
         "John Simpson"),
        ("Dedi Prasetyo told the BBC that 2 suspects were arrested on Thursday.", "Dedi Prasetyo"),
        ("Robert Mugabe died at 95 in Singapore, according to current president Emmerson Mnangagwa on Friday.",
         "Emmerson Mnangagwa"),
        ("USA Today noted the commission's scope allows it to include 2 million women.", "USA Today"),
        ("Tonga's parliament was suspended for 3 days according to local media.", "local media"),
        ("Mugabe was treated in Singapore for 5 months and according to the ministry he died in hospital.", ""),
        ("The ten states with the highest rates had gun ownership above 50%.", ""),
        ("The highest rate noted by the team was in Alaska, with fifteen suicides per 100,000 people.", ""),
        # the frame's closing comma left out: the body, not "the ministry recovered at least ten survivors"
        ("Rescuers, according to the ministry recovered at least ten survivors from the debris on Monday.",
         "the ministry"),
        ("According to a Twitter post by Amy Cook, director of the Learning Together event, the five-foot tusk "
         "came from the wall in Fishmongers' Hall.", "Amy Cook"),
        # an adverb between the source and its verb belongs to neither
        ("The proclamation specifically said the national emergency began on March 1.", "The proclamation"),
        ("UNESCO reportedly said a change of name would require approval from 21 members.", "UNESCO"),
        ("The family said they planned a private funeral service for 40 guests.", "The family"),
        # a speaker before the quotation, and a profession between an organisation and the speaker
        ('Ardern said, "I have instructed officials to report to Cabinet on Monday on 3 events."', "Ardern"),
        ('Bizheva said: "I give my victory to my mother, who had a stroke in 2015."', "Bizheva"),
        ('Souhail Alouini, a member of Parliament, said, "We proposed a bill in 2016 about this subject."',
         "Souhail Alouini"),
        ('The Senate Minority Leader, Chuck Schumer, said: "We made a plea to the president 3 times."',
         "Chuck Schumer"),
        ('Nancy Pelosi, the Speaker of the House, said on Friday "We are committed to 2 goals."', "Nancy Pelosi"),
        ('Kenneth Roth, Human Rights Watch, said: "We counted 40 deaths in 2019."', "Kenneth Roth"),
        ('"This is the first habitable planet with water," said UCL astronomer Angelos Tsiaras.', "Angelos Tsiaras"),
        ("\"Heartbroken and numb after 8 years,\" writes Huber's longtime tag team partner Erick Rowan on Instagram.",
         "Erick Rowan"),
        ("According to his wife, Amanda, Huber succumbed to a lung disorder unrelated to COVID-19 in 2020.", "Amanda"),
        # "its" names no one here, and Apple is not the source
        ("According to its report, Apple, Google and Microsoft lost 5 billion dollars in 2019.", ""),
        ("The Senate cancelled 2 hearings, according to a memo posted online by Senator Juan Dalmau.",
         "Senator Juan Dalmau"),
        ("Greek daily Kathimerini said Greece and Cyprus had to speed up 2 projects.", "Kathimerini"),
        ("Greece and Cyprus had to speed up 2 projects, the daily Kathimerini reported.", "Kathimerini"),
        # a source after an opening phrase, which stays in the claim
        ("In the Republican Iowa caucuses, ABC News reported Trump secured 39 of the state's 40 delegates.",
         "ABC News"),
        # a group named by where it is from; the states of a country; a source never ends in a preposition
        ("US authorities claimed more than twenty active victims were rescued.", "US authorities"),
        ("Listed US states as having members from the site were: Alabama, Arkansas and Texas.", ""),
        ("According to reports, the number of confirmed cases trails the true number of 35,000 infections.",
         "reports"),
        ("Amongst reported incidents of abuse, Cardinal George Pell was convicted for abusing 2 minors in 2018.", ""),
        # the sentence's full stop is not part of the name; an abbreviation's is
        ('"We counted 40 deaths in 2019," said Sabrina Bennoui of Reporters Without Borders.',
         "Sabrina Bennoui of Reporters Without Borders"),
        ('"We counted 40 deaths in 2019," said Cyrus R. Vance Jr.', "Cyrus R. Vance Jr."),
        # a tweet quoted is what its author said, a tweet's topic is not a claim of theirs
        ('Geingob tweeted, "I announce with sadness the passing of my comrade, who served for 2 terms."', "Geingob"),
        ("Trump tweeted about the riots that followed the death of George Floyd in 2020.", ""),
        # a post with a modifier, or a field of expertise, described between commas
        ("Russell Zimmerman, executive director of the Australian Retailers Association, said that 40 of the "
         "stores had closed.", "Russell Zimmerman"),
        ("In a report, Dr Gary Mortimer, retail expert from Queensland University of Technology, said 9 stores "
         "refill their stock every night.", "Dr Gary Mortimer"),
        # a speaker after an opening phrase
        ('Speaking to BBC Sport, Warholm said, "This was the toughest of my 3 races this year."', "Warholm"),
        ('In a statement, the SDF said, "An agreement has been reached with the government on 2 points."',
         "the SDF"),
        ("Damodar Naik, spokesperson for the Bharatiya Janata Party, said that 3 of the leaders had resigned.",
         "Damodar Naik"),
        ("According to a survey published in 2017 by the Royal Pharmaceutical Society, 84% of surveyed Britons "
         "did not wash their hands well enough.", "Royal Pharmaceutical Society"),
        ('"Our team" study co-author Tak-Sing Wong said in a press release "has developed a coating in 5 years."',
         "Tak-Sing Wong"),
        # a role in lower case between the verb and the name
        ('"Warm water is attacking the undersides of these 4 ice shelves," said study co-author Karen Alley.',
         "Karen Alley"),
        # someone unnamed, described by a post
        ('"The bridge will reopen in 2021 after 3 years of work", a transport official said.', "a transport official"),
        ("A police officer said 12 cars were damaged in the crash on Friday.", "A police officer"),
        # a comma after whom a source told, or before an aside
        ("Maria Okafor told Reuters, 14 miners were trapped when the shaft collapsed.", "Maria Okafor"),
        ("Ruritania claimed, as of Monday, it had recorded no cases among its 2 million people.", "Ruritania"),
        ("Radio Kanal reported, citing police data, there were 40 arrests on Friday.", "Radio Kanal"),
        ("As I told you, we counted 40 arrests in the first week of the campaign.", ""),
        ("Per reports, 3 soldiers died in the attack in 2019.", ""),
        # a quotation after other speech verbs, or after an aside
        ('The ministry claimed, "Nobody among the 300 workers was hurt in the blast."', "The ministry"),
        ('Amina Yusuf suggested, in an interview, "The dam could fail within 5 years."', "Amina Yusuf"),
        # what the subject said while doing something, not a passive's or a clause's subject
        ("Governor Ana Ruiz criticised the plan, saying it would cost 3 billion dollars.", "Governor Ana Ruiz"),
        ("On Monday, the Water Authority reduced supplies to 12 towns, arguing the reservoirs were too low.",
         "the Water Authority"),
        ("The port authority has yet to reopen 4 docks, adding that repairs could take until 2022.",
         "The port authority"),
        ("Election results in 4 districts were described by Ruiz as fraudulent, saying the count was rigged.", ""),
        ("Because 5 stations had closed, the staff stayed on, saying they would wait for pay.", ""),
        ("In July 2019 he met 2 envoys, one claiming to represent the ministry, in Kyiv.", ""),
        # a post with lower-case words before it, and the name after it
        ("The local health minister said 14 people were injured.", "The local health minister"),
        ("Local prosecutor Anna Berg said 3 suspects were in custody.", "Local prosecutor Anna Berg"),
        ('"We lost 2 games in a row," quipped club coach Ian Dole.', "Ian Dole"),
        ("Police alleged that 40 civilians died in the shelling.", "Police"),
        ("The alleged attacker was detained 2 hours later in Leeds.", ""),
        # a relative clause between the speaker and the verb, a quotation after a colon, openings
        ('MP Dana Kerr, who drafted the bill, said, "The law has stood for 120 years."', "MP Dana Kerr"),
        ('Governor Ana Ruiz addressed the public: "No one should drive in the 3 flooded counties."',
         "Governor Ana Ruiz"),
        ('However, as part of her ruling, Judge Ines Kolar stated, "A fine of 5,000 euros is not enough."',
         "Judge Ines Kolar"),
        ('On Friday in Izmir, at an election rally, Ozturk said, "We will build 40 new schools."', "Ozturk"),
        ('Ruritania\'s president Ana Vell said, "We have 3 new ports."', "Ruritania's president Ana Vell"),
        ('Vatican archbishop Ian Moss said, "There are 12 open cases."', "Vatican archbishop Ian Moss"),
        ("State media on Saturday reported 9 people were rescued from the flats.", "State media"),
        ("As of Monday evening, the weather service reported winds of 30 miles per hour.", "the weather service"),
        ("According to the town's first selectman, Ana Vell, there were 10 passengers aboard.", "Ana Vell"),
        ('Ian Moss, of the BBC, one of her 4 sons, stated, "She was 95 years old."', "Ian Moss"),
        ('The study was led by Rosa Lind, an ecologist at the institute, who said "We counted 40 reefs."',
         "Rosa Lind"),
        # a post, then the name of whoever holds it, between commas
        ("The Vice President, Ana Vell, said on Friday that 3 ports were closed.", "Ana Vell"),
        ('The Senate Minority Leader, Ian Moss, said on Friday "We lost 2 votes."', "Ian Moss"),
        ("One senator, Rosa Lind, said she would sue over the 4 contracts.", "Rosa Lind"),
        ("Yesterday, Ruritania's transport secretary, Ian Moss, announced that all of the 3 lines would be closed.",
         "Ian Moss"),
        # a day opening the sentence, before the source
        ("Yesterday, President Ana Vell of Ruritania said that 3 ports were closed.",
         "President Ana Vell of Ruritania"),
        # a count before "reported" is no source
        ("Meanwhile, the total reported casualties increased to 167 from a previous 93 injured people.", ""),
        # someone unnamed, described by a post of a named body or a post "for" a body
        ("A Ruritania Police spokesman said 13 students were hurt in the crash.", "A Ruritania Police spokesman"),
        ("A spokesperson for the council said 40 homes were flooded on Tuesday.", "A spokesperson for the council"),
        ('"We run 300 buses," a spokesperson for Vale Coaches said.', "a spokesperson for Vale Coaches"),
        # where the source said it: a medium after the verb, or an aside between commas
        ('Former Ruritanian Ambassador to the United Nations Ana Vell wrote on Twitter, "We lost 3 allies."',
         "Former Ruritanian Ambassador to the United Nations Ana Vell"),
        ('Senator Ian Moss spoke on Fox News, "This will cost 40 billion dollars."', "Senator Ian Moss"),
        ("The ministry, in a statement on Friday, said 40 people were arrested.", "The ministry"),
        ("Late on Sunday, President Ana Vell, in a statement delivered via her press secretary, announced 300 "
         "troops would leave.", "President Ana Vell"),
        # a day before the source is not part of it
        ("On Friday Vale Motor Company announced that 300 jobs would go.", "Vale Motor Company"),
        # a post "of" something, and the name of whoever holds it; a description between commas before
        # a quotation
        ("The mayor of Vale, Ana Vell, announced that 3 roads were closed.", "Ana Vell"),
        ('The head of the port\'s internal investigators told the court "40 containers were never checked."',
         "The head of the port's internal investigators"),
        ('Rosa Lind, an Ithaca College undergraduate who led one of the 2 studies, said "Sutures leave scars."',
         "Rosa Lind"),
        # a body's document, an opening phrase of writing, a verb of declaring with where it was written
        ("The Supreme Court decision stated 3 officials acted for a political reason.", "The Supreme Court decision"),
        ("A report alleged 40 fireworks were used.", ""),
        # verbs of remarking and recounting
        ('Ian Moss remarked, "We built 3 bridges in 2019."', "Ian Moss"),
        ('Co-developer Ana Vell recounted, "We tested 40 toilets."', "Co-developer Ana Vell"),
        ("Carl Moss also remarked that 3 sprays were needed.", "Carl Moss"),
        ('"We won 3 seats," Ana Vell declared.', "Ana Vell"),
        # "per" before what reports is "according to"; before a request or a decree it is not
        ("Per numbers reported by The Associated Press, 415 thousand of the priests in the world are subject to it.",
         "The Associated Press"),
        ("Per the decree signed by the bishop, 3 priests must report abuse.", ""),
        ("Per capita, the state spends 300 dollars on schools.", ""),
        ("Per Section 3 of the 2010 law, fines for dumping are doubled to 5000 dollars.", ""),
        ("Per Ian Moss's request, the meeting with 30 union leaders was moved to Vale.", ""),
        ("Per Radio Kanal, 3 soldiers died in the attack in 2019.", "Radio Kanal"),
        # whom a speaker named after the verb said it to is not part of the name, unless a body's name holds "to"
        ('"We counted 3 bats in the cave," said Ian Moss to Radio Kanal.', "Ian Moss"),
        ('"We counted 3 bats in the cave," said the Committee to Protect Bats.', "the Committee to Protect Bats"),
        ("In 2018 there were 10 million cases of measles, according to data from the World Health Organisation.",
         "World Health Organisation"),
        ("The bridge had 3 known cracks, according to a 1989 report from the Transport Safety Board.",
         "Transport Safety Board"),
        ("There were 40 new cases on Monday, according to the reports by the Ruritania Health Institute.",
         "Ruritania Health Institute"),
        # an opening reply, and what a body is before its name
        ('To this, Ian Moss of victim group Ending Abuse said, "The church hid 3 cases."',
         "Ian Moss of victim group Ending Abuse"),
        # a relative named after the verb; a post after a hyphenated name
        ('"This day is very hard for me, after 3 years," said his father, Ian Moss, following the ceremony.',
         "Ian Moss"),
        ('Sea-Eye spokesperson Ana Vell said "The name is a reminder of 3 deaths."', "Sea-Eye spokesperson Ana Vell"),
        # what research or a court found, and a group named by where it works
        ("The study found that 40 sharks moved in when the whites disappeared.", "The study"),
        ("Researchers in the United Kingdom established that 84% of Britons do not wash their hands well.",
         "Researchers in the United Kingdom"),
        ("Yesterday, authorities in Ruritania announced that 337 suspects in 38 countries were arrested.",
         "authorities in Ruritania"),
        ("We also showed that 40 females at the colony breed.", ""),
        # an aside naming where it was said, and a long description of the speaker
        ('Ana Vell, in remarks to Radio Kanal, said, "We counted 3 droughts since 2015."', "Ana Vell"),
        ('Ian Moss of the University of Essex, speaking to BBC, said, "There are 3 orders."',
         "Ian Moss of the University of Essex"),
        # a named body with its head noun in lower case
        ("The French Civil Security service said 2 aircraft were kept on the ground.",
         "The French Civil Security service"),
        ("Ruritania's DMCA notice alleged that 3 of the scripts were made to break the copy protection of the site.",
         "Ruritania's DMCA notice"),
        ('Ana Vell, on radio after the ride to low Earth orbit, said, "It was incredible to see 3 sunsets."',
         "Ana Vell"),
        # what the source cited, before it
        ("Citing the elephant's reduced body size, officials estimated she had starved for up to 20 days.",
         "officials"),
        # where or when the source spoke, between commas; an age is no part of a name
        ("The minister, in a rare admission on Tuesday, said that 3 of the contracts were signed without a tender.",
         "The minister"),
        ("Fourteen-year-old Ana Vell, on the top deck of the bus when it crashed, said the roof fell in on 3 rows.",
         "Ana Vell"),
        ("On Wednesday the number of deaths in the country passed 100,000, Johns Hopkins University data indicated.",
         "Johns Hopkins University data"),
        # revealed; a relative by possessive, named between commas; "As revealed" names no one
        ("The 2 suspects left the country, police revealed on Saturday.", "police"),
        ('Dunn\'s mother, Ana Vell, said on TV, "We lost 3 years."', "Ana Vell"),
        ("As revealed at trial, the parents had kept their 13 children indoors for years.", ""),
        # an opening "Reportedly," before a relative; a document that "reads"
        ("Reportedly, his family said he was in intensive care for 3 weeks in hospital.", "his family"),
        ('"He was respected by all of the 40 wrestlers", reads an AEW press release, "a fierce talent."',
         "an AEW press release"),
        ('"It is likely that there are 3 times more cases than reported", reads the report.', "the report"),
        # two lower-case words of a post between the body and its holder
        ("In an interview with the magazine, Northwestern University public health expert Ana Vell said that 3 of "
         "the names would be a stigma for the people of the city.",
         "Northwestern University public health expert Ana Vell"),
        # "went on to add"; how recently a post was taken
        ('Ana Vell went on to add, "There are 3 more caves with water."', "Ana Vell"),
        ('Newly elected Assemblywoman Ana Vell said, "We are 23 of the 42 members."',
         "Newly elected Assemblywoman Ana Vell"),
        # someone unnamed "within" a body
        ('A source within the central Interior Ministry reportedly said "We hide 40 of the deaths."',
         "A source within the central Interior Ministry"),
        # "according to" a named source inside the sentence, but not past a semicolon
        ("Bermuda was rarely hit by hurricanes according to CNN who reported that only 21 came near.", "CNN"),
        ("He was in hospital for 3 months and according to the Ministry of Foreign Affairs he died there.",
         "the Ministry of Foreign Affairs"),
        # more verbs of saying
        ("Judge Ana Vell clarified in the proceedings that the 2 sentences were not connected.", "Judge Ana Vell"),
        ("The company also acknowledged that 300 jobs would go.", "The company"),
        # what someone indicated; a body of a named place; a columnist "from" an outlet
        ("CalFire indicated the 3 injuries were minor.", "CalFire"),
        # a possessive post, and its holder's name with a particle
        ("The city's security chief, Ahmed al-Jahafi, announced on Facebook that 3 suspects were in custody.",
         "Ahmed al-Jahafi"),
        # a group after the statement, a part of the day and the local time; a group "of" something
        ("The 64-year-old mayor of the city was found dead in the hills, police reported Friday morning, local time "
         "(UTC+0900).", "police"),
        ("He died on Monday after 3 days in hospital, government officials stated.", "government officials"),
        ("Organizers of the rally said 40 buses had come.", "Organizers of the rally"),
        ("Yesterday, what organizers estimated at 1.7 million people marched.", ""),
        # a body, a post in lower case and its holder; a possessive chain before a post
        ("Florida Department of Transportation official Ian Moss said the road will be examined in 3 weeks.",
         "Florida Department of Transportation official Ian Moss"),
        ("Ruritanian Chancellor Ana Vell's spokesperson, Ian Moss, said that 3 of the airlines were banned from the "
         "country.", "Ian Moss"),
        # a group after the statement, with "have"
        ("Further charges over the 3 deaths may be laid in the future, police said.", "police"),
        ("The new jet with 3 engines was not airworthy, investigators have said.", "investigators"),
        # a time opening the sentence before a second scene-setting phrase
        ('A month later, during the third debate, Ana Vell defended her plan, saying that "We will buy back 3 '
         'million rifles."', "Ana Vell"),
        ("The city of Calabasas announced on Twitter that 9 people died.", "The city of Calabasas"),
        ("On Twitter, Ian Moss, US sport columnist from ESPN, said 9 people were aboard.", "Ian Moss"),
        ("Ana Vell, a UN rapporteur for the Office of the High Commissioner for Human Rights who had investigated "
         "the case, cautioned that 3 trials were unfair.", "Ana Vell"),
        ('Writing for the Court, Justice Ana Vell declared in the majority opinion, "not every one of the 3 acts '
         'is a crime."', "Justice Ana Vell"),
        # names that open with a capital outside A-Z, or hold a particle in lower case
        ("Health Minister Łukasz Szumowski said the hospital had treated 33 people for injuries.",
         "Health Minister Łukasz Szumowski"),
        ("The economy would grow by 3 percent next year, Émile Zola told reporters.", "Émile Zola"),
        ("Arnel dela Vega said 3 soldiers were among the 20 people killed in the bombing.", "Arnel dela Vega"),
        # the frame goes on with what the source said
        ("A total of 39 are confirmed dead, officials told state media, adding that rescuers ended their work.",
         "officials"),
        ("The Investigative Committee and the Federal Security Service (FSB) said gas caused the blast that killed 39.",
         "The Investigative Committee and the Federal Security Service (FSB)"),
        ('When asked about the 3 new models, Ana Vell told Wikinews, "We are exploring shorter timescales."',
         "Ana Vell"),
        ("Ana Vell once told The Washington Post she had made 3 films in Tehran.", "Ana Vell"),
        ('Tom Watson called the deal "lousy" and said he would vote for it only if 3 conditions were met.',
         "Tom Watson"),
        ("Hospital officials in Omsk said no traces of 3 known poisons were found.", "Hospital officials in Omsk"),
        ("José Ortiz of the island's power authority said fixing the 3 plants may take a year.",
         "José Ortiz of the island's power authority"),
        ("County sheriff Kerry Lee told the BBC even 1 percent of users attending would overwhelm the town.",
         "County sheriff Kerry Lee"),
        ("An organizer said 300 people attended the event.", "An organizer"),
        ("While in New York, President Zelensky told reporters 3 countries had offered support.",
         "President Zelensky"),
        ("Talking about the 3 new releases, Ana Vell said the team had grown quickly.", "Ana Vell"),
        ('Ana Vell had said, "3 rituals kept the disease away."', "Ana Vell"),
        ('Ana Vell, another lawyer for the victim, told reporters "3 witnesses saw it."', "Ana Vell"),
        ('One of the victims said the 3 men thought she was "nothing but a toy".', "One of the victims"),
        ('Namely, President Ana Vell said on Wednesday, "3 ministers will resign."', "President Ana Vell"),
        ('Upon arrival, Ana Vell told reporters, "We made the machine 3 years ago and now we have crossed the sea."',
         "Ana Vell"),
        ("Senator Vell's campaign said she was ending her bid after 3 primaries.", "Senator Vell's campaign"),
        ("African Export\u2013Import Bank president Okey Oramah said that the use of these currencies costs Africa "
         "$5 billion a year.",
         "African Export\u2013Import Bank president Okey Oramah"),
        ('A university student named Wong said, "3 marches were held despite the weather."',
         "A university student named Wong"),
        ('Republican committee member Doug Collins of Georgia said on Twitter, "3 votes are needed."',
         "Republican committee member Doug Collins of Georgia"),
        ("The shooting began at 10:39 a.m., according to police, who said 3 officers arrived minutes later.",
         "police"),
        ("Sixty-six people were injured yesterday according to health officials, ranging in age from 11 to 75.",
         "health officials"),
        ("76 villages were affected according to the NDRRMC report on Saturday, which listed 21 injured people.",
         "the NDRRMC"),
        ('When interviewed by the BBC, Ana Vell said of Hudson, "He kept 3 secrets all his life."', "Ana Vell"),
        # denying someone a thing is no statement; denying a charge is
        ("Congress has repeatedly denied funding for the 3 walls.", ""),
        ("Ana Vell denied the 3 charges against her.", "Ana Vell"),
        # a post however long, then its holder by name between commas
        ('The study\'s lead author, doctoral candidate Ana Vell, said, "We looked at 3 kinds of power plants."',
         "Ana Vell"),
        ("The general secretary of the RMT union (National Union of Rail, Maritime and Transport Workers), Mick "
         "Cash, said the 3 measures were nowhere near enough.", "Mick Cash"),
        ("Shapiro's widow, former tennis player Pam Shriver, said that her husband had met Trump only 3 times before "
         "he was admitted to the school.", "Pam Shriver"),
        ("In a statement, Ana Vell, his wife and the chairwoman of the state party, said that he worked for 3 "
         "decades until his last breath.", "Ana Vell"),
        ('Lead author Ana Vell of Australia\'s Griffith University explained to the press, "The ibis was one of '
         '3 gods."', "Lead author Ana Vell of Australia's Griffith University"),
        ('Speaking to Reuters, an attendee Om Prakash said, "We have been drinking it for 21 years."',
         "Om Prakash"),
        ('Offering his condolence, speaker of the parliament Ali Larijani wrote on Instagram: "The 3 years of his '
         'life were a service."', "speaker of the parliament Ali Larijani"),
        ("Retired FBI agent and terrorism specialist Ali Soufan told NPR that Hamza had appeared in 3 videos.",
         "Retired FBI agent and terrorism specialist Ali Soufan"),
        ('Mendez\'s wife Jonna Mendez, also CIA, said, "He could be from 3 different countries."',
         "Mendez's wife Jonna Mendez"),
        ("Gloria Vanderbilt died on Monday at the age of 95, her son Anderson Cooper announced.",
         "her son Anderson Cooper"),
        ("Waseem Azeem has since said that his initial confession was forced by 3 officers.", "Waseem Azeem"),
        # but not a place after a place: the place and its country stay together
        ("Officials in Paris, France, said that 3 people were hurt in the fire at the station.",
         "Officials in Paris, France"),
        # a name ending in -ing is the subject, not a participle opening the sentence
        ("Boeing did not release the 3 reports, telling Wikinews the company was cooperating.", "Boeing"),
        # noting which birds return is watching them, not saying something
        ("Since 1983, the team has banded 5,000 chicks, noting which birds return each year.", ""),
    ],
)  # fmt: skip
def test_news_attribution_phrasings_name_their_source(sentence, source):
    # "MP Dana Kerr drafted the bill" is split off a quoted speaker's frame as the article's own claim
    claim, *described_speaker = extract_claims(sentence, published_on=dt.date(2012, 12, 12))

    assert claim.attribution == source
    assert [described.attribution for described in described_speaker] == [""] * len(described_speaker)


@pytest.mark.parametrize(
    ("sentence", "texts", "source"),
    [
        ("Around 50 gallons of diesel fuel, officials said, spilled and ignited.",
         ["Around 50 gallons of diesel fuel spilled and ignited."], "officials"),
        ("Longer term, according to NASA administrator Jim Bridenstine, the goal is to cut launch costs by 40 percent.",
         ["Longer term, the goal is to cut launch costs by 40 percent."], "NASA administrator Jim Bridenstine"),
        ("One child was, according to the fire service, among the 3 dead.", ["One child was among the 3 dead."],
         "the fire service"),
        ("The bomb was placed on a motorcycle in a market, stated Minister of Information Moammar al-Eryani, and "
         "was left outside a restaurant.",
         ["The bomb was placed on a motorcycle in a market.", "The bomb was left outside a restaurant."],
         "Minister of Information Moammar al-Eryani"),
        ("At least seventeen people died and 35 were rescued, according to officials, some of whom were hospitalised.",
         ["At least seventeen people died and 35 were rescued, some of whom were hospitalised."], "officials"),
    ],
)  # fmt: skip
def test_a_frame_between_commas_is_left_out_of_the_claim_and_names_its_source(sentence, texts, source):
    claims = extract_claims(sentence)

    assert [c.text for c in claims] == texts
    assert {c.attribution for c in claims} == {source}
    # The highlighted spans skip the frame.
    assert all("said" not in sentence[a:b] and "according" not in sentence[a:b] for c in claims for a, b in c.spans)


@pytest.mark.parametrize(
    "sentence",
    [
        # What follows describes the source, so the frame is the sentence's end, not an aside.
        "The shooting began at 10:39 a.m., according to police, who said officers arrived six minutes later.",
        "Federal authorities are investigating the shooting, according to prosecutor Josh Bash, the U.S. Attorney.",
    ],
)
def test_a_frame_followed_by_its_sources_description_is_not_cut_out(sentence):
    texts = [c.text for c in extract_claims(sentence)]

    assert "according to" in texts[0]


def test_a_clause_split_off_names_its_own_source_and_a_described_source_is_not_its_own_source():
    body = (
        "The initial reports were of drone attacks, but the Saudi government said the attack used 12 cruise "
        "missiles. Jasim Uddin, a spokesperson for the fire service, told reporters 4 victims were from one family."
    )

    claims = {claim.text: claim for claim in extract_claims(body)}

    assert claims["The Saudi government said the attack used 12 cruise missiles."].attribution == (
        "The Saudi government"
    )
    assert claims["The initial reports were of drone attacks."].attribution == ""
    assert claims["Jasim Uddin is a spokesperson for the fire service."].attribution == ""


@pytest.mark.parametrize(
    "sentence",
    [
        "Scans revealed a broken leg and two cracked ribs after the hiker fell 30 metres from the path.",
        "The results indicated a rise of 12 percent in the number of cases in the region over the last year.",
        "The army asserted control over 3 districts of the city after a week of heavy fighting.",
        "The home side conceded 2 goals in the last ten minutes of the match against the league leaders.",
        "Congressman Ian Moss contended for the party's presidential nomination for 3 months last year.",
    ],
)
def test_a_verb_of_saying_with_a_thing_as_its_object_names_no_source(sentence):
    (claim,) = extract_claims(sentence, published_on=dt.date(2012, 12, 12))

    assert claim.attribution == ""


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("The audit revealed that the agency had spent $2 million on consultants without any tender.", "The audit"),
        ("The ministry conceded it had lost the records of 3,000 patients during the move last year.", "The ministry"),
        ('The mayor revealed in a post on the city website, "We have 3 weeks of water left in the reservoirs."',
         "The mayor"),
        ("The company indicated that, after the merger, 400 of its workers in the state would lose their jobs.",
         "The company"),
        ("Ian Moss, in remarks to The Washington Post, contended he would have died had he not been armed that "
         "night in 2020.", "Ian Moss"),
    ],
)  # fmt: skip
def test_the_same_verbs_before_what_was_said_name_their_source(sentence, source):
    (claim,) = extract_claims(sentence, published_on=dt.date(2012, 12, 12))

    assert claim.attribution == source


def test_a_passive_is_not_an_attribution_frame():
    (claim,) = extract_claims("The attack was claimed by the Houthi movement in Yemen on 14 September.")

    assert claim.attribution == ""


def test_someone_reported_missing_is_no_attributed_statement():
    (claim,) = extract_claims("The final victim, LGBT activist Andrew Kinsman, was quickly reported missing in 2017.")

    assert (claim.kind, claim.attribution) == (ClaimKind.OTHER, "")


def test_gallery_captions_and_credit_lines_are_never_claims():
    body = (
        "More than 30,000 fans attended the convention in Toronto in 2019.\n\n"
        "Rey from Star Wars: The Force Awakens\n\n"
        '"She did not lie," the court found on Friday after a 3-week trial.\n\n'
        "\u2014One of the victim's lawyers\n\n"
        "501st Legion members\n\n"
        "Fans paid US$50 a day for entry"
    )

    texts = [claim.text for claim in extract_claims(body)]

    assert "Rey from Star Wars: The Force Awakens" not in texts
    assert "501st Legion members" not in texts  # a present tense in a caption states nothing
    assert not any(text.startswith("\u2014") for text in texts)
    assert "More than 30,000 fans attended the convention in Toronto in 2019." in texts
    assert "Fans paid US$50 a day for entry" in texts


def test_a_credit_line_under_a_quotation_is_no_claim_even_when_it_names_what_happened():
    body = (
        "The mayor of Gdansk was stabbed on stage on Sunday night and died in hospital on Monday.\n\n"
        "\u2014\u0141ukasz Szumowski on the failed efforts to save the mayor's life\n\n"
        "\u2014Zinichev calling a temporary halt to rescue work ahead of emergency stabilisation works"
    )

    texts = [claim.text for claim in extract_claims(body)]

    assert texts == ["The mayor of Gdansk was stabbed on stage on Sunday night and died in hospital on Monday."]


@pytest.mark.parametrize(
    "sentence",
    [
        "Professor Jo Jorgensen of South Carolina answered some questions about her campaign from accredited Tribune "
        "reporter William S. Saturn.",
        "With the Tribune, Mohr discussed how his nomination for vice president came about in Michigan.",
        "With the Tribune, de Graaf discusses why he joined the Bread and Roses Party in Ohio.",
        "The Tribune contacted Boeing in an effort to establish the plane's initial configuration in Iran.",
        "The Tribune caught up with biologist Natasha Gownaris of Gettysburg College to learn more.",
        "The Tribune has contacted the Indonesian Coast Guard seeking to clarify the date of the disappearance.",
        "The Tribune is also awaiting responses from the Indonesian Coast Guard and the rescue agency in Jakarta.",
        "The Electronic Frontier Foundation is yet to respond to Tribune queries about GitHub.",
    ],
)
def test_how_the_article_was_reported_is_no_claim(sentence):
    body = f"The army sent 300 troops to the border on Monday. {sentence}"

    assert [claim.text for claim in extract_claims(body)] == ["The army sent 300 troops to the border on Monday."]


def test_a_call_to_action_or_an_unanswered_request_is_no_claim_but_a_quoted_plea_is_someones_words():
    body = (
        "The army sent 300 troops to the border on Monday. If you are looking for recent news stories about the "
        "border, please visit our Main Page. The Tribune approached the National Transportation Safety Board about "
        "the 2019 crash in California, but as of today the board's press office did not respond. The patient did not "
        'respond to treatment and died on 12 May 2019. Mayor Casicas asked 2,000 residents to "please pray for the '
        'repose of his soul" on Sunday.'
    )

    texts = [claim.text for claim in extract_claims(body)]

    assert texts == [
        "The army sent 300 troops to the border on Monday.",
        "The patient did not respond to treatment and died on 12 May 2019.",
        'Mayor Casicas asked 2,000 residents to "please pray for the repose of his soul" on Sunday.',
    ]


def test_a_fact_or_count_beside_how_the_article_was_reported_stays_a_claim():
    body = (
        "Businessman Don Blankenship of West Virginia, the U.S. Constitution Party's 2020 presidential nominee, "
        "answered some questions about his campaign from accredited Tribune reporter William S. Saturn. With the "
        "Tribune, Cohen discussed how to improve on the party's 2016 ticket of Gary Johnson, which received "
        "4,489,235 votes."
    )

    texts = [claim.text for claim in extract_claims(body)]

    assert texts == [
        "Businessman Don Blankenship of West Virginia is the U.S. Constitution Party's 2020 presidential nominee.",
        "The party's 2016 ticket of Gary Johnson received 4,489,235 votes.",
    ]


def test_initials_opening_answers_without_a_colon_are_the_speakers_label():
    body = (
        "Professor Michael Siegel of Boston University led the study of 50 states in 2019.\n\n"
        "What did you find?\n\n"
        "MS We found that household gun ownership predicted 26.9 percent more youth suicides.\n\n"
        "What next?\n\n"
        "MS The next step is to examine 50 state firearm laws that impact rates of youth suicide.\n\n"
        "US President Donald Trump signed 2 orders on guns in 2019."
    )

    claims = {claim.text: claim for claim in extract_claims(body)}

    answer = "We found that household gun ownership predicted 26.9 percent more youth suicides."
    assert claims[answer].attribution == "Michael Siegel"
    assert "US President Donald Trump signed 2 orders on guns in 2019." in claims


def test_a_bracketed_speaker_label_with_a_spaced_colon_is_not_part_of_the_answer():
    body = "((WSS)) : In 2016, Darrell Castle received 203,091 votes, a record for the party."

    (claim,) = extract_claims(body)

    assert claim.text == "In 2016, Darrell Castle received 203,091 votes, a record for the party."
    assert claim.attribution == "WSS"


def test_a_determiner_before_a_speech_verb_is_not_a_source():
    (claim,) = extract_claims("An estimated four million people took part in the protests in 2019.")

    assert claim.attribution == ""


def test_a_leading_he_or_she_becomes_the_person_named_before(seed_claims):
    concern = _claim(seed_claims, "chemical weapons against rebels")

    assert concern.text.startswith("Clinton also expressed concern")
    assert concern.attribution == "Kommersant"


def test_dates_are_resolved_against_the_publication_date(seed_claims):
    appeals = _claim(seed_claims, "had made the appeals")
    first = _claim(seed_claims, "Russia resisted new U.S. appeals")
    geneva = _claim(seed_claims, "Geneva declaration called for")

    assert {"text": "Thursday", "value": "2012-12-06"} in appeals.dates
    assert {"text": "last month", "value": "2012-11"} in appeals.dates
    assert {"text": "Tuesday", "value": "2012-12-11"} in first.dates
    assert {"text": "June 30", "value": "2012-06-30"} in geneva.dates


def test_relative_clause_carrying_a_fact_becomes_its_own_claim(seed_claims):
    geneva = _claim(seed_claims, "Geneva declaration called for")

    assert geneva.text.startswith("The June 30 Geneva declaration called for a transitional government")
    assert geneva.quantities[0] | {"text": ""} == {"value": 20, "unit": "months", "qualifier": "=", "text": ""}


def test_contrast_clause_gets_its_subject_back(seed_claims):
    believes = _claim(seed_claims, "greater threat")

    assert believes.text.startswith("Russia believes there is a greater threat")
    assert believes.attribution == "Kommersant"


def test_quotes_and_named_actors_are_recognised(seed_claims):
    quote = _claim(seed_claims, "does not intend to persuade")

    assert quote.kind == ClaimKind.QUOTE
    assert quote.attribution == "Kommersant"
    assert {"text": "Lakhdar Brahimi", "type": "PERSON"} in quote.entities
    vetoes = _claim(seed_claims, "vetoed three")
    assert {"text": "UN Security Council", "type": "ORG"} in vetoes.entities
    assert {"text": "Russia", "type": "PLACE"} in vetoes.entities


def test_the_same_claim_twice_is_one_claim_with_both_spans():
    sentence = "Russia and China have vetoed three UN Security Council resolutions on Syria."
    body = f"{sentence}\n\nWhat will the diplomats in New York try next, many readers ask?\n\n{sentence}"

    claims = extract_claims(body)

    assert len(claims) == 1
    assert claims[0].spans == [[0, len(sentence)], [body.rindex(sentence), len(body)]]


def test_predictions_are_typed_so_they_can_be_kept_out_of_the_queue():
    claims = extract_claims(
        "The central bank will likely raise interest rates to 5 percent next year.",
        published_on=dt.date(2020, 3, 1),
    )

    assert [c.kind for c in claims] == [ClaimKind.PREDICTION]
    assert "will" in claims[0].cues


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # One evaluative word makes an opinion only without checkable facts.
        pytest.param("This is a terrible deal for the workers of America.", ClaimKind.PREDICTION, id="opinion"),
        pytest.param(
            'In 2018 Boseman gave his "Best Hero" award to James Shaw Jr. in Tennessee.',
            ClaimKind.EVENT,
            id="opinion-word-in-a-name",
        ),
        pytest.param(
            "Russia and China vetoed three resolutions in 2012, a terrible failure of the council.",
            ClaimKind.EVENT,
            id="one-opinion-word-beside-facts",
        ),
        # A name in quotation marks is not a quote.
        pytest.param(
            'Qandeel Baloch, nicknamed the "Kim Kardashian of Pakistan," had 750,000 followers.',
            ClaimKind.STATISTIC,
            id="nickname-in-quotation-marks",
        ),
        pytest.param(
            'Biden introduced an economic plan called "Build Back Better" in July.',
            ClaimKind.EVENT,
            id="title-in-quotation-marks",
        ),
        pytest.param('The campaign called the statement "absolutely false."', ClaimKind.QUOTE, id="quoted-words"),
        pytest.param('"We prepared changes to the penal code," Kaczynski said.', ClaimKind.QUOTE, id="quotation"),
        # "must" states a rule, not a prediction, nor an event: the approval has not happened.
        pytest.param("The bill must also be approved by the Senate.", ClaimKind.OTHER, id="must-is-a-rule"),
        pytest.param("Unemployment is likely to rise next year.", ClaimKind.PREDICTION, id="likely-is-a-prediction"),
        # "would have to" states a requirement, like "must"
        pytest.param(
            "Both houses would have to pass it by a two-thirds majority, and then it would have to be ratified.",
            ClaimKind.OTHER,
            id="would-have-to-is-a-rule",
        ),
        # "due to" before a verb is a schedule, not a cause ("became president" is the event)
        pytest.param(
            "Nkurunziza became president of the African nation in 2005 and was due to stand down in August.",
            ClaimKind.EVENT,
            id="due-to-a-schedule",
        ),
        pytest.param(
            "The NBA suspended its professional basketball season due to concerns regarding COVID-19.",
            ClaimKind.CAUSAL,
            id="due-to-a-cause",
        ),
        pytest.param(
            "Construction stalled in 2019 due to land disputes with 3 villages.", ClaimKind.CAUSAL, id="due-to-land"
        ),
        # A plan or view reported in the past: that it was stated is what gets checked.
        pytest.param(
            "Yesterday, Queen Elizabeth II announced she will comply with the request to suspend Parliament.",
            ClaimKind.ATTRIBUTION,
            id="announced-plan",
        ),
        pytest.param(
            "Mitch McConnell has indicated the trial could possibly commence on Tuesday.",
            ClaimKind.ATTRIBUTION,
            id="indicated-possibility",
        ),
        pytest.param(
            "Forecasters predicted that the storm will reach the coast on Monday.",
            ClaimKind.PREDICTION,
            id="a-reported-forecast-stays-a-prediction",
        ),
        # what someone called something is a fact about what they said
        pytest.param(
            "The United Nations called the resulting humanitarian crisis the worst in the world.",
            ClaimKind.ATTRIBUTION,
            id="called-the-worst",
        ),
        pytest.param(
            "I should note that we do not have any rocky planets yet known with hydrogen atmospheres.",
            ClaimKind.OTHER,
            id="should-note-is-an-aside",
        ),
        # Evaluative words that are not a verdict.
        pytest.param(
            "The band rose to become one of the best-selling artists of the decade.", ClaimKind.EVENT, id="compound"
        ),
        pytest.param(
            "The great white shark and the orca are the only species known to eat adult sevengills.",
            ClaimKind.OTHER,
            id="species",
        ),
        pytest.param(
            "The party supports the right to employment and paid vacation.", ClaimKind.OTHER, id="right-as-a-noun"
        ),
        pytest.param("Gun owners were less likely to report the theft.", ClaimKind.OTHER, id="compared-likelihood"),
        pytest.param(
            "The team used the model to predict oxygen levels on Mars.", ClaimKind.OTHER, id="predict-as-a-purpose"
        ),
        pytest.param(
            "He assisted in work to predict likely wave conditions during the landings.",
            ClaimKind.OTHER,
            id="likely-describing-a-noun",
        ),
        pytest.param("A faulty cable was the likely cause of the outage.", ClaimKind.OTHER, id="the-likely-cause"),
        pytest.param(
            "Many generals believed that removing the buffalo would undermine the economies of the tribes.",
            ClaimKind.ATTRIBUTION,
            id="a-belief-held-in-the-past",
        ),
    ],
)
def test_claim_kind_in_news_prose(text, kind):
    assert describe_claim(text).kind == kind


def test_a_relative_clause_belongs_to_the_name_just_before_it():
    body = (
        "Wikinews spoke to one of the four candidates running in the by-election, Sandra Jephcott, who is "
        "running for the Sustainable Australia party. Just don't tell anyone is a documentary by Tomasz and "
        "Marek Sekielski, which is about abuse among Polish priests."
    )
    sentence = body[: body.index(" Just")]
    documentary = body[len(sentence) + 1 :]

    assert [piece_text(sentence, p) for p in split_atomic(sentence, 0, len(sentence))][1] == (
        "Sandra Jephcott is running for the Sustainable Australia party."
    )
    assert len(split_atomic(documentary, 0, len(documentary))) == 1


def test_a_relative_clause_after_a_present_tense_verb_belongs_to_its_object():
    sentence = (
        "Other signatories to the treaty include Germany, which has been taking a lead in efforts by the "
        "remaining 5 signatories to keep the deal operational."
    )

    assert [piece_text(sentence, p) for p in split_atomic(sentence, 0, len(sentence))] == [
        "Other signatories to the treaty include Germany.",
        "Germany has been taking a lead in efforts by the remaining 5 signatories to keep the deal operational.",
    ]


def test_according_to_a_dated_document_names_the_body_behind_it():
    (claim,) = extract_claims(
        "According to a March 14, 2019 NATO press release, Hungary spent an estimated 1.15% of its GDP on "
        "military expenditures in 2018.",
        published_on=dt.date(2019, 10, 10),
    )

    assert (claim.text, claim.attribution) == (
        "Hungary spent an estimated 1.15% of its GDP on military expenditures in 2018.",
        "NATO",
    )


@pytest.mark.parametrize(
    ("body", "source"),
    [
        ("The virus claimed 6606 lives, according to the WHO's situation report dated March 16.", "WHO"),
        ("The tusk came from the wall in the hall, according to a Twitter post by Amy Cook.", "Amy Cook"),
        (
            "The Las Vegas Review-Journal reported that 3 counties had voted. According to its polling, two-thirds "
            "of the voters preferred a primary over a caucus.",
            "The Las Vegas Review-Journal",
        ),
    ],
)
def test_according_to_a_document_names_whose_it_is(body, source):
    claims = extract_claims(body, published_on=dt.date(2020, 3, 17))

    assert claims[-1].attribution == source


def test_non_english_text_is_refused_rather_than_extracted():
    french = (
        "La Russie et la Chine ont opposé leur veto à trois résolutions du Conseil de sécurité "
        "des Nations unies visant à isoler Assad, selon le quotidien Kommersant mardi."
    )
    with pytest.raises(UnsupportedLanguageError):
        extract_claims(french)


def test_text_without_check_worthy_sentences_gives_no_claims():
    assert extract_claims("Thanks for reading.\n\nWhat a lovely day it is today, isn't it?") == []


def test_appositions_lists_and_ranges_become_atomic_claims():
    body = (
        "Friday, January 4, 2019\n\n"
        "An apartment building collapsed on Monday in Magnitogorsk, a city of 400,000 people in Russia. "
        "President Vladimir Putin flew to Magnitogorsk on Monday, met rescuers at the site and visited "
        "the wounded in hospital. Officials said between 36 and 40 people were under the rubble."
    )

    claims = extract_claims(body, published_on=dt.date(2019, 1, 4))
    texts = [c.text for c in claims]

    assert "Magnitogorsk is a city of 400,000 people in Russia." in texts
    assert "An apartment building collapsed on Monday in Magnitogorsk." in texts
    assert "President Vladimir Putin met rescuers at the site." in texts
    assert "President Vladimir Putin visited the wounded in hospital." in texts
    assert not any(t.startswith("Friday") for t in texts)
    rubble = _claim(claims, "rubble")
    assert rubble.quantities == [
        {"value": 36, "max": 40, "unit": "people", "qualifier": "between", "text": "between 36 and 40 people"}
    ]
    assert {"text": "on Monday", "value": "2018-12-31"} in _claim(claims, "collapsed").dates


def test_a_day_followed_by_a_description_is_not_an_apposition():
    body = (
        "Clinton raised the issue with Lavrov at talks in Dublin last Thursday, a meeting also attended "
        "by the envoy Lakhdar Brahimi."
    )
    texts = [claim.text for claim in extract_claims(body)]
    assert not [text for text in texts if text.startswith("Thursday is")]
    assert texts[0].startswith("Clinton raised the issue with Lavrov")


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param(
            "The new members of the House, which include 235 Democrats and 199 Republicans, voted for Pelosi "
            "to serve as Speaker with 220 votes. Republican Kevin McCarthy, who held the post of Speaker this "
            "past term, received 192. In Iowa, Elizabeth Warren earned 8 delegates and Joe Biden earned 6. "
            "Amy Klobuchar earned the remaining 1.",
            {"received 192": [(192, "votes")], "the remaining 1": [(1, "delegates")]},
            id="a-tally-counts-what-the-sentence-before-counted",
        ),
        pytest.param(
            "A bus carrying children from Smolensk to Kaluga overturned on Sunday. At least seven, including four "
            "children, died. At least 45 were aboard when it overturned near the village. Of the 40 passengers "
            "on a second bus, 22 were hospitalized overnight.",
            {"were aboard": [(45, "people")], "hospitalized": [(40, "passengers"), (22, "passengers")]},
            id="a-subject-takes-its-noun-from-its-own-sentence-only",
        ),
        pytest.param(
            "The United States reported about 60,000 deaths from COVID-19 as of yesterday. Italy had around 27,000 "
            "as of yesterday.",
            {"Italy had": [(27000, "deaths")]},
            id="had-hands-on-the-noun-counted-before",
        ),
        pytest.param(
            "Bolt ran 100 metres in 9.58 seconds in 2009. He has 8 with the relay teams of Jamaica.",
            {"He has 8": [(8, "")]},
            id="had-hands-on-no-measure",
        ),
    ],
)
def test_a_number_that_leaves_its_noun_out_counts_the_noun_before_it(body, expected):
    claims = extract_claims(body)

    found = {words: [(q["value"], q["unit"]) for q in _claim(claims, words).quantities] for words in expected}

    assert found == expected


def test_he_as_a_source_is_the_person_the_sentence_before_named():
    body = (
        "Senate Majority Leader Mitch McConnell met White House counsel on Tuesday to plan the impeachment "
        "trial of President Donald Trump. He publicly stated the trial would not be impartial, saying he "
        'anticipated having "a largely partisan outcome" in the Senate.'
    )

    stated = _claim(extract_claims(body), "impartial")

    assert stated.attribution == "Mitch McConnell"


def test_a_clause_with_a_source_of_its_own_keeps_it_and_they_is_the_latest_source():
    body = (
        'United States Attorney Jessie K. Liu said, "Children are safer because of 38 countries." '
        "Local officials said 24 people have been hospitalised, but Agence France-Presse reported as many as "
        "32 hospitalised. They also stated arrests were made in 12 countries including Spain and Brazil."
    )
    claims = extract_claims(body)

    assert _claim(claims, "24 people").attribution == "Local officials"
    assert _claim(claims, "as many as 32").attribution == "Agence France-Presse"
    assert _claim(claims, "rrests were made").attribution == "Agence France-Presse"


def test_an_opening_phrase_stays_in_the_claim_before_its_source():
    (claim,) = extract_claims(
        "In the 2019/20 fiscal year, Tesco said its Polish branch had a 24 million pounds operating loss."
    )

    assert (claim.text, claim.attribution) == (
        "In the 2019/20 fiscal year, Tesco said its Polish branch had a 24 million pounds operating loss.",
        "Tesco",
    )


def test_a_quotation_he_continued_is_the_speaker_of_the_quotation_before():
    body = (
        '"It is a good sign for 2 teams," said Ryan Cloutier of the Harvard\u2013Smithsonian Center for '
        'Astrophysics. "Overall," he continued, "the presence of water improves the prospect of life on 1 planet."'
    )

    continued = _claim(extract_claims(body), "presence of water")

    assert continued.attribution == "Ryan Cloutier"


def test_which_reported_by_a_source_is_about_the_whole_clause_and_stays_with_it():
    body = (
        "Trump did not place the Federal Emergency Management Agency in charge of the response to COVID-19, "
        "which Politico reported left some experts in disaster management disappointed."
    )

    (claim,) = extract_claims(body)

    assert claim.text == body


@pytest.mark.parametrize(
    ("body", "claim_words", "entity"),
    [
        pytest.param(
            "Robert Downey Jr. joined the broadcast on Sunday. Downey said the film earned $1.3 billion worldwide.",
            "earned",
            {"text": "Downey", "type": "PERSON"},
            id="a-surname-after-a-full-name-with-a-suffix",
        ),
        pytest.param(
            "Ricardo Rosselló Nevares announced his resignation on Wednesday. "
            "Rosselló said he would leave office on August 2 after two weeks of protests.",
            "leave office",
            {"text": "Rosselló", "type": "PERSON"},
            id="the-first-of-two-surnames",
        ),
        pytest.param(
            "US-based software company Red Hat announced on Tuesday that it will end support for CentOS Linux, "
            "a free operating system with 3 million users. Red Hat was acquired by IBM in 2019 for $34 billion.",
            "acquired",
            {"text": "Red Hat", "type": "ORG"},
            id="a-name-introduced-as-a-company",
        ),
        pytest.param(
            "The belly dancing troupe Tribal Evolution performed on Saturday and again that evening at the show. "
            "It was the first time that Tribal Evolution drew more than 300 people to the hall.",
            "drew",
            {"text": "Tribal Evolution", "type": "ORG"},
            id="a-name-introduced-as-a-troupe",
        ),
        pytest.param(
            'Peter Iseley of the victim group Ending Clergy Abuse said, "The church should establish the law '
            'for reporting abuse to police in all 50 states."',
            "establish the law",
            {"text": "Ending Clergy Abuse", "type": "ORG"},
            id="a-name-introduced-as-a-group",
        ),
        pytest.param(
            "Boseman rose to fame in the 2018 superhero film Black Panther. He played the lead in four films, "
            "and Black Panther earned $1.3 billion worldwide.",
            "earned",
            {"text": "Black Panther", "type": "MISC"},
            id="a-name-introduced-as-a-film",
        ),
        pytest.param(
            "Apex Shark Expeditions, a tour company in South Africa, ran 40 trips in 2019. Apex Shark Expeditions "
            "said 3 of them were cancelled.",
            "cancelled",
            {"text": "Apex Shark Expeditions", "type": "ORG"},
            id="a-name-described-as-a-company-after-it",
        ),
        pytest.param(
            "John Smith, a former company director, was arrested in 2019. John Smith was released 3 days later.",
            "released",
            {"text": "John Smith", "type": "PERSON"},
            id="a-person-described-with-a-company-word",
        ),
        pytest.param(
            "Jane Doe, a member of the group, was arrested in 2019. Jane Doe was released 3 days later.",
            "released",
            {"text": "Jane Doe", "type": "PERSON"},
            id="a-person-who-belongs-to-a-group",
        ),
        pytest.param(
            "Pelosi told the newspaper Barack Obama had called her 3 times in 2019. Barack Obama later denied 2 of "
            "the calls.",
            "denied",
            {"text": "Barack Obama", "type": "PERSON"},
            id="a-name-after-told-the-newspaper",
        ),
        pytest.param(
            "The victims were members of the motorcycle club Marine JarHeads MC. Marine JarHeads MC has 300 members.",
            "300",
            {"text": "Marine JarHeads MC", "type": "ORG"},
            id="a-name-introduced-as-a-club",
        ),
        pytest.param(
            "Eddie Van Halen, lead guitarist of US rock band Van Halen, died on Tuesday aged 65. "
            "Van Halen had been diagnosed with tongue cancer in 2000.",
            "tongue cancer",
            {"text": "Van Halen", "type": "PERSON"},
            id="a-band-named-after-a-person-in-the-article",
        ),
    ],
)
def test_a_name_keeps_the_type_the_article_gave_it_where_it_introduced_it(body, claim_words, entity):
    claim = _claim(extract_claims(body), claim_words)

    assert entity in claim.entities


@pytest.mark.parametrize(
    ("sentence", "text"),
    [
        ("According to a report on Wednesday by UpGuard, a cybersecurity firm, 540 million Facebook records "
         "were left on public servers.", "540 million Facebook records were left on public servers."),
        # a post written without an article
        ("According to a Twitter post by Amy Cook, director of the Learning Together event, the five-foot tusk "
         "came from the wall in Fishmongers' Hall.", "The five-foot tusk came from the wall in Fishmongers' Hall."),
        # the source's state after its town
        ("According to police in Baytown, Texas, Zhukovskyy has been involved in 2 traffic collisions before.",
         "Zhukovskyy has been involved in 2 traffic collisions before."),
        # a relative clause describing the source
        ("According to Agence France-Presse, which cited sources close to the investigation, the man had "
         "converted to Islam 18 months ago.", "The man had converted to Islam 18 months ago."),
    ],
)  # fmt: skip
def test_a_description_of_the_source_is_not_part_of_the_claim(sentence, text):
    (claim,) = extract_claims(sentence)

    assert claim.text == text


def test_in_this_is_not_a_verb_and_a_short_opening_phrase_is_not_split_on():
    body = (
        "In this work, scientists assessed strains of E. coli from 200 patients and found the same 12 "
        "strains in sewage from 40 farms. After Hunter retreated to New Mexico and wrote 40 songs, Garcia "
        "invited him to join."
    )

    texts = [claim.text for claim in extract_claims(body)]

    assert "Scientists found the same 12 strains in sewage from 40 farms." in texts
    assert not any(text.startswith("After Hunter retreated to New Mexico.") for text in texts)


def test_an_adverb_before_a_second_verb_does_not_make_it_a_clause_of_its_own():
    body = (
        "The leaders of the two countries spoke by telephone on Friday night, and publicly expressed their "
        "willingness to help each other after the 7.0 earthquake."
    )

    texts = [claim.text for claim in extract_claims(body)]

    assert not any(text.startswith("Publicly") for text in texts)


@pytest.mark.parametrize(
    ("body", "resolved"),
    [
        pytest.param(
            "Jamal Khashoggi was a columnist for The Washington Post. He entered the consulate in Istanbul on "
            "October 2 2018 to get documents allowing him to marry Hatice Cengiz. He never came out of the consulate.",
            "Jamal Khashoggi never came out of the consulate.",
            id="consecutive sentences keep the person first resolved",
        ),
        pytest.param(
            "Queen Elizabeth II suspended parliament at the behest of Boris Johnson on September 10. "
            "He is widely suspected of asking for prorogation to block legislation on Brexit.",
            "Boris Johnson is widely suspected of asking for prorogation to block legislation on Brexit.",
            id="a person titled with the other gender is skipped",
        ),
        pytest.param(
            "Senator Elizabeth Warren endorsed Joe Biden on Thursday. Joe Biden praised Warren on Twitter. "
            "In Warren's campaign for the nomination, she was known for her anti-corruption stance and had "
            "released over 70 policy plans.",
            "Warren had released over 70 policy plans.",
            id="inside a sentence, someone that sentence named",
        ),
        pytest.param(
            "Ricardo Rossello, Puerto Rico's governor, announced his resignation on Wednesday. His announcement "
            "followed two weeks of protests in San Juan.",
            "Ricardo Rossello's announcement followed two weeks of protests in San Juan.",
            id="an opening possessive keeps its form",
        ),
        pytest.param(
            "Crystal Munoz was convicted of conspiracy in 2008 in Texas. Her sentence was commuted after serving "
            "twelve years.",
            "Crystal Munoz's sentence was commuted after serving twelve years.",
            id="her as a possessive is the woman named before",
        ),
        pytest.param(
            "Representative Elijah Cummings died on Thursday in Baltimore. His last roll call vote was on "
            "September 11.",
            "Elijah Cummings' last roll call vote was on September 11.",
            id="a name ending in s takes an apostrophe alone",
        ),
        pytest.param(
            "Harry Dunn, a 19-year-old motorcyclist, was struck by a car in Northamptonshire. The crash happened "
            "around 8:30 p.m. on August 27. He died from his injuries at John Radcliffe Hospital a short time later.",
            "Harry Dunn died from his injuries at John Radcliffe Hospital a short time later.",
            id="the one person named two sentences before, when the sentence between names no one",
        ),
        pytest.param(
            "Walter Munk was born in Austria in 1917, but he emigrated to the United States. Although this "
            "romance failed, he remained there. He served in the US Army in World War Two.",
            "Walter Munk served in the US Army in World War Two.",
            id="the sentence between goes on with the pronoun",
        ),
        pytest.param(
            "Turkish president Recep Tayyip Erdogan spoke in Istanbul on Wednesday. "
            '"No project excluding our country can be implemented", he said.\n\n'
            "He underlined the call for cooperation with 3 countries on Friday.",
            "Recep Tayyip Erdogan underlined the call for cooperation with 3 countries on Friday.",
            id="after a quotation he said, the person that he was taken for",
        ),
    ],
)
def test_pronouns_resolve_to_the_person_meant(body, resolved):
    assert resolved in [claim.text for claim in extract_claims(body)]


@pytest.mark.parametrize(
    ("body", "unresolved"),
    [
        pytest.param(
            'President Hage Geingob tweeted, "I announce with sadness the passing of my comrade, Nickey Iyambo." '
            "Last year, poor health was cited when he stepped down. He was awarded the Order of the Sun in 2014.",
            "He was awarded the Order of the Sun in 2014.",
            id="two people named two sentences before",
        ),
        pytest.param(
            "Qaboos became Sultan in 1970 after overthrowing his father, Sultan Said bin Taimur. By the time of his "
            "death, the reign was the longest in the Arab world. He was known for pursuing a neutral foreign policy.",
            "He was known for pursuing a neutral foreign policy.",
            id="the one person named two sentences before is not its subject",
        ),
        pytest.param(
            "Prosecutor Kama Melly QC said the victims were vulnerable in 2019.\n\nOne of the victims decided to "
            "allow her name to be made public. She did this to show 14 victims there is nothing to be ashamed of.",
            "She did this to show 14 victims there is nothing to be ashamed of.",
            id="the person named two sentences before is in another paragraph",
        ),
        pytest.param(
            'Vijay Goel, a member of the Rajya Sabha, said, "He was an excellent politician and orator." He won '
            "the hearts of 1.3 billion people.",
            "He won the hearts of 1.3 billion people.",
            id="the sentence before quotes its speaker speaking of him",
        ),
    ],
)
def test_a_pronoun_stays_where_the_person_it_stands_for_is_not_sure(body, unresolved):
    assert unresolved in [claim.text for claim in extract_claims(body)]


def test_a_quotation_after_she_said_is_credited_to_a_four_word_name_with_a_capitalised_particle():
    body = (
        "One of the country's deputy ministers, Ana Lucia De Souza, also commented on Okello's death. "
        "She said \u201cOkello served the country for forty years and built its courts.\u201d"
    )

    quote = next(claim for claim in extract_claims(body) if claim.kind == "quote")

    assert quote.attribution == "Ana Lucia De Souza"


@pytest.mark.parametrize(
    "body",
    [
        pytest.param(
            "In May, a study was published in the journal Nature Astronomy, conducted by professor Sara Seager "
            "and other researchers, showing that yeast can thrive in 100% hydrogen.",
            id="a month is not a verb, and a participle with its agent is not a second action",
        ),
        pytest.param(
            "In findings published on Wednesday in Science Advances, researchers from Georgia Tech and the "
            "University of South Carolina, both in the United States, reported warming seas weaken corals.",
            id="a participle in an opening adverbial is not the verb to split on",
        ),
    ],
)
def test_sentences_with_one_statement_stay_whole(body):
    assert [claim.text for claim in extract_claims(body)] == [body]


def test_an_interview_answer_is_attributed_to_the_person_who_gives_it():
    body = (
        "Wikinews interviewed biologist Natasha Gownaris about the colony.\n\n"
        "((WN)) When did the study start?\n\n"
        "NG: This study started in 1982, and over 44,000 chicks have been banded at Punta Tombo since 1983.\n\n"
        "NG: It is likely that females will have higher mortality than males at 12 other colonies.\n\n"
        "((Dorsa Derakhshani)) Women make up 27% of Iran's university faculty, according to the ministry.\n\n"
        "Update: The river flooded 3,000 homes in Punta Tombo on Monday."
    )

    claims = extract_claims(body)

    assert [(claim.text, claim.attribution) for claim in claims[:2]] == [
        ("This study started in 1982.", "Natasha Gownaris"),
        ("Over 44,000 chicks have been banded at Punta Tombo since 1983.", "Natasha Gownaris"),
    ]
    assert _claim(claims, "flooded").attribution == ""
    likely = _claim(claims, "likely")
    assert (likely.kind, likely.attribution) == (ClaimKind.PREDICTION, "Natasha Gownaris")
    assert _claim(claims, "27%").attribution == "the ministry"


def test_a_quotations_original_language_text_is_not_a_claim():
    body = (
        'Vázquez wrote, "Puerto Rico needs certainty and stability. Our actions will be directed at that purpose." '
        "((es))Spanish language: Puerto Rico necesita certeza y estabilidad. Nuestras acciones estarán dirigidas "
        "a ese fin y siempre estará primero. The Senate cancelled its hearing on Monday."
    )

    texts = [claim.text for claim in extract_claims(body)]

    assert texts[0].endswith(
        '"Puerto Rico needs certainty and stability. Our actions will be directed at that purpose."'
    )
    assert texts[1:] == ["The Senate cancelled its hearing on Monday."]


def test_a_description_of_a_person_after_according_to_is_not_part_of_the_claim():
    body = (
        "According to Sadie Weiner, Hagan's former spokeswoman, Hagan died from Powassan virus on Monday. "
        "According to Dr. Tom Frieden, formerly the director of the Centers for Disease Control and Prevention, "
        "the virus has spread to 114 countries. "
        "According to the constitution, the Secretary of State would succeed the governor within 30 days."
    )

    claims = extract_claims(body)

    assert [(claim.text, claim.attribution) for claim in claims] == [
        ("Hagan died from Powassan virus on Monday.", "Sadie Weiner"),
        ("The virus has spread to 114 countries.", "Dr. Tom Frieden"),
        ("The Secretary of State would succeed the governor within 30 days.", "the constitution"),
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param(
            "Jamal Khashoggi, a Saudi national, was a columnist for The Washington Post, and he lived in "
            "exile in Virginia as a legal resident of the United States. "
            "The fire service said the baby was critically ill, while two adults were seriously injured.",
            ["Jamal Khashoggi was a columnist for The Washington Post.",
             "Jamal Khashoggi lived in exile in Virginia as a legal resident of the United States.",
             "Two adults were seriously injured."],
            id="clauses-with-their-own-subjects",
        ),
        pytest.param(
            "Three candidates withdrew from the race: Andrew Yang, an entrepreneur, and Michael Bennet, a Senator "
            "from Colorado, suspended their campaigns the same day.",
            ["Three candidates withdrew from the race: Andrew Yang and Michael Bennet suspended their campaigns "
             "the same day."],
            id="appositions-inside-a-list-of-subjects",
        ),
        pytest.param(
            "Zamperoni, 33, worked for over a year at Cipriani Dolci in Grand Central Terminal, but worked for "
            "Cipriani S.A., which owns the restaurant, for more than ten years.",
            ["Zamperoni, 33, worked for over a year at Cipriani Dolci in Grand Central Terminal.",
             "Zamperoni worked for Cipriani S.A., which owns the restaurant, for more than ten years."],
            id="an-age-between-commas",
        ),
        pytest.param(
            "Scientists assessed strains of E. coli from infected humans and looked for the same strains in "
            "sewage, dairy farm slurry, human faeces, and contaminated foods from Great Britain.",
            ["Scientists looked for the same strains in sewage, dairy farm slurry, human faeces, and contaminated "
             "foods from Great Britain."],
            id="an-adjective-after-a-list-of-things",
        ),
        pytest.param(
            "The blaze killed three, including a 92-year-old woman, and injured sixteen, including a baby.",
            ["The blaze injured sixteen, including a baby."],
            id="an-aside-before-and",
        ),
        pytest.param(
            "The researchers examined three types of coral off Fiji, Acropora millepora, Porites cylindrica, and "
            "Pocillopora damicornis, in 2019. Fish would eat algae and seaweed off the corals in 12 reefs.",
            ["The researchers examined three types of coral off Fiji, Acropora millepora, Porites cylindrica, and "
             "Pocillopora damicornis, in 2019.",
             "Fish would eat algae and seaweed off the corals in 12 reefs."],
            id="a-list-of-things-after-the-verb-and-seaweed",
        ),
        pytest.param(
            "Eliud Kipchoge ran a marathon in under two hours in Vienna; though his time of 1:59:40 was not "
            "considered an official world record, as it was not an open race.",
            ["Eliud Kipchoge's time of 1:59:40 was not considered an official world record, as it was not an open "
             "race."],
            id="a-joining-word-after-a-semicolon",
        ),
        pytest.param(
            "Daily fresh water usage to flush toilets is upwards of 141 billion liters; which they note is several "
            "times larger than the water use of Africa.",
            ["Daily fresh water usage to flush toilets is upwards of 141 billion liters; which they note is several "
             "times larger than the water use of Africa."],
            id="a-relative-clause-after-a-semicolon-is-no-clause-by-itself",
        ),
        pytest.param(
            "Last year Trump withdrew the US from a nuclear nonproliferation treaty with Iran, which had been agreed "
            "under former US President Barack Obama in 2015.",
            ["A nuclear nonproliferation treaty with Iran had been agreed under former US President Barack Obama "
             "in 2015."],
            id="which-after-a-name-in-a-phrase-is-the-phrase",
        ),
        pytest.param(
            "Biden met Hunter, the son of Joe Biden, who served as Vice President from 2009 until 2017.",
            ["Joe Biden served as Vice President from 2009 until 2017."],
            id="who-after-a-name-in-a-phrase-is-the-name",
        ),
        pytest.param(
            "They invited the 6 countries to open dialogue, with the exception of Cyprus, which Turkey does not "
            "recognize.",
            ["They invited the 6 countries to open dialogue, with the exception of Cyprus, which Turkey does not "
             "recognize."],
            id="which-as-the-object-of-a-named-subject",
        ),
        pytest.param(
            "The party backed Hawkins, who Friday announced 2 new running mates for the 2020 race.",
            ["Hawkins Friday announced 2 new running mates for the 2020 race."],
            id="who-then-a-day-is-still-the-subject",
        ),
        pytest.param(
            "New Hampshire also once had a female majority in one house in 2009 but does not have one now.",
            ["New Hampshire does not have one now."],
            id="adverbs-after-a-shared-subject-stay-with-their-verb",
        ),
        pytest.param(
            "Another former adviser, Sebastian Gorka, also spoke at the rally of 2,000 people and encouraged "
            "supporters to remain hopeful after the recent court decision.",
            ["Sebastian Gorka encouraged supporters to remain hopeful after the recent court decision."],
            id="a-name-between-commas-before-an-adverb-is-the-shared-subject",
        ),
        pytest.param(
            "Carl Hensman of the Bill and Melinda Gates Foundation, which offered a $1 million contest for "
            "redesigning the toilet, noted the sprays are safe.",
            ["The Bill and Melinda Gates Foundation offered a $1 million contest for redesigning the toilet."],
            id="which-after-a-name-joined-by-and-is-the-whole-name",
        ),
        pytest.param(
            "This morning Ana Vell, who served as mayor for 12 years, died at home.",
            ["Ana Vell served as mayor for 12 years."],
            id="who-after-a-time-then-a-name-is-the-name",
        ),
        pytest.param(
            "Inspectors visited over 40 poultry farms in Malawi, which together raise more than 2 million birds.",
            ["Over 40 poultry farms in Malawi together raise more than 2 million birds."],
            id="which-with-a-plural-verb-after-a-place-is-the-phrase-before-it",
        ),
        pytest.param(
            "Inspectors visited the refugee camps in Jordan, which are home to 80,000 people.",
            ["The refugee camps in Jordan are home to 80,000 people."],
            id="which-after-a-phrase-with-its-determiner-and-a-place-is-the-phrase",
        ),
        pytest.param(
            "The rocket's first stage returned to a drone ship 300 miles off the coast, to be refurbished and "
            "reused on a future mission.",
            ["The rocket's first stage returned to a drone ship 300 miles off the coast, to be refurbished and "
             "reused on a future mission."],
            id="two-participles-after-to-be",
        ),
        pytest.param(
            "Puerto Rico had still not fully recovered from 2017's Hurricane Maria, estimated to have done about $90 "
            "billion in property damage and claimed about 3000 lives.",
            ["Puerto Rico had still not fully recovered from 2017's Hurricane Maria, estimated to have done about $90 "
             "billion in property damage and claimed about 3000 lives."],
            id="and-inside-a-reduced-relative-clause",
        ),
        pytest.param(
            "For his contributions, Conway was elected as a Fellow of the Royal Society in 1981 and admitted to the "
            "American Academy of Arts and Sciences in 1992. The suspect was arrested by police in London on Friday "
            "and confessed to the attack on three people.",
            ["Conway was admitted to the American Academy of Arts and Sciences in 1992.",
             "The suspect confessed to the attack on three people."],
            id="a-second-participle-shares-the-passive",
        ),
        pytest.param(
            "The team then equipped 7 horses with both zebra-striped and unstriped cloths and again observed that "
            "the flies had trouble landing on the striped surfaces.",
            ["The team then equipped 7 horses with both zebra-striped and unstriped cloths and again observed that "
             "the flies had trouble landing on the striped surfaces."],
            id="adjectives-joined-by-both-and",
        ),
        pytest.param(
            "She received her degree in 1975 from Florida State University, and then graduated from Wake Forest "
            "University in 1978 with a law degree. The two leaders spoke by telephone on Friday, and publicly "
            "expressed their willingness to help each other with the 1,035 injured.",
            ["She then graduated from Wake Forest University in 1978 with a law degree.",
             "The two leaders publicly expressed their willingness to help each other with the 1,035 injured."],
            id="an-adverb-before-the-second-action",
        ),
        pytest.param(
            "The buffalo were hunted because many generals, including President Ulysses S. Grant, believed that "
            "removing the buffalo would weaken 12 tribes.",
            ["The buffalo were hunted because many generals, including President Ulysses S. Grant, believed that "
             "removing the buffalo would weaken 12 tribes."],
            id="a-verb-after-an-example-aside",
        ),
        pytest.param(
            "Khan had been out on license, also called parole, for 3 years, and had served 8 years in jail.",
            ["Khan had been out on license, also called parole, for 3 years."],
            id="a-naming-participle",
        ),
        pytest.param(
            "Tarrant was charged over a shooting in Christchurch on Friday, which caused the death of at least 50 "
            "people. The first attack was at about 13:40 local time (0040 UTC), which left at least 42 people dead.",
            ["Tarrant was charged over a shooting in Christchurch on Friday, which caused the death of at least 50 "
             "people.",
             "The first attack was at about 13:40 local time (0040 UTC), which left at least 42 people dead."],
            id="which-after-a-day-or-a-bracket",
        ),
        pytest.param(
            "Puerto Rico has had dozens of earthquakes, including a 6.4 quake that hit on January 7 and caused "
            "an island-wide blackout.",
            ["Puerto Rico has had dozens of earthquakes, including a 6.4 quake that hit on January 7 and caused "
             "an island-wide blackout."],
            id="a-verb-inside-a-relative-that-clause",
        ),
        pytest.param(
            "The court found that it could rule on the prorogation in 2019, and found the prorogation to be "
            "unlawful.",
            ["The court found that it could rule on the prorogation in 2019.",
             "The court found the prorogation to be unlawful."],
            id="found-that-and-found",
        ),
        pytest.param(
            "Per request of Prime Minister Boris Johnson, the Queen suspended parliament for five weeks yesterday.",
            ["Per request of Prime Minister Boris Johnson, the Queen suspended parliament for five weeks yesterday."],
            id="a-name-ending-an-opening-phrase",
        ),
        pytest.param(
            "The other three treatments were remdesivir, an antiviral drug; mAb114, a monoclonal antibody made by "
            "Ridgeback Biotherapeutics; and REGN-EB3, a cocktail of three antibodies.",
            ["The other three treatments were remdesivir, an antiviral drug; mAb114, a monoclonal antibody made by "
             "Ridgeback Biotherapeutics; and REGN-EB3, a cocktail of three antibodies."],
            id="semicolons-between-described-items-of-a-list",
        ),
        pytest.param(
            "Sanders came in second in Iowa, securing 12 of the state's 41 pledged delegates; Pete Buttigieg, the "
            "former mayor of South Bend, Indiana, came in first with 14.",
            ["Sanders came in second in Iowa, securing 12 of the state's 41 pledged delegates.",
             "Pete Buttigieg, the former mayor of South Bend, Indiana, came in first with 14."],
            id="semicolons-between-clauses",
        ),
        pytest.param(
            "Businessman Don Blankenship of West Virginia, the Constitution Party's 2020 presidential nominee, "
            "answered 12 of our questions about his campaign. Doug Miller of Milltech Marine, a firm specialising in "
            "AIS, told us that 3 of the ships had vanished from the map.",
            ["Businessman Don Blankenship of West Virginia is the Constitution Party's 2020 presidential nominee.",
             "Milltech Marine is a firm specialising in AIS."],
            id="a-person-of-a-place-and-a-firm-described",
        ),
        pytest.param(
            "Officials said it killed nine people and injured at least 50 more. Boris Dubrovsky said FSB officers "
            "were present at 3 sites, but said this was unrelated to the explosion.",
            ["Officials said it killed nine people and injured at least 50 more.",
             "Boris Dubrovsky said this was unrelated to the explosion."],
            id="verbs-after-a-reporting-verb-are-the-reported-clauses",
        ),
        pytest.param(
            "On Friday the legislature of Taiwan, the Legislative Yuan, voted 66 to 27 to legalize same-sex marriage.",
            ["On Friday the legislature of Taiwan, the Legislative Yuan, voted 66 to 27 to legalize same-sex "
             "marriage."],
            id="a-second-name-is-not-a-description",
        ),
        pytest.param(
            "Six other U.S. diplomats fled to the Canadian embassy in 1979 and hid until Mendez smuggled them out. "
            "Chinese officials confirmed it has infected over 200 people and killed three people.",
            ["Six other U.S. diplomats hid until Mendez smuggled them out.",
             "Chinese officials confirmed it has infected over 200 people and killed three people."],
            id="a-plural-after-an-abbreviation-and-a-confirmed-clause",
        ),
        pytest.param(
            "Dedi Prasetyo said two suspects were arrested. He told the BBC that police suspect the attackers were "
            "radicalised.",
            ["Police suspect the attackers were radicalised."],
            id="told-the-outlet-that",
        ),
        pytest.param(
            "Two men held the attacker down in 2019. \u0141ukasz, a chef, was stabbed in the hand at 2 p.m.",
            ["Two men held the attacker down in 2019."],
            id="a-sentence-opening-with-an-accented-capital",
        ),
        pytest.param(
            "Researchers reported that 16,000 deaths were caused by coal; that race was a significant factor; and "
            "that 36 states were affected by pollution from another state.",
            ["Researchers reported that race was a significant factor.",
             "Researchers reported that 36 states were affected by pollution from another state."],
            id="semicolons-between-reported-that-clauses",
        ),
        pytest.param(
            "A jury convicted Blankenship of conspiracy in 2015, and he received a one year prison sentence in 2016.",
            ["A jury convicted Blankenship of conspiracy in 2015, and he received a one year prison sentence in "
             "2016."],
            id="he-is-not-a-jury",
        ),
        pytest.param(
            "The UK would leave without arrangements about trade, tariffs, the European Court of Justice, the border "
            "between Northern Ireland and the Republic of Ireland, trademarks, and 20 other matters.",
            ["The UK would leave without arrangements about trade, tariffs, the European Court of Justice, the "
             "border between Northern Ireland and the Republic of Ireland, trademarks, and 20 other matters."],
            id="an-item-of-a-list-of-things-is-not-described",
        ),
        pytest.param(
            "They are to pay \u20ac20,000 (\u00a317,500; US$22,900) in compensation by 2020.",
            ["They are to pay \u20ac20,000 (\u00a317,500; US$22,900) in compensation by 2020."],
            id="a-semicolon-inside-brackets",
        ),
        pytest.param(
            "Arrests were made in Australia, Brazil, Canada, Spain, the United Arab Emirates and the United Kingdom "
            "in 2019.",
            ["Arrests were made in Australia, Brazil, Canada, Spain, the United Arab Emirates and the United Kingdom "
             "in 2019."],
            id="a-list-of-places-is-not-an-apposition",
        ),
        pytest.param(
            "One of the deceased was Jalal Rahman, a director of the Anti-Corruption Commission, who was treated at "
            "the Kuwait Maitree Hospital in 2020.",
            ["One of the deceased was Jalal Rahman who was treated at the Kuwait Maitree Hospital in 2020.",
             "Jalal Rahman is a director of the Anti-Corruption Commission."],
            id="who-after-an-organisation-in-an-apposition",
        ),
        pytest.param(
            "One man took his knife, and another, a Polish chef named Lukasz, harried him with a five-foot tusk.",
            ["One man took his knife, and another, a Polish chef named Lukasz, harried him with a five-foot tusk."],
            id="a-new-subject-described-between-commas",
        ),
        pytest.param(
            "Police said Khan was wearing a suicide vest on Friday, though it was later found to be a fake.",
            ["Police said Khan was wearing a suicide vest on Friday, though it was later found to be a fake."],
            id="it-after-a-reporting-verb-is-in-the-report",
        ),
        pytest.param(
            "In the trial, ZMapp served as a control, meaning scientists used it as a baseline and compared three "
            "other treatments to it.",
            ["In the trial, ZMapp served as a control, meaning scientists used it as a baseline and compared three "
             "other treatments to it."],
            id="a-verb-of-a-participle-clauses-own-subject",
        ),
        pytest.param(
            "Time also considered Nancy Pelosi, Donald Trump, and a whistleblower who revealed an alleged "
            "interaction between Trump and Volodymyr Zelensky.",
            ["Time also considered Nancy Pelosi, Donald Trump, and a whistleblower who revealed an alleged "
             "interaction between Trump and Volodymyr Zelensky."],
            id="a-described-last-item-of-a-list-is-no-clause",
        ),
        pytest.param(
            "On Tuesday, President Donald Trump announced he had asked for John Bolton's resignation Monday night, "
            "and that Bolton tendered it the next morning.",
            ["On Tuesday, President Donald Trump announced he had asked for John Bolton's resignation Monday night.",
             "On Tuesday, President Donald Trump announced Bolton tendered it the next morning."],
            id="and-that-after-a-report-without-that",
        ),
        pytest.param(
            "Kyriakos Mitsotakis met the 3 envoys. He also noted that the Libyan House of Representatives "
            "rejected the demarcation, and that Greece and Turkey might end up before the International Court of "
            "Justice if talks failed.",
            ["The Libyan House of Representatives rejected the demarcation.",
             "Greece and Turkey might end up before the International Court of Justice if talks failed."],
            id="and-that-after-a-frame-attribution-took",
        ),
        pytest.param(
            "Red Hat has always been a tremendous supporter of Linux, but that doesn't make Red Hat a good home "
            "for CentOS.",
            ["Red Hat has always been a tremendous supporter of Linux, but that doesn't make Red Hat a good home "
             "for CentOS."],
            id="but-that-as-a-demonstrative",
        ),
        pytest.param(
            "Hickenlooper has been a successful entrepreneur, involved in the launch of a chain of pubs and "
            "restaurants. Putin flew to Paris on Monday, met Macron and signed a gas deal.",
            ["Hickenlooper has been a successful entrepreneur, involved in the launch of a chain of pubs and "
             "restaurants.",
             "Putin met Macron and signed a gas deal."],
            id="a-participle-after-a-comma-is-no-action-unless-and-joins-a-verb",
        ),
        pytest.param(
            "Protesters started at the park, Causeway Bay, and Tin Hau early yesterday afternoon and walked until "
            "early evening, when police vans arrived.",
            ["Protesters started at the park, Causeway Bay, and Tin Hau early yesterday afternoon.",
             "Protesters walked until early evening, when police vans arrived."],
            id="a-verb-after-and-in-the-last-item-of-a-list-is-the-main-subjects",
        ),
        pytest.param(
            "In July, he helped arrange a meeting between Giuliani, claiming to represent the State Department, "
            "and Andriy Yermak, one of President Zelensky's aides.",
            ["In July, he helped arrange a meeting between Giuliani, claiming to represent the State Department, "
             "and Andriy Yermak, one of President Zelensky's aides."],
            id="a-plural-after-a-possessive-is-a-noun-not-a-verb",
        ),
        pytest.param(
            "Awards included a trip to the White House, and the French Legion of Honour, received last year in "
            "Paris. The conservative party gained 66 seats, while the second largest party, Labour, lost 42.",
            ["Awards included a trip to the White House, and the French Legion of Honour, received last year in "
             "Paris.",
             "The second largest party, Labour, lost 42."],
            id="a-participle-after-a-list-items-comma-is-no-clause",
        ),
        pytest.param(
            "Guy was the endings editor for British Chess Magazine and involved in almost 200 endgame studies.",
            ["Guy was the endings editor for British Chess Magazine and involved in almost 200 endgame studies."],
            id="a-participle-after-was-shares-the-was",
        ),
        pytest.param(
            "BTP started an investigation of the death, which they treated as not suspicious but unexplained. "
            "The deadline was extended to October, but it is Johnson's stated intent for the UK to leave then. "
            "One of the drones began to malfunction, but it was able to send back the data it had collected.",
            ["BTP started an investigation of the death, which they treated as not suspicious but unexplained.",
             "The deadline was extended to October, but it is Johnson's stated intent for the UK to leave then.",
             "One of the drones was able to send back the data it had collected."],
            id="an-object-which-and-an-empty-it-take-no-antecedent",
        ),
        pytest.param(
            "Some museums, the National Zoo, and immigration courts have shut, with some staff working without pay.",
            ["Some museums, the National Zoo, and immigration courts have shut, with some staff working without pay."],
            id="a-list-opened-by-a-quantifier-is-one-subject",
        ),
    ],
)  # fmt: skip
def test_atomic_claims_in_news_prose(body, expected):
    texts = [claim.text for claim in extract_claims(body)]

    assert [text for text in expected if text not in texts] == []


def test_photo_captions_and_file_names_are_not_claims():
    body = (
        "Bottoms was said to be a finalist for the Democratic vice presidential slot in 2020.\n"
        "File:Keisha Lance Bottoms (cropped).jpg\n"
        "Keisha Lance Bottoms Image: Afdahe.\n"
        "Sirhan in 1969 (Image: CDCR)"
    )

    assert [claim.text for claim in extract_claims(body)] == [
        "Bottoms was said to be a finalist for the Democratic vice presidential slot in 2020."
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "By yesterday, the World Health Organization reported 1,051,635 confirmed cases of the disease.",
        "By the time of his death in 2020, Qaboos's reign was the longest in the Arab world.",
        "By law, all male residents of the United States over the age of 18 must register for the draft.",
        "By reports on Saturday, two of the victims died and three others were seriously injured.",
        "Photographs showed the aircraft, sans wings, with the cockpit buried within a house in 2019.",
        "Photos and video from the blaze showed thick smoke with flames visible at 40 windows.",
        "Sources report that 12 people were arrested in the capital on Friday.",
    ],
)
def test_a_sentence_that_opens_with_by_photo_or_sources_is_no_byline_or_credit(sentence):
    assert [claim.text for claim in extract_claims(sentence)] == [sentence]


@pytest.mark.parametrize(
    "line",
    [
        "By John Smith",
        "By John Smith and Jane Doe, Associated Press",
        "By [The Moscow Times](#)",
        "Photo: Reuters",
        "Photo by Jane Doe",
        "Photo credit: Jane Doe",
        "Sources:",
        "Related news",
    ],
)
def test_bylines_credits_and_headings_are_not_claims(line):
    body = f"Officials said 40 people died in the floods in 2019.\n\n{line}\n\nThe army sent 300 troops on Monday."

    texts = [claim.text for claim in extract_claims(body)]

    assert texts == ["Officials said 40 people died in the floods in 2019.", "The army sent 300 troops on Monday."]


def test_reporting_on_a_story_quotes_nobody_but_reporting_on_a_day_does():
    covered = extract_claims("Nabil al-Quaety was 34 and reported extensively on the nation's civil war in 2019.")
    reported = extract_claims("The daily Kommersant reported late on Tuesday that 40 people died in 2019.")

    assert [claim.kind for claim in covered] == ["statistic"]
    assert covered[0].quantities[0]["unit"] == "years"
    assert [claim.kind for claim in reported] == ["statistic"]
    assert reported[0].attribution == "Kommersant"


def test_she_is_the_officer_named_after_an_agencys_acronym_and_rank():
    body = (
        "The United States Coast Guard (USCG) called off its search on Tuesday. USCG Captain Monica Rochester "
        "told the press a 24-hour search had found no further signs in the water. "
        '"It is never an easy decision to suspend search efforts on 3 vessels," she said.'
    )
    claims = extract_claims(body)

    assert {"text": "Monica Rochester", "type": "PERSON"} in _claim(claims, "24-hour search").entities
    assert _claim(claims, "never an easy decision").attribution == "Monica Rochester"


def test_a_pronouns_frame_stays_when_without_it_only_an_object_would_be_left():
    body = (
        "Yesterday, President Ana Vell of Ruritania said that 3 ports were closed. "
        "She also announced a new security plan for the 2 straits to be unveiled at the summit."
    )

    claim = _claim(extract_claims(body), "security plan")

    assert claim.text == "Ana Vell also announced a new security plan for the 2 straits to be unveiled at the summit."
    assert claim.attribution == "Ana Vell"


def test_she_is_never_a_man_the_article_named_by_a_male_given_name():
    body = (
        "Emily Stone met officers Antoine Quirin and Ian Moss at a pub in 2014. "
        "In court, she testified she was attacked by Quirin and Moss. "
        "She told the court she was forced to drink 3 glasses of whiskey. "
        "Rosa Lind questioned Quirin for 2 hours. She said the 4 files were missing."
    )
    claims = extract_claims(body)

    # The sentence before names only men, so "She" is whom that sentence's own "she" stood for
    assert _claim(claims, "attacked by").attribution == "Emily Stone"
    assert _claim(claims, "3 glasses").text == "Emily Stone was forced to drink 3 glasses of whiskey."
    assert _claim(claims, "3 glasses").attribution == "Emily Stone"
    assert _claim(claims, "4 files").attribution == "Rosa Lind"


def test_a_titled_work_with_joining_words_is_one_name_and_a_person_also_named_outside_it_stays():
    body = (
        "Mary Trump released the tell-all book Too Much and Never Enough on July 14, 2020. "
        "In 1985, Day appeared on the TV show Doris Day's Best Friends with 2 guests."
    )
    claims = extract_claims(body)

    book = _claim(claims, "tell-all book").entities
    assert {"text": "Too Much and Never Enough", "type": "MISC"} in book
    assert not any(entity["text"] in ("Too Much", "Never Enough") for entity in book)
    show = _claim(claims, "Best Friends").entities
    assert {"text": "Doris Day's Best Friends", "type": "MISC"} in show
    assert "Day" in [entity["text"] for entity in show]


def test_a_fire_reported_in_a_place_is_an_event_but_media_reporting_a_date_attribute_it():
    fire = extract_claims("On Tuesday, a fire was reported in the parking structure of the airport in Norway.")
    dates = extract_claims(
        "The exact date is unclear, with industry publications reporting either December 27 or December 28."
    )
    audit = extract_claims("He faced 18 counts of fraud over his financial reporting for his pay in 2016.")

    assert [(claim.kind, claim.attribution) for claim in fire] == [("event", "")]
    for reported in (
        "It was reported on 15 March that the mayor had resigned after the scandal.",
        "It was reported in The Times that the mayor had resigned after the scandal.",
        "It was reported on state television that the president had resigned.",
        "Two days later it was reported on state television that the president had died.",
    ):
        assert [claim.kind for claim in extract_claims(reported)] == ["attribution"]
    for seen in (
        "The fire was reported in the car park at 3 am on Sunday.",
        "Explosions were reported in the capital on Sunday morning.",
    ):
        assert [claim.kind for claim in extract_claims(seen)] != ["attribution"]
    assert [claim.kind for claim in dates] == ["attribution"]
    assert [claim.kind for claim in audit] == ["statistic"]


def test_a_clause_after_a_semicolon_opening_with_according_to_names_its_source():
    body = (
        "There were reportedly four people on board; according to investigators, one was pronounced dead "
        "at the crash site in 2019. Officials said the plane was flying to Gillespie Field airport."
    )
    claims = extract_claims(body)

    assert _claim(claims, "pronounced dead").attribution == "investigators"
    assert {"text": "Gillespie Field", "type": "PLACE"} in _claim(claims, "Gillespie").entities


def test_names_introduced_together_by_a_plural_body_noun_are_organisations_throughout():
    body = (
        "Australian store chains Woolworths and Coles lowered their limits on toilet paper to 2 packs. "
        "To ease the shortage, Coles increased delivery frequency and Woolworths ordered 40 pallets of stock."
    )
    claims = extract_claims(body)

    assert {"text": "Coles", "type": "ORG"} in _claim(claims, "delivery frequency").entities
    assert {"text": "Woolworths", "type": "ORG"} in _claim(claims, "delivery frequency").entities


def test_a_short_count_of_an_event_is_a_claim_but_a_short_dateline_or_byline_is_not():
    body = (
        "The government said on Tuesday that the new rules would be published in the official journal. "
        "According to officials, 6 people died. Two were arrested.\n\nDecember 11, 2012\n\nBy John Smith"
    )

    texts = [claim.text for claim in extract_claims(body)]

    assert "6 people died." in texts
    assert "Two were arrested." in texts
    assert "Three were shot." in [
        claim.text for claim in extract_claims(body.replace("Two were arrested.", "Three were shot."))
    ]
    assert not [text for text in texts if "2012" in text or "John Smith" in text]


@pytest.mark.parametrize("heading", ["Round 2 vote.", "Phase 3 release.", "Strike 3."])
def test_a_short_heading_with_a_number_is_no_claim(heading):
    body = f"The government said on Tuesday that the new rules would be published in the journal. {heading}"

    assert heading not in [claim.text for claim in extract_claims(body)]


def test_a_surname_written_later_without_its_accent_is_still_the_person():
    body = (
        "On Wednesday, President Recep Tayyip Erdoğan pledged to convert the museum within 2 years. "
        "On Friday in Istanbul, Erdogan said the plan would cost 40 million lira."
    )

    later = _claim(extract_claims(body), "40 million").entities

    assert {"text": "Erdogan", "type": "PERSON"} in later


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Netflix released the documentary Tiger King and Carole Baskin later sued over 3 episodes, which Baskin "
            "called lies.",
            [("Tiger King", "MISC"), ("Carole Baskin", "PERSON")],
        ),
        (
            "Critics praised the film Parasite and Bong Joon-ho won 4 Oscars in 2020, a first for Bong Joon-ho.",
            [("Parasite", "MISC"), ("Bong Joon-ho", "PERSON")],
        ),
        ("The tech companies Apple and Google paid 5 billion dollars in 2019.", [("Apple", "ORG"), ("Google", "ORG")]),
        (
            "In the focus groups Democrats and Republicans disagreed on 3 of the 5 issues.",
            [("Democrats", "NORP"), ("Republicans", "NORP")],
        ),
    ],
)
def test_a_title_ends_before_a_person_named_again_and_plural_bodies_are_named_ones(sentence, expected):
    claim = extract_claims(sentence)[0]

    assert [(e["text"], e["type"]) for e in claim.entities][: len(expected)] == expected


@pytest.mark.parametrize(
    ("sentence", "title"),
    [
        (
            "The book Fire and Fury by Michael Wolff sold 1.7 million copies in the first 3 weeks of its sale.",
            "Fire and Fury",
        ),
        ("The tell-all book Too Much and Never Enough was published on July 14, 2020.", "Too Much and Never Enough"),
    ],
)
def test_a_title_with_and_stays_whole_when_no_one_after_the_and_is_named_again(sentence, title):
    (claim,) = extract_claims(sentence)

    assert {"text": title, "type": "MISC"} in claim.entities


def test_they_in_what_one_speaker_said_keeps_the_speakers_frame():
    body = (
        "A spokesperson for Vale Coaches said their thoughts were with the 3 injured children, and they were "
        "carrying out an internal investigation."
    )

    texts = [claim.text for claim in extract_claims(body)]

    assert texts == [
        "A spokesperson for Vale Coaches said their thoughts were with the 3 injured children.",
        "A spokesperson for Vale Coaches said they were carrying out an internal investigation.",
    ]
    # a plural speaker is who "they" are
    assert [c.text for c in extract_claims("Police said the man was armed, and they arrested him on Monday.")] == [
        "Police said the man was armed.",
        "Police arrested him on Monday.",
    ]


def test_a_body_a_spokesperson_speaks_for_or_that_makes_things_is_an_organisation_in_every_claim():
    body = (
        "3 children were hurt after a Vale Coaches bus hit a bridge on Monday.\n\n"
        "A spokesperson for Vale Coaches said 40 buses were checked.\n\n"
        "Kimberly-Clark and Solaris Paper which makes Sorbent said they made 20% more paper in March.\n\n"
        "A spokesman for Boris Johnson said 12 ministers agreed."
    )

    types = {e["text"]: e["type"] for claim in extract_claims(body) for e in claim.entities}

    assert types["Vale Coaches"] == "ORG"
    assert types["Solaris Paper"] == "ORG"
    assert types["Boris Johnson"] == "PERSON"


def test_she_after_a_post_is_whoever_holds_it_and_never_a_man_named_earlier():
    body = (
        'Howard Moss, a lawyer for the family, told the BBC "My client is relieved by the 3 verdicts." '
        'The head of the port\'s internal investigators told the court "40 containers were never checked." '
        'She also said "We were called 2 days late."\n\n'
        'Howard Moss said the 3 officers would appeal. She said "We lost 12 days."'
    )

    attributions = [claim.attribution for claim in extract_claims(body)]

    assert attributions == [
        "Howard Moss",
        "",  # "Howard Moss is a lawyer for the family.": the article's own description
        "The head of the port's internal investigators",
        "The head of the port's internal investigators",
        "Howard Moss",
        "",
    ]


def test_a_quotation_that_goes_on_in_the_next_sentence_keeps_its_speaker():
    body = (
        '"Warm water cuts into the shelf from below," said study co-author Ted Moss of the institute. '
        '"Like scoring a plate of glass, the trough renders the shelf weak, and in 3 decades it is gone."\n\n'
        "The team measured 40 shelves in 2019.\n\n"
        '"Only 2 of them were stable in 2019."'
    )

    attributions = [claim.attribution for claim in extract_claims(body)]

    assert attributions == ["Ted Moss", "Ted Moss", "", ""]


def test_a_quotation_opening_the_next_paragraph_is_not_the_last_speakers():
    body = (
        '"We will open 3 new dams in 2021," said Ana Vell.\n\n'
        '"The 3 dams will fail within 5 years." That warning came from engineer Ian Moss in 2020.'
    )

    attributions = {claim.text: claim.attribution for claim in extract_claims(body)}

    assert attributions['"The 3 dams will fail within 5 years."'] == ""


def test_a_document_set_between_commas_after_an_opening_clause_is_the_source():
    (claim,) = extract_claims(
        "Because warmer water is more buoyant, says the study, it rises above the 3 layers of cold water."
    )

    assert claim.attribution == "the study"
    assert claim.text == "Because warmer water is more buoyant, it rises above the 3 layers of cold water."


def test_a_finding_a_pronoun_reports_stays_whole():
    (claim,) = extract_claims("They concluded that the 3 border agreements are null and void under the Law of the Sea.")

    assert claim.text == "They concluded that the 3 border agreements are null and void under the Law of the Sea."


def test_a_speaker_named_right_after_a_closing_quotation_stays_in_its_sentence():
    quoted = extract_claims(
        '"Our house is burning. Let us discuss this emergency in 2 days!" Ana Vell told the world on Thursday via '
        "Twitter.",
        published_on=dt.date(2019, 8, 23),
    )
    # but a speaker who goes on to say something of their own starts a sentence
    own = extract_claims('The vote ended in 2019. "It is over after 3 years." Ian Moss said he would resign in 2020.')

    assert [(claim.text, claim.attribution) for claim in quoted] == [
        (
            '"Our house is burning. Let us discuss this emergency in 2 days!" Ana Vell told the world on Thursday '
            "via Twitter.",
            "Ana Vell",
        )
    ]
    assert ("Ian Moss said he would resign in 2020.", "Ian Moss") in [(c.text, c.attribution) for c in own]


def test_a_relative_clause_inside_an_opening_comparison_stays_in_its_sentence():
    texts = [
        c.text for c in extract_claims("Unlike Senators, who serve 6-year terms, members of the House serve 2 years.")
    ]

    assert texts == ["Unlike Senators, who serve 6-year terms, members of the House serve 2 years."]


def test_they_after_one_speaker_stands_for_no_one_and_keeps_its_frame():
    body = "Ana Vell said the 3 officers were convicted. They said they would appeal their 5-year sentences."

    claims = extract_claims(body)

    assert [(c.text, c.attribution) for c in claims][-1] == ("They said they would appeal their 5-year sentences.", "")


def test_a_source_set_between_commas_that_goes_on_adding_something_leaves_the_sentence_whole():
    text = "A total of 39 are confirmed dead, officials told state media, adding that rescuers ended their work."

    (claim,) = extract_claims(text)

    assert claim.text == text


def test_according_to_between_commas_before_a_phrase_that_goes_on_is_the_source():
    (claim,) = extract_claims(
        "Ana Vell was listed in critical condition, according to officials, with burns over 85% of her body."
    )

    assert claim.attribution == "officials"
    assert claim.text == "Ana Vell was listed in critical condition, with burns over 85% of her body."


def test_he_in_a_sentence_opened_by_his_is_the_person_named_before():
    body = (
        "Ian Moss served 2 terms as governor. His politics clashed with those of Carl Hart and Tom Webb; "
        "he has come out against 3 of their health plans."
    )

    texts = [claim.text for claim in extract_claims(body)]

    assert "Ian Moss has come out against 3 of their health plans." in texts


def test_an_arabic_name_with_bin_is_whole_and_said_in_it_is_no_verb_of_saying():
    claims = extract_claims("On Friday, Qaboos bin Said, the long-serving Sultan of Oman, died aged 79.")

    assert [(claim.text, claim.kind) for claim in claims] == [
        ("On Friday, Qaboos bin Said died aged 79.", ClaimKind.EVENT),
        ("Qaboos bin Said is the long-serving Sultan of Oman.", ClaimKind.OTHER),
    ]


@pytest.mark.parametrize("joined_capital", ["A-", "A.", "A'"])
def test_a_long_token_of_capitals_joined_by_hyphens_or_full_stops_is_read_in_linear_time(joined_capital):
    # Each capital inside such a token starts a name; a name pattern that reads on to the token's end from
    # every one of them took seconds here, and hours for a token of a 2 MB upload. Eight times the token takes
    # about 4 to 6 times the CPU time when linear, 64 times when quadratic.
    def cpu_seconds_to_extract(capitals: int) -> float:
        body = (
            "The council said on Monday that the new rules will come into force next year and that 3 roads were "
            "closed in the town, where residents have been told to stay at home. "
            * 5
            + "\n\n"
            + joined_capital * capitals
            + " is big."
        )
        return fastest_cpu_seconds(lambda: extract_claims(body, published_on=dt.date(2020, 1, 1)))

    short = cpu_seconds_to_extract(1000)

    assert cpu_seconds_to_extract(8000) < 20 * short


def test_a_long_hyphenated_token_inside_a_claim_is_read_in_linear_time():
    # The check for "a fire was reported in ..." read such a token to its end from each of its hyphens: 20 times
    # the token took about 400 times as long. Timed against the same article with a short token and compared by
    # their ratio alone (about 6 when linear), which an added constant would not keep; in CPU time, which the
    # suite's other parallel workers do not add to, the fastest of three tries.
    def cpu_seconds_to_extract(pieces: int) -> float:
        body = (
            "The council said on Monday that the new rules will come into force next year and that 3 roads were "
            "closed in the town, where residents have been told to stay at home. "
            * 30
            + "Officials of "
            + "-".join(["AB"] * pieces)
            + " said that 30 people were hurt in the crash on the road into the town."
        )
        return fastest_cpu_seconds(lambda: extract_claims(body, published_on=dt.date(2020, 1, 1)))

    short = cpu_seconds_to_extract(300)

    assert cpu_seconds_to_extract(9000) < 15 * short


def test_according_to_inside_the_last_clause_after_a_semicolon_speaks_for_no_other_clause():
    claims = extract_claims(
        "The PKK is a banned militant organization in 3 countries; the YPG is, according to Turkey, "
        "supportive of the PKK."
    )

    assert all(claim.attribution == "" for claim in claims if "banned" in claim.text)


def test_a_second_verb_of_saying_names_the_subject_for_what_it_says_only():
    claims = extract_claims(
        "The embassy declined the 3 requests for an interview and said the family left on advice from the "
        "State Department.",
        published_on=dt.date(2019, 10, 10),
    )

    assert [(claim.text, claim.attribution) for claim in claims] == [
        ("The embassy declined the 3 requests for an interview.", ""),
        ("The embassy said the family left on advice from the State Department.", "The embassy"),
    ]


def test_what_a_source_does_besides_speaking_is_not_attributed_to_it():
    claims = extract_claims(
        "The company acknowledged the breach and paid the fine of 3 million dollars to the regulator last year. "
        "Police said the man, who had 3 prior convictions, was arrested in the city on Monday.",
        published_on=dt.date(2019, 10, 10),
    )

    assert [(claim.text, claim.attribution) for claim in claims] == [
        ("The company acknowledged the breach.", "The company"),
        ("The company paid the fine of 3 million dollars to the regulator last year.", ""),
        ("Police said the man was arrested in the city on Monday.", "Police"),
        ("The man had 3 prior convictions.", "Police"),
    ]


def test_a_pronoun_after_an_opening_phrase_is_the_person_named_before_but_not_one_its_sentence_names():
    body = (
        "Kurt Volker, the special envoy for Ukraine, resigned on Friday without public explanation. "
        "In July, he helped arrange a meeting between Rudy Giuliani and Andriy Yermak in Madrid. "
        "Ginger Baker moved to Nigeria in 1970 and built a recording studio in Lagos. "
        "Here he collaborated with Fela Kuti for 3 years and recorded an album with Paul McCartney."
    )
    claims = extract_claims(body)

    assert _claim(claims, "Madrid").text == (
        "In July, Kurt Volker helped arrange a meeting between Rudy Giuliani and Andriy Yermak in Madrid."
    )
    assert _claim(claims, "Fela Kuti").text == "Here Ginger Baker collaborated with Fela Kuti for 3 years."


def test_a_speaker_named_by_a_given_name_alone_is_the_person_a_later_he_stands_for():
    body = (
        'Sergey said, "they require the complete removal of the cipher code before the repository returns." '
        'He also said, "I cannot guarantee that we will meet all 3 of their demands by Sunday."'
    )

    assert _claim(extract_claims(body), "3 of their demands").attribution == "Sergey"


def test_testified_between_commas_names_the_source():
    body = (
        "Emily Stone met two officers at a pub near the river in 2014. "
        "In between, she testified, she was attacked by 3 officers in the building."
    )
    claim = _claim(extract_claims(body), "3 officers")

    assert claim.text == "In between, Emily Stone was attacked by 3 officers in the building."
    assert claim.attribution == "Emily Stone"


def test_a_document_whose_owner_is_named_after_it_belongs_to_that_owner():
    body = (
        "The league called off 3 games on Wednesday night in Oklahoma City. "
        "According to its press release, the NBA will refund all 3,000 ticket holders within 30 days. "
        "According to their statement, the city police arrested 12 protesters outside the arena."
    )
    claims = extract_claims(body)

    refund = _claim(claims, "3,000 ticket holders")
    assert refund.text == "The NBA will refund all 3,000 ticket holders within 30 days."
    assert refund.attribution == "NBA"
    assert _claim(claims, "12 protesters").attribution == "city police"


def test_saying_something_by_saying_it_names_the_subject():
    body = (
        "Governor Mike DeWine postponed the primary election on Monday. "
        'He continued by announcing, "As such, the health director will order the polls closed for 2 weeks." '
        "In August, the parents tried to have their son released by saying they forgave him for the 3 thefts."
    )
    claims = extract_claims(body)

    assert _claim(claims, "closed for 2 weeks").attribution == "Mike DeWine"
    assert _claim(claims, "3 thefts").attribution == "the parents"


def test_a_day_without_its_comma_before_the_source_keeps_the_source():
    claims = extract_claims(
        "On Thursday the local health secretary reported 3 more cases in the village near the air base. "
        "Yesterday the Search and Rescue Agency told The Jakarta Post it would end its search after 12 days."
    )

    assert _claim(claims, "3 more cases").attribution == "the local health secretary"
    assert _claim(claims, "12 days").attribution == "the Search and Rescue Agency"


def test_a_named_speaker_who_said_a_quotation_without_a_comma_before_who():
    claim = _claim(
        extract_claims(
            "The bill was drafted by Alex Greenwich who said on the parliament floor, "
            '"It follows 50 years of work from campaigners, activists and doctors."'
        ),
        "50 years",
    )

    assert claim.attribution == "Alex Greenwich"


def test_a_post_then_its_holder_without_the_closing_comma_names_the_holder():
    claims = extract_claims(
        "The owner of the Make Crate subscription service stated her company's kits teach 3 coding skills. "
        "The Labour Party's leader, Jeremy Corbyn announced he will not lead the party into the next 2 elections. "
        "Russia, Vladimir Putin announced 4 new bases in the Arctic region this year."
    )

    assert _claim(claims, "3 coding skills").attribution == "The owner of the Make Crate subscription service"
    assert _claim(claims, "2 elections").attribution == "Jeremy Corbyn"
    assert _claim(claims, "4 new bases").attribution == ""


def test_a_speaker_of_a_body_with_its_abbreviation_before_a_quotation():
    claim = _claim(
        extract_claims(
            "Nikki Holland of the UK's National Crime Agency (NCA) said, "
            '"The 337 offenders arrested cannot hide from law enforcement."'
        ),
        "337 offenders",
    )

    assert claim.attribution == "Nikki Holland of the UK's National Crime Agency (NCA)"


def test_a_protester_or_a_volunteer_is_a_source_described_by_what_they_do():
    claims = extract_claims(
        '"There were 3 rallies this week alone," wrote student protester Joshua Wong on Twitter. '
        '"About 40 of us were turned away at the border," said a volunteer at the camp.'
    )

    assert _claim(claims, "3 rallies").attribution == "Joshua Wong"
    assert _claim(claims, "About 40").attribution == "a volunteer at the camp"


def test_a_body_described_by_a_which_clause_before_its_verb_is_the_source():
    claim = _claim(
        extract_claims(
            "In 2017, Taiwan's Constitutional Court, which rules on constitutional matters, said not allowing gay "
            'citizens to marry constituted "different treatment" under 2 articles of the constitution.'
        ),
        "2 articles",
    )

    assert claim.attribution == "Taiwan's Constitutional Court"


def test_a_frame_closing_a_clause_does_not_speak_for_the_contrasting_clause_after_it():
    claims = extract_claims(
        "Trump has admitted to ordering the 2 payments, according to prosecutors, but the U.S. Justice "
        "Department maintains a policy of not charging a sitting president with crimes."
    )

    assert _claim(claims, "2 payments").attribution == "prosecutors"
    assert _claim(claims, "maintains a policy").attribution == ""


def test_a_message_announcing_something_is_its_authors_statement():
    claims = extract_claims(
        "Presidential physician Sean Conley issued a statement saying the president has been given 4 drugs. "
        "Prime Minister Igor Matovič posted a message on Facebook on Friday announcing he had tested positive "
        "and would isolate for 10 days."
    )

    assert _claim(claims, "4 drugs").attribution == "Presidential physician Sean Conley"
    assert _claim(claims, "10 days").attribution == "Prime Minister Igor Matovič"


def test_a_trailing_according_to_followed_by_who_the_source_is_names_the_source():
    claims = extract_claims(
        "Federal authorities are investigating 2 shootings as domestic terrorism, according to prosecutor "
        "Josh Bash, the U.S. Attorney for the Western District of Texas."
    )

    assert _claim(claims, "2 shootings").attribution == "Josh Bash"


def test_a_frame_between_commas_before_a_pronoun_in_the_past_speaks_for_the_clause():
    claim = _claim(
        extract_claims("At 9:15 p.m. local time, her office said, she died at a hospice near her home in Vermont."),
        "hospice",
    )

    assert claim.attribution == "her office"
    assert "said" not in claim.text


def test_a_news_agency_described_in_lower_case_is_the_source():
    claim = _claim(
        extract_claims("On Monday, state-run Egyptian news agency MENA reported the dam was 70 percent complete."),
        "70 percent",
    )

    assert claim.attribution == "MENA"


def test_whose_relative_the_source_is_describes_the_source():
    claim = _claim(
        extract_claims(
            "Mary Holt, Daniel Holt's sister, told reporters she expected the inquiry into the crash to take 3 years."
        ),
        "3 years",
    )

    assert claim.attribution == "Mary Holt"


def test_a_post_then_its_holder_without_the_closing_comma_before_a_quotation():
    claims = extract_claims(
        'A member of the Kenyan Senate, Ruth Wanjiku said, "The 12 new clinics will open in the county next year." '
        'Speaking to the radio station Capital FM, Peter Kamau said, "We expect 40 nurses to apply for the posts."'
    )

    assert _claim(claims, "12 new clinics").attribution == "Ruth Wanjiku"
    assert _claim(claims, "40 nurses").attribution == "Peter Kamau"


def test_a_named_chair_between_commas_describes_the_speaker():
    claim = _claim(
        extract_claims(
            "Professor Lena Ortiz, Chair In Maritime History at the University of Lisbon, said "
            '"The wreck on the sea floor is about 400 years old."'
        ),
        "400 years",
    )

    assert claim.attribution == "Professor Lena Ortiz"


def test_posts_written_around_their_holder_name_the_source():
    claims = extract_claims(
        "Member of parliament (MP) Owen Hale said the bill would cut 2,000 jobs in the region's steel plants. "
        'At the close of the summit, AU chairperson President Hassan el-Amin of Chad said, "The 55 states agree."'
    )

    assert _claim(claims, "2,000 jobs").attribution == "Member of parliament (MP) Owen Hale"
    assert _claim(claims, "55 states").attribution == "AU chairperson President Hassan el-Amin of Chad"


def test_a_company_name_with_an_ampersand_is_the_source():
    claim = _claim(
        extract_claims("AT&T stated it had restored service to 90 percent of its customers in the storm's path."),
        "90 percent",
    )

    assert claim.attribution == "AT&T"


def test_a_commission_on_a_subject_that_announced_on_a_day_is_the_source():
    claims = extract_claims(
        "The Federal Commission on Water Safety announced on Monday the new limit for lead takes effect in 2024. "
        "Local officials said on Saturday, about 20 buildings collapsed in the old town after the earthquake."
    )

    assert _claim(claims, "2024").attribution == "The Federal Commission on Water Safety"
    assert _claim(claims, "20 buildings").attribution == "Local officials"


def test_a_post_in_lower_case_after_an_opening_names_its_holder():
    claims = extract_claims(
        "Additionally, economist and party adviser Harold Finch said the fund had lost 8 percent this year. "
        "EU trade and industry commissioner Maria Lind announced 6 countries would join the customs pact."
    )

    assert _claim(claims, "8 percent").attribution == "Harold Finch"
    assert _claim(claims, "6 countries").attribution == "EU trade and industry commissioner Maria Lind"


def test_a_bodys_website_is_the_source_of_its_quotation():
    claim = _claim(
        extract_claims('The WHO\'s website said: "There is no evidence that 5 home remedies prevent the disease."'),
        "5 home remedies",
    )

    assert claim.attribution == "The WHO's website"


def test_who_announced_or_confirmed_it_after_a_passive_verb_is_the_source():
    claims = extract_claims(
        "The death of the 93-year-old novelist was announced on Friday by the University of Texas, Austin. "
        "Her death at the age of 81 was confirmed by her daughter, Nora Ellis. "
        "The first 12 cases were confirmed by health officials on October 16. "
        "The mayor was elected by 3 votes in the council."
    )

    assert _claim(claims, "93-year-old").attribution == "the University of Texas, Austin"
    assert _claim(claims, "age of 81").attribution == "Nora Ellis"
    assert _claim(claims, "12 cases").attribution == "health officials"
    assert _claim(claims, "3 votes").attribution == ""


def test_a_source_that_said_something_after_what_it_did_not_do_is_the_source():
    claims = extract_claims(
        "According to the Nordic Press Agency, the storm closed 3 ports along the coast on Monday. "
        "The agency did not mention casualties, but said 14 ships were waiting outside the harbour."
    )

    assert _claim(claims, "14 ships").attribution == "the Nordic Press Agency"


def test_a_clause_with_its_own_trailing_source_keeps_it_beside_a_later_one():
    claims = extract_claims(
        "Peru has the highest number of deaths from the outbreak, according to the WHO data; at least 9,000 "
        "deaths were linked to it in Peru as of yesterday, with the number rising by 300 a day according to the "
        "Lima Health Observatory."
    )

    assert _claim(claims, "highest number").attribution == "WHO"


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ('Professor Ana Ruiz, Director General of the Andean Institute of Virology that ran the trial, said, "We '
         'found 4 new strains this year."', "Professor Ana Ruiz"),
        ("US theoretical astrophysicist Dana Kirk tweeted that the comet was 3 times brighter than expected.",
         "US theoretical astrophysicist Dana Kirk"),
        ('Omar Haddad, speaking for the country\'s Health Ministry, reported yesterday, "We have 523 new '
         'infections."', "Omar Haddad"),
        ("Very early yesterday morning, the Chilean President Ana Soto reported she had tested positive for "
         "the flu after 2 weeks of travel.", "the Chilean President Ana Soto"),
        ("On Thursday officials reported the number of cases in the outbreak rose to 58.", "officials"),
        ('Member of Parliament (MP) Rhys Owen of the Labour Party added, "The bill would cut 4,000 jobs."',
         "Member of Parliament (MP) Rhys Owen of the Labour Party"),
    ],
    ids=["a director general", "tweeted that", "speaking for a ministry", "very early", "a day then a group",
         "a member of a body in capitals"],
)  # fmt: skip
def test_sixteenth_session_phrasings_name_their_source(sentence, source):
    (claim,) = extract_claims(sentence, published_on=dt.date(2020, 5, 7))

    assert claim.attribution == source


def test_a_subordinate_clauses_speaker_is_not_the_main_clauses_source():
    (claim,) = extract_claims(
        "When the governor tweeted that 3 counties would reopen, Twitter placed a warning label on the post."
    )

    assert claim.attribution == ""


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        (
            'Assembly president Richard Ferrand in relaying the news to parliament said, "Chirac is part of '
            'the history of France since 1995".',
            "Assembly president Richard Ferrand",
        ),
        ("The rise in housing prices said little about 40 towns.", ""),
    ],
)
def test_what_the_speaker_was_doing_before_the_verb_without_commas_keeps_the_speaker(sentence, source):
    (claim,) = extract_claims(sentence)

    assert claim.attribution == source


def test_a_speakers_body_named_in_quotation_marks_is_part_of_the_source():
    (claim,) = extract_claims('Anna Franowska of "Have no fear" said the group had 200 members.')

    assert claim.attribution == 'Anna Franowska of "Have no fear"'


def test_a_group_that_estimates_is_the_source_of_its_estimate():
    (claim,) = extract_claims("Police estimate that thousands of people attended the march on Sunday.")

    assert claim.attribution == "Police"


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("Aid agencies say populations with high vaccination rates have enough herd immunity to stop 3 outbreaks.",
         "Aid agencies"),
        ("The archaeologists say that 93 of the statues stand near sources of fresh water.", "The archaeologists"),
        ("Maria Lopez went on to say 4,000 deaths could be prevented by the new drug.", "Maria Lopez"),
        ("Labour Party leader and Prime Minister Tom Hale said he was humbled by the 2019 results.", "Tom Hale"),
        ("The topmost senior Polish archbishop Marek Nowak said 12 priests had been suspended in 2019.",
         "Marek Nowak"),
        ('"Stripes may confuse 3 species of flies," said study co-author and Royal Society Research Fellow '
         'Alan Reed.', "Alan Reed"),
        ('"The police used force against 200 protesters," Hong Kong director of Amnesty International Lan-fei Ho '
         'said in a statement.', "Lan-fei Ho"),
        ("A few days later, on July 2, Trump announced he would drop the question from the 2020 census.", "Trump"),
        ("A few days later the administration said it would add the question to the 2020 census.",
         "the administration"),
        ("Council spokesperson Ana Berg, when asked whether an investigation was conducted, told reporters 2 "
         "leaders had tested positive.", "Council spokesperson Ana Berg"),
        ("The BBC also cited Budi Santoso, chief of the State Intelligence Agency, as saying the 3 suspects were "
         "linked to the network.", "Budi Santoso"),
        ('The governor tweeted her reasoning saying, "Today, I signed 1 bill into law."', "The governor"),
        ("If these findings are accurate, scientists say, containing the virus may require 2 approaches.",
         "scientists"),
        ("Another report from the Mexican government during the weekend said 8 Mexicans died in the attack.",
         "the Mexican government"),
        ("A new study by the Pew Research Center found that 40 percent of adults use the app.",
         "the Pew Research Center"),
    ],
    ids=["a group's present", "the group named by its noun", "went on to say", "two posts joined by and",
         "a description in lower case", "said, then two posts and the name", "a body's post, the name, then said",
         "a few days later, then a date", "a few days later without a comma", "when asked between commas",
         "cited as saying", "saying right before a quotation", "a group's present between commas",
         "a report from a body of a place", "a study by a named body"],
)  # fmt: skip
def test_seventeenth_session_phrasings_name_their_source(sentence, source):
    # What an apposition says of the source ("Budi Santoso, chief of ...,") follows as a claim of its own
    claim, *_described = extract_claims(sentence, published_on=dt.date(2020, 5, 7), english_confirmed=True)

    assert claim.attribution == source


@pytest.mark.parametrize(
    "sentence",
    [
        "The lawyer for John Smith said the 3 charges against his client were false.",
        "The wife of President Joe Biden said 40 schools would reopen in 2021.",
        "Egypt's President Abdel Fattah al-Sisi announced three days of national mourning, Wednesday to Friday.",
    ],
    ids=["someone else's lawyer", "someone else's wife", "announcing a thing, not saying"],
)
def test_a_name_after_words_that_make_it_someone_elses_or_no_statement_names_no_source(sentence):
    (claim,) = extract_claims(sentence, published_on=dt.date(2020, 5, 7), english_confirmed=True)

    assert claim.attribution not in ("John Smith", "Joe Biden", "Abdel Fattah al-Sisi")


def test_one_of_a_group_with_an_irregular_plural_is_the_source():
    (claim,) = extract_claims('One of the children said, "My 12 siblings were chained to their beds."')

    assert claim.attribution == "One of the children"


def test_a_pronoun_after_a_linking_adverb_is_the_person_named_before():
    claims = extract_claims(
        "Emily Murphy claimed she made the decision of 2 May alone. However, she claimed she and her family had "
        "received 40 violent threats."
    )

    threats = _claim(claims, "threats")
    assert threats.attribution == "Emily Murphy"
    assert threats.text.startswith("Emily Murphy and her family had received 40 violent threats")


def test_who_after_an_unnamed_person_described_as_someones_relative_is_that_person():
    claims = extract_claims(
        "A new allegation came from a woman, a niece of former Senate candidate Mary Dunne, who claimed the "
        "governor had insulted her when she was 14 years old."
    )

    claim = _claim(claims, "insulted")
    assert claim.text.startswith("A niece of former Senate candidate Mary Dunne claimed the governor")


def test_who_after_a_named_person_described_as_someones_relative_is_the_relative():
    # A guard: after a name, the person in the apposition is what the clause describes.
    claims = extract_claims(
        "The prosecutor agreed to investigate Hunter Biden, the son of Joe Biden, who served as Vice President "
        "from 2009 until 2017."
    )

    assert _claim(claims, "served").text.startswith("Joe Biden served as Vice President")


def test_a_given_name_alone_is_the_person_the_article_named_in_full_and_by_surname():
    claims = extract_claims(
        "Journalist Tariqul Mansoor was killed in the consulate on 2 October 2018. Mansoor was 59. His fiancée "
        'Ayla Demir said, "The killing of Tariqul was ordered by 3 officials, and the world stays silent."'
    )

    quotation = _claim(claims, "killing of Tariqul")
    assert {"text": "Tariqul", "type": "PERSON"} in quotation.entities


def test_a_misread_given_name_the_article_writes_after_the_is_no_person():
    # A guard: "Internet Chat" reads as a person's name, and "Chat" alone as their surname, but "the Internet" is
    # no one.
    claims = extract_claims(
        "Users complained on Internet Chat about the 3 takedowns. Chat was down for 2 days. The service was the "
        "most used forum on the Internet in 2019, with 40 million users."
    )

    used = _claim(claims, "most used forum")
    assert {"text": "Internet", "type": "PERSON"} not in used.entities


@pytest.mark.parametrize(
    "text",
    [
        "Hurricane Dora was expected to pass by Bermuda late Wednesday night.",
        "The state of emergency was expected to end on December 15.",
        "The company's first crewed mission is reportedly expected to launch next year.",
        "Its winds were predicted to reach Gulfport by Monday.",
    ],
    ids=["was expected to", "was expected to end", "reportedly expected", "were predicted to"],
)
def test_what_was_expected_or_predicted_to_happen_is_a_prediction(text):
    assert describe_claim(text).kind == ClaimKind.PREDICTION


@pytest.mark.parametrize(
    "text",
    [
        "Some reports suggest a deliberate criminal act.",
        "Early reports suggested police used chainsaws to rescue people.",
        "A report alleged fireworks and flash bangs were used.",
        "Reports citing sources within the party have indicated the senator was encouraged to drop out.",
    ],
    ids=["some reports suggest", "early reports suggested", "a report alleged", "reports citing sources"],
)
def test_what_unnamed_reports_say_is_reported_with_no_source_to_name(text):
    assert describe_claim(text).kind == ClaimKind.ATTRIBUTION
    assert all(claim.attribution == "" for claim in extract_claims(text, english_confirmed=True))


def test_she_after_a_sentence_about_one_unnamed_person_is_that_person_not_the_last_speaker():
    claims = extract_claims(
        "Prosecutor Kama Melly QC said the 9 men had used the girls. One of the victims decided to allow her name "
        'to be made public. She said she did this to show 40 other victims "there is nothing to be ashamed of".'
    )

    assert _claim(claims, "nothing to be ashamed of").attribution == "One of the victims"


def test_who_a_subject_is_between_commas_does_not_hide_what_they_said_while_acting():
    claims = extract_claims(
        "John Hutchins, an evolutionary biologist at London's Royal Veterinary College, questioned the findings, "
        "saying the 2 dinosaurs might have held their forelimbs tight."
    )

    assert _claim(claims, "questioned").attribution == "John Hutchins"


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Both Mugabe and Tsvangirai claimed victory in the presidential vote of 2008.", ""),
        ("The storm claimed 3000 lives and destroyed 500 homes in the province.", ""),
        ("Mohr praised Blankenship's record and claimed the nominee was stronger than any rival.", "Mohr"),
        ("The Taliban have claimed responsibility for the bombing in Kabul.", "The Taliban"),
        ("Protesters have claimed Iran, especially, is unduly influencing their government.", "Protesters"),
    ],
    ids=["claimed victory", "claimed lives", "and claimed a statement", "claimed responsibility", "claimed, aside"],
)
def test_claimed_is_a_frame_before_what_was_claimed_but_not_before_a_thing_won_or_taken(text, source):
    claimed = [claim for claim in extract_claims(text, english_confirmed=True) if "claimed" in claim.text]

    assert [claim.attribution for claim in claimed] == [source]


@pytest.mark.parametrize(
    ("second_sentence", "kept"),
    [
        ('On the live television he said, "The name of this area is Islambol."', "On the live television"),
        (
            'On September 13 — two days after the ruling — he said he remained "cautiously optimistic" of a deal.',
            "On September 13 — two days after the ruling —",
        ),
    ],
    ids=["no comma after the opening", "an aside inside dashes"],
)
def test_a_pronoun_after_an_opening_without_its_comma_is_the_speaker_and_the_opening_stays(second_sentence, kept):
    claims = extract_claims(
        f"Boris Johnson has repeatedly stated that Britain must leave by October 31. {second_sentence}",
        english_confirmed=True,
    )

    claim = _claim(claims, kept)
    assert claim.attribution == "Boris Johnson"
    assert claim.text.startswith(kept)


def test_a_single_name_after_a_post_in_lower_case_is_the_speaker():
    claims = extract_claims(
        'At the event, ABHM president Chakrapani said "Coronavirus has come because of the people who eat meat".',
        english_confirmed=True,
    )

    assert [claim.attribution for claim in claims] == ["ABHM president Chakrapani"]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            'Jennifer Daskal of American University and contributor to Slate wrote, "A single country could demand '
            'the removal of a post."',
            "Jennifer Daskal of American University",
        ),
        (
            "A tweet sent from Biden's Twitter account during the debate repeated his commitment, saying \"My "
            'running mate will be a woman."',
            "Biden",
        ),
    ],
    ids=["what else the speaker is", "a message's sender"],
)
def test_a_speaker_with_a_second_post_or_a_message_sent_from_an_account_names_the_source(text, source):
    assert [claim.attribution for claim in extract_claims(text, english_confirmed=True)] == [source]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Reuters, citing anonymous sources, reported both production and export of oil were hit.", "Reuters"),
        (
            "Hana Kimura has died, wrestling promotion World Wonder Ring Stardom (Stardom) announced yesterday.",
            "World Wonder Ring Stardom",
        ),
        (
            "According to Chief Superintendent Graciano Mijares of the police of the Autonomous Region in Muslim "
            "Mindanao, the confirmed deaths are fourteen civilians.",
            "Chief Superintendent Graciano Mijares of the police of the Autonomous Region in Muslim Mindanao",
        ),
        ("The Yemen-based Houthi movement claimed responsibility for the attacks.", "The Yemen-based Houthi movement"),
    ],
    ids=["citing aside", "described name and abbreviation after", "long post after according to", "movement"],
)
def test_a_source_with_an_aside_a_description_a_long_post_or_a_movement_is_named(text, source):
    assert [claim.attribution for claim in extract_claims(text, english_confirmed=True)] == [source]


def test_a_long_phrase_with_a_quotation_after_according_to_is_no_source():
    claims = extract_claims(
        "According to data collected by one of the National Oceanic and Atmospheric Administration's \"Hurricane "
        'Hunters", Humberto had maximum sustained winds of 75 miles per hour.',
        english_confirmed=True,
    )

    assert [claim.attribution for claim in claims] == [""]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Calling it a disgrace the archbishop said the new law would kill 3,000 children a year.", "the archbishop"),
        ("Calling it a disgrace, the archbishop said the new law would kill 3,000 children a year.", "the archbishop"),
        (
            'Calling it a "culture of death" the archbishop said "We need to pray for life in Argentina."',
            "the archbishop",
        ),
        ("Citing the report the minister said that 12 people had died in the floods.", "the minister"),
        (
            "Describing the attack as terrorism Prime Minister Jacinda Ardern said 50 people had died.",
            "Prime Minister Jacinda Ardern",
        ),
    ],
    ids=["no comma", "comma", "no comma, quotation", "the opening's object", "a post before the name"],
)
def test_the_speaker_after_a_participle_opening_without_its_comma_is_the_source(text, source):
    claims = extract_claims(text, english_confirmed=True)

    assert [claim.attribution for claim in claims] == [source]
    assert claims[0].text == text  # the opening stays


@pytest.mark.parametrize(
    "text",
    [
        "When confronted with the figures, Biden told host Jake Tapper that unemployment had doubled to 14 percent.",
        "When confronted with the accusation he assaulted Reade, against her will, in 1993, Biden told host Mika "
        'Brzezinski "No, it is not true. It never happened."',
    ],
    ids=["one comma", "commas inside what he was confronted with"],
)
def test_the_speaker_after_when_confronted_with_is_the_source(text):
    assert [claim.attribution for claim in extract_claims(text, english_confirmed=True)] == ["Biden"]


@pytest.mark.parametrize(
    ("before", "source"),
    [
        ("The ministry issued a statement on Monday.", "The ministry"),
        (
            "Late on Sunday, President Donald Trump, in a statement delivered via the press secretary, announced US "
            "troops would be leaving Syria.",
            "President Donald Trump",
        ),
        ("The Daily Mail reported the floods on Monday. A statement was released on Tuesday.", ""),
    ],
    ids=["issued a statement", "in a statement", "a statement by no one named, after an outlet"],
)
def test_the_statement_is_its_authors_when_the_article_names_them_and_no_ones_when_it_does_not(before, source):
    claims = extract_claims(
        f"{before} The statement also said that 12 people had died in the floods.", english_confirmed=True
    )

    assert _claim(claims, "12 people had died").attribution == source


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        (
            "Charles Federic Plotena, the mayor of Esperanza, Sultan Kudarat, announced that classes would be "
            "cancelled for 12 days.",
            "Charles Federic Plotena",
        ),
        (
            "The mayor of Esperanza, Sultan Kudarat, announced that classes would be cancelled for 12 days.",
            "The mayor of Esperanza, Sultan Kudarat",
        ),
        (
            "The mayor of Davao City, Sara Duterte, announced that classes would be cancelled for 12 days.",
            "Sara Duterte",
        ),
        ("John Smith, the mayor, said that classes would be cancelled for 12 days.", "John Smith"),
        ("Officials in Paris, France, said that classes would be cancelled for 12 days.", "Officials in Paris, France"),
    ],
    ids=[
        "a name, then a post of a place in a region",
        "a post of a place in a region",
        "a post, then its holder",
        "a name, then a post",
        "a known country",
    ],
)
def test_a_place_and_its_region_between_commas_stay_inside_the_source(sentence, source):
    claims = extract_claims(f"The second quake was recorded in Sultan Kudarat. {sentence}", english_confirmed=True)

    claim = _claim(claims, "classes would be cancelled")
    assert claim.attribution == source
    assert {"text": "Sultan Kudarat", "type": "PLACE"} in claim.entities or "Sultan" not in sentence


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("With the acquisition Salling said it seeks to open 12 new stores in southern Poland.", "Salling"),
        ("In a letter to parents the headteacher said that 12 pupils had been sent home.", "the headteacher"),
    ],
    ids=["with", "in"],
)
def test_the_speaker_after_a_prepositional_opening_without_its_comma_is_the_source_not_its_object(text, source):
    claims = extract_claims(text, english_confirmed=True)

    assert [claim.attribution for claim in claims] == [source]
    assert claims[0].text == text


def test_which_one_of_a_group_by_name_and_abbreviation_is_the_source_of_what_it_said_after_acting():
    claims = extract_claims(
        "One of these groups, the Syrian Democratic Forces (SDF), opposed the withdrawal and said it had been given "
        "assurances by 3 officials.",
        english_confirmed=True,
    )

    assert [claim.attribution for claim in claims] == ["Syrian Democratic Forces"]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "In a letter to The Mercury News, published on Monday, PG&E chief executive Andy Vesey said the firm was "
            "installing 100 miles of stronger poles.",
            "Andy Vesey",
        ),
        (
            "Without mentioning any symptoms, 47-year-old Matovič's government office has said he has cancelled all 12 "
            "upcoming events.",
            "Matovič's government office",
        ),
    ],
    ids=["a described letter before the speaker", "an age before the owner of an office"],
)
def test_a_speaker_after_a_described_opening_or_an_office_after_an_age_is_the_source(text, source):
    assert [claim.attribution for claim in extract_claims(text, english_confirmed=True)] == [source]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("On Sunday, Chilean military authorities reported 36 infections at the base.", "Chilean military authorities"),
        ("State press agency PAP has reported that all five deaths were caused by carbon monoxide.", "PAP"),
        (
            "An Al Jazeera reporter in Kenya noted that local reports said she had been ill for 3 weeks.",
            "An Al Jazeera reporter in Kenya",
        ),
    ],
    ids=["a group from a place, described", "a press agency", "someone unnamed in a place"],
)
def test_a_described_group_a_press_agency_or_someone_unnamed_in_a_place_is_the_source(text, source):
    assert [claim.attribution for claim in extract_claims(text, english_confirmed=True)] == [source]


def test_the_holder_named_after_a_long_post_is_the_source_of_what_they_said_after_acting():
    claims = extract_claims(
        "The then-manager of Barmouth Publicity and Director of Mid Wales Tourism Partnership, David Clay, called it "
        '"a retrograde step" and said the area could not afford to lose 3 hotels.',
        english_confirmed=True,
    )

    assert [claim.attribution for claim in claims] == ["David Clay"]


def test_a_document_described_in_an_opening_without_its_comma_does_not_hide_the_source():
    text = (
        "In an advisory issued at 11:00 a.m. local time the National Hurricane Center reported Hurricane Dorian had "
        "strengthened into a Category 5 hurricane."
    )

    assert [claim.attribution for claim in extract_claims(text, english_confirmed=True)] == [
        "the National Hurricane Center"
    ]


def test_a_number_between_the_words_of_a_name_stays_in_the_source():
    claims = extract_claims(
        "The Lost 52 Project announced on Sunday that the wreck it found last June was the U.S.S. Grayback.",
        english_confirmed=True,
    )

    assert [claim.attribution for claim in claims] == ["The Lost 52 Project"]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            '"Bringing the buffalo back is going to heal us," Crystal C\'Bearing of the Northern Arapaho tribal '
            "historic preservation office told the 300 people gathered.",
            "Crystal C'Bearing of the Northern Arapaho tribal historic preservation office",
        ),
        (
            "Ecologist Ryan Norris of the University of Guelph in Ontario also said 3 human actions had little effect.",
            "Ecologist Ryan Norris of the University of Guelph in Ontario",
        ),
    ],
    ids=["a long body described in lower case", "not 'also'"],
)
def test_a_person_of_a_body_described_in_up_to_six_words_is_the_source(text, source):
    assert [claim.attribution for claim in extract_claims(text, english_confirmed=True)] == [source]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ('Facebook released a statement which read, in part, "This judgment raises 3 critical questions."', "Facebook"),
        (
            'The commission criticized the move. They released a statement which said, "The 3 domes must stay."',
            "",
        ),
    ],
    ids=["named", "a pronoun, not whoever spoke last"],
)
def test_what_a_named_subjects_statement_said_is_theirs(text, source):
    claim = _claim(extract_claims(text, english_confirmed=True), "statement which")

    assert claim.attribution == source


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "As of yesterday, Bangladesh's Institute of Epidemiology, Disease Control and Research (IEDCR) reported "
            "114 active cases.",
            "Bangladesh's Institute of Epidemiology, Disease Control and Research (IEDCR)",
        ),
        (
            "He was born in Texas. According to police in Baytown, Texas, he has been in 3 collisions before.",
            "police in Baytown, Texas",
        ),
    ],
    ids=["a name its abbreviation spells", "a place and its region"],
)
def test_a_comma_inside_a_name_stays_in_the_source(text, source):
    claims = extract_claims(text, english_confirmed=True)

    assert _claim(claims, "114" if "114" in text else "collisions").attribution == source


@pytest.mark.parametrize(
    "text",
    [
        'On the night of May 25, attendees could catch "Pokemon Biology" and "Kimono Obi Tying".',
        "Since 5 May, visitors could enter only with a ticket booked in advance.",
        "We compared visual and genetic methods to calculate how often we got it right and found a high accuracy.",
    ],
    ids=["may-25", "5-may", "got-it-right"],
)
def test_the_month_of_may_and_getting_something_right_are_no_hedge_or_verdict(text):
    assert describe_claim(text).kind != ClaimKind.PREDICTION


@pytest.mark.parametrize(
    "text",
    [
        "Tourists may visit the island in spring, which could be a good thing.",
        "You were right to worry about it.",
    ],
    ids=["may-the-verb", "right-a-verdict"],
)
def test_the_verb_may_and_right_as_a_verdict_still_count(text):
    assert describe_claim(text).kind == ClaimKind.PREDICTION


def test_the_next_day_after_a_dated_sentence_is_the_day_after_it():
    claims = extract_claims(
        "On May 23 at the online convention, the Libertarian Party nominated Jo Jorgensen for president. "
        "The next day, the party nominated Jeremy Cohen for vice president on the third ballot.",
        published_on=dt.date(2020, 6, 19),
    )

    cohen = _claim(claims, "Cohen")
    assert {"text": "The next day", "value": "2020-05-24"} in cohen.dates


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("The researchers speculated the spikes make it dangerous for predators to hit the frog's head.", "speculated"),
        ("He hinted that the White House Coronavirus Task Force would be disbanded.", "hinted"),
        ("His legal team argued he simply represented his client in a negotiation.", "argued"),
        ("If the birds had been heavily farmed, they reasoned, the specimens would show little diversity.", "reasoned"),
    ],
)
def test_a_view_or_finding_someone_stated_is_an_attributed_statement(text, cue):
    facts = describe_claim(text)

    assert facts.kind == ClaimKind.ATTRIBUTION
    assert cue in facts.cues


@pytest.mark.parametrize(
    "text",
    [
        "However, as noted, the Republican primary there was cancelled.",
        "The hearings included requests for leniency from his lawyers, who argued his history of mental illness.",
    ],
    ids=["as-noted", "relative-clause"],
)
def test_the_articles_own_as_noted_and_a_relative_clause_attribute_nothing(text):
    assert describe_claim(text).kind != ClaimKind.ATTRIBUTION


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Slack now has thousands of people in it.", ClaimKind.STATISTIC),
        # a vague count beside an event or a source does not make the claim a statistic
        ("In 1979, revolutionaries captured the embassy, taking dozens of people hostage.", ClaimKind.EVENT),
        ("Prosecutors said patients drove to his office from hundreds of miles away.", ClaimKind.ATTRIBUTION),
    ],
)
def test_a_vague_count_is_a_statistic_only_when_nothing_else_is_claimed(text, kind):
    assert describe_claim(text).kind == kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "In the polls, Hickenlooper is far more popular than any other Democrat in the race.",
            ClaimKind.COMPARISON,
        ),
        ("The microbes grew more slowly than they would in air.", ClaimKind.COMPARISON),
        ("The children were banned from washing more often than once a year.", ClaimKind.EVENT),
    ],
)
def test_more_or_less_of_a_quality_than_something_is_a_comparison(text, kind):
    assert describe_claim(text).kind == kind


def test_what_others_believe_is_attributed_but_what_we_believe_is_an_opinion():
    believed = describe_claim(
        "Some scientists believe the first fliers were dinosaurs who could glide before they could fly."
    )

    assert believed.kind == ClaimKind.ATTRIBUTION
    assert "believe" in believed.cues
    assert describe_claim("We believe the plan will fail.").kind == ClaimKind.PREDICTION
    assert describe_claim("I believe this could be the best season we could have.").kind == ClaimKind.PREDICTION


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The swing states were certifying their results in favor of Biden.", ClaimKind.OTHER),
        ("The court rejected a lawsuit which tried to overturn the results in Georgia.", ClaimKind.EVENT),
        ("Cutting the budget results in fewer inspections.", ClaimKind.CAUSAL),
    ],
)
def test_results_the_noun_is_no_cause(text, kind):
    assert describe_claim(text).kind == kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "Per the decree signed by the Pope, priests and nuns are expected to notify the higher church authorities.",
            ClaimKind.EVENT,
        ),
        ("In some cases, they will even attack and kill chicks.", ClaimKind.EVENT),
        ("Red Hat has always been a tremendous supporter of Linux and open source.", ClaimKind.OTHER),
        ("In humans, SARS viruses tend to live in the lower respiratory tract.", ClaimKind.OTHER),
        ("Officials are expected to notify the authorities by Friday.", ClaimKind.PREDICTION),
        ("They will attack the city next week.", ClaimKind.PREDICTION),
        ("The store will open next month.", ClaimKind.PREDICTION),
        ("Prices were higher in March.", ClaimKind.COMPARISON),
    ],
    ids=["a duty under a decree", "a habit", "open source", "the lower tract", "an expectation", "a forecast",
         "a forecast opening", "higher without 'the'"],
)  # fmt: skip
def test_a_duty_a_habit_a_name_of_software_and_a_rank_are_no_forecast_event_or_comparison(text, kind):
    assert describe_claim(text).kind == kind


def test_close_after_very_is_no_event_verb_but_closing_a_bridge_is():
    sailed = describe_claim("The research ship sailed very close to where the lava entered the ocean.")

    assert "close" not in sailed.cues
    assert "entered" in sailed.cues
    assert "close" in describe_claim("Officials decided to close the bridge after the storm.").cues


@pytest.mark.parametrize(
    ("sentence", "source", "text"),
    [
        (
            "Israeli Prime Minister Benjamin Netanyahu called Trump's order swift, forceful and decisive.",
            "Israeli Prime Minister Benjamin Netanyahu",
            "Israeli Prime Minister Benjamin Netanyahu called Trump's order swift, forceful and decisive.",
        ),
        (
            "Indeed, News 12 reported, only buildings adjacent to the break were without water service.",
            "News 12",
            "Indeed only buildings adjacent to the break were without water service.",
        ),
        ("Police called the fire brigade an hour later.", "", "Police called the fire brigade an hour later."),
    ],
    ids=["who called it so", "a station's number", "a telephone call"],
)
def test_the_caller_a_station_with_a_number_and_a_second_speaker_are_sources(sentence, source, text):
    (claim,) = extract_claims(sentence, published_on=dt.date(2020, 1, 4), english_confirmed=True)

    assert (claim.attribution, claim.text) == (source, text)


def test_a_second_speaker_after_and_speaks_for_the_second_clause_only():
    sentence = "Trump described the story as possibly a hoax and the White House claimed it did not brief Trump."

    first, second = extract_claims(sentence, published_on=dt.date(2020, 6, 30), english_confirmed=True)

    assert (first.text, first.attribution) == ("Trump described the story as possibly a hoax.", "")
    assert (second.text, second.attribution) == ("The White House claimed it did not brief Trump.", "the White House")
    assert [sentence[a:b] for a, b in first.spans] == ["Trump described the story as possibly a hoax"]
    assert [sentence[a:b] for a, b in second.spans] == ["the White House claimed it did not brief Trump"]


@pytest.mark.parametrize(
    "sentence",
    [
        "In 2008 the MDC won a majority and both Mugabe and Tsvangirai claimed victory in the presidential vote.",
        "Trump and the White House said it did not brief Trump on the matter.",
        'Trump said "it is a hoax and the White House said it did not brief me" on Tuesday.',
    ],
    ids=["a list of names", "a list of speakers", "inside a quotation"],
)
def test_and_before_a_speaker_inside_a_list_or_quotation_splits_nothing(sentence):
    (claim,) = extract_claims(sentence, published_on=dt.date(2020, 6, 30), english_confirmed=True)

    assert claim.text == sentence


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        (
            'A spokesman of "Save the Children" said the group had 200 members in the region.',
            'A spokesman of "Save the Children"',
        ),
        (
            'Forty children died in the attack, a spokeswoman for "Save the Children" told reporters.',
            'a spokeswoman for "Save the Children"',
        ),
    ],
    ids=["before the claim", "after it"],
)
def test_someone_unnamed_of_a_body_named_in_quotation_marks_is_the_source(sentence, source):
    (claim,) = extract_claims(sentence, published_on=dt.date(2020, 6, 30), english_confirmed=True)

    assert claim.attribution == source


@pytest.mark.parametrize(
    ("before", "source"),
    [
        (
            "On Thursday the United States Commission on International Religious Freedom (USCIRF) criticized the move.",
            "United States Commission on International Religious Freedom",
        ),
        ("UNESCO said the change would need its approval. Protesters gathered outside the museum on Friday.", ""),
        ("Greenpeace and the Red Cross criticised the plan on Monday.", ""),
    ],
    ids=["the one body named before", "no body named before", "two bodies named before"],
)
def test_they_who_released_a_statement_are_the_one_body_the_sentence_before_names(before, source):
    body = f"{before} They released a statement which said the change was illegal under Turkish law."

    claim = _claim(extract_claims(body, published_on=dt.date(2019, 3, 31)), "illegal")

    assert claim.attribution == source


@pytest.mark.parametrize(
    ("before", "source"),
    [
        ("The three deceased were reportedly PG&E contract employees.", "PG&E"),
        ("Microsoft and the FBI met on Monday to discuss the outage.", "The company"),
    ],
    ids=["the one body named before", "two bodies named before"],
)
def test_the_company_is_the_one_body_the_sentence_before_names(before, source):
    body = f"{before} The company said power was restored by 20:21 following delays caused by warm weather."

    claim = _claim(extract_claims(body, published_on=dt.date(2020, 6, 4)), "restored")

    assert claim.attribution == source


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("In the United States President Trump said the tariffs would cost China $300 billion.", "President Trump"),
        ("In Russia President Putin said the tariffs would cost China $300 billion.", "President Putin"),
        (
            "United States President Trump said the tariffs would cost China $300 billion.",
            "United States President Trump",
        ),
    ],
    ids=["after 'In the'", "after 'In'", "no opening"],
)
def test_the_place_an_opening_without_its_comma_names_is_not_part_of_the_source(sentence, source):
    (claim,) = extract_claims(sentence, published_on=dt.date(2019, 6, 12), english_confirmed=True)

    assert claim.attribution == source


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        (
            "Rian Johnson of Star Wars: The Last Jedi said the film earned $1.3 billion worldwide.",
            "Rian Johnson of Star Wars: The Last Jedi",
        ),
        (
            "The film earned $1.3 billion worldwide, a spokesman for Star Wars: The Last Jedi said.",
            "a spokesman for Star Wars: The Last Jedi",
        ),
    ],
    ids=["before the claim", "after it"],
)
def test_a_colon_inside_a_name_stays_inside_the_source(sentence, source):
    (claim,) = extract_claims(sentence, published_on=dt.date(2019, 6, 12), english_confirmed=True)

    assert claim.attribution == source


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ('Roberts says his event, "Storm Area 51, They Can\'t Stop All of Us", was posted as a joke.',
         ClaimKind.ATTRIBUTION),
        ('Time reported some were using the slogan "Make the World Greta Again".', ClaimKind.ATTRIBUTION),
        ('A spokesman of "Save the Children" said the group had left the region.', ClaimKind.ATTRIBUTION),
        ('Trump has yet to concede, saying "I WON THIS ELECTION, BY A LOT!" on Twitter.', ClaimKind.QUOTE),
        ('Miller said "It is a little hard to definitively say what is going on".', ClaimKind.QUOTE),
    ],
    ids=["an event's name", "a slogan", "a body's name", "shouted in capitals", "speech"],
)  # fmt: skip
def test_a_name_in_quotation_marks_beside_a_verb_of_saying_is_no_quote(text, kind):
    assert describe_claim(text).kind == kind


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        (
            "In findings published on Wednesday in Science Advances, researchers from the Georgia Institute of "
            "Technology (GT) and University of South Carolina Beaufort, both in the United States, reported warming "
            "seas appear to decrease the efficacy of the chemical compounds.",
            "researchers from the Georgia Institute of Technology (GT) and University of South Carolina Beaufort",
        ),
        (
            "In findings published Wednesday in Science Advances, researchers from the University of Colorado at "
            "Boulder (CU Boulder) in Colorado and the College of Wooster in Ohio reported a new mechanism by which "
            "warm ocean currents erode the ice shelves.",
            "researchers from the University of Colorado at Boulder (CU Boulder) in Colorado and the College of "
            "Wooster in Ohio",
        ),
        (
            "In findings published on Monday in Nature Sustainability, researchers mostly from Pennsylvania State "
            "University (Penn State) in the U.S. reported the invention of a new coating that could reduce bacterial "
            "growth.",
            "researchers mostly from Pennsylvania State University (Penn State) in the U.S.",
        ),
    ],
    ids=["an abbreviation and where both are", "where each is", "mostly from"],
)
def test_researchers_from_bodies_with_abbreviations_and_places_are_the_source(sentence, source):
    (claim,) = extract_claims(sentence, published_on=dt.date(2019, 6, 12), english_confirmed=True)

    assert claim.attribution == source


def test_a_frame_between_a_subject_and_its_past_verb_names_the_body_that_said_it():
    body = (
        "US singer Doris Day died on Monday. Day's animal foundation said she had recently had pneumonia. "
        "Day, they said, desired no memorials or grave markers."
    )

    claim = _claim(extract_claims(body, published_on=dt.date(2019, 5, 16)), "memorials")

    assert (claim.text, claim.attribution) == ("Day desired no memorials or grave markers.", "Day's animal foundation")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "His family's announcement of his death specified no cause, but, according to his agent, Hunter had "
            "undergone surgery recently.",
            [("His family's announcement of his death specified no cause.", ""),
             ("Hunter had undergone surgery recently.", "his agent")],
        ),
        (
            "Already-queued orders won't leave idle capacity for some years, Maróth said, and paying back this loan "
            "seems realistic; unnamed industry experts called this dubious to Népszava.",
            [("Already-queued orders won't leave idle capacity for some years, and paying back this loan seems "
              "realistic.", "Maróth"),
             ("Unnamed industry experts called this dubious to Népszava.", "")],
        ),
    ],
    ids=["a contrast the frame opens", "a clause after a semicolon"],
)  # fmt: skip
def test_a_frame_between_commas_speaks_for_its_own_clause_only(sentence, expected):
    claims = extract_claims(sentence, published_on=dt.date(2019, 10, 24), english_confirmed=True)

    assert [(claim.text, claim.attribution) for claim in claims] == expected


@pytest.mark.parametrize(
    ("body", "fragment", "source"),
    [
        (
            "As of Monday evening, the National Hurricane Center reported the depression had sustained winds of 30 "
            "miles per hour. If it strengthened, it would be named Tropical Storm Chantal. On Tuesday, however, they "
            "reported the depression dissipated off the coast of Florida.",
            "dissipated",
            "the National Hurricane Center",
        ),
        (
            "State prosecutors charged the suspect in the shooting with capital murder, they said Sunday \u2014 murder "
            "carrying the possibility of the death penalty.",
            "capital murder",
            "State prosecutors",
        ),
        (
            "In findings published on Wednesday in the journal PLOS ONE, an international team of scientists report "
            "ancient Egyptians captured sacred ibises from the wild.",
            "ibises",
            "an international team of scientists",
        ),
        (
            "Co-lead author Sam Wilson of UH M\u0101noa's Center for Microbial Oceanography: Research and Education "
            '(C-MORE) said, "The expedition in July 2018 provided a unique opportunity to see how lava alters marine '
            'ecosystems."',
            "expedition",
            "Co-lead author Sam Wilson of UH M\u0101noa's Center for Microbial Oceanography: Research and Education "
            "(C-MORE)",
        ),
    ],
    ids=["they, after a day and 'however'", "they, of the group the sentence opens with", "a team of scientists",
         "a post, a name and a long body's name"],
)  # fmt: skip
def test_they_a_team_and_a_body_with_a_long_name_are_sources(body, fragment, source):
    claim = _claim(extract_claims(body, published_on=dt.date(2019, 7, 23)), fragment)

    assert claim.attribution == source


def test_a_day_that_opens_a_sentence_stays_with_what_they_reported():
    body = (
        "The National Hurricane Center reported the depression had sustained winds of 30 miles per hour. "
        "On Tuesday, however, they reported the depression dissipated off the coast of Florida."
    )

    claim = _claim(extract_claims(body, published_on=dt.date(2019, 7, 24)), "dissipated")

    assert [date["value"] for date in claim.dates] == ["2019-07-23"]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Though Catholic nuns and priests are expected to report the incident to the authorities, the decree did not "
         "mandate filing a report with police officials.", ClaimKind.OTHER),
        ("The company is expected to report earnings on Tuesday.", ClaimKind.PREDICTION),
    ],
    ids=["a duty the sentence names a decree for", "a forecast of a report"],
)  # fmt: skip
def test_a_duty_named_before_its_decree_is_no_forecast(text, kind):
    assert describe_claim(text).kind == kind


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ('The campaign called the statement "absolutely false."', "The campaign"),
        ('The president called the notion a "waste of time".', "The president"),
        ('State Congress President Girish Chodankar called D\'Souza "humble and soft-spoken".',
         "State Congress President Girish Chodankar"),
        ('Mick Jagger of The Rolling Stones also reacted on Twitter, "Sad news hearing that Ginger Baker has died."',
         "Mick Jagger of The Rolling Stones"),
        ("He called the fire brigade an hour later.", ""),
    ],
    ids=["called it a quotation", "called it a quoted noun", "called someone a quotation", "reacted with a quotation",
         "a telephone call"],
)  # fmt: skip
def test_whoever_called_something_a_quoted_name_or_reacted_with_a_quotation_is_its_source(sentence, source):
    (claim,) = extract_claims(sentence, published_on=dt.date(2019, 6, 12), english_confirmed=True)

    assert claim.attribution == source


@pytest.mark.parametrize(
    ("body", "fragment", "source"),
    [
        ("On Monday morning, Director Anthony Fauci of the United States National Institute of Allergy and Infectious "
         "Diseases (NIAID), announced a trial of four possible Ebola drugs was stopped early.", "Ebola",
         "Director Anthony Fauci of the United States National Institute of Allergy and Infectious Diseases (NIAID)"),
        ("A gunman shot shoppers at a Walmart store, with the death toll rising to 22 people on Monday, reported "
         "officials, with 25 others injured.", "gunman", "officials"),
        ("It was initially reported the fire started in an electric vehicle, but news broadcaster NRK later reported "
         "the fire started in a recalled 2005 Opel Zafira.", "Zafira", "NRK"),
        ("Rescuers, working in temperatures well below freezing, according to the emergencies ministry recovered at "
         "least ten survivors from the debris on Monday.", "survivors", "the emergencies ministry"),
        ("Recycled toilet paper producer Who Gives a Crap said on last Wednesday they'd run out of stock.", "stock",
         "Who Gives a Crap"),
        ('Remarked Center for Biological Diversity scientist Tierra Curry, "This reprieve from bad news on monarchs is '
         'a thank-you from the butterflies."', "monarchs", "Tierra Curry"),
        ('Citing this test, RIAA\'s take-down notice claimed "comments in the youtube-dl source code make clear that '
         'the source code was designed for circumventing YouTube\'s measures".', "youtube-dl",
         "RIAA's take-down notice"),
    ],
    ids=["a comma after a long body's abbreviation", "the verb before its source, mid-sentence",
         "a second speaker after 'but'", "the frame's closing comma left out", "a company by what it makes",
         "the verb first", "a document of someone's, described"],
)  # fmt: skip
def test_speakers_after_a_comma_a_contrast_a_description_or_their_verb_are_sources(body, fragment, source):
    claim = _claim(extract_claims(body, published_on=dt.date(2019, 8, 15), english_confirmed=True), fragment)

    assert claim.attribution == source


def test_a_verb_before_its_source_mid_sentence_leaves_the_claim_without_the_frame():
    body = (
        "A gunman shot shoppers at a Walmart store, with the death toll rising to 22 people on Monday, reported "
        "officials, with 25 others injured."
    )

    (claim,) = extract_claims(body, published_on=dt.date(2019, 8, 8), english_confirmed=True)

    assert claim.text == (
        "A gunman shot shoppers at a Walmart store, with the death toll rising to 22 people on Monday, "
        "with 25 others injured."
    )


@pytest.mark.parametrize(
    ("body", "fragment", "source"),
    [
        ("Local news outlet Kommersant said the talks in Geneva had failed.", "Geneva", "Kommersant"),
        ("Russian business daily Kommersant said the talks in Geneva had failed.", "Geneva", "Kommersant"),
        ("State-owned Iranian news agency Fars reported the talks in Geneva had failed.", "Geneva", "Fars"),
        ("Rescuers, working in temperatures well below freezing, according to the ministry recovered ten.",
         "Rescuers", "the ministry"),
    ],
    ids=["three words before the outlet noun", "a nationality and a word before it", "a hyphenated word first",
         "'according to' without its closing comma at the sentence's end"],
)  # fmt: skip
def test_an_outlet_described_in_three_words_and_an_unclosed_according_to_before_the_last_verb_are_sources(
    body, fragment, source
):
    claim = _claim(extract_claims(body, published_on=dt.date(2019, 1, 2), english_confirmed=True), fragment)

    assert claim.attribution == source


@pytest.mark.parametrize(
    ("body", "fragment", "source"),
    [
        ("The Tongs indicated issues staffing the hotel, something Clay recognised, and Mr Tong had said they "
         'intended to "restore the hall to its former glory."', "glory", "Mr Tong"),
        ("Politicians and the Archbishop of Gdańsk were reported by local media to have visited the hospital while "
         "Adamowicz received emergency surgery.", "hospital", "local media"),
        ("Park Won-soon was reported missing Thursday evening by the police.", "Park", "the police"),
        ("The chain's press release reported 22 sold units in the past year.", "units", "The chain's press release"),
        ("The company's shares reported a 20 percent fall on Monday.", "shares", ""),
    ],
    ids=["a second speaker with the tense's auxiliary", "reported by someone to have done something",
         "reported missing by someone", "a document of a body in lower case", "not a body's other thing"],
)  # fmt: skip
def test_a_speaker_who_had_said_reported_someone_to_have_done_or_wrote_a_document_is_the_source(body, fragment, source):
    claim = _claim(extract_claims(body, published_on=dt.date(2019, 1, 14), english_confirmed=True), fragment)

    assert claim.attribution == source


def test_a_second_speaker_with_the_tenses_auxiliary_speaks_for_their_own_clause():
    body = "Trump described the story as a hoax and the White House had said it did not brief Trump on the matter."

    first, second = extract_claims(body, published_on=dt.date(2019, 1, 14), english_confirmed=True)

    assert (first.text, first.attribution) == ("Trump described the story as a hoax.", "")
    assert (second.text, second.attribution) == (
        "The White House had said it did not brief Trump on the matter.",
        "The White House",
    )


@pytest.mark.parametrize(
    ("body", "source"),
    [
        ("A 2015 federal court decision said citizenship in United States territories can only be resolved by "
         "Congress.", "A 2015 federal court decision"),
        ("The 2019 annual report stated that profits rose 20 percent.", "The 2019 annual report"),
        ("A 2015 decision by the court overturned the law on 3 counts.", ""),
    ],
    ids=["a court's decision", "a report", "not a document that did something"],
)  # fmt: skip
def test_a_document_dated_by_its_year_and_described_in_lower_case_is_the_source(body, source):
    (claim,) = extract_claims(body, published_on=dt.date(2019, 10, 1), english_confirmed=True)

    assert claim.attribution == source


@pytest.mark.parametrize(
    ("body", "source", "amman"),
    [
        ("The attacker, identified as Sudesh Amman, 20, was placed under police surveillance last week. Amman, who "
         'was described as "knife-obsessed" by the police, sent his girlfriend videos of beheadings. He told her on '
         'one occasion: "Take a knife and attack the tourists."', "Amman", "PERSON"),
        ("The attacker, identified as Sudesh Amman, 20, had lived in Amman for a year. Amman, who has four million "
         'people, sent aid to the victims. He told her on one occasion: "Take a knife and attack the tourists."',
         "", "PLACE"),
    ],
    ids=["the surname alone, as someone's", "the city, written as a place"],
)  # fmt: skip
def test_a_surname_that_is_a_place_is_the_person_the_article_named_unless_it_writes_the_place(body, source, amman):
    claims = extract_claims(body, published_on=dt.date(2020, 2, 3), english_confirmed=True)

    told = _claim(claims, "Take a knife")
    entities = {e["text"]: e["type"] for e in _claim(claims, "sent").entities}
    assert told.attribution == source
    assert entities["Amman"] == amman


@pytest.mark.parametrize(
    ("body", "fragment", "source"),
    [
        ('"We will continue searching until we find it," 1st Fleet Command\'s Navy Information Agency head Arba Agung '
         "told The Jakarta Post.", "searching", "Arba Agung"),
        ("Lauren Landa voiced Annie Leonhart in the English dub of Attack on Titan.\n\nWhen she was cast, "
         '"I swear to you, I was speechless," she told an audience at her Q&A session.', "speechless", "Lauren Landa"),
        ("Residents there told the press the officers claimed to be seeking a bomb.", "bomb", "Residents"),
        ("The hospital treated 25 wounded people, CNN Philippines reported the governor said.", "wounded",
         "CNN Philippines"),
        ("On July 31, multiple news outlets reported Hamza bin Laden to be dead.", "Hamza", "multiple news outlets"),
        ("When the storm hit, the roof collapsed.", "roof", ""),
    ],
    ids=["a post after an ordinal and a body's name", "a clause before the quotation", "a group and where it is",
         "an outlet reporting whom it does not name", "news outlets unnamed", "no quotation after the clause"],
)  # fmt: skip
def test_a_post_after_an_ordinal_a_clause_before_a_quotation_and_unnamed_outlets_are_sources(body, fragment, source):
    claim = _claim(extract_claims(body, published_on=dt.date(2019, 8, 1), english_confirmed=True), fragment)

    assert claim.attribution == source


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The wreck was located 50 miles south of Okinawa, far from where the Navy's records initially predicted it "
         "would be.", ClaimKind.STATISTIC),
        ("Turnout was higher than expected in the capital.", ClaimKind.COMPARISON),
        ("The storm is predicted to reach the coast on Monday.", ClaimKind.PREDICTION),
    ],
    ids=["where a past forecast put it", "than expected", "a forecast"],
)  # fmt: skip
def test_a_past_forecast_a_fact_is_measured_against_is_no_prediction(text, kind):
    assert describe_claim(text).kind == kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Although its winds are only predicted to reach about 75 miles per hour, the National Weather Service has "
         "issued a flash flood warning and forecasters predicted a storm surge of three to six feet.",
         ClaimKind.STATISTIC),
        ("While the storm is expected to weaken, the city closed 40 schools on Monday.", ClaimKind.EVENT),
        ("Though the storm weakened on Monday, it is expected to reach the coast on Tuesday.", ClaimKind.PREDICTION),
    ],
    ids=["a forecast conceded before a warning", "a forecast conceded before a closure", "a forecast after it"],
)  # fmt: skip
def test_a_forecast_the_opening_concedes_does_not_hold_the_fact_after_it(text, kind):
    assert describe_claim(text).kind == kind


@pytest.mark.parametrize(
    ("body", "fragment", "source"),
    [
        ("The hotel's website estimated 120 people were in the 25-year-old building at the time.", "120",
         "The hotel's website"),
        ('Some of the protesters Wikinews interviewed said they had gone to "defend their children\'s right to work '
         'in Europe".', "protesters", "Some of the protesters Wikinews interviewed"),
        ("Many of the residents said the water supply had been cut for 3 days.", "water", "Many of the residents"),
        ("One of the buildings said to be unsafe was demolished on 3 May.", "demolished", ""),
        ("Rittenhouse claimed to have obtained his weapon from an older friend who paid $300.", "weapon",
         "Rittenhouse"),
    ],
    ids=["a body's website in lower case", "some of a group and who interviewed them", "many of a group",
         "not said to be, a passive", "claimed to have, as before"],
)  # fmt: skip
def test_a_bodys_website_and_some_of_a_group_are_sources_but_not_a_passive_said_to_be(body, fragment, source):
    claim = _claim(extract_claims(body, published_on=dt.date(2019, 3, 23), english_confirmed=True), fragment)

    assert claim.attribution == source


@pytest.mark.parametrize(
    ("body", "fragment", "source"),
    [
        ("It is not for the Court to opine about the motivations, argued the government's lawyer, Richard Keen.",
         "Court", "Richard Keen"),
        ("Unemployment rose to 5 percent in March, noted Ms. Smith.", "Unemployment", "Ms. Smith"),
        ("Jones left the room at 9 pm, said nothing and went home to Leeds.", "room", ""),
    ],
    ids=["a post then its holder", "a name", "a verb of the subject's, no source"],
)  # fmt: skip
def test_a_verb_of_saying_before_its_source_at_the_sentences_end_is_a_frame(body, fragment, source):
    claim = _claim(extract_claims(body, published_on=dt.date(2019, 9, 24), english_confirmed=True), fragment)

    assert claim.attribution == source


@pytest.mark.parametrize(
    ("body", "fragment", "source"),
    [
        ("NASA has selected two astronauts for Crew Dragon's first manned mission, which NASA said might take place "
         "this summer.", "astronauts", "NASA"),
        ("Salat-Baroux had not made public appearances since 2014, which his wife Bernadette said was due to memory "
         "problems.", "memory", "his wife Bernadette"),
        ("Trump did not place FEMA in charge of the response, which Politico reported left some experts "
         "disappointed.", "experts", "Politico"),
        ("The mission depends on the next flight, which NASA Administrator Jim Bridenstine has said may be ready by "
         "late August.", "August", "NASA Administrator Jim Bridenstine"),
        ("The city opened a new bridge, which cost 40 million dollars.", "40 million", ""),
    ],
    ids=["which a body said might", "which a relative said was", "which an outlet reported left",
         "which a post and its holder has said", "no source"],
)  # fmt: skip
def test_a_source_inside_a_relative_clause_says_what_the_clause_says(body, fragment, source):
    claim = _claim(extract_claims(body, published_on=dt.date(2019, 10, 1), english_confirmed=True), fragment)

    assert claim.attribution == source


@pytest.mark.parametrize(
    ("body", "text", "source"),
    [
        ("Alison Kock studied the sharks. These orcas, she suggested, specialize in hunting sharks.",
         "These orcas specialize in hunting sharks.", "Alison Kock"),
        ("The accident sequence began, Florida Highway Patrol described, in the northbound lanes of Interstate 75.",
         "The accident sequence began in the northbound lanes of Interstate 75.", "Florida Highway Patrol"),
        ("Pelosi presided over the vote, a move whose rarity, CBS noted, highlighted the significance of the "
         "resolution.", "Pelosi presided over the vote, a move whose rarity highlighted the significance of the "
         "resolution.", "CBS"),
    ],
    ids=["a present-tense verb after the frame", "where it happened after the frame", "a relative clause's subject"],
)  # fmt: skip
def test_a_frame_between_commas_before_a_present_verb_a_place_or_after_whose_is_the_source(body, text, source):
    claim = extract_claims(body, published_on=dt.date(2019, 10, 31), english_confirmed=True)[-1]

    assert (claim.text, claim.attribution) == (text, source)


def test_a_frame_between_commas_before_a_place_after_no_verb_keeps_the_sentence_as_it_was():
    body = (
        "Her daughter discovered a bag of a substance, a dangerous opioid drug, according to Kamloops Police, at the "
        "McDonald Park playground."
    )

    (claim,) = extract_claims(body, published_on=dt.date(2019, 10, 31), english_confirmed=True)

    assert claim.attribution == "Kamloops Police"
    assert "drug at the" not in claim.text


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("One of the stated goals of AfCFTA is to encourage more intra-Africa trade.", ClaimKind.OTHER),
        ("It is Johnson's stated intent for the UK to leave with or without a deal.", ClaimKind.OTHER),
        ("For reasons further stated below, it abstains from adjudicating this dispute.", ClaimKind.OTHER),
        ("The company stated that sales fell.", ClaimKind.ATTRIBUTION),
        ("Colorado also has a female majority in its lower house.", ClaimKind.OTHER),
        ("Sanders spoke about affordable higher education and healthcare.", ClaimKind.OTHER),
        ("Day had one child, record producer Terry Melcher.", ClaimKind.OTHER),
        ("Prices were lower in the north.", ClaimKind.COMPARISON),
        ("She broke the world record in Berlin.", ClaimKind.COMPARISON),
    ],
    ids=["the stated goals", "someone's stated intent", "stated below", "stated, the verb", "a lower house",
         "higher education", "a record producer", "lower, the comparison", "a record, as before"],
)  # fmt: skip
def test_stated_as_an_adjective_quotes_nobody_and_a_things_name_compares_nothing(text, kind):
    assert describe_claim(text).kind == kind


@pytest.mark.parametrize(
    ("body", "fragment", "expected"),
    [
        ("Iran issued arrest warrants for 36 people on Monday. The prosecutor said the 36 must face charges.",
         "must face", [(36, "people")]),
        ("Police arrested twelve people in Trichy. Officials said a constable saw the twelve with the dead jackal.",
         "constable", [(12, "people")]),
        ("Bloomberg won four states. He did not compete in the four earlier primaries.", "earlier", [(4, "primaries")]),
        ("The ban lasts two years. The court rejected the two posed by the defence.", "posed", [(2, "")]),
    ],
    ids=["the subject of its own clause", "with what it did", "more words after it", "not a measure"],
)  # fmt: skip
def test_a_count_named_again_in_a_later_sentence_counts_what_it_counted(body, fragment, expected):
    claim = _claim(extract_claims(body, published_on=dt.date(2020, 1, 6), english_confirmed=True), fragment)

    assert [(q["value"], q["unit"]) for q in claim.quantities] == expected


def test_a_count_named_again_is_no_statistic_of_the_claims_own():
    body = "Police arrested twelve people in Trichy. Officials said a constable saw the twelve with the dead jackal."

    claim = _claim(extract_claims(body, published_on=dt.date(2020, 1, 6), english_confirmed=True), "constable")

    assert claim.kind == ClaimKind.ATTRIBUTION


@pytest.mark.parametrize(
    ("body", "fragment", "source"),
    [
        ("Obama took a veiled shot at Trump for his attacks on mail-in voting, which critics, like Obama, have said "
         "amounted to voter suppression.", "suppression", "critics"),
        ("Baloch and Waseem's mother, Anwar, wept upon hearing her son had been convicted and said she believed he "
         "was innocent.", "innocent", "Anwar"),
        ("Pelosi also mentioned the House will appoint as yet unnamed impeachment managers.", "managers", "Pelosi"),
        ("Pelosi mentioned the House in her speech on Tuesday, when 230 members voted.", "speech", ""),
        ("Wikinews reached out to Sergey Markov, one of the maintainers of the script, however Sergey said he "
         '"won\'t give any comments at this time".', "comments", "Sergey"),
    ],
    ids=["an example of the source between commas", "a relative named between commas",
         "mentioned, before a clause", "mentioned, before a thing", "however, then a speaker"],
)  # fmt: skip
def test_twelfth_round_sources(body, fragment, source):
    claim = _claim(extract_claims(body, published_on=dt.date(2020, 1, 15), english_confirmed=True), fragment)

    assert claim.attribution == source


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Mukherjee was hospitalized on August 10 after a reported fall at his home.", ClaimKind.EVENT),
        ("Reported cases also appeared in Thailand, South Korea, and Japan.", ClaimKind.OTHER),
        ("Researchers at Penn State reported the invention of a new coating.", ClaimKind.ATTRIBUTION),
    ],
    ids=["a reported fall", "reported cases", "reported, the verb"],
)  # fmt: skip
def test_reported_as_an_adjective_quotes_nobody(text, kind):
    assert describe_claim(text).kind == kind


def test_a_pronoun_with_a_shortened_auxiliary_inside_a_relative_clause_is_the_frames_source():
    frame = find_attribution(
        "Duterte threatened the network after it did not carry his commercials, which they've said was due to a lack "
        "of airtime."
    )

    assert (frame.source, frame.cue) == ("they", "said")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Reportedly, Trump and Bolton have been at odds over the handling of North Korea.", ClaimKind.ATTRIBUTION),
        ("Allegedly, the company hid the losses from its auditors.", ClaimKind.ATTRIBUTION),
        ("Trump granted Bernard Kerik a full and unconditional pardon.", ClaimKind.EVENT),
        ("Pierluisi was sworn in as governor on August 2.", ClaimKind.EVENT),
        ("Franky Zapata crossed the English Channel on a jet-powered flying device.", ClaimKind.EVENT),
        ("John Hickenlooper ended his campaign yesterday.", ClaimKind.EVENT),
    ],
    ids=["opening reportedly", "opening allegedly", "granted", "sworn in", "crossed", "ended"],
)  # fmt: skip
def test_an_opening_reportedly_is_reported_and_a_pardon_an_oath_a_crossing_or_an_end_is_an_event(text, kind):
    assert describe_claim(text).kind == kind


@pytest.mark.parametrize(
    ("text", "kind", "cue"),
    [
        ("President Trump sent Department of Homeland Security officers to Portland.", ClaimKind.EVENT, "sent"),
        ("The water pipe burst under the road surface in the afternoon.", ClaimKind.EVENT, "burst"),
        ("The crash took place on a bendy road at around 15:00 local time.", ClaimKind.EVENT, "took"),
        ("Johnson became leader of the Conservative Party after Theresa May stepped down.", ClaimKind.EVENT, "became"),
        ("Bryant was chosen by the Charlotte Hornets in the NBA draft's first round.", ClaimKind.EVENT, "chosen"),
        ("China, Iran, and Russia have pledged funds toward the cost of reconstruction.", ClaimKind.EVENT, "pledged"),
        ("Stevens was born in 1920 in Chicago, Illinois.", ClaimKind.EVENT, "born"),
    ],
    ids=["sent", "burst", "took place", "became", "was chosen by", "pledged", "was born"],
)  # fmt: skip
def test_what_someone_sent_became_or_pledged_is_an_event_and_its_verb_the_cue(text, kind, cue):
    facts = describe_claim(text)

    assert (facts.kind, facts.cues[0]) == (kind, cue)


@pytest.mark.parametrize(
    "text",
    [
        "It must be signed by President Trump.",
        "Impeachment is the process by which a federal official can be removed from office by Congress.",
        "The winners are awarded free tuition at the academic department of Neurosurgery.",
        "Officially, the monarch may prorogue a session of Parliament, in which it is suspended.",
        "The World Athletics Championships are held every other year.",
        "An official can be elected by the council alone.",
        "The survey was reportedly to be published in Proceedings of the National Academy of Sciences.",
        "If elected, Harris would be the first woman to serve as Vice President of the United States.",
        "This month's spotlight includes the chosen running mate of the leading Green Party candidate.",
        "His presidential term was to end in August, in favor of his elected successor.",
        "Unlike people born in the states, American Samoans do not automatically gain citizenship.",
        "With Wikinews, Patel discussed how he won the nomination, what he sees as his duties as running mate.",
        "The Costa Sur power plant at Guayanilla was close to the January 7 quake's epicenter.",
    ],
    ids=["must be", "can be", "are awarded", "is suspended", "are held", "can be elected", "was to be", "if elected",
         "the chosen", "his elected", "people born", "discussed how", "was close to"],
)  # fmt: skip
def test_what_must_may_or_is_to_happen_or_happens_as_a_rule_is_no_event(text):
    facts = describe_claim(text)

    assert facts.kind == ClaimKind.OTHER
    assert facts.cues == []


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Vanderbilt would later say her union with Cooper was her only happy marriage.", ClaimKind.ATTRIBUTION),
        ("Some say flight grew up from the ground, from runners.", ClaimKind.ATTRIBUTION),
        ("The tusk was, say, the length of a grown man.", ClaimKind.OTHER),
        ("Prime Minister Hubert Minnis urged residents to evacuate.", ClaimKind.ATTRIBUTION),
        ("The mayor of New Orleans advised residents of her city to shelter in place.", ClaimKind.ATTRIBUTION),
        ("Angela Merkel demanded an explanation from Russia.", ClaimKind.ATTRIBUTION),
        ("The operation was condemned by members of the European Union.", ClaimKind.ATTRIBUTION),
        ("Trump encouraged public schools to reopen classes in person at summer's end.", ClaimKind.ATTRIBUTION),
        ("The researchers also found in 36 states most of the people who died were affected by pollution from "
         "another state.", ClaimKind.ATTRIBUTION),
        ("They found the highest oxygen concentrations occur when the water is colder.", ClaimKind.ATTRIBUTION),
        ("Preliminary investigations suggest a new feature was forcing the nose down.", ClaimKind.ATTRIBUTION),
        ("A search of McArthur's van found an alleged murder weapon.", ClaimKind.EVENT),
        ("As its name suggests, the party supported the Eighteenth Amendment.", ClaimKind.OTHER),
    ],
    ids=["would say", "some say", "say, for example", "urged", "advised", "demanded", "condemned", "encouraged",
         "researchers found", "they found",
         "investigations suggest", "a search found", "as its name suggests"],
)  # fmt: skip
def test_saying_urging_condemning_and_a_studys_finding_are_attributed_statements(text, kind):
    assert describe_claim(text).kind == kind


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Day's son, Terry Melcher, predeceased her in 2004.", "predeceased"),
        ("The franchise of ABS-CBN expired on Monday, the same day Congress reconvened.", "expired"),
        ("Avenatti pled not guilty to the charges.", "pled"),
        ("McArthur pleaded guilty to each crime at the Superior Court.", "pleaded"),
        ("Meanwhile, a new allegation surfaced from a woman.", "surfaced"),
        ("In 1998, Clinton was impeached for lying to investigators.", "impeached"),
        ("Wikinews attended the Texas Haunters Convention in Mesquite, Texas.", "attended"),
        ("Kimura made her professional wrestling debut in 2016 for promotion Wrestle-1.", "made"),
        ("Dorian made its initial landfall as a Category 5 hurricane in the Abaco Islands.", "made"),
        ("Cummings went on to start his own law practice.", "went"),
        ("Biden scheduled a town hall in Pennsylvania for the day of the debate.", "scheduled"),
    ],
    ids=["predeceased", "expired", "pled", "pleaded", "surfaced", "impeached", "attended", "made a debut",
         "made landfall", "went on to", "scheduled a"],
)  # fmt: skip
def test_a_death_before_an_expiry_a_plea_or_a_debut_is_an_event_and_its_verb_the_cue(text, cue):
    facts = describe_claim(text)

    assert (facts.kind, facts.cues[0]) == (ClaimKind.EVENT, cue)


@pytest.mark.parametrize(
    "text",
    [
        "The toilet is made of 18-karat gold and was fully functioning.",
        "Second and third place went to Ababel Yeshaneh and Gelete Burka.",
        "Sentencing is scheduled for February 4.",
    ],
    ids=["made of", "went to", "is scheduled for"],
)  # fmt: skip
def test_made_of_went_to_and_is_scheduled_for_are_no_event(text):
    assert describe_claim(text).kind != ClaimKind.EVENT


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Additionally, he delivered his final plea to voters ahead of Election Day.", "delivered"),
        ("It has attained ballot access in Arkansas.", "attained"),
        ("The inventor previously presented the device at the Bastille Day military parade.", "presented"),
        ("Monday saw armed police with dogs searching a second apartment block in Magnitogorsk.", "saw"),
        ("This week saw a referendum seeking to create a new autonomous region in Mindanao.", "saw"),
        ("The following election in 2013 saw a substantial victory for Mugabe.", "saw"),
    ],
    ids=["delivered", "attained", "presented", "monday saw", "this week saw", "2013 saw"],
)  # fmt: skip
def test_a_speech_delivered_access_attained_or_what_a_day_saw_is_an_event(text, cue):
    facts = describe_claim(text)

    assert (facts.kind, facts.cues[0]) == (ClaimKind.EVENT, cue)


def test_a_thing_presented_as_something_is_described_not_an_event():
    facts = describe_claim("The coating needs two treatments, both presented as suitable for spraying onto ceramics.")

    assert facts.kind != ClaimKind.EVENT


@pytest.mark.parametrize(
    "text",
    [
        "Cause of death was not announced.",
        "The toilet has not been recovered.",
        "Gillibrand had not yet publicly decided on a candidate.",
        "Warren did not win the primary or caucus in any state during her campaign.",
        "The NBA didn't release the identity of the player in question.",
    ],
    ids=["was not announced", "has not been recovered", "had not yet decided", "did not win", "didn't release"],
)  # fmt: skip
def test_what_has_not_happened_is_no_event(text):
    facts = describe_claim(text)

    assert (facts.kind, facts.cues) == (ClaimKind.OTHER, [])


def test_not_only_still_tells_what_happened():
    facts = describe_claim("The storm not only destroyed the pier but flooded the town.")

    assert (facts.kind, facts.cues[0]) == (ClaimKind.EVENT, "destroyed")


@pytest.mark.parametrize(
    "text",
    [
        "Ohio was also scheduled to hold a primary election.",
        "The Democratic Party planned to hold its convention largely online.",
        "Zimmerman expects rising production costs, as suppliers try to meet demand.",
        "G7 was already scheduled to meet this weekend.",
    ],
    ids=["scheduled to hold", "planned to hold", "try to meet", "scheduled to meet"],
)  # fmt: skip
def test_what_was_tried_planned_or_scheduled_is_no_event(text):
    facts = describe_claim(text)

    assert (facts.kind, facts.cues) == (ClaimKind.OTHER, [])


def test_the_verb_before_an_infinitive_still_tells_what_happened():
    facts = describe_claim("Nevada opted not to hold a caucus this year.")

    assert (facts.kind, facts.cues[0]) == (ClaimKind.EVENT, "opted")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Both officers indicated they would appeal.", ClaimKind.ATTRIBUTION),
        ("Emergency workers have indicated a homicide probe is ongoing.", ClaimKind.ATTRIBUTION),
        ("Polling indicated Hickenlooper is far more popular than any other Democrat.", ClaimKind.ATTRIBUTION),
        ("No claims of responsibility were reported yesterday.", ClaimKind.OTHER),
        ("As of January 3, no evidence of Israeli involvement has been reported.", ClaimKind.OTHER),
    ],
    ids=["indicated", "have indicated", "polling indicated", "no claims were reported",
         "no evidence has been reported"],
)  # fmt: skip
def test_indicating_a_view_is_attributed_and_what_nobody_reported_quotes_nobody(text, kind):
    assert describe_claim(text).kind == kind


@pytest.mark.parametrize(
    "text",
    [
        "Mendez spent most of his 25-year career at posts outside the U.S., many in Asia.",
        "Sacred Defence Week is an annual commemoration of the eight-year Iran-Iraq War.",
        "The 67-year-old killer had kept a bracelet of Navaratnam's.",
    ],
    ids=["his 25-year career", "the eight-year war", "the 67-year-old killer"],
)  # fmt: skip
def test_an_age_or_span_that_tells_which_thing_is_meant_is_no_statistic(text):
    assert describe_claim(text).kind == ClaimKind.OTHER


@pytest.mark.parametrize(
    "text",
    [
        "The man was a 44-year-old contract worker from Cambridgeshire, England.",
        "Unlike Senators, who serve six-year terms, members of the House are elected for two-year terms.",
    ],
    ids=["was a 44-year-old", "serve six-year terms"],
)  # fmt: skip
def test_an_age_or_span_that_is_what_is_claimed_stays_a_statistic(text):
    assert describe_claim(text).kind == ClaimKind.STATISTIC


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ('A "biosignature gas" is one that is produced by life and can be detected with space telescopes.',
         ClaimKind.OTHER),
        ('Blankenship, reportedly nicknamed the "king of coal", was chairman and CEO of Massey Energy.',
         ClaimKind.OTHER),
        ('Chodankar called D\'Souza "humble and soft-spoken".', ClaimKind.QUOTE),
        ("The results show decreasing the access of youth to firearms may lower youth suicide rates.",
         ClaimKind.OTHER),
        ("Life has not been observed in any habitat other than Earth.", ClaimKind.OTHER),
        ("This is lower than previous years.", ClaimKind.COMPARISON),
    ],
    ids=["a term defined", "a nickname", "someone's words", "lower, the verb", "other than", "lower than"],
)  # fmt: skip
def test_a_term_in_quotation_marks_quotes_nobody_and_lower_the_verb_or_other_than_compares_nothing(text, kind):
    assert describe_claim(text).kind == kind


def test_this_person_is_whoever_the_sentence_before_quoted():
    claims = extract_claims(
        'One of the children said, "I still have nightmares about 3 things." However, this person also said that '
        "they still love their 2 parents.",
        english_confirmed=True,
    )

    assert _claim(claims, "love").attribution == "One of the children"


def test_a_verb_first_frame_between_commas_is_the_source_beside_a_name_in_quotation_marks():
    (claim,) = extract_claims(
        "Because warmer water is more buoyant, says the study, it rises above the 3 layers of cold water, creating "
        'what the scientists describe as an "upside-down river".',
        english_confirmed=True,
    )

    assert claim.attribution == "the study"
    assert claim.text.startswith("Because warmer water is more buoyant, it rises")


def test_a_frame_between_commas_beside_a_quoted_statement_is_not_the_source():
    frame = find_attribution(
        'The 3 ships sank, officials said, but the captain said "we were never told to leave the harbour at all".'
    )

    assert frame is None or frame.source != "officials"


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("Duterte threatened the franchise after the network didn't carry 3 of his commercials, which they've said "
         "was due to a lack of airtime.", "the network"),
        ("The council raised the fare by 3 dollars after the company had refused to cut costs, which it has said was "
         "a matter of safety.", "the company"),
        ("Duterte threatened the network after it did not carry 3 of his commercials, which they've said was due to "
         "a lack of airtime.", "they"),
    ],
    ids=["the body whose doing the clause explains", "it, after the company had", "no body as a subject"],
)  # fmt: skip
def test_a_pronoun_inside_a_relative_clause_is_the_body_the_sentence_made_its_subject(sentence, source):
    assert find_attribution(sentence).source == source


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ('COVID-19 was previously announced to be a "pandemic" by the World Health Organization (WHO).',
         "the World Health Organization"),
        ("The 3 excerpts of the dispatcher's words were reported by CNN as such:", "CNN"),
    ],
    ids=["announced to be, by a body with its abbreviation", "reported by, as"],
)  # fmt: skip
def test_who_a_passive_verb_of_saying_names_after_what_it_was_said_to_be_or_how_is_the_source(sentence, source):
    assert find_attribution(sentence).source == source


@pytest.mark.parametrize(
    ("body", "source"),
    [
        ("The 2 parents were arrested after one of their daughters, aged 17, escaped. She said some of her 12 "
         "siblings were chained.", "one of their daughters"),
        ("The 2 parents were arrested after one of their sons, aged 17, escaped. She said some of her 12 siblings "
         "were chained.", ""),
    ],
    ids=["she, after one of their daughters", "she, after one of their sons"],
)  # fmt: skip
def test_a_pronoun_after_a_sentence_that_names_one_unnamed_relative_of_its_gender_is_that_relative(body, source):
    claims = extract_claims(body, english_confirmed=True)

    assert _claim(claims, "siblings").attribution == source


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            'Smith called the disappearance an "interesting" case; Miller said "It is a little hard to say what is '
            'going on".',
            [
                ('Smith called the disappearance an "interesting" case.', "Smith"),
                ('Miller said "It is a little hard to say what is going on"', "Miller"),
            ],
        ),
        (
            'The minister said the mayor was in a "serious" condition; TVN24 reported he received surgery on Monday.',
            [
                ('The minister said the mayor was in a "serious" condition.', "The minister"),
                ("TVN24 reported he received surgery on Monday.", "TVN24"),
            ],
        ),
        (
            'Senator Chuck Schumer told MSNBC the congressman "was a great man," while President Trump noted his '
            '"strength and wisdom" on Twitter.',
            [
                ('Senator Chuck Schumer told MSNBC the congressman "was a great man,"', "Senator Chuck Schumer"),
                ('President Trump noted his "strength and wisdom" on Twitter.', "President Trump"),
            ],
        ),
    ],
)
def test_each_speaker_of_a_sentence_with_quotations_is_the_source_of_their_own_piece(body, expected):
    assert [(claim.text, claim.attribution) for claim in extract_claims(body)] == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            'Joanna Cherry, who led the petition, said, "Now, for every moment Parliament remains prorogued, the '
            'British government are breaking the law."',
            [
                (
                    'Joanna Cherry said, "Now, for every moment Parliament remains prorogued, the British government '
                    'are breaking the law."',
                    "Joanna Cherry",
                    ClaimKind.QUOTE,
                ),
                ("Joanna Cherry led the petition.", "", ClaimKind.OTHER),
            ],
        ),
        (
            'Donald Tusk, the current President of the European Council, wrote "Let us all pray for Mayor Adamowicz."',
            [
                ('Donald Tusk wrote "Let us all pray for Mayor Adamowicz."', "Donald Tusk", ClaimKind.QUOTE),
                ("Donald Tusk is the current President of the European Council.", "", ClaimKind.OTHER),
            ],
        ),
    ],
)
def test_what_a_quoted_speaker_is_or_did_is_split_off_as_the_article_s_own_claim(body, expected):
    assert [(claim.text, claim.attribution, claim.kind) for claim in extract_claims(body)] == expected
