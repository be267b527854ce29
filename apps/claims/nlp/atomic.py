"""Split a sentence into atomic claims, each with its own character spans.

A piece is the text a reviewer reads, rebuilt from spans of the sentence: `head` spans give
context copied from elsewhere in the sentence (the shared subject, the antecedent of a relative
clause, a "X said that" frame) and `body` is the part still open to further splitting.

    "Russia and China have resisted efforts ... and have vetoed three resolutions ...
     over the violence, which has killed at least 40,000 people."
    -> "Russia and China have resisted efforts ..."
    -> "Russia and China have vetoed three resolutions ... over the violence"
    -> "The violence has killed at least 40,000 people"
"""

import re
from dataclasses import dataclass

from .entities import ORGANISATIONS, PLACES, TITLES, names_an_organisation
from .lexicon import AUXILIARIES, CAPITALS, IRREGULAR_PAST, NOT_PAST_IN_ED, STOPWORDS, words

Span = tuple[int, int]

_TOKEN = re.compile(r"[A-Za-z][A-Za-z'\u2019.-]*[A-Za-z]|[A-Za-z]|\d[\d,.]*|[,;:\"“”()]")
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their"})
_PRONOUNS = {"it", "he", "she", "they"}
_SUBJECT_PRONOUNS = frozenset({"i", "you", "he", "she", "it", "we", "they"})
_SPLITTING_AUXILIARIES = AUXILIARIES - {"be", "been", "being", "am"}
_MAX_ROUNDS = 6


@dataclass(frozen=True)
class Piece:
    head: tuple[Span, ...]
    body: Span
    # The subject for a body that lost its own: it replaces a leading pronoun ("though it
    # believes" -> "Russia believes") or is put before the body's verb.
    subject: str = ""
    # A word the standalone text needs between head and body: "Magnitogorsk" "is" "a city ...".
    link: str = ""
    # What an apposition said of a name, now a statement of its own ("Magnitogorsk is a city ...")
    describes: bool = False

    def spans(self) -> tuple[Span, ...]:
        return (*self.head, self.body)


def split_atomic(sentence: str, start: int, end: int) -> list[Piece]:
    """Pieces of `sentence[start:end]`; a single piece when nothing can be split safely."""
    pieces = [Piece(head=(), body=_trim(sentence, start, end))]
    for _ in range(_MAX_ROUNDS):
        changed = False
        next_pieces: list[Piece] = []
        for piece in pieces:
            parts = _split_once(sentence, piece)
            changed = changed or len(parts) > 1
            next_pieces.extend(parts)
        pieces = next_pieces
        if not changed:
            break
    return [p for p in pieces if p.body[1] > p.body[0]]


def piece_text(sentence: str, piece: Piece) -> str:
    parts = [sentence[a:b] for a, b in piece.head]
    body = sentence[piece.body[0] : piece.body[1]]
    if piece.subject:
        first_word = body.split(maxsplit=1)[0].lower() if body.split() else ""
        body = re.sub(r"^\w+", piece.subject, body, count=1) if first_word in _PRONOUNS else f"{piece.subject} {body}"
    if piece.link:
        parts.append(piece.link)
    parts.append(body)
    text = " ".join(part.strip(" ,;") for part in parts if part.strip(" ,;"))
    text = re.sub(r"\s+", " ", text).strip()
    if text and text[0].islower():
        text = text[0].upper() + text[1:]
    if text and text[-1] not in '.!?"”':
        text += "."
    return text


def _split_once(sentence: str, piece: Piece) -> list[Piece]:
    a, b = piece.body
    text = sentence[a:b]
    quotations = _quotations(sentence) if '"' in text or "“" in text or "”" in text else []
    if quotations is None:
        return [piece]  # a quotation opened or closed in another sentence: where it ends is unknown
    if _semicolon_list(text):
        return [piece]  # each item leans on the list's opening words
    rules = (
        _semicolon,
        _colon,
        _leading_concession,
        _relative_clause,
        _apposition,
        _that_coordination,
        _contrast,
        _second_speaker,
        _verb_coordination,
    )
    for rule in rules:
        parts = rule(sentence, piece, a, text)
        if parts:
            if any(_cuts_a_quotation(part, piece, quotations) for part in parts):
                return [piece]  # 'called Biden a "decent man" but did not ...' splits; '"I came, and I saw"' not
            return [p for p in parts if _has_words(sentence, p.body, 2)]
    return [piece]


_QUOTATION = re.compile(r'"[^"]*"|“[^“”]*”')


def _quotations(sentence: str) -> list[Span] | None:
    """Where each quotation of the sentence runs, marks included; None when a mark has no partner."""
    spans = [match.span() for match in _QUOTATION.finditer(sentence)]
    outside = _QUOTATION.sub("", sentence)
    return None if '"' in outside or "“" in outside or "”" in outside else spans


def _cuts_a_quotation(part: Piece, piece: Piece, quotations: list[Span]) -> bool:
    new_spans = [span for span in part.spans() if span not in piece.head]
    return any(q_start < edge < q_end for span in new_spans for edge in span for q_start, q_end in quotations)


# "were remdesivir, an antiviral drug; mAb114, a monoclonal antibody ...; and REGN-EB3, a ...":
# semicolons that separate described items of one list, not clauses.
_DESCRIBED_ITEM = re.compile(r"\s*(?:and\s+)?[^\s,;]+(?:\s+[^\s,;]+){0,3},\s+(?:a|an|the)\s")


_RELATIVE_OPENING = re.compile(r"\s*(?:which|who|whom|whose)\b")


def _semicolon_outside_brackets(text: str) -> int:
    """Where the first semicolon outside brackets is, or -1: "(£17,500; US$22,900)" separates
    two amounts, not two clauses."""
    depth = 0
    for index, char in enumerate(text):
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(0, depth - 1)
        elif char == ";" and depth == 0:
            return index
    return -1


def _semicolon_list(text: str) -> bool:
    first, *items = text.split(";")
    if len(items) >= 2 and _LAST_ITEM.search(text):
        return True  # "married to A; conductor B, who ...; director C; and author D": "and" closes a list
    return (
        bool(items)
        and re.search(r",\s+(?:a|an|the)\s[^,]*$", first) is not None
        and all(_DESCRIBED_ITEM.match(item) for item in items)
    )


# "...; and author Wyatt Cooper", but not "...; and that C", whose clauses are each what was reported
_LAST_ITEM = re.compile(r";\s+and\s+(?!that\b)")


def _semicolon(sentence: str, piece: Piece, a: int, text: str) -> list[Piece] | None:
    index = _semicolon_outside_brackets(text)
    if index <= 0 or _RELATIVE_OPENING.match(text, index + 1):
        return None  # "...; which they note is several times larger ...": no clause by itself
    # "; though Kipchoge's time was not ...": on its own the second clause needs no joining word.
    joiner = _CLAUSE_JOINER.match(text, index + 1)
    second = joiner.end() if joiner else index + 1
    if text[second:].lstrip().startswith(('"', "“")):
        return None  # '...; "The UK government needs ..."': a quotation that leans on who said the first part
    head: tuple[Span, ...] = ()
    frame_end = text.rfind(" that ", 0, index)
    if (that := _THAT_OPENING.match(text, second)) and (frame_end >= 0 or _frame_head(sentence, piece)):
        # "reported that A; that B; and that C": each clause is what was reported
        head = (*piece.head, (a, a + frame_end + len(" that"))) if frame_end >= 0 else piece.head
        second = that.end()
    return [
        Piece(piece.head, _trim(sentence, a, a + index), piece.subject),
        Piece(head, _trim(sentence, a + second, a + len(text))),
    ]


# "Smith had one more theory: ...", "a clear message: ...": what follows is what the noun holds, not a statement
_NOUNS_BEFORE_A_COLON = words(
    """theory theories idea ideas view message warning question questions answer statement words reason reasons
    explanation conclusion hope fear claim claims argument suggestion possibility goal aim plan point"""
)


def _colon(sentence: str, piece: Piece, a: int, text: str) -> list[Piece] | None:
    """ "There were states that did not match the overall trend: Alabama and Mississippi had low ..." -> both
    clauses; not a list ("four different environments: 100% H2, ..."), a title ("Star Trek: Discovery"), a frame
    ("told the press: ...") or a clause that is what a noun before the colon holds ("one more theory: ...")."""
    index = text.find(": ")
    if index <= 0:
        return None
    before, after = text[:index], text[index + 2 :]
    last_word = before.split()[-1] if before.split() else ""
    if not after[:1].isupper() or not last_word.islower() or last_word.strip(".") in _NOUNS_BEFORE_A_COLON:
        return None
    first_tokens = _tokens(before)
    verb = _verb_index(first_tokens)
    if verb is None or first_tokens[verb].group().lower() in _REPORTING_VERBS or _verb_index(_tokens(after)) is None:
        return None
    return [
        Piece(piece.head, _trim(sentence, a, a + index), piece.subject),
        Piece(_frame_head(sentence, piece), _trim(sentence, a + index + 1, a + len(text))),
    ]


_CLAUSE_JOINER = re.compile(r"\s*(?:though|although|but|and|whereas|however,)\s+")
_THAT_OPENING = re.compile(r"\s*that\s+")


