"""On a phone (390 px wide) tables fit the screen and the reviewer's verdict form comes early (M10)."""

import pytest

from apps.reviews.models import TaskStatus
from tests.browser import chromium, log_in

PHONE = {"width": 390, "height": 844}

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def phone(monkeypatch):
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with chromium() as browser:
        yield browser.new_context(viewport=PHONE).new_page()


def _overflowing(page):
    """The page, and each table's scrolling box, wider than what shows."""
    return page.evaluate(
        """() => [document.documentElement, ...document.querySelectorAll('.table-wrap')]
            .filter(box => box.scrollWidth > box.clientWidth)
            .map(box => box.className || box.tagName)"""
    )


def _on_screen(locator):
    box = locator.bounding_box()
    return box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]


def test_article_claims_fit_a_phone_with_their_status_in_view(phone, live_server, editor, veto_task, toll_task):
    from playwright.sync_api import expect

    log_in(phone, live_server.url, editor.username)
    phone.goto(f"{live_server.url}/articles/{veto_task.claim.article_id}/")

    assert _overflowing(phone) == []
    first_claim = phone.locator(".claims-table tbody tr").first
    status = first_claim.locator(".badge")
    expect(status).to_have_text("New")
    assert _on_screen(status)
    # The claim text gets the screen's width, not a narrow column.
    assert first_claim.get_by_role("link", name=veto_task.claim.text).bounding_box()["width"] > 250


def test_the_dashboard_fits_a_phone_with_whole_status_pills(phone, live_server, editor, veto_task, toll_task):
    log_in(phone, live_server.url, editor.username)

    assert _overflowing(phone) == []
    pills = phone.locator(".status-counts .badge")
    assert pills.count() > 0
    assert all(_on_screen(pills.nth(index)) for index in range(pills.count()))


def test_on_a_phone_the_verdict_form_comes_before_the_references(phone, live_server, reviewer, veto_task):
    veto_task.assignee = reviewer
    veto_task.status = TaskStatus.ASSIGNED
    veto_task.save()

    log_in(phone, live_server.url, reviewer.username)
    phone.goto(f"{live_server.url}/claims/{veto_task.claim.pk}/")

    assert _overflowing(phone) == []
    verdict_form = phone.get_by_role("heading", name="Record your verdict").bounding_box()
    references = phone.get_by_role("heading", name="References").bounding_box()
    assert verdict_form["y"] < references["y"]
