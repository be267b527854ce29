"""Source rule names are unique per desk, and a clash names only the admin's own desk's rule.

They were unique across every desk, so a desk admin choosing a name was told about another
newsroom's rules (and could probe for them one name at a time).
"""

import pytest
from django.db import IntegrityError, transaction
from django.test import Client
from django.urls import reverse

from apps.core.exceptions import ApplicationError
from apps.references import services
from apps.references.models import SourceRule
from tests import factories

pytestmark = pytest.mark.django_db

RULE = {
    "name": "Reuters search",
    "label": "Reuters search",
    "url_template": "https://www.reuters.com/site-search/?query={query}",
    "reason": "Wire copy often carries the original figures.",
}


@pytest.fixture
def other_desk_admin(other_desk):
    return factories.MemberFactory(desk=other_desk, role="admin", username="sam").user


@pytest.fixture
def other_desks_rule(other_desk, other_desk_admin):
    return services.source_rule_create(
        user=other_desk_admin, desk=other_desk, **{**RULE, "name": "Sports desk: secret wire deal"}
    )


def test_two_desks_may_give_their_rules_the_same_name(desk, desk_admin, other_desks_rule):
    ours = services.source_rule_create(user=desk_admin, desk=desk, **{**RULE, "name": other_desks_rule.name})

    assert ours.desk == desk
    assert SourceRule.objects.filter(name=other_desks_rule.name).count() == 2


def test_renaming_a_rule_to_another_desks_rule_name_is_allowed(desk, desk_admin, other_desks_rule):
    ours = services.source_rule_create(user=desk_admin, desk=desk, **RULE)

    renamed = services.source_rule_update(user=desk_admin, rule=ours, **{**RULE, "name": other_desks_rule.name})

    assert renamed.name == other_desks_rule.name


def test_a_name_taken_on_the_same_desk_is_refused_naming_the_field(desk, desk_admin):
    services.source_rule_create(user=desk_admin, desk=desk, **RULE)

    with pytest.raises(ApplicationError, match="This desk already has a source rule named 'REUTERS SEARCH'") as caught:
        services.source_rule_create(user=desk_admin, desk=desk, **{**RULE, "name": "REUTERS SEARCH"})

    assert list(caught.value.extra["fields"]) == ["name"]


def test_a_desk_rule_cannot_take_a_shared_rules_name(desk, desk_admin):
    shared = SourceRule.objects.filter(desk__isnull=True).first()

    with pytest.raises(
        ApplicationError, match=r"A shared rule named .* already exists; it applies to every desk"
    ) as caught:
        services.source_rule_create(user=desk_admin, desk=desk, **{**RULE, "name": shared.name.upper()})

    assert list(caught.value.extra["fields"]) == ["name"]


def test_the_database_keeps_names_unique_per_desk_ignoring_case(desk, other_desk):
    factories.SourceRuleFactory(desk=desk, name="Wire search")
    factories.SourceRuleFactory(desk=other_desk, name="Wire search")

    with pytest.raises(IntegrityError), transaction.atomic():
        factories.SourceRuleFactory(desk=desk, name="wire SEARCH")


def test_shared_rule_names_stay_unique_among_themselves():
    shared = SourceRule.objects.filter(desk__isnull=True).first()

    with pytest.raises(IntegrityError), transaction.atomic():
        factories.SourceRuleFactory(desk=None, name=shared.name.upper())


def test_the_form_accepts_another_desks_rule_name(client, desk, desk_admin, other_desks_rule):
    client.force_login(desk_admin)

    response = client.post(
        reverse("desks:source_rule_create", args=[desk.slug]),
        {**RULE, "name": other_desks_rule.name, "topic": "other", "priority": 100},
    )

    assert response.status_code == 302
    assert SourceRule.objects.filter(desk=desk, name=other_desks_rule.name).exists()


def test_the_form_shows_a_name_taken_on_the_desk_beside_the_name(client, desk, desk_admin, other_desks_rule):
    services.source_rule_create(user=desk_admin, desk=desk, **RULE)
    client.force_login(desk_admin)

    response = client.post(
        reverse("desks:source_rule_create", args=[desk.slug]),
        {**RULE, "name": "reuters search", "topic": "other", "priority": 100},
    )

    page = response.content.decode()
    assert response.status_code == 400
    assert '<div id="id_name_error"><p class="field-error">This desk already has a source rule named' in page
    assert other_desks_rule.name not in page


def test_a_desk_admin_in_the_django_admin_may_reuse_another_desks_rule_name(desk, desk_admin, other_desks_rule):
    desk_admin.is_staff = True
    desk_admin.save()
    client = Client()
    client.force_login(desk_admin)

    response = client.post(
        reverse("admin:references_sourcerule_add"),
        {
            "desk": str(desk.pk),
            "name": other_desks_rule.name,
            "label": "Wire",
            "topic": "other",
            "url_template": RULE["url_template"],
            "reason": "Because.",
            "kinds": "[]",
            "keywords": "[]",
            "excluded_keywords": "[]",
            "priority": 5,
            "is_active": "on",
        },
    )

    assert response.status_code == 302, response.content[:3000]
    assert SourceRule.objects.filter(desk=desk, name=other_desks_rule.name).exists()
