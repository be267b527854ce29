"""The seventeenth attribution round: who a statement is attributed to, read over the Wikinews articles."""

from apps.claims.extraction import extract_claims
from apps.claims.nlp.attribution import find_attribution

CHARLAMAGNE = (
    'More consequential, he told African American radio host Charlamagne tha God "if you have a problem figuring out '
    'whether you\u2019re for me or Trump, then you ain\u2019t black."'
)


def test_an_opening_comparison_of_one_word_comes_before_the_speakers_pronoun():
    frame = find_attribution(CHARLAMAGNE)
    assert frame is not None
    assert (frame.source, frame.cue) == ("he", "told")


def test_a_quotation_told_to_a_host_of_a_many_worded_name_keeps_the_whole_sentence():
    sentence = CHARLAMAGNE.replace("More consequential,", "Later,")
    frame = find_attribution(sentence)
    assert frame is not None
    assert (frame.style, frame.content_start, frame.content_end) == ("quote", 0, len(sentence))


def test_the_pronoun_after_an_opening_comparison_is_the_person_named_before():
    claims = extract_claims(
        "Joe Biden made a couple of gaffes in May. First, he juxtaposed numbers, claiming 85,000 Americans were "
        f"unemployed and millions had died from coronavirus. {CHARLAMAGNE}"
    )
    told = [claim for claim in claims if "Charlamagne" in claim.text]
    assert [claim.attribution for claim in told] == ["Joe Biden"]


def test_a_quotation_introduced_by_with_is_the_speakers_after_it():
    frame = find_attribution(
        'With "Abe, I wanted to go for accuracy over comfort," Chapman told Wikinews, a choice leaving her largely '
        "helpless without a handler."
    )
    assert frame is not None
    assert (frame.source, frame.cue) == ("Chapman", "told")


def test_a_second_speaker_after_and_may_speak_for_the_one_named_before():
    frame = find_attribution(
        "Rittenhouse turned himself in to authorities on the morning following the shooting, and his lawyers have "
        "claimed the defendant acted in self defense."
    )
    assert frame is not None
    assert (frame.source, frame.cue) == ("his lawyers", "claimed")


def test_a_second_speaker_after_and_may_be_an_unnamed_group():
    frame = find_attribution("The storm hit the town, and officials said the damage was severe.")
    assert frame is not None
    assert (frame.source, frame.cue) == ("officials", "said")


def test_how_long_before_something_may_follow_the_opening_before_the_source():
    frame = find_attribution(
        "On June 12, minutes before the Oversight Committee voted to refer them to the full House to be held in "
        "contempt, Trump formally claimed the documents were subject to executive privilege."
    )
    assert frame is not None
    assert (frame.source, frame.cue) == ("Trump", "claimed")


BAKER = (
    "Ginger Baker was born Peter Edward Baker in Lewisham, London, in 1939. Baker \u2014 who was reportedly nicknamed "
    "Ginger due to his red hair \u2014 began playing drums in his teens. In a story he sometimes told, he had a habit "
    "of tapping on school desks. When an opportunity arose at a party, his classmates encouraged him to sit down at a "
    'drum set. "I\'d never sat behind a kit before, but I sat down and I could play, and I was a drummer at once", he '
    "recalled in a 2009 retelling of the story to The Independent."
)


def test_a_pronoun_sentences_after_the_paragraphs_one_person_is_that_person():
    recalled = [claim for claim in extract_claims(BAKER) if "recalled" in claim.text]
    assert [claim.attribution for claim in recalled] == ["Baker"]


def test_a_pronoun_after_a_paragraph_of_two_people_stays_unresolved():
    article = BAKER.replace("In a story he", "Eric Clapton met him in 1966. In a story he")
    recalled = [claim for claim in extract_claims(article) if "recalled" in claim.text]
    assert [claim.attribution for claim in recalled] == [""]
