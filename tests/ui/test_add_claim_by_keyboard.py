"""An editor without a mouse adds a claim with the keyboard alone. Selecting article text is not
possible from the keyboard in most browsers, so the selection bar points to typing the passage."""

import pytest

from apps.claims.models import Claim
from tests.browser import chromium, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSAGE = "The conflict has killed at least 40,000 people"


def _tab_to(page, text: str) -> None:
    for _ in range(40):
        page.keyboard.press("Tab")
        if text in page.evaluate("document.activeElement.innerText || document.activeElement.id"):
            return
    raise AssertionError(f"{text!r} is never reached by Tab")


def test_an_editor_adds_a_claim_with_the_keyboard_alone(monkeypatch, live_server, editor, article):
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with chromium() as browser:
        page = browser.new_page()
        log_in(page, live_server.url, "edith")
        page.goto(f"{live_server.url}/articles/{article.pk}/")

        hint = page.locator("[data-selection-preview]").inner_text()
        _tab_to(page, "Add a claim by typing or pasting its text")
        page.keyboard.press("Enter")
        _tab_to(page, "add-claim-passage")
        page.keyboard.type(PASSAGE)
        page.keyboard.press("Tab")
        page.keyboard.press("Enter")
        page.get_by_text(f"Claim added: “{PASSAGE}”.").wait_for()

    assert hint == "Select a passage of the text to add it as a claim, or, without a mouse, type it in below."
    assert Claim.objects.get(article=article).text == PASSAGE