_RELATIVE = re.compile(r",\s+(?P<pronoun>which|who)\s+(?P<clause>(?:[^,;]|,(?=\d))+?)(?P<close>,\s+|\s*[.!]?\s*$)")


# "which they treated as ...", "which Turkey does not recognize": "which" is the object; a verb never
# comes right after it capitalised.
_OBJECT_RELATIVE = re.compile(
    r"(?i:they|he|she|we|i|you|it|the|a|an|its|his|her|their|our)\s"
    r"|(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Yesterday|Today|Last|On|In)\b)[A-Z]"
)  # "who Friday announced ...": a day, then the verb
_REPORTED_WHICH = re.compile(
    r"(?:the\s+)?[A-Z][\w'\u2019.-]*(?:\s+[A-Z][\w'\u2019.-]*)*\s+(?:said|says|reported|reports|noted|called|described)\b"
)

# "which state media said were ...", "who officials believe was ...": the relative is the subject of what an unnamed
# source said, and the source is no part of it; "which also reported", "which has said" are the relative's own verbs.
_UNNAMED_SOURCE_BEFORE_VERB = re.compile(
    rf"(?!(?:{'|'.join(sorted(AUXILIARIES))}|also|then|later|now|today|yesterday|still|[a-z]+ly)\b)"
    r"[a-z][\w-]*(?:\s+[a-z][\w-]*)?\s+(?:said|says|reported|reports|believe|believes|believed|estimated|noted|claimed)\b"
)


# Someone unnamed ("a woman"), then whose relative or what member they are, up to the name a "who" follows: the
# relative clause goes on describing the unnamed person.
# How far back it is looked for: not the whole sentence again for each "who" of a long one.
_DESCRIBED_PERSON_REACH = 200
_UNNAMED_PERSON_DESCRIBED_BEFORE = re.compile(
    r"\b(?:a|an)\s+(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*,\s+"
    r"(?P<description>(?:a|an|the)\s+(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*\s+of\s+[^,;()\"“]{0,80}?)$"
)


def _relative_clause(sentence: str, piece: Piece, a: int, text: str) -> list[Piece] | None:
    """ ", which has killed at least 40,000 people" -> "the violence has killed ..." """
    for match in _RELATIVE.finditer(text):
        antecedent = _antecedent(
            text,
            match.start(),
            over_a_name=match["pronoun"] == "which",
            plural_verb=_plural_verb_opens(match["clause"]),
        )
        if antecedent is None or (match["pronoun"] == "which" and _by_named_authors(text, antecedent)):
            continue  # "a documentary by Tomasz and Marek Sekielski, which is about ...": the work, not them
        if match["pronoun"] == "which" and _REPORTED_WHICH.match(match["clause"]):
            continue  # "..., which Politico reported left experts disappointed": about the whole clause
        if _UNNAMED_SOURCE_BEFORE_VERB.match(match["clause"]):
            continue  # "fires at a plant and an oil field, which state media said were under control": said's subject
        if match["pronoun"] == "who" and re.match(r"(?:both|all)\b", match["clause"]):
            continue  # "hosted by Bernard McGuirk and Sid Rosenberg, who both worked for Imus": not the last name alone
        if _OBJECT_RELATIVE.match(match["clause"]):
            continue  # "the death, which they treated as unexplained": "which" is the object, no subject
        if (
            match["pronoun"] == "who"
            and (
                (
                    re.search(r"\bof\s+(?:the\s+)?$", text[: antecedent[0]])
                    and _is_an_organisation(text[antecedent[0] : antecedent[1]])
                )
                # "Ryan Cloutier of the Center for Astrophysics, who", "a Regents Professor at GT, who"
                or re.search(r"\b(?:for|at)\s+(?:the\s+)?$", text[: antecedent[0]])
            )
        ):
            continue  # "X, a director of the Anti-Corruption Commission, who was ...": X, not the commission
        if match["pronoun"] == "who" and _names_a_place(text[antecedent[0] : antecedent[1]]):
            # "Alexander Gagay of Yekaterinburg, who took third place": who comes from the place, not the place
            person = _PERSON_FROM_A_PLACE.search(text, max(0, antecedent[0] - _DESCRIBED_PERSON_REACH), antecedent[0])
            if person is None:
                continue
            antecedent = (person.start(), antecedent[1])
        before_from = max(0, antecedent[0] - _DESCRIBED_PERSON_REACH)
        if match["pronoun"] == "who" and (
            described := _UNNAMED_PERSON_DESCRIBED_BEFORE.search(text, before_from, antecedent[0])
        ):
            # "a woman, a niece of Senate candidate Christine O'Donnell, who claimed ...": the woman, not the candidate
            antecedent = (described.start("description"), antecedent[1])
        if text[: antecedent[0]].strip().lower() in _PREPOSITION_WORDS:
            continue  # "Unlike Senators, who serve six-year terms, members of the House ...": one comparison
        if _ends_on_its_verb(text[antecedent[0] : antecedent[1]]):
            continue  # "The minister resigned, which surprised many": the resignation, not "The minister resigned"
        if text[antecedent[1] - 1] == ")" or text[antecedent[0] : antecedent[1]].casefold() in _TIME_WORDS:
            continue  # "a shooting on Friday, which killed ...", "(0040 UTC), which left ...": not what "which" is
        clause = (a + match.start("clause"), a + match.end("clause"))
        relative = Piece(((a + antecedent[0], a + antecedent[1]),), clause)
        at_end = not text[match.end() :].strip(" .!")
        if at_end:
            main = Piece(piece.head, _trim(sentence, a, a + match.start()), piece.subject)
            return [main, relative]
        # A clause in the middle: the main statement goes on after its closing comma, or the list
        # of subjects it sits in does ("Andrew Yang, who ..., and Michael Bennet suspended").
        rest = _trim(sentence, a + match.end(), a + len(text))
        if not (_starts_with_verb(sentence[rest[0] : rest[1]]) or _NEXT_NAME.match(sentence, rest[0])):
            continue
        main = Piece((*piece.head, _trim(sentence, a, a + match.start())), rest, piece.subject)
        return [main, relative]
    return None


def _ends_on_its_verb(phrase: str) -> bool:
    """A phrase whose last word is a past form after no determiner ("The minister resigned", not "the wounded"): a
    clause, so "which" after it stands for what happened."""
    words = phrase.split()
    if len(words) < 2 or not words[-1].islower() or words[-2].lower() in _DETERMINERS:
        return False
    return words[-1] in IRREGULAR_PAST or _regular_past(words[-1])


def _names_a_place(phrase: str) -> bool:
    return re.sub(r"^[Tt]he\s+", "", phrase) in PLACES


_ANTECEDENT_WORD = re.compile(r"[\w'\u2019.-]+")


def _names_a_post(phrase: str) -> bool:
    """ "the Speaker of the House", "the Supreme Leader of Iran": a capitalised post describes someone."""
    return any(word.rstrip(".") in TITLES and word not in ("State", "of") for word in phrase.split())


def _is_an_organisation(phrase: str) -> bool:
    return phrase in ORGANISATIONS or (bool(phrase.split()) and names_an_organisation(phrase.split()))


_AUTHORS_BEFORE = re.compile(r"\bby\s+(?:[A-Z][\w'\u2019-]*\s+and\s+)?$")


def _by_named_authors(text: str, antecedent: Span) -> bool:
    """A full name after "by" ("by Tomasz and Marek Sekielski"): people, so not what "which" is."""
    name = text[antecedent[0] : antecedent[1]].split()
    return len(name) >= 2 and name[0][0].isupper() and _AUTHORS_BEFORE.search(text, 0, antecedent[0]) is not None


_PHRASE_PREPOSITIONS = frozenset({"with", "of", "in", "on", "between", "against", "for"})
_PREPOSITION_WORDS = _PHRASE_PREPOSITIONS | {"unlike", "like", "besides", "despite", "including", "except", "among"}


def _verb_before_a_name(words: list[re.Match[str]], index: int) -> bool:
    """ "The party backed Hawkins, who": the name is the object, and the phrase does not reach back
    over the verb ("an alleged murder weapon" and "a tool called video2commons" are phrases)."""
    word = words[index].group()
    following = words[index + 1].group() if index + 1 < len(words) else ""
    verb = _is_finite(word) or word in _PRESENT_VERBS_BEFORE_NAMES
    return verb and word not in _NAMING_PARTICIPLES and following[:1].isupper()


_NAMING_PARTICIPLES = frozenset({"called", "named", "dubbed", "known", "titled", "entitled"})
# "Other signatories to the treaty include Germany, which": present tenses whose object is often a name
_PRESENT_VERBS_BEFORE_NAMES = words(
    """include includes represent represents lead leads join joins support supports visit visits meet meets
    face faces replace replaces succeed succeeds follow follows own owns employ employs feature features"""
)


def _a_name(words: list[re.Match[str]]) -> bool:
    """Capitalised words that are not a day or month: "Iran", "the Second Circuit", not "Friday"."""
    names = [w.group() for w in words if w.group().lower() not in ("the", "and")]
    return bool(names) and all(w[0].isupper() and w.lower() not in _TIME_WORDS for w in names)


