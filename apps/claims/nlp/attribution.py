"""Who a statement is attributed to: "..., Kommersant reported Tuesday." -> Kommersant."""

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from .atomic import has_clause_verb
from .entities import NATIONALITIES, ORGANISATION_HEADS, PLACES, colons_inside_names, find_entities
from .lazy_pattern import LazyPattern
from .lexicon import CAPITALS, IRREGULAR_PAST, MONTHS, NUMBER_WORDS, RELATIVES, SOURCE_ANAPHORA, WEEKDAYS

_VERB = (
    r"said|says|reported|reports|told\s+(?:the\s+(?:[A-Z][\w'.-]*\s+){0,2})?[\w'.-]+|tells\s+\w+|added|adds|stated|states|announced|announces|"
    r"claimed|claims|noted|notes|wrote|writes|argued|argues|insisted|insists|warned|warns|confirmed|"
    r"confirms|denied|denies|estimated|estimates|suggested|suggests|explained|explains|believes|believed|cautioned|cautions|"
    r"alleged|alleges|remarked|remarks|recounted|recounts|commented|comments|indicated|indicates|revealed|"
    r"clarified|stressed|emphasi[sz]ed|acknowledged|asserted|conceded|contended|contends|reiterated|reiterates"
    r"|testified|testifies"
    # "Jerrold Nadler has repeatedly maintained an impeachment inquiry is ...": what is held to be true (not "Biden
    # maintained his lead", which _says turns away as a thing kept)
    r"|maintained|maintains"
    # "Aid agencies say ...": a group's present; "Muyembe went on to say ...", "They did say ...": the verb of
    # saying after what carries its tense
    r"|say|(?:went\s+on\s+to|did)\s+(?:say|add|note|explain)"
    # "David Spergel tweeted that Conway was ...", not "Trump tweeted about the riots"
    r"|(?:tweeted|posted)(?=\s+that\b)"
    # what research shows: "researchers established that ...", "the study found that ..."
    r"|(?:found|established|concluded|showed)(?=\s+that\b)"
    # "Pelosi also mentioned the House will appoint ...": a clause after it, not a thing named ("mentioned the House")
    r"|mentioned(?=\s+(?:that\b|(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?\s+(?:will|would|had|has|was|were|is|are|could)\s))"
    # "Police estimate that thousands ...": a group's present, before what it estimates
    r"|estimate(?=\s+that\b)"
    # "an international team of scientists report ancient Egyptians captured ...": a group's present, after a plural
    # (not the noun: "The Times report said")
    r"|report(?<=s\sreport)(?<!\sits\sreport)(?=\s+(?:that\s+)?[a-z])"
    # "Activists claim safety standards are routinely ignored", "critics blame the government for ...": a group's
    # present, after a plural (not the noun after a possessive: "Trump's claim that he won")
    r"|(?:claim|blame)(?<=s\s(?:claim|blame))(?<!['\u2019]s\s(?:claim|blame))(?=\s+(?:that\s+)?[a-z])"
    # "Ahmed al-Assadi blamed both Israel and the United States for the attack": who is responsible, in their words
    r"|blamed|blames"
)
_WEEKDAY = "|".join(WEEKDAYS)
_WEEKDAY_CAPITALISED = "|".join(day.capitalize() for day in WEEKDAYS)
_WHEN = (
    # "said on last Wednesday"
    rf"(?:\s+(?i:(?:on\s+)?(?:(?:last\s+)?(?:{_WEEKDAY})|today|yesterday|last\s+week|in\s+a\s+statement)"
    # a part of the day and the local time after the day, as in Friday morning, local time (UTC+0900)
    r"(?:\s+(?:morning|afternoon|evening|night))?(?:,?\s+local\s+time(?:\s+\([^)]{1,20}\))?)?))?"
)
_CAPITAL = f"[{CAPITALS}]"
# A word of a name, no longer than any real one: unbounded, a search over a long hyphenated or dotted token
# ("A-A-A-...") would read the rest of it from every capital, quadratic in its length.
# "PG&E", "AT&T": an ampersand inside a company's name
_NAME = rf"[{CAPITALS}][\w'\u2019.\u2013&-]{{0,60}}"
# "Abdullah al-Jahafi": a name's word after an Arabic article
_NAME_OR_PARTICLE = rf"(?:(?:al|el)-)?{_NAME}"
# "Arnel dela Vega", "Ursula von der Leyen", "Ahmed bin Salman": a name's word after a particle in lower case
_PARTICLE = r"de|del|dela|della|da|di|du|dos|das|van|von|der|den|ter|ten|bin|ibn"
_NAME_AFTER_PARTICLES = rf"(?:(?:al|el)-|(?:(?:{_PARTICLE})\s+){{1,2}})?{_NAME}"
# Posts and professions written in lower case between an organisation and a person's name.
_ROLE_NOUNS = (
    r"astronomer|astrophysicist|scientist|researcher|professor|spokesman|spokeswoman|spokesperson|official|analyst|expert|"
    r"director|chief|minister|secretary|lawyer|attorney|economist|historian|physicist|chemist|[a-z]+ologist|"
    r"engineer|officer|manager|editor|correspondent|reporter|doctor|physician|surgeon|nurse|teacher|student|"
    r"author|co-author|partner|colleague|teammate|coach|friend|prosecutor|judge|mayor|governor|commissioner|"
    r"senator|lawmaker|legislator|diplomat|ambassador|envoy|president|chairman|chairwoman|leader|founder|activist|"
    r"archbishop|bishop|head|chair|chairperson|sheriff|member|agent|specialist|adviser|advisor|consultant|opponent|"
    r"critic|supporter|organi[sz]er|resident|neighbou?r|acquaintance|attendee|delegate|representative|candidate|"
    r"detective|constable|inspector|superintendent|commander|captain|pilot|player|writer|performer|businessman|"
    r"businesswoman|loyalist|campaigner|director-general|secretary-general|speaker|owner|co-owner|proprietor|"
    r"publisher|editor-in-chief|principal|dean|provost|rector|chancellor|protester|protestor|demonstrator|"
    r"volunteer|survivor|employee|pastor|priest|imam|rabbi|cleric|farmer|athlete|contributor|columnist|artist"
)
# Adverbs between a source and its verb: "The proclamation specifically said", "UNESCO reportedly said".
_REPORTING_ADVERB = (
    r"previously|repeatedly|reportedly|allegedly|specifically|initially|eventually|publicly|privately|"
    r"officially|formally|separately|recently|subsequently|explicitly|openly|originally|further|later|"
    r"immediately|finally|falsely|widely|first|once|since"
)
# "US authorities claimed ...", "Chinese officials said ...": a group named by where it is from.
_GROUP_NOUN = (
    r"authorities|officials|police|prosecutors|investigators|researchers|scientists|experts|analysts|sources|media"
    r"|organi[sz]ers|agencies|residents|critics|activists|archaeologists"
    # "On Saturday morning, representatives from Iran acknowledged ...", "Local lawmakers said ..."
    r"|representatives|lawmakers|legislators"
    # "multiple news outlets reported": outlets unnamed
    r"|(?:news|media)\s+outlets"
)
# "Greek daily Kathimerini said ...": an outlet introduced by what it is.
_OUTLET_NOUN = r"daily|newspaper|magazine|tabloid|weekly|broadcaster|outlet|website|channel|(?:news|press)\s+agency"
# What the outlet is, in up to three words before that noun: "Greek daily", "state-owned Iranian news agency", "Local
# news outlet", "Russian business daily"
_OUTLET_DESCRIPTION = rf"(?:(?:[Tt]he|{_NAME})\s+)?(?:(?:[a-z][\w-]*|{_NAME})\s+){{0,2}}(?:{_OUTLET_NOUN})"
# "One news site, Znak.com,": an outlet introduced by what it is, then by its name
_OUTLET_INTRODUCED = rf"(?:One|An?)\s+(?:[a-z][\w-]*\s+){{0,2}}(?:{_OUTLET_NOUN}|site),\s+"
_OUTLET_THEN_NAME = rf"{_OUTLET_INTRODUCED}{_NAME}(?:\s+{_NAME}){{0,3}},(?=\s)"
_DOCUMENT_NOUN = (
    r"decision|ruling|report|statement|study|survey|order|judgment|judgement|indictment|complaint|filing|lawsuit"
    r"|memo|letter|audit|analysis|data|figures|records|notice|petition|motion"
)
# "Recycled toilet paper producer Who Gives a Crap said": a company introduced by what it makes or sells
_MAKER_NOUN = r"producer|maker|manufacturer|retailer|supplier|distributor"
# "A niece of ...": the relatives a source may be named by, after "of" and whose relative they are
_KIN = "|".join((*RELATIVES, "niece", "nephew", "cousin", "grandson", "granddaughter", "uncle", "aunt"))
# "the University of Colorado at Boulder (CU Boulder) in Colorado": a body, its abbreviation, where it is
_INSTITUTION = (
    rf"{_NAME}(?:\s+(?:(?:of|at|for)\s+(?:the\s+)?)?{_NAME}){{0,5}}(?:\s+\([A-Z][\w .-]{{0,18}}\))?"
    rf"(?:\s+in\s+(?:the\s+)?{_NAME}(?:\s+{_NAME}){{0,2}})?"
)
_SOURCE = (
    # "Chilean military authorities reported": a group named by where it is from, and what it is
    rf"(?:[Ii]t|[Hh]e|[Ss]he|[Tt]hey|{_NAME}\s+(?:(?!(?:and|or|but|of|the|to|in)\s)[a-z]+\s+)?(?:{_GROUP_NOUN})"
    # "..., police reported Friday morning.", "..., local officials said."
    rf"|(?:(?!(?:what|which|who|whom|that|as|than|and|or|but|the|an?)\b)[a-z]+\s+)?(?:{_GROUP_NOUN})"
    r"(?=\s+(?:(?:also|have|has|had)\s+)?(?:[a-z]+ed|said|says|told|wrote)\b)"
    # "However, this person also said": someone the sentence before quoted, by who they are
    r"|[Tt]his\s+(?:person|man|woman)(?=\s+(?:(?:also|later|then)\s+)?(?:said|says|told|added|stated)\b)"
    # "State legislators supporting the law argued", "The public officials who ordered that change claimed", "Critics
    # from across Britain's political spectrum have claimed": a group described by what it does or where it is from
    rf"|(?:[Tt]he\s+|{_NAME}\s+)?(?:[a-z][\w-]*\s+)?(?i:{_GROUP_NOUN})\s+"
    r"(?:who\s+[a-z]+|(?!during\b|according\b)[a-z]{2,}ing|from\s+across)\s[^,;\"\u201c\u201d]{2,60}?"
    # "One news site, Znak.com, claims": an outlet, then its name between commas
    rf"|{_OUTLET_THEN_NAME}"
    # "Residents there told": a group named by where it is, after it
    rf"|(?i:{_GROUP_NOUN})\s+there(?=\s+(?:said|says|told|reported|stated)\b)"
    # "Hospital officials in Omsk said": a group named by what it is and where
    rf"|{_NAME}\s+(?:{_GROUP_NOUN})\s+(?:in|from|at)\s+{_NAME}(?:\s+{_NAME}){{0,2}}"
    # "José Ortiz of the island's power authority said": a person of a body described in lower case
    # "Crystal C'Bearing of the Northern Arapaho tribal historic preservation office told"
    # (not what else they are, "Jennifer Daskal of American University and contributor to Slate wrote", nor "also")
    rf"|{_NAME}(?:\s+{_NAME_AFTER_PARTICLES}){{1,3}}\s+(?:of|from|at|with)\s+(?:the\s+)?"
    r"(?:(?!(?:and|or|also)\s)[\w'\u2019-]+\s+){0,5}?(?!also\s)[\w'\u2019-]+(?=\s+(?:said|says|told|stated|wrote)\b)"
    # "researchers in the United Kingdom established that": a group named by where it works
    # "researchers mostly from Pennsylvania State University (Penn State) in the U.S. reported", "researchers from the
    # University of Colorado at Boulder (CU Boulder) in Colorado and the College of Wooster in Ohio reported": its
    # abbreviation, where that is, and a second body
    rf"|(?i:{_GROUP_NOUN})\s+(?:(?:mostly|mainly|largely|primarily)\s+)?(?:in|from|at|of)\s+(?:the\s+)?"
    rf"(?:{_INSTITUTION}(?:\s+and\s+(?:the\s+)?{_INSTITUTION})?|[a-z]+)"
    # "state-owned Iranian news agency Fars reported": what the outlet is may start in lower case
    rf"|{_OUTLET_DESCRIPTION}\s+{_NAME}(?:\s+{_NAME}){{0,3}}"
    # "Recycled toilet paper producer Who Gives a Crap said": what a company makes or does, before its name
    rf"|(?:[A-Z][a-z][\w-]*\s+)?(?:[a-z][\w-]*\s+){{0,2}}(?:{_MAKER_NOUN})\s+{_NAME}(?:\s+(?:(?:a|the|of|and)\s+)?{_NAME}){{0,3}}"
    # "The French Civil Security service said": a named body with a head noun in lower case
    rf"|[Tt]he\s+(?:{_NAME}\s+){{1,4}}(?:service|agency|ministry|department|office|government|police|army|military"
    r"|council|company|group|team|committee|commission|court|board|authority|administration|campaign"
    # "The Yemen-based Houthi movement claimed responsibility"
    r"|movement|militia|coalition|alliance)"
    # "The city of Calabasas announced ...", "The government of Iraq said ...": a body of a named place
    rf"|[Tt]he\s+(?:city|town|state|county|government|ministry|people|province|region)\s+of\s+(?:the\s+)?{_NAME}"
    rf"(?:\s+{_NAME}){{0,3}}"
    # "A 2015 federal court decision said ...": a document dated by its year, described in lower case
    rf"|(?:[Aa]n?|[Tt]he)\s+\d{{4}}\s+(?:[a-z][\w-]*\s+){{0,3}}(?:{_DOCUMENT_NOUN})"
    # "The Supreme Court decision stated ...": a named body's document
    rf"|(?:[Tt]he\s+)?(?!(?:A|An|This|That|One)\s){_NAME}(?:\s+{_NAME}){{0,4}}\s+(?:{_DOCUMENT_NOUN})"
    # "Florida Department of Transportation official Troy Roberts", "Scripps Oceanography director
    # Margaret Leinen": a body, a post in lower case, the person who holds it
    # "AU chairperson President Abdel Fattah el-Sisi of Egypt said": where the holder is from, after the name
    # "1st Fleet Command's Navy Information Agency head Arba Agung": a body after an ordinal, and the body it is part of
    rf"|(?:\d{{1,3}}(?:st|nd|rd|th)\s+(?={_CAPITAL}))?(?:{_NAME}\s+){{1,5}}(?:(?:of|for)\s+(?:the\s+)?{_NAME}\s+(?:{_NAME}\s+)?)?"
    rf"(?:[a-z][\w-]*\s+){{0,3}}(?:{_ROLE_NOUNS})"
    rf"\s+{_NAME}(?:\s+{_NAME_AFTER_PARTICLES}){{0,3}}(?:\s+of\s+{_NAME})?"
    # "Member of parliament (MP) Kevin Conolly said": a post of a body in lower case, its abbreviation, the holder
    rf"|(?=[A-Z])(?i:{_ROLE_NOUNS})\s+of\s+(?:the\s+)?[A-Za-z][\w-]*(?:\s+\([A-Z]{{2,6}}\))?\s+{_NAME}"
    rf"(?:\s+{_NAME_AFTER_PARTICLES}){{1,2}}(?:\s+of\s+(?:the\s+)?{_NAME}(?:\s+{_NAME}){{0,3}})?"
    # "Additionally, businessman and Trump loyalist Stephen Schwarzman said": posts in lower case after an opening
    rf"|(?:[a-z][\w-]*\s+){{0,2}}(?:{_ROLE_NOUNS})(?:\s+and\s+(?:(?:[a-z][\w-]*|{_NAME})\s+){{0,2}}(?:{_ROLE_NOUNS}))?"
    rf"\s+{_NAME}(?:\s+{_NAME_AFTER_PARTICLES}){{1,2}}"
    # "Chelyabinsk regional Deputy Governor Oleg Klimov indicated": a post of a place's administration, capitalised
    rf"|{_NAME}\s+(?:regional|provincial|federal|state|city|municipal|district|county)"
    rf"(?:\s+{_NAME_AFTER_PARTICLES}){{2,5}}"
    # "Newly elected Assemblywoman Selena Torres": how recently the post was taken, before it
    rf"|[A-Z][a-z]+ly\s+(?:elected|appointed|named|installed|sworn-in)\s+{_NAME}(?:\s+{_NAME}){{1,4}}"
    # "Peter Iseley of worldwide victim group Ending Clergy Abuse": what a body is, before its name
    # "The United States Commission on Presidential Debates": "on" after a body's head word
    # "The Lost 52 Project": a number between the words of a name; "News 12 reported": or ending a station's
    rf"|(?:[Tt]he\s+)?{_NAME}(?:\s+\d{{1,4}}(?=\s+{_CAPITAL}|\s+(?:reported|reports|said|says|told)\b))?"
    rf"(?:\s+(?:(?:of|in|at|for|from|to|(?<=Commission\s)on|(?<=Committee\s)on)\s+(?:the\s+)?"
    rf"(?:[a-z][\w-]*\s+){{0,3}})?{_NAME_AFTER_PARTICLES}){{0,7}}"
    # 'Anna Franowska of "Have no fear"': a body whose name is in quotation marks
    r"(?:\s+of\s+[\"\u201c][A-Z][^\"\u201d,]{1,40}[\"\u201d])?"
    r"|[Tt]he\s+\w+(?:\s+(?!(?:was|were|is|are|has|had|have|been|also)\b)(?!(?:" + _REPORTING_ADVERB + r")\b)\w+)?"
    # '"...," said his father, Abdullah Kurdi, ...', "Dunn's mother, Charlotte Charles, said": a relative,
    # named after it
    # "His associates have alleged Navalny was poisoned": the people around someone
    rf"|(?:[Hh]is|[Hh]er|[Tt]heir|{_NAME}['\u2019]s)\s+(?:{'|'.join(RELATIVES)}|family|lawyers?|attorneys?"
    r"|associates|allies|aides|supporters)"
    rf"(?:\s+{_NAME}(?:\s+{_NAME_AFTER_PARTICLES}){{0,2}})?"
    # "The daughter of John Smith said", "A niece of Biden's 2008 US Senate opponent Christine O'Donnell claimed": a
    # relative of someone named, and what that person is first
    # "The mother of the victim said": or someone described in lower case
    rf"|(?:[Aa]n?|[Tt]he)\s+(?:{_KIN})\s+of\s+(?:(?:[\w'\u2019-]+\s+){{0,5}}?{_NAME}(?:\s+{_NAME_AFTER_PARTICLES}){{0,2}}"
    r"|(?:the|an?|his|her|their)\s+(?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*)"
    # "Senator Klobuchar's campaign said", "Day's animal foundation said": a body of someone's
    # "47-year-old Matovič's government office has said": the owner's age before the name
    rf"|(?:\d{{1,3}}-year-old\s+)?(?:{_NAME}\s+){{0,3}}{_NAME}['\u2019]s\s+(?:[a-z][\w-]*\s+){{0,2}}"
    r"(?:campaign|foundation|office|team|company|firm|party|government|administration|embassy|union|website"
    # "RIAA's take-down notice claimed": a document of someone's
    # "RIAA's notice published by GitHub alleged": and who made it public
    rf"|{_DOCUMENT_NOUN})(?:\s+(?:published|released|issued|posted|filed|sent)\s+by\s+(?:the\s+)?{_NAME}"
    rf"(?:\s+{_NAME}){{0,3}}(?=\s+(?:{_VERB})\b))?"
    # "The chain's press release reported": a document of a body named before in lower case
    # "The hotel's website estimated": or where it publishes
    rf"|[Tt]he\s+[a-z]+['\u2019]s\s+(?:[a-z][\w-]*\s+){{0,2}}(?:{_DOCUMENT_NOUN}|release|website)"
    # "an international team of scientists report": a team of a group
    rf"|(?:[Aa]n?|[Tt]he)\s+(?:[a-z][\w-]*\s+){{0,2}}team\s+of\s+(?:[a-z][\w-]*\s+)?(?:{_GROUP_NOUN})"
    # "One of the victims said", "One interviewee said": one of a group
    # "Some of the protesters Wikinews interviewed said": some of them, and who spoke to them
    r"|(?:One|Some|Many|Most|Several|Two|Three|Four|Five)\s+of\s+(?:the|his|her|their|its|these|those)\s+"
    r"(?:[a-z][\w-]*\s+){0,2}(?:[a-z][\w-]*s|children|people|men|women)\b"
    rf"(?:\s+{_NAME}\s+(?:interviewed|contacted|surveyed|spoke\s+(?:to|with))\b)?"
    r"|One\s+interviewee"
    # "Some members of opposition parties have claimed": some of a group named in lower case
    r"|(?:One|Some|Many|Most|Several|Two|Three|Four|Five)\s+(?:members?|leaders?)\s+of\s+(?:the\s+)?"
    r"(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*s\b"
    # "A university student named Wong said": someone introduced by name
    rf"|[Aa]n?\s+(?:[a-z][\w-]*\s+){{1,3}}named\s+{_NAME}(?:\s+{_NAME}){{0,2}}"
    # '"...", a government official said.': someone unnamed, described by a post ("A Hampshire Police
    # spokesman said", "A spokesperson for Stagecoach South said")
    rf"|(?:[Aa]n?|One)\s+(?:(?:[a-z][\w-]*|{_NAME})\s+){{0,3}}(?:{_ROLE_NOUNS}|witness|eyewitness|source|press\s+release"
    # "an official government Twitter account made the following announcement: ...": an account on a network
    rf"|{_NAME}\s+account)"
    rf"(?:\s+(?:for|of|at|from|in|within|inside|close\s+to)\s+(?:the\s+)?(?:[a-z]+\s+)?(?:{_NAME}(?:\s+{_NAME}){{0,4}}|[a-z]+"
    # 'A spokesman of "Save the Children"': a body whose name is in quotation marks
    r"|[\"\u201c][A-Z][^\"\u201d,]{1,40}[\"\u201d])"
    # "an attendee Om Prakash said": the person by name
    rf"|\s+{_NAME}(?:\s+{_NAME_AFTER_PARTICLES}){{1,2}})?"
    # "Offering his condolence, speaker of the parliament Ali Larijani wrote": a post in lower case, of a body,
    # then its holder (after an opening phrase, where a source may start in lower case)
    rf"|(?:[a-z][\w-]*\s+){{0,2}}(?:{_ROLE_NOUNS})\s+of\s+the\s+[a-z][\w-]*\s+{_NAME}(?:\s+{_NAME_AFTER_PARTICLES}){{1,2}}"
    # "The local health minister said", "Local prosecutor Remy Heitz said", "Niger's president Mahamadou
    # Issoufou said", "The head of the police's internal investigators told the court": a post, and the
    # name after it or what it is the post of
    # "Retired FBI agent and terrorism specialist Ali Soufan": an acronym among the post's words, two posts
    rf"|(?:[Tt]he\s+|[A-Z][\w-]*[a-z]\s+|(?:{_NAME}\s+){{0,3}}{_NAME}['\u2019]s\s+)(?:(?:[a-z][\w'\u2019-]*|[A-Z]{{2,6}})\s+){{0,2}}"
    rf"(?:{_ROLE_NOUNS})(?:\s+and\s+(?:[a-z][\w-]*\s+){{0,2}}(?:{_ROLE_NOUNS}))?"
    # "Republican committee member Doug Collins of Georgia said": where the holder is from, after the name
    # "Lead author Sally Wasef of Australia's Griffith University explained": the holder's body after the name
    rf"(?:\s+of\s+(?:the\s+)?[\w'\u2019-]+(?:\s+[\w'\u2019-]+){{0,3}}?"
    # "Co-lead author Sam Wilson of UH M\u0101noa's Center for Microbial Oceanography: Research and Education": a body
    # whose name joins its words with "for", "and" or "on"
    rf"|(?:\s+{_NAME}){{0,3}}(?:\s+of\s+(?:the\s+)?{_NAME}(?:\s+(?:(?:for|and|on)\s+)?{_NAME}){{0,6}})?))"
)

