"""Desk admins curate their desk's source rules and provider choices in the Django admin."""

import pytest
from django.test import Client
from django.urls import reverse

from apps.references.models import ProviderSetting, SourceRule
from tests.factories import MemberFactory, SourceRuleFactory

pytestmark = pytest.mark.django_db


def _client_for(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def desk_admin(desk):
    user = MemberFactory(desk=desk, role="admin", username="ada").user
    user.is_staff = True
    user.save()
    return user


def test_desk_admin_sees_and_edits_only_their_desks_rules(desk, other_desk, desk_admin):
    ours = SourceRuleFactory(desk=desk, name="world-rule")
    theirs = SourceRuleFactory(desk=other_desk, name="sports-rule")
    client = _client_for(desk_admin)

    listing = client.get(reverse("admin:references_sourcerule_changelist"))
    assert listing.status_code == 200
    assert b"world-rule" in listing.content
    assert b"sports-rule" not in listing.content
    assert b"un-sc-veto-list" not in listing.content  # shipped defaults: superusers only

    change = client.post(
        reverse("admin:references_sourcerule_change", args=[ours.pk]),
        {
            "desk": str(desk.pk),
            "name": "world-rule",
            "label": "Renamed",
            "topic": "other",
            "url_template": ours.url_template,
            "reason": "Because.",
            "kinds": "[]",
            "keywords": '["veto"]',
            "excluded_keywords": '["General Assembly"]',
            "priority": 5,
            "is_active": "on",
        },
    )
    assert change.status_code == 302, change.content[:2000]
    ours.refresh_from_db()
    assert (ours.label, ours.excluded_keywords) == ("Renamed", ["General Assembly"])
    assert client.get(reverse("admin:references_sourcerule_change", args=[theirs.pk])).status_code in (302, 403, 404)


def test_emptied_list_boxes_in_the_admin_save_as_empty_lists(desk, desk_admin):
    rule = SourceRuleFactory(desk=desk, keywords=["veto"], excluded_keywords=["General Assembly"])

    change = _client_for(desk_admin).post(
        reverse("admin:references_sourcerule_change", args=[rule.pk]),
        {
            "desk": str(desk.pk),
            "name": rule.name,
            "label": rule.label,
            "topic": "other",
            "url_template": rule.url_template,
            "reason": rule.reason,
            "kinds": "",
            "keywords": "",
            "excluded_keywords": "",
            "priority": 5,
            "is_active": "on",
        },
    )

    assert change.status_code == 302, change.content[:2000]
    rule.refresh_from_db()
    assert (rule.kinds, rule.keywords, rule.excluded_keywords) == ([], [], [])


def test_reviewers_and_editors_cannot_open_the_rules(desk, reviewer, editor):
    for user in (reviewer, editor):
        user.is_staff = True
        user.save()
        assert _client_for(user).get(reverse("admin:references_sourcerule_changelist")).status_code == 403


def test_superuser_sees_the_shipped_defaults(admin_client):
    listing = admin_client.get(reverse("admin:references_sourcerule_changelist"))
    assert b"un-sc-veto-list" in listing.content
    assert SourceRule.objects.filter(desk__isnull=True).count() >= 6


def test_desk_admin_switches_a_provider_for_their_desk(desk, desk_admin):
    client = _client_for(desk_admin)

    response = client.post(
        reverse("admin:references_providersetting_add"),
        {"desk": str(desk.pk), "provider": "wikipedia", "is_enabled": ""},
    )

    assert response.status_code == 302
    assert ProviderSetting.objects.get(desk=desk, provider="wikipedia").is_enabled is False
