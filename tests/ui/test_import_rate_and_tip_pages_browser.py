"""In Chromium: an editor past the import rate gets the import form back with the reason and the text
they pasted, and an editor pages through a long tips inbox with the status filter kept."""

import secrets

import pytest
from playwright.sync_api import expect

from apps.articles.models import Article, Tip, TipStatus
from tests.browser import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FIRST = "Russia and China have vetoed three UN Security Council resolutions on Syria since October 2011."
SECOND = "The conflict in Syria has killed at least 40,000 people since March 2011, activists say."


def test_past_the_import_rate_the_form_comes_back_with_the_reason_and_the_text(
    browser, live_server, settings, desk, editor
):
    settings.API_RATES = {"person": "100/minute", "imports": "1/minute", "fetches": None}
    page = browser.new_page()
    log_in(page, live_server.url, editor.username)

    page.goto(f"{live_server.url}/articles/import/")
    page.get_by_label("Paste the article").fill(FIRST)
    page.get_by_role("button", name="Import").click()
    page.wait_for_url(f"{live_server.url}/articles/*/")
    page.goto(f"{live_server.url}/articles/import/")
    page.get_by_label("Paste the article").fill(SECOND)
    page.get_by_role("button", name="Import").click()

    expect(page.get_by_role("alert")).to_contain_text("You have imported many articles in a short time.")
    expect(page.get_by_role("alert")).to_contain_text("try again in")
    expect(page.get_by_label("Paste the article")).to_have_value(SECOND)
    assert Article.objects.count() == 1


def test_an_editor_pages_through_the_closed_tips(browser, live_server, monkeypatch, desk, editor):
    monkeypatch.setattr("apps.web.views.tips.TIP_INBOX_PAGE_SIZE", 2)
    Tip.objects.bulk_create(
        Tip(desk=desk, text=f"Closed tip {number}.", tracking_token=secrets.token_urlsafe(32), status=TipStatus.CLOSED)
        for number in range(3)
    )
    Tip.objects.create(desk=desk, text="A new tip.", tracking_token=secrets.token_urlsafe(32))
    page = browser.new_page()
    log_in(page, live_server.url, editor.username)

    page.goto(f"{live_server.url}/desks/{desk.slug}/tips/")
    page.get_by_label("Show").select_option(TipStatus.CLOSED)
    page.get_by_role("button", name="Filter").click()
    expect(page.locator("[data-tip-text]")).to_have_count(2)
    pager = page.get_by_role("navigation", name="Pages of tips")
    expect(pager).to_contain_text("Page 1 of 2")
    pager.get_by_role("link", name="Next →").click()

    expect(page.get_by_role("navigation", name="Pages of tips")).to_contain_text("Page 2 of 2")
    expect(page.locator("[data-tip-text]")).to_have_count(1)
    expect(page.locator("[data-tip-text]")).to_contain_text("Closed tip")
    expect(page.get_by_label("Show")).to_have_value(TipStatus.CLOSED)
    page.get_by_role("link", name="← Previous").click()
    expect(page.locator("[data-tip-text]")).to_have_count(2)
    assert "status=closed" in page.url