# "..., Kommersant reported Tuesday."
_TRAILING = LazyPattern(
    # "..., wrestling promotion World Wonder Ring Stardom (Stardom) announced yesterday.": what the source is, in lower
    # case before its name, and an abbreviation after it
    r",[\"”]?\s+(?:(?!(?:and|but|or|which|who|whom|that|as|then|when|while|if|so|the|an?|his|her|its|their)\b)"
    rf"[a-z][\w-]*\s+){{0,2}}?(?P<source>{_SOURCE})(?:\s+\({_CAPITAL}[\w.-]*\))?\s+(?:(?:also|have|has|had)\s+)?(?P<cue>{_VERB}){_WHEN}"
    # "..., CNN Philippines reported the governor said.": the outlet that reported whom it does not name
    r"(?:\s+(?:that\s+)?(?:the|an?)\s+(?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*\s+(?:said|says|stated))?"
    # "..., they said Sunday \u2014 murder carrying the possibility of the death penalty.": an aside after the frame
    r"(?:\s+[\u2014\u2013]\s+[^\u2014\u2013\"\u201c\u201d]{1,200}?)?\s*[.!]?\s*$"
)
# "It is not for the Court to opine about the motivations, argued the government's lawyer, Richard Keen.": the verb
# before its source at the sentence's end, and the name of whoever holds a post after it
_TRAILING_VERB_FIRST = LazyPattern(
    rf",\s+(?P<cue>said|argued|added|noted|explained|stated|wrote)\s+(?P<source>{_SOURCE})"
    rf"(?:,\s+(?P<named>{_NAME}(?:\s+{_NAME_AFTER_PARTICLES}){{1,2}}))?\s*[.!]?\s*$"
)
# '"...," said the report, reinforcing hints ...'  /  '"...," it said, echoing ...'
_QUOTE_VERB = (
    r"said|says|added|wrote|writes|tweeted|posted|continued|explained|quipped|declared|remarked|recounted|commented"
    # '"I'd never sat behind a kit before ...", he recalled in a 2009 retelling'
    r"|recalled|recalls"
    r"|reads|went\s+on\s+to\s+(?:add|say|note|explain)"
    r"|told\s+(?:the\s+)?\w+"
    # 'Biden told host Mika Brzezinski "..."': whom, by post and name
    rf"|told\s+(?:[a-z][\w-]*\s+){{0,2}}(?:host|anchor|presenter|interviewer|{_ROLE_NOUNS})\s+{_NAME}(?:\s+{_NAME}){{0,2}}"
)
_LOWER_ROLE = rf"(?:[a-z][\w-]*\s+){{0,2}}(?:{_ROLE_NOUNS})\s+"
_QUOTE = LazyPattern(
    rf"^[\"“](?P<quote>.+?)[,.!?]?[\"”]\s*,?\s+(?:(?P<cue1>{_QUOTE_VERB})\s+(?P<source1>{_SOURCE})"
    rf"|(?P<source2>{_SOURCE})\s+(?P<cue2>{_QUOTE_VERB})"
    # '"...," said study co-author Karen Alley.': a role in lower case before the name
    rf"|(?P<cue3>{_QUOTE_VERB})\s+{_LOWER_ROLE}(?P<source3>{_NAME}(?:\s+{_NAME}){{1,3}})"
    # '"Our team" study co-author Tak-Sing Wong said ...'
    rf"|{_LOWER_ROLE}(?P<source4>{_NAME}(?:\s+{_NAME}){{1,3}})\s+(?P<cue4>{_QUOTE_VERB})"
    rf"){_WHEN}(?=[\s,.]|$)"
)
# '"...," said University of California, San Diego's chancellor, Pradeep Khosla.' and '"...,"
# said UCL astronomer Angelos Tsiaras.': the person who spoke is the name after the organisation's
# role, not the organisation.
_ROLE_THEN_NAME = LazyPattern(
    rf"(?:,\s+{_CAPITAL}[^,]{{0,40}}?['\u2019]s|(?<=['\u2019]s))\s+[a-z][^,]{{1,60}},\s+"
    rf"(?P<name>{_NAME}(?:\s+{_NAME}){{1,3}})\s*[.,]"
    rf"|\s+(?:[a-z][\w-]*\s+){{0,3}}(?:{_ROLE_NOUNS})\s+(?P<named>{_NAME}(?:\s+{_NAME}){{1,3}})"
    r"(?=\s*[.,]|\s+(?:on|in|at)\b)"
)
# 'When she was cast, "...," she told an audience': when the quotation was said, before it
_CLAUSE_BEFORE_QUOTE = LazyPattern(
    r"(?:When|After|As|While|Before|Once)\s[^,\"\u201c\u201d]{2,60},\s+(?=[\"\u201c])"
    # 'With "Abe, I wanted to go for accuracy over comfort," Chapman told Wikinews': what the quotation is about, before
    # it without a comma
    r"|With\s+(?=[\"\u201c])"
)
_QUOTE_AFTER_CLAUSE = LazyPattern(_QUOTE.pattern.removeprefix("^"))
# "Navy Information Agency head Arba Agung": a body's head, too
_HOLDER_AFTER_POST = LazyPattern(rf"\b(?:{_ROLE_NOUNS}|head)\s+(?P<name>{_NAME}(?:\s+{_NAME}){{1,2}})$")
# '"...," said his father, Abdullah Kurdi, following the ceremony': the relative's name
_NAME_BETWEEN_COMMAS = LazyPattern(rf",\s+(?P<name>{_NAME}(?:\s+{_NAME}){{0,3}})\s*(?:,|\.?$)")
# Who or what the source is, between commas after it: "a cybersecurity firm", "Hagan's former
# spokeswoman", "formerly the director of the Centers for Disease Control and Prevention".
_DESCRIPTION = (
    rf"(?:(?:(?:formerly\s+|now\s+)?(?:an?|the|another|his|her|their)|{_NAME}(?:\s+{_NAME})*['\u2019]s)\s+[^,]{{0,60}}?\b"
    r"(?:firm|company|group|agency|organi[sz]ation|monitor|newspaper|daily|outlet|website|network|"
    r"institute|researcher|spokesman|spokeswoman|spokesperson|official|analyst|expert|broadcaster|watchdog|"
    r"director|president|chief|head|minister|secretary|professor|author|scientist|adviser|advisor|lawyer|"
    r"attorney|representative|member|[Ll]eader|founder|editor|correspondent|reporter|doctor|physician|manager|"
    r"officer|chairman|chairwoman|economist|historian|commissioner|governor|mayor|senator|candidate|[Ss]peaker"
    # "Susan Bro, Heather Heyer's mother, told reporters ...": whose relative the source is
    r"|[Ww]hip|rapporteur|envoy|ambassador|diplomat|activist|campaigner|" + "|".join(RELATIVES) + r")\b[^,]{0,120}"
    # "director of the Learning Together event", "executive director of the Australian Retailers
    # Association", "retail expert from Queensland University of Technology": a post
    r"|(?:[\w'\u2019-]+\s+){0,3}(?i:director|president|chairman|chairwoman|head|chief|minister|secretary|professor|"
    r"spokesman|spokeswoman|spokesperson|editor|founder|ceo|manager|leader|governor|mayor|expert|analyst|"
    r"researcher|economist|lecturer|columnist|journalist|writer|reporter|correspondent|commentator|host|anchor"
    # "Chair In Global Islamic Politics in the Faculty of Arts and Education at the Deakin University"
    r"|chair|chairperson|fellow)"
    # "Director General of the DRC's Institut National de Recherche Biomédicale"
    r"(?:[\s-](?i:general))?"
    r"\s+(?i:of|from|at|for|with|in)\s+[^,]{2,120})"
)
# 'MP Penny Sharpe, who co-sponsored the bill, said, "..."': a relative clause between source and verb
# "Taiwan's Constitutional Court, which rules on constitutional matters, said": a body's, too
_WHO_CLAUSE = r"(?:who|which)\s[^,\"“]{2,80}"
# "The ministry, in a statement on Friday, said ...": where the source said it, between commas
_MEDIUM_ASIDE = (
    r"(?:(?:in|during|via)\s+(?:(?:a|an|the|his|her|their|its)\s+)?(?:[a-z]+\s+)?(?:statement|interview|tweet|post"
    r"|letter|video|speech|address|message|briefing|remarks|comments|press\s+(?:release|conference)"
    r"|news\s+conference)\b"
    # "Steve Peers of the University of Essex, speaking to BBC, said"
    # "Ali Reza Raisi, speaking for the country's Health Ministry, reported"
    r"|speaking\s+(?:to|with|at|on|for)\s)[^,\"“]{0,60}"
)
# "The minister, in a rare admission on Tuesday, said", "Zoe, on the top deck of the bus, said": where or
# when the source spoke, between commas
_WHERE_OR_WHEN_ASIDE = (
    # "researchers from the Georgia Institute of Technology (GT) and University of South Carolina Beaufort, both in the
    # United States, reported": where they both are
    r"(?:(?:both|all)\s+)?(?:in|on|at|during|after|before|aboard|inside|outside)\s[^,\"\u201c]{2,80}"
    # "Mendez's wife Jonna Mendez, also CIA, said": what else the source is
    r"|also\s[^,\"\u201c]{1,60}"
    # "Barend Leyts, when asked whether an investigation was conducted, told ...": what the source was asked
    r"|when\s+(?:asked|questioned|pressed|contacted|approached)\s[^,\"\u201c]{1,140}"
    # "Reuters, citing anonymous sources, reported ...": whom the source relies on
    r"|(?:citing|quoting)\s[^,\"\u201c]{1,80}"
)
# "Richard Ferrand in relaying the news to parliament said": what the source was doing, without commas
# ("in relaying the news", "in responding to"), not a noun in "-ing" ("The rise in housing prices said")
_DOING_ASIDE = r"(?:\s+in\s+[a-z]+ing\s+(?:the|a|an|his|her|their|its|to)\s[^,\"\u201c]{1,60}?)?"
# Who speaks for someone: "According to his wife, Amanda, ...", not "According to its report, Apple, ...".
_RELATIVE_OR_AIDE = "|".join(
    (*RELATIVES, "partner", "family", "spokesman", "spokeswoman", "spokesperson", "lawyer", "attorney", "agent",
     "manager", "publicist", "representative")
)  # fmt: skip
# 'Co-author Jing-Shan Zhao said, "Our work shows ..."', 'Souhail Alouini, a member of Parliament, said,
# "We ..."': the speaker before the quotation, by name where a post comes first ("The Senate Minority
# Leader, Chuck Schumer, said:").
_SPEAKER_THEN_QUOTE = LazyPattern(
    # 'Nikki Holland of the National Crime Agency (NCA) said, "..."': an abbreviation after the name
    rf"^(?P<source>{_SOURCE}(?:\s+\({_CAPITAL}[\w.-]*\))?)"
    # 'Jennifer Daskal of American University and contributor to Slate wrote, "..."': what else the speaker is
    rf"(?:\s+and\s+(?:[a-z][\w-]*\s+){{0,2}}(?:{_ROLE_NOUNS})\s+(?:to|at|of|for)\s+(?:the\s+)?{_NAME}(?:\s+{_NAME}){{0,3}})?"
    rf"(?:,\s+(?:{_DESCRIPTION}|{_WHO_CLAUSE}|(?P<named>{_NAME}(?:\s+{_NAME}){{1,3}})"
    # 'Rebecca Falconer, an Ithaca College undergraduate who led one of the studies, said "..."': with the
    # quotation after the verb, whatever stands between commas describes the speaker
    r"|an?\s[^,\"“]{2,100}"
    # 'Ane Alencar, in remarks to UOL.com.br, said, "..."'
    rf"|{_MEDIUM_ASIDE}|{_WHERE_OR_WHEN_ASIDE}),"
    # 'A member of the Tunisian Parliament, Samir Dilou said, "..."': a post's holder without the closing comma
    rf"|,\s+(?P<unclosed>{_NAME}(?:\s+{_NAME_OR_PARTICLE}){{1,3}}))?"
    # 'Anderson Cooper, of CNN, one of Vanderbilt's four sons, stated, "..."': where from, then who
    rf"(?:,\s+of\s+(?:the\s+)?{_NAME}(?:\s+{_NAME}){{0,3}},\s+(?:{_DESCRIPTION}|one\s+of\s+[^,]{{2,60}}),)?"
    rf"{_DOING_ASIDE}{_WHEN}\s+"
    rf"(?:(?:also|had|has|have|{_REPORTING_ADVERB})\s+){{0,2}}"
    # 'Mick Jagger of The Rolling Stones also reacted on Twitter, "Sad news ..."': a reply, quoted
    rf"(?P<cue>{_QUOTE_VERB}|stated|noted|claimed|reported|suggested|argued|insisted|warned|spoke|declared"
    r"|reacted|responded|replied"
    # 'Sheldon Yett of UNICEF observed, "..."', 'Trump, also on Twitter, defended his decision, "..."'
    r"|observed|defended\s+(?:his|her|their|its|the)\s+(?:[a-z]+\s+)?[a-z]+(?=,\s*[\"“]))"
    rf"{_WHEN}"
    # 'Nikki Haley wrote on Twitter, "..."', 'Lindsey Graham spoke on Fox News, "..."', 'Elena Kagan declared
    # in the majority opinion, "..."': where it was said
    # 'Day said of Hudson, "..."': whom it was said of
    r"(?:\s+(?:on|in|to|via|of)\s+(?:(?:the|a|an|his|her|their|its)\s+)?(?:[\w'\u2019-]+\s+){0,2}?[\w'\u2019-]+)?"
    # 'Wasif suggested, in likelihood, "..."'
    r"(?:,\s+[a-z][^,\"“]{1,40})?\s*[,:]?\s*[\"“]"
)
# "According to the report, ..." / "According to UpGuard, a cybersecurity firm, ..." / "According to
# his wife, Amanda, ...": the name after a relative or a post is the source.
_ACCORDING = LazyPattern(
    # "Per numbers reported by The Associated Press, ...": "per" as "according to" before what reports or
    # whom, not as "at the request of" ("Per the request", "Per the decree", "Per John's request"), before a
    # provision ("Per Section 3 of the law") or in "per capita"
    r"^(?:According\s+to|Per(?=\s+(?:(?:the|a|an)\s+(?:reports?|study|survey|poll|tally|count|estimates?)\b"
    r"|(?:numbers|figures|data|statistics)\b"
    r"|(?!(?:Article|Section|Clause|Rule|Chapter|Paragraph|Resolution|Order)\b)"
    r"(?![A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,3}['\u2019]s?\s)[A-Z])))"
    rf"\s+(?:(?:his|her|their)\s+(?:{_RELATIVE_OR_AIDE}),\s+(?P<named>{_NAME}(?:\s+{_NAME}){{0,3}})"
    # "According to Agence France-Presse, which cited sources close to the investigation, ..."
    # "According to a March 14, 2019 NATO press release, ...": the comma of a date is no end of the source
    # "According to Chief Superintendent Graciano Mijares of the police of the Autonomous Region in Muslim
    # Mindanao, ...": a long post, but not a long phrase with a quotation in it
    r"|(?P<source>(?:[^,\"“”]|(?<=\d),\s(?=\d{4}\b)){2,120}|(?:[^,]|(?<=\d),\s(?=\d{4}\b)){2,80})),"
    rf"\s*(?:(?P<description>{_DESCRIPTION},\s*)|(?:who|which)\s[^,]{{2,200}},\s*"
    # "According to Windsor Locks' first selectman, Chris Kervick, there were ...": the post, then its holder
    rf"|(?<=[a-z], )(?P<holder>{_NAME}(?:\s+{_NAME}){{1,3}}),\s*)?"
)
_RELATIVE_WORD = LazyPattern(r"\b(?:who|which|that)\b")
# The subject opening a clause, by name or as a group, followed by its verb
_SUBJECT_AFTER_OPENING = LazyPattern(
    rf"(?:the\s+)?(?P<name>{_NAME}(?:\s+(?:of\s+(?:the\s+)?)?{_NAME}){{0,4}}|(?:[a-z]+\s+)?(?:{_GROUP_NOUN}))"
    r"\s+(?:[a-z]+ly\s+)?(?:has|have|had|will|would|is|are|was|were|did|does|do|[a-z]+ed|[a-z]+s)\b"
)
_ACCORDING_INSIDE = LazyPattern(
    rf"\baccording\s+to\s+(?P<source>(?:the\s+)?{_NAME}(?:\s+(?:(?:of|for)\s+(?:the\s+)?)?{_NAME}){{0,5}}"
    # "according to health officials, ranging in age ...": a group named by what it does
    rf"|(?:[a-z]+\s+)?(?:{_GROUP_NOUN}))"
    # "according to the NDRRMC report on Saturday, which ...": the body behind its document
    rf"(?:\s+(?:{_DOCUMENT_NOUN}))?(?:\s+on\s+(?:{_WEEKDAY_CAPITALISED}))?"
    r"(?=\s+(?:who|which|he|she|it|they|there|the|a|an)\b|\s*[,.;]|\s*$)"
)
_PLACE_AFTER_SOURCE = LazyPattern(r"(?P<place>[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?),\s+")
# "..., according to a report in the business daily Kommersant."
# "..., according to prosecutor Josh Bash, the U.S. Attorney for the Western District of Texas.": who the
# source is may follow it
_TRAILING_ACCORDING = LazyPattern(
    r"(?:,\s+|\s+)according\s+to\s+(?P<source>[^,]{2,120}?)"
    # "according to a report from ABC Australia on March 3 in which they said they had no plans ...": what the report
    # said, after it
    r"(?:\s+in\s+which\s+(?:he|she|it|they)\s+(?:said|says|stated|reported|wrote)\s[^,]{2,200}?)?"
    r"(?:,\s+(?P<description>(?:the|an?|his|her|its|their)\s[^,]{2,160}))?\s*[.!]?\s*$"
)
# A verb makes a trailing "source" a clause: "according to Wasef archaeologists have not ...".
_CLAUSE_VERB = LazyPattern(
    r"\b(?:has|have|had|is|are|was|were|will|would|can|could|not|did|does|do|he|she|they|we)\b"
    # a past tense with its object: "according to the ministry recovered at least ten survivors", "... recovered ten."
    rf"|\b[a-z]{{3,}}ed\s+(?:at\s+least|more\s+than|about|some|the|an?|\d|(?:{'|'.join(NUMBER_WORDS)})\b)"
)
# The document that carries a source's words: "a report in the business daily Kommersant" names Kommersant.
_CARRIER = LazyPattern(
    # "a Twitter post by Amy Cook": where the document appeared may come before it
    r"^(?:(?:an?|the)\s+(?:new\s+|recent\s+|latest\s+|\d{4}\s+)?(?:[A-Z][\w.-]*\s+)?"
    r"(?:reports?|statement|study|survey|article|story|interview|analysis|tally|count|estimates?|poll|letter"
    r"|document|release|memo|post|tweet|decree)"
    r"|(?:the\s+)?(?:numbers|figures|data|statistics))\s+"
    r"(?:(?:published|released|issued|posted|reported|signed|compiled)\s+(?:online\s+)?)?"
    r"(?:(?:on|last|this)\s+\w+\s+|in\s+\d{4}\s+)?"
    r"(?:in|by|from|of)\s+(?:the\s+)?"
)
# Lowercase descriptors before a name: "business daily Kommersant" -> "Kommersant".
_DESCRIBED_NAME = LazyPattern(rf"^(?:[a-z][\w-]*\s+)+(?P<name>{_NAME}(?:\s+{_NAME})*)$")
# "The report said Clinton ..." / "Putin and other officials have repeatedly said that ..."
_LEADING = LazyPattern(
    # "The Investigative Committee and the Federal Security Service (FSB) said": an abbreviation after a name
    rf"^(?P<source>{_SOURCE}(?:\s+and\s+(?:other\s+)?[\w\s]{{2,40}}?)?(?:\s+\({_CAPITAL}[\w.-]*\))?)"
    # "Comic artist Jenn St-Onge (Nancy Drew, Jem and the Misfits) told of ...": what the source made, in brackets
    r"(?:\s+\([^()\"\u201c\u201d]{3,80}\))?"
    # "Baslan Damang, a security official from the port, on Tuesday told ...", "The Vice President,
    # Mike Pence, said ...": a description, or the name of whoever holds the post
    rf"(?:,\s+(?:{_DESCRIPTION}|{_WHO_CLAUSE}|{_MEDIUM_ASIDE}|{_WHERE_OR_WHEN_ASIDE}"
    rf"|(?P<named>{_NAME}(?:\s+{_NAME_OR_PARTICLE}){{1,3}})),"
    # "The Labour Party's leader, Jeremy Corbyn announced": the holder's closing comma left out
    rf"|,\s+(?P<unclosed>{_NAME}(?:\s+{_NAME_OR_PARTICLE}){{1,3}}))?"
    rf"{_DOING_ASIDE}{_WHEN}"
    # "CNN, however, reported on a distress call": a linking adverb between commas after the source
    r"(?:,\s+(?:however|though|meanwhile|too|also|instead|in\s+turn|for\s+(?:its|his|her|their)\s+part),)?\s+"
    # "The Jakarta Post also today reported": when, after an adverb
    rf"(?:(?:also|had|has|have|earlier|today|yesterday|{_REPORTING_ADVERB})\s+){{0,3}}(?P<cue>{_VERB})"
    # "The Commission announced on Friday the second debate has been cancelled": when, after the verb
    rf"(?:\s+on\s+(?:{_WEEKDAY_CAPITALISED})(?!,))?"
    # not a passive ("was claimed by", "Some of the buildings said to be unsafe") or a noun ("The initial reports were
    # ...")
    r"(?!\s+(?:was|were|is|are|have|has|had)\b|\s+by\s+(?!\d)|(?<=said)\s+to\s+(?:be|have)\b|(?<=reported)\s+to\s+(?:be|have)\b)(?:\s+that|(?P<comma>,))?\s+"
)
# "Connie Moganedi told CNN, neighbours ...": a comma, not "that", after whom a source told.
_TOLD_BY_NAME = LazyPattern(rf"told\s+(?:the\s+)?{_CAPITAL}")
# "North Korea claimed, as of Thursday, it was ...", "CBS News reported, citing Johns Hopkins data, there were ..."
# "Richard Grenell alleged, by way of example, Mahan had ...", "The book alleges, among other things, that Trump ..."
_ASIDE_AFTER_CUE = LazyPattern(
    r"(?:as\s+of|citing|quoting|on|in|at|by\s+way\s+of|among\s+other|for)\s[^,\"“]{1,60},\s+"
)


