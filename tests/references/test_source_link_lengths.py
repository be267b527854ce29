"""A rule's link, label and reason filled with a claim's values can outgrow their columns, which
PostgreSQL refuses: one such rule failed the import of every article its desk took in."""

import pytest

from apps.references import services
from apps.references.models import SourceLink, SourceRule
from tests import factories

pytestmark = pytest.mark.django_db

ENVOY = "Kofi Annan, the joint special envoy of the United Nations and the League of Arab States to Syria"


@pytest.fixture
def long_rules(desk):
    """A rule whose label and reason are near their limits, and one whose URL is."""
    return [
        SourceRule.objects.create(
            desk=desk,
            name="Long words",
            label="L" * 290 + " {actor}",
            url_template="https://example.org/search?who={actor}",
            reason="R" * 490 + " {actor}",
        ),
        SourceRule.objects.create(
            desk=desk,
            name="Long address",
            label="Archive search",
            url_template="https://example.org/" + "p" * 1960 + "?q={actor}",
            reason="Because.",
        ),
    ]


@pytest.fixture
def envoy_article(desk):
    article = factories.ArticleFactory(desk=desk)
    factories.ClaimFactory(
        article=article,
        text="Kofi Annan said 108 people were killed in Houla.",
        entities=[{"type": "PERSON", "text": ENVOY}],
    )
    return article


def _assert_links_fit():
    for link in SourceLink.objects.all():
        assert len(link.url) <= 2000
        assert len(link.label) <= 300
        assert len(link.reason) <= 500


def test_long_labels_and_reasons_are_shortened_and_overlong_urls_left_out(long_rules, envoy_article):
    proposed = services.article_source_links_attach(article=envoy_article)

    link = SourceLink.objects.get(rule=long_rules[0])
    assert proposed == 1
    assert link.label.endswith("…")
    assert len(link.label) == 300
    assert link.reason.endswith("…")
    assert len(link.reason) == 500
    assert not SourceLink.objects.filter(rule=long_rules[1]).exists()
    _assert_links_fit()


def test_a_claims_own_links_fit_too(long_rules, envoy_article):
    claim = envoy_article.claims.get()

    services.claim_source_links_attach(claim=claim)

    assert SourceLink.objects.filter(claim=claim).count() == 1
    _assert_links_fit()


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_an_article_whose_values_overflow_a_rule_still_gets_its_links_on_postgresql(long_rules, envoy_article):
    assert services.article_source_links_attach(article=envoy_article) == 1