def _plural_verb_opens(clause: str) -> bool:
    """ "collectively house and breed ...", "are ...": a verb that agrees with a plural subject only."""
    words = clause.split()
    while words and words[0].endswith("ly") and len(words) > 1:
        words = words[1:]
    verb = words[0].lower() if words else ""
    return verb in ("are", "were", "have") or (
        verb.isalpha() and not verb.endswith(("s", "ed")) and verb not in _NOT_PLURAL_VERBS
    )


# Words after "which" that say nothing about the number of what it stands for.
_NOT_PLURAL_VERBS = (
    (AUXILIARIES - {"are", "were", "have", "do"})
    | IRREGULAR_PAST
    | STOPWORDS
    | frozenset({"cost", "cut", "let", "spread", "shut", "hurt", "bit", "dug", "slid"})
)
# "over two hundred lion lodges in ...": a count's qualifier belongs to the phrase it opens.
_COUNT_QUALIFIER_BEFORE = re.compile(
    r"\b(?:[Oo]ver|[Aa]bout|[Aa]round|[Nn]early|[Aa]lmost|[Ss]ome|[Rr]oughly|[Aa]pproximately|[Mm]ore\s+than|"
    r"[Aa]t\s+least|[Uu]p\s+to)\s+$"
)


def _antecedent(text: str, comma: int, *, over_a_name: bool = False, plural_verb: bool = False) -> Span | None:
    """The noun phrase right before a comma: back to its determiner or over a proper name, and with
    `over_a_name` over one preposition before a name ("a treaty with Iran, which": the treaty; but
    "the son of Joe Biden, who": Biden). A place is never what a verb agreeing with a plural stands
    for ("lodges in South Africa, which house ..."): then the phrase before it is, back to where it starts."""
    # Not back over an earlier comma ("one of the candidates in the by-election, Sandra Jephcott, who"),
    # unless it separates a place from its state or country ("Westchester County, New York, which").
    if name := _NAME_OF_THE.search(text, max(0, comma - 120), comma):
        return name.start(), comma  # "the Democratic Republic of the Congo, which": not "the Congo"
    earlier_comma = text.rfind(", ", 0, comma)
    after_it = text[earlier_comma + 2 : comma]
    window = max(0, comma - 120, earlier_comma + 2 if earlier_comma >= 0 and after_it not in PLACES else 0)
    words = list(_ANTECEDENT_WORD.finditer(text, window, comma))[-7:]
    if not words:
        return None
    crossed_a_preposition = False
    starts_at = 0
    for index in range(len(words) - 1, -1, -1):
        word = words[index].group()
        if word.lower() in _DETERMINERS:
            if index == len(words) - 1:
                return None
            return words[index].start(), comma
        if (
            over_a_name
            and word.lower() in _PHRASE_PREPOSITIONS
            and not crossed_a_preposition
            and _a_name(words[index + 1 :])
        ):
            crossed_a_preposition = True
            continue
        if (
            word == "and"
            and 0 < index < len(words) - 1
            and words[index - 1].group()[0].isupper()
            and words[index + 1].group()[0].isupper()
        ):
            continue  # "the Bill and Melinda Gates Foundation, which": one name
        if word.lower() in STOPWORDS or word in _TIME_NOUNS or _verb_before_a_name(words, index):
            starts_at = index + 1
            break
    # No determiner: a proper name ("Lakhdar Brahimi, who ..."), but not a preposition opening the
    # sentence before it ("Unlike Senators, who serve six-year terms, ...": Senators serve them).
    index = len(words) - 1
    while index >= 0 and words[index].group()[0].isupper() and words[index].group().lower() not in _PREPOSITION_WORDS:
        index -= 1
    if index == len(words) - 1:
        return None
    if crossed_a_preposition and plural_verb and text[words[index + 1].start() : comma] in PLACES:
        if starts_at >= index:
            return None
        start = words[starts_at].start()
        if qualifier := _COUNT_QUALIFIER_BEFORE.search(text, 0, start):
            start = qualifier.start()
        return start, comma
    return words[index + 1].start(), comma


_NAME_OF_THE = re.compile(
    r"\b(?:the\s+)?(?:[A-Z][\w'\u2019-]*\s+)+of\s+the\s+[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*)?$"
)


# A word of a name, no longer than any real one: unbounded, a search over a long dotted or hyphenated token
# ("A.A.A. ...") would read the rest of it from every capital, quadratic in its length.
_NAME_WORD = r"[A-Z][\w'\u2019.-]{0,60}"
# Not "or that": a disjunction is one statement, true if either side is.
_APPOSITION = re.compile(
    # a name, or a name "of" a place or body: "Don Blankenship of West Virginia, the ... nominee,"
    # "Kamway Lodge & Tavern", but not from inside "Brigade de Recherche et d'Intervention"
    rf"(?P<name>(?<!['\u2019])\b{_NAME_WORD}(?:\s+(?:(?:bin|ibn|al|el|de|da|van|von|&)\s+)?{_NAME_WORD}){{0,3}}"
    rf"(?:\s+of\s+(?:the\s+)?{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}})?),\s+"
    # "Warren, formerly a professor at Harvard Law School,": what someone was, or is now
    r"(?P<apposition>(?:(?P<adverb>formerly|previously|once|now|currently)\s+)?"
    # "Susan Bro, Heather Heyer's mother,": a name's possessive says whose
    r"(?P<description>(?:a|an|the|one of the|(?P<whose>(?:the\s+)?"
    rf"{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}}['\u2019]s)"
    # "Van Halen, lead guitarist of US rock band Van Halen,": a post or kinship "of" someone, with no article
    r"|(?P<bare>(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*\s+of))\s+(?:[^,;()]|,(?=\d)){3,90}?))(?P<close>,\s+|\s*[.!]?\s*$)"
)


# Fewer words are a fragment to the check-worthiness score, which drops them.
_FEWEST_WORDS_OF_A_CLAIM = 4
# "to be held", "to have been built": a verb that makes no clause of the words around it
_INFINITIVE = re.compile(r"\bto\s+(?:be\s+|have\s+(?:been\s+)?)?[a-z]+\b")
_SUMMING_UP = re.compile(r"(?:a|an|the)\s+(?:\w+\s+)?(?:move|decision|choice|step)\b")
_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")
_A_BEFORE = re.compile(r"\b(?:a|an)\s+$")
_TWO_THINGS = re.compile(r"(?:a|an)\s+[^,]*?\band\s+(?:a|an)\s")
# The piece ended where a verb after the list was cut off: its last item was no apposition
_LIST_CUT_OFF = re.compile(r",?\s+(?:and|or)\s")
# "The Avoyelles House of Mercy, a Pentecostal church,": the whole name is the body described, not "Mercy"
_BODIES = words(
    """House Church Bank University Council Department Ministry Office Institute Society Association Court Party
    Board Center Centre College School Museum Academy Hospital Federation League Union"""
)
_PAST_ADVERBS = frozenset({"formerly", "previously", "once"})
_PERSON_FROM_A_PLACE = re.compile(rf"\b{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}}\s+(?:of|from)\s+(?:the\s+)?$")
_NEXT_NAME = re.compile(r"(?:and|or)\s+[A-Z]")
_WHO = re.compile(r"who\s+[a-z]")
# "about trade, tariffs, the European Court of Justice, the border ...": short items of a list before the name
_LISTED_ITEMS_BEFORE = re.compile(r"(?:[\w'\u2019-]+(?:\s+[\w'\u2019-]+){0,2},\s+){2,}(?:the\s+)?$")
_LIST_GOES_ON = re.compile(r"(?:[\w'\u2019-]+\s+){0,3}[\w'\u2019-]+,?\s+(?:and|or)\s")
_DESCRIBES_A_BODY = re.compile(
    r"(?:an?|the|one of the)\s+(?:[\w-]+\s+){0,3}(?:firm|company|group|organi[sz]ation|agency|charity|business|"
    r"start-?up|corporation|network|outlet|newspaper|institute|university|college|body|church|party)s?\b"
)
_PROPER_NAME = re.compile(r"the\s+[A-Z][\w'\u2019.-]*(?:\s+(?:of|the|and|for|[A-Z][\w'\u2019.-]*))*")
_LISTED_NAMES_BEFORE = re.compile(
    r"\b[A-Z][\w'\u2019.-]*,\s+[A-Z][\w'\u2019.-]*(?:\s+[A-Z][\w'\u2019.-]*)?,\s+[A-Z][^,]*$"
)

# "This morning Jacques Chirac, who served ...": the time before a name is not part of who it is.
_TIME_NOUNS = frozenset({"morning", "afternoon", "evening", "night", "weekend", "week", "month", "year", "day"})
# "talks in Dublin last Thursday, a meeting also attended by ..." describes the event, not the day.
_TIME_WORDS = frozenset(
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "today",
        "yesterday",
        "tomorrow",
    ]
)


