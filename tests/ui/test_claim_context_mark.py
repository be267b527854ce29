"""The claim page's context marks the claim in a way that does not rest on colour (WCAG 1.4.1):
the highlight is underlined in its status's line, as on the article page, and a screen reader,
which may say nothing about a <mark>, hears where the claim starts and ends. The words it hears
are not article text: a passage selected there for a split still maps to the right offsets."""

import pytest

from tests.browser import chromium, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

VETO = "Russia and China have vetoed three UN Security Council resolutions on Syria."

UNDERLINE = "element => getComputedStyle(element).textDecorationLine"


def test_the_claim_in_its_context_is_underlined_and_its_ends_are_spoken(monkeypatch, live_server, article, veto_task):
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    article.language = "es"
    article.save(update_fields=["language"])
    with chromium() as browser:
        page = browser.new_page()
        log_in(page, live_server.url, "edith")
        page.goto(f"{live_server.url}/claims/{veto_task.claim_id}/")
        context = page.locator("blockquote.context")
        mark = context.locator("mark.claim")

        underline = mark.evaluate(UNDERLINE)
        spoken = context.aria_snapshot()
        language = context.get_attribute("lang")

    assert "underline" in underline
    assert f"start of claim: {VETO} (end of claim)" in spoken
    # The article's words are read in its language, the marker words in English.
    assert language == "es"


def test_a_part_selected_in_the_context_keeps_its_offsets(monkeypatch, live_server, article, veto_task):
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    part = "three UN Security Council resolutions"
    with chromium() as browser:
        page = browser.new_page()
        log_in(page, live_server.url, "edith")
        page.goto(f"{live_server.url}/claims/{veto_task.claim_id}/")
        page.get_by_text("Split into parts").click()
        # The part's text node comes after the spoken "start of claim" in the mark.
        page.evaluate(
            """part => {
                const mark = document.querySelector('#claim-context mark');
                const text = [...mark.childNodes].find(node => node.nodeType === Node.TEXT_NODE);
                const start = text.data.indexOf(part);
                window.getSelection().setBaseAndExtent(text, start, text, start + part.length);
            }""",
            part,
        )
        page.get_by_role("button", name="Add part from selection").click()
        offsets = [
            page.locator("input[name$='-0-start']").input_value(),
            page.locator("input[name$='-0-end']").input_value(),
        ]

    start = article.body.index(part)
    assert offsets == [str(start), str(start + len(part))]