_LEADING_AFTER_OPENING = LazyPattern(_LEADING.pattern.removeprefix("^"))
_SPEAKER_THEN_QUOTE_AFTER_OPENING = LazyPattern(_SPEAKER_THEN_QUOTE.pattern.removeprefix("^"))
# A phrase that sets the scene before the source ("In the Republican Iowa caucuses, ", "Earlier, "); a
# verb inside it does not matter here, as the source's own verb follows.
_OPENING_PHRASE = LazyPattern(
    # "Very early yesterday morning, ..."
    r"(?:In|On|At|During|After|Before|Regarding|Following|Earlier|Later|Last|This|However|As\s+of|Late|Early|Very|"
    r"Yesterday|Today|Meanwhile|Separately|Speaking\s+(?:to|at|on)|Writing\s+(?:for|in|on)|To\s+this"
    r"|In\s+response|In\s+reply|Responding|Reportedly|Allegedly|Citing|Quoting|When\s+(?:asked|interviewed|questioned|contacted|approached|pressed|confronted|challenged)|Asked"
    # "While in New York, Zelensky told ...", "Additionally, businessman Stephen Schwarzman said ..."
    r"|While|Whilst|Although|Though|With|Without|Despite|Amid|Since|Additionally|Moreover|Furthermore|Still"
    r"|Namely|Upon|Indeed|Instead|Similarly|Likewise|Nonetheless|Nevertheless|Ultimately"
    # "Per reports, the sources said ..."
    r"|Per"
    # "Notably, in the book, Bolton claims ..."
    r"|Notably|Previously|Initially|Subsequently|Recently|Importantly|Specifically"
    # "More consequential, he told ...", "Most importantly, she said ...": a comparison of what follows with what came
    # before, one word and its comma
    r"|(?:More|Most)\s+[a-z]+(?=,)"
    # "By Sunday afternoon, Pierluisi said ...", "By yesterday, the World Health Organization reported ...": by when,
    # not a byline's "By John Smith"
    rf"|By(?=\s+(?:[a-z\d]|(?:{_WEEKDAY_CAPITALISED}|{'|'.join(month.capitalize() for month in MONTHS)})\b))"
    # "Talking about the attention, Kurtzer said ...", "Confirming life can thrive ..., Seager said ..."
    # a participle, not a name that is the subject ("Boeing did not ...", "Beijing has ...")
    r"|[A-Z][a-z]{2,}ing(?=\s)(?!\s+(?:did|does|do|has|have|had|is|was|were|are|will|would|can|could|said|says|told"
    r"|[a-z]+ed)\b)"
    # "A month later,", "Two days earlier,", "A few days later,"
    r"|[A-Z][a-z]*(?:\s+few)?\s+(?:hours?|days?|weeks?|months?|years?)\s+(?:later|earlier|ago|before|after))"
    r"(?:\s[^,]{1,80})?,\s+"
    # "On Friday in Istanbul, as a part of an election rally, Erdogan said ...": a second phrase
    # "In a letter to The Mercury News, published on Monday, PG&E President and CEO Andy Vesey said": or what the first
    # phrase names, described
    r"(?:(?:as|at|during|in|on|after|before|earlier|later|last|this|published|issued|released|posted|sent|written)"
    r"\s[^,]{1,60},\s+"
    # "On June 12, minutes before the Oversight Committee voted to refer them to the full House ..., Trump formally
    # claimed": how long before or after something, which may take more words
    r"|(?:minutes|hours|days|weeks|moments|shortly|just|soon)\s+(?:before|after)\s[^,]{1,100},\s+)?"
    # "On Tuesday, however, they reported ...": a linking adverb after the phrase
    r"(?:(?:however|meanwhile|though|moreover|furthermore|nonetheless|nevertheless|instead|too|also),\s+)?"
)
# "However, she claimed she and her family had received threats": a person's pronoun after an adverb that only
# links the sentence to the one before, which the claim can do without like the frame
_LINKING_ADVERB = LazyPattern(
    r"(?:However|Meanwhile|Moreover|Furthermore|Additionally|Nonetheless|Nevertheless|Still|Indeed|Separately"
    r"|Similarly|Likewise|Later|Earlier|(?:More|Most)\s+[a-z]+),\s+"
)
# "On Tuesday, however, ", "Later, ": an opening that only says when
_WHEN_OPENING = LazyPattern(
    rf"(?:(?:On\s+)?(?:{_WEEKDAY_CAPITALISED})|Yesterday|Today|Later|Earlier)"
    r",\s+(?:(?:however|meanwhile|though|also|too),\s+)?"
)
# "State prosecutors charged the suspect ..., they said": a group that opens the sentence as its subject
_GROUP_SUBJECT = LazyPattern(rf"(?:(?:[A-Z][\w-]*|[Tt]he)\s+)?(?:[a-z][\w-]*\s+)?(?i:{_GROUP_NOUN})(?=\s+[a-z])")