def _apposition(sentence: str, piece: Piece, a: int, text: str) -> list[Piece] | None:
    """ "in Magnitogorsk, a city in the Ural region," -> "Magnitogorsk is a city in the Ural region"."""
    for match in _APPOSITION.finditer(text):
        description = _INFINITIVE.sub("", match["apposition"])  # "a candidate for the election to be held on ..."
        if _has_finite_verb(description) or (match["whose"] and states_an_event(description)):
            continue  # a clause ("the report said ...", "France's president announced ..."), not a noun phrase
        if match["name"].split()[-1].casefold().strip(".") in _TIME_WORDS:
            continue
        if match["bare"] and not _bare_post(match["bare"], match["description"], text[: match.start("name")]):
            continue  # "Turkey, supportive of the PKK", "members of the public stopped Khan": no post of the name's
        if _SUMMING_UP.match(match["description"]):
            continue  # "Chapman told Wikinews, a choice leaving her ...": the choice is what the clause says
        in_a_list_of_things = _LISTED_ITEMS_BEFORE.search(text, 0, match.start("name")) and _LIST_GOES_ON.match(
            text, match.end()
        )
        if _LISTED_NAMES_BEFORE.search(text, 0, match.end("name")) or in_a_list_of_things:
            continue  # "joined by Australia, Bahrain, Saudi Arabia, the United Kingdom and ...": a list
        if _PROPER_NAME.fullmatch(match["description"]) and not _names_a_post(match["description"]):
            continue  # "the city of Cahors, the State of France, and ...": another name, not a description
        rest_words = re.findall(r"\w+", text[match.end() :])
        if (
            rest_words
            and len(re.findall(r"\w+", text[: match.end("name")])) + len(rest_words) < _FEWEST_WORDS_OF_A_CLAIM
        ):
            continue  # "Conyers, the former Dean of the House, was 90": "Conyers was 90" alone is a fragment
        name = (a + match.start("name"), a + match.end("name"))
        if article := _THE_BEFORE.search(text, 0, match.start("name")):
            name = (a + article.start(), name[1])  # "the Taliban, once the governing force,": "The Taliban was"
        if _A_BEFORE.search(text, 0, match.start("name")):
            continue  # "cast as a voice for My Bride is a Mermaid, a role ...": the end of a title, not a name
        if _TWO_THINGS.match(match["description"]):
            continue  # "in his family home in London, a black flag and an air gun": what was found there
        body_named = (
            " of " in match["name"] and match["name"][: match["name"].rindex(" of ")].split()[-1] not in _BODIES
        )
        if body_named and _DESCRIBES_A_BODY.match(match["description"]):
            # "Doug Miller of Milltech Marine, a firm specialising in AIS,": the firm is described
            body_start = match.start("name") + match["name"].rindex(" of ") + len(" of ")
            body_start += len("the ") if text.startswith("the ", body_start) else 0
            name = (a + body_start, name[1])
        link = "was" if match["adverb"] in _PAST_ADVERBS else "is"
        if match["bare"]:
            link += " the"  # "Paweł Adamowicz is the mayor of ...", as the post reads after a name
        described = Piece(
            (name,), (a + match.start("apposition"), a + match.end("apposition")), link=link, describes=True
        )
        if not text[match.end() :].strip(" .!"):
            if not (piece.head or piece.subject) and opening_phrase(text[: match.start("name")]):
                continue  # "Per request of Boris Johnson, the Queen suspended parliament": the main clause
            if _LIST_CUT_OFF.match(sentence, a + len(text)):
                continue  # "to connect the fields with Crete, the Greek mainland, and would end ...": a list
            return [Piece(piece.head, _trim(sentence, a, name[1]), piece.subject), described]
        rest = _trim(sentence, a + match.end(), a + len(text))
        rest_text = sentence[rest[0] : rest[1]]
        # "Andrew Yang, an entrepreneur, and Michael Bennet ... suspended": the next subject of a list
        # "led by Mark Hay, a marine ecologist ..., who said ...": the relative goes on the name
        goes_on = _starts_with_verb(rest_text) or _NEXT_NAME.match(sentence, rest[0]) or _WHO.match(rest_text)
        if not (goes_on or (not piece.subject and _main_clause_goes_on(text[: match.start("name")], rest_text))):
            continue
        main = Piece((*piece.head, _trim(sentence, a, name[1])), rest, piece.subject)
        return [main, described]
    return None


# Words that open a phrase with "of" but name no post or relation: "some of", "ahead of", "within two miles of"
_NOT_A_POST = words(
    """one two three four five six seven eight nine ten dozens hundreds thousands millions some many most all both
    each none several half part parts members instead ahead out inside outside within near regardless irrespective
    because made full free aware proud afraid capable typical"""
)
# An adjective before "of" ("critical of Trump", "supportive of the PKK"), unlike "executive director of"
_ADJECTIVE_ENDING = re.compile(r"(?<!execut)(?<!representat)(?:ive|ical|ful|ous|able|ible)$")


def _bare_post(words_before_of: str, description: str, before_name: str) -> bool:
    """Whether a description without an article names what someone is: "mayor of the Polish city of Gdańsk",
    "former vice-president of Namibia", "fiancée of journalist Jamal Khashoggi", but not a quantity ("four of
    whom"), an adjective ("critical of Trump"), a clause ("members of the public stopped Khan") or what a source
    said ("according to Turkey, supportive of ...")."""
    heads = words_before_of.split()[:-1]
    if any(w in STOPWORDS or w in _NOT_A_POST or w.endswith(("ly", "ing")) for w in heads):
        return False
    if _ADJECTIVE_ENDING.search(heads[-1]) or states_an_event(description):
        return False
    return not re.search(r"according\s+to\s+(?:the\s+)?$", before_name)


# "met in Niamey, Niger's capital, for an AU summit": after the apposition the clause's own phrase goes on.
_PHRASE_GOES_ON = re.compile(
    r"(?:for|in|on|at|to|from|with|into|near|after|before|during|until|since|amid|where|when)\s", re.IGNORECASE
)
# "Baslan Damang, a security official ..., on Tuesday told ...": a time, then the subject's verb
_TIME_BEFORE_VERB = re.compile(
    r"(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|earlier|later)\b,?\s+",
    re.IGNORECASE,
)


def _main_clause_goes_on(before_name: str, rest: str) -> bool:
    """Whether the statement an apposition interrupts goes on after it without a verb of its own: a
    phrase of a clause whose verb came before the name ("The 36 people were moved to Patagonia, the
    south-most region in Chile, where they were ..."), or a time before the subject's verb."""
    if rest[:1].isupper():
        return False  # "Speaking to Agence France-Presse, the president of ..., Jamel Msallem, said": a name
    if time := _TIME_BEFORE_VERB.match(rest):
        return not has_clause_verb(before_name) and _starts_with_verb(rest[time.end() :])
    return bool(_PHRASE_GOES_ON.match(rest)) and has_clause_verb(before_name)


_THAT_COORDINATION = re.compile(r",?\s+(?:and|but)\s+that\s+")
# Nouns whose "that" clause says what they hold: "the quote that ...", "the fact that ..."
_NOUNS_BEFORE_THAT = frozenset(
    {"quote", "claim", "claims", "belief", "fact", "idea", "view", "notion", "argument", "statement", "hope", "fear",
     "fears", "news", "evidence", "assurance", "assurances", "suggestion", "possibility", "message", "warning"}
)  # fmt: skip


def _that_coordination(sentence: str, piece: Piece, a: int, text: str) -> list[Piece] | None:
    """ "X said that A and that B" -> "X said that A", "X said that B". Without the first "that"
    the frame ends at the reporting verb ("X announced A, and that B"), and where attribution has
    already taken the frame away ("[He noted that] A, and that B") there is none to repeat."""
    match = _THAT_COORDINATION.search(text)
    if not match:
        return None
    frame_end = text.rfind(" that ", 0, match.start())
    if frame_end >= 0 and text[:frame_end].split()[-1].lower() in _NOUNS_BEFORE_THAT:
        return None  # "citing the quote that A, and that B": the second "that" goes on the quote
    if frame_end >= 0:
        frame: tuple[Span, ...] = ((a, a + frame_end + len(" that")),)
    else:
        reporting = [t for t in _tokens(text[: match.start()]) if t.group() in _REPORTING_VERBS]
        if not reporting and not _opens_a_that_clause(text[match.end() :]):
            return None  # ", but that is not what ...", ", but that office stands ...": a demonstrative
        frame = ((a, a + reporting[0].end()),) if reporting else ()
    return [
        Piece(piece.head, _trim(sentence, a, a + match.start()), piece.subject),
        Piece((*piece.head, *frame), _trim(sentence, a + match.end(), a + len(text)), piece.subject),
    ]


def _opens_a_that_clause(rest: str) -> bool:
    """Whether the words after "and that" start a clause ("that the states have", "that Greece
    and Turkey might", "that 50 were") rather than use "that" as a demonstrative ("that is")."""
    first = rest.split(maxsplit=1)[0] if rest.strip() else ""
    return first[:1].isupper() or first[:1].isdigit() or first.lower() in (_DETERMINERS | _PRONOUNS) - {"that"}


