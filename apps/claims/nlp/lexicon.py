"""Word lists the extractor's rules share. Lower-case unless the list is about capitalised words."""


def words(text: str) -> frozenset[str]:
    """A word list written as running text, so long lists stay readable."""
    return frozenset(text.split())


# Capital letters of the Latin alphabets as a regex class's body, so names such as "Łukasz", "Ömer" and
# "Émile" read as names.
CAPITALS = "A-ZÀ-ÖØ-Þ" + "".join(letter for letter in map(chr, range(0x100, 0x180)) if letter.isupper())


STOPWORDS = words(
    """a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each few
    for from further had has have having he her here hers herself him himself his how i if
    in into is it its itself just me more most my myself no nor not now of off on once only
    or other our ours ourselves out over own same she should so some such than that the
    their theirs them themselves then there these they this those through to too under until
    up very was we were what when where which while who whom why will with would you your
    yours yourself"""
)

AUXILIARIES = words(
    """am is are was were be been being have has had do does did will would shall should can
    could may might must"""
)

# Past forms that do not end in -ed; enough for news prose, where these carry most events.
IRREGULAR_PAST = words(
    """said told met held made took gave sent led went won lost began fell rose struck shot
    fought ran came saw found brought bought sold left kept paid put set spent thought
    became grew drew threw wrote broke chose hit hid beat bore caught fled flew forbade
    forgot froze got knew lay lit meant overtook quit read rode rang sat sang sank slew
    spoke stood stole swore swept swam taught tore understood upheld withdrew won wound built
    rebuilt sought heard felt dealt laid wept"""
)

# Words ending in -ed that are not past forms: "eat algae and seaweed off the corals".
NOT_PAST_IN_ED = words(
    """seaweed hundred hundreds hatred kindred sacred naked wicked rugged ragged jagged crooked
    indeed proceed succeed exceed speed breed greed steed"""
)

# Verbs that make a statement an event or action a reviewer can check against records.
EVENT_VERBS = words(
    """veto vetoed vetoes vote voted votes meet met meets meeting held hold holds sign signed
    signs announce announced announces approve approved approves reject rejected rejects
    pass passed passes impose imposed imposes resist resisted resists lobby lobbied lobbies
    appoint appointed elect elected elects kill killed kills attack attacked attacks arrest
    arrested launch launched launches sanction sanctioned invade invaded declare declared
    declares win won lose lost resign resigned fire fired ban banned bans sue sued charge
    charged convict convicted sentence sentenced release released withdraw withdrew deploy
    deployed adopt adopted ratify ratified agree agreed agrees collapse collapsed explode
    exploded evacuate evacuated rescue rescued close closed open opened raise raised cut
    cuts visit visited fled flee die died injure injured destroy destroyed seize seized
    capture captured protest protested strike struck bomb bombed shoot shot fund funded
    build built increase increased decrease decreased rise rose fall fell grow grew drop
    dropped appeal appealed talks propose proposed murder murdered assassinate assassinated
    execute executed arrive arrived travel traveled travelled enter entered return returned
    confess confessed accept accepted order ordered summon summoned found founded establish
    established investigate investigated conclude concluded acquit acquitted indict indicted
    jail jailed detain detained deport deported"""
)

SPEECH_VERBS = words(
    """said says say reported reports report told tells added adds stated states announced
    claimed claims noted notes wrote writes argued argues insisted insists warned warns
    confirmed confirms denied denies according explained explains acknowledged admitted
    suggested suggests estimated estimates saying expressed"""
)

# Pronouns and stand-ins that point back at a source named earlier in the article.
# Relatives, who are named by a first name ("his daughter Gianna"), speak for someone ("According to
# his wife, Amanda,") and have their age given between commas ("Another brother, 22,").
RELATIVES = ("daughter", "son", "wife", "husband", "mother", "father", "brother", "sister", "widow", "widower")

SOURCE_ANAPHORA = frozenset(
    [
        "it",
        "he",
        "she",
        "they",
        "him",
        "her",
        "them",
        "the report",
        "the newspaper",
        "the paper",
        "the daily",
        "the agency",
        "the statement",
        "the broadcaster",
    ]
)

# Topics public claims are made about; ClaimBuster found them typical of check-worthy sentences.
POLICY_WORDS = words(
    """government governments war wars violence weapons weapon arsenal army troops military
    militants rebels sanctions sanction treaty law laws bill tax taxes budget deficit debt
    economy economic jobs unemployment inflation election elections vote votes poll
    president minister parliament congress court police prison crime crimes health hospital
    hospitals vaccine virus disease deaths dead killed casualties refugees migrants border
    climate emissions energy oil gas nuclear resolution resolutions ceasefire attack attacks
    bomb bombing protest protests uprising regime coup corruption spending salary wages
    prices"""
)

HEDGES = words(
    """likely unlikely probably possibly perhaps may might could would should must expect
    expected expects predict predicted predicts forecast forecasts will shall believe
    believes believed think thinks thought hope hopes feel feels seems seem appear appears"""
)

OPINION_WORDS = words(
    """great terrible wonderful awful disgrace disgraceful shameful best worst amazing horrible
    beautiful ridiculous absurd outrageous incredible fantastic bad good wrong right
    unacceptable important"""
)

