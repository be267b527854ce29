"""A person's own API token under "Your account": created with its key shown once on a page no cache
keeps, replaced (the old key stops working) or revoked, each recorded in the audit trail without the
key. The token acts with exactly its owner's desks and roles."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from apps.core.audit import audit_event_summary
from apps.core.models import AuditAction, AuditEvent

pytestmark = pytest.mark.django_db

KEY = re.compile(r'<code id="api-token-key"[^>]*>(\w+)</code>')


@pytest.fixture
def reviewer_browser(reviewer):
    client = Client()
    client.force_login(reviewer)
    return client


def _key(response) -> str:
    return KEY.search(response.text).group(1)


def _api(key: str) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client


def test_the_account_page_links_to_the_token_page(reviewer_browser):
    assert reverse("account:api_token") in reviewer_browser.get(reverse("account:notifications")).text
    page = reviewer_browser.get(reverse("account:api_token"))
    assert page.status_code == 200
    assert "You have no token." in page.text
    assert KEY.search(page.text) is None


def test_a_created_token_is_shown_once_on_a_page_no_cache_keeps_and_acts_as_its_owner(
    reviewer_browser, reviewer, desk, other_desk
):
    created = reviewer_browser.post(reverse("account:api_token_create"))

    assert created.status_code == 201
    assert "no-store" in created["Cache-Control"]
    key = _key(created)
    assert Token.objects.get(user=reviewer).key == key
    assert "Your API token is created." in created.text
    # Shown once: the page afterwards says there is a token, without its key.
    later = reviewer_browser.get(reverse("account:api_token"))
    assert key not in later.text
    assert "You have a token, created" in later.text

    desks = _api(key).get("/api/v1/desks/")
    assert desks.status_code == 200
    assert [row["slug"] for row in desks.json()] == [desk.slug]
    # A reviewer's token is refused what a reviewer is: the desk's people are its admins' to see.
    assert _api(key).get(f"/api/v1/desks/{desk.slug}/members/").status_code == 403
    assert _api(key).get(f"/api/v1/desks/{other_desk.slug}/members/").status_code == 404


def test_replacing_gives_a_new_key_and_the_old_one_stops_working(reviewer_browser, reviewer):
    old_key = _key(reviewer_browser.post(reverse("account:api_token_create")))

    replaced = reviewer_browser.post(reverse("account:api_token_rotate"))

    assert replaced.status_code == 200
    assert "no-store" in replaced["Cache-Control"]
    new_key = _key(replaced)
    assert new_key != old_key
    assert _api(old_key).get("/api/v1/desks/").status_code == 401
    assert _api(new_key).get("/api/v1/desks/").status_code == 200


def test_revoking_stops_the_key_working(reviewer_browser, reviewer):
    key = _key(reviewer_browser.post(reverse("account:api_token_create")))

    revoked = reviewer_browser.post(reverse("account:api_token_revoke"))

    assert revoked.status_code == 302
    assert revoked["Location"] == reverse("account:api_token")
    assert "Your API token is revoked" in reviewer_browser.get(revoked["Location"]).text
    assert not Token.objects.filter(user=reviewer).exists()
    assert _api(key).get("/api/v1/desks/").status_code == 401


def test_each_change_is_recorded_without_the_key(reviewer_browser, reviewer):
    keys = [
        _key(reviewer_browser.post(reverse("account:api_token_create"))),
        _key(reviewer_browser.post(reverse("account:api_token_rotate"))),
    ]
    reviewer_browser.post(reverse("account:api_token_revoke"))

    events = list(AuditEvent.objects.order_by("occurred_at", "pk"))
    assert [event.action for event in events] == [
        AuditAction.API_TOKEN_CREATED,
        AuditAction.API_TOKEN_ROTATED,
        AuditAction.API_TOKEN_REVOKED,
    ]
    assert all(event.actor == reviewer and event.desk_id is None for event in events)
    for key in keys:
        assert all(key not in str(event.details) for event in events)
    name = reviewer.username
    assert [audit_event_summary(event) for event in events] == [
        f"{name} created an API token for the user \u201c{name}\u201d",
        f"{name} replaced the API token of the user \u201c{name}\u201d",
        f"{name} revoked the API token of the user \u201c{name}\u201d",
    ]


@pytest.mark.parametrize(
    ("first", "then"),
    [
        ("account:api_token_create", "account:api_token_create"),
        (None, "account:api_token_rotate"),
        (None, "account:api_token_revoke"),
    ],
    ids=["create twice", "replace none", "revoke none"],
)
def test_a_stale_page_gets_a_message_not_an_error(reviewer_browser, first, then):
    if first:
        reviewer_browser.post(reverse(first))
    events = AuditEvent.objects.count()

    response = reviewer_browser.post(reverse(then), follow=True)

    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == reverse("account:api_token")
    assert any(message.level_tag == "error" for message in response.context["messages"])
    assert AuditEvent.objects.count() == events


def test_signed_out_people_and_gets_of_the_actions_are_sent_on(reviewer_browser):
    assert Client().get(reverse("account:api_token"))["Location"].startswith(reverse("login"))
    assert Client().post(reverse("account:api_token_create"))["Location"].startswith(reverse("login"))
    assert not Token.objects.exists()
    assert reviewer_browser.get(reverse("account:api_token_create"))["Location"] == reverse("account:api_token")
    assert not Token.objects.exists()


def test_creating_without_the_csrf_token_is_refused(reviewer):
    client = Client(enforce_csrf_checks=True)
    client.force_login(reviewer)
    assert client.post(reverse("account:api_token_create")).status_code == 403
    assert not Token.objects.exists()


def test_the_page_is_in_the_persons_language(reviewer_browser):
    reviewer_browser.post(reverse("account:language"), {"language": "fr"})
    page = reviewer_browser.get(reverse("account:api_token"))
    assert "Votre jeton d\u2019API" in page.text


def test_another_persons_token_is_untouched(reviewer_browser, editor):
    Token.objects.create(user=editor)
    reviewer_browser.post(reverse("account:api_token_create"))
    reviewer_browser.post(reverse("account:api_token_revoke"))
    assert Token.objects.filter(user=editor).exists()