# "it is X's intent for ...", "it was clear that ...", "it was intimated there were ...": an "it"
# that stands for what follows, not for the clause's subject.
_EXPLETIVE_IT = re.compile(
    r"it\s+(?:is|was|has been|had been|seems|seemed|appears|appeared)\s+(?:[a-z]+ly\s+)?"
    r"(?:(?:clear|likely|unlikely|possible|impossible|important|necessary|unclear|known|believed|reported|said|"
    r"thought|expected|feared|estimated|intimated|understood|hoped|agreed|true|evident|obvious|difficult|hard|"
    r"easy|apparent)\b|[\w'\u2019]+['\u2019]s\s)"
)
# 'Cummings "was a great man," while Trump noted ...': a comma inside the closing quotation mark ends the clause too
_CONTRAST = re.compile(
    r",(?P<quote>[\"”]?)\s+(?P<conjunction>though|although|whereas|while|but|and)\s+(?=(?P<word>[\w'\u2019]+)\s)"
)
# 'Duda said the victims were "joyful girls" while Interior Minister Joachim Brudziński wrote he had ordered ...': a
# second speaker after "while" without its comma (not "was injured while trying to ...")
_SPEAKER_AFTER_WHILE = re.compile(
    r"(?<=[\w\"”])(?P<quote>)\s+(?P<conjunction>while|whereas)\s+(?=(?P<word>[A-Z][\w'\u2019-]*)\s"
    r"(?:[A-Z][\w'\u2019.-]*\s+|(?:the|of|[a-z]+al)\s+){0,6}"
    r"(?:said|says|wrote|writes|told|reported|reports|stated|added|noted|indicated)\b)"
)
# "It today has a grass-dominated landscape but it was once ...": "but" and a pronoun open a clause without a comma
_PRONOUN_AFTER_BUT = re.compile(r"(?<=[a-z])(?P<quote>)\s+(?P<conjunction>but)\s+(?=(?P<word>it|he|she|they)\s)")
_PART_OF_IT = re.compile(r"(?:most|some|all|much|many|none|part|one|each|half)\s+of\s+(?:it|them)\b", re.IGNORECASE)
_NOT_ONLY = re.compile(r"not\s+only\b", re.IGNORECASE)
_CONTRAST_ADVERB = re.compile(r"(?:rather|instead)\s+")


def _contrast(sentence: str, piece: Piece, a: int, text: str) -> list[Piece] | None:
    """Clauses with their own subjects: "Russia shares the concerns, though it believes X"
    -> "Russia believes X"; "..., while two adults were seriously injured" -> "Two adults
    were seriously injured"."""
    matches = [*_CONTRAST.finditer(text), *_SPEAKER_AFTER_WHILE.finditer(text)]
    if not _NOT_ONLY.match(text):  # "Not only did they put out the fire but they continued ...": one statement
        matches += _PRONOUN_AFTER_BUT.finditer(text)
    for match in matches:
        # "..., but rather the state party endorsed him": the clause stands without "rather"
        opener = _CONTRAST_ADVERB.match(text, match.end())
        second = _trim(sentence, a + (opener.end() if opener else match.end()), a + len(text))
        second_tokens = _tokens(sentence[second[0] : second[1]])
        verb = _verb_index(second_tokens)
        if _starts_with_verb(sentence[second[0] : second[1]]) or not verb:
            continue  # "and flew to ...": a verb phrase, or no clause at all
        if _PART_OF_IT.match(text, second[0] - a):
            continue  # ", though most of it is not persistent": "it" is the first clause's, not a subject alone
        opening = second_tokens[0].group().lower()
        if opening == "be" or (opening in _PREPOSITIONS and verb == 2):
            continue  # ", and on Twitter referred to ...", ", and be detected ...": the first subject's verb phrase
        if opening.endswith("ing") and verb > 2:
            # ", and leaving reportedly at least 15,000 stranded at ports": a participle's phrase, no subject (unlike
            # ", and spending rose")
            continue
        if _is_head_of_relative(second_tokens, verb):
            continue  # "..., and a whistleblower who revealed ...": the last item of a list, described
        if second_tokens[verb - 1].group().lower() in ("and", "or", "but"):
            continue  # "at the park, Causeway Bay, and Tin Hau ... and walked": the main subject's verb
        commas_before_verb = sum(token.group() == "," for token in second_tokens[:verb])
        if second_tokens[verb - 1].group() == "," and commas_before_verb == 1:
            # "and the French Legion of Honour, received last year": a participle describing an item,
            # unlike the verb after an aside ("while the second largest party, Labour, lost 42")
            continue
        first = _trim(sentence, a, a + match.end("quote") if match["quote"] else a + match.start())
        if not (piece.head or piece.subject) and _verb_index(_tokens(sentence[first[0] : first[1]])) is None:
            continue
        if match["conjunction"] == "and" and _closes_a_list(text, match.start()):
            continue  # "...: South Carolina, Kansas, and Arizona made ...", "coral: A, B, and C."
        subject = ""
        if match["word"].lower() in _PRONOUNS:
            span = _subject_span(text[: match.start()])
            if (
                span is not None
                and match["word"].lower() in ("he", "she")
                and not _names_someone(text[span[0] : span[1]])
            ):
                continue  # "A jury convicted Blankenship ..., and he received ...": not the jury
            if (
                span is not None
                and match["word"].lower() == "it"
                and _reports(text[: match.start()])
                and _not_an_it(text[span[0] : span[1]])
            ):
                continue  # "Police said Khan wore a vest, though it was fake": "it" is in what they said
            if match["word"].lower() == "it" and _EXPLETIVE_IT.match(text, match.end()):
                continue  # "..., and it is Johnson's stated intent for the UK to leave": "it" stands for nothing
            if (
                span is not None
                and match["word"].lower() == "they"
                and not piece.head
                and (said := _reporting_verb_end(text[: match.start()]))
                and not _plural(text[span[0] : span[1]])
            ):
                # "A spokesperson for Stagecoach South said their thoughts were ..., and they were carrying
                # out ...": "they" is in what the one speaker said, so the second clause keeps the frame
                return [
                    Piece(piece.head, first, piece.subject),
                    Piece(((a + span[0], a + said),), second, ""),
                ]
            if span is not None and text[span[0] : span[1]].split()[0].lower() == match["word"].lower():
                subject = ""  # "It today has ... but it was once ...": the pronoun stands as it is
            elif span is not None:
                subject = text[span[0] : span[1]]
            elif piece.head and not _frame_head(sentence, piece):
                subject = sentence[piece.head[-1][0] : piece.head[-1][1]]  # split off earlier
            else:
                continue
        return [
            Piece(piece.head, first, piece.subject),
            Piece(() if subject else _frame_head(sentence, piece), second, subject),
        ]
    return None


# "While 54 nations have signed onto the AfCFTA, only 27 have ratified the agreement": a concession opening the
# sentence states its clause as plainly as the main one, unlike an opening "Because", "If", "As" or "After" clause,
# whose claim is the link itself.
_CONCESSION_OPENING = re.compile(r"(?:[Ww]hile|[Ww]hilst|[Aa]lthough|[Tt]hough|[Ee]ven\s+though|[Ww]hereas)\s+")
# "While in New York City ...", "While not naming ...", "Although known to ...": no clause of its own
_NO_CLAUSE_AFTER_CONCESSION = re.compile(r"(?:not|in|on|at|under|during|[a-z]+ing|[a-z]+ed|known|born)\b")
# "..., the Senate did not.": a main clause that leaves its verb to the concession says nothing alone
_ELLIPTICAL_END = re.compile(
    r"\b(?:do|does|did|has|have|had|is|are|was|were|will|would|can|could|should|might|may)(?:\s+not|n['\u2019]t)?"
    r"(?:\s+(?:too|so|either))?\s*[.!]?\s*$"
)
# "..., up until now, no drugs have been ...": a short time phrase before the main clause's subject is the main
# clause's, not the concession's (but "..., opposite Rock Hudson, Day considered" ends the concession)
_MAIN_CLAUSE_OPENER = words("up until over so now today this last in at since by")
# "..., not how dangerous specific cases are, the WHO noted": "not" goes on the concession too
_RELATIVE_OR_JOINING = frozenset({"which", "who", "whom", "whose", "where", "when", "and", "or", "but", "that", "not"})


