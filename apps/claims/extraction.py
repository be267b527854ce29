"""Claim extraction: article body in, atomic check-worthy claims with spans and facts out.

Pure functions (no database) shared by the intake service, the editor services and the
`extract_claims` command. The pipeline, per sentence:

1. segment the body keeping exact offsets (`nlp.segment`, per paragraph);
2. drop what is never a claim (no-comment lines, bylines, dates, URLs, fragments);
3. find who the statement is attributed to ("..., Kommersant reported") and resolve stand-ins
   ("it said", "the report said") to the source named earlier;
4. split the sentence into atomic claims (`nlp.atomic`), each with its own spans;
5. keep the pieces the check-worthiness scorer rates at or above its threshold;
6. type each claim (kind + the cue words behind it) and attach structured facts;
7. merge duplicates inside the article into one claim with all their spans.
"""

import datetime as dt
import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from django.utils.translation import gettext

from apps.claims.checkworthiness import CHECK_WORTHY_THRESHOLD, score_sentences, too_short_to_claim
from apps.claims.models import ClaimKind
from apps.claims.nlp.atomic import has_clause_verb, opening_phrase, piece_text, split_atomic, states_an_event
from apps.claims.nlp.attribution import (
    AttributionFrame,
    day_made_known,
    find_attribution,
    group_subject,
    names_a_post,
    opens_with_when,
    regions,
    statement_issuer,
)
from apps.claims.nlp.dates import find_dates
from apps.claims.nlp.descriptions import bodies_by_acronym, kinded_bodies, name_the_described, titled_people
from apps.claims.nlp.entities import (
    NAME_SUFFIX,
    NATIONALITIES,
    ORGANISATIONS,
    OTHER_NAME_HEADS,
    OTHER_NAME_OPENERS,
    PLACES,
    TITLES,
    find_entities,
    type_bodies_named_in_one_word,
    type_initials_of_posts_and_things,
    type_initials_used_as_verbs,
    type_plants_named_alone,
    without_possessive,
)
from apps.claims.nlp.language import MIN_ENGLISH_SHARE, english_share, looks_english
from apps.claims.nlp.lexicon import (
    CAUSAL_CUES,
    COMPARISON_CUES,
    EVENT_VERBS,
    FEMALE_GIVEN_NAMES,
    GIVEN_NAMES,
    HEDGES,
    MALE_GIVEN_NAMES,
    MONTHS,
    NO_COMMENT_PATTERNS,
    OPINION_WORDS,
    SOURCE_ANAPHORA,
    STOPWORDS,
    WEEKDAYS,
    words,
)
from apps.claims.nlp.quantities import find_quantities, is_vague
from apps.claims.nlp.segment import TRANSLATION_MARKER, Sentence, split_sentences
from apps.core.exceptions import ApplicationError
from apps.core.languages import language_name_for_reader

# Units that make a number a statistic even when an event verb is present.
MEASURE_UNITS = words(
    """people persons civilians soldiers troops deaths dead casualties refugees percent USD EUR
    GBP RUB CNY JPY tonnes tons barrels kilometres kilometers miles hectares votes residents
    children women men workers jobs cases"""
)

_NO_COMMENT = re.compile("|".join(NO_COMMENT_PATTERNS), re.IGNORECASE)
# A label that opens a credit or a heading, not a word that opens a sentence: "Photo: AP" and "Sources:" are
# boilerplate, but "Photographs showed the aircraft ...", "Sources report ..." and "Related charges ..." state facts.
_BOILERPLATE = re.compile(
    r"^(?:(?:photo(?:graph)?s?|images?|credits?)\s*(?:credit\s*)?(?::|©|by\b|courtesy\b)|(?:sources?|related"
    r"(?:\s+(?:news|articles?|stories|links|coverage))?)\s*(?::|$)|original\s+url|share\s+this|follow\s+us|"
    r"read\s+more|copyright|©|all\s+rights\s+reserved|file:)"
    # a photo's caption and credit: "Keisha Lance Bottoms Image: Afdahe."
    r"|\bImage:",
    re.IGNORECASE,
)
# A byline names only its writers and their outlet ("By John Smith, Associated Press", "By [The Moscow Times](#)");
# "By law, all male residents must register" and "By Tuesday morning, the storm had dissipated" state facts.
_BYLINE = re.compile(r"By\s+(?:(?:[^\w\s]*[A-Z][^\s,]*|and|of|the|for|de|van|von|da|staff)[\s,]*){1,8}")
# How the article's reporting was done, which no reviewer checks: the interview's framing ("With Wikinews, Mohr
# discussed how his nomination came about", "Jorgensen answered some questions about her campaign from ...") and
# the reporter's requests ("... contacted Boeing in an effort to establish ...", "EFF is yet to respond to Wikinews
# queries").
_NEWSGATHERING = re.compile(
    r"\banswer(?:ed)?\s+(?:some|a\s+few|several|a\s+number\s+of)\s+questions\b"
    r"|^With\s+[^,]{2,80},\s+(?:[\w.'\u2019-]+\s+){1,3}(?:discuss(?:es|ed)|detail(?:s|ed)|talk(?:s|ed)\s+about)\b"
    r"|\b(?:contacted|reached\s+out\s+to|approached|caught\s+up\s+with|spoke\s+(?:to|with)|discussed\b[^.;]{0,60}?\bwith"
    r"|interviewed|emailed|wrote\s+to)\b[^.;]{0,120}?\b(?:to\s+(?:find\s+out|learn|know)\s+more"
    r"|in\s+an\s+effort\s+to\s+(?:establish|clarify|confirm|learn|find\s+out)|seeking\s+to\s+(?:clarify|confirm|establish)"
    r"|seeking\s+comment|for\s+(?:a\s+)?comment)\b"
    r"|\b(?:is|are|was|were)\s+(?:also\s+|still\s+)?awaiting\s+(?:a\s+)?(?:responses?|repl(?:y|ies)|comment)\b"
    r"|\byet\s+to\s+respond\s+to\s+(?:[\w'\u2019.-]+\s+){0,2}(?:queries|questions|requests?|enquiries|inquiries|emails?)\b"
    # "... but as of today the board's press office did not respond": to the reporter; "did not respond to treatment"
    # goes on
    r"|\b(?:did|has|have)\s+not\s+(?:yet\s+)?(?:immediately\s+)?respond(?:ed)?\s*[.!]?\s*$"
    # what the article itself is: "This month's spotlight on the campaign trail includes interviews with the vice
    # presidential nominees of ...", "The purpose of this page is to demonstrate a mechanism whereby ...", "The
    # following is the third edition of a monthly series chronicling the 2020 United States presidential election."
    r"|^The\s+following\s+(?:is|are)\s+(?:the|a|an)\s+[^.;]{0,60}?"
    r"\b(?:edition|instal(?:l)?ments?|part|series|interviews?|transcripts?|excerpts?)\b"
    r"|^This\s+(?:month|week|year|issue|edition)['\u2019]s\s+[^.;]{0,60}?\b(?:includes?|features?)\s+"
    r"(?:an?\s+)?(?:exclusive\s+)?interviews?\b"
    r"|^The\s+(?:purpose|aim|goal)\s+of\s+this\s+(?:page|article|interview|report)\s+is\b"
)
# What the outlet that published the article did to report it, which no reviewer checks: where its reporters went,
# as in "Wikinews attended the Texas Haunters Convention" or "Wikinews was on the scene around 6:20 pm"; whom they
# asked, as in "Wikinews also reached out to Philipp Hagemeister"; and who spoke to them, as in "Cohen spoke to
# Wikinews back in June". Not what someone told it ("Smith told Wikinews this might happen in cases of illegal
# fishing") nor what it found out ("Wikinews confirmed with UpGuard that the two incidents involved two buckets").
_OUTLET_AS_REPORTER = (
    # the outlet as the subject, not inside a clause ("when Wikinews visited, Grivik was demonstrating ...") nor as
    # an object ("Some of the protesters Wikinews interviewed said ...")
    r"(?<![a-z] )\b{outlet}(?:\s+(?:accredited\s+|staff\s+)?(?:reporters?|correspondents?|journalists?|writers?)"
    r"(?:\s+[A-Z][\w.'\u2019-]*){{0,3}})?\s+(?:(?:also|then|later|previously|recently|first|has|had|have)\s+){{0,2}}"
    r"(?:attended|visited|went\s+to|reached\s+out|contacted|asked|sought|interviewed|emailed|met\s+with"
    r"|spoke\s+(?:to|with)|talked\s+(?:to|with)|discussed|caught\s+up|(?:was|were)\s+(?:on|at)\s+the\s+scene)\b"
    r"|\b(?:spoke|speaks|talked|talks|sat\s+down)\s+(?:(?:exclusively|briefly)\s+)?(?:to|with)\s+{outlet}\b"
    r"(?!\s*(?:that|,?\s*[\"\u201c]))"
    r"|\bdiscuss(?:ed|es)\b[^.;\"\u201c]{{0,80}}?\bwith\s+{outlet}\b"
)


@functools.lru_cache(maxsize=64)
def _outlet_reporting(outlet: str) -> re.Pattern[str]:
    return re.compile(_OUTLET_AS_REPORTER.format(outlet=re.escape(outlet)))


# An apposition that says which part someone or something plays in this story ("wrote Cattelan, the artist, in an
# e-mail", "delivered in Tehran, the capital"): "Cattelan is the artist." means nothing once it stands alone, unlike
# what tells who they are ("Cordeiro is the regional president", "Telegram is a messaging app").
_ROLE_IN_THIS_STORY = re.compile(r"[^,;:]{1,80}? (?:is|was|are|were) the [a-z]+\.")
# A call to action to the reader ("If you are looking for recent news stories, please visit our Main Page"), not
# anyone's words in quotation marks ('asked people to "please pray for the repose of his soul"')
_CALL_TO_ACTION = re.compile(
    r"\b[Pp]lease\s+(?:visit|see|contact|call|click|read|share|follow|subscribe|sign|donate|email|write|send|join)\b"
)
_CALENDAR = re.compile(r"\b(?:" + "|".join([*MONTHS, *WEEKDAYS]) + r")\b\.?|\d+(?:st|nd|rd|th)?", re.IGNORECASE)
_LEADING_PERSONAL_PRONOUN = re.compile(r"(?P<pronoun>He|She|His|Her)\s")
# "His trial has been scheduled": the person a possessive stands for is the one its personal pronoun would
_PERSONAL_OF_POSSESSIVE = {"His": "He", "Her": "She"}
# 'Goel said, "He was an excellent politician ..."': a quotation that speaks of him or her is about someone else
_THIRD_PERSON = {"He": re.compile(r"\b(?:he|him|his)\b", re.I), "She": re.compile(r"\b(?:she|her|hers)\b", re.I)}
# "In between, she testified", "Later, he shared": the subject after a short opening phrase
_OPENING_THEN_PRONOUN = re.compile(r"(?P<opening>[A-Z][^,;:\"“”]{1,40}),\s+(?P<pronoun>he|she)\s")
# "Here he collaborated with Fela Kuti": an adverb, no comma
_ADVERB_THEN_PRONOUN = re.compile(
    r"(?P<opening>Here|There|Then|Now|Later|Soon|Still|Afterwards|Subsequently|Eventually|Finally|Meanwhile)"
    r"\s+(?P<pronoun>he|she)\s"
)
_TIME_OPENING = re.compile(
    r"(?:later|afterwards|then|meanwhile|previously|earlier|subsequently|eventually|finally|initially|in between)",
    re.IGNORECASE,
)
_LEADING_PRONOUN_OR_POSSESSIVE = re.compile(r"(?:He|She|His|Her)\s")
_NAME_LIKE_A_CUE = re.compile(r"\b(?P<particle>bin|ibn|Bin|Ibn|Al|al|Abu|Sultan)\s+Said\b")
_WHOLE_QUOTATION = re.compile(r"[\"“][^\"“”]+[\"”]\s*[.!?]?")
# "in a statement", "issued a joint statement": a statement the article mentions for the first time
_NEW_STATEMENT = re.compile(r"\b[Aa]n?\s+(?:[a-z-]+\s+){0,2}statement\b")
_MAX_CAPTION_WORDS = 15
# Verbs that report words in a frame but have other senses too: "The firm estimated its losses", "believed in".
_AMBIGUOUS_CUES = frozenset({"estimated", "estimates", "believes", "believed"})
# A claim is one only where a statement follows ("claimed he was wrongfully imprisoned", not "claimed 3000 lives"),
# which find_attribution checks.
_CLAIM_CUES = frozenset({"claimed", "claims", "claim"})
_CONTRAST_AFTER_GAP = re.compile(r"\s*(?:but|however|while|whereas|yet|although|though)\b")
# "... specified no cause, but, according to his agent, Hunter had undergone surgery": the frame opens the contrast
_CONTRAST_BEFORE_GAP = re.compile(r",?\s+(?:but|however|while|whereas|yet|although|though)\s*$")
_DESCRIBED_SUBJECT = re.compile(r"(?P<subject>.{2,80}?) (?:is|was|are|were) ")
_FEMALE_TITLES = "Queen|Princess|Lady|Mrs|Ms|Miss|Dame|Duchess|Empress|Madam"
_MALE_TITLES = "King|Prince|Lord|Mr|Sir|Duke|Emperor"
# Someone unnamed who opens a sentence as its subject: "One of the victims decided ...", "A woman told ..."
_ONE_UNNAMED_PERSON = re.compile(
    r"One\s+of\s+(?:the|his|her|their|its)\s+(?:[a-z][\w-]*\s+){0,2}(?:[a-z][\w-]*s|children|people|men|women)\b"
    r"|(?:A|An)\s+(?:[a-z][\w-]*\s+){0,2}(?:woman|man|girl|boy|person|victim|witness|survivor|resident)\b"
)
# "after one of their daughters, aged 17, escaped": one relative, unnamed, inside the sentence
_ONE_RELATIVE_INSIDE = re.compile(
    r"\bone\s+of\s+(?:the|his|her|their)\s+(?P<relatives>daughters|sons|sisters|brothers|girls|boys|women|men)\b"
)
_DAUGHTERS = frozenset({"daughters", "sisters", "girls", "women"})
_SONS = frozenset({"sons", "brothers", "boys", "men"})
_URL = re.compile(r"https?://\S+|www\.\S+")
_PREDICTION = re.compile(
    r"\b(?:will|shall|would likely|is likely|are likely|"
    # "Humberto was expected to pass by Bermuda", "winds are predicted to reach 75 mph", "is reportedly expected to"
    r"(?:is|are|was|were)\s+(?:(?:reportedly|widely|now|still|also|initially)\s+)?(?:expected|predicted|forecast)\s+to|"
    r"predicts?|forecasts?|is set to|are set to)\b",
    re.IGNORECASE,
)

