"""A reviewer's journey with a draft: what they write survives starting the review, leaving the page
and logging out, and only the submitted verdict reaches the editor."""

import pytest

from apps.reviews.models import TaskStatus, VerdictDraft
from tests import factories
from tests.browser import chromium, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_verdict_written_over_two_sittings_reaches_the_editor_only_when_submitted(
    monkeypatch, live_server, editor, reviewer, veto_task
):
    from playwright.sync_api import expect

    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    veto_task.status, veto_task.assignee = TaskStatus.ASSIGNED, reviewer
    veto_task.save()
    factories.ReferenceFactory(claim=veto_task.claim, title="UN Security Council veto list")
    claim_url = f"{live_server.url}/claims/{veto_task.claim.pk}/"
    with chromium() as browser:
        page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
        log_in(page, live_server.url, "rachel")
        page.goto(claim_url)
        page.get_by_label("Rating").select_option(label="Mostly true")
        page.get_by_label("Rationale").fill("Two vetoes confirmed; the third still to find.")
        page.get_by_label("UN Security Council veto list").check()

        # Starting the review after writing keeps what was written.
        page.get_by_role("button", name="Start review").click()
        expect(page.locator(".messages")).to_have_text(
            "Draft saved. The editor sees nothing until you submit the verdict."
        )
        expect(page.locator(".page-head .badge")).to_have_text("In review")

        # Next morning, in a new session.
        page.context.clear_cookies()
        log_in(page, live_server.url, "rachel")
        page.goto(claim_url)
        expect(page.get_by_label("Rationale")).to_have_value("Two vetoes confirmed; the third still to find.")
        expect(page.locator("#id_rating option:checked")).to_have_text("Mostly true")
        expect(page.get_by_label("UN Security Council veto list")).to_be_checked()
        expect(page.locator(".draft-saved")).to_contain_text("not sent to the editor yet")

        editor_page = browser.new_context().new_page()
        log_in(editor_page, live_server.url, "edith")
        editor_page.goto(claim_url)
        expect(editor_page.get_by_text("Waiting for rachel\u2019s verdict.")).to_be_visible()

        page.get_by_label("Rating").select_option(label="True")
        page.get_by_label("Rationale").fill("Three vetoes on the UN list.")
        page.get_by_role("button", name="Submit verdict").click()
        expect(page.locator(".messages")).to_have_text("Verdict submitted for the editor's approval.")

        editor_page.reload()
        expect(editor_page.locator(".verdict")).to_contain_text("Three vetoes on the UN list.")
    assert not VerdictDraft.objects.exists()