def _leading_concession(sentence: str, piece: Piece, a: int, text: str) -> list[Piece] | None:
    """ "While Puerto Rico is a commonwealth of the United States, it is not a state" -> "Puerto Rico is a
    commonwealth of the United States", "Puerto Rico is not a state"."""
    opening = _CONCESSION_OPENING.match(text)
    if not opening or _NO_CLAUSE_AFTER_CONCESSION.match(text, opening.end()):
        return None
    for comma in re.finditer(r",\s+", text[opening.end() :]):
        clause_end, main_start = opening.end() + comma.start(), opening.end() + comma.end()
        main_tokens = _tokens(text[main_start:])
        verb = _verb_index(main_tokens)
        if verb is None or main_tokens[0].group().lower() in _RELATIVE_OR_JOINING:
            continue  # "While the firm, which was founded in 1990, grew, ...": still inside the concession
        if main_tokens[0].group().lower() == "according":
            return None  # "..., according to Wasef archaeologists have not ...": a source, not a subject
        subject_start = _subject_start(main_tokens, verb)
        if subject_start != 0 and main_tokens[0].group().lower() not in _MAIN_CLAUSE_OPENER:
            continue
        if _ELLIPTICAL_END.search(text, main_start) or not _has_words(sentence, (a + opening.end(), a + clause_end), 3):
            return None  # "While the House confirmed his nomination, the Senate did not."
        clause = _trim(sentence, a + opening.end(), a + clause_end)
        main = _trim(sentence, a + main_start, a + len(text))
        pronoun = main_tokens[subject_start].group().lower() if subject_start == verb - 1 else ""
        subject = clause_subject = ""
        main_subject = _subject_span(sentence[main[0] : main[1]])
        if (
            _tokens(sentence[clause[0] : clause[1]])[0].group().lower() in ("he", "she")
            and main_subject is not None
            and _names_someone(named := sentence[main[0] + main_subject[0] : main[0] + main_subject[1]])
        ):
            # "Though she was nominated ..., Day personally considered ...": the "she" is Day
            clause_subject = re.sub(r"(?:\s+(?:[a-z]+ly|" + "|".join(_SUBJECT_ADVERBS) + r"))+$", "", named)
        if pronoun in _PRONOUNS:
            span = _subject_span(sentence[clause[0] : clause[1]])
            named = span is not None and sentence[clause[0] + span[0] : clause[0] + span[1]]
            if named and (pronoun not in ("he", "she") or _names_someone(named)):
                subject = named  # "Although Caudipteryx is ..., it lived ..." -> "Caudipteryx lived ..."
            elif pronoun in ("it", "they"):
                return None  # an "it" no one can tell the meaning of without the concession
        return [
            Piece(piece.head, clause, clause_subject or piece.subject),
            Piece(() if subject else _frame_head(sentence, piece), main, subject),
        ]
    return None


# "... a hoax and the White House claimed it did not brief Trump": "and" before a named speaker and a verb of
# saying opens that speaker's own statement, even without a comma
_SECOND_SPEAKER = re.compile(
    rf"(?<=[a-z])\s+(?:and|but)\s+(?=(?:the\s+)?[{CAPITALS}][\w'\u2019.-]*(?:\s+[{CAPITALS}][\w'\u2019.-]*){{0,3}}\s+"
    r"(?:(?:had|has|have)\s+)?(?:said|claimed|stated|announced|told\s+(?:reporters|journalists|the\s+press))"
    r"\s+\w+(?:\s+\w+){2})"
)


def _second_speaker(sentence: str, piece: Piece, a: int, text: str) -> list[Piece] | None:
    """Two statements by two speakers: "Trump described the story as a hoax and the White House claimed it did
    not brief Trump" -> "Trump described the story as a hoax", "The White House claimed it did not brief Trump";
    not a list of speakers ("Trump and the White House said ...": no verb before "and"; "both Mugabe and
    Tsvangirai claimed victory": a name before it)."""
    if piece.head or piece.subject:
        return None
    for match in _SECOND_SPEAKER.finditer(text):
        first = _trim(sentence, a, a + match.start())
        first_tokens = _tokens(sentence[first[0] : first[1]])
        if _verb_index(first_tokens) is None or not first_tokens[-1].group()[0].islower():
            continue  # "... and both Mugabe and Tsvangirai claimed victory": a list of names
        second = _trim(sentence, a + match.end(), a + len(text))
        return [Piece((), first), Piece((), second)]
    return None


def _names_someone(subject: str) -> bool:
    """Whether a subject holds a name, as "he" or "she" needs: "Zhukovskyy", not "A jury"."""
    return any(word[0].isupper() and word.lower() not in STOPWORDS for word in subject.split())


def _not_an_it(subject: str) -> bool:
    """Whether a subject cannot be "it": people, or a plural ("Police also", "officials", "Boris Dubrovsky")."""
    words = [word for word in re.findall(r"[\w'\u2019-]+", subject) if not _is_adverb(word)]
    if not words:
        return False
    head = words[-1]
    named_person = len(words) >= 2 and all(word[0].isupper() and word[1:].islower() for word in words[-2:])
    return head.lower() == "police" or (head.endswith("s") and not head.endswith("ss")) or named_person


def _reports(clause: str) -> bool:
    return _reporting_verb_end(clause) is not None


def _reporting_verb_end(clause: str) -> int | None:
    """Where the clause's verb ends when it is a verb of saying ("A spokesperson said ...")."""
    tokens = _tokens(clause)
    verb = _verb_index(tokens)
    if verb is None or tokens[verb].group().lower() not in _REPORTING_VERBS:
        return None
    return tokens[verb].end()


def _plural(subject: str) -> bool:
    """Whether a subject names more than one: its head noun, before any "for"/"of" phrase, is plural
    ("Officials", "Police", "Residents of the town"), unlike "A spokesperson for Stagecoach South"."""
    head_phrase = re.split(r"\s+(?:for|of|from|at|in|with)\s+", subject, maxsplit=1)[0]
    words = re.findall(r"[\w'\u2019-]+", head_phrase)
    if not words:
        return False
    head = words[-1].lower()
    coordinated = any(word.lower() == "and" for word in words)
    return coordinated or head in ("police", "people", "staff") or (head.endswith("s") and not head.endswith("ss"))


def _closes_a_list(text: str, comma: int) -> bool:
    """Whether ", and" at `comma` ends a list rather than joining a clause: of subjects ("...:
    South Carolina, Kansas, and Arizona made ...", names with no verb of their own since any
    colon) or of things after the verb ("examined three corals, A, B, and C")."""
    before = text[:comma]
    clause = before[before.rfind(":") + 1 :]
    if "," in clause and _verb_index(_tokens(clause)) is None:
        return True
    tokens = _tokens(text[: comma + 1])
    verb = _verb_index(tokens)
    return verb is not None and _in_a_list_of_things(text, tokens, verb, len(tokens) - 1)


def _frame_head(sentence: str, piece: Piece) -> tuple[Span, ...]:
    """The head when it is a reporting frame ("X said that"), which every clause after it
    shares; a subject in the head belongs to the first clause only."""
    if piece.head and sentence[piece.head[-1][0] : piece.head[-1][1]].endswith(" that"):
        return piece.head
    return ()


# Past participles that read as adjectives after "be", so "was X and involved in" shares the "was".
_PARTICIPLES_AFTER_BE = frozenset(
    {"involved", "based", "located", "known", "born", "married", "interested", "engaged", "elected", "named",
     "appointed", "credited", "tasked", "charged"}
)  # fmt: skip
_REPORTING_VERBS = frozenset(
    {"said", "says", "told", "tells", "reported", "stated", "claimed", "claims", "denied", "added", "insisted",
     "confirmed", "announced", "warned", "estimated", "noted", "wrote", "argued"}
)  # fmt: skip
_PREPOSITIONS = frozenset(
    {"in", "on", "at", "after", "before", "during", "following", "since", "under", "with", "by", "for", "from", "as"}
)


