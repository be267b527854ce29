"""The shipped catalogue of source rules by topic, and URL templates filled from a claim's facts."""

import importlib

import pytest
from django.apps import apps

from apps.claims.models import ClaimKind
from apps.references.models import SourceLink, SourceRule, SourceRuleTopic
from apps.references.services import article_source_links_attach
from tests.factories import ClaimFactory, SourceRuleFactory

pytestmark = pytest.mark.django_db

MACRON = {"text": "Emmanuel Macron", "type": "PERSON"}
YEAR_2022 = {"text": "in 2022", "value": "2022"}


def _links(claim) -> dict[str, SourceLink]:
    article_source_links_attach(article=claim.article)
    return {link.rule.name: link for link in SourceLink.objects.filter(claim=claim).select_related("rule")}


def test_shipped_rules_are_filed_under_their_topics_and_the_catalogue_is_shipped():
    topics = dict(SourceRule.objects.filter(desk__isnull=True).values_list("name", "topic"))

    assert topics["un-sc-veto-list"] == topics["un-ga-voting-records"] == SourceRuleTopic.UN_VOTES
    assert topics["ohchr-casualties"] == topics["reliefweb-casualties"] == SourceRuleTopic.CASUALTIES
    assert topics["outlet-coverage-search"] == SourceRuleTopic.MEDIA
    assert topics["ifes-electionguide"] == topics["ipu-parline"] == SourceRuleTopic.ELECTIONS
    assert topics["world-bank-data"] == topics["imf-search"] == topics["oecd-search"] == SourceRuleTopic.ECONOMY
    assert topics["wikiquote-search"] == topics["wikiquote-speaker"] == SourceRuleTopic.QUOTES
    assert topics["unhcr-operational-data-portal"] == topics["unhcr-refugee-data-finder"] == SourceRuleTopic.REFUGEES
    assert topics["un-peacemaker-agreements"] == topics["un-digital-library-agreements"] == SourceRuleTopic.AGREEMENTS
    assert topics["un-sc-meetings-of-the-year"] == SourceRuleTopic.UN_VOTES
    assert SourceRuleFactory().topic == SourceRuleTopic.OTHER


def test_an_election_claim_gets_election_sources_with_the_year_filled(desk):
    claim = ClaimFactory(
        article__desk=desk,
        text="Emmanuel Macron won the 2022 presidential election with 58.5 percent of the vote.",
        kind=ClaimKind.EVENT,
        entities=[MACRON],
        dates=[YEAR_2022],
    )

    links = _links(claim)

    assert links["ifes-electionguide"].url == "https://www.electionguide.org/elections/"
    assert links["ipu-parline"].url == "https://data.ipu.org/"
    wikipedia = links["wikipedia-election-year"]
    assert wikipedia.url.startswith("https://en.wikipedia.org/w/index.php?search=Emmanuel%20Macron%20")
    assert wikipedia.url.endswith("+2022+election")
    assert wikipedia.label == "Wikipedia: elections of 2022"
    assert "world-bank-data" not in links  # economy rules are for statistics and comparisons


ELECTION_RULES = {"ifes-electionguide", "ipu-parline", "wikipedia-election-year"}
EXCLUDED_FROM_ELECTIONS = ["Security Council", "General Assembly", "Human Rights Council", "resolution"]


def _excluded_keywords_by_rule() -> dict[str, list[str]]:
    return dict(SourceRule.objects.filter(desk__isnull=True).values_list("name", "excluded_keywords"))


AGREEMENT_RULES = {"un-peacemaker-agreements", "un-digital-library-agreements"}
EXCLUDED_FROM_AGREEMENTS = [
    "state of emergency", "declaration of emergency", "declaration of independence", "tax declaration",
]  # fmt: skip


def test_shipped_election_and_agreement_rules_rule_out_look_alikes_and_other_shipped_rules_nothing():
    excluded = _excluded_keywords_by_rule()

    assert {name: excluded[name] for name in ELECTION_RULES} == dict.fromkeys(ELECTION_RULES, EXCLUDED_FROM_ELECTIONS)
    assert {name: excluded[name] for name in AGREEMENT_RULES} == dict.fromkeys(
        AGREEMENT_RULES, EXCLUDED_FROM_AGREEMENTS
    )
    assert all(words == [] for name, words in excluded.items() if name not in ELECTION_RULES | AGREEMENT_RULES)


# The second run follows the first one's flush, whatever ran before: tests/conftest.py must put
# the excluded keywords back along with the rules.
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("run", ["first", "after a flush"])
def test_shipped_excluded_keywords_are_back_after_a_transactional_test_flushes_the_tables(run):
    excluded = _excluded_keywords_by_rule()

    assert {name: excluded[name] for name in ELECTION_RULES} == dict.fromkeys(ELECTION_RULES, EXCLUDED_FROM_ELECTIONS)