def group_subject(sentence: str) -> str:
    """The group that opens `sentence` as its subject ("State prosecutors"), or ""."""
    match = _GROUP_SUBJECT.match(sentence)
    return match.group() if match else ""


def opens_with_when(sentence: str) -> bool:
    """Whether `sentence` opens with a phrase that only says when ("On Tuesday, however, they reported ...")."""
    return _WHEN_OPENING.match(sentence) is not None


# "On Thursday the local health secretary reported ...", "Yesterday the agency told ...": a day without its comma
_DAY_WITHOUT_COMMA = LazyPattern(
    # "On Thursday officials reported ...": or a group
    # "A few days later the administration said ..."
    rf"(?:On\s+(?:{_WEEKDAY_CAPITALISED})|Yesterday|Today|Earlier\s+today|Last\s+(?:week|night)"
    r"|A\s+(?:few\s+)?(?:days?|weeks?|months?)\s+later"
    # "By 5:00 pm EDT (2100 UTC) the city stated ...", "At about 5:17 p.m. his daughter reported ...": by or at a time
    r"|(?:By|At)\s+(?:about\s+|around\s+)?\d{1,2}(?::\d{2})?\s*(?:[ap]\.m\.|[ap]m)(?:\s+[A-Z]{2,4})?"
    r"(?:\s+\([^()]{1,20}\))?)\s+"
    rf"(?=the\s|[A-Z]|(?:his|her|their)\s|(?:[a-z]+\s+)?(?:{_GROUP_NOUN})\s)"
)
# "On the live television he said", "On September 13 — two days after the ruling — she said": a phrase that sets
# the scene without its comma, or with an aside inside dashes, then the speaker's pronoun
_OPENING_BEFORE_PRONOUN = LazyPattern(
    r"(?P<opening>(?:On|In|At|During|After|Before|Later|Earlier)\s[^,;:\"“”\u2014\u2013]{1,50}?)\s+"
    r"(?:[\u2014\u2013]\s*[^\u2014\u2013\"“”]{1,100}?\s*[\u2014\u2013]\s+)?(?=(?:he|she)\s)"
)

# "The study's lead author, doctoral candidate Maninder Thind, said", "The general secretary of the RMT union
# (National Union of Rail, Maritime and Transport Workers), Mick Cash, said": a post however long, then its
# holder by name between commas, then the verb
_POST_THEN_NAMED = LazyPattern(
    r"(?:[Tt]he|[Aa]n?|Another|One|[A-Z][\w'\u2019.-]*)\s(?:[^,\"\u201c()]|\([^()\"\u201c]{1,80}\)){2,140}?,\s+"
    rf"(?:[a-z][\w-]*\s+){{0,5}}(?P<named>{_NAME}(?:\s+{_NAME_AFTER_PARTICLES}){{1,3}}),\s+(?:also\s+)?"
    r"(?P<cue>said|says|told|added|explained|stated|wrote|noted|indicated|warned|argued|remarked|commented)\b"
)
# "Biden criticized the move, arguing Trump was ...": what the sentence's subject said while doing it.
_SAYING_AFTER_COMMA = LazyPattern(
    # 'He continued by announcing, "..."', "She underlined the call by saying ...": how the subject said it
    r"(?:,\s+(?:also\s+)?|\s+by\s+(?=(?:saying|announcing|stating|declaring|adding|noting|telling)\b)"
    # "posted a message on Facebook on Friday announcing he had tested positive": a message that says it
    r"|\b(?:message|statement|post|video|tweet|letter|note|release)\b[^,.;\"“]{0,40}?\s(?=(?:announcing|saying|stating)\b)"
    # 'The governor tweeted her reasoning saying, "..."': right before a quotation, without a comma
    r"|\s+(?=saying,?\s*[\"“]))"
    r"(?P<cue>saying|arguing|claiming|adding|noting|stating|insisting|warning|explaining|telling|announcing"
    r"|declaring)\b(?!\s+(?:goodbye|farewell|grace|to|which|whether)\b)"
    # or a quotation after a colon, as in Governor Edwards addressed the public: "No one ..."
    r"|:\s*[\"“]"
)
# 'Facebook released a statement which read, in part, "..."': what the subject's statement said
_STATEMENT_WHICH_SAID = LazyPattern(
    r"\b(?:released|issued|published|posted|put\s+out|sent)\s+(?:a|an)\s+(?:[a-z]+\s+)?(?:statement|message|letter)"
    r"\s+(?:which|that)\s+(?P<cue>said|read|says|reads|stated)\b"
)
# "..., which NASA said might take place this summer", "which Politico reported left some experts disappointed", "which
# NASA Administrator Jim Bridenstine has said may be ready": a source inside a relative clause says what the clause
# says, its verb right after the verb of saying; "which critics, like Obama, have said amounted to", "which they've
# said was": an example of the source between commas, and a shortened auxiliary
_RELATIVE_SAID = LazyPattern(
    rf",\s+which\s+(?P<source>{_SOURCE}|(?:{_GROUP_NOUN})(?=,\s+(?:like|including|such\s+as)\s))"
    r"(?:,\s+(?:like|including|such\s+as)\s+[^,\"“]{1,60},)?"
    r"(?:['\u2019]ve\s+|\s+(?:also\s+)?(?:(?:has|have|had)\s+)?)"
    r"(?P<cue>said|says|reported|announced|stated|claimed|noted)\s+"
    rf"(?=(?:might|may|would|could|will|was|were|is|are|had|has|left|[a-z]{{2,}}ed)\b)"
)
# 'Tom Watson called the deal "lousy" and said he would ...': the sentence's subject says something after
# doing something; not "added 3 stores" or "claimed 3000 lives", where the verb has a thing as its object
# "The agency did not mention casualties, but said exports were continuing": or after what it did not do
_AND_SAID = LazyPattern(
    r"(?:\s+and|,?\s+but)\s+(?:later\s+|also\s+|then\s+)?(?P<cue>said|told|stated|warned|added(?=\s+that\b|\s*[,:])"
    # "The attacker jumped on stage and claimed he was wrongfully imprisoned": a claim, not "claimed victory"
    r"|claimed|blamed|blames)\b"
)
# 'The research was led by Mark Hay, a marine ecologist at GT, who said "..."': the person "who" said the
# quotation (without one, the relative clause is a claim of its own: ", who told the press his nephew ...")
_NAME_WHO_SAID = LazyPattern(
    # "drafted by Alex Greenwich who said on the parliament floor, "..."": the comma before "who" may be missing
    rf"(?P<name>{_NAME}(?:\s+{_NAME}){{1,3}})(?:(?:,\s+[^,\"“]{{2,120}})?,)?\s+who\s+(?:also\s+|later\s+)?"
    r"(?P<cue>said|told|added|stated|explained|wrote|tweeted)\b[^\"“]{0,40}[\"“]"
)
# "Politico quoted Tim Manning, formerly a deputy administrator at FEMA, as saying ...", "The BBC also cited Budi
# Gunawan, chief of the State Intelligence Agency, as saying ...": whom an outlet quotes said it
_QUOTED_AS_SAYING = LazyPattern(
    rf"(?:[Tt]he\s+)?{_NAME}(?:\s+{_NAME}){{0,3}}\s+(?:(?:also|{_REPORTING_ADVERB})\s+)?(?:quoted|cited)\s+"
    rf"(?P<name>{_NAME}(?:\s+{_NAME_AFTER_PARTICLES}){{1,3}})(?:,\s+[^,\"“]{{2,120}},)?\s+as\s+saying\b"
)
# The subject then its verb in the past ("Biden criticized", "Boeing did not release", "Trump has yet
# to concede"); a passive ("were described by Johnson") names no speaker.
_SUBJECT = LazyPattern(
    # "John Hutchinson, an evolutionary biomechanicist at London's Royal Veterinary College, questioned": who the
    # subject is, between commas
    rf"(?P<source>{_SOURCE})(?:\s+\([A-Z][\w.-]*\))?(?:,\s+(?P<named>{_NAME}(?:\s+{_NAME}){{1,3}}),"
    # "One of these groups, the Syrian Democratic Forces (SDF), opposed": which, by a name with its abbreviation
    rf"|,\s+the\s+(?P<abbreviated>{_NAME}(?:\s+{_NAME}){{1,5}})\s+\({_CAPITAL}[\w.-]*\),"
    r"|,\s+(?:an?|the)\s[^,\"“]{2,100},)?"
    rf"\s+(?:(?:also|then|again|{_REPORTING_ADVERB})\s+)?"
    rf"(?:[a-z]+ed|has|had|did|{'|'.join(sorted(IRREGULAR_PAST))})\b"
)

# "His death was announced by his son via Twitter", "The result was confirmed on Friday by the electoral
# commission": who said it, after a passive verb of saying
_PASSIVE_BY = LazyPattern(
    r"\b(?:was|were|is|are|has\s+been|have\s+been|had\s+been)\s+(?:(?:first|officially|later|also|initially|previously)\s+)?"
    r"(?P<cue>announced|reported|confirmed|disclosed|revealed|stated|(?P<told>told))"
    # "Park Won-soon was reported missing Thursday evening by the police": what they were reported as, and when
    # "COVID-19 was previously announced to be a "pandemic" by the World Health Organization (WHO)": or to be
    r"(?:\s+missing|\s+to\s+be\s+(?:an?\s+)?(?:[\"\u201c][^\"\u201c\u201d]{1,30}[\"\u201d]|[a-z]+))?"
    rf"(?:\s+(?:on\s+)?(?:{_WEEKDAY_CAPITALISED}|yesterday|today)(?:\s+(?:morning|afternoon|evening|night))?)?\s+by\s+"
    rf"(?P<source>(?:[a-z]+\s+)?(?:{_GROUP_NOUN}|press)|{_SOURCE})"
    # "by his son, Wolfgang", "by the University of California, San Diego.": who by name, or where
    rf"(?:,\s+(?P<named>{_NAME}(?:\s+{_NAME_AFTER_PARTICLES}){{0,3}})(?=\s*\.?\s*$))?"
    # "were reported by local media to have visited the hospital": what they were reported to have done
    # "were reported by CNN as such:": how, after them; "the World Health Organization (WHO).": their abbreviation
    r"(?:\s+\([A-Z]{2,6}\))?"
    r"(?=\s+(?:via|on|in|at|through|during|late|early|yesterday|today|as|to\s+(?:have|be))\b|\s*[,.;:]|\s*$"
    # 'he was told by Emergencies Minister Yevgeny Zinichev of "presumably between 36 and 40 people under the rubble"':
    # what the source told, quoted
    r"|(?(told)\s+(?:of|that)\s+[\"\u201c]|(?!)))"
)
# A frame set between commas inside the sentence: "Around 50 gallons of diesel, officials said,
# spilled", "One child was, according to the fire service, among the dead", "The bomb was placed
# in a market, stated Minister Moammar al-Eryani, and was left outside a restaurant".
_GROUP = (
    r"(?:[a-z]+\s+)?(?:officials|police|investigators|authorities|witnesses|experts|analysts|researchers|"
    r"scientists|prosecutors|doctors|residents|organi[sz]ers)|(?:his|her|their)\s+(?:[a-z]+\s+)?[a-z]+"
)
# A title and name as written after an inverted "stated": "Minister of Information Moammar al-Eryani".
_SPEAKER_NAME = (
    rf"(?:[Tt]he\s+)?{_NAME_OR_PARTICLE}(?:\s+(?:(?:of|in|at|for|from)\s+(?:the\s+)?)?{_NAME_OR_PARTICLE}){{0,6}}"
)
# "listed in critical condition, according to officials, with burns over 85% of his body": the
# sentence goes on, not a description of the source
_PHRASE_GOES_ON = LazyPattern(r"(?:with|while|amid|after|before|following|despite)\b")
# "..., says the study, it rises above ...", "At 2:45 a.m., his office said, he died at ...": a clause after its
# pronoun subject
_PRONOUN_THEN_CLAUSE = LazyPattern(r"(?:he|she|it|they)\s+(?:[a-z]+(?:s|ed)|was|were|had|has|is|are)\b")
# "These orcas, she suggested, specialize in hunting sharks": a verb in the present after a subject with no verb
_PRESENT_VERB_AFTER_GAP = LazyPattern(r"[a-z]{3,}\s+(?:in|on|at|to|for|with|from|the|a|an|their|its)\b")
# "The accident sequence began, Florida Highway Patrol described, in the northbound lanes": where what the verb
# before the frame tells happened (not "a dangerous opioid drug, according to Kamloops Police, at the playground")
_PLACE_PHRASE_AFTER_GAP = LazyPattern(r"(?:in|on|at|near)\s+(?:the|a|an)\b")
_PAST_VERB_BEFORE_GAP = LazyPattern(rf"\b(?:[a-z]{{2,}}ed|{'|'.join(sorted(IRREGULAR_PAST))})$")
# "a move whose rarity, CBS noted, highlighted the significance": the subject of a relative clause before the frame
_WHOSE_SUBJECT_BEFORE_GAP = LazyPattern(r"\bwhose\s+[a-z]+$")
_PARENTHETICAL = LazyPattern(
    rf"(?<=[\w)]),\s+(?:according\s+to\s+(?P<source1>[^,\"“]{{2,80}}?)"
    rf"|(?P<source2>{_SOURCE}|{_GROUP})\s+(?:also\s+)?(?P<cue2>said|says|say|stated|states|added|noted|claimed|reported|testified|suggested|described"
    # "A total of 39 are confirmed dead, officials told state media, adding that ..."
    r"|told\s+(?:the\s+)?(?:[A-Za-z][\w.-]*\s+)?[A-Za-z][\w.-]*)"
    rf"{_WHEN}"
    # "Because warmer water is more buoyant, says the study, it rises ...": a document or a body, too
    # ", reported officials, with 25 others injured": the verb before its source
    rf"|(?P<cue3>said|says|stated|added|noted|reported)\s+(?P<source3>{_SPEAKER_NAME}|{_GROUP}"
    rf"|the\s+(?:new\s+)?(?:{_DOCUMENT_NOUN}|paper|ministry|government|company|agency|department|court|council))),\s+"
    # Not when what follows describes the source (", according to prosecutor Ana Vell, who led ...").
    r"(?=\w)(?!(?:who|whom|whose|which)\b(?!\s+(?:also\s+)?(?:said|added|told|stated|reported)\b))"
)
# "Rescuers, working in temperatures well below freezing, according to the emergencies ministry recovered ...":
# the frame's closing comma left out, a body's head word then the subject's past verb
_ACCORDING_WITHOUT_CLOSING_COMMA = LazyPattern(
    r"(?<=[\w)]),\s+according\s+to\s+(?P<source>(?:the\s+)?(?:[A-Za-z][\w-]*\s+){0,3}?"
    r"(?:ministry|police|officials|authorities|government|agency|department|service|military|army))"
    rf"\s+(?=(?:[a-z]{{2,}}ed|{'|'.join(sorted(IRREGULAR_PAST))})\b)"
)
_PAST_VERB_AFTER_GAP = LazyPattern(
    rf"(?:(?:also|then|later|had|have|has)\s+)?(?:[a-z]{{2,}}ed|{'|'.join(sorted(IRREGULAR_PAST))})\b(?!\s+by\b)"
)
# "One child was, according to the fire service, among the dead": the frame splits the verb from what follows
_VERB_BEFORE_GAP = LazyPattern(r"\b(?:was|were|is|are|has|have|had|will|would)$")
# ", officials told state media, adding that ...", ", according to police, who said officers ...": the frame
# goes on with what the source said, so it stays
_GOES_ON_SAYING = LazyPattern(
    r"(?:adding|saying|noting|claiming|citing|explaining|warning|(?:who|which)\s+(?:also\s+)?"
    r"(?:said|added|told|stated|reported))\b"
)