def _verb_coordination(sentence: str, piece: Piece, a: int, text: str) -> list[Piece] | None:
    """ "X have resisted A and have vetoed B" -> "X have resisted A", "X have vetoed B"."""
    tokens = _tokens(text)
    # A body split off earlier ("met rescuers and visited ...") starts with its verb; its
    # subject is already in the head.
    subject_in_head = bool(piece.head or piece.subject) and _starts_with_verb(text)
    verb = 0 if subject_in_head else _verb_index(tokens)
    if verb is None or _is_head_of_relative(tokens, verb):
        return None
    # "Witnesses said a man approached and attacked ...": after a reporting verb the next verbs are
    # usually the reported clause's; only ", but grew tired" or a second report ("and denied") is the
    # speaker's own.
    reports = not subject_in_head and tokens[verb].group().lower() in _REPORTING_VERBS
    subject_start = _subject_start(tokens, verb)
    if subject_start >= verb and not subject_in_head:
        return None  # no subject to share: ", attacked a group ..."
    if not subject_in_head and _verb_ends_an_adverbial(text, tokens, subject_start, verb):
        return None  # "In findings published on Wednesday, ...": the verb is inside an adverbial
    first_is_auxiliary = tokens[verb].group().lower() in _SPLITTING_AUXILIARIES
    # "is theoretical and is based on ...": one word between a verb and the same verb again
    repeated = verb + 3 < len(tokens) and tokens[verb + 2].group() == "and" and _same_verb(tokens, verb, verb + 3)
    for index in range(verb + 2 if repeated else verb + 3, len(tokens) - 2):
        separator = tokens[index].group().lower()
        # "flew to X, met Y and signed Z": a comma separates list items only before an "and" that
        # joins a verb ("an entrepreneur, involved in a chain of pubs and restaurants" is no list).
        if separator not in ("and", "but") and not (separator == "," and _and_joins_a_verb(tokens, index)):
            continue
        # Not over "only", which narrows what follows: "but only secured 39 delegates" stays whole.
        following = _after_adverbs(tokens, index + 1, over_only=False)
        word = tokens[following].group()
        lower = word.lower()
        # Not a bare "do": "is to render space accessible and, through competition, do so ..." is one plan.
        second_is_auxiliary = lower in _SPLITTING_AUXILIARIES and lower != "do"
        # "and age-restricted videos": a compound in -ed describes a noun (but "and re-elected" is a verb)
        compound = "-" in lower and not lower.startswith(("re-", "co-", "pre-"))
        second_is_past = word.islower() and not compound and (lower in IRREGULAR_PAST or _regular_past(lower))
        # "have resisted A and have vetoed B", "resisted A and vetoed B", "have resisted A and vetoed B"
        if not (second_is_auxiliary or second_is_past) or (second_is_auxiliary and not first_is_auxiliary):
            continue
        after_a_comma = separator != "," and tokens[index - 1].group() == ","
        if tokens[index - 1 - after_a_comma].group().lower() in _PHRASE_PREPOSITIONS | _PREPOSITIONS | {"to"}:
            continue  # "impeached for, and convicted of, treason": both verbs share the object after them
        if reports and lower not in _REPORTING_VERBS and not after_a_comma:
            continue  # "said a man approached and attacked": the man's verbs
        if lower in _PARTICIPLES_AFTER_BE and tokens[verb].group().lower() in ("was", "were", "is", "are"):
            continue  # "was the endings editor and involved in 200 studies": still "was", not "Guy involved"
        if separator == "and" and _in_a_list_of_things(text, tokens, verb, index - 1):
            continue  # "in sewage, slurry, human faeces, and contaminated foods": an adjective
        after = tokens[following + 1].group().lower() if following + 1 < len(tokens) else ","
        if separator == "," and after in (",", "and", "or"):
            continue  # a list of participles ("killed, injured and displaced"), not of actions
        if separator == "," and (after in ("by", "to") or lower in ("called", "named", "known", "dubbed")):
            continue  # ", conducted by ...", ", also called ...", ", estimated to have done ...": a participle
        if (
            second_is_past
            and tokens[index - 2].group().lower() in ("be", "been", "being")
            and _regular_past(tokens[index - 1].group().lower())
        ):
            continue  # "to be refurbished and reused": one verb group
        if separator == "and" and any(t.group().lower() in ("both", "either") for t in tokens[index - 3 : index]):
            continue  # "with both zebra-striped and unstriped cloths": two descriptions of one thing
        if separator == "and" and _after_a_reduced_relative(tokens, verb, index):
            continue  # "from Hurricane Maria, estimated to have done ... and claimed ...": the hurricane's
        if separator == "," and _new_subject_before(text, tokens, verb, index):
            continue  # "took his knife, and another, a Polish chef, harried him": another's verb
        if _inside_a_participle_clause(tokens, verb, index):
            continue  # "ZMapp served as a control, meaning scientists used it ... and compared ...": theirs
        if _verb_inside_that_clause(tokens, verb, index, separator):
            continue  # "were optimistic that X and Y, could reveal ...", "a quake that hit ... and caused ..."
        if separator == "," and _closes_an_example(tokens, verb, index):
            continue  # "many generals, including President Grant, believed ...": the verb is the subject's
        first = _trim(sentence, a, a + tokens[index].start())
        second = _trim(sentence, a + tokens[index + 1].start(), a + len(text))  # with its adverbs
        if piece.subject:
            shared = Piece((), second, piece.subject)
        elif subject_in_head:
            shared = Piece(piece.head, second)
        else:
            subject_end = verb - 3 if _age_between(tokens, verb - 2, verb) else verb - 1  # "Zamperoni, 33,"
            while subject_end > subject_start and tokens[subject_end].group().lower() in _SUBJECT_ADVERBS:
                subject_end -= 1  # "New Hampshire also once had ... but does not": New Hampshire
            only_adverbs = tokens[subject_end].group().lower() in _SUBJECT_ADVERBS
            if only_adverbs and (named := _apposed_name(tokens, subject_start)):
                subject_start, subject_end = named  # "Another adviser, Sebastian Gorka, also spoke ... and"
            subject = (a + tokens[subject_start].start(), a + tokens[subject_end].end())
            # "Conway was elected ... and admitted to the Academy": the second participle is passive too
            passive = _passive_auxiliary(tokens, verb) if _passive_participle(tokens, following) else ""
            shared = Piece((*piece.head, subject), second, link=passive)
        return [Piece(piece.head, first, piece.subject), shared]
    return None


def _same_verb(tokens: list[re.Match[str]], first: int, second: int) -> bool:
    return tokens[first].group().lower() == tokens[second].group() and tokens[second].group() in _SPLITTING_AUXILIARIES


def _and_joins_a_verb(tokens: list[re.Match[str]], after: int) -> bool:
    """Whether an "and" after token `after` is followed (past any adverbs) by a finite verb."""
    for index in range(after + 1, len(tokens) - 1):
        if tokens[index].group().lower() != "and":
            continue
        following = _after_adverbs(tokens, index + 1)
        word = tokens[following].group()
        lower = word.lower()
        if word.islower() and (lower in _SPLITTING_AUXILIARIES or lower in IRREGULAR_PAST or _regular_past(lower)):
            return True
    return False


_NEW_SUBJECT = re.compile(r",\s+and\s+(?:another|others|the other|one|some|[A-Z][\w'\u2019-]*)(?:\s+\w+)?,")


def _passive_auxiliary(tokens: list[re.Match[str]], verb: int) -> str:
    """ "was" in "was elected", "has been" in "has been charged"; "" for an active verb."""
    auxiliary = [tokens[verb].group()]
    following = verb + 1
    if following < len(tokens) and tokens[following].group().lower() == "been":
        auxiliary.append("been")
        following += 1
    elif auxiliary[0].lower() not in ("was", "were", "is", "are"):
        return ""
    following = _after_adverbs(tokens, following)
    participle = tokens[following].group().lower() if following < len(tokens) else ""
    return " ".join(auxiliary) if _regular_past(participle) or participle in _IRREGULAR_PARTICIPLES else ""


def _passive_participle(tokens: list[re.Match[str]], at: int) -> bool:
    """A participle with no object after it, of a verb that can be passive: "admitted to the
    Academy", "chartered by Worldwide Diving", but not "served half his sentence" or "died in
    hospital"."""
    word = tokens[at].group()
    lower = word.lower()
    after = tokens[at + 1].group().lower() if at + 1 < len(tokens) else ""
    return (
        word.islower()
        and (_regular_past(lower) or lower in _IRREGULAR_PARTICIPLES)
        and lower not in _ACTIVE_ONLY
        and after in _PASSIVE_COMPLEMENT
    )


_PASSIVE_COMPLEMENT = frozenset({"to", "by", "in", "into", "at", "as", "from", "for", "with", "on", "under"})
# Verbs that are active after "and" even when the first was passive: "was shot and died in hospital",
# "was arrested and confessed to", "was elected and served in".
_ACTIVE_ONLY = frozenset(
    {"died", "fled", "escaped", "survived", "resigned", "retired", "recovered", "returned", "arrived", "confessed",
     "apologized", "apologised", "appeared", "collapsed", "disappeared", "remained", "stayed", "worked", "lived",
     "served", "studied", "graduated", "moved", "travelled", "traveled", "testified", "pleaded", "agreed"}
)  # fmt: skip
_IRREGULAR_PARTICIPLES = frozenset(
    {"born", "taken", "given", "shown", "known", "held", "shot", "hit", "hurt", "built", "sent", "sold", "told",
     "found", "made", "seen", "brought", "caught", "chosen", "driven", "thrown", "beaten", "bitten", "struck"}
)  # fmt: skip


def _after_a_reduced_relative(tokens: list[re.Match[str]], verb: int, separator_at: int) -> bool:
    """A participle after a comma and before the "and" opens a clause about the noun before it."""
    return any(
        tokens[i].group() == ","
        and _regular_past(tokens[i + 1].group().lower())
        and tokens[i + 2].group().lower() in ("to", "by")
        for i in range(verb + 1, separator_at - 2)
    )


def _new_subject_before(text: str, tokens: list[re.Match[str]], verb: int, separator_at: int) -> bool:
    """Whether ", and another," opens a new subject, described between commas, before the separator."""
    return _NEW_SUBJECT.search(text, tokens[verb].end(), tokens[separator_at].end()) is not None


def _inside_a_participle_clause(tokens: list[re.Match[str]], verb: int, separator_at: int) -> bool:
    """Whether a clause opened by ", <participle>" with its own subject and verb ("meaning
    scientists used ...") comes between the verb and the separator."""
    for index in range(verb + 1, separator_at - 2):
        if tokens[index].group() == "," and tokens[index + 1].group().lower().endswith("ing"):
            return any(_is_finite(t.group()) for t in tokens[index + 3 : separator_at])
    return False


_SUBJECT_ADVERBS = frozenset(
    {"also", "once", "still", "already", "never", "now", "just", "even", "then", "later", "previously",
     "recently", "initially", "originally", "subsequently", "eventually", "reportedly", "allegedly", "soon"}
)  # fmt: skip
_SHORT_PAST = frozenset({"used", "owed", "sued", "tied", "died", "lied", "eyed"})


def _is_finite(word: str) -> bool:
    lower = word.lower()
    return word.islower() and (
        lower in _SPLITTING_AUXILIARIES or lower in IRREGULAR_PAST or lower in _SHORT_PAST or _regular_past(lower)
    )


