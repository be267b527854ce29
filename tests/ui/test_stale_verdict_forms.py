"""Two people on one verdict in two browsers: a page shown before the verdict last changed cannot
approve, return or overwrite it, and says why."""

import pytest

from apps.reviews.models import TaskStatus
from tests import factories
from tests.browser import chromium, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def browser(monkeypatch):
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with chromium() as browser:
        yield browser


def _page_for(browser, live_server, username):
    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    log_in(page, live_server.url, username)
    return page


def _send_verdict(page, rating, rationale):
    page.get_by_label("Rating").select_option(label=rating)
    page.get_by_label("Rationale").fill(rationale)
    page.get_by_role("button", name="Submit verdict").click()


def test_an_editor_cannot_approve_a_verdict_resubmitted_after_their_page_was_shown(
    browser, live_server, editor, reviewer, veto_task
):
    from playwright.sync_api import expect

    factories.MemberFactory(desk=veto_task.claim.article.desk, role="editor", username="eamon")
    veto_task.status, veto_task.assignee = TaskStatus.ASSIGNED, reviewer
    veto_task.save()
    claim_url = f"{live_server.url}/claims/{veto_task.claim.pk}/"
    reviewer_page = _page_for(browser, live_server, "rachel")
    reviewer_page.goto(claim_url)
    _send_verdict(reviewer_page, "False", "No vetoes found.")
    editor_page = _page_for(browser, live_server, "edith")
    editor_page.goto(claim_url)
    expect(editor_page.locator(".verdict")).to_contain_text("No vetoes found.")

    # A second editor returns the verdict, and the reviewer sends a new one, while the first
    # editor's page still shows the old verdict.
    colleague_page = _page_for(browser, live_server, "eamon")
    colleague_page.goto(claim_url)
    colleague_page.get_by_label("Note to the reviewer").fill("The UN list has three.")
    colleague_page.get_by_role("button", name="Return with note").click()
    reviewer_page.goto(claim_url)
    _send_verdict(reviewer_page, "True", "Three vetoes on the UN list.")
    editor_page.get_by_role("button", name="Approve").click()

    expect(editor_page.locator(".messages")).to_contain_text(
        "The reviewer changed this verdict after you opened the page, so it was not approved."
    )
    expect(editor_page.locator(".verdict")).to_contain_text("Three vetoes on the UN list.")
    veto_task.refresh_from_db()
    assert veto_task.status == TaskStatus.SUBMITTED
    assert veto_task.verdict.approved_at is None

    editor_page.get_by_role("button", name="Approve").click()
    expect(editor_page.locator(".messages")).to_contain_text("Verdict approved.")


def test_a_reviewers_old_window_cannot_overwrite_the_verdict_sent_from_another(
    browser, live_server, editor, reviewer, veto_task
):
    from playwright.sync_api import expect

    veto_task.status, veto_task.assignee = TaskStatus.ASSIGNED, reviewer
    veto_task.save()
    claim_url = f"{live_server.url}/claims/{veto_task.claim.pk}/"
    old_window = _page_for(browser, live_server, "rachel")
    old_window.goto(claim_url)
    new_window = old_window.context.new_page()
    new_window.goto(claim_url)
    _send_verdict(new_window, "True", "Three vetoes on the UN list.")
    editor_page = _page_for(browser, live_server, "edith")
    editor_page.goto(claim_url)
    editor_page.get_by_label("Note to the reviewer").fill("Name the three resolutions.")
    editor_page.get_by_role("button", name="Return with note").click()

    _send_verdict(old_window, "False", "Typed before the editor's note.")

    expect(old_window.locator(".messages")).to_contain_text("This verdict changed after you opened the page")
    expect(old_window.locator(".messages")).to_contain_text("Typed before the editor's note.")
    expect(old_window.get_by_role("note")).to_contain_text("Name the three resolutions.")
    veto_task.refresh_from_db()
    assert veto_task.status == TaskStatus.RETURNED
    assert veto_task.verdict.rationale == "Three vetoes on the UN list."
