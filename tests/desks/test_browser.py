"""Desk settings in a real browser (Chromium through Playwright) against a live server."""

import pytest

from apps.desks.models import Membership
from apps.reviews.services import rating_scale_copy_default
from tests import factories
from tests.browser import PASSWORD, SCREENSHOT_DIR, chromium, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def page(monkeypatch, live_server):
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with chromium() as browser:
        yield browser.new_context(viewport={"width": 1280, "height": 900}).new_page()


def test_a_desk_admin_manages_people_and_the_rating_scale(page, live_server):
    desk = factories.DeskFactory(name="World desk", slug="world")
    factories.MemberFactory(desk=desk, role="admin", username="ada")
    factories.MemberFactory(desk=desk, role="reviewer", username="rachel")

    page.goto(f"{live_server.url}/login/")
    page.get_by_label("Username").fill("ada")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("link", name="Desk settings").click()
    page.wait_for_url(f"{live_server.url}/desks/world/people/")

    page.get_by_label("Role of rachel").select_option("editor")
    page.get_by_role("row", name="rachel").get_by_role("button", name="Change").click()
    page.get_by_text("rachel's role is now Editor.").wait_for()

    create = page.locator("form[action$='/people/create/']")
    create.get_by_label("Username").fill("newbie")
    create.get_by_role("button", name="Create and add").click()
    generated = page.locator("#generated-password").inner_text()
    assert len(generated) >= 12
    page.screenshot(path=str(SCREENSHOT_DIR / "desks-account-created.png"), full_page=True)

    page.get_by_role("link", name="Rating scale").click()
    page.get_by_role("button", name="Copy the standard scale to this desk").click()
    page.get_by_label("ClaimReview value of Misleading").select_option("2")
    page.get_by_role("button", name="Save Misleading").click()
    page.get_by_text("Saved “Misleading”.").wait_for()
    page.get_by_role("button", name="Move Misleading up").click()
    page.screenshot(path=str(SCREENSHOT_DIR / "desks-ratings.png"), full_page=True)

    page.get_by_role("link", name="Source rules").click()
    page.get_by_role("link", name="Add a rule").click()
    page.get_by_label("Name", exact=True).fill("World: Reuters")
    page.get_by_label("Label", exact=True).fill("Reuters search")
    page.get_by_label("URL template").fill("https://www.reuters.com/site-search/?query={claim}")
    page.get_by_label("Reason", exact=True).fill("Wire copy.")
    page.get_by_role("button", name="Add the rule").click()
    page.get_by_text("may only use the placeholders").wait_for()
    page.get_by_label("URL template").fill("https://www.reuters.com/site-search/?query={query}")
    page.get_by_role("button", name="Add the rule").click()
    page.get_by_role("link", name="World: Reuters").wait_for()
    page.screenshot(path=str(SCREENSHOT_DIR / "desks-source-rules.png"), full_page=True)

    page.get_by_role("link", name="People").click()
    page.screenshot(path=str(SCREENSHOT_DIR / "desks-people.png"), full_page=True)
    assert page.get_by_role("row", name="newbie").is_visible()


@pytest.mark.parametrize("tab", ["people", "ratings", "source-rules"])
def test_desk_settings_fit_a_phone_screen(monkeypatch, live_server, tab):
    desk = factories.DeskFactory(name="World desk", slug="world")
    admin = factories.MemberFactory(desk=desk, role="admin", username="ada").user
    factories.MemberFactory(desk=desk, role="reviewer", username="rachel")
    rating_scale_copy_default(user=admin, desk=desk)
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with chromium() as browser:
        phone = browser.new_context(viewport={"width": 390, "height": 844}).new_page()
        log_in(phone, live_server.url, "ada")
        phone.goto(f"{live_server.url}/desks/world/{tab}/")

        assert phone.evaluate("document.documentElement.scrollWidth") == 390


def test_removing_a_member_happens_only_after_confirming(page, live_server):
    desk = factories.DeskFactory(name="World desk", slug="world")
    factories.MemberFactory(desk=desk, role="admin", username="ada")
    factories.MemberFactory(desk=desk, role="reviewer", username="rachel")
    log_in(page, live_server.url, "ada")
    page.goto(f"{live_server.url}/desks/world/people/")
    remove = page.get_by_role("button", name="Remove rachel from the desk")

    questions = []
    page.once("dialog", lambda dialog: (questions.append(dialog.message), dialog.dismiss()))
    remove.click()
    assert questions == [
        "Remove rachel from World desk? They lose access to its articles until an admin adds them again."
    ]
    assert Membership.objects.filter(user__username="rachel").exists()

    page.once("dialog", lambda dialog: dialog.accept())
    remove.click()
    page.get_by_text("rachel is no longer a member of World desk.").wait_for()
    assert not Membership.objects.filter(user__username="rachel").exists()
