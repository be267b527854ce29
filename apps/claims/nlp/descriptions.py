"""A claim that opens with a definite description of something the article named, named for a reader who reads
the claim alone: "The party was founded in 2011" is "The American Solidarity Party was founded in 2011", and "The
president called the notion a waste of time" is "President Trump called ...".
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass

from apps.claims.nlp.entities import find_entities
from apps.claims.nlp.lexicon import CAPITALS, words

# Posts that one person holds at a time, written before a name ("US President Donald Trump", "President of Argentina
# Alberto Fernández") or after it ("Pierre Nkurunziza, the President of Burundi"); not "Vice President", "former
# President", "ex-President" or "President-elect", whom "the president" does not stand for.
_POSTS = {"president": "President", "prime minister": "Prime Minister", "governor": "Governor", "mayor": "Mayor"}
_POST = "|".join(_POSTS.values())
# Before a name, the post may name its country: "President of Argentina Alberto Fernández"
_POST_BEFORE_NAME = re.compile(
    rf"(?<![\w-])(?<!Vice\s)(?<!vice\s)(?<!former\s)(?<!Former\s)(?<!late\s)(?<!Deputy\s)(?<!Lieutenant\s)(?P<post>{_POST})"
    r"(?:(?P<of>\s+of\s+(?:the\s+)?)|\s+)(?=[A-Z])"
)
_CAPITALISED_WORD = re.compile(r"[A-Z][\w.]*\s+")
# Ministers, whose posts a country has several of: "Mexico's Foreign Secretary Marcelo Ebrard" is "the foreign
# minister", and "Italian economic development minister Stefano Patuanelli" is "the minister" where no other is titled
_MINISTERS = {"foreign minister": "Foreign Minister", "minister": "Minister"}
# Each starts with a plain word, which the regex engine finds fast; what comes before the word is read after
_MINISTER_BEFORE_NAME = re.compile(r"inister\s+(?=[A-Z])")
_SECRETARY_BEFORE_NAME = re.compile(r"ecretary\s+(?=[A-Z])")
_FOREIGN_BEFORE = re.compile(r"(?<![\w-])[Ff]oreign\s+(?:[Aa]ffairs\s+)?$")
# A prime, chief or first minister heads a government, and "the minister" is not one
_NOT_THE_MINISTER = re.compile(
    r"\b(?:[Pp]rime|[Cc]hief|[Ff]irst|[Dd]eputy|[Vv]ice|[Ff]ormer|[Ll]ate|[Ss]hadow|[Jj]unior|ex)\W*$"
)
_POST_AFTER_NAME = re.compile(rf",\s+the\s+(?:(?!Vice\b)[A-Z][\w.]*\s+)?(?P<post>{_POST})\b(?!-)")
# Bodies whose kind their name says: "the party" is the "Prohibition Party", "the court" the "Supreme Court".
_BODY_HEADS = ("Party", "Court", "Council", "Commission", "Committee", "University", "Ministry", "Agency", "Department")
# Heads of bodies that are no company, for "the company" or "the firm", which a company's name rarely says
_PUBLIC_HEADS = words(
    """Department Government Administration Office Bureau Service Authority Parliament Congress Senate Assembly
    Police Army Force Forces Guard Corps Association Union League Federation Organisation Organization Nations
    Foundation Institute School College Hospital Museum Church Society Fund Hall Center Centre"""
)
_UNHEADED = ("company", "firm")
# Bodies whose kind no word of their name says, but the article says beside the name: "Iranian airline Mahan Air",
# "rock band Cream", "broadcast corporation ABS-CBN", "the band the Grateful Dead", or an airline whose name ends in
# "Airlines" or "Airways" ("Flyboard Air" is a hoverboard)
_KINDS_SAID = ("airline", "network", "band")
_NAME_AFTER_KIND = re.compile(
    r"(?:airline|network|broadcaster|broadcast(?:ing)?\s+(?:corporation|company)|band)"
    rf",?\s+(?P<the>the\s+|The\s+)?(?P<name>[{CAPITALS}][\w&.-]*(?:\s+[{CAPITALS}][\w&.-]*){{0,3}})"
)
_KIND_OF_WORD = {"airline": "airline", "network": "network", "broadcast": "network", "band": "band"}
# Places the article says the kind of before the name, in lower case ("the Polish city of Gdańsk", "the island of
# Samoa"), not a name such as "City of London"
_PLACES_SAID = ("city", "island")
_PLACE_OF_KIND = re.compile(
    rf"(?<![\w-])(?P<kind>city|island)\s+of\s+(?P<name>[{CAPITALS}][\w-]*(?:\s+[{CAPITALS}][\w-]*){{0,2}})"
)
# A government the sentence names by its country: "the United States government", "the government of Samoa"; read
# from the word "government", as a name pattern tried at each capital would read a long token of capitals to its end
_GOVERNMENT = re.compile(r"(?<![\w-])[Gg]overnment\b")
_COUNTRY_BEFORE = re.compile(rf"(?<![\w-])(?:[{CAPITALS}][\w.-]*\s+){{1,3}}$")
_COUNTRY_AFTER = re.compile(rf"\s+of\s+(?:the\s+)?(?P<country>[{CAPITALS}][\w.-]*(?:\s+[{CAPITALS}][\w.-]*){{0,3}})")
_NOT_A_COUNTRY = words("The A An This That These Its Their His Her Our Both Every Each No")
# A description that heads a noun ("The city flag", "The government statement") stands for no body; these descriptions
# are read as a subject only before a verb or as a possessive
_BEFORE_A_VERB = re.compile(
    r"['\u2019]s\b|\s+(?:\w+ed|is|was|are|were|has|had|have|will|would|can|could|may|might|must|should|did|does|do"
    r"|said|says|also|then|still|later)\b"
)
_AIRLINE_NAME_END = re.compile(r"Air(?:lines|ways)\b")
_AIRLINE_NAME_START = re.compile(rf"(?<![\w-])(?:[{CAPITALS}][\w-]*\s+){{1,3}}$")
# An acronym in brackets, and the name before it, read back from the bracket only, as a long token of capitals
# ("A-A-A-...") would make a name pattern tried at each capital read on to the token's end
_ACRONYM = re.compile(r"\((?P<acronym>[A-Z]{2,6})\)")
_NAME_BEFORE_ACRONYM = re.compile(
    rf"(?<![\w-])[{CAPITALS}][\w-]*(?:\s+(?:(?:of|for|and|on|the)\s+)*[{CAPITALS}][\w-]*){{0,6}}\s+$"
)
_CAPITALISED_BEFORE = re.compile(rf"[{CAPITALS}][\w.-]*\s+$")
# Bodies of a kind a name may end with but a longer one holds ("Police and Crime Commissioner Stephen Mold"), so the
# name is counted only where it ends with the head: "the US Embassy", "Northamptonshire Police"
_BODY_HEADS_LAST = ("Embassy", "Police", "Hospital", "Club", "Station")
_BODY_NAMES = {
    **{head.lower(): re.compile(rf"\b{head}\b") for head in _BODY_HEADS},
    **{head.lower(): re.compile(rf".\s+{head}$") for head in _BODY_HEADS_LAST},
    **dict.fromkeys(_UNHEADED, re.compile(rf"^(?!.*\b(?:{'|'.join(sorted({*_BODY_HEADS, *_PUBLIC_HEADS}))})\b)")),
}
# Countries and US states by the names news copy gives them, for "the country", "the nation" and "the state", which an
# article rarely calls "the country of X". Names of two places ("Georgia", "Congo", "Korea"), parts of a country that
# copy also calls a country or a state ("Scotland", "Puerto Rico"), continents and cities named after their country
# ("Mexico City") are places of no kind: a sentence naming one leaves the description as it is.
_COUNTRY_NAMES = """Afghanistan|Albania|Algeria|Andorra|Angola|Argentina|Armenia|Australia|Austria|Azerbaijan|Bahrain|
Bangladesh|Barbados|Belarus|Belgium|Belize|Benin|Bhutan|Bolivia|Bosnia and Herzegovina|Botswana|Brazil|Brunei|Bulgaria|
Burkina Faso|Burundi|Cambodia|Cameroon|Canada|Cape Verde|Chile|China|Colombia|Comoros|Costa Rica|Croatia|Cuba|Cyprus|
Denmark|Djibouti|East Timor|Ecuador|Egypt|El Salvador|Equatorial Guinea|Eritrea|Estonia|Eswatini|Ethiopia|Fiji|Finland|
France|Gabon|Germany|Ghana|Greece|Grenada|Guatemala|Guinea|Guinea-Bissau|Guyana|Haiti|Honduras|Hungary|Iceland|India|
Indonesia|Iran|Iraq|Ireland|Israel|Italy|Ivory Coast|Jamaica|Japan|Kazakhstan|Kenya|Kiribati|Kosovo|Kuwait|Kyrgyzstan|
Laos|Latvia|Lebanon|Lesotho|Liberia|Libya|Liechtenstein|Lithuania|Luxembourg|Madagascar|Malawi|Malaysia|Mali|Malta|
Mauritania|Mauritius|Mexico|Moldova|Monaco|Mongolia|Montenegro|Morocco|Mozambique|Myanmar|Namibia|Nauru|Nepal|
New Zealand|Nicaragua|Niger|Nigeria|North Korea|North Macedonia|Norway|Oman|Pakistan|Palau|Panama|Papua New Guinea|
Paraguay|Peru|Poland|Portugal|Qatar|Romania|Russia|Rwanda|Samoa|San Marino|Saudi Arabia|Senegal|Serbia|Singapore|
Slovakia|Slovenia|Somalia|South Africa|South Korea|South Sudan|Spain|Sri Lanka|Sudan|Suriname|Sweden|Switzerland|Syria|
Taiwan|Tajikistan|Tanzania|Thailand|Togo|Tonga|Trinidad and Tobago|Tunisia|Turkey|Turkmenistan|Tuvalu|Uganda|Ukraine|
Uruguay|Uzbekistan|Vanuatu|Venezuela|Vietnam|Yemen|Zambia|Zimbabwe"""
# Countries whose name takes "the", with the names copy gives them
_COUNTRIES_WITH_THE = {
    **dict.fromkeys(("United States", "US", "U.S.", "USA", "U.S.A."), "United States"),
    **dict.fromkeys(("United Kingdom", "UK", "U.K."), "United Kingdom"),
    **dict.fromkeys(("United Arab Emirates", "UAE"), "United Arab Emirates"),
    **{name: name for name in ("Netherlands", "Philippines", "Bahamas", "Gambia", "Maldives", "Seychelles")},
    **{name: name for name in ("Czech Republic", "Dominican Republic", "Central African Republic")},
}
_COUNTRIES = {
    **{name: name for name in re.sub(r"\s*\n\s*", "", _COUNTRY_NAMES).split("|")},
    **dict.fromkeys(("Britain", "Great Britain"), "United Kingdom"),
    **_COUNTRIES_WITH_THE,
}
_US_STATES = """Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Hawaii|Idaho|Illinois|
Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|
Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|
Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|West Virginia|Wisconsin|
Wyoming"""
_PLACES_OF_NO_KIND = """Georgia|Congo|Korea|Jordan|Chad|Dominica|Washington|Scotland|England|Wales|Northern Ireland|
Puerto Rico|Hong Kong|Macau|Greenland|Tibet|Palestine|Gaza|West Bank|Crimea|Catalonia|Quebec|American Samoa|New Guinea|
Guam|Europe|Africa|Asia|America|New York City|Mexico City|Panama City|Kuwait City|Guatemala City|Vatican City"""
_PLACE_KINDS = {
    **{name: ("country", country) for name, country in _COUNTRIES.items()},
    **{name: ("state", name) for name in re.sub(r"\s*\n\s*", "", _US_STATES).split("|")},
    **{name: ("place", name) for name in re.sub(r"\s*\n\s*", "", _PLACES_OF_NO_KIND).split("|")},
}
# Longest first, so that "New Mexico" is no Mexico and "South Sudan" no Sudan
_PLACE_NAME = re.compile(
    rf"(?<![\w.-])(?:{'|'.join(re.escape(name) for name in sorted(_PLACE_KINDS, key=len, reverse=True))})(?![\w-])"
)
_DESCRIBED_PLACES = {"country": "country", "nation": "country", "island nation": "country", "state": "state"}
_NAMED_BEFORE_A_VERB = ("government", *_PLACES_SAID, *_DESCRIBED_PLACES, *(head.lower() for head in _BODY_HEADS_LAST))
_DESCRIBED = {*_POSTS, *_MINISTERS, *_BODY_NAMES, *_KINDS_SAID, *_PLACES_SAID, *_DESCRIBED_PLACES, "government"}
_DESCRIPTION = re.compile(
    rf"The\s+(?P<noun>{'|'.join(sorted(_DESCRIBED, key=len, reverse=True))})"
    # "The governor of Puerto Rico, Wanda Vázquez Garced", "The party-goers": a description that says more, or no
    # description of a body
    r"(?P<possessive>['\u2019]s)?(?![\w-])(?!\s+of\b)",
    re.IGNORECASE,
)
# What a sentence may say before a clause's subject: nothing, an opening phrase ("At the time, the company started
# ..."), a clause and a conjunction ("..., but the minister said"), a conjunction ("Although the party had already
# nominated ...") or who said it ("a spokesman said the prime minister's office intends to appeal")
_SUBJECT_PLACE = re.compile(
    r"(?:.*,(?:\s*(?:but|and|yet|so|while|whereas|although|though))?|.*\b(?:said|says|that)"
    r"|\s*(?:Although|Though|While|Whereas|But|And|Yet|So|When|After|Before|Since|Because|As|If|Meanwhile))?\s*",
    re.DOTALL,
)
_QUOTATION = re.compile(r"[\"“][^\"”]*[\"”]")
# "The only court with higher authority is the Supreme Court", "founded in 2011 as the Christian Democratic Party": a
# body named as what something else is, or was, is not the one the next sentence goes on about
_COMPLEMENT = re.compile(r"\b(?:is|was|are|were|be|been|become|became|as|than)\s+(?:not\s+)?(?:the\s+)?$")
_POSSESSIVE = re.compile(r"['\u2019]s?\b")


@dataclass(frozen=True)
class TitledPerson:
    post: str
    name: str
    at: int  # where the mention starts
    title: str = ""  # the post as the article wrote it, where it says more: "Foreign Secretary" for a foreign minister


@dataclass(frozen=True)
class KindedBody:
    kind: str  # "airline", "network", "band", "city" or "island"
    name: str  # as a claim's subject: "Mahan Air", "The Grateful Dead", "Aden"
    at: int  # where the article first says what it is

    @property
    def mention(self) -> str:
        return self.name.removeprefix("The ")


def kinded_bodies(body: str) -> list[KindedBody]:
    """Each body `body` says the kind of beside its name ("Iranian airline Mahan Air", "rock band Cream"), or whose
    name ends as an airline's does, and each place it names as a city's or an island's ("the city of Aden"), once
    each, in the order the article first says so."""
    found: dict[tuple[str, str], KindedBody] = {}
    for m in _NAME_AFTER_KIND.finditer(body):
        if m.start() and (body[m.start() - 1].isalnum() or body[m.start() - 1] == "-"):
            continue  # "husband Tom"
        kind = _KIND_OF_WORD[next(word for word in _KIND_OF_WORD if m[0].startswith(word))]
        name = m["name"].rstrip(".")
        found.setdefault((kind, name), KindedBody(kind, f"The {name}" if m["the"] else name, m.start("name")))
    for m in _AIRLINE_NAME_END.finditer(body):
        if start := _AIRLINE_NAME_START.search(body, max(0, m.start() - 60), m.start()):
            name = body[start.start() : m.end()]
            found.setdefault(("airline", name), KindedBody("airline", name, start.start()))
    for m in _PLACE_OF_KIND.finditer(body):
        found.setdefault((m["kind"], m["name"]), KindedBody(m["kind"], m["name"], m.start("name")))
    return sorted(found.values(), key=lambda kinded: kinded.at)


def bodies_by_acronym(body: str) -> dict[str, str]:
    """Each acronym `body` spells out, with the name: "NTC" is "National Telecommunications Commission" in an
    article that wrote "the National Telecommunications Commission (NTC)"."""
    spelt: dict[str, str] = {}
    for m in _ACRONYM.finditer(body):
        if not (name := _NAME_BEFORE_ACRONYM.search(body, max(0, m.start() - 120), m.start())):
            continue
        words = name[0].split()
        # "The National Telecommunications Commission (NTC)": the name is the words whose initials the acronym is
        for first in range(len(words)):
            if "".join(word[0] for word in words[first:] if word[0].isupper()) == m["acronym"]:
                spelt.setdefault(m["acronym"], " ".join(words[first:]))
                break
    return spelt


def titled_people(body: str, people: Iterable[str]) -> list[TitledPerson]:
    """Each person `body` gives one of the posts, with the name as written there, in the order of those mentions."""
    names = sorted(set(people), key=len, reverse=True)
    mentions = []
    for m in _POST_BEFORE_NAME.finditer(body):
        # "President of the United States Donald Trump": the name follows the country's name, of up to four words
        at, words_left = m.end(), 4 if m["of"] else 0
        while not (name := next((n for n in names if body.startswith(n, at)), "")) and words_left:
            if not (word := _CAPITALISED_WORD.match(body, at)):
                break
            at, words_left = word.end(), words_left - 1
        if name:
            mentions.append(TitledPerson(m["post"], name, m.start()))
    for m in _POST_AFTER_NAME.finditer(body):
        if name := next((n for n in names if body.endswith(n, 0, m.start())), ""):
            mentions.append(TitledPerson(m["post"], name, m.start() - len(name)))
    ministers = [(m, False) for m in _MINISTER_BEFORE_NAME.finditer(body)]
    ministers += [(m, True) for m in _SECRETARY_BEFORE_NAME.finditer(body)]
    for m, secretary in ministers:
        # "inister" and "ecretary": "Minister", "minister", "Secretary" or "secretary"
        word_start = m.start() - 1
        foreign = _FOREIGN_BEFORE.search(body, max(0, word_start - 20), word_start)
        at = foreign.start() if foreign else word_start
        if (
            word_start < 0
            or body[word_start] not in ("Ss" if secretary else "Mm")
            or (word_start and (body[word_start - 1].isalnum() or body[word_start - 1] == "-"))  # "administer Narcan"
            or (secretary and not foreign)
            or _NOT_THE_MINISTER.search(body, max(0, at - 12), at)
        ):
            continue
        if name := next((n for n in names if body.startswith(n, m.end())), ""):
            title = " ".join(word.capitalize() for word in body[at : m.end()].split()) if foreign else ""
            post = _MINISTERS["foreign minister" if foreign else "minister"]
            mentions.append(TitledPerson(post, name, at, title))
    return sorted(mentions, key=lambda person: person.at)


def name_the_described(
    text: str,
    *,
    at: int,
    titled: list[TitledPerson],
    said_before: list[str],
    known_people: frozenset[str],
    opening: str = "",
    kinded: list[KindedBody] | None = None,
    acronyms: dict[str, str] | None = None,
    paragraph_before: list[str] | None = None,
) -> str:
    """`text` with an opening description of a post or a body replaced by who holds the post or which body it is.

    A post is the one person the article gave it before `at` ("The president" is "President Trump" in an article that
    titles no other president); a minister is the one titled in `opening`, or else the one titled before, and a foreign
    minister may be titled "Foreign Secretary". A body is the one of its kind (by the head of its name, or for a
    company by none of a public body's) that the nearest sentence of `said_before` (the sentences before, nearest last)
    or `opening` naming any of that kind names, by name or by an acronym of `acronyms`; with two there ("the
    Libertarian and Green parties") it stays. An airline, network or band is one of `kinded`, the one the nearest of
    those sentences names, or else the only one the article has called one. Either way the description stays where the
    claim already names one of them, and where its sentence had it after `opening` in another place than its
    subject's ("Cohen discussed how to improve on the party's 2016 ticket, which received ...").

    A country ("The country", "The nation", "The island nation") or a US state ("The state") is the one the nearest of
    those sentences to name a place names. As a subject, a country, a state, a government or a body of a headed kind
    may also be one `paragraph_before` names, the sentences of the paragraph before the one a claim opens."""
    match = _DESCRIPTION.match(text)
    if match is None or not _SUBJECT_PLACE.fullmatch(opening):
        return text
    noun = match["noun"].lower()
    subject = bool(_BEFORE_A_VERB.match(text, match.end("noun")))
    if noun in _NAMED_BEFORE_A_VERB and not subject:
        return text
    # "The Department issued a statement" opening a paragraph after one that named "The California Department of
    # Corrections": a country, a US state, a government or a body of a headed kind, as a subject or a possessive, may
    # be one the paragraph before names; a company, which no head word says, may be any body named that far back
    searched = [*said_before, opening]
    searched_further = [*(paragraph_before or []), *searched] if subject and noun not in _UNHEADED else searched
    if noun == "government":
        government = _one_government_named_last(searched_further)
        country = government.removeprefix("The government of ").removeprefix("The ").removesuffix(" government")
        # "The government of Samoa's" reads badly, and a claim that names the country needs no more
        if not government or (match["possessive"] and " of " in government) or country in text:
            return text
        named = government
    elif noun in _DESCRIBED_PLACES:
        # "The State Department", "The Nation": a name, not a description
        place = _place_named_last(_DESCRIBED_PLACES[noun], searched_further) if match["noun"].islower() else ""
        if not place or any(_PLACE_KINDS[m[0]][1] == _PLACE_KINDS[place][1] for m in _PLACE_NAME.finditer(text)):
            return text
        named = f"The {place}" if place in _COUNTRIES_WITH_THE else place
    elif noun in _PLACES_SAID:
        place = _kinded_body_meant(noun, kinded or [], at, searched, other_places_unnamed=True)
        if place is None or place.mention in text:
            return text
        named = place.name
    elif noun in _POSTS:
        name = _post_holder(_POSTS[noun], titled, at)
        if not name or re.search(rf"\b{re.escape(name.split()[-1])}\b", text):
            return text
        named = f"{_POSTS[noun]} {name}"
    elif noun in _MINISTERS:
        minister = _minister(_MINISTERS[noun], titled, at, at + len(opening))
        if minister is None or re.search(rf"\b{re.escape(minister.name.split()[-1])}\b", text):
            return text
        named = f"{minister.title} {minister.name}" if minister.title else minister.name
    elif noun in _KINDS_SAID:
        body = _kinded_body_meant(noun, kinded or [], at, searched)
        if body is None or body.mention in text:
            return text
        named = body.name
    else:
        kind = _BODY_NAMES[noun]
        rest = text[match.end() :]
        if any(not _named_as_a_complement(rest, body) for body in _bodies_named(rest, kind, known_people)):
            return text
        # "Though the NTC is allowed to ..., the commission refused": the claim's own sentence names it nearest
        body = _one_body_named_last(searched_further, kind, known_people, acronyms or {})
        if not body:
            return text
        # "The Prohibition Party", but "Tesco"
        named = body if noun in _UNHEADED else f"The {body}"
    if match["possessive"]:
        named += "'" if named.endswith("s") else "'s"
    return named + text[match.end() :]


def _post_holder(post: str, titled: list[TitledPerson], at: int) -> str:
    holders = [person for person in titled if person.post == post and person.at < at]
    if len({person.name.split()[-1] for person in holders}) != 1:
        return ""
    return holders[-1].name


def _minister(post: str, titled: list[TitledPerson], at: int, opening_end: int) -> TitledPerson | None:
    """The one minister of the `post` titled in the claim's own sentence before it, or else in the article before that
    sentence; a foreign minister is a minister too."""
    ministers = [p for p in titled if p.post == post or (post == "Minister" and p.post in _MINISTERS.values())]
    holders = [p for p in ministers if at <= p.at < opening_end] or [p for p in ministers if p.at < at]
    if len({person.name.split()[-1] for person in holders}) != 1:
        return None
    return holders[-1]


def _kinded_body_meant(
    kind: str, kinded: list[KindedBody], at: int, said_before: list[str], *, other_places_unnamed: bool = False
) -> KindedBody | None:
    """The one body of the `kind` that the last of `said_before` to name any names, or else the one the article has
    said is of that kind before `at`; for a place, only where `said_before` names no other place, which "the city"
    may stand for as well."""
    bodies = {body.mention: body for body in kinded if body.kind == kind and body.at < at}
    for sentence in reversed(said_before):
        if named := [body for mention, body in bodies.items() if _mentions(sentence, mention)]:
            return named[0] if len(named) == 1 else None
    if len(bodies) != 1:
        return None
    if other_places_unnamed and any(
        e["type"] == "PLACE" for sentence in said_before for e in find_entities(_QUOTATION.sub(" ", sentence))
    ):
        return None
    return next(iter(bodies.values()))


def _place_named_last(kind: str, said_before: list[str]) -> str:
    """The one country or US state (`kind`) that the last of `said_before` to name a place of `_PLACE_KINDS` names, as
    written there: "the country's capital" after "Hosni Mubarak, the former President of Egypt, died" is Egypt's."""
    for sentence in reversed(said_before):
        if named := {_PLACE_KINDS[m[0]]: m[0] for m in _PLACE_NAME.finditer(_QUOTATION.sub(" ", sentence))}:
            (place_kind, _), written = next(iter(named.items()))
            return written if len(named) == 1 and place_kind == kind else ""
    return ""


def _one_government_named_last(said_before: list[str]) -> str:
    """The one government that the last of `said_before` to name any names, as a claim's subject: "The United States
    government", "The government of Samoa"."""
    for sentence in reversed(said_before):
        named = set()
        unquoted = _QUOTATION.sub(" ", sentence)
        for m in _GOVERNMENT.finditer(unquoted):
            if after := _COUNTRY_AFTER.match(unquoted, m.end()):
                named.add(f"The government of {after['country']}")
            elif (before := _COUNTRY_BEFORE.search(unquoted, max(0, m.start() - 60), m.start())) and (
                country := [word for word in before[0].split() if word not in _NOT_A_COUNTRY]
            ):
                named.add(f"The {' '.join(country)} government")
        if named:
            return named.pop() if len(named) == 1 else ""
    return ""


def _mentions(sentence: str, name: str) -> bool:
    """Whether `sentence` names `name` alone, not as part of a longer name ("Van Halen", not "Alex Van Halen")."""
    return any(
        not _CAPITALISED_BEFORE.search(sentence, max(0, m.start() - 40), m.start())
        for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", sentence)
    )


def _one_body_named_last(
    said_before: list[str], kind: re.Pattern[str], known_people: frozenset[str], acronyms: dict[str, str]
) -> str:
    """The one body of the `kind` that the last of `said_before` to name any names, leaving out one it names as what
    something else is ("The Constitution Party was founded in 1991 as the U.S. Taxpayers Party")."""
    for sentence in reversed(said_before):
        # "The Court of Session is the highest civil court in Scotland. The only court with higher authority is the
        # Supreme Court of the United Kingdom. The court had been petitioned ...": a sentence naming a body only as what
        # something else is names none spoken of, and the one before may
        if spoken_of := {
            body
            for body in _bodies_named(sentence, kind, known_people, acronyms)
            if not _named_as_a_complement(sentence, body)
        }:
            return spoken_of.pop() if len(spoken_of) == 1 else ""
    return ""


def _named_as_a_complement(sentence: str, body: str) -> bool:
    at = sentence.find(body)
    # "He was not the Prohibition Party's first choice": a possessive is about the body itself
    return bool(_COMPLEMENT.search(sentence, 0, at)) and not _POSSESSIVE.match(sentence, at + len(body))


def _bodies_named(
    sentence: str, kind: re.Pattern[str], known_people: frozenset[str], acronyms: dict[str, str] | None = None
) -> set[str]:
    """The bodies of the `kind` that `sentence` names outside quotations, one name each: "the National
    Telecommunications Commission (NTC)" is one commission, and so is "the NTC" where the article spelt it out."""
    unquoted = _QUOTATION.sub(" ", sentence)
    bodies = {
        e["text"]
        for e in find_entities(unquoted, known_people=known_people)
        if e["type"] == "ORG" and kind.search(e["text"])
    }
    bodies |= {
        name
        for acronym, name in (acronyms or {}).items()
        if kind.search(name) and re.search(rf"(?<![\w-]){acronym}(?![\w-])", unquoted)
    }
    return {body for body in bodies if not any(body != other and body in other for other in bodies)}
