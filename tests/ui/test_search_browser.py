"""A reviewer finds an earlier check from the header's search box, with the keyboard alone."""

import pytest

from tests.browser import chromium, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_header_search_finds_a_claim_by_keyboard(monkeypatch, live_server, reviewer, veto_task):
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with chromium() as browser:
        page = browser.new_page()
        log_in(page, live_server.url, reviewer.username)

        for _ in range(20):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.id") == "header-search-q":
                break
        page.keyboard.type("security council")
        page.keyboard.press("Enter")
        page.wait_for_url(f"{live_server.url}/search/?q=security+council")

        count = page.get_by_role("status").inner_text()
        marks = page.locator(".search-result mark").all_inner_texts()
        page.get_by_role("link", name="Russia and China have vetoed").focus()
        page.keyboard.press("Enter")
        page.wait_for_url(f"{live_server.url}/claims/{veto_task.claim.pk}/")

    assert count == "1 claim found."
    assert marks == ["Security", "Council"]
