"""Two-step sign-in in Chromium: a reviewer turns it on by typing the code their authenticator would
show for the key on the page, signs out, and signing in again asks for a code after the password."""

import base64

import pytest
from django_otp.oath import totp
from playwright.sync_api import expect

from tests import factories
from tests.browser import log_in, script_errors
from tests.ui.test_accessibility import BY_RULE_TAGS, _violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _code_for(secret: str, *, steps_ahead: int = 0) -> str:
    """What an authenticator app shows for the key typed into it, now or `steps_ahead` 30-second steps
    later (the next step's code is taken too: phone clocks drift)."""
    key = secret.replace(" ", "")
    key = base64.b32decode(key + "=" * (-len(key) % 8))
    return f"{totp(key, t0=-30 * steps_ahead):06d}"


def test_turned_on_from_the_page_it_asks_for_a_code_at_the_next_sign_in(browser, live_server):
    factories.UserFactory(username="tess")
    page = browser.new_page()
    errors = script_errors(page)
    log_in(page, live_server.url, "tess")

    page.goto(f"{live_server.url}/account/notifications/")
    page.get_by_role("link", name="Two-step sign-in").click()
    expect(page.get_by_role("img", name="QR code for your authenticator app")).to_be_visible()
    secret = page.locator("#two-step-secret").inner_text()
    page.get_by_label("Code from the app").fill(_code_for(secret))
    page.get_by_role("button", name="Turn on").click()
    expect(page.get_by_text("Two-step sign-in is on.", exact=True)).to_be_visible()
    expect(page.locator("#recovery-codes li")).to_have_count(10)
    assert _violations(page, "recovery codes shown", BY_RULE_TAGS) == []

    page.get_by_role("button", name="Log out").click()
    page.get_by_label("Username").fill("tess")
    page.get_by_label("Password").fill(factories.PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Two-step sign-in")).to_be_visible()
    assert _violations(page, "the code page", BY_RULE_TAGS) == []
    page.goto(f"{live_server.url}/")
    expect(page.get_by_role("heading", name="Log in")).to_be_visible()  # not signed in yet

    page.go_back()
    page.get_by_label("Code").fill("12345")
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("alert")).to_contain_text("That code is not right")
    assert _violations(page, "a wrong code", BY_RULE_TAGS) == []
    page.get_by_label("Code").fill(_code_for(secret, steps_ahead=1))
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"{live_server.url}/")
    expect(page.get_by_text("tess", exact=True)).to_be_visible()
    assert errors == []