CAUSAL_CUES = (
    "because",
    "due to",
    "as a result",
    "caused",
    "causes",
    "led to",
    "leads to",
    "resulted in",
    "results in",
    "blamed",
    "owing to",
    "thanks to",
    "triggered",
    "therefore",
)

COMPARISON_CUES = (
    "more than",
    "less than",
    "fewer than",
    "greater",
    "higher",
    "lower",
    "larger",
    "smaller",
    "compared with",
    "compared to",
    "than",
    "the largest",
    "the biggest",
    "the highest",
    "the lowest",
    "the most",
    "the least",
    "record",
)

# Sentences that only tell the reader someone could not be reached: never a claim.
NO_COMMENT_PATTERNS = (
    r"\bnot (?:immediately )?available for comment\b",
    r"\b(?:declined|refused) to comment\b",
    r"\bcould not (?:immediately )?be reached\b",
    r"\bdid not (?:immediately )?respond to (?:a )?requests? for comment\b",
    r"\bno comment\b",
)

NUMBER_WORDS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "dozen": 12,
}

SCALE_WORDS = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
    "m": 1_000_000,
    "mn": 1_000_000,
    "bn": 1_000_000_000,
    "k": 1_000,
}

# Words between a number and its unit that say nothing about the unit ("two recent meetings").
QUANTITY_MODIFIERS = words(
    """recent new more other additional separate different major main key previous former
    consecutive straight successive further total estimated confirmed armed civilian unarmed
    innocent young old small large big senior top leading local foreign international
    national regional federal public private military political draft formal official"""
)

MONTHS = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}

WEEKDAYS = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}

# Given names that name one gender in English-language news, so "she" in the sentence after
# "... raped by Quirin" can skip "Antoine Quirin" for "Emily Spanton". Names given to both
# (Alex, Jordan, Jean, Andrea, Kim, Sam, Robin ...) are left out on purpose.
FEMALE_GIVEN_NAMES = words(
    """Abigail Ada Adriana Agnes Aisha Alexandra Alice Alicia Alison Amanda Amelia Amy Ana Anastasia
    Angela Angelina Anita Ann Anna Anne Annette Antonia Barbara Beatrice Betty Beverly Brenda Brigitte
    Carla Carmen Carol Caroline Catherine Cecilia Charlotte Cheryl Christina Christine Claire Claudia
    Cynthia Daniela Deborah Denise Diana Diane Donna Doris Dorothy Elena Elisabeth Elizabeth Ella Ellen
    Emily Emma Erin Eva Evelyn Fatima Fiona Frances Gabriela Giulia Gloria Grace Greta Hannah Heather
    Helen Helena Hillary Ilhan Ingrid Irene Isabel Isabella Jacqueline Jane Janet Janice Jennifer
    Jessica Jill Joan Joanna Josephine Joyce Judith Judy Julia Julie Karen Katarina Kate Katherine
    Kathleen Kathryn Katie Laura Lauren Linda Lisa Louise Lucia Lucy Lydia Magdalena Margaret Maria
    Marie Marina Marine Marion Martha Mary Megan Melania Melissa Michelle Mona Monica Nancy Natalia
    Natalie Nicole Nina Olga Olivia Pamela Patricia Paula Pauline Priya Rachel Rebecca Rita Rosa Rose
    Ruth Sabrina Samantha Sandra Sara Sarah Sharon Sheila Silvia Simone Sofia Sonia Sophia Sophie
    Stephanie Susan Suzanne Svetlana Tatiana Teresa Theresa Tracy Ursula Valentina Valerie Vanessa
    Victoria Virginia Wendy Yulia Zoe"""
)
MALE_GIVEN_NAMES = words(
    """Aaron Abdul Adam Adrian Ahmed Alan Albert Alberto Alejandro Alexander Alexei Ali Andrew Andrei
    Andreas Angelo Anthony Antoine Antonio Arthur Barack Benjamin Bernard Bill Boris Brian Bruce
    Carl Carlos Charles Christian Christopher Colin Craig Daniel David Dennis Dmitry Donald Douglas
    Edward Emmanuel Eric Erik Fernando Francesco Francis Francisco Frank Fred Gary George Gerald Gregory
    Hans Harold Harry Henry Howard Hugh Hugo Ian Igor Ivan Jack Jacob James Jason Javier Jeffrey Jeremy Jerry
    Jim Joe John Jonathan Jorge Jose Joseph Joshua Juan Karl Keith Kenneth Kevin Klaus Larry Lawrence
    Luis Marc Marco Mark Martin Matthew Michael Miguel Mike Mohammed Muhammad Nicholas Nicolas Oliver
    Omar Oscar Pablo Patrick Paul Pedro Peter Philip Pierre Rafael Ralph Raymond Richard Robert Roger
    Ronald Roy Russell Ryan Scott Sebastian Sergei Sergey Stephen Steve Steven Thomas Timothy Todd Tom
    Tony Vladimir Walter Wayne William Xavier Yuri"""
)
GIVEN_NAMES = FEMALE_GIVEN_NAMES | MALE_GIVEN_NAMES
