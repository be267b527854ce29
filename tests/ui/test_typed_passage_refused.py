"""A passage typed to add as a claim (the way to add one without a mouse) that the article does
not hold, or holds twice, comes back in its field with the reason beside it: the field takes focus,
is marked invalid and is described by the reason, so a screen reader reads both, and the editor
corrects what they typed instead of typing it all again."""

import pytest
from playwright.sync_api import expect

from apps.claims.models import Claim
from tests.browser import chromium, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MISTYPED = "The conflict has killed at least 40.000 people"


def test_a_refused_passage_comes_back_in_its_field_with_the_reason(monkeypatch, live_server, editor, article):
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with chromium() as browser:
        page = browser.new_page()
        log_in(page, live_server.url, "edith")
        page.goto(f"{live_server.url}/articles/{article.pk}/")
        page.get_by_text("Add a claim by typing or pasting its text").click()
        page.get_by_label("Text to add as a claim").fill(MISTYPED)
        page.get_by_role("button", name="Add claim", exact=True).click()
        page.locator(".field-error, .messages").first.wait_for()

        field = page.locator(":focus")
        expect(field).to_have_accessible_name("Text to add as a claim")
        expect(field).to_have_value(MISTYPED)
        expect(field).to_have_attribute("aria-invalid", "true")
        expect(field).to_have_accessible_description(
            f"“{MISTYPED}” is not in the article text. Copy the passage from the article, or type it exactly as "
            "it is written there. Copy the passage from the article or type it as it is written there, with enough "
            "words that it occurs only once."
        )

        # Corrected in place, it is added; the refusal is not shown again.
        field.fill(MISTYPED.replace("40.000", "40,000"))
        page.get_by_role("button", name="Add claim", exact=True).click()
        page.get_by_text("Claim added").first.wait_for()
        refused_again = page.locator("#add-claim-passage[aria-invalid]").count()

    assert Claim.objects.get(article=article).text == "The conflict has killed at least 40,000 people"
    assert refused_again == 0
