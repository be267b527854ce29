"""After a form is sent, focus goes to what the next page says about it (first to what went
wrong), so a screen reader reads it out: a message or error already on a page that loads is
never announced by itself."""

import pytest

from tests import factories
from tests.browser import chromium, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FOCUSED = "() => document.activeElement.closest('.messages, .form-errors') ? document.activeElement.innerText : ''"


@pytest.fixture
def page(monkeypatch, live_server, desk):
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    factories.MemberFactory(desk=desk, role="admin", username="ada")
    with chromium() as browser:
        page = browser.new_page()
        log_in(page, live_server.url, "ada")
        page.goto(f"{live_server.url}/desks/{desk.slug}/people/")
        yield page


def test_a_refused_action_moves_focus_to_its_error_message(page):
    page.get_by_label("Role of ada").select_option("reviewer")
    page.once("dialog", lambda dialog: dialog.accept())  # stepping down asks first
    page.get_by_role("row", name="ada").get_by_role("button", name="Change").click()
    page.wait_for_load_state()

    assert "ada is the desk's only admin" in page.evaluate(FOCUSED)


def test_a_done_action_moves_focus_to_its_message(page, reviewer):
    form = page.locator("form[action$='/people/add/']")
    form.get_by_label("Username").fill("rachel")
    form.get_by_label("Role").select_option("reviewer")
    form.get_by_role("button", name="Add to the desk").click()
    page.wait_for_load_state()

    assert "rachel is on the desk as Reviewer." in page.evaluate(FOCUSED)


def test_a_refused_form_moves_focus_to_the_first_field_in_error(page):
    page.locator("form[action$='/people/add/']").get_by_role("button", name="Add to the desk").click()
    page.wait_for_load_state()

    focused = page.evaluate("() => [document.activeElement.id, document.activeElement.getAttribute('aria-invalid')]")
    assert focused == ["add-username", "true"]