# '..., said Sabrina Bennoui of Reporters Without Borders.': the sentence's full stop, not an
# abbreviation's ("Jr.", "Inc.", "U.S.").
_SENTENCE_FULL_STOP = LazyPattern(r"(?<=[a-z]{2})(?<!\bInc)(?<!\bLtd)(?<!\bCorp)\.$")
# "Fourteen-year-old Zoe", "23-year-old Ana Vell": the age before a name
_AGE_BEFORE_NAME = LazyPattern(rf"^(?:[A-Z][a-z]+(?:-[a-z]+)?|\d{{1,3}})-year-old\s+(?={_CAPITAL})")
# "former federal prosecutor Elie Honig": a post written in lower case before its holder, after an opening
_LOWER_POST_BEFORE = LazyPattern(
    rf"^(?:[a-z][\w-]*\s+){{0,2}}(?:{_ROLE_NOUNS})(?:\s+and\s+(?:(?:[a-z][\w-]*|{_NAME})\s+){{0,2}}(?:{_ROLE_NOUNS}))?"
    rf"\s+(?={_NAME}\s+{_NAME_AFTER_PARTICLES})"
)
_OUTLET_BEFORE = LazyPattern(rf"^{_OUTLET_DESCRIPTION}\s+(?={_CAPITAL})")
_MAKER_BEFORE = LazyPattern(rf"^(?:[A-Z][a-z][\w-]*\s+)?(?:[a-z][\w-]*\s+){{0,2}}(?:{_MAKER_NOUN})\s+(?={_CAPITAL})")
# "This Wednesday Greek Foreign Minister George Katrougalos": the day opens the sentence, the source follows.
_DAY_BEFORE_SOURCE = LazyPattern(rf"^(?:(?:This|Last|On|Late|Early)\s+)?(?:{_WEEKDAY_CAPITALISED})\s+(?={_CAPITAL})")
# "a report from ABC Australia on March 3": the date it spoke
_DATE_AFTER_SOURCE = LazyPattern(rf"\s+on\s+(?i:{'|'.join(MONTHS)})\.?\s+\d{{1,2}}(?:,\s+\d{{4}})?$")
# Weekdays are capitalised; a capitalised "Today" is a name ("USA Today").
_DAY_AFTER_SOURCE = LazyPattern(rf"\s+(?:(?:on|late|early)\s+)?(?:(?i:{_WEEKDAY})|today|yesterday|tonight)$")


@dataclass(frozen=True)
class AttributionFrame:
    source: str
    cue: str
    # Where the attributed content sits inside the sentence (relative offsets).
    content_start: int
    content_end: int
    # "trailing", "quote", "according", "leading", "parenthetical", "participle", or "coordinated": the
    # subject's second verb says something ("X declined the request and said ..."), or "issuer": a pronoun put out
    # what says it ("They released a statement which said ...")
    style: str
    # A frame set between commas inside the content ("Diesel, officials said, spilled"): its span.
    gap: tuple[int, int] | None = None
    # Where the verb of saying is, for a frame whose subject may also do something else in the sentence
    # ("The company acknowledged the breach and paid the fine").
    cue_start: int | None = None


def day_made_known(frame: AttributionFrame, sentence: str) -> str:
    """The day a closing "according to" names after its source, the day what it reports was made known ("Robert Mugabe
    ... has died, according to current president Emmerson Mnangagwa on Friday."): "on Friday", or ""."""
    if frame.style != "trailing" or frame.cue != "according to":
        return ""
    tail = sentence[frame.content_end :].rstrip(" .")
    day = _DAY_AFTER_SOURCE.search(tail) or _DATE_AFTER_SOURCE.search(tail)
    return day.group().strip() if day else ""


# Words that can stand before a speech verb without being a source: "An estimated 4 million ...".
_NOT_SOURCES = frozenset(
    {"a", "an", "this", "that", "these", "those", "such", "no", "each", "every", "one", "we", "i", "you", "as",
     # "Early reports suggested ...": the adjective of a plural noun, read as "X reports"
     "early", "initial", "first", "later", "latest", "recent", "local", "unconfirmed", "some", "other", "several",
     "many", "media", "news", "press",
     # "Amongst reported incidents ...": a preposition before a participle
     "among", "amongst", "of", "in", "despite", "with", "without", "after", "before", "unlike", "like",
     # "The total reported casualties increased ...": a count, not who reported it
     "the total", "the number", "the tally", "the toll", "the death toll"}
)  # fmt: skip


_PRONOUNS = frozenset({"it", "they", "he", "she", "him", "her", "them"})
_SUBORDINATORS = frozenset({"When", "If", "After", "Before", "Because", "As", "Since", "Until", "Unless", "Once"})
_OPEN_ENDINGS = frozenset({"of", "in", "for", "to", "at", "on", "by", "with", "from", "the", "a", "an"})
_PLACES_AND_PEOPLES = PLACES | NATIONALITIES
_NOUN_LIKE_CUES = frozenset({"states", "reports", "notes", "claims", "estimates"})
_FINDING_CUES = frozenset({"found", "established", "concluded", "showed"})


# "the mayor of Esperanza, Sultan Kudarat, announced": a place, then the region it is in between commas
_PLACE_THEN_REGION = LazyPattern(
    rf"\b(?:of|in)\s(?P<place>{_NAME}(?:\s+{_NAME}){{0,2}}),\s+(?P<region>{_NAME}(?:\s+{_NAME}){{0,2}})(?=,)"
)
# "The second quake was recorded in Sultan Kudarat.": a name the article writes as a place of its own
_PLACE_WORD = rf"{_CAPITAL}[\w-]*"
_IN_A_PLACE = LazyPattern(
    rf"\b(?:in|near|across|throughout)\s+(?P<name>{_PLACE_WORD}(?:\s+{_PLACE_WORD}){{0,2}})\b(?!['\u2019])"
)


def regions(body: str) -> frozenset[str]:
    """The names an article writes after a place between commas ("Esperanza, Sultan Kudarat,") that are places
    themselves: known ones, or ones the article also writes as a place on their own ("in Sultan Kudarat")."""
    after_places = {match["region"] for match in _PLACE_THEN_REGION.finditer(body)}
    if not after_places:
        return frozenset()
    written_as_places = {match["name"] for match in _IN_A_PLACE.finditer(body)}
    return frozenset(name for name in after_places if name in PLACES or name in written_as_places)


def find_attribution(sentence: str, *, regions: frozenset[str] = frozenset()) -> AttributionFrame | None:
    """Who `sentence` attributes its words to. A comma inside a name ends no source or description: one between a
    place and a region of `regions`, the names the article writes after a place as the region it is in ("Charles
    Federic Plotena, the mayor of Esperanza, Sultan Kudarat, announced" is Plotena's; "The mayor of Esperanza, Sultan
    Kudarat, announced" is the mayor's), and one inside a name its abbreviation spells ("the Institute of
    Epidemiology, Disease Control and Research (IEDCR) reported")."""
    places = [match for match in _PLACE_THEN_REGION.finditer(sentence) if match["region"] in regions] if regions else []
    commas = (
        [match.end("place") for match in places]
        + _commas_inside_abbreviated_names(sentence)
        # a colon between a title and its subtitle, as in Rian Johnson of Star Wars: The Last Jedi said
        + colons_inside_names(sentence)
    )
    frame = _frame(_without_commas(sentence, commas))
    if places and frame is None:
        # "The mayor of Esperanza, Sultan Kudarat, announced": the region between commas inside the source
        commas += [match.end() for match in places]
        frame = _frame(_without_commas(sentence, commas))
    if frame is None and (after_names := _commas_after_abbreviated_names(sentence)):
        commas += after_names
        frame = _frame(_without_commas(sentence, commas))
    if frame is None or not commas:
        return _checked(_without_opening_place(frame, sentence))
    source = frame.source
    for at in commas:
        before, after = sentence[:at].split()[-1], sentence[at + 1 :].split()[0].rstrip(",")
        source = source.replace(f"{before} {after}", f"{before}{sentence[at]} {after}")
    return _checked(replace(frame, source=source))


# "In the United States President Trump said", "In Russia President Putin said": where, opening the sentence without
# its comma, before the speaker
_OPENING_PLACE = LazyPattern(
    rf"(?:In|At|Across|Throughout)\s+(?:the\s+)?(?P<place>{_PLACE_WORD}(?:\s+{_PLACE_WORD}){{0,3}})\s"
)


def _without_opening_place(frame: AttributionFrame | None, sentence: str) -> AttributionFrame | None:
    """The speaker without the place an opening phrase names before it: "President Trump", not "United States
    President Trump" ("United States President Trump said" alone keeps it)."""
    if frame is None or not (opening := _OPENING_PLACE.match(sentence)):
        return frame
    words = opening["place"].split()
    for size in range(len(words), 0, -1):
        place = " ".join(words[:size])
        if place not in PLACES:
            continue
        said_before = sentence[: opening.start("place")] + place
        for prefix in (said_before, place):
            rest = frame.source[len(prefix) :]
            if frame.source.startswith(prefix) and rest[:1] == " " and rest[1:2].isupper():
                return replace(frame, source=rest[1:])
        return frame
    return frame


# "Institute of Epidemiology, Disease Control and Research (IEDCR)": a name with commas inside, then its abbreviation
_ABBREVIATED_NAME = LazyPattern(
    rf"(?P<name>{_PLACE_WORD}(?:(?:,\s+|\s+(?:(?:of|and|for|on|the|&)\s+)*){_PLACE_WORD}){{2,12}})"
    r"\s+\((?P<abbreviation>[A-Z]{3,8})\)"
)


def _spelled_abbreviations(sentence: str) -> Iterator[tuple[re.Match[str], int]]:
    """Names whose abbreviation follows them and spells their capitalised words, each with where its spelled words
    start."""
    for match in _ABBREVIATED_NAME.finditer(sentence) if "," in sentence and "(" in sentence else ():
        words = list(re.finditer(_PLACE_WORD, match["name"]))[-len(match["abbreviation"]) :]
        if "".join(word.group()[0] for word in words) == match["abbreviation"]:
            yield match, match.start("name") + words[0].start()


def _commas_inside_abbreviated_names(sentence: str) -> list[int]:
    """Where the commas are inside names whose abbreviation follows them and spells their capitalised words."""
    return [
        at
        for match, first in _spelled_abbreviations(sentence)
        for at in range(first, match.end("name"))
        if sentence[at] == ","
    ]


# "Director Anthony Fauci of the ... National Institute of Allergy and Infectious Diseases (NIAID), announced": a
# comma after a speaker's long body and its abbreviation, before the verb
_COMMA_BEFORE_VERB = LazyPattern(
    r",\s+(?:said|says|announced|reported|stated|told|added|confirmed|warned|explained|noted|wrote)\b"
)


def _commas_after_abbreviated_names(sentence: str) -> list[int]:
    """Where a comma after a name's spelled abbreviation stands between a speaker and the verb of saying."""
    return [
        match.end() for match, _ in _spelled_abbreviations(sentence) if _COMMA_BEFORE_VERB.match(sentence, match.end())
    ]


def _without_commas(sentence: str, commas: list[int]) -> str:
    """`sentence` with a space for each comma at `commas`, so that offsets stay the sentence's own."""
    for at in commas:
        sentence = f"{sentence[:at]} {sentence[at + 1 :]}"
    return sentence


def _checked(frame: AttributionFrame | None) -> AttributionFrame | None:
    """The frame, unless what it read as a source or a verb of saying is none."""
    if frame is None or frame.source.lower() in _NOT_SOURCES or frame.source.split()[-1].lower() in _OPEN_ENDINGS:
        return None  # "The number of confirmed cases ...": a source never ends in a preposition
    if frame.source.split()[0] in _SUBORDINATORS:
        return None  # "When Trump tweeted that ..., Twitter placed a disclaimer": the main clause is not his
    if frame.cue in _NOUN_LIKE_CUES and any(word in NUMBER_WORDS for word in frame.source.lower().split()):
        return None  # "The ten states with ...": a count before a noun read as a verb
    if frame.cue == "states" and frame.source.split()[-1] in _PLACES_AND_PEOPLES:
        return None  # "Listed US states as having members were ...": the states of a country
    if frame.cue in _FINDING_CUES and frame.source.lower() in SOURCE_ANAPHORA:
        return None  # "They concluded that the agreement is void": without the frame it would be a fact
    if frame.cue == "reads" and frame.source.lower() in _PRONOUNS:
        return None  # '"...", it reads.': a document the sentence does not name
    return frame


_POST = LazyPattern(rf"(?:[Tt]he|[Aa]n?)\s+(?:[\w'\u2019-]+\s+){{0,3}}?(?:{_ROLE_NOUNS})\b")


def names_a_post(source: str) -> bool:
    """Whether a source is someone described by a post, not by name: "The head of the investigators"."""
    return _POST.match(source) is not None