def _verb_inside_that_clause(tokens: list[re.Match[str]], verb: int, separator_at: int, separator: str) -> bool:
    """Whether the verb after `separator_at` belongs to a "that" clause rather than to the subject:
    a relative "that" ("the outbreak that had infected ... and killed ..."), or a comma closing the
    subject of a "that" clause ("optimistic that the telescope and the programme, could reveal").
    "found that A, and found B" and "said that A but denied B" stay two actions."""
    that = next((i for i in range(verb + 1, separator_at) if tokens[i].group().lower() == "that"), None)
    if that is None:
        return False
    main_verb_ends = verb + (2 if tokens[verb].group().lower() in AUXILIARIES else 1)
    return separator == "," or that > main_verb_ends


def _closes_an_example(tokens: list[re.Match[str]], verb: int, comma: int) -> bool:
    """Whether the comma at `comma` ends an aside that opened with a comma and "including"."""
    for index in range(comma - 1, verb, -1):
        if tokens[index].group() == ",":
            return tokens[index + 1].group().lower() in ("including", "especially", "notably", "particularly")
    return False


def _in_a_list_of_things(text: str, tokens: list[re.Match[str]], verb: int, comma: int) -> bool:
    """Whether the comma at `comma`, before an "and", ends a list of three or more things after
    the verb ("A, B, C, and D", no item starting with a verb). With one comma before it, ", and"
    more often closes an aside ("killed three, including a woman, and injured sixteen")."""
    if tokens[comma].group() != ",":
        return False
    commas = [i for i in range(verb + 1, comma) if tokens[i].group() == ","]
    return len(commas) >= 2 and not any(_starts_with_verb(text[tokens[i + 1].start() :]) for i in commas)


def _verb_ends_an_adverbial(text: str, tokens: list[re.Match[str]], start: int, verb: int) -> bool:
    """ "In findings published ...", "After Hunter retreated ...": the "verb" follows a preposition
    and its object, so it belongs to the opening phrase and no subject precedes it. "In 2018
    Hungary licensed ..." and "On Saturday they arrested ..." do have one."""
    opener = tokens[start]
    if opener.group().lower() not in _PREPOSITIONS or "," in text[opener.start() : tokens[verb].start()]:
        return False
    distance = verb - start
    determiner = tokens[start + 1].group().lower() in _DETERMINERS
    # "In a video message posted to Twitter, Warren ...": a participle ends the phrase before the comma
    described = distance == 4 and determiner and "," in text[tokens[verb].end() : tokens[verb].end() + 40]
    return distance <= 2 or (distance == 3 and determiner) or described


def _tokens(text: str) -> list[re.Match[str]]:
    return list(_TOKEN.finditer(text))


def _regular_past(lower: str) -> bool:
    return lower.endswith("ed") and len(lower) > 4 and lower not in NOT_PAST_IN_ED


def _verb_index(tokens: list[re.Match[str]]) -> int | None:
    """Index of the first finite verb (after at least one subject word), or None."""
    for index, token in enumerate(tokens[: _verb_reach(tokens)]):
        word = token.group()
        lower = word.lower()
        if index == 0 or word in (",", ";", ":"):
            continue
        previous = tokens[index - 1].group()
        if previous.lower() in _DETERMINERS:
            continue
        # Capitalised inside a sentence, it is a name: "In May, a study was published".
        if word.islower() and (lower in _SPLITTING_AUXILIARIES or lower in IRREGULAR_PAST):
            return index
        if word.islower() and _regular_past(lower):
            return index
        # "Russia shares ...", but "In this work" is no verb
        plural_verb = lower.endswith("s") and not lower.endswith("ss") and lower not in STOPWORDS
        following = tokens[index + 1].group() if index + 1 < len(tokens) else ""
        possessive = previous.endswith(("'s", "\u2019s"))  # "Zelensky's aides": a noun
        # "Some museums, the National Zoo, and ...": a quantifier capitalised to open the sentence
        quantifier = previous.lower() in STOPWORDS and previous.lower() not in _SUBJECT_PRONOUNS
        if (
            word.islower()
            and plural_verb
            and previous[0].isupper()
            and not possessive
            and not quantifier
            and not _is_finite(following)
        ):
            return index  # not "U.S. diplomats fled": a noun, with the verb after it
    return None


# How many words of a clause are looked at for its verb: a subject is seldom longer.
_SUBJECT_REACH = 12


def _verb_reach(tokens: list[re.Match[str]]) -> int:
    """Where the search for a verb stops: after `_SUBJECT_REACH` tokens, not counting those in brackets, which
    name or gloss a word of the subject ("A helicopter under contract to Pacific Gas and Electric (PG&E) on
    Tuesday struck")."""
    counted = depth = 0
    for index, token in enumerate(tokens):
        word = token.group()
        if word == "(":
            depth += 1
        elif word == ")":
            depth = max(0, depth - 1)
        elif not depth:
            counted += 1
            if counted > _SUBJECT_REACH:
                return index
    return len(tokens)


def states_an_event(text: str) -> bool:
    """Whether `text` has a past-tense or auxiliary verb: a gallery caption's present tense
    ("Violinist Brigit O'Regan performs", "501st Legion members") states nothing that happened."""
    return _has_finite_verb(text) or any(
        token.group().islower() and _regular_past(token.group()) for token in _tokens(text)
    )


def has_clause_verb(text: str) -> bool:
    """Whether `text` holds a verb that makes it a clause, not just a phrase."""
    return _has_finite_verb(text) or _verb_index(_tokens(text)) is not None


def opening_phrase(text: str) -> bool:
    """ "Per request of", "In the analysis of": a prepositional phrase opening the sentence, so a
    name ending it is followed by the main clause, not described."""
    first = text.split(maxsplit=1)[0].lower() if text.strip() else ""
    if "," in text or first not in (*_PREPOSITIONS, "per", "upon", "according"):
        return False
    return not has_clause_verb(text)  # "At least 52 deaths were ..."


def _has_finite_verb(text: str) -> bool:
    for token in _tokens(text):
        lower = token.group().lower()
        if lower in _SPLITTING_AUXILIARIES or lower in IRREGULAR_PAST:
            return True
    return False


def _is_head_of_relative(tokens: list[re.Match[str]], verb: int) -> bool:
    return any(t.group().lower() in ("which", "who", "that") for t in tokens[:verb])


def _subject_start(tokens: list[re.Match[str]], verb: int) -> int:
    """After the last comma before the verb: "On Monday, X did" has subject X. An age between
    commas describes the subject: "Zamperoni, 33, worked" has subject Zamperoni."""
    for index in range(verb - 1, -1, -1):
        if tokens[index].group() == ",":
            if _age_between(tokens, index, verb):
                return _subject_start(tokens, index)
            return index + 1
    return 0


def _apposed_name(tokens: list[re.Match[str]], after_comma: int) -> tuple[int, int] | None:
    """The name set between the two commas before `after_comma`, as (first token, last token)."""
    comma = after_comma - 1
    if comma < 2 or tokens[comma].group() != ",":
        return None
    opening = next((index for index in range(comma - 1, -1, -1) if tokens[index].group() == ","), None)
    if opening is None or not 1 <= comma - opening - 1 <= 4:
        return None
    name = tokens[opening + 1 : comma]
    if not all(token.group()[0].isupper() for token in name):
        return None
    return opening + 1, comma - 1


def _age_between(tokens: list[re.Match[str]], comma: int, verb: int) -> bool:
    """Whether an age sits between the comma at `comma` and the verb: "Zamperoni, 33, worked"
    (the number's own comma is part of its token)."""
    return comma + 2 == verb and re.fullmatch(r"\d{1,3},", tokens[comma + 1].group()) is not None


def _subject_span(text: str) -> Span | None:
    tokens = _tokens(text)
    verb = _verb_index(tokens)
    if verb is None:
        return None
    start = _subject_start(tokens, verb)
    if start >= verb:
        return None
    return tokens[start].start(), tokens[verb - 1].end()


def _starts_with_verb(text: str) -> bool:
    """ "vetoed ...", "publicly expressed ...": a verb, after any adverbs."""
    tokens = _tokens(text)
    while len(tokens) > 1 and tokens[0].group().islower() and _is_adverb(tokens[0].group()):
        tokens = tokens[1:]
    first = tokens[:1]
    if not first:
        return False
    word = first[0].group()
    lower = word.lower()
    return word.islower() and (
        lower in _SPLITTING_AUXILIARIES or lower in IRREGULAR_PAST or lower.endswith(("ed", "s"))
    )


def _after_adverbs(tokens: list[re.Match[str]], index: int, *, over_only: bool = True) -> int:
    """The first token from `index` on that is not an adverb (the last token at most)."""
    while (
        index < len(tokens) - 1 and _is_adverb(tokens[index].group()) and (over_only or tokens[index].group() != "only")
    ):
        index += 1
    return index


def _is_adverb(word: str) -> bool:
    """ "publicly", "then": words that can stand between "and" and a verb."""
    return word.isalpha() and (word.endswith("ly") or word in ("then", "later", "also"))


def _has_words(sentence: str, span: Span, minimum: int) -> bool:
    return len(re.findall(r"\w+", sentence[span[0] : span[1]])) >= minimum


def _trim(sentence: str, start: int, end: int) -> Span:
    """Shrink a span to exclude surrounding spaces and trailing punctuation."""
    while start < end and sentence[start] in " ,;":
        start += 1
    while end > start and sentence[end - 1] in " ,;.!":
        end -= 1
    return start, end