# A statement reported in the past: what follows it ("announced she will comply", "has
# indicated the trial could commence") is someone's stated plan or view, and that it was
# stated is the checkable fact. Forecasts ("predicted", "forecast") stay predictions.
_REPORTING_VERB = re.compile(
    r"\b(?:said|says|say|told|announced|confirmed|promised|pledged|vowed|indicated|mentioned|stated|"
    r"declared|claimed|claiming|warned|noted|added|insisted|argued|arguing|remarked|responding|"
    r"replied|advised|agreed|believed|thought|feared|hoped|"
    # "Some scientists believe the first fliers were ...": a view others hold, not the writer's ("I believe" is)
    r"(?=believ)(?<!\bI\s)(?<!\bwe\s)(?<!\byou\s)believes?|"
    # "The United Nations called the crisis the worst in the world": that it was called so is the fact
    r"called|calling|described|describing|labell?ed|termed)\b",
    re.IGNORECASE,
)
# Evaluative words that are not the writer's verdict here: a compound ("best-selling",
# "great-great granddaughter"), a noun ("the right to employment"), a species ("great white"),
# or a compared likelihood ("less likely to own guns"), which is a finding, not a forecast.
_NOT_AN_OPINION = re.compile(
    r"\b\w+-(?:great|best|worst|good|bad|right)\b|\b(?:great|best|worst|good|bad|right)-\w+"
    r"|\b(?:the|a|their|its|his|her|our|your)\s+right\s+(?:to|of)\b|\bgreat\s+whites?\b"
    r"|\b(?:more|less|most|least)\s+likely\b|\bto\s+predict(?:\s+likely\b)?"
    # "I should note that ...": a speaker's aside, not what should happen
    r"|\bshould\s+(?:note|add|say|mention|point\s+out|stress|clarify|emphasi[sz]e)\b"
    # "likely" describing a noun ("the likely cause", "predict likely wave conditions") forecasts nothing
    r"|\b(?:the|a|an)\s+likely\b(?!\s+to\b)"
    # "would have to pass it": a requirement, like "must"; "(likely less than a kilometer)": a hedge on a measure
    r"|\bwould\s+have\s+to\b|\(likely\b"
    # "far from where the Navy's records initially predicted it would be", "than expected": a past forecast the fact is
    # measured against
    r"|\b(?:where|than|as)\s+(?:[\w'\u2019-]+\s+){0,4}?(?:(?:initially|originally|had|was|were)\s+)?"
    r"(?:predicted|forecast|expected)\b(?:\s+(?:it|they|he|she)\s+would(?:\s+be)?\b)?",
    re.IGNORECASE,
)
# "Although its winds are only predicted to reach 75 mph, the National Weather Service has issued a flash flood
# warning": what the opening concedes is background, and what the sentence claims comes after it
_CONCEDED_OPENING = re.compile(r"^(?:Although|Though|Even\s+though|While|Whereas)\b[^,;:\"\u201c]{3,200},\s+(?=\S)")
# "how often we got it right": a result, not a verdict (looked for only where "right" is)
_GOT_IT_RIGHT = re.compile(r"\b(?:got|get|gets|getting)\s+(?:it|this|that|things)\s+right\b", re.IGNORECASE)
# The month, not the hedge: "On the night of May 25, attendees could catch ..." (looked for only where "May" is)
_MAY_THE_MONTH = re.compile(
    r"\bMay\s+\d|\b\d{1,2}(?:st|nd|rd|th)?\s+May\b|\b(?:in|of|since|until|by|from|during|early|late|mid|last|next"
    r"|this|In|Of|Since|Until|By|From|During|Early|Late|Mid|Last|Next|This)[\s-]+May\b"
)
_QUOTATION = re.compile(r"[\"“][^\"”]*[\"”]")
# A quotation up to its closing mark, or to the claim's end when it is left open
_QUOTED_WORDS = re.compile(r"[\"“][^\"”]*(?:[\"”]|$)")
# A term in quotation marks, named or defined, not anyone's words: 'earned the name "jackass penguin"', 'nicknamed
# the "king of coal"', 'A "biosignature gas" is one that is produced by life'
_TERM_IN_QUOTATION_MARKS = re.compile(
    r"\b(?:name|named|nicknamed|dubbed|termed|so-called|known\s+as)\s+(?:(?:the|a|an)\s+)?[\"“][^\"”]{1,60}[\"”]"
    r"|^(?:A|An|The)\s+[\"“][^\"”]{1,60}[\"”](?=\s+(?:is|are|was|were|refers|means)\b)"
    # 'add the question, "Is this person a citizen of the United States?", to the census': a question as written
    r"|\bquestion,?\s+[\"“][^\"”]{1,100}\?[\"”]"
    # 'has been termed Brexit for "British exit"', 'short for "Coronavirus disease"': what a name stands for
    r"|\b(?:termed|named|called|dubbed|known\s+as)\s+[A-Z][\w-]*\s+(?:\(?short\s+)?for\s+[\"“][^\"”]{1,60}[\"”]"
    r"|\b(?:short|stands?|stood)\s+for\s+[\"“][^\"”]{1,60}[\"”]"
)
# A judgement in the judge's words, however short: 'Smith called the disappearance an "interesting" case', 'Trump
# called Stone's 40 month sentence "unjust."'; not a name, which follows the verb with no object between ('was
# commonly called "swine flu."', 'a pattern called a "glider"')
_NAMED_IN_SOMEONES_WORDS = re.compile(
    r"\b(?:called|calling|described|describing|denounced|labell?ed|branded)\s+(?!(?:the|a|an|as)\s+[\"“])"
    r"(?:[\w'\u2019-]+\s+){1,6}?(?:as\s+)?(?:an?\s+)?[\"“](?![A-Z][^\"”]*[\"”])"
)
# A duty under a rule, not a forecast: "Per the decree ..., priests and nuns are expected to notify ..."
_RULE_BEFORE_EXPECTED = re.compile(
    r"\b(?:Per|Under|By)\s+(?:the|a|this|its|their|his|her|new)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:decree|law|rules?|regulations?|guidelines?|policy|code|constitution|ordinance|directive)\b"
    r"[^.;]*?\b(?:is|are)\s+expected\s+to\b"
    # "Though Catholic nuns and priests are expected to report the incident ..., the decree did not mandate ...": a
    # duty the sentence names a rule for after it
    r"|\b(?:is|are)\s+expected\s+to\s+(?=(?:report|notify|inform|comply|follow|obey|wear|submit|register|declare"
    r"|disclose|abide|observe|refrain)\b[^.;]*?\b(?:decree|law|rules?|regulations?|guidelines?|policy|ordinance"
    r"|directive)\b)"
)
# A habit, not a forecast: "In some cases, they will even attack and kill chicks"
_HABITUAL_WILL = re.compile(
    r"\b(?:In\s+some\s+(?:cases|instances)|[Ss]ometimes|[Oo]ccasionally|[Uu]sually|[Tt]ypically),?\s+(?:\w+\s+){1,3}?"
    r"will\b(?!\s+(?:be|have)\b)"
)
# Past forms that make a claim an event ("Trump granted Kerik a pardon", "was sworn in as governor", "crossed the
# English Channel", "Trump sent officers to Portland", "Johnson became leader", "The pipe burst", "The crash took
# place on a bendy road", "Terry Melcher predeceased her in 2004", "The franchise expired on Monday", "Avenatti pled
# not guilty", "The House impeached President Trump", "a new allegation surfaced", "Bolton previously served as the
# US ambassador", "Wiranto survived the attack", "tributes were paid by world leaders", "The embassy declined the
# request", "Protests and riots continued across the nation", "Sacoolas subsequently left the UK", "The two parents
# phoned 911", "Singapore and Hong Kong have intensified screening", "The Court of Appeals vacated his conviction",
# "The decision was challenged in court", "Patel converted to Catholicism in 1993", "Russia and China have blocked
# action against Damascus", "Barr and Ross, however, refused to hand over the documents", "Stevens studied law at
# Northwestern University"); kept out of EVENT_VERBS, whose words also weigh a sentence's check-worthiness. Only past
# forms: "make", "take" and "start" name habits and plans as often as what happened. "poisoned" was tried and
# dropped: what was alleged ("associates have alleged Navalny was poisoned") is no event.
_KIND_EVENT_VERBS = EVENT_VERBS | words(
    """granted pardoned sworn crossed alerted ended tweeted sent offered pledged secured instituted sponsored burst
    took began begun started became joined reached formed received issued filed nominated chose chosen decided
    retired suspended removed ruled published posted completed defeated awarded introduced unveiled occurred
    happened hospitalised hospitalized crashed landed postponed cancelled canceled stepped expelled dismissed
    ousted born invited broke discovered departed graduated collided overturned halted redirected targeted opted
    hosted performed tested shut resumed damaged stormed recovered surfaced expired predeceased pleaded pled debuted
    attended airlifted impeached inducted recaptured relinquished adjourned vanished disintegrated retreated waived
    delivered attained presented replaced restored carried avoided flew survived served paid questioned apologized
    apologised reunited declined continued left phoned deleted intensified lowered vacated challenged converted
    blocked refused studied"""
)
# What happened told by a light verb and its noun, whose verb alone names no event: "Kimura made her professional
# wrestling debut", "Dorian made its initial landfall", "De Blasio made the announcement live on television",
# "Cummings went on to start his own law practice", "an IT worker went on a stabbing spree", "The senator scheduled
# a town hall", "The administration finally gave up on July 11", "Conley also gave a single dose of the experimental
# drug" (not "The coordinates it gave differed"), and a time that saw something: "Monday saw armed police
# searching a second apartment block", "This week saw a referendum", "The following election in 2013 saw a
# substantial victory for Mugabe"; not "The spray is made of polymers", "Second place went to Ababel Yeshaneh" nor
# "is scheduled for".
_EVENT_PHRASE = re.compile(
    r"\b(?P<verb>made(?=\s+(?:(?:his|her|its|their|the|an?)\s+)?(?:[a-z-]+\s+){0,2}?"
    r"(?:announcements?|debut|landfall|appearances?)\b)"
    r"|went(?=\s+on\s+(?:to|a|an)\s)|scheduled(?=\s+(?:a|an|his|her|their|its)\s)"
    r"|gave(?=\s+(?:up|in|way|birth|(?:a|an|the|his|her|their|its)\s)))"
    rf"|\b(?:day|week|weekend|month|year|night|morning|afternoon|evening|{'|'.join(WEEKDAYS).lower()}|\d{{4}})"
    r"\s+(?:also\s+)?(?P<seen>saw)\b"
)
# What may, must or is to happen, and what happens as a rule, has not happened: "It must be signed by the
# President", "an official can be removed from office", "ZMapp and remdesivir are to be retired", "The winners are
# awarded free tuition", "in which it is suspended"; nor has the participle that describes a noun after a determiner
# ("the chosen running mate"). The verb after them is no event's cue. An active infinitive often follows what did
# happen ("Nevada opted not to hold a caucus", "instructed security agencies to investigate") and is left alone.
_NOT_HAPPENED = re.compile(
    r"(?:\b(?:can|cannot|could|may|might|must|should|would|will|shall)\s+"
    r"(?:(?:not|also|still|first|only|never|[a-z]+ly)\s+)?(?:(?:be|have\s+been|have\s+to\s+be|have\s+to|get)\s+)?"
    r"|\bto\s+(?:be|have\s+been)\s+)(?:[a-z]+ly\s+)?(?P<modal>[a-z]+)\b"
    # "If elected, Harris would be ...", "If passed ..., this would limit ...": a condition ("when convicted" and
    # "once jailed" tell of what did happen)
    r"|\b(?:if|unless)\s+(?P<condition>[a-z]+(?:ed|en))\b"
    # "If Trump were removed, the Senate could disqualify him": a condition with its subject
    r"|\b(?:if|unless)\s+(?:[a-z'-]+\s+){1,4}?(?:were|was|is|are|gets?|got)\s+(?:[a-z]+ly\s+)?(?P<supposed>[a-z]+)\b"
    # "Patel discussed how he became the nominee", "de Graaf discusses why he joined the party": what a conversation
    # was about
    r"|\bdiscuss(?:es|ed|ing)?\s+(?P<topic>(?:why|how|what|whether|when)\b[^,;:]*)"
    # "unlike people born in the fifty states, American Samoans do not ...": a class of people, not a birth
    r"|\b(?:people|persons|those|anyone|children|citizens)\s+(?P<described>born)\b"
    # "Pelosi ordered the Capitol's flags be lowered", "requested monarch butterflies be given protections": what was
    # ordered or asked for, in the subjunctive, has not happened yet (the order itself did)
    r"|\b(?:ordered|demanded|requested|asked|insisted|recommended|urged|proposed)\s+(?:that\s+)?"
    r"(?:[a-z'\u2019-]+\s+){1,5}?be\s+(?:[a-z]+ly\s+)?(?P<mandated>[a-z]+)\b"
    # "as suppliers try to meet demand", "The Democratic Party planned to hold its convention online", "Ohio was
    # scheduled to hold a primary": what was tried, planned or set to happen ("Nevada opted not to hold a caucus" and
    # "ordered the troops to withdraw" keep the verb before "to")
    r"|\b(?:try|tries|tried|trying|attempt(?:s|ed|ing)?|plan|plans|planned|planning|scheduled|hope|hopes|hoped|hoping"
    r"|want|wants|wanted|intend|intends|intended|aim|aims|aimed|seek|seeks|sought|able|unable|ready|set|due"
    r"|customary|going|preparing|prepared)\s+to\s+(?P<intended>[a-z]+)\b"
    # "two treatments, both presented as suitable for spraying onto ceramics": how a thing is shown, unlike "The
    # inventor presented the device at the parade"
    r"|\b(?P<portrayed>presented)(?=\s+as\b)"
    # "Cause of death was not announced", "The toilet has not been recovered", "Warren did not win the primary":
    # what has not happened ("not only" adds to what did, and "not to" leaves the verb before it)
    r"|(?:\bnot|\bnever|n't)\s+(?:(?:yet|been|be|being|get|got|(?!only\b)[a-z]+ly)\s+){0,3}(?P<negated>[a-z]+)\b"
    r"|\b(?:is|are)\s+(?:not\s+)?(?:[a-z]+ly\s+)?(?P<rule>[a-z]+)\b"
    r"|\b(?:a|an|the|its|his|her|their|our)\s+(?P<adjective>[a-z]+(?:ed|en))\b"
    r"(?=\s+(?!(?:by|that|to|on|in|at|for|from|with|as|after|before|into|during|and|or|off|out|up|down|over|of)\b)"
    r"[a-z])"
)
# Words that read as event verbs but are not verbs here: "open source software", "sailed very close to", "The power
# plant was close to the quake's epicenter", "the right to employment, paid vacation", "Red Hat's paid operating
# system", "as the month came to a close", "his side's close loss", "It is a "sign" of life", "another warning sign",
# "the left wing of the party", "a left-wing group", "The front-left section", and what was left behind rather than
# someone leaving ("with debts left behind after the death of her third husband", "the destruction left in its wake")
_NOT_AN_EVENT_VERB = re.compile(
    r"\bopen(?=[\s-]+source\b)"
    r"|(?:\b(?:a|an|the|his|her|its|their|our|this|that)|['\u2019]s)\s+(?:close|[\"\u201c]?sign)\b"
    r"|\b(?:warning|parking|road|stop|street|traffic)\s+sign\b"
    r"|\b(?:the|far|centre|center|radical|hard)\s+left\b|\bleft(?=\s+(?:wing|hand|side|leg|arm|eye|foot)\b)"
    r"|-left\b|\bleft-|\bleft(?=\s+(?:behind|over|in\s+(?:its|their|his|her|the)\s+wake)\b)"
    r"|\bpaid(?=\s+(?:[a-z]+\s+)?(?:vacations?|leave|holidays?|time\s+off|subscriptions?|versions?|software"
    r"|operating\s+system)\b)"
    r"|\b(?:very|so|too|quite|relatively|dangerously|extremely|fairly|really)\s+close\b"
    r"|\b(?:was|were|be|been|being|remains?|remained|stays?|stayed|lies|lay)\s+close(?=\s+to\b)"
)
_NOUN_OR_ADJECTIVE_CUES = frozenset({"open", "close", "paid", "sign", "left"})
# "Some reports suggest a deliberate criminal act", "Early reports suggested ...", "A report alleged ...": what
# unnamed reports say is reported, not stated as fact, though no one is named to attribute it to
_UNNAMED_REPORTS = re.compile(
    r"(?:^|,\s+)(?:(?:a|the|some|early|initial|first|unconfirmed|conflicting|local|media|news|press|later|latest|"
    r"preliminary|other|several|many|multiple)\s+){0,2}reports?\s+(?:citing\s[^,.;]{1,60}?\s)?(?:(?:have|has|had)\s+)?"
    r"(?P<verb>suggest(?:s|ed)?|indicat(?:e|es|ed)|alleg(?:e|es|ed)|claim(?:s|ed)?|say|says|said|stat(?:e|es|ed)"
    r"|show(?:s|ed)?|named)\b"
)
# "Out of a total of, say, 6900": an example; "to have a say in", "the Senate had no say in his confirmation": a
# voice. Neither quotes anyone, unlike "Some say flight grew up from the ground" or "Vanderbilt would later say her
# union ... was her only happy marriage".
_SAY_QUOTING_NOBODY = re.compile(r",\s*say\s*,|\b(?:a|no|any)\s+say\b")
# "The researchers also found in 36 states most of the people who died were affected ...", "They found the highest
# oxygen concentrations occur when ...", "Preliminary investigations suggest a new feature ... was forcing the nose
# down": what a study or an inquiry found is its finding, reported as a statement is, though the attribution frame
# names no source; not "A search of the van found a weapon", "Baker found early success", "As its name suggests",
# nor a history of finds ("This was not the first time scientists have found signs of water"); what an autopsy or a
# court determined is its finding too ("An autopsy determined the elephant was pregnant"), and so is what studies have
# shown ("Previous studies have shown that ... Arion slug glue is non-toxic"), though what a court
# found is its ruling ("the Supreme Court also found unconstitutional a 2005 law")
_FINDING = re.compile(
    r"\b(?:they|we|researchers|scientists|stud(?:y|ies)|team|authors|investigators|investigations?|inquiry|survey"
    r"|analysis|review|paper|results|data|et\s+al\.?|autopsy|coroner|inquest"
    r"|court(?=\s+(?:also\s+)?(?:determined|concluded)))\s+(?:also\s+)?(?:(?:have|has)\s+(?=shown\b))?"
    r"(?P<verb>found|find|finds|suggest|suggests|suggested|determined|concluded|(?<=have )shown|(?<=has )shown)\b"
)
# "They were found statistically less likely to commit suicide", "The eruption was found to be associated with an
# increase": a finding told in the passive; not what was found somewhere or in some state ("Ivan was found under
# rubble", "was found dismembered", "was found not-guilty")
_PASSIVE_FINDING = re.compile(r"\b(?:was|were|been)\s+(?P<verb>found)(?=\s+(?:[a-z]+ly\s+)?(?:to|more|less)\s)")
_REPORTED_MISSING = re.compile(r"\breported\s+missing\b")
# "No claims of responsibility were reported yesterday", "no evidence of Israeli involvement has been reported": what
# nobody reported quotes nobody
_NOTHING_REPORTED = re.compile(
    r"\bno\s+(?:[\w-]+\s+){1,5}?(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:yet\s+)?(?P<verb>reported)\b"
)
# "Reportedly, Trump and Bolton have been at odds", "Allegedly, Jong processed ...": what the sentence says is
# reported or alleged, as with unnamed reports
_REPORTEDLY_OPENING = re.compile(r"^(?P<verb>reportedly|allegedly)\b")
# "The rally was reportedly one of the biggest", "UpGuard reportedly sent an email", "Personnel reportedly had control
# of the blaze": "reportedly" before the verb of the sentence's own clause; not an aside after a comma ("Blankenship,
# reportedly nicknamed the ..."), a relative clause ("Lukasz, who reportedly works at ...") nor the hedge on a
# noun or a number after a verb: "cleared reportedly peaceful protesters", "burns over reportedly 85% of his body";
# what is reportedly expected or to be is left to the forecasts and plans ("is reportedly expected to launch next
# year" stays a prediction)
_REPORTEDLY_BEFORE_THE_VERB = re.compile(
    r"(?:^|[,;:(\u2014\u2013]\s*)(?:(?!(?:who|which|whose|that)\b)[^,;:(\u2014\u2013\s]+\s+)+?(?P<verb>reportedly)"
    r"(?!\s+(?:expected|set\s+to|due|scheduled|planned|to)\b)(?:"
    # after the verb "to be" or an auxiliary ("The rally was reportedly one of the biggest") or before a verb
    + "".join(rf"(?<=\b{verb} reportedly)|" for verb in ("was", "were", "is", "are", "has", "had", "have", "been"))
    + r"\s+(?:[a-z]+ly\s+)*(?:was|were|is|are|has|had|have|did|does|do|could|would|will|may|might|can|[a-z]+ed"
    r"|[a-z]+ing|sent|held|set|made|said|took|began|saw|won|told|left|went|struck|shot|cut|met|fled|built|rose|fell"
    r"|grew|lost|became|gave|spent|kept|paid|ran|broke|came|got|put|found|brought|bought|thought|knew|sold"
    r"|fought|believe)\b)"
)
# "after a reported fall at his home", "Reported cases also appeared in Thailand": a thing as reports give it,
# and nobody quoted, unlike "Penn State reported the invention"
_REPORTED_AS_AN_ADJECTIVE = re.compile(
    r"(?:\b(?:a|an|the|its|his|her|their|our)\s+|^)reported\b(?=\s+(?!(?:by|that|to|on|in)\b)[a-z])"
)
# "One of the stated goals of AfCFTA", "Johnson's stated intent", "For reasons further stated below": an aim as
# declared, or a place in the text, and nobody quoted
_STATED_AS_AN_ADJECTIVE = re.compile(
    r"(?P<owner>\b(?:the|its|his|her|their|our|[\w-]+['\u2019]s)\s+)stated\b(?=\s+[a-z])|\bstated\s+(?:below|above)\b"
)
# "reported extensively on the war": a journalist's coverage quotes nobody, unlike "CNN reported on a
# distress call" or "reported late on Tuesday that"; nor does "a fire was reported in the car park".
_NOT_A_DAY = rf"(?!(?:(?:{'|'.join(WEEKDAYS)}|{'|'.join(MONTHS)})\b|\d))"
_REPORTED_ON = re.compile(
    rf"\breported\s+(?!(?:early|late|only)\b)[a-z]+ly\s+(?:on|from)\s+{_NOT_A_DAY}"
    # "a fire was reported in", "No deaths were reported on the ground"; not "it was reported in The Times"
    # a word's length capped: unbounded, one long hyphenated token is read to its end from every hyphen
    rf"|(?P<subject>\b(?!(?:it|this|that|as|what)\b)[a-z][\w-]{{0,60}}\s+(?:was|were)\s+)"
    rf"reported\s+(?:in|at|near|on|inside|outside)\s+{_NOT_A_DAY}",
    re.IGNORECASE,
)
# A name the article introduces as a business or body ("US-based software company Red Hat") or as a
# work ("superhero film Black Panther", "talk show Morning Joe").
_BODY_NOUN = (
    r"company|firm|startup|start-up|manufacturer|airline|retailer|broadcaster|publisher|conglomerate|charity"
    r"|nonprofit|non-profit|organi[sz]ation|agency|website|platform|troupe|band|label|club|supplier|carmaker"
    r"|automaker|chipmaker|drugmaker|insurer|lender|chain|network|outlet|newspaper|magazine|tabloid|channel"
)
# A word of a name, no longer than any real one: an unbounded run would make a search over a long hyphenated
# or apostrophised token ("A-A-A-...") read the rest of it from every capital, quadratic in its length.
_CAPITALISED_WORD = r"[A-Z][\w&'\u2019-]{0,60}"
_CAPITALISED_NAME = rf"{_CAPITALISED_WORD}(?:\s+{_CAPITALISED_WORD}){{0,3}}"
_WORK_NOUN = (
    r"film|movie|series|miniseries|programme|program|album|song|novel|documentary|musical|podcast|sitcom|book"
    r"|memoir|biography|(?:talk|TV|television|game|reality|news|radio)\s+show"
)
_WORK_TITLE = rf"{_CAPITALISED_WORD}(?:\s+(?:(?:and|of|the|for|a|an)\s+)?{_CAPITALISED_WORD}){{0,5}}"
_BODY_NOUNS = (
    r"companies|firms|startups|manufacturers|airlines|retailers|broadcasters|publishers|charities|agencies"
    r"|websites|platforms|bands|labels|clubs|suppliers|carmakers|automakers|insurers|lenders|chains|networks"
    r"|outlets|newspapers|magazines|channels"
)
# "MV Namse Bangdzod" ... "Namse Bangdzod is required to ...": a ship's name, with or without its prefix
# ("SS" and "MS" also abbreviate other things)
_SHIP_NAME = re.compile(rf"\b(?:MV|HMS|USS|RV|HMAS|HMCS|INS)\s+(?P<ship>{_CAPITALISED_NAME})")
_INTRODUCED_NAME = re.compile(
    # "victim group Ending Clergy Abuse", not "the group Donald Trump called ..."
    # "told the newspaper Obama had called": the name starts what was told
    rf"\b(?<!told\sthe\s)(?:(?P<organisation>{_BODY_NOUN}|(?<![Tt]his )(?<=[a-z]{{4}} )group)"
    rf"\s+(?P<name>{_CAPITALISED_NAME})"
    # "store chains Woolworths and Coles": two bodies
    rf"|(?P<organisations>{_BODY_NOUNS})\s+(?P<first>{_CAPITALISED_NAME})\s+and\s+(?P<second>{_CAPITALISED_NAME})"
    # "the tell-all book Too Much and Never Enough": a title may hold lowercase joining words
    rf"|(?:{_WORK_NOUN})\s+(?P<work>{_WORK_TITLE}))"
    # "UpGuard, a cybersecurity firm, ...": a description after the name that ends in what it is,
    # unlike "John Smith, a former company director" or "Jane Doe, a member of the group"
    rf"|\b(?P<described>{_CAPITALISED_NAME}),\s+(?:a|an)\s+(?:(?!of\b)[\w-]+\s+){{0,3}}?(?:{_BODY_NOUN}|group)"
    r"(?=[,.;]|\s+(?:based|that|which|in|from|with|owned|run|[a-z]+ing)\b)"
    # "a spokesperson for Stagecoach South": whom a spokesperson speaks for, unless a given name says
    # it is a person ("a spokesman for Boris Johnson")
    rf"|\bspokes(?:man|woman|person|people)\s+for\s+(?:the\s+)?(?P<represented>{_CAPITALISED_NAME})"
    # the whole name, not the adjective of "the German government"
    r"(?=\s*[,.;:)]|\s*$|\s+(?:said|says|told|added|confirmed|declined|denied|did|does|would|will|was|were|is|are"
    r"|has|had|have|stated|explained|insisted|warned|noted)\b)"
    # "Solaris Paper which makes Sorbent": people are "who"; what makes or sells things is a business
    rf"|\b(?P<business>{_CAPITALISED_NAME}),?\s+which\s+"
    r"(?:makes|made|owns|owned|operates|operated|runs|sells|produces|employs)\b"
)
# "the higher church authorities", "the lower house": a rank in a name of a body, compared with nothing; nor does
# the verb compare ("decreasing the access of youth to firearms may lower youth suicide rates")
_RANK_OF_A_BODY = r"(?<!\bthe )"
_THE_VERB_LOWER = "".join(rf"(?<!\b{modal} )" for modal in ("to", "may", "might", "can", "could", "will", "would"))
# "its lower house", "higher education", "record producer Terry Melcher": the name of a thing, no comparison
_NAME_OF_A_THING_AFTER = {
    "higher": r"(?!\s+(?:education|learning)\b)",
    "lower": r"(?!\s+(?:house|chamber|teeth|jaw|back|limbs)\b)",
    "record": r"(?!\s+(?:producer|producers|label|labels|company|companies|deal|store|shop|executive|industry)\b)",
}
_COMPARISON_PATTERNS = [
    (
        cue,
        re.compile(
            rf"{_RANK_OF_A_BODY if cue in ('higher', 'lower') else ''}{_THE_VERB_LOWER if cue == 'lower' else ''}"
            rf"\b{cue}\b{_NAME_OF_A_THING_AFTER.get(cue, '')}"
        ),
    )
    for cue in COMPARISON_CUES
    if cue != "than"
]
# "higher than", and "far more popular than", "less dangerous than": a comparison by "more" or "less", but
# not how often ("banned from washing more often than once a year" is the ban), nor "other than", which excepts:
# "flights to Cuban cities other than Havana", "in atmospheres other than air"
_COMPARATIVE_THAN = re.compile(r"\b(?!other\b)\w+er than\b|\b(?:more|less)\s+(?!often\b)[a-z]+\s+than\b")
# "results in" is the verb, but "certifying their results in favor of Biden" and "overturn the results in Georgia"
# are results, the noun, after a determiner or a possessive
_NOUN_RESULTS = (
    r"(?=results)(?<!\bthe )(?<!\btheir )(?<!\bits )(?<!\bhis )(?<!\bher )(?<!\bour )(?<!\bwhose )(?<!\bthese )"
)
_CAUSAL_PATTERNS = [
    (cue, re.compile(rf"{_NOUN_RESULTS if cue == 'results in' else ''}\b{cue}\b")) for cue in CAUSAL_CUES
]
# "was due to take", "is due to arrive": a schedule, not a cause ("was due to bad weather" is one)
_SCHEDULED = re.compile(
    r"\b(?:is|was|are|were|be|been)\s+due\s+to\s+(?:be|take|arrive|begin|start|end|open|close|meet|return|finish"
    r"|expire|land|leave|launch|appear|stand|hold|receive|visit|resume|vote|sign|retire|resign|step|testify|face"
    r"|go|come|run|fly|sail|reopen)\b"
)