@pytest.mark.parametrize(
    "text",
    [
        "The Security Council voted 13-2 on the resolution.",
        "The General Assembly voted 133 to 12 to condemn the crackdown.",
        "Only Russia and China voted against the draft resolution.",
    ],
)
def test_a_un_vote_claim_gets_no_election_sources(desk, text):
    claim = ClaimFactory(article__desk=desk, text=text, kind=ClaimKind.EVENT, dates=[YEAR_2022])

    links = _links(claim)

    assert not ELECTION_RULES & links.keys()


def test_the_data_migration_leaves_an_admins_excluded_keywords_and_its_reverse_clears_them():
    migration = importlib.import_module("apps.references.migrations.0011_election_rules_excluded_keywords")
    SourceRule.objects.filter(name="ipu-parline").update(excluded_keywords=["parliamentary assembly"])

    migration.exclude_un_votes(apps, None)

    assert _excluded_keywords_by_rule()["ipu-parline"] == ["parliamentary assembly"]
    migration.clear_excluded_keywords(apps, None)
    excluded = _excluded_keywords_by_rule()
    assert all(excluded[name] == [] for name in ELECTION_RULES)
    migration.exclude_un_votes(apps, None)
    assert _excluded_keywords_by_rule()["ipu-parline"] == EXCLUDED_FROM_ELECTIONS


def test_an_economy_claim_gets_statistics_sources_and_desk_rules_may_use_the_year(desk):
    SourceRuleFactory(desk=desk, name="cpi-by-year", url_template="https://example.org/cpi/{year}?q={query}")
    claim = ClaimFactory(
        article__desk=desk, text="Inflation rose to 7.5 percent in 2022", kind=ClaimKind.STATISTIC, dates=[YEAR_2022]
    )

    links = _links(claim)

    query = "Inflation%207.5%202022%20rose%20percent"
    assert links["world-bank-data"].url == f"https://data.worldbank.org/search?q={query}"
    assert links["imf-search"].url == f"https://www.imf.org/en/Search#q={query}&sort=relevancy"
    assert links["oecd-search"].url == f"https://www.oecd.org/en/search.html?q={query}"
    assert links["cpi-by-year"].url == f"https://example.org/cpi/2022?q={query}"
    assert not {"ifes-electionguide", "wikiquote-search", "ohchr-casualties"} & links.keys()


def test_a_quote_claim_gets_wikiquote_for_the_words_and_for_the_speaker(desk):
    claim = ClaimFactory(
        article__desk=desk,
        text="“We will not give up on Syria,” Kofi Annan said.",
        kind=ClaimKind.QUOTE,
        entities=[{"text": "Syria", "type": "PLACE"}, {"text": "Kofi Annan", "type": "PERSON"}],
    )

    links = _links(claim)

    assert links["wikiquote-search"].url.startswith("https://en.wikiquote.org/w/index.php?search=Syria%20Kofi%20Annan")
    speaker = links["wikiquote-speaker"]
    assert speaker.url == "https://en.wikiquote.org/w/index.php?search=Kofi%20Annan"
    assert (speaker.label, speaker.reason) == (
        "Wikiquote: Kofi Annan",
        "What Kofi Annan is on record as saying, with the source of each quotation.",
    )


def test_a_quote_without_a_named_person_or_organisation_gets_no_speaker_link(desk):
    claim = ClaimFactory(
        article__desk=desk,
        text="“We will not give up on Syria,” the envoy said.",
        kind=ClaimKind.QUOTE,
        entities=[{"text": "Syria", "type": "PLACE"}],
    )

    links = _links(claim)

    assert "wikiquote-search" in links
    assert "wikiquote-speaker" not in links


def test_the_year_falls_back_to_the_article_and_a_rule_needing_it_is_skipped_without_one(desk):
    SourceRuleFactory(desk=desk, name="by-year", url_template="https://example.org/{year}/?q={query}")
    SourceRuleFactory(desk=desk, name="by-query", url_template="https://example.org/search?q={query}")
    unresolved = [{"text": "on Tuesday", "value": None}]
    dated = ClaimFactory(article__desk=desk, article__published_on=None, dates=[{"text": "in May", "value": "2012-05"}])
    from_article = ClaimFactory(article__desk=desk, dates=unresolved)
    undated = ClaimFactory(article__desk=desk, article__published_on=None, dates=unresolved)

    assert _links(dated)["by-year"].url.startswith("https://example.org/2012/?q=")
    assert _links(from_article)["by-year"].url.startswith("https://example.org/2012/?q=")  # published 2012-12-11
    undated_links = _links(undated)
    assert "by-year" not in undated_links
    assert "by-query" in undated_links
