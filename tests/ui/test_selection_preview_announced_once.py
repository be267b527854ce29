"""The article page's preview of the selected passage is a live region, which a screen reader reads
out at every change. A drag changes the selection at every step, so the preview is written once
the selection settles: the passage is read once, not each step of the drag."""

import pytest
from playwright.sync_api import expect

from tests.browser import chromium, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

COUNT_PREVIEW_CHANGES = """() => {
    window.previewChanges = 0;
    const preview = document.querySelector('[data-selection-preview]');
    new MutationObserver(() => { window.previewChanges += 1; })
        .observe(preview, { childList: true, characterData: true, subtree: true });
}"""

# Selects `length` characters from "The conflict" on, as a drag does.
SELECT = """length => {
    const piece = [...document.querySelectorAll('#article-text [data-start]')]
        .find(span => span.textContent.includes('The conflict'));
    const start = piece.firstChild.data.indexOf('The conflict');
    window.getSelection().setBaseAndExtent(piece.firstChild, start, piece.firstChild, start + length);
}"""


def test_a_drag_is_announced_once_it_settles(monkeypatch, live_server, editor, article):
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with chromium() as browser:
        page = browser.new_page()
        log_in(page, live_server.url, "edith")
        page.goto(f"{live_server.url}/articles/{article.pk}/")
        page.evaluate(COUNT_PREVIEW_CHANGES)

        for length in (3, 12, 16, 23, 26):  # a drag over "The conflict has killed at"
            page.evaluate(SELECT, length)
            page.wait_for_timeout(60)
        expect(page.locator("[data-selection-preview]")).to_have_text("“The conflict has killed at”")
        page.wait_for_timeout(500)
        changes = page.evaluate("() => window.previewChanges")

    assert changes == 1