def unsupported_language_message(language: str = "") -> str:
    """Why an article got no automatic claims, naming its language (a BCP 47 tag) when it is known
    and not English (the detector and the English check may disagree on a mixed text)."""
    name = language_name_for_reader(language) if language and language.split("-")[0] != "en" else ""
    if name:
        return gettext(
            "This article looks %(language)s; automatic claim extraction supports English only; "
            "add claims by hand from the article text."
        ) % {"language": name}
    return gettext(
        "This article does not look like English text. Automatic claim extraction supports "
        "English only; add claims by hand from the article text."
    )


class UnsupportedLanguageError(ApplicationError):
    """Automatic extraction only understands English; manual claims still work."""

    def __init__(self, language: str = "") -> None:
        super().__init__(
            unsupported_language_message(language),
            extra={"code": "unsupported_language", "language": language},
            status=422,
        )


@dataclass(frozen=True)
class ExtractedClaim:
    text: str
    start: int
    end: int
    kind: str
    score: float
    quantities: list[dict[str, Any]] = field(default_factory=list)
    entities: list[dict[str, str]] = field(default_factory=list)
    cues: list[str] = field(default_factory=list)
    dates: list[dict[str, Any]] = field(default_factory=list)
    attribution: str = ""
    # Every [start, end) of the body this claim came from: a split claim's subject and verb
    # phrase, or each place a duplicate claim appears.
    spans: list[list[int]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class ClaimFacts:
    kind: str
    cues: list[str]
    quantities: list[dict[str, Any]]
    entities: list[dict[str, str]]
    dates: list[dict[str, Any]]


@dataclass
class _SourceMemory:
    """The last outlet and the last person the article attributed something to, and which came last."""

    outlet: str = ""
    person: str = ""
    latest: str = ""
    known_people: frozenset[str] = frozenset()
    # The given names the article writes before each surname ("Quirin": {"Antoine"}).
    given_names: dict[str, frozenset[str]] = field(default_factory=dict)
    # Who put out the statement the article mentioned last ("Trump, in a statement ..., announced", "The ministry
    # issued a statement"); "" when its author was not named ("A statement was released"), so "the statement" stays
    # unattributed; None before the article mentions one.
    statement_by: str | None = None


def extract_claims(
    body: str,
    *,
    published_on: dt.date | None = None,
    language: str = "",
    english_confirmed: bool = False,
    outlet: str = "",
) -> list[ExtractedClaim]:
    """Check-worthy atomic claims of `body`, in reading order.

    `outlet` is who published the article ("Wikinews", `Article.outlet`), so that what its reporters did to report
    it ("Wikinews attended the convention") is not taken for news.

    Raises UnsupportedLanguageError, naming `language` (the article's BCP 47 tag, when known), for
    text that is clearly not English, unless an editor confirmed it is (`english_confirmed`): the
    English check counts stop words, which a terse English text of figures and names can lack.
    """
    if not english_confirmed and not looks_english(body):
        raise UnsupportedLanguageError(language)
    introduced = _introduced_names(body)
    named_in_body = find_entities(body)
    people = _people_named(named_in_body, introduced)
    known_people = (_surnames(people) | _first_names(people, body)) - _places_not_people(people, body)
    memory = _SourceMemory(known_people=known_people, given_names=_given_names(people))
    # What names a description in this article ("the president", "the airline", "the commission")
    named_for_descriptions = functools.partial(
        name_the_described,
        titled=titled_people(body, [e["text"] for e in named_in_body if e["type"] == "PERSON"]),
        known_people=memory.known_people,
        kinded=kinded_bodies(body),
        acronyms=bodies_by_acronym(body),
    )
    article_regions = regions(body)
    # (claim text, spans, attribution, frame style, text to score, what the article said just before it)
    candidates: list[tuple[str, list[list[int]], str, str, str, str]] = []
    # The sentence an apposition split off as a candidate was part of, "" for other candidates
    described_in: list[str] = []
    # The day a closing "according to" made a candidate known, outside its words: "on Friday", or ""
    made_known_on: list[str] = []
    previous, previous_paragraph = "", -1
    # The sentence before `previous` where both are in one paragraph, for a pronoun whose person the sentence between
    # does not name
    earlier = ""
    # The sentences of the paragraph before the sentence at hand, where a body a description stands for is named;
    # for a sentence that opens a paragraph, the sentence before, and for some descriptions the paragraph before
    paragraph_so_far: list[str] = []
    last_paragraph: list[str] = []
    # Who the last sentence quoted, and in which paragraph, while sentences go on quoting them.
    quoting, quoting_paragraph = "", -1
    translated_paragraph = -1
    for sentence in split_sentences(body):
        if sentence.paragraph != previous_paragraph:
            last_paragraph, paragraph_so_far = paragraph_so_far, []
        if TRANSLATION_MARKER.match(sentence.text):
            translated_paragraph = sentence.paragraph
        elif sentence.paragraph == translated_paragraph and english_share(sentence.text) < MIN_ENGLISH_SHARE:
            continue  # the rest of a quotation's original-language text
        else:
            translated_paragraph = -1
        if _never_a_claim(sentence.text) or _caption_line(body, sentence):
            earlier = previous if sentence.paragraph == previous_paragraph else ""
            previous, previous_paragraph = sentence.text, sentence.paragraph
            paragraph_so_far.append(previous)
            continue
        frame = find_attribution(sentence.text, regions=article_regions)
        if frame:
            attribution = _resolve_source(frame, memory, previous, sentence.text, paragraph_so_far)
        else:
            attribution = _speaker_name(sentence.speaker, body, memory)
            if (
                not attribution
                and sentence.paragraph == quoting_paragraph
                and _WHOLE_QUOTATION.fullmatch(sentence.text)
            ):
                # '"...," said Ted Scambos. "Like scoring a plate of glass, ..."': the quotation goes on, but one
                # that opens the next paragraph may be someone else's, named after it
                attribution = quoting
        quoting = attribution if (frame is not None and frame.style == "quote") or attribution == quoting else ""
        if _NEW_STATEMENT.search(_WHOLE_QUOTATION.sub("", sentence.text)):
            memory.statement_by = attribution if frame is not None else statement_issuer(sentence.text)
        quoting_paragraph = sentence.paragraph
        # "In Warren's campaign, she was known for ... and had released ...": a pronoun inside a
        # sentence is someone it named before; one that opens it, or that follows an opening "His"
        # ("His politics clashed with Sanders and Warren; he came out against ..."), someone the last
        # sentence named.
        opens_with_pronoun = _LEADING_PRONOUN_OR_POSSESSIVE.match(sentence.text)
        context = previous if opens_with_pronoun or _pronoun_after_opening(sentence.text) else sentence.text
        # "They indicated they would seek ...": a frame whose pronoun stands for no one named keeps its
        # words, or the claim would lose who said it
        unresolved = frame is not None and not attribution and frame.source.lower() in SOURCE_ANAPHORA
        pieces = _atomic_pieces(sentence.text, None if unresolved else frame)
        for piece, spans, describes in pieces:
            if _reports_the_reporting(piece, outlet) or (describes and _ROLE_IN_THIS_STORY.fullmatch(piece)):
                continue
            text = _resolve_pronoun(piece, context, memory, earlier if context is previous else "")
            if text == piece and context is not previous:
                text = _resolve_pronoun(piece, previous, memory)
            # Who a piece is attributed to is read from its own words: "The agency said" is the one named before, as
            # the article wrote it
            spoken = text
            text = named_for_descriptions(
                text,
                at=sentence.start,
                said_before=paragraph_so_far or [previous],
                paragraph_before=[] if paragraph_so_far else last_paragraph,
                opening=sentence.text[: min(a for a, _ in spans)],
            )
            absolute = [[sentence.start + a, sentence.start + b] for a, b in spans]
            piece_attribution = _piece_source(
                spoken,
                sentence.text,
                attribution if _says_something(frame, spans, sentence.text) else "",
                memory,
                # "She told the court she was forced ...": what the source said of itself
                said_by_the_source=frame is not None and 0 < frame.content_start <= min(a for a, _ in spans),
            )
            # An interview answer's speaker is who says it, but its text reports nothing said:
            # "It is likely that ..." stays a prediction.
            style = frame.style if frame else ("speaker" if attribution else "")
            if style == "quote" and not _QUOTATION_MARK.search(text):
                style = ""  # "Tusk is the President of the European Council": said of the speaker, not by them
            scored = text
            if (
                frame is not None
                and (style == "trailing" or (frame.gap is not None and piece_attribution))
                and text != sentence.text
            ):
                # A piece split off "..., Kommersant said" or out of "Day, they said, desired ..." is still an
                # attributed statement.
                scored = f"{text.rstrip('.')}, {frame.source} {frame.cue}."
            # "The next day, ...": the day is counted from the last one named before the piece
            said_before = f"{previous} {sentence.text[: min(a for a, _ in spans)]}"
            candidates.append((text, absolute, piece_attribution, style, scored, said_before))
            described_in.append(sentence.text if describes else "")
            # not a description split off it ("Robert Mugabe is the former president of Zimbabwe."): true before then
            made_known_on.append(
                day_made_known(frame, sentence.text) if frame and piece_attribution and not describes else ""
            )
        # "He entered ... Hatice Cengiz. He never came out.": the second "He" is the first one's.
        resolved = named_for_descriptions(
            _resolve_pronoun(sentence.text, previous, memory, earlier),
            at=sentence.start,
            said_before=paragraph_so_far or [previous],
            paragraph_before=[] if paragraph_so_far else last_paragraph,
        )
        earlier = previous if sentence.paragraph == previous_paragraph else ""
        previous, previous_paragraph = resolved, sentence.paragraph
        paragraph_so_far.append(previous)

    scores = _kept_as_their_sentence(score_sentences([scored for *_, scored, _ in candidates]), described_in)
    claims: list[ExtractedClaim] = []
    # What the text just before counted last, for "... earned the remaining 1.": the piece that
    # reaches furthest, since a relative clause split off a sentence comes after its main piece.
    counted_before, reached = "", -1
    # What each count the article made so far counted, for "the 36" that names "36 people" again
    counted_earlier: dict[float, str] = {}
    for (text, spans, attribution, style, _, said_before), score, day in zip(
        candidates, scores, made_known_on, strict=True
    ):
        end = max(b for _, b in spans)
        if score < CHECK_WORTHY_THRESHOLD:
            quantities = find_quantities(text)
        else:
            facts = describe_claim(
                text,
                published_on=published_on,
                attribution="" if style == "speaker" else attribution,
                quoted=style == "quote",
                known_people=memory.known_people,
                elided_unit=counted_before,
                counted_earlier=counted_earlier,
                said_before=said_before,
            )
            quantities = facts.quantities
            claims.append(
                ExtractedClaim(
                    text=text,
                    start=min(a for a, _ in spans),
                    end=end,
                    kind=facts.kind,
                    score=score,
                    quantities=facts.quantities,
                    entities=facts.entities,
                    cues=facts.cues,
                    # "was discovered dead on Wednesday ..., according to police on Thursday": a claim's own day
                    # comes first, and the day it was made known stands in only for a claim that names none
                    dates=facts.dates or _dates_made_known(day, published_on, said_before),
                    attribution=attribution,
                    spans=spans,
                )
            )
        if end > reached:
            counted_before, reached = _last_unit(quantities), end
        counted_earlier.update((quantity["value"], quantity["unit"]) for quantity in quantities if quantity["unit"])
    _type_introduced_names(claims, _not_surnames(introduced, people))
    lower_case_words = frozenset(_LOWER_CASE_WORD.findall(body))
    _type_phrases_of_common_words(claims, lower_case_words)
    _type_regions(claims, article_regions)
    # before the opening words, which take a short name's kind from elsewhere in the article: "Ford said ..."
    _type_short_names_of_bodies(claims, named_in_body)
    _name_opening_words(claims, named_in_body)
    _type_names_left_unplaced(claims, lower_case_words)
    entity_lists = [claim.entities for claim in claims]
    type_bodies_named_in_one_word(entity_lists, body)
    type_plants_named_alone(entity_lists, body)
    type_initials_used_as_verbs(entity_lists, body)
    type_initials_of_posts_and_things(entity_lists, body)
    _type_people_surnamed_like_posts(claims, body, known_people)
    return merge_duplicates(claims)


def _dates_made_known(phrase: str, published_on: dt.date | None, said_before: str) -> list[dict[str, Any]]:
    """The dates of the day a claim was made known, `phrase` ("on Friday"), or none."""
    return find_dates(phrase, published_on=published_on, context=said_before) if phrase else []


def describe_claim(
    text: str,
    *,
    published_on: dt.date | None = None,
    attribution: str = "",
    quoted: bool = False,
    known_people: frozenset[str] = frozenset(),
    elided_unit: str = "",
    counted_earlier: Mapping[float, str] | None = None,
    said_before: str = "",
) -> ClaimFacts:
    """Kind, cue words and structured facts of one claim text (also used for editors' claims)."""
    quantities = find_quantities(
        text, elided_unit=elided_unit, counted_earlier=counted_earlier, said_before=said_before
    )
    entities = find_entities(text, known_people=known_people)
    dates = find_dates(text, published_on=published_on, context=said_before)
    kind, cues = classify(
        text,
        quantities=quantities,
        attribution=attribution,
        quoted=quoted,
        anchored=bool(quantities or dates) or len(entities) >= 2,
    )
    return ClaimFacts(kind=kind, cues=cues, quantities=quantities, entities=entities, dates=dates)


def classify(
    text: str,
    *,
    quantities: list[dict[str, Any]],
    attribution: str = "",
    quoted: bool = False,
    anchored: bool = False,
) -> tuple[str, list[str]]:
    """The claim's kind and the words that decided it, most decisive first.

    `anchored` says the claim carries checkable facts (a quantity, a date, two named
    entities): then one evaluative word ("gave his best performance") does not make it an
    opinion kept out of the queue.
    """
    # "Qaboos bin Said died": a name that reads as a verb of saying is still a name
    lower = _NAME_LIKE_A_CUE.sub(r"\g<particle>", text).lower()
    if "stated" in lower:
        lower = _STATED_AS_AN_ADJECTIVE.sub(lambda match: match["owner"] or "", lower)
    if "reported" in lower:
        lower = _REPORTED_AS_AN_ADJECTIVE.sub(" ", lower)
        lower = _NOTHING_REPORTED.sub(lambda match: match.group()[: match.start("verb") - match.start()], lower)
    if "say" in lower:
        lower = _SAY_QUOTING_NOBODY.sub(" ", lower)
    # "was quickly reported missing": someone went missing, nobody is quoted
    words = re.findall(
        r"[a-z']+", _REPORTED_ON.sub(lambda match: match["subject"] or "", _REPORTED_MISSING.sub("missing", lower))
    )
    event_cues = _event_cues(lower, words)
    if quoted or _quotes_someone(text):
        # "we will no longer say that Ebola is incurable": a verb of saying inside the quotation is part of what was
        # said, and the frame's verb outside it is the cue
        return ClaimKind.QUOTE, ["quotation", *_speech_cues(re.findall(r"[a-z']+", _QUOTED_WORDS.sub(" ", lower)))]
    # "with Clinton saying ..." reports what someone said even without a frame we recognise.
    unnamed_reports = (
        _UNNAMED_REPORTS.search(lower)
        or _REPORTEDLY_OPENING.match(lower)
        or _FINDING.search(lower)
        or _PASSIVE_FINDING.search(lower)
        or ("reportedly" in lower and _REPORTEDLY_BEFORE_THE_VERB.search(lower))
        or None
    )
    attributed = bool(attribution) or bool(_speech_cues(words)) or unnamed_reports is not None
    prediction_cues = _prediction_cues(text, anchored=anchored)
    reporting = _REPORTING_VERB.search(text)
    reported_cues = []
    if prediction_cues and reporting and not _prediction_cues(text[: reporting.start()], anchored=anchored):
        attributed, prediction_cues, reported_cues = True, [], [reporting.group().lower()]
    if prediction_cues and not attributed:
        return ClaimKind.PREDICTION, prediction_cues
    # A count with a qualifier, a measure unit or a large value is the statistic itself; a
    # small count of things ("three resolutions") usually belongs to the event around it.
    claimed = [
        q
        for q in quantities
        if not (_describes_its_noun(text, q) or _counts_what_its_noun_is(text, q) or _age_beside_a_name(text, q))
    ]
    statistic_cues = [
        q["text"]
        for q in claimed
        if _is_statistic(q) and not _names_a_count_again(text, q) and not (event_cues and _dates_the_event(text, q))
    ]
    if statistic_cues:
        return ClaimKind.STATISTIC, statistic_cues
    if attributed:
        cues = [*_speech_cues(words), *reported_cues, *([attribution] if attribution else [])]
        cues += [unnamed_reports["verb"]] if unnamed_reports else []
        return ClaimKind.ATTRIBUTION, list(dict.fromkeys(cues))
    comparison = [cue for cue, pattern in _COMPARISON_PATTERNS if pattern.search(lower)]
    comparison += _COMPARATIVE_THAN.findall(lower)
    if comparison:
        return ClaimKind.COMPARISON, comparison
    causal = [cue for cue, pattern in _CAUSAL_PATTERNS if pattern.search(_SCHEDULED.sub(" ", lower))]
    if causal:
        return ClaimKind.CAUSAL, causal
    if event_cues:
        return ClaimKind.EVENT, [*event_cues, *(q["text"] for q in quantities)]
    counted = [q for q in claimed if not _names_which_things(text, q)]
    if counted:
        return ClaimKind.STATISTIC, [q["text"] for q in counted]
    return ClaimKind.OTHER, []


def _event_cues(lower: str, words: list[str]) -> list[str]:
    if not any(w in _KIND_EVENT_VERBS for w in words) and not _EVENT_PHRASE.search(lower):
        return []
    if _NOUN_OR_ADJECTIVE_CUES.intersection(words) and _NOT_AN_EVENT_VERB.search(lower):
        lower = _NOT_AN_EVENT_VERB.sub(" ", lower)
    happened = _NOT_HAPPENED.sub(lambda match: match.group()[: match.start(match.lastgroup) - match.start()], lower)
    event_cues = [w for w in re.findall(r"[a-z']+", happened) if w in _KIND_EVENT_VERBS]
    return event_cues + [match["verb"] or match["seen"] for match in _EVENT_PHRASE.finditer(happened)]


def merge_duplicates(claims: list[ExtractedClaim]) -> list[ExtractedClaim]:
    """The same claim twice in one article becomes one claim carrying both spans."""
    merged: dict[str, ExtractedClaim] = {}
    for claim in claims:
        key = normalise_for_matching(claim.text)
        first = merged.get(key)
        if first is None:
            merged[key] = claim
            continue
        merged[key] = ExtractedClaim(
            **{
                **first.as_dict(),
                "spans": [*first.spans, *claim.spans],
                "score": max(first.score, claim.score),
            }
        )
    return list(merged.values())


def _kept_as_their_sentence(scores: list[float], described_in: list[str]) -> list[float]:
    """What an apposition said of a name takes its sentence's score where the check-worthiness cut would drop it
    and the whole sentence passes the cut.

    The description was in the queue while its sentence stood whole, but alone ("Niamey is Niger's capital",
    "Susan Bro is Heather Heyer's mother") it reads to the scorer as common knowledge; splitting must not lose it.
    Other pieces keep their own score: a clause cut off wrongly is better dropped than queued."""
    dropped = [
        index
        for index, (score, sentence) in enumerate(zip(scores, described_in, strict=True))
        if sentence and 0 < score < CHECK_WORTHY_THRESHOLD
    ]
    sentences = list(dict.fromkeys(described_in[index] for index in dropped))
    whole = dict(zip(sentences, score_sentences(sentences), strict=True)) if sentences else {}
    kept = list(scores)
    for index in dropped:
        if whole[described_in[index]] >= CHECK_WORTHY_THRESHOLD:
            kept[index] = whole[described_in[index]]
    return kept


def normalise_for_matching(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


_INFINITIVE = re.compile(r"\bto\s+(?:be\s+|have\s+(?:been\s+)?)?\w+")


def _atomic_pieces(sentence: str, frame: AttributionFrame | None) -> list[tuple[str, list[tuple[int, int]], bool]]:
    """Standalone texts, sentence-relative spans and whether the piece is what an apposition said of a
    name; the sentence itself when nothing splits.

    "According to X, ..." and "It said ..." frames are dropped from the text (the claim's
    attribution names the source); a named speaker's frame ("Clinton told Lavrov that ...")
    stays, since who said it is part of what is checked.
    """
    whole = [(sentence, [(0, len(sentence))], False)]
    if frame is not None and frame.gap is not None:
        return _pieces_around_gap(sentence, frame.gap)
    if frame is None:
        pieces = split_atomic(sentence, 0, len(sentence))
    elif frame.style == "quote":
        # 'Cherry, who led the petition, said, "..."': what lies outside the quotation can still split
        pieces = split_atomic(sentence, 0, len(sentence))
    elif (
        frame.style == "according"
        or (
            frame.style == "leading"
            and frame.source.lower() in SOURCE_ANAPHORA
            # "On Tuesday, however, they reported the depression dissipated": the day stays with the claim
            and not (frame.source.lower() == "they" and opens_with_when(sentence))
            # "He also announced a new security initiative ... to be unveiled": without its frame the
            # object says nothing (a verb in an infinitive makes no clause)
            and has_clause_verb(_INFINITIVE.sub("", sentence[frame.content_start : frame.content_end]))
        )
    ):
        pieces = split_atomic(sentence, frame.content_start, frame.content_end)
        return [(piece_text(sentence, piece), list(piece.spans()), piece.describes) for piece in pieces]
    elif frame.style in ("leading", "coordinated"):
        pieces = split_atomic(sentence, 0, len(sentence))
    else:
        pieces = split_atomic(sentence, frame.content_start, frame.content_end)
    if len(pieces) <= 1:
        return whole
    return [(piece_text(sentence, piece), list(piece.spans()), piece.describes) for piece in pieces]


# Whether the words around a frame set between commas keep a comma once it is gone: after an
# opening phrase ("Longer term, according to NASA, the goal is ..."), inside a relative clause
# ("Women, who make up 16% ..., according to CNA, have been ..."), and before one ("35 were
# rescued, according to officials, some of whom ..."); not between a subject and its verb
# ("Around 50 gallons of diesel, officials said, spilled") or after a joining word ("but, according
# to his agent, Hunter had ...").
# Openings besides the prepositional phrases `opening_phrase` knows: "This year,", "Longer term,".
_OTHER_OPENING = re.compile(
    r"(?:over|despite|through|throughout|within|amid|among|this|last|next|longer|earlier|later|meanwhile|"
    r"previously)\b",
    re.IGNORECASE,
)
_OPEN_RELATIVE = re.compile(r",\s+(?:who|which)\b[^,]*$")
# "Because warmer water is more buoyant, says the study, it rises": a clause that opens the sentence
_SUBORDINATE_OPENING = re.compile(r"(?:because|although|though|whereas|while|if|when|since|unless|once)\b", re.I)
_CLAUSE_AFTER = re.compile(
    r"(?:who|which|whom|whose|some of|many of|most of|all of|with|while|whereas|though|although|but|and|or|"
    r"yet|so|[a-z]+ing)\b"
)
_JOINING_WORD_BEFORE = re.compile(r"\b(?:and|but|or|then|which|that|so|yet)$")


def _pieces_around_gap(sentence: str, gap: tuple[int, int]) -> list[tuple[str, list[tuple[int, int]], bool]]:
    """Atomic claims of the sentence without its frame set between commas; spans skip the frame.

    The frame is blanked out rather than cut, so offsets stay the sentence's own."""
    start, end = gap
    before, after = sentence[:start], sentence[end:]
    keeps_comma = not _JOINING_WORD_BEFORE.search(before) and bool(
        opening_phrase(before)
        or (_OTHER_OPENING.match(before) and "," not in before and not has_clause_verb(before))
        or _OPEN_RELATIVE.search(before)
        or _SUBORDINATE_OPENING.match(before)
        or _CLAUSE_AFTER.match(after)
    )
    joiner = ", " if keeps_comma else " "
    blanked = before + joiner.ljust(end - start) + after
    cut_from = start + len(joiner.rstrip())
    pieces = []
    for piece in split_atomic(blanked, 0, len(blanked)):
        spans: list[tuple[int, int]] = []
        for a, b in piece.spans():
            for span_start, span_end in ((a, min(b, cut_from)), (max(a, end), b)):
                if span_end > span_start and blanked[span_start:span_end].strip(" ,"):
                    spans.append((span_start, span_end))
        pieces.append((piece_text(blanked, piece), spans, piece.describes))
    return pieces


def _resolve_pronoun(text: str, previous_sentence: str, memory: _SourceMemory, earlier_sentence: str = "") -> str:
    """ "She also expressed concern ..." -> "Clinton also expressed concern ...", taking the first
    person named in the sentence before (news prose names the subject first); also after an opening
    phrase that names no one ("Later, he shared an update" -> "Later, Sergey shared an update"). An
    opening possessive keeps its form ("His trial ..." -> "Zhukovskyy's trial ..."). Where the sentence
    before names no one, the one person `earlier_sentence` names ("Conway is known for ... Cellular
    automata are discrete models ... He also developed ...")."""
    if match := _LEADING_PERSONAL_PRONOUN.match(text):
        named_in = ""  # "He claimed ... the money Rittenhouse received": a leading "He" may be named later
    elif match := _pronoun_after_opening(text):
        named_in = text  # "In July, he helped set up a meeting with Giuliani": not Giuliani
    else:
        return text
    pronoun = match["pronoun"].capitalize()
    personal = _PERSONAL_OF_POSSESSIVE.get(pronoun, pronoun)
    if any(_THIRD_PERSON[personal].search(quoted) for quoted in _QUOTATION.findall(previous_sentence)):
        return text
    person = (
        _person_named_before(previous_sentence, personal, memory, named_in=named_in)
        or _one_person_named_earlier(earlier_sentence, previous_sentence, personal, memory, named_in=named_in)
        or _speaker_quoted_before(previous_sentence, personal, memory)
    )
    if person and pronoun != personal:
        person += "'" if person.endswith("s") else "'s"
    if match.start("pronoun") == 0:
        person = person[:1].upper() + person[1:]  # "de Graaf" opening a sentence is "De Graaf"
    return text[: match.start("pronoun")] + person + text[match.end("pronoun") :] if person else text


def _pronoun_after_opening(text: str) -> re.Match[str] | None:
    if match := _ADVERB_THEN_PRONOUN.match(text):
        return match
    match = _OPENING_THEN_PRONOUN.match(text)
    if match is None:
        return None
    opening = match["opening"]
    if not (opening_phrase(opening) or _TIME_OPENING.fullmatch(opening)):
        return None
    return None if any(e["type"] == "PERSON" for e in find_entities(opening)) else match


def _person_named_before(previous_sentence: str, pronoun: str, memory: _SourceMemory, named_in: str = "") -> str:
    """The first person the sentence before names whom `pronoun` can stand for, or "", leaving out
    anyone `named_in` names."""
    people = [
        e["text"]
        for e in find_entities(previous_sentence, known_people=memory.known_people)
        if e["type"] == "PERSON"
        and not _of_the_other_gender(previous_sentence, e["text"], pronoun, memory)
        and not re.search(rf"\b{re.escape(e['text'].split()[-1])}\b", named_in)
    ]
    return people[0] if people else ""


def _one_person_named_earlier(
    earlier_sentence: str, between: str, pronoun: str, memory: _SourceMemory, named_in: str = ""
) -> str:
    """The person `earlier_sentence` names, where it names only one and the sentence `between` names no one:
    "Harry Dunn ... was struck by a Volvo ... The crash happened around 8:30 p.m. He died ...". With two
    people ('Geingob tweeted, "... Nickey Iyambo. He leaves ..."') the pronoun could be either."""
    if any(e["type"] == "PERSON" for e in find_entities(between, known_people=memory.known_people)):
        return ""
    people = {
        e["text"] for e in find_entities(earlier_sentence, known_people=memory.known_people) if e["type"] == "PERSON"
    }
    if len(people) != 1 or not _is_the_subject(earlier_sentence, next(iter(people))):
        return ""
    return _person_named_before(earlier_sentence, pronoun, memory, named_in=named_in)


def _only_person_of_the_paragraph(paragraph_before: Sequence[str], pronoun: str, memory: _SourceMemory) -> str:
    """The person the sentences of the paragraph before name last, where they name one person only (by one surname,
    "Ginger Baker ... Peter Edward Baker ... Baker"), or "" where the paragraph also writes that surname as a place
    or every name it gives that person is of the other gender."""
    found = [
        (sentence, entity)
        for sentence in paragraph_before
        for entity in find_entities(sentence, known_people=memory.known_people)
    ]
    named = [(sentence, entity["text"]) for sentence, entity in found if entity["type"] == "PERSON"]
    # "Sudesh Amman ... had lived in Amman": a surname the paragraph also writes as a place could stand for either
    places = {entity["text"] for _, entity in found if entity["type"] in ("PLACE", "ORG")}
    # "Baker ... nicknamed Ginger": a name whose words are all in another of the paragraph's names is that person
    fullest = [name for _, name in named if not any(set(name.split()) < set(other.split()) for _, other in named)]
    surnames = {name.split()[-1] for name in fullest}
    if len(surnames) != 1 or surnames & places:
        return ""
    if all(_of_the_other_gender(sentence, name, pronoun, memory) for sentence, name in named):
        return ""
    return [name for _, name in named if name.split()[-1] in surnames][-1]


def _speaker_quoted_before(previous_sentence: str, pronoun: str, memory: _SourceMemory) -> str:
    """'"No project ... can be implemented", he said. He underlined ...': the person the quotation's own "he"
    was taken for, the one its claims are attributed to."""
    frame = find_attribution(previous_sentence)
    if frame is None or frame.style != "quote" or frame.source.capitalize() != pronoun:
        return ""
    speaker = memory.person
    if not speaker or names_a_post(speaker) or _of_the_other_gender("", speaker, pronoun, memory):
        return ""
    return speaker


def _is_the_subject(sentence: str, name: str) -> bool:
    """ "In her experiments, Falconer observed ...", "President Trump made ...": the name opens the sentence, after
    an opening phrase or a title; not "Qaboos became Sultan after overthrowing his father, Sultan Said bin Taimur"."""
    before = sentence[: sentence.find(name)]
    opening, comma, rest = before.rpartition(", ")
    if comma and opening_phrase(opening):
        before = rest
    return all(word[:1].isupper() for word in before.split())


# "Day's animal foundation", "Senator Klobuchar's campaign": a body of someone's, named by lower-case words after them
_POSSESSED_BODY = re.compile(r"['\u2019]s(?:\s+[a-z][\w-]*)+$")
# Stand-ins for a body the article has named: "The company said ...".
_BODY_ANAPHORA = frozenset({"the company", "the firm", "the group", "the organisation", "the organization"})
_DEMONSTRATIVE_SPEAKERS = frozenset({"this person", "this man", "this woman"})


# "Greenpeace and the Red Cross criticised ...": names joined, of which the entity lists may know only one
_NAMES_JOINED = re.compile(r"\b[A-Z][\w&.'\u2019-]*\)?,?\s+(?:and|or|as\s+well\s+as)\s+(?:the\s+)?[A-Z]")


def _one_body_named_in(sentence: str, memory: _SourceMemory) -> str:
    """The organisation `sentence` names, or "" where it names none or more than one, or joins names."""
    if _NAMES_JOINED.search(sentence):
        return ""
    bodies = {e["text"] for e in find_entities(sentence, known_people=memory.known_people) if e["type"] == "ORG"}
    # "the United States Commission on International Religious Freedom (USCIRF)": one body, by its two names
    initials = {"".join(word[0] for word in body.split() if word[0].isupper()) for body in bodies}
    bodies -= initials
    return bodies.pop() if len(bodies) == 1 else ""


def _of_the_other_gender(sentence: str, name: str, pronoun: str, memory: _SourceMemory) -> bool:
    """ "Queen Elizabeth II ... Boris Johnson. He ...": a title of the other gender rules a person
    out, and so does a given name of it, also one the article gave earlier ("Antoine Quirin" ...
    "raped by Quirin ... She told the court"). A surname two people share is ruled out only when
    both given names are of the other gender."""
    titles, other_names = (_FEMALE_TITLES, FEMALE_GIVEN_NAMES) if pronoun == "He" else (_MALE_TITLES, MALE_GIVEN_NAMES)
    first, *rest = name.split()
    given = {first} if rest else memory.given_names.get(name, frozenset())
    if given and given <= other_names:
        return True
    return re.search(rf"\b(?:{titles})\.?\s+{re.escape(name)}", sentence) is not None


def _resolve_source(
    frame: AttributionFrame,
    memory: _SourceMemory,
    previous_sentence: str,
    sentence: str,
    paragraph_before: Sequence[str] = (),
) -> str:
    """The named source; stand-ins ("it", "the report") resolve to the last one named, or to
    nothing when none was. "He" or "she" is first the person the sentence before names ("Mitch
    McConnell met ... He publicly stated ..."), then the one person the paragraph named before it."""
    source = frame.source
    lower = source.lower()
    if frame.style == "issuer" or lower in _BODY_ANAPHORA:
        # "... the United States Commission on International Religious Freedom (USCIRF) also criticized the move.
        # They released a statement which said ...": the one body the sentence before names, or no one (a guess
        # at whoever spoke last would be wrong as often as right); "The company said" stays as written
        if not (body := _one_body_named_in(previous_sentence, memory)):
            return "" if frame.style == "issuer" else source
        memory.outlet = memory.latest = body
        return body
    if frame.cue == "reads":
        # '"...", reads the report.': the document whose words are quoted, as with "says the study"; the outlet
        # named last did not write it
        return source
    if lower in _DEMONSTRATIVE_SPEAKERS:
        # 'One of the children said, "..." However, this person also said ...': whoever spoke last, or no one
        return memory.latest
    if lower == "the statement" and memory.statement_by is not None:
        # "The ministry issued a statement on Monday. The statement also said ...": the statement's author, not the
        # outlet named last
        return memory.statement_by
    if lower in SOURCE_ANAPHORA:
        if lower in ("he", "she", "him", "her"):
            pronoun = "He" if lower in ("he", "him") else "She"
            if named := _person_named_before(previous_sentence, pronoun, memory):
                memory.person = named
            elif (before := find_attribution(previous_sentence)) and names_a_post(before.source):
                # "The head of the police's internal investigators told the court ... She also said"
                memory.person = before.source
            elif unnamed := _ONE_UNNAMED_PERSON.match(previous_sentence):
                # "One of the victims decided to allow her name to be made public. She said ...": not whoever spoke last
                memory.person = unnamed.group()
            elif (relative := _ONE_RELATIVE_INSIDE.search(previous_sentence)) and (
                relative["relatives"] in (_DAUGHTERS if pronoun == "She" else _SONS)
            ):
                # "... after one of their daughters, aged 17, escaped and phoned 911. She ... said ...": that daughter
                memory.person = relative.group()
            elif only := _only_person_of_the_paragraph(paragraph_before, pronoun, memory):
                # "Baker — who was ... — began playing drums ... In a story he sometimes told, he had a habit of ...
                # When ..., his classmates encouraged him ... '...', he recalled": the paragraph's one person, however
                # many sentences of pronouns came between
                memory.person = only
            elif memory.person and _of_the_other_gender("", memory.person, pronoun, memory):
                return ""
            return memory.person
        if lower == "they" and frame.style == "trailing" and (group := group_subject(sentence)):
            # "State prosecutors charged the suspect ..., they said Sunday": the group the sentence opens with
            memory.outlet = memory.latest = group
            return group
        if lower in ("they", "them"):
            # "US authorities claimed ... They also stated ...", but not one person or post named last
            one_speaker = memory.latest == memory.person or names_a_post(memory.latest)
            return "" if one_speaker else memory.latest
        return memory.outlet
    # 'Sergey said, "..." He also said': a given name alone is a person too; "Day's animal foundation" is a body
    is_person = not _POSSESSED_BODY.search(source) and (
        source in GIVEN_NAMES
        or any(e["type"] == "PERSON" for e in find_entities(source, known_people=memory.known_people))
    )
    if is_person:
        memory.person = source
    else:
        memory.outlet = source
    memory.latest = source
    return source


def _type_regions(claims: list[ExtractedClaim], article_regions: frozenset[str]) -> None:
    """A name the article writes as the region of a place ("Esperanza, Sultan Kudarat") and as a place of its own
    ("recorded in Sultan Kudarat") is a place everywhere in it, whatever its words look like."""
    for claim in claims:
        for entity in claim.entities:
            if entity["text"] in article_regions:
                entity["type"] = "PLACE"


_OPENING_WORD = re.compile(r"(?P<word>[A-Z][^\W\d_]+)(?:['\u2019]s)?(?=[\s,;:])")


def _name_opening_words(claims: list[ExtractedClaim], named_in_body: list[dict[str, str]]) -> None:
    """A word that opens a claim is read as a name only where the words say so, since most capitalised first words
    are none ("Strong winds ..."); where the article names it alone elsewhere, as one kind of name, it is that name
    here too: "in Juba" ... "Juba is the capital", "the band Cream" ... "Cream was inducted"."""
    kinds: dict[str, Counter[str]] = {}
    for entity in [*named_in_body, *(entity for claim in claims for entity in claim.entities)]:
        kinds.setdefault(entity["text"], Counter())[entity["type"]] += 1
    for claim in claims:
        opening = _OPENING_WORD.match(claim.text)
        if not opening or opening["word"].lower() in STOPWORDS:
            continue
        count = kinds.get(opening["word"], Counter())
        # MISC is what a capitalised word no rule could place is typed ("Reports", "Early" opening a line), and also
        # what "Coles" is where the article first writes it ("Woolworths and Coles"): the one other kind the article
        # gives the word decides, where it does so at least as often
        placed = [kind for kind in count if kind != "MISC"]
        if (
            len(placed) == 1
            and count[placed[0]] >= count["MISC"]
            and not any(opening["word"] in entity["text"].split() for entity in claim.entities)
        ):
            claim.entities.insert(0, {"text": opening["word"], "type": placed[0]})


def _type_names_left_unplaced(claims: list[ExtractedClaim], lower_case_words: frozenset[str]) -> None:
    """MISC is what a name is typed where its words and neighbours say nothing; where the article's words make the
    same name a place or a body as often as they leave it MISC, and as only one of those, it is that here too: "at
    Bontddu Hall" ... "Bontddu Hall recently underwent building work", "the city of Izmir" ... "streets of Samos and
    Izmir". A person is left alone: MISC names read as people elsewhere are as often bodies ("The Baltimore Sun"); so
    is a name of words the article also writes in lower case ("the department of Neurosurgery" ... "neurosurgery")."""
    counts: dict[str, Counter[str]] = {}
    for claim in claims:
        for entity in claim.entities:
            counts.setdefault(entity["text"], Counter())[entity["type"]] += 1
    for claim in claims:
        for entity in claim.entities:
            if entity["type"] != "MISC" or any(word.lower() in lower_case_words for word in entity["text"].split()):
                continue
            count = counts[entity["text"]]
            placed = [kind for kind in ("PLACE", "ORG") if count[kind] >= count["MISC"]]
            if len(placed) == 1 and not count["PERSON"]:
                entity["type"] = placed[0]


# The words after a company's own name in its full one: "Ford Motor Company", "Sony Group Corporation"
_COMPANY_WORDS = words("Motor Motors Company Corporation Corp Inc Incorporated Ltd Limited Group Holdings Co PLC plc")


def _type_short_names_of_bodies(claims: list[ExtractedClaim], named_in_body: list[dict[str, str]]) -> None:
    """A name left MISC that is a body's full name shortened, its first and last words kept, is that body: "Scripps
    Oceanography" for the "Scripps Institution of Oceanography"; a single word only where the body's name adds one
    word to it ("Salling" for the "Salling Group", "Mahan" for "Mahan Air") or only words a company's name ends in
    ("Ford" for the "Ford Motor Company"), since "Amazon" and "Islamic" open many
    longer names of other things, and not after "of" or "as", where a bare word names a time or a thing as often ("the
    repeal of Prohibition" in an article on the Prohibition Party)."""
    bodies: dict[str, list[list[str]]] = {}
    for entity in [*named_in_body, *(entity for claim in claims for entity in claim.entities)]:
        if entity["type"] == "ORG":
            bodies.setdefault(entity["text"].split()[0], []).append(entity["text"].split())
    for claim in claims:
        for entity in claim.entities:
            tokens = entity["text"].split()
            if (
                entity["type"] == "MISC"
                and tokens[0] in bodies
                and not (len(tokens) == 1 and re.search(rf"\b(?:of|as)\s+{re.escape(tokens[0])}\b", claim.text))
                and any(
                    len(body) == 2 or (len(body) > 2 and all(word in _COMPANY_WORDS for word in body[1:]))
                    if len(tokens) == 1
                    # "Iraq Veterans Against the War" ends on what it is against, so "Iraq War" is no short name of it
                    else len(body) > len(tokens) and body[-1] == tokens[-1] and body[-2] != "the"
                    for body in bodies[tokens[0]]
                )
            ):
                entity["type"] = "ORG"


_SURNAME_BEFORE_AND = re.compile(r"\b(?P<surname>[A-Z][^\W\d_]+) and (?P<other>[A-Z][^\W\d_]+)\b(?! of\b)")


def _type_people_surnamed_like_posts(claims: list[ExtractedClaim], body: str, known_people: frozenset[str]) -> None:
    """A name ending in a title is read as a post ("Divisional Railway Manager"), but where the article joins that
    title by "and" to someone's surname, as it does two people, it is a person's surname: "Didier Queloz and Michel
    Mayor" ... "Queloz and Mayor, both from Switzerland"."""
    paired = {pair["other"] for pair in _SURNAME_BEFORE_AND.finditer(body) if pair["surname"] in known_people}
    if not paired:
        return
    for claim in claims:
        for entity in claim.entities:
            tokens = entity["text"].split()
            if (
                entity["type"] == "MISC"
                and len(tokens) == 2
                and tokens[1] in paired
                and tokens[1] in TITLES
                and tokens[0] not in TITLES
                and tokens[0].isalpha()
            ):
                entity["type"] = "PERSON"


_LOWER_CASE_WORD = re.compile(r"\b[a-z][a-z'\u2019-]+\b")
_PARTICLES_IN_NAMES = frozenset(
    {"de", "dela", "del", "della", "van", "von", "der", "den", "ten", "ter", "bin", "ibn", "al", "el", "da", "dos"}
    | {"das", "di", "du", "la", "le"}
)
# "Rocky McGaugh": a surname no common word is spelled like
_GAELIC_SURNAME = re.compile(r"(?:Mc|Mac|O['\u2019])[A-Z]")


def _type_phrases_of_common_words(claims: list[ExtractedClaim], lower_case_words: frozenset[str]) -> None:
    """A capitalised phrase read as someone's name, with no given name, title or name particle in it, where the
    article writes one of its words in lower case, is a title, a body or a thing, not a person: "Elite Wrestling",
    "Pillow Talk", "Protect Journalists", "Kleenex Toilet Tissue" in articles that also write "wrestling", "talk",
    "journalists", "toilet"."""
    for claim in claims:
        for entity in claim.entities:
            tokens = entity["text"].split()
            if (
                entity["type"] == "PERSON"
                and len(tokens) > 1
                and not any(
                    token in GIVEN_NAMES or token.rstrip(".") in TITLES or token.lower() in _PARTICLES_IN_NAMES
                    for token in tokens
                )
                and any(token.lower() in lower_case_words for token in tokens)
                and not _GAELIC_SURNAME.match(tokens[-1])
            ):
                entity["type"] = "MISC"


def _type_introduced_names(claims: list[ExtractedClaim], introduced: dict[str, str]) -> None:
    """A name the article introduces as a company is an organisation everywhere in it ("software
    company Red Hat" ... "Red Hat was acquired"), and one introduced as a film is a title."""
    titles = [name for name, kind in introduced.items() if kind == "MISC" and " " in name]
    # One pass over each claim however many titles the article introduces.
    in_a_claim = re.compile("|".join(map(re.escape, sorted(titles, key=len, reverse=True)))) if titles else None
    for claim in claims:
        for entity in claim.entities:
            if entity["text"] in introduced:
                entity["type"] = introduced[entity["text"]]
        if in_a_claim is None:
            continue
        for title in dict.fromkeys(found.group() for found in in_a_claim.finditer(claim.text)):
            claim.entities[:] = _merged_into(claim.entities, title, claim.text.replace(title, " "))


def _merged_into(entities: list[dict[str, str]], title: str, outside: str) -> list[dict[str, str]]:
    """The names found only inside a title ("Too Much", "Never Enough") replaced by the title itself;
    `outside` is the claim's text with the title taken out."""
    merged: list[dict[str, str]] = []
    for entity in entities:
        if entity["text"] in title and entity["text"] not in outside:
            entity = {"text": title, "type": "MISC"}
        if entity not in merged:
            merged.append(entity)
    return merged


def _last_unit(quantities: list[dict[str, Any]]) -> str:
    units = [quantity["unit"] for quantity in quantities if quantity["unit"]]
    return units[-1] if units else ""


def _introduced_names(body: str) -> dict[str, str]:
    introduced: dict[str, str] = {}
    checked: dict[str, str] = {}
    for match in _INTRODUCED_NAME.finditer(body):
        if match["organisations"]:
            introduced.update({without_possessive(match["first"]): "ORG", without_possessive(match["second"]): "ORG"})
        elif match["work"]:
            title = without_possessive(match["work"])
            # Each check reads the whole body, so a body pasted with thousands of titles keeps the rest whole.
            if title not in checked and len(checked) < _TITLES_CHECKED_FOR_PEOPLE:
                checked[title] = _title_without_a_named_person(title, body)
            introduced[checked.get(title, title)] = "MISC"
        elif (represented := match["represented"] or match["business"]) and represented.split()[0] in GIVEN_NAMES:
            continue
        else:
            name = match["name"] or match["described"] or represented
            introduced[_without_openers(without_possessive(name))] = "ORG"
    for ship in _SHIP_NAME.finditer(body):
        # "MV Alan Kurdi" is named after a boy the article may also write about
        if ship["ship"].split()[0] not in GIVEN_NAMES:
            introduced[without_possessive(ship["ship"])] = "MISC"
    for listed in _BODIES_LISTED.finditer(body):
        introduced.update(dict.fromkeys(map(without_possessive, _LIST_SEPARATOR.split(listed["names"])), "ORG"))
    introduced.update(dict.fromkeys(_acronyms_of_things(body), "MISC"))
    return introduced


# "German firms including Deutsche Bahn, Deutsche Telekom, Daimler, and Siemens": each is a business
_BODIES_LISTED = re.compile(
    rf"\b(?:{_BODY_NOUNS})\s+(?:including|such\s+as|like)\s+"
    rf"(?P<names>{_CAPITALISED_NAME}(?:,\s+{_CAPITALISED_NAME})*,?\s+and\s+{_CAPITALISED_NAME})"
)
_LIST_SEPARATOR = re.compile(r",\s+(?:and\s+)?|\s+and\s+")


# "Red Hat Enterprise Linux (RHEL)", "the DMCA (Digital Millennium Copyright Act)": a name and its initials
_SPELLED_OUT_NAME = rf"{_CAPITALISED_WORD}(?:\s+(?:(?:of|and|for|the)\s+)?{_CAPITALISED_WORD}){{1,6}}"
# What a spelled-out name is, written after its initials: "the Long Range Identification and Tracking (LRIT) system"
_THING_NOUNS = r"system|software|protocol|standard|format|technology"
_SPELLED_OUT = re.compile(
    rf"(?P<name>{_SPELLED_OUT_NAME})\s+\((?P<acronym>[A-Z]{{2,6}})\)(?P<thing>\s+(?:{_THING_NOUNS})\b)?"
    rf"|\b(?P<acronym_first>[A-Z]{{2,6}})\s+\((?P<name_after>{_SPELLED_OUT_NAME})\)"
)
_THING_HEADS = OTHER_NAME_HEADS | {"System"}  # "Automatic Identification System (AIS)", "Global Positioning System"


def _acronyms_of_things(body: str) -> Iterator[str]:
    """The initials of a name the article spells out whose words say it is a law, a product, a system or a plan, not
    a body: "Red Hat Enterprise Linux (RHEL)", "Digital Millennium Copyright Act (DMCA)", "Automatic Identification
    System (AIS)", "the Long Range Identification and Tracking (LRIT) system", "Project of Common Interest (PCI)";
    the initials alone look like an organisation's."""
    for match in _SPELLED_OUT.finditer(body):
        acronym = match["acronym"] or match["acronym_first"]
        words_of_name = (match["name"] or match["name_after"]).split()
        # the capitalised words the acronym is the initials of, past any that open the phrase ("The")
        named = [word for word in words_of_name if word[0].isupper()][-len(acronym) :]
        if (
            "".join(word[0] for word in named) == acronym
            and acronym not in ORGANISATIONS
            and (named[-1] in _THING_HEADS or named[0] in OTHER_NAME_OPENERS or match["thing"])
        ):
            yield acronym


_TITLES_CHECKED_FOR_PEOPLE = 50


def _title_without_a_named_person(title: str, body: str) -> str:
    """ "the documentary Tiger King and Carole Baskin later sued ... Baskin said": where the words after
    "and" end in a name the article also writes outside the title, they are a person, not the title's."""
    before, joined, after = title.rpartition(" and ")
    if not joined:
        return title
    elsewhere = body.replace(title, " ")
    return before if re.search(rf"\b{re.escape(after.split()[-1])}\b", elsewhere) else title


def _without_openers(name: str) -> str:
    """ "On Tuesday UpGuard" -> "UpGuard": words that open a sentence are not part of a name."""
    words = name.split()
    while len(words) > 1 and (words[0].lower() in STOPWORDS or words[0].lower() in WEEKDAYS):
        words = words[1:]
    return " ".join(words)


def _people_named(named_in_body: list[dict[str, str]], introduced: dict[str, str]) -> list[list[str]]:
    return [e["text"].split() for e in named_in_body if e["type"] == "PERSON" and e["text"] not in introduced]


def _not_surnames(introduced: dict[str, str], people: list[list[str]]) -> dict[str, str]:
    """The band Van Halen is also the guitarist Eddie Van Halen: such a name keeps each mention's own type."""
    return {
        name: kind
        for name, kind in introduced.items()
        if not any(" ".join(person).endswith(f" {name}") for person in people)
    }


# "in Amman", "from Egypt", "Washington, D.C.": a name written as where something is
_WRITTEN_AS_A_PLACE = re.compile(r"\b(?i:in|at|from|to|of|near|across|into|outside|inside|around)\s+(?:the\s+)?$")
_REGION_AFTER = re.compile(r",\s+[A-Z]")
# "Amman, who was described as ...", "Amman had scrawled ...": the name alone as someone's
_WRITTEN_AS_A_PERSON = re.compile(r",?\s+(?:who|had|has|was|is|said|says|told)\b")


def _places_not_people(people: list[list[str]], body: str) -> frozenset[str]:
    """The names of places among the words of people's names that stand for the place, not the person named in full
    ("Gas Infrastructure Europe", "Sustainable Australia", "Twitter In Ohio" were misread as people). The surname of
    a person named by two words is the person alone ("Sudesh Amman" ... "Amman, who was described as ...") where the
    article writes it alone as someone's ("Amman, who", "Amman had"), never as a place ("in Ohio", "Washington,
    D.C."), and the given name is no listed word, nor one written in lower case."""
    places = {name[-1]: name for name in people if len(name) == 2 and name[-1] in PLACES}
    written_as_places, written_as_people = set(), set()
    for match in re.finditer(rf"\b(?:{'|'.join(map(re.escape, places))})\b", body) if places else ():
        before = body[max(0, match.start() - 12) : match.start()]
        if _WRITTEN_AS_A_PLACE.search(before) or _REGION_AFTER.match(body, match.end()):
            written_as_places.add(match.group())
        elif _WRITTEN_AS_A_PERSON.match(body, match.end()) and not before.endswith(f"{places[match.group()][0]} "):
            written_as_people.add(match.group())
    listed = TITLES | PLACES | NATIONALITIES | ORGANISATIONS | STOPWORDS
    return frozenset(
        name
        for name in PLACES & {word for person in people for word in person}
        if name not in places
        or name in written_as_places
        or name not in written_as_people
        or places[name][0] in listed
        # "Sustainable Australia": a word the article also writes in lower case is no given name
        or re.search(rf"\b{re.escape(places[name][0].lower())}\b", body)
    )


def _given_names(people: list[list[str]]) -> dict[str, frozenset[str]]:
    given: dict[str, set[str]] = {}
    for name in people:
        words_of_name = [word for word in name if not NAME_SUFFIX.fullmatch(word)]
        if len(words_of_name) >= 2:
            given.setdefault(words_of_name[-1], set()).add(words_of_name[0])
    return {surname: frozenset(names) for surname, names in given.items()}


def _surnames(people: list[list[str]]) -> frozenset[str]:
    """Last names of people named in full somewhere in the article ("Lakhdar Brahimi"), and the
    first of two ("Ricardo Rosselló Nevares" is Rosselló later on)."""
    # "Robert Downey Jr." is Downey later on.
    names = [[word for word in name if not NAME_SUFFIX.fullmatch(word)] for name in people]
    surnames = {name[-1] for name in names if len(name) >= 2}
    surnames |= {name[-2] for name in names if len(name) >= 3 and len(name[-2]) > 2 and name[-2][0].isupper()}
    # "Qaboos bin Said" is Qaboos later on: the name before "son of" is the one the person goes by
    surnames |= {name[0] for name in names if len(name) >= 3 and name[1] in ("bin", "ibn", "bint")}
    # "Recep Tayyip Erdoğan" is often "Erdogan" later on, written without the accent.
    surnames |= {_without_accents(surname) for surname in surnames}
    # "Nabil Hasan al-Quaety" is "Al-Quaety" opening a sentence
    surnames |= {surname[:1].upper() + surname[1:] for surname in surnames}
    return frozenset(surnames)


# A word and what stands between it and the word before ("Jamal [...] He", "Bill's List": only a space joins two)
_WORD_AFTER_GAP = re.compile(r"([\W\d_]*)([^\W\d_][\w'\u2019-]*)")
_NAME_PARTICLES = frozenset({"Van", "Von", "De", "Del", "La", "Le", "Bin", "Ibn", "Al", "El", "Da", "Di"})


def _first_names(people: list[list[str]], body: str) -> frozenset[str]:
    """Given names of people the article names in full and then by surname alone, so that the given name alone is
    the person too, common or not ("Jamal Khashoggi" ... "Khashoggi" ... "the killing of Jamal"). Not a word the
    article also writes in lower case or after "the" ("Internet Chat" ... "the Internet") or before another name
    ("Scripps Oceanography" ... "Scripps Institution"), nor a title, place, people or body: such a "person" was
    misread."""
    listed = TITLES | PLACES | NATIONALITIES | ORGANISATIONS | STOPWORDS
    # One pass over the article's words, not a search of the whole article for each person named in it: each
    # word's neighbours with only a space between them.
    before: dict[str, set[str]] = {}
    after: dict[str, set[str]] = {}
    previous = ""
    for gap, word in _WORD_AFTER_GAP.findall(body):
        if word.endswith(("'s", "\u2019s")):
            word = word[:-2]
        adjacent = previous if gap == " " else ""
        before.setdefault(word, set()).add(adjacent)
        if word[0].isupper():
            after.setdefault(adjacent, set()).add(word)
        previous = word
    first_names = set()
    for name in dict.fromkeys(map(tuple, people)):
        if len(name) < 2 or len(name[0]) <= 2 or not name[0].istitle() or name[0] in listed or "." in name[0]:
            continue
        first, second, last = name[0], without_possessive(name[1]), without_possessive(name[-1])
        # "Koszalin Piotr Jedlinski": of three names the first may be a place or a post, unless a particle follows
        if len(name) > 2 and second[0].isupper() and second not in _NAME_PARTICLES:
            continue
        if first.lower() in before or before.get(first, set()) & {"the", "The"}:
            continue
        if after.get(first, set()) - {second} or last in listed:
            continue
        if before.get(last, set()) - {first}:
            first_names.add(first)
    return frozenset(first_names)


def _without_accents(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


_QUOTATION_MARK = re.compile(r'["“”]')
# 'they "would not consider requests of this nature"; Interpol didn't disclose ...': a quotation that closes the
# speaker's words right before a semicolon
_QUOTATION_BEFORE_SEMICOLON = re.compile(r'[^\s"“”][”"]\s*;')


def _says_something(frame: AttributionFrame | None, spans: list[tuple[int, int]], sentence: str) -> bool:
    """Whether a piece of a sentence is what its frame's source said: not the subject's other action, split off
    the verb of saying ("The company acknowledged the breach and paid the fine", "The embassy declined the
    request and said ..."), nor a contrasting clause after a frame that closed the one before ("Trump has
    admitted it, according to prosecutors, but the Justice Department maintains ..."), nor the clause before a
    contrast the frame opens ("... specified no cause, but, according to his agent, Hunter had ..."), nor a
    clause after a semicolon past it, nor the narrator's clause after a quotation that closes right before a
    semicolon ('they "would not consider requests of this nature"; Interpol didn't disclose ...')."""
    if frame is None:
        return True
    if frame.style == "quote":
        return any(_QUOTATION_MARK.search(sentence, a, b) for a, b in spans)
    if frame.gap is not None and _CONTRAST_AFTER_GAP.match(sentence, frame.gap[1]):
        return any(a < frame.gap[0] for a, _ in spans)
    if frame.gap is not None and (contrast := _CONTRAST_BEFORE_GAP.search(sentence, 0, frame.gap[0])):
        return any(b > contrast.start() for _, b in spans)
    if frame.gap is not None and (semicolon := sentence.find(";", frame.gap[1])) >= 0:
        # "Already-queued orders won't leave idle capacity, Maróth said, and ...; unnamed industry experts called
        # this dubious": the frame speaks for its own clause, not for one after a semicolon
        return any(a < semicolon for a, _ in spans)
    if frame.cue_start is None:
        return True
    if (closed := _QUOTATION_BEFORE_SEMICOLON.search(sentence, frame.cue_start)) and all(
        a >= closed.end() and not _QUOTATION_MARK.search(sentence, a, b) for a, b in spans
    ):
        # what the speaker said ends with the quotation; the clause after the semicolon is the narrator's ("Officials
        # said 5 died; 10 were injured", without one, stays the officials')
        return False
    holds_the_verb = any(a <= frame.cue_start < b for a, b in spans)
    shares_the_subject = any(b <= frame.cue_start for _, b in spans)
    return holds_the_verb or not shares_the_subject


def _piece_source(
    text: str, sentence: str, attribution: str, memory: _SourceMemory, *, said_by_the_source: bool = False
) -> str:
    """Who a piece of a sentence is attributed to: the sentence's source, or for a clause split off
    with a source of its own, that one ("X, but the Saudi government said Y"; "Local officials said X,
    but Agence France-Presse reported Y"); nobody for a piece that describes the source ("Jasim Uddin
    is a spokesperson ..."), unless it is what the source said (`said_by_the_source`)."""
    source = attribution
    if text != sentence:
        own = find_attribution(text)
        if (
            own is not None
            # "...on board; according to investigators, one was pronounced dead ..."
            # 'Smith called the disappearance an "interesting" case; Miller said "It is ..."': each its own speaker's
            and own.style in ("leading", "according", "trailing", "quote", "coordinated")
            and own.cue not in _AMBIGUOUS_CUES
            # a claim is its piece's own only where the sentence names no source: "The attacker ... jumped on stage
            # and claimed he was wrongfully imprisoned", but "... and the White House claimed ..." is the sentence's
            and (own.cue not in _CLAIM_CUES or not attribution)
            and own.source.lower() not in SOURCE_ANAPHORA
        ):
            source = _resolve_source(own, memory, sentence, text)
    described = _DESCRIBED_SUBJECT.match(text)
    if source and described and described["subject"] in source and not said_by_the_source:
        return ""
    return source


def _speaker_name(label: str, body: str, memory: _SourceMemory) -> str:
    """Who answers in an interview: the label, or the person its initials stand for ("NG" is
    Natasha Gownaris when the article names her)."""
    if not (label.isupper() and 2 <= len(label) <= 4):
        return label
    pattern = r"\s+".join(rf"{initial}[a-z][\w'\u2019-]*" for initial in label)
    for match in re.finditer(rf"\b{pattern}\b", body):
        if match.group().split()[-1] in memory.known_people:
            return match.group()
    return label


def _caption_line(body: str, sentence: Sentence) -> bool:
    """A line of its own that names rather than states: a gallery caption ("Rey from Star Wars:
    The Force Awakens"), or a credit under a quotation ("—One of the victim's lawyers")."""
    line_start = body.rfind("\n", 0, sentence.start) + 1
    line_end = body.find("\n", sentence.end)
    line = body[line_start : line_end if line_end >= 0 else len(body)].strip()
    text = sentence.text.strip()
    if line != text:
        return False
    # A dash opens a credit even when it names what the quotation was about: "—Łukasz Szumowski on the failed efforts
    # to save the mayor's life", "—Zinichev calling a temporary halt to rescue work".
    if text.startswith(("\u2014", "\u2013")):
        return True
    return not states_an_event(text) and (
        not text.endswith((".", "!", "?", '"', "\u201d")) and len(text.split()) <= _MAX_CAPTION_WORDS
    )


def _never_a_claim(text: str) -> bool:
    if _NO_COMMENT.search(text) or _BOILERPLATE.search(text) or _BYLINE.fullmatch(text.strip()):
        return True
    if "lease" in text and _CALL_TO_ACTION.search(_QUOTATION.sub(" ", text)):
        return True
    if TRANSLATION_MARKER.match(text):
        return True  # a quotation's original-language text follows the English one
    without_urls = _URL.sub(" ", text)
    if too_short_to_claim(without_urls):
        return True
    # A dateline ("Friday, March 15, 2019") is all calendar words and numbers.
    return not _CALENDAR.sub(" ", without_urls).strip(" ,.-")


def _reports_the_reporting(piece: str, outlet: str = "") -> bool:
    """A piece about how the article was reported, unless it counts something: the vote count in "With Wikinews, Cohen
    discussed ... the 2016 ticket, which received 4,489,235 votes" is still checked. A fact split off the same sentence
    ("Brian T. Carroll, the party's nominee, answered some questions ...") is a piece of its own and stays. What the
    article's own `outlet` did to report it goes unless it counts something a claim would: "Wikinews spoke to one of
    the four candidates running in the by-election" counts only who was asked."""
    unquoted = _QUOTATION.sub(" ", piece)
    if _NEWSGATHERING.search(unquoted) is not None and not find_quantities(piece):
        return True
    return (
        bool(outlet)
        and outlet in unquoted
        and _outlet_reporting(outlet).search(unquoted) is not None
        and not any(_is_statistic(quantity) for quantity in find_quantities(piece))
    )


def _names_a_count_again(text: str, quantity: dict[str, Any]) -> bool:
    """ "Officials said a constable saw the twelve with the dead jackal": a count the article made before, named
    again as who or what it counted, is no statistic of the claim's own."""
    return (
        quantity["qualifier"] == "="
        and quantity["text"].isalnum()
        and re.search(rf"\b[Tt]he {quantity['text']}\b", text) is not None
    )


def _names_which_things(text: str, quantity: dict[str, Any]) -> bool:
    """ "The leaders of the two countries publicly expressed ...", "This was one of the five demands of the
    protesters": a small count after "the" names things the reader knows of, and counts nothing new."""
    return (
        quantity["qualifier"] == "="
        and not _is_statistic(quantity)
        and re.search(rf"\b(?:[Tt]he|[Bb]oth)\s+{re.escape(quantity['text'])}\b", text) is not None
    )


# An age or a span after "the" or a possessive, before its noun, tells which thing is meant, and is not what is
# claimed: "the 92-year-old award", "his full five-year term", "his 25-year career", "The 67-year-old killer had kept
# a bracelet"; unlike "The man was a 44-year-old contract worker" or "Senators serve six-year terms".
_SPAN_OF_TIME = re.compile(r"-(?:year|month|week|day)s?(?:-old|-long)?$")


def _describes_its_noun(text: str, quantity: dict[str, Any]) -> bool:
    if not _SPAN_OF_TIME.search(quantity["text"]):
        return False
    determiner = r"\b(?:the|his|her|their|its|our)\s+(?:(?:full|entire|whole)\s+)?"
    return re.search(rf"{determiner}{re.escape(quantity['text'])}\s+\w", text, re.IGNORECASE) is not None


# A count joined to its noun by a hyphen says what sort of thing the noun is, and counts nothing the claim is about:
# "originally a 20-room mansion", "shooting with a five-person crew", "an eight-page insert", "a two-time champion";
# a measure, a span or an age still is the claim's statistic ("a 5.3-magnitude quake", "18-karat gold", "a 14-hour
# drive", "The man was a 44-year-old contract worker").
_COUNT_JOINED_TO_ITS_NOUN = re.compile(r"[\w.,]+-[a-z]+")
_MEASURES_AND_SPANS = words(
    """mile miles km kilometre kilometres kilometer kilometers metre metres meter meters foot feet inch inches acre
    acres hectare hectares karat karats carat carats magnitude light-years ton tons tonne tonnes pound pounds kg
    kilogram kilograms gram grams degree degrees percent mph second seconds minute minutes hour hours day days week
    weeks month months year years"""
)


def _counts_what_its_noun_is(text: str, quantity: dict[str, Any]) -> bool:
    return (
        quantity["qualifier"] == "="
        and quantity["unit"] not in _MEASURES_AND_SPANS
        and _COUNT_JOINED_TO_ITS_NOUN.fullmatch(quantity["text"]) is not None
        and re.search(rf"\b{re.escape(quantity['text'])}\s+[^\W\d_]", text) is not None
    )


# A span that says when something happened, counted from another moment: "The hotel closed around fifteen years ago",
# "we started working in earnest about 2 years ago"; the claim tells the event, not the span. A bound on the span
# ("The attack came less than two weeks before the inauguration") is what it claims.
_SPAN_UNITS = words(
    "second seconds minute minutes hour hours day days week weeks month months year years decade decades"
)


def _dates_the_event(text: str, quantity: dict[str, Any]) -> bool:
    return (
        quantity["unit"] in _SPAN_UNITS
        and quantity["qualifier"] in ("=", "~")
        and re.search(rf"\b{re.escape(quantity['text'])}\s+(?:later|earlier|ago|after|before)\b", text) is not None
    )


def _age_beside_a_name(text: str, quantity: dict[str, Any]) -> bool:
    """ "LGBT activist Andrew Kinsman, 49, was quickly reported missing", "Adamowicz, 53, has supported LGBT rights":
    an age set off by commas after a name tells who is meant, and is not what the claim says of them."""
    return (
        quantity["unit"] == "years"
        and quantity["text"].isdigit()
        and re.search(rf"\b{_CAPITALISED_WORD}, {quantity['text']}, ", text) is not None
    )


def _is_statistic(quantity: dict[str, Any]) -> bool:
    if is_vague(quantity):
        return False  # "Prosecutors said ... from hundreds of miles away": the count is not what is claimed
    if quantity["qualifier"] != "=" or quantity["unit"] in MEASURE_UNITS:
        return True
    return isinstance(quantity["value"], float) or quantity["value"] >= 100


def _prediction_cues(text: str, *, anchored: bool) -> list[str]:
    text = _NOT_AN_OPINION.sub(" ", _CONCEDED_OPENING.sub("", text, count=1))
    if "May" in text:
        text = _MAY_THE_MONTH.sub(" ", text)
    if "right" in text:
        text = _GOT_IT_RIGHT.sub(" ", text)
    if "expected" in text:
        text = _RULE_BEFORE_EXPECTED.sub(" ", text)
    if "will" in text:
        text = _HABITUAL_WILL.sub(" ", text)
    words = re.findall(r"[a-z']+", text.lower())
    cues = [m.group().lower() for m in _PREDICTION.finditer(text)]
    # Not "must": in news prose it mostly states a rule ("It must be signed by the President",
    # "Candidates must receive at least 15% of the vote"), which can be checked.
    cues += [w for w in words if w in ("likely", "probably", "should")]
    # Opinion words as written in the claim's own voice: not in a name ("Best Hero" award) or
    # a quotation, and on a claim with checkable facts only when there are several.
    unquoted = _QUOTATION.sub(" ", text)
    opinions = [w for w in re.findall(r"[a-z']+", unquoted) if w in OPINION_WORDS]
    if len(opinions) >= (2 if anchored else 1):
        cues += opinions
    # A plain hedge ("could", "might") alone is too weak; it takes a second signal.
    hedges = [w for w in words if w in HEDGES]
    if cues or len(hedges) >= 2:
        return list(dict.fromkeys(cues + hedges))
    return []


def _quotes_someone(text: str) -> bool:
    """Quoted words that are someone's speech, not a name or title in quotation marks ("known as
    "Super Tuesday"", nicknamed the "Kim Kardashian of Pakistan"): a quotation in title case is a name even beside a
    verb of saying ('Roberts says his event, "Storm Area 51, They Can't Stop All of Us", was posted as a joke', 'A
    spokesman of "Save the Children" said'), unless it is shouted in capitals; nor is a term being named or defined
    ('earned the name "jackass penguin"', 'nicknamed the "king of coal"', 'A "biosignature gas" is one that ...')."""
    # Marks pair in order: the words between two quotations ('"COVI" represents the coronavirus, "D" is for') are
    # outside both; a quotation left open runs to the claim's end
    quotations = re.findall(r"[\"“]([^\"”]*)(?:[\"”]|$)", _TERM_IN_QUOTATION_MARKS.sub(" ", text))
    return any(
        len(quotation) >= 12 and (not _title_case(quotation) or quotation.isupper()) for quotation in quotations
    ) or bool(_NAMED_IN_SOMEONES_WORDS.search(text))


def _title_case(phrase: str) -> bool:
    words = re.findall(r"[^\W\d_][\w'\u2019-]*", phrase)
    return bool(words) and all(word[0].isupper() or word in STOPWORDS for word in words)


def _speech_cues(words: list[str]) -> list[str]:
    cues = []
    for index, word in enumerate(words):
        if word not in _SPEECH_CUE_WORDS:
            continue
        if word in _SPEECH_VERBS:
            cues.append(word)
        elif word == "reporting":
            if index and words[index - 1] in _REPORTING_GROUPS:
                cues.append(word)  # "with local media reporting no-one was inside", not "his financial reporting"
        elif word == "called":
            # "Amnesty International has called for an investigation", "The Turkish statement called for the safe
            # zone ...": a demand made aloud; not "was called for questioning", nor "called the move ..."
            if words[index + 1 : index + 2] == ["for"] and (not index or words[index - 1] not in _BE_FORMS):
                cues.append("called for")
        elif (not index or words[index - 1] != "as") and not _RELATIVE_WORDS.intersection(
            words[max(0, index - 3) : index]
        ):
            cues.append(word)
        if len(cues) == 2:
            break
    return cues


_SPEECH_VERBS = frozenset({"said", "says", "say", "saying", "reported", "told", "according", "wrote", "stated"})
# Verbs of stating a view or a finding, which report what someone said as much as "said" does ("The researchers
# speculated the spikes ...", "He hinted that the task force would be disbanded"), but not the article's own
# "as noted" nor a relative clause beside the claim ("requests for leniency from his lawyers, who argued ...").
# So do verbs of telling someone what to do ("The mayor advised residents to shelter in place", "Minnis urged
# residents to evacuate", "police warned people in the vicinity to stay inside", "Merkel demanded an explanation")
# and of judging aloud ("Brett McGurk also criticized the decision via Twitter", "The operation was condemned by
# members of the European Union"), and of making a view or a plan known ("Both officers indicated they would appeal",
# "Projections by CNN and NPR indicated he won"), and of making news known ("Magyar Nemzet revealed a deal whereby
# ...", "PBS revealed that ...", "Your release mentioned sexing the penguins was problematic").
_STATING_VERBS = words(
    """speculated hinted reasoned suggested argued noted explained insisted testified urged advised warned encouraged
    demanded criticized criticised condemned indicated revealed mentioned"""
)
_SPEECH_CUE_WORDS = _SPEECH_VERBS | _STATING_VERBS | {"reporting", "called"}
_BE_FORMS = frozenset({"is", "are", "was", "were", "be", "been", "being"})
_RELATIVE_WORDS = frozenset({"who", "which", "whom", "whose"})


_REPORTING_GROUPS = frozenset({"media", "outlets", "publications", "newspapers", "reports", "sources", "officials"})