# '"...," said Dasbach to Wikinews.': whom the speaker said it to, after the name
_RECIPIENT = LazyPattern(rf"\s+to\s+(?:the\s+)?{_NAME}(?:\s+{_NAME}){{0,3}}$")


def _without_recipient(source: str) -> str:
    """The speaker of '"...," said Dasbach to Wikinews', but the whole name of a body whose name holds "to"
    ("the Committee to Protect Journalists")."""
    recipient = _RECIPIENT.search(source)
    if recipient is None or source[: recipient.start()].split()[-1] in ORGANISATION_HEADS:
        return source
    return source[: recipient.start()]


def _frame(sentence: str) -> AttributionFrame | None:
    if match := _QUOTE.match(sentence) or (
        (clause := _CLAUSE_BEFORE_QUOTE.match(sentence)) and _QUOTE_AFTER_CLAUSE.match(sentence, clause.end())
    ):
        source = match["source1"] or match["source2"] or match["source3"] or match["source4"]
        cue = match["cue1"] or match["cue2"] or match["cue3"] or match["cue4"]
        if match["source1"] and (speaker := _ROLE_THEN_NAME.match(sentence, match.end("source1"))):
            source = speaker["name"] or speaker["named"]
        elif (match["source1"] or match["source2"]) and (holder := _HOLDER_AFTER_POST.search(source)):
            # '"...," said UCL astronomer Angelos Tsiaras.', '"...," ... Information Agency head Arba Agung told': the
            # person
            source = holder["name"]
        elif source.lower().startswith(("his ", "her ", "their ")) and (
            relative := _NAME_BETWEEN_COMMAS.match(sentence, match.end("source1" if match["source1"] else "source2"))
        ):
            source = relative["name"]
        elif match["source1"]:
            source = _without_recipient(source)
        return AttributionFrame(_clean(source), _cue(cue), 0, len(sentence), "quote")
    opening = _OPENING_PHRASE.match(sentence)
    if frame := _speaker_then_quote(sentence, opening):
        return frame
    if match := _TRAILING.search(sentence):
        return AttributionFrame(_clean(match["source"]), _cue(match["cue"]), 0, match.start(), "trailing")
    if match := _TRAILING_VERB_FIRST.search(sentence):
        source = _clean(match["named"] or match["source"])
        return AttributionFrame(source, _cue(match["cue"]), 0, match.start(), "trailing")
    if (
        (match := _TRAILING_ACCORDING.search(sentence))
        and not _CLAUSE_VERB.search(match["source"])
        and not _RELATIVE_WORD.search(match["source"])  # "according to CNN who reported that ...": CNN
        and not (match["description"] and has_clause_verb(match["description"]))
    ):
        return AttributionFrame(_named_source(match["source"]), "according to", 0, match.start(), "trailing")
    if match := _ACCORDING.match(sentence):
        content_start = match.end()
        if match["description"] and _CLAUSE_VERB.search(match["description"]):
            content_start = match.start("description")  # "the Secretary of State would ...": the content itself
        source = match["named"] or match["holder"] or _named_source(match["source"])
        if source in ("it", "they") and (subject := _SUBJECT_AFTER_OPENING.match(sentence, content_start)):
            source = subject["name"]  # "According to its press release, the NBA will ...": the NBA's
        if (place := _PLACE_AFTER_SOURCE.match(sentence, content_start)) and place["place"] in PLACES:
            # "According to police in Baytown, Texas, Zhukovskyy has ...": the state is the source's
            source, content_start = f"{source}, {place['place']}", place.end()
        return AttributionFrame(source, "according to", content_start, len(sentence), "according")
    if (
        (match := _LEADING.match(sentence))
        and _leading_content_follows(match, sentence)
        and _says(match, sentence)
        and not _REPORTS_FROM.match(sentence)  # "Initial reports from Omsk hospital reported": not "Initial"
    ):
        return _leading_frame(match, sentence)
    if (
        (opening := _OPENING_PHRASE.match(sentence))
        and (match := _LEADING_AFTER_OPENING.match(sentence, opening.end()))
        and _leading_content_follows(match, sentence)
        and _says(match, sentence)
        and (
            match["source"].lower() not in SOURCE_ANAPHORA
            or (_LINKING_ADVERB.fullmatch(opening.group()) and match["source"].lower() in ("he", "she"))
            # "On Tuesday, however, they reported ...": when they said it, after they were named
            or (_WHEN_OPENING.fullmatch(opening.group()) and match["source"].lower() == "they")
        )
    ):
        # "In the Republican Iowa caucuses, ABC News reported ...": the outlet, with the opening kept
        return _leading_frame(match, sentence)
    if (
        (day := _DAY_WITHOUT_COMMA.match(sentence))
        and (match := _LEADING_AFTER_OPENING.match(sentence, day.end()))
        and _leading_content_follows(match, sentence)
        and _says(match, sentence)
        and match["source"].lower() not in SOURCE_ANAPHORA
    ):
        return _leading_frame(match, sentence)
    if frame := _pronoun_after_opening_without_comma(sentence):
        return frame
    if frame := _speaker_after_an_opening_without_its_comma_or_with_commas_inside(sentence):
        return frame
    quoted = '"' in sentence or "“" in sentence
    if (
        (not quoted or (";" not in sentence and _quotes_only_names(sentence)))
        and (match := _PARENTHETICAL.search(sentence))
        # ", says the study, it rises ... what the scientists describe as an "upside-down river"": beside a name in
        # quotation marks, only a verb before its source, which no quotation's speaker can be mistaken for
        and (not quoted or match["cue3"])
        # ", according to prosecutor Josh Bash, the U.S. Attorney for ...": a description of the source
        and (
            (goes_on_saying := _GOES_ON_SAYING.match(sentence, match.end()))
            or has_clause_verb(sentence[match.end() :])
            or _PRONOUN_THEN_CLAUSE.match(sentence, match.end())
            or _PHRASE_GOES_ON.match(sentence, match.end())
            # not past a semicolon, where the frame may speak for its own clause only
            or (";" not in sentence[: match.start()] and _VERB_BEFORE_GAP.search(sentence, 0, match.start()))
            # "Day, they said, desired no memorials": the subject's verb after the frame, the subject before it
            or (
                (
                    _PAST_VERB_AFTER_GAP.match(sentence, match.end())
                    or _PRESENT_VERB_AFTER_GAP.match(sentence, match.end())
                )
                and not has_clause_verb(sentence[: match.start()])
            )
            or (
                _PLACE_PHRASE_AFTER_GAP.match(sentence, match.end())
                and _PAST_VERB_BEFORE_GAP.search(sentence, 0, match.start())
            )
            or (
                _PAST_VERB_AFTER_GAP.match(sentence, match.end())
                and _WHOSE_SUBJECT_BEFORE_GAP.search(sentence, 0, match.start())
            )
        )
    ):
        source = match["source1"] or match["source2"] or match["source3"]
        cue = "according to" if match["source1"] else _cue(match["cue2"] or match["cue3"])
        named = _named_source(source) if match["source1"] else _clean(source)
        gap = None if goes_on_saying else (match.start(), match.end())
        return AttributionFrame(named, cue, 0, len(sentence), "parenthetical", gap)
    if (
        '"' not in sentence
        and "\u201c" not in sentence
        and (match := _ACCORDING_WITHOUT_CLOSING_COMMA.search(sentence))
        and not has_clause_verb(sentence[: match.start()])
    ):
        return AttributionFrame(_named_source(match["source"]), "according to", 0, len(sentence), "parenthetical")
    if match := _QUOTED_AS_SAYING.match(sentence, opening.end() if opening else 0):
        if _QUOTATION_FOLLOWS.match(sentence, match.end()):
            return AttributionFrame(_clean(match["name"]), "said", 0, len(sentence), "quote")
        return AttributionFrame(_clean(match["name"]), "said", match.end(), len(sentence), "leading")
    if match := _NAME_WHO_SAID.search(sentence):
        return AttributionFrame(_clean(match["name"]), match["cue"], 0, len(sentence), "quote")
    if ";" not in sentence and (match := _PASSIVE_BY.search(sentence)):
        # "His death was announced by his son Abhijit via Twitter": the words left as they are
        source = match["source"]
        if match["named"]:
            relative = source.lower().startswith(("his ", "her ", "their "))
            source = match["named"] if relative else f"{source}, {match['named']}"
        return AttributionFrame(_clean(source), match["cue"], 0, len(sentence), "parenthetical")
    if ";" not in sentence and (match := _ACCORDING_INSIDE.search(sentence)):
        # "Bermuda was rarely hit according to CNN who reported ...", "and according to the Ministry
        # of Foreign Affairs he died at ...": a named source inside the sentence, the words left as they
        # are; not past a semicolon, where it may speak for one clause only
        return AttributionFrame(_clean(match["source"]), "according to", 0, len(sentence), "parenthetical")
    named = _POST_THEN_NAMED.match(sentence) or (opening and _POST_THEN_NAMED.match(sentence, opening.end()))
    if named and named["named"] not in PLACES:  # not "Officials in Paris, France, said"
        cue_start = named.start("cue")
        return AttributionFrame(
            _clean(named["named"]), _cue(named["cue"]), named.end(), len(sentence), "leading", cue_start=cue_start
        )
    if (document := _DOCUMENT_FROM.match(sentence, opening.end() if opening else 0)) and _says_what(
        sentence, document.end()
    ):
        # "Another report from the Mexican government during the weekend said ...": the body behind the document
        source = _clean(document["source"])
        return AttributionFrame(
            source, document["cue"], document.end(), len(sentence), "leading", cue_start=document.start("cue")
        )
    if frame := _described_speaker(sentence, opening):
        return frame
    if (saying := _SAYING_AFTER_COMMA.search(sentence)) and (subject := _sentence_subject(sentence)):
        return AttributionFrame(subject, saying["cue"] or "said", 0, len(sentence), "participle")
    if (saying := _STATEMENT_WHICH_SAID.search(sentence)) and (subject := _sentence_subject(sentence)):
        # "They released a statement": whoever they are, not who spoke last
        style = "issuer" if subject.lower() in SOURCE_ANAPHORA else "participle"
        return AttributionFrame(subject, saying["cue"], 0, len(sentence), style)
    if (
        (saying := _AND_SAID.search(sentence))
        and (saying["cue"] != "claimed" or _claims_a_statement(sentence[saying.end() :].lstrip()))
        and (subject := _sentence_subject(sentence))
    ):
        cue_start = saying.start("cue")
        if (named := _named_it(sentence)) and named.start("cue") < cue_start:
            # 'Tom Watson called the deal "lousy" and said he would ...': what they called it is theirs too
            cue_start = named.start("cue")
        return AttributionFrame(subject, saying["cue"], 0, len(sentence), "coordinated", cue_start=cue_start)
    if ";" not in sentence and (other := _AND_ANOTHER_SAID.search(sentence)) and _says_what(sentence, other.end()):
        # "Trump described the story as a hoax and the White House claimed it did not brief Trump": the second
        # speaker, whose words the sentence ends on
        return AttributionFrame(
            _clean(other["source"]), other["cue"], 0, len(sentence), "coordinated", cue_start=other.start("cue")
        )
    if ";" not in sentence and (other := _WITH_ANOTHER_SAYING.search(sentence)):
        return AttributionFrame(
            _clean(other["source"]), other["cue"], 0, len(sentence), "coordinated", cue_start=other.start("cue")
        )
    if ";" not in sentence and (relative := _RELATIVE_SAID.search(sentence)):
        # the main clause before it is no part of what the source said: a piece without the verb has no source
        source, cue = _clean(relative["source"]), relative["cue"]
        if source.lower() in ("they", "it") and (bodies := _BODY_SUBJECT.findall(sentence, 0, relative.start())):
            # "after the network didn't carry his commercials, which they've said was due to ...": the body whose
            # doing the clause explains
            source = bodies[-1]
        return AttributionFrame(source, cue, 0, len(sentence), "coordinated", cue_start=relative.start("cue"))
    if (named := _named_it(sentence)) and (subject := _sentence_subject(sentence)):
        return AttributionFrame(subject, named["cue"], 0, len(sentence), "coordinated", cue_start=named.start("cue"))
    return None


def _named_it(sentence: str) -> re.Match[str] | None:
    """What the subject called something or described it as: 'The campaign called the statement "absolutely
    false."', 'Scripps Oceanography described him as "a guiding force ..."'."""
    if "called" in sentence and (called := _CALLED_IT.search(sentence)):
        return called
    return _DESCRIBED_AS_QUOTED.search(sentence) if "described" in sentence else None


# 'what the scientists describe as an "upside-down river"': a few words in quotation marks, a name for something
# rather than someone's statement
_QUOTATION = LazyPattern(r"[\"\u201c](?P<words>[^\"\u201c\u201d]*)[\"\u201d]")


def _quotes_only_names(sentence: str) -> bool:
    """Whether every quotation in `sentence` is a phrase of at most four words, which quotes no statement."""
    quotations = _QUOTATION.findall(sentence)
    closed = 2 * len(quotations) == sentence.count('"') + sentence.count("\u201c") + sentence.count("\u201d")
    return closed and all(len(words.split()) <= 4 for words in quotations)


# A body as the subject of a clause: "the network didn't carry", "the company had refused"
_BODY_SUBJECT = LazyPattern(
    r"\b([Tt]he\s+(?:network|company|firm|government|agency|party|campaign|administration|ministry|department|council"
    r"|committee|board|club|team|union|league|broadcaster|station|newspaper|police|army|military))"
    r"\s+(?:did(?:n['\u2019]t|\s+not)?|had(?:n['\u2019]t)?|has(?:n['\u2019]t)?|was|were|[a-z]{3,}ed)\b"
)


_AND_ANOTHER_SAID = LazyPattern(
    # "..., but news broadcaster NRK later reported the fire started in ...": what the outlet is, when it spoke;
    # "Wikinews reached out to Sergey M., ..., however Sergey said he ...": a contrast after a comma
    rf"(?<=[a-z])(?:,?\s+(?:and|but)|,\s+however)\s+"
    # "85% were in favour and on Friday the government announced the new region ...": when the second speaker spoke,
    # and a body named by what it is
    rf"(?:on\s+(?:{_WEEKDAY_CAPITALISED})\s+|(?:later|yesterday|today)\s+)?"
    rf"(?P<source>(?:the\s+)?(?:(?:[a-z][\w-]*\s+)?(?:{_OUTLET_NOUN})\s+)?{_NAME}"
    # "..., and Mr Tong had said they intended to ...": with the tense's auxiliary
    rf"(?:\s+{_NAME}){{0,3}}|the\s+(?:government|ministry|police|military|army|company|agency|council|commission)"
    # "Rittenhouse turned himself in ..., and his lawyers have claimed the defendant acted in self defense": whoever
    # speaks for the one named before, or an unnamed group
    rf"|(?:his|her|their|its)\s+(?:{_RELATIVE_OR_AIDE})s?|(?:[a-z][\w-]*\s+)?(?:{_GROUP_NOUN}))"
    rf"\s+(?:(?:{_REPORTING_ADVERB}|had|has|have)\s+)?"
    r"(?P<cue>said|claimed|stated|announced|reported|told\s+(?:reporters|journalists|the\s+press))\b"
)
# "No deaths were reported on the ground, with local media reporting no-one was in the houses": a second source, in
# a clause that only adds what it said
_WITH_ANOTHER_SAYING = LazyPattern(
    r",\s+with\s+(?:some\s+)?(?P<source>(?:[a-z][\w-]*\s+)?(?:" + _GROUP_NOUN + r"|press|publications|newspapers)"
    rf"|(?:the\s+)?{_NAME}(?:\s+{_NAME}){{0,3}})\s+(?P<cue>reporting|saying|claiming|stating)\b"
)
# "Netanyahu called Trump's order swift, forceful and decisive", "The United Nations called the crisis the worst in
# the world": the caller is the source of what the thing is called; not a telephone call ("called the fire brigade
# an hour later", "called his wife")
_CALLED_IT = LazyPattern(
    r"(?<=[a-z] )(?P<cue>called)\s+(?:(?:it|them|this|that|(?:the|his|her|their|its|this|that)\s+[a-z][\w-]*"
    rf"|{_NAME}(?:\s+{_NAME}){{0,2}}['\u2019]s\s+[a-z][\w-]*)\s+"
    r"(?:(?:the|an?)\s+[\"\u201c]?(?!(?:hour|few|minute|day|week|month|year|couple|second|moment|number|lot|time"
    r"|night|morning|evening|afternoon)s?\b)[a-z]|(?:[a-z]+,\s+)+[a-z]+,?\s+and\s+[a-z]+\s*[.;]?$)"
    # 'The campaign called the statement "absolutely false."', 'Chodankar called D'Souza "humble and soft-spoken"':
    # what they called it, quoted
    # 'Trump called Stone's 40 month sentence "unjust."', 'Sam Wang called Conway "[a]n incomparable mathematician"':
    # what of someone's, and a letter put in brackets
    rf"|(?:it|them|this|that|(?:the|his|her|their|its|this|that)\s+[a-z][\w-]*|{_NAME}(?:\s+{_NAME}){{0,2}}"
    rf"|(?:{_NAME}\s+){{0,3}}{_NAME}['\u2019]s(?:\s+[\w-]+){{1,3}})"
    r"\s+[\"\u201c]\[?[a-z])"
    # not over a semicolon to another speaker: 'Smith called the disappearance an "interesting" case; Miller said ...'
    r"(?![^;]*;[^;]*\b(?:said|says|told|stated|added|wrote)\b)"
)
# 'Scripps Oceanography described him as "a guiding force ..."', 'The US State Department described Hamza bin Laden in
# March of this year as an "emerging" figure': what the subject described someone or something as, quoted
_DESCRIBED_AS_QUOTED = LazyPattern(
    r"(?<=[a-z] )(?P<cue>described)\s+(?:him|her|it|them|this|that|(?:the|his|her|their|its)\s+[a-z][\w-]*"
    rf"|{_NAME}(?:\s+{_NAME_AFTER_PARTICLES}){{0,3}})(?:\s+in\s+[^,;\"\u201c]{{1,40}}?)?\s+as\s+(?:(?:an?|the)\s+)?"
    r"[\"\u201c]"
    r"(?![^;]*;[^;]*\b(?:said|says|told|stated|added|wrote)\b)"
)


