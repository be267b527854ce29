"""Services a desk admin uses for the desk's own source rules (apps/references/services.py)."""

import pytest

from apps.core.exceptions import ApplicationError, NotFoundError, PermissionDeniedError
from apps.references import services
from apps.references.models import SourceRule, SourceRuleTopic
from apps.references.services import source_rule_url_template_check
from tests import factories

pytestmark = pytest.mark.django_db

RULE = {
    "name": "World desk: Reuters search",
    "label": "Reuters search",
    "url_template": "https://www.reuters.com/site-search/?query={query}",
    "reason": "Wire copy often carries the original figures.",
    "kinds": ["statistic", "event"],
    "keywords": ["killed", " Killed ", "", "veto"],
    "excluded_keywords": [" exercise ", "EXERCISE", "  ", "drill"],
    "requires_attribution": False,
    "priority": 50,
}


@pytest.fixture
def desk_rule(desk, desk_admin):
    return services.source_rule_create(user=desk_admin, desk=desk, **RULE)


@pytest.mark.parametrize(
    "template",
    [
        "https://www.un.org/securitycouncil/content/quick-links",
        "http://example.org/search?q={query}&site={outlet}",
        "https://example.org/{outlet}/archive?q={query}&literal={{braces}}",
        "https://example.org/{year}/search?who={actor}",
    ],
)
def test_http_url_templates_with_known_placeholders_are_accepted(template):
    assert source_rule_url_template_check(f"  {template} ") == template


@pytest.mark.parametrize(
    ("template", "message"),
    [
        ("ftp://example.org/{query}", "full http"),
        ("example.org/search?q={query}", "full http"),
        ("javascript:alert({query})", "full http"),
        (
            "https://example.org/search?q={claim}",
            "only use the placeholders {query}, {outlet}, {year}, {actor} and {speaker}",
        ),
        ("https://example.org/search?q={}", "only use the placeholders"),
        ("https://example.org/search?q={0}", "only use the placeholders"),
        ("https://example.org/search?q={query!r}", "only use the placeholders"),
        ("https://example.org/search?q={query:>40}", "only use the placeholders"),
        ("https://example.org/search?q={query.upper}", "only use the placeholders"),
        ("https://example.org/search?q={year:04}", "only use the placeholders"),
        ("https://example.org/search?q={actor[0]}", "only use the placeholders"),
        ("https://example.org/search?q={query", "unmatched brace"),
        ("https://{outlet}.example.org/search?q={query}", "site must be fixed"),
        ("https://exa mple.org/?q={query}", "valid web address"),
    ],
)
def test_bad_url_templates_are_refused_with_the_reason(template, message):
    with pytest.raises(ApplicationError, match=message.replace("{", r"\{").replace("}", r"\}")):
        source_rule_url_template_check(template)


def test_an_admin_creates_a_desk_rule_with_cleaned_keywords(desk, desk_rule):
    assert desk_rule.desk == desk
    assert desk_rule.keywords == ["killed", "veto"]
    assert desk_rule.excluded_keywords == ["exercise", "drill"]
    assert desk_rule.kinds == ["statistic", "event"]
    assert desk_rule.is_active


def test_an_admin_files_a_desk_rule_under_a_topic(desk, desk_admin, desk_rule):
    assert desk_rule.topic == SourceRuleTopic.OTHER

    services.source_rule_update(user=desk_admin, rule=desk_rule, **{**RULE, "topic": SourceRuleTopic.CASUALTIES})

    desk_rule.refresh_from_db()
    assert desk_rule.topic == "casualties"
    with pytest.raises(ApplicationError, match="not a valid choice"):
        services.source_rule_update(user=desk_admin, rule=desk_rule, **{**RULE, "topic": "sport"})


def test_rule_names_are_unique_across_desks_including_shared_rules(desk, desk_admin):
    shared = SourceRule.objects.filter(desk__isnull=True).first()
    with pytest.raises(ApplicationError, match="already exists"):
        services.source_rule_create(user=desk_admin, desk=desk, **{**RULE, "name": shared.name.upper()})


def test_unknown_claim_kinds_are_refused(desk, desk_admin):
    with pytest.raises(ApplicationError, match="Unknown claim kinds: opinion"):
        services.source_rule_create(user=desk_admin, desk=desk, **{**RULE, "kinds": ["opinion"]})


def test_a_rule_needs_a_name_label_and_reason(desk, desk_admin):
    with pytest.raises(ApplicationError, match="Give the rule a reason"):
        services.source_rule_create(user=desk_admin, desk=desk, **{**RULE, "reason": "  "})


def test_editors_cannot_create_rules(desk, editor):
    with pytest.raises(PermissionDeniedError):
        services.source_rule_create(user=editor, desk=desk, **RULE)


def test_an_admin_edits_the_desks_rule(desk_admin, desk_rule):
    updated = services.source_rule_update(
        user=desk_admin,
        rule=desk_rule,
        **{
            **RULE,
            "label": "Reuters",
            "requires_attribution": True,
            "keywords": [],
            "excluded_keywords": ["Rehearsal "],
            "priority": 5,
        },
    )

    desk_rule.refresh_from_db()
    assert (
        desk_rule.label,
        desk_rule.requires_attribution,
        desk_rule.keywords,
        desk_rule.excluded_keywords,
        desk_rule.priority,
    ) == ("Reuters", True, [], ["Rehearsal"], 5)
    assert updated == desk_rule


def test_shared_rules_are_read_only_for_desk_admins(desk_admin):
    shared = SourceRule.objects.filter(desk__isnull=True).first()
    with pytest.raises(PermissionDeniedError, match="Shared rules"):
        services.source_rule_update(user=desk_admin, rule=shared, **RULE)
    with pytest.raises(PermissionDeniedError, match="Shared rules"):
        services.source_rule_deactivate(user=desk_admin, rule=shared)


def test_another_desks_admin_cannot_touch_the_rule(desk_rule, other_desk):
    stranger = factories.MemberFactory(desk=other_desk, role="admin", username="sam").user
    with pytest.raises(NotFoundError):
        services.source_rule_deactivate(user=stranger, rule=desk_rule)


def test_deactivating_and_reactivating_are_idempotent(desk_admin, desk_rule):
    services.source_rule_deactivate(user=desk_admin, rule=desk_rule)
    services.source_rule_deactivate(user=desk_admin, rule=desk_rule)
    desk_rule.refresh_from_db()
    assert not desk_rule.is_active

    services.source_rule_reactivate(user=desk_admin, rule=desk_rule)
    desk_rule.refresh_from_db()
    assert desk_rule.is_active


def test_a_deactivated_desk_rule_attaches_no_links(desk, desk_admin, desk_rule):
    claim = factories.ClaimFactory(
        article=factories.ArticleFactory(desk=desk), text="At least 40,000 people have been killed."
    )
    services.source_rule_deactivate(user=desk_admin, rule=desk_rule)

    services.article_source_links_attach(article=claim.article)

    assert not claim.source_links.filter(rule=desk_rule).exists()


def test_a_claim_mentioning_an_excluded_keyword_gets_no_link_from_the_rule(desk, desk_rule):
    article = factories.ArticleFactory(desk=desk)
    real = factories.ClaimFactory(article=article, text="At least 40 people were killed in the shelling.")
    drill = factories.ClaimFactory(article=article, text="Forty soldiers were 'killed' in the Exercise scenario.")

    services.article_source_links_attach(article=article)

    assert real.source_links.filter(rule=desk_rule).exists()
    assert not drill.source_links.filter(rule=desk_rule).exists()
