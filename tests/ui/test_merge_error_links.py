"""A refused merge comes back to the article page as an error summary that takes focus, each error a
link to the control it is about (the GOV.UK error summary), with the form as it was sent: following
the link puts focus on the claim's checkbox, still ticked, ready to tick another beside it."""

import pytest
from playwright.sync_api import expect

from tests.browser import chromium, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def article_page(monkeypatch, live_server, article, veto_task, toll_task):
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with chromium() as browser:
        page = browser.new_page()
        log_in(page, live_server.url, "edith")
        page.goto(f"{live_server.url}/articles/{article.pk}/")
        yield page


def test_merging_one_claim_links_from_the_summary_to_its_checkbox(article_page):
    page = article_page
    page.get_by_label("Select claim 1").check()
    page.get_by_label("Merged wording (optional)").fill("Russia and China vetoed three resolutions on Syria.")
    page.get_by_role("button", name="Merge ticked").click()
    page.locator(".form-errors").wait_for()

    summary = page.locator(".form-errors")
    expect(summary).to_be_focused()
    expect(page.locator(".messages")).to_have_count(0)
    link = summary.get_by_role("link", name="Choose at least two claims to merge.")

    link.click()

    focused = page.locator(":focus")
    expect(focused).to_have_attribute("aria-label", "Select claim 1")
    expect(focused).to_be_checked()
    expect(page.get_by_label("Merged wording (optional)")).to_have_value(
        "Russia and China vetoed three resolutions on Syria."
    )


def test_merging_nothing_ticked_links_to_the_first_checkbox(article_page):
    page = article_page
    page.get_by_role("button", name="Merge ticked").click()
    page.locator(".form-errors").wait_for()

    summary = page.locator(".form-errors")
    expect(summary).to_be_focused()

    summary.get_by_role("link", name="Tick at least two claims to merge.").click()

    expect(page.locator(":focus")).to_have_attribute("aria-label", "Select claim 1")
