"""Query building and evidence passages: pure functions, no database."""

import datetime as dt

import pytest

from apps.references.evidence import best_evidence, compare_figures, dates_in, numbers_in, stem
from apps.references.queries import ClaimQuery, _full_dates, claim_outlet, key_terms

VETO = "Russia and China have vetoed three UN Security Council resolutions aimed at isolating Assad over the violence."
TOLL = "The violence has killed at least 40,000 people."


def test_key_terms_put_entities_and_numbers_first_without_stopwords():
    entities = [{"text": "UN Security Council", "type": "ORG"}, {"text": "Russia", "type": "PLACE"}]

    terms = key_terms(VETO, entities=entities)

    assert terms[:2] == ["UN Security Council", "Russia"]
    assert "three" in terms
    assert "and" not in terms
    assert "have" not in terms


def test_key_terms_keep_accented_letters():
    terms = key_terms("Café owners in Zürich said prices rose 40 percent in 2012, the ministry reported.")

    assert terms[:4] == ["Café", "Zürich", "40", "2012"]
    assert "Caf" not in terms


def test_key_terms_do_not_repeat_an_entitys_words():
    text = "The United Nations said the United Nations mission counted 40,000 dead."

    terms = key_terms(text, entities=[{"text": "United Nations", "type": "ORG"}])

    assert terms.count("United Nations") == 1
    assert not {"United", "Nations", "nations"} & set(terms)


@pytest.mark.parametrize(
    ("text", "attribution", "context", "outlet"),
    [
        ("Russia resisted U.S. appeals, Kommersant reported Tuesday.", "", "", "Kommersant"),
        ("The talks failed, according to the Financial Times.", "", "", "Financial Times"),
        ("Assad must not be ousted, Putin said.", "", "", ""),
        ("Clinton told Lavrov that Assad would fall.", "Kommersant", "", "Kommersant"),
        ("Moscow is not propping up Assad.", "President Vladimir Putin", "", ""),
        (
            "The daily said Moscow would not move.",
            "Nezavisimaya Gazeta",
            "Nezavisimaya Gazeta reported",
            "Nezavisimaya Gazeta",
        ),
    ],
)
def test_claim_outlet(text, attribution, context, outlet):
    assert claim_outlet(text, attribution=attribution, context=context) == outlet


def test_date_window_reaches_back_to_dates_the_claim_names():
    query = ClaimQuery(
        claim_id="c",
        desk_id=None,
        text="",
        terms=(),
        article_date=dt.date(2012, 12, 11),
        claim_dates=_full_dates([{"text": "June 30", "value": "2012-06-30"}, {"value": "2012-11"}]),
    )

    assert query.date_window() == (dt.date(2012, 5, 31), dt.date(2012, 12, 18))


def test_stemming_joins_word_forms():
    assert stem("vetoed") == stem("vetoes") == stem("veto")
    assert stem("killed") == stem("kills")
    assert stem("resolutions") == stem("resolution")


def test_numbers_skip_years_dates_and_document_symbols():
    text = "On 4 October 2011 (S/2011/612) Russia and China vetoed three draft resolutions; 9 voted in favour."

    assert [number.value for number in numbers_in(text)] == [3, 9]
    assert numbers_in(TOLL)[0].qualifier == "min"
    assert numbers_in("some 2.5 million people")[0].value == 2_500_000
    assert numbers_in("forty thousand dead")[0].value == 40_000


def test_dates_in_both_orders():
    assert dates_in("the June 30 Geneva declaration") == {(6, 30)}
    assert dates_in("on 30 June 2012 in Geneva") == {(6, 30)}


@pytest.mark.parametrize(
    ("claim", "passage", "stance"),
    [
        (VETO, "Russia and China vetoed three draft resolutions on Syria in the Security Council.", "supports"),
        (VETO, "Russia and China vetoed two draft resolutions on Syria in the Security Council.", "contradicts"),
        (TOLL, "More than 40,000 people have been killed since March 2011.", "supports"),
        (TOLL, "The analysis listed 59,648 people killed.", "supports"),
        (TOLL, "About 20,000 people have been killed, the group said.", "contradicts"),
        (TOLL, "The violence has driven people from their homes.", "mentions"),
        (TOLL, "Football results from the weekend.", "unrelated"),
    ],
)
def test_figures_are_compared_with_the_claim(claim, passage, stance):
    [evidence] = best_evidence(claim, [passage])
    assert (evidence.stance if evidence else "unrelated") == stance


@pytest.mark.parametrize(
    ("passage", "stance"),
    [
        # Shares only "Syria" with the claim: a count of something else, about something else.
        ("It listed 59,648 people killed in Syria between 15 March 2011 and 30 November 2012.", "unrelated"),
        ("All three agreed the situation in Syria was very bad.", "unrelated"),
        # Five Council members are not a count of resolutions.
        (
            "Its members included the foreign ministers of the five permanent members of the Security Council.",
            "unrelated",
        ),
    ],
)
def test_a_passage_about_something_else_neither_contradicts_nor_supports(passage, stance):
    claim = "Russia and China have vetoed three Security Council draft resolutions on Syria since October 2011."

    [evidence] = best_evidence(claim, [passage])

    assert evidence.stance == stance


def test_a_different_figure_contradicts_only_a_passage_about_the_claim():
    claim = "Russia and China have vetoed three Security Council draft resolutions on Syria since October 2011."
    passage = "Russia and China vetoed five Security Council resolutions."

    assert compare_figures(claim, passage, coverage=0.3).stance == "mentions"
    assert compare_figures(claim, passage, coverage=0.1).stance == "unrelated"
    assert compare_figures(claim, passage, coverage=0.6).stance == "contradicts"


def test_a_claim_without_figures_is_supported_by_a_matching_date():
    claim = "Brahimi is seeking a solution based on the June 30 Geneva declaration."
    passage = "On 30 June 2012 in Geneva the Action Group agreed a declaration for a solution that Brahimi now seeks."

    assert compare_figures(claim, passage, coverage=0.6).stance == "supports"


def test_best_passage_is_chosen_per_document_with_highlights():
    document = (
        "The Security Council met often in 2012. "
        "Russia and China vetoed three draft resolutions on Syria. "
        "Other business followed."
    )

    [evidence] = best_evidence(VETO, [document])

    assert evidence.passage == "Russia and China vetoed three draft resolutions on Syria."
    assert document[evidence.start : evidence.end] == evidence.passage
    highlighted = [evidence.passage[start:end] for start, end in evidence.highlights]
    assert "three" in " ".join(highlighted)
    assert "Russia" in " ".join(highlighted)


def test_documents_without_any_matching_word_get_no_evidence():
    assert best_evidence(VETO, ["Nothing in common here."]) == [None]