def _pronoun_after_opening_without_comma(sentence: str) -> AttributionFrame | None:
    """'On the live television he said, "..."', "On September 13 — two days after the ruling — he said he remained
    ...": the pronoun is the source, and the claim keeps the whole sentence so as not to lose when it was said."""
    opening = _OPENING_BEFORE_PRONOUN.match(sentence)
    if opening is None or has_clause_verb(opening["opening"]):
        return None
    if (quoted := _SPEAKER_THEN_QUOTE_AFTER_OPENING.match(sentence, opening.end())) and not quoted["unclosed"]:
        return AttributionFrame(quoted["source"], _cue(quoted["cue"]), 0, len(sentence), "quote")
    match = _LEADING_AFTER_OPENING.match(sentence, opening.end())
    if match is None or match["source"] not in ("he", "she"):
        return None
    if not (_leading_content_follows(match, sentence) and _says(match, sentence)):
        return None
    return AttributionFrame(match["source"], _cue(match["cue"]), 0, len(sentence), "parenthetical")


# 'Calling it a "culture of death" the archbishop said': a participle phrase opening the sentence without its comma;
# not a word that only ends like one ("Nothing the minister said was true", "Beijing has said")
_PARTICIPLE_WITHOUT_COMMA = LazyPattern(
    r"(?!(?:Nothing|Something|Anything|Everything|Morning|Evening|King|Spring|Thing|Wedding|Building|Boeing|Beijing)\s)"
    r"(?:[A-Z][a-z]{2,}ing\s+(?!(?:did|does|do|has|have|had|is|was|were|are|will|would|can|could|said|says|told|[a-z]+ed)\b)"
    # "With the acquisition Salling said", "In an advisory issued at 11:00 a.m. the National Hurricane Center reported":
    # a prepositional phrase
    r"|(?:In|At|With|During|Amid|Despite)\s+(?=(?:an?|the|his|her|its|their|this|that)\s))"
    # a colon only inside a time of day ("at 11:00 a.m.")
    r"[a-z](?:[^,;:]|:(?=\d)){1,120}"
)
# "When confronted with the accusation he penetrated Reade, against her will, using ..., Biden told": what the
# speaker was asked or shown, with commas inside it
_WHEN_ASKED = LazyPattern(r"When\s+(?:asked|questioned|pressed|confronted|challenged|shown|presented)\s[^\"“]{1,250}")
# Where a speaker may start after such an opening: a name, "the" or a person's pronoun
_SPEAKER_START = LazyPattern(r"(?<=\s)(?:[A-Z]|the\s|he\s|she\s)")
_COMMA_THEN_SPEAKER = LazyPattern(r"(?<=,\s)(?:[A-Z]|the\s|he\s|she\s)")
# "In an advisory issued at 11:00 a.m. the National Hurricane Center reported": how the document came out, no verb of
# the sentence
_DOCUMENT_DESCRIBED = LazyPattern(r"(?<=[a-z] )(?:issued|published|released|posted|sent|written)\b")
# "the report the minister": the opening's object, then the speaker
_TWO_PHRASES = LazyPattern(r"[Tt]he\s+(?:[a-z][\w-]*\s+){1,2}the\s")


def _speaker_after_an_opening_without_its_comma_or_with_commas_inside(sentence: str) -> AttributionFrame | None:
    """'Calling it a "culture of death" the archbishop said "..."', "When confronted with ..., against her will,
    ..., Biden told host Mika Brzezinski ...": the speaker after the opening, which stays in the claim. Of the places
    where a speaker could start, the one whose verb of saying comes first, and of those the first ("Prime Minister
    Jacinda Ardern", not "Ardern"), but not the object of the opening ("Citing the report the minister said")."""
    if participle := _PARTICIPLE_WITHOUT_COMMA.match(sentence):
        # not the phrase's own object, right after its first word ("With the acquisition Salling said")
        second_word = sentence.index(" ", participle.start()) + 1
        starts = _SPEAKER_START.finditer(sentence, sentence.find(" ", second_word) + 1, participle.end())
    elif asked := _WHEN_ASKED.match(sentence):
        starts = _COMMA_THEN_SPEAKER.finditer(sentence, 0, asked.end())
    else:
        return None
    found: list[tuple[int, int, AttributionFrame]] = []
    for start in starts:
        if participle and has_clause_verb(_DOCUMENT_DESCRIBED.sub("", sentence[: start.start()])):
            break  # "Calling it a disgrace the archbishop said the law would ...": not past the speaker's verb
        if (frame_and_cue := _speaker_frame_at(sentence, start.start())) and not _TWO_PHRASES.match(
            frame_and_cue[0].source
        ):
            found.append((frame_and_cue[1], start.start(), frame_and_cue[0]))
    return min(found, key=lambda each: each[:2])[2] if found else None


def _speaker_frame_at(sentence: str, start: int) -> tuple[AttributionFrame, int] | None:
    """The frame of a speaker who starts at `start`, keeping the whole sentence, and where its verb is."""
    if (quoted := _SPEAKER_THEN_QUOTE_AFTER_OPENING.match(sentence, start)) and not quoted["unclosed"]:
        post_first = quoted["source"].startswith(("The ", "the ")) or _POSSESSIVE_POST.search(quoted["source"])
        source = quoted["named"] if quoted["named"] and post_first else quoted["source"]
        return AttributionFrame(_clean(source), _cue(quoted["cue"]), 0, len(sentence), "quote"), quoted.start("cue")
    match = _LEADING_AFTER_OPENING.match(sentence, start)
    if match is None or not (_leading_content_follows(match, sentence) and _says(match, sentence)):
        return None
    if match["source"] in ("he", "she"):
        frame = AttributionFrame(match["source"], _cue(match["cue"]), 0, len(sentence), "parenthetical")
        return frame, match.start("cue")
    if match["source"].lower() in SOURCE_ANAPHORA:
        return None
    return _leading_frame(match, sentence), match.start("cue")


# "Conservative Party leader and Prime Minister Boris Johnson said he was ...", "the topmost senior Polish
# archbishop Wojciech Polak said, ...": a person by name, after words of any shape that say who they are
_DESCRIBED_SPEAKER = LazyPattern(
    rf"(?P<speaker>[^,;:\"“”()]{{2,120}}?\s+{_NAME}(?:\s+{_NAME_AFTER_PARTICLES}){{1,5}})"
    rf"\s+(?:(?:also|{_REPORTING_ADVERB})\s+)?(?P<cue>said|says|wrote|writes|tweeted|stated|added|explained|announced"
    r"|noted|warned|told\s+(?:reporters|journalists|(?:the\s+)?[A-Z][\w.-]*))\b"
    # not a passive ("said by") nor a noun phrase ("stated goals")
    r"(?!\s+(?:by|was|were|is|are)\b)"
)
# '"...," said study co-author and Royal Society University Research Fellow Martin How.', '"...," Hong Kong
# director of Amnesty International Man-kei Tam said in a statement.': the same after a quotation
_QUOTE_THEN_DESCRIBED_SPEAKER = LazyPattern(
    r"^[\"“].+?[,.!?]?[\"”]\s*,?\s+(?:(?P<cue1>said|says|wrote|writes|added|tweeted)\s+(?P<speaker1>[^,;:\"“”()]{2,160}?)"
    r"|(?P<speaker2>[^,;:\"“”()]{2,160}?)\s+(?P<cue2>said|says|wrote|writes|added|tweeted)"
    r"(?:\s+(?:in|on|to)\s+(?:a|an|the|his|her|their)?\s*[\w-]+)?)\s*[.!]?\s*$"
)
# "Another report from the Mexican government during the weekend said ...", "A new study by the Pew Research Center
# found ...": a document of a named body or a body of a place, and when it appeared
# "Initial reports from Omsk hospital reported ...": the first reports of a place's hospital; "Current consensus
# among scientists says ...": what a group agrees on
_REPORTS_OPENING = r"(?:Initial|Early|Later)\s+reports\s+(?:from|by)"
_REPORTS_FROM = LazyPattern(rf"{_REPORTS_OPENING}\s")
_DOCUMENT_FROM = LazyPattern(
    r"(?:(?:An?|Another|The)\s+(?:(?:new|recent|latest|separate|second|\d{4})\s+)?"
    r"(?:report|statement|study|survey|analysis|assessment|letter|memo)\s+(?:from|by)"
    rf"|{_REPORTS_OPENING}"
    rf"|(?:Current|The\s+current|The\s+scientific|Scientific)\s+consensus\s+among(?=\s+(?:[a-z]+\s+)?(?:{_GROUP_NOUN})\s))\s+"
    rf"(?P<source>(?:the\s+)?{_NAME}(?:\s+(?:(?:of|for)\s+(?:the\s+)?)?{_NAME}){{0,5}}"
    rf"|(?:the\s+)?(?:{_NAME}\s+){{1,3}}(?:government|ministry|police|army|military|agency|department|authorities"
    r"|hospital)"
    rf"|(?<=among\s)(?:[a-z]+\s+)?(?:{_GROUP_NOUN}))"
    r"(?:\s+(?:during|on|in|at|last|this)\s[^,\"“]{1,30}?)?"
    r"\s+(?P<cue>said|says|stated|states|found|showed|concluded|estimated|reported)\b"
)
# Before a name, a word that makes it someone else's ("The lawyer for John Smith said", "A friend of Jane Doe
# said") or one of two speakers ("Smith and John Doe said")
_NOT_THE_SPEAKER_BEFORE = LazyPattern(r"(?:\b(?:of|for|to|with|by|from|about|against|on|in|at|and|or)|['\u2019]s?)\s*$")
# "a post and a post" before the name: "leader and Prime Minister Boris Johnson"
_POST_AND_BEFORE = LazyPattern(r"\b[a-z][\w-]*\s+and\s*$")
_QUOTATION_FOLLOWS = LazyPattern(r"\s*[,:]?\s*[\"“]")
# "stated to the CBC in late June that ...": whom and when, then what was said
_THAT_FOLLOWS = LazyPattern(r"(?:\s+(?:to|on|in|via)\s[^,\"“]{1,40}?)?\s+that\b")
# A participle or a past tense among the words before the name makes them a clause, not a description.
_VERB_FORM = LazyPattern(r"\b[a-z][a-z-]+(?:ed|ing)\b")
_NAME_RUN_AT_END = LazyPattern(rf"{_NAME}(?:\s+{_NAME_AFTER_PARTICLES}){{1,5}}$")


def _described_speaker(sentence: str, opening: re.Match[str] | None) -> AttributionFrame | None:
    """A person named after words that describe them, however they are written, as the subject of a verb of
    saying: the person is the source, and the frame stays in the claim's text."""
    if quoted := _QUOTE_THEN_DESCRIBED_SPEAKER.match(sentence):
        if not (name := _described_person(quoted["speaker1"] or quoted["speaker2"])):
            return None
        return AttributionFrame(name, _cue(quoted["cue1"] or quoted["cue2"]), 0, len(sentence), "quote")
    match = _DESCRIBED_SPEAKER.match(sentence, opening.end() if opening else 0)
    if match is None or not (name := _described_person(match["speaker"])):
        return None
    if _QUOTATION_FOLLOWS.match(sentence, match.end()):
        return AttributionFrame(name, _cue(match["cue"]), 0, len(sentence), "quote")
    if not _says_what(sentence, match.end()):
        return None
    cue_start = match.start("cue")
    return AttributionFrame(name, _cue(match["cue"]), match.end(), len(sentence), "leading", cue_start=cue_start)


# Past tenses too short for the clause test's regular past: "said eight Mexicans died in the attack"
_SHORT_PAST = LazyPattern(r"\s(?:died|lied|used|owed|tied)\b")
# 'Sergey said he "won't give any comments"': a quotation whose subject stands before its opening mark
_SUBJECT_THEN_QUOTE = LazyPattern(r"\s+(?:he|she|they|it|we)\s+[\"“]")
# "announced the new region, to be called Bangsamoro, would be governing itself": the clause's subject, an aside
# about it between commas, then its verb
_SUBJECT_ASIDE_THEN_VERB = LazyPattern(
    r"\s+(?:the|its|his|her|their)\s+[^,;\"“]{1,40},\s+[^,;\"“]{1,60},\s+"
    r"(?:would|will|was|were|is|are|has|had|could|may|might)\b"
)


def _says_what(sentence: str, after_the_verb: int) -> bool:
    """Whether what was said follows the verb: not its object, as in "announced three days of mourning", nor what
    the speaker did, as in "tweeted after hearing the news"."""
    content = sentence[after_the_verb:]
    first_clause = _FIRST_CLAUSE_END.split(content, maxsplit=1)[0]
    return bool(
        _THAT_FOLLOWS.match(content)
        or has_clause_verb(first_clause)
        or _SHORT_PAST.search(first_clause)
        or _SUBJECT_THEN_QUOTE.match(content)
        or _SUBJECT_ASIDE_THEN_VERB.match(content)
    )


def _described_person(speaker: str) -> str:
    """The person whose name ends `speaker` when the words before it describe them ("Prime Minister Boris
    Johnson" -> Boris Johnson, "Hong Kong director of Amnesty International Man-kei Tam" -> Man-kei Tam), or ""
    when the name is someone else's ("The lawyer for John Smith") or the words before it make a clause."""
    run = _NAME_RUN_AT_END.search(speaker)
    if run is None:
        return ""
    entities = find_entities(run.group())
    if entities and entities[-1]["type"] == "PERSON" and run.group().endswith(entities[-1]["text"]):
        # "The wife of President Joe Biden": the title goes with the name, and so does what comes before it
        name, before = entities[-1]["text"], speaker[: run.start()]
    elif find_entities(last_two := " ".join(run.group().split()[-2:])) == [{"text": last_two, "type": "PERSON"}]:
        # "director of Amnesty International Man-kei Tam": a body's name, then its member's
        name, before = last_two, speaker[: len(speaker) - len(last_two)]
    else:
        return ""
    description = speaker[: len(speaker) - len(name)]
    if not before.strip() or _VERB_FORM.search(description) or has_clause_verb(description):
        return ""
    if _NOT_THE_SPEAKER_BEFORE.search(before) and not _POST_AND_BEFORE.search(before):
        return ""
    return name


