"""Second queue round: what the outlet that published an article did to report it ("Wikinews attended the
convention", "Cohen spoke to Wikinews back in June") never reaches the queue, while what someone told the outlet does;
and a short statement about someone just named ("He was 95.", "Mugabe embraced Marxism.") is no longer dropped by
the four-word floor as a fragment."""

import pytest

from apps.claims.checkworthiness import too_short_to_claim
from apps.claims.extraction import extract_claims
from apps.claims.services import article_claims_extract
from tests import factories

INTERVIEW = (
    "Wikinews attended the Texas Haunters Convention on the last weekend of July in Mesquite, Texas.\n\n"
    "Wikinews accredited reporter William S. Saturn reached out to Unity Party of America presidential nominee "
    "Bill Hammons of Colorado to discuss Hammons's 2020 campaign for President of the United States.\n\n"
    "Cohen spoke to Wikinews back in June.\n\n"
    "Aparna Garg discussed this initiative with Wikinews.\n\n"
    "Wikinews was on the scene around 6:20 pm.\n\n"
    "Along with 3D printing a bone-shaped name tag when Wikinews visited, Grivik was demonstrating miniature "
    "computer screens that could be used as eyes for a fursuit.\n\n"
    "Smith told Wikinews this might happen in cases of illegal fishing by foreign trawlers in the Java Sea.\n\n"
    "Wikinews confirmed with UpGuard that the two incidents involved two separate Amazon S3 buckets.\n\n"
    "Some of the protesters Wikinews interviewed said they had gone to defend the right of their children to live "
    "and work in Europe.\n\n"
    "Amazon laid off 4,500 workers in March, the union said."
)


def _texts(body, **kwargs):
    return [claim.text for claim in extract_claims(body, **kwargs)]


@pytest.mark.parametrize(
    "reporting",
    [
        "Wikinews attended the Texas Haunters Convention",
        "Wikinews accredited reporter William S. Saturn reached out",
        "Cohen spoke to Wikinews back in June.",
        "Aparna Garg discussed this initiative with Wikinews.",
        "Wikinews was on the scene",
    ],
)
def test_what_the_outlet_did_to_report_the_article_is_no_claim(reporting):
    assert not any(reporting in text for text in _texts(INTERVIEW, outlet="Wikinews"))


@pytest.mark.parametrize(
    "news",
    [
        "Grivik was demonstrating miniature computer screens",
        "Smith told Wikinews this might happen",
        "Wikinews confirmed with UpGuard that the two incidents involved",
        "Some of the protesters Wikinews interviewed said",
        "Amazon laid off 4,500 workers",
    ],
)
def test_what_someone_told_the_outlet_or_did_while_it_watched_stays(news):
    assert any(news in text for text in _texts(INTERVIEW, outlet="Wikinews"))


def test_another_outlets_reporting_is_news_of_its_own():
    assert any("Wikinews attended the Texas Haunters Convention" in text for text in _texts(INTERVIEW, outlet="BBC"))


@pytest.mark.django_db
def test_the_intake_step_reads_the_articles_outlet():
    article = factories.ArticleFactory(body=INTERVIEW, outlet="Wikinews")

    texts = [claim.text for claim in article_claims_extract(article=article)]

    assert not any("Wikinews attended" in text for text in texts)
    assert any("4,500 workers" in text for text in texts)


@pytest.mark.parametrize("sentence", ["He was 95.", "She was 26.", "He died today.", "Mugabe embraced Marxism."])
def test_a_short_statement_about_someone_just_named_passes_the_floor(sentence):
    assert not too_short_to_claim(sentence)


@pytest.mark.parametrize(
    "fragment",
    ["It has improved.", "Image: Paul Budd.", "White House.", "Round 2 vote.", "Sealed bottles.", "He was 1990."],
)
def test_fragments_stay_under_the_floor(fragment):
    assert too_short_to_claim(fragment)


def test_an_age_after_an_obituary_names_whose_it_is():
    body = (
        "Cosmonaut Alexei Leonov, the first person to walk in space, died on Friday in Moscow after a long illness. "
        "He was 85."
    )

    assert any(text.endswith("Alexei Leonov was 85.") for text in _texts(body))


@pytest.mark.parametrize(
    ("body", "gone", "kept"),
    [
        pytest.param(
            '"I had forgotten for a second that it was made out of gold," wrote Cattelan, the artist, in an e-mail to '
            "The New York Times on Friday.",
            "Cattelan is the artist.",
            "Cattelan",
            id="a part in this story",
        ),
        pytest.param(
            "The following is the third edition of a monthly series chronicling the 2020 United States presidential "
            "election. Senator Elizabeth Warren ended her campaign on Thursday after Super Tuesday.",
            "The following is the third edition",
            "Warren ended her campaign",
            id="what the article is",
        ),
        pytest.param(
            "This month's spotlight on the campaign trail includes interviews with the vice presidential nominees of "
            "the Prohibition Party and the Reform Party. The Reform Party nominated Rocky De La Fuente in June.",
            "This month's spotlight",
            "The Reform Party nominated",
            id="what the series includes",
        ),
    ],
)
def test_lines_that_need_the_story_around_them_are_no_claims(body, gone, kept):
    texts = _texts(body)

    assert not any(gone in text for text in texts)
    assert any(kept in text for text in texts)


def test_the_english_sentence_after_an_original_text_without_a_full_stop_is_read():
    body = (
        "Park Won-soon, the mayor of Seoul, was reported missing on Thursday by his daughter.\n\n"
        "((ko))Korean language: \u200d4~5시간 전에 아버지가 유언 같은 말을 남기고 집을 나갔는데 전화기가 꺼져 있다  "
        "Park's phone was last active in the north-east region of Seoul in Seongbuk-gu, The Korea Herald reported."
    )

    assert any(text.startswith("Park's phone was last active") for text in _texts(body))
