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

# Selects `length` characters from "The conflict" on, as a drag does, and resolves once the page has heard of it
# (its own listener came first).
SELECT = """length => new Promise(heard => {
    const piece = [...document.querySelectorAll('#article-text [data-start]')]
        .find(span => span.textContent.includes('The conflict'));
    const start = piece.firstChild.data.indexOf('The conflict');
    document.addEventListener('selectionchange', () => heard(), { once: true });
    window.getSelection().setBaseAndExtent(piece.firstChild, start, piece.firstChild, start + length);
})"""


def test_a_drag_is_announced_once_it_settles(monkeypatch, live_server, editor, article):
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with chromium() as browser:
        page = browser.new_page()
        # The page's timers run on a clock the test moves: steps of a drag 60 ms apart stay 60 ms apart however
        # long a busy machine takes to carry each one out.
        page.clock.install()
        log_in(page, live_server.url, "edith")
        page.goto(f"{live_server.url}/articles/{article.pk}/")
        page.evaluate(COUNT_PREVIEW_CHANGES)

        for length in (3, 12, 16, 23, 26):  # a drag over "The conflict has killed at"
            page.evaluate(SELECT, length)
            page.clock.run_for(60)
        page.clock.run_for(500)
        expect(page.locator("[data-selection-preview]")).to_have_text("“The conflict has killed at”")
        changes = page.evaluate("() => window.previewChanges")

    assert changes == 1