def _speaker_then_quote(sentence: str, opening: re.Match[str] | None) -> AttributionFrame | None:
    """'Co-author Jing-Shan Zhao said, "..."', or after an opening phrase: 'Speaking to NBC News, she said, "..."'.
    A name without its closing comma is the speaker only after a post ("A member of the Tunisian Parliament,
    Samir Dilou said"), not after a phrase read as the source ("Speaking to newspaper Star of Mysore, B Shiva
    Parvathi said", whose speaker follows the opening)."""
    candidates = (
        _SPEAKER_THEN_QUOTE.match(sentence),
        opening and _SPEAKER_THEN_QUOTE_AFTER_OPENING.match(sentence, opening.end()),
    )
    for match in filter(None, candidates):
        if match["unclosed"]:
            if _names_a_post_first(match["source"]):
                return AttributionFrame(_clean(match["unclosed"]), _cue(match["cue"]), 0, len(sentence), "quote")
            continue
        post_first = match["source"].startswith(("The ", "the ")) or _POSSESSIVE_POST.search(match["source"])
        source = match["named"] if match["named"] and post_first else match["source"]
        return AttributionFrame(_clean(source), _cue(match["cue"]), 0, len(sentence), "quote")
    if match := _VERB_THEN_SPEAKER_THEN_QUOTE.match(sentence):
        # the person holding the post, as after a quotation ('"...," said UCL astronomer Angelos Tsiaras')
        holder = _HOLDER_AFTER_POST.search(match["source"])
        return AttributionFrame(
            _clean(holder["name"] if holder else match["source"]), _cue(match["cue"]), 0, len(sentence), "quote"
        )
    return None


_POSSESSIVE_POST = LazyPattern(r"['\u2019]s\s+[a-z]")
# 'Remarked Center for Biological Diversity scientist Tierra Curry, "..."': the verb first, then the speaker and the
# quotation
_VERB_THEN_SPEAKER_THEN_QUOTE = LazyPattern(
    rf"^(?P<cue>Remarked|Said|Added|Wrote|Explained|Noted|Commented|Stated|Declared)\s+(?P<source>{_SOURCE})"
    r"\s*[,:]\s*[\"\u201c]"
)


# 'he told African American radio host Charlamagne tha God "if you have a problem ..."': whom, by post and a name of
# any words, then the quotation, which the verb's own pattern cannot reach past the name's first word
_TOLD_HOST_THEN_QUOTE = LazyPattern(
    rf"\s*(?:[A-Za-z][\w-]*\s+){{0,3}}?(?:host|anchor|presenter|interviewer|{_ROLE_NOUNS})\s+{_NAME}"
    r"(?:\s+[\w'\u2019.-]+){0,2}?\s*[,:]?\s*[\"\u201c]"
)


def _leading_frame(match: re.Match[str], sentence: str) -> AttributionFrame:
    source, cue, cue_start = _leading_source(match), _cue(match["cue"]), match.start("cue")
    if match["cue"].startswith("told") and _TOLD_HOST_THEN_QUOTE.match(sentence, match.end("cue")):
        # the whole sentence stays the claim, as with 'He told radio host Charlamagne "..."'
        return AttributionFrame(source, cue, 0, len(sentence), "quote", cue_start=cue_start)
    return AttributionFrame(source, cue, match.end(), len(sentence), "leading", cue_start=cue_start)


def _leading_source(match: re.Match[str]) -> str:
    """Who speaks in a leading frame: by name where a post comes first ("The Vice President, Mike
    Pence, said", "One senator, Eduardo Bhatia, said"); a name after a name is left as it was found
    ("Russia, Vladimir Putin, ...")."""
    if outlet := _OUTLET_NAMED.match(match["source"]):
        return _clean(outlet["name"])
    named = match["named"] or match["unclosed"]
    return _clean(named if named and _names_a_post_first(match["source"]) else match["source"])


_OUTLET_NAMED = LazyPattern(rf"^{_OUTLET_INTRODUCED}(?P<name>[^,]+),$")


def _names_a_post_first(source: str) -> bool:
    # "England's transport secretary, Grant Shapps, announced": a post of a place or body, too
    return source.startswith(("The ", "the ", "One ", "A ", "An ")) or _POSSESSIVE_POST.search(source) is not None


# "A tweet sent from Biden's Twitter account during the debate repeated ...": a message is its sender's words
_MESSAGE_SENT_BY = LazyPattern(
    r"(?:An?|The)\s+(?:tweet|post|message|video|email|e-mail)\s+(?:sent|posted|published)\s+(?:from|by|on)\s+"
    rf"(?P<name>{_NAME}(?:\s+{_NAME}){{0,3}})(?:['\u2019]s\s+(?:{_NAME}\s+)?account)?"
    r"(?:\s+(?:during|on|in|at|last|this)\s[^,\"“]{1,40}?)?\s+(?:[a-z]+ed|said|says)\b"
)


# "The ministry issued a statement on Monday.": a statement put out by the sentence's subject
_ISSUED_A_STATEMENT = LazyPattern(
    r"\b(?:issued|released|published|put\s+out|made)\s+(?:a|an)\s+(?:[a-z-]+\s+){0,2}statement\b"
)


def statement_issuer(sentence: str) -> str:
    """Who put out the statement a sentence introduces without quoting it ("The ministry issued a statement on
    Monday."), or "" when the sentence names no one who did."""
    return _sentence_subject(sentence) if _ISSUED_A_STATEMENT.search(sentence) else ""


# "The then-manager of Barmouth Publicity and Director of Mid Wales Tourism Partnership, David Clay, called it": a post
# however long, its holder by name between commas, then what they did
_POST_THEN_NAMED_ACTING = LazyPattern(
    r"(?:[Tt]he|[Aa]n?|Another|One|[A-Z][\w'\u2019.-]*)\s(?:[^,\"\u201c()]|\([^()\"\u201c]{1,80}\)){2,140}?,\s+"
    rf"(?:[a-z][\w-]*\s+){{0,5}}(?P<named>{_NAME}(?:\s+{_NAME_AFTER_PARTICLES}){{1,3}}),\s+(?:also\s+)?"
    rf"(?:[a-z]+ed|{'|'.join(sorted(IRREGULAR_PAST))})\b"
)

# "Baloch and Waseem's mother, Anwar, wept ... and said": a relative of people named, then by one name between commas
_RELATIVE_THEN_NAMED_ACTING = LazyPattern(
    rf"(?:{_NAME}\s+and\s+)?(?:[Hh]is|[Hh]er|[Tt]heir|{_NAME}['\u2019]s)\s+(?:{'|'.join(RELATIVES)}),\s+"
    rf"(?P<named>{_NAME}(?:\s+{_NAME_AFTER_PARTICLES}){{0,3}}),\s+(?:also\s+)?"
    rf"(?:[a-z]+ed|{'|'.join(sorted(IRREGULAR_PAST))})\b"
)


def _sentence_subject(sentence: str) -> str:
    """The subject of a sentence that opens with it, or with a scene-setting phrase before it; the sender of a
    message that is the subject."""
    opening = _OPENING_PHRASE.match(sentence)
    if match := _SUBJECT.match(sentence, opening.end() if opening else 0):
        return _clean(match["named"] or match["abbreviated"] or match["source"])
    holder = _POST_THEN_NAMED_ACTING.match(sentence, opening.end() if opening else 0)
    if holder and holder["named"] not in PLACES:
        return _clean(holder["named"])
    if relative := _RELATIVE_THEN_NAMED_ACTING.match(sentence, opening.end() if opening else 0):
        return _clean(relative["named"])
    sent = _MESSAGE_SENT_BY.match(sentence, opening.end() if opening else 0)
    return sent["name"] if sent else ""


def _leading_content_follows(match: re.Match[str], sentence: str) -> bool:
    """A comma after the verb comes before what was said only after someone told by name or before an
    aside: not in "As I told you, ..." or "Per reports, ...". A name without its closing comma follows a post only
    ("The party's leader, Jeremy Corbyn announced"; not "Russia, Vladimir Putin announced")."""
    if match["unclosed"] and not _names_a_post_first(match["source"]):
        return False
    return (
        not match["comma"]
        or _TOLD_BY_NAME.match(match["cue"]) is not None
        or _ASIDE_AFTER_CUE.match(sentence, match.end()) is not None
    )


# Verbs that also take a thing as their object, outside speech: "Scans revealed a broken leg", "The
# results indicated a rise", "The army asserted control", "The team conceded a goal", "Amash contended for
# the nomination"; "Both candidates claimed victory", "It claimed a sixteenth death".
_CUES_WITH_OBJECTS = frozenset(
    {
        "revealed",
        "indicated",
        "indicates",
        "asserted",
        "conceded",
        "contended",
        "contends",
        "claimed",
        "claims",
        "claim",
        "maintained",
        "maintains",
    }
)
# "Congress has repeatedly denied funding for such a wall": denying someone a thing, not denying a statement
_DENIED_A_THING = LazyPattern(
    r"(?:\w+\s+){0,2}?(?:funding|funds|entry|access|bail|permission|visas?|requests?|applications?|service|"
    r"passage|asylum|boarding|approval|licen[cs]es?|permits?|treatment|benefits)\b"
)
# What was said follows: "revealed that, ...", "revealed, in a statement, ...", 'revealed in a post: "..."'
# "the officers claimed to be seeking a bomb": what someone claimed to be or have done
_SAID_FOLLOWS = LazyPattern(r"(?:that\b|to\s+(?:be|have)\b|[^\"\u201c]{0,80}[,:]\s*[\"\u201c])")
# Where the first clause of what follows the verb ends: "a broken leg and two cracked ribs" has none.
_FIRST_CLAUSE_END = LazyPattern(r",|;|\s(?:and|but|or)\s")


def _says(match: re.Match[str], sentence: str) -> bool:
    """Whether a leading frame's verb is followed by what was said, not by its object: "The audit revealed
    that ..." and "The company conceded it had ..." say something; "Scans revealed a broken leg" does not."""
    if _cue(match["cue"]) in ("denied", "denies"):
        return _DENIED_A_THING.match(sentence, match.end()) is None
    if _cue(match["cue"]) not in _CUES_WITH_OBJECTS or match.group().rstrip().endswith(("that", ",")):
        return True
    content = sentence[match.end() :]
    if _cue(match["cue"]) in ("claims", "claim") and _CLAIMS_BEFORE_THEIR_VERB.match(content):
        return False
    if _cue(match["cue"]) in ("claimed", "claims", "claim"):
        return _claims_a_statement(content)
    return _SAID_FOLLOWS.match(content) is not None or has_clause_verb(_FIRST_CLAUSE_END.split(content, maxsplit=1)[0])


# "Unemployment claims fell to 700,000", "Insurance claims have doubled": claims that are counted, not made, as a
# verb follows them at once
_CLAIMS_BEFORE_THEIR_VERB = LazyPattern(
    r"\s*(?:have|has|had|are|were|was|is|will|would|could|may|might|rose|rise|fell|fall|grew|grow|hit|reached|topped"
    r"|surged|jumped|dropped|declined|increased|decreased|doubled|tripled|totall?ed|numbered|remain(?:ed)?|stood"
    r"|filed|paid|made)\b"
)
# Where what was claimed ends: before the claimant's next act ("claimed 3000 lives and destroyed 500 homes") or a
# relative clause about the object ("claimed victory in the vote, which was disputed"), not at any "and" ("claimed
# she and her family had received threats") or comma ("claimed Iran, especially, is influencing ..."), but at a clause
# after both ("claimed 6606 lives, and 167,515 cases were reported")
_CLAIM_END = LazyPattern(r";|,?\s+(?:and|but|or)\s+(?=[a-z]+ed\b|said\b|told\b)|,\s+(?:which|who|where|and|but)\b")
# "The Taliban have claimed responsibility", "ISIL claimed the bombing": a group's word that it did it
_CLAIMED_THE_ACT = LazyPattern(
    r"(?:(?:full\s+)?responsibility|credit|(?:the\s+)?(?:attacks?|bombings?|shootings?|killings?))\b"
)


def _claims_a_statement(content: str) -> bool:
    """Whether what follows "claimed" is what was claimed ("claimed he was wrongfully imprisoned", "claimed to be
    seeking a bomb", "claimed responsibility"), not a thing won or taken ("claimed victory", "claimed 3000 lives")."""
    if _SAID_FOLLOWS.match(content) or _CLAIMED_THE_ACT.match(content):
        return True
    return has_clause_verb(_CLAIM_END.split(content, maxsplit=1)[0])


# "Residents there told": the group, not where it is
_THERE_AFTER_GROUP = LazyPattern(r"\s+there$")
# "Miller and Smith both said": the word that counts two speakers is not part of their names
_BOTH_AFTER_PAIR = LazyPattern(r"(?<=\S)\s+(?:both|all)$")


def _clean(source: str) -> str:
    """The source without spacing noise, the day it spoke ("officials on Saturday") or what kind of
    outlet or company it is ("Greek daily Kathimerini", "toilet paper producer Who Gives a Crap"), where a group is
    ("Residents there"), or how many of those named spoke ("Miller and Smith both")."""
    named = _MAKER_BEFORE.sub("", _OUTLET_BEFORE.sub("", " ".join(source.split()).strip(" ,")))
    named = _AGE_BEFORE_NAME.sub("", _LOWER_POST_BEFORE.sub("", _SENTENCE_FULL_STOP.sub("", named)))
    named = _DATE_AFTER_SOURCE.sub("", _DAY_AFTER_SOURCE.sub("", _THERE_AFTER_GROUP.sub("", named)))
    named = _DAY_BEFORE_SOURCE.sub("", named)
    return _BOTH_AFTER_PAIR.sub("", named) if " and " in named else named


# "a March 14, 2019 NATO press release", "the 2019 WHO report": a named body's dated document
_DATED_DOCUMENT = LazyPattern(
    rf"^(?:an?|the)\s+(?:(?i:{'|'.join(MONTHS)})\s+\d{{1,2}},?\s+)?(?:\d{{4}}\s+)?(?P<name>{_NAME}(?:\s+{_NAME}){{0,4}})\s+"
    r"(?:press\s+release|report|statement|study|survey|data|figures|estimates?|analysis|census|tally)$"
)


# "the WHO's situation report dated March 16": a named body's own document
_OWN_DOCUMENT = LazyPattern(
    rf"^(?:the\s+)?(?P<name>{_NAME}(?:\s+{_NAME}){{0,3}})['\u2019]s\s+(?:[a-z-]+\s+){{0,2}}"
    r"(?:report|statement|data|figures|estimates?|tally|count|analysis|survey|study|press\s+release|release"
    r"|website|records)\b"
)
# "according to its polling", "according to their press release": the document of whoever was named last
_PRONOUN_DOCUMENT = LazyPattern(
    r"^(?P<pronoun>its|their)\s+(?:[a-z-]+\s+){0,2}(?:polling|polls?|report|statement|data|figures|estimates?"
    r"|tally|count|analysis|survey|study|release|website|records)$"
)


def _named_source(source: str) -> str:
    """The source behind the document that carries its words, by name where it has one."""
    source = _clean(source)
    if dated := _DATED_DOCUMENT.match(source):
        return dated["name"]
    if own := _OWN_DOCUMENT.match(source):
        return own["name"]
    if pronoun := _PRONOUN_DOCUMENT.match(source):
        return "it" if pronoun["pronoun"] == "its" else "they"
    if (carried := _CARRIER.sub("", source, count=1)) != source and (named := _DESCRIBED_NAME.match(carried)):
        return named["name"]
    return carried


def _cue(cue: str) -> str:
    words = cue.split()
    return words[-1].lower() if words[0] in ("went", "did") else words[0].lower()
