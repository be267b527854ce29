"""What an editor typed into a form sent after their session expired is filled in again once they
have logged in and are back on the page; the server keeps none of it."""

import re

import pytest
from django.contrib.sessions.models import Session

from apps.articles.models import Article
from apps.claims.models import ClaimStatus
from tests import factories
from tests.browser import chromium, log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

PASTED = "# Ministers meet in Dublin\n\nRussia and China have vetoed three draft resolutions on Syria."


@pytest.fixture
def editor_page(monkeypatch, live_server, editor):
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with chromium() as browser:
        page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
        # Rejecting asks first (data-confirm).
        page.on("dialog", lambda dialog: dialog.accept())
        log_in(page, live_server.url, "edith")
        yield page


def _expire_the_session():
    Session.objects.all().delete()


def _log_in_again(page):
    from playwright.sync_api import expect

    expect(page.locator(".messages")).to_contain_text("Your session expired, so what you sent was not saved.")
    page.get_by_label("Username").fill("edith")
    page.get_by_label("Password").fill(factories.PASSWORD)
    page.get_by_role("button", name="Log in").click()


def test_an_article_pasted_before_the_session_expired_is_there_again_after_logging_in(live_server, editor_page):
    from playwright.sync_api import expect

    import_url = f"{live_server.url}/articles/import/"
    editor_page.goto(import_url)
    editor_page.get_by_label("Paste the article").fill(PASTED)
    _expire_the_session()

    editor_page.get_by_role("button", name="Import").click()
    editor_page.wait_for_url(re.compile(r"/login/"))
    _log_in_again(editor_page)

    editor_page.wait_for_url(import_url)
    expect(editor_page.get_by_label("Paste the article")).to_have_value(PASTED)
    expect(editor_page.get_by_label("Paste the article")).to_be_focused()
    assert not Article.objects.exists()


def test_a_rejection_reason_typed_before_the_session_expired_is_there_again_after_logging_in(
    live_server, editor_page, article, veto_task
):
    from playwright.sync_api import expect

    claim = veto_task.claim
    editor_page.goto(f"{live_server.url}/articles/{article.pk}/")
    row = editor_page.locator(f"#claim-{claim.pk}")
    row.get_by_text("Edit or reject").click()
    row.get_by_label("Reason").fill("An opinion, not a checkable claim")
    _expire_the_session()

    row.get_by_role("button", name="Reject").click()
    editor_page.wait_for_url(re.compile(r"/login/"))
    _log_in_again(editor_page)

    editor_page.wait_for_url(re.compile(rf"/articles/{article.pk}/\?claim={claim.pk}"))
    reason = editor_page.locator(f"#claim-{claim.pk}").get_by_label("Reason")
    expect(reason).to_be_visible()
    expect(reason).to_have_value("An opinion, not a checkable claim")
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.ACTIVE


def test_a_form_that_went_through_is_not_filled_in_again(live_server, editor_page):
    from playwright.sync_api import expect

    import_url = f"{live_server.url}/articles/import/"
    editor_page.goto(import_url)
    editor_page.get_by_label("Paste the article").fill(PASTED)
    editor_page.get_by_role("button", name="Import").click()
    editor_page.wait_for_url(re.compile(r"/articles/[0-9a-f-]{36}/$"))

    editor_page.goto(import_url)

    expect(editor_page.get_by_label("Paste the article")).to_have_value("")
    assert editor_page.evaluate("window.sessionStorage.length") == 0
