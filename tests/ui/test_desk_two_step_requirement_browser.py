"""A desk requiring two-step sign-in, in Chromium: its admin (who has it on) requires it on the desk's
Sign-in page and lets a locked-out reviewer in again; the reviewer, signing in with their password, is
taken to the set-up page, can reach nothing else, sets it up and goes on to the desk."""

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from playwright.sync_api import expect

from apps.core.two_step import two_step_enable, two_step_pending_device, two_step_secret
from tests import factories
from tests.browser import script_errors
from tests.ui.test_accessibility import BY_RULE_TAGS, _violations
from tests.ui.test_two_step_sign_in_browser import _code_for

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _sign_in(page, base_url, username):
    page.goto(f"{base_url}/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(factories.PASSWORD)
    page.get_by_role("button", name="Log in").click()


def test_a_required_two_step_sign_in_is_set_up_before_anything_else(browser, live_server):
    desk = factories.DeskFactory(name="World desk", slug="world")
    admin = factories.MemberFactory(desk=desk, role="admin", username="adele").user
    factories.MemberFactory(desk=desk, role="reviewer", username="rachel")
    device = two_step_pending_device(user=admin)
    secret = two_step_secret(device)
    two_step_enable(user=admin, code=_code_for(secret))
    AccessAttempt.objects.create(
        username="rachel",
        ip_address="192.0.2.9",
        user_agent="another browser",
        failures_since_start=settings.AXES_FAILURE_LIMIT,
        get_data="",
        post_data="",
    )

    admin_page = browser.new_page()
    errors = script_errors(admin_page)
    _sign_in(admin_page, live_server.url, "adele")
    admin_page.get_by_label("Code").fill(_code_for(secret, steps_ahead=1))
    admin_page.get_by_role("button", name="Log in").click()
    admin_page.wait_for_url(f"{live_server.url}/")
    admin_page.goto(f"{live_server.url}/desks/world/people/")
    admin_page.get_by_role("link", name="Sign-in").click()
    expect(admin_page.get_by_text("Locked out until")).to_be_visible()
    assert _violations(admin_page, "the desk's sign-in page", BY_RULE_TAGS) == []
    admin_page.get_by_role("button", name="Let rachel sign in again").click()
    expect(admin_page.get_by_text("rachel can sign in again")).to_be_visible()
    admin_page.get_by_label("Require two-step sign-in").check()
    admin_page.get_by_role("button", name="Save").click()
    expect(admin_page.get_by_text("The desk now requires two-step sign-in.")).to_be_visible()

    page = browser.new_context().new_page()
    errors += script_errors(page)
    _sign_in(page, live_server.url, "rachel")
    page.wait_for_url(f"{live_server.url}/account/two-step/")
    expect(page.get_by_text("Until you turn it on here, you can reach no other page")).to_be_visible()
    assert _violations(page, "the required set-up", BY_RULE_TAGS) == []
    page.goto(f"{live_server.url}/queue/")
    page.wait_for_url(f"{live_server.url}/account/two-step/")
    reviewer_secret = page.locator("#two-step-secret").inner_text()
    page.get_by_label("Code from the app").fill(_code_for(reviewer_secret))
    page.get_by_role("button", name="Turn on").click()
    expect(page.get_by_text("Two-step sign-in is on.", exact=True)).to_be_visible()
    expect(page.get_by_role("button", name="Turn off")).to_have_count(0)
    page.goto(f"{live_server.url}/queue/")
    page.wait_for_url(f"{live_server.url}/queue/")
    assert errors == []
