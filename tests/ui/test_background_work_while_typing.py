"""A page waiting on background work reloads itself when the work is done, but not under someone
typing in one of its forms: the reload would take their focus to the top of the page. The page
says the work is done in its live region instead, and offers the reload as a button."""

import pytest
from playwright.sync_api import expect

from apps.references.models import JobStatus, ReferenceJob
from apps.reviews import services
from tests import factories
from tests.browser import chromium, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

OFFER = "Gathering references has finished. Show what was found when you are ready."
DONE = "Gathering references has finished: the page now shows what was found."


def test_a_reviewer_writing_a_verdict_keeps_their_place_when_references_arrive(
    monkeypatch, live_server, editor, reviewer, veto_task
):
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    services.review_tasks_assign(editor=editor, tasks=[veto_task], assignee=reviewer)
    job = factories.ReferenceJobFactory(claim=veto_task.claim, status=JobStatus.RUNNING)
    with chromium() as browser:
        page = browser.new_page()
        log_in(page, live_server.url, "rachel")
        page.clock.install()
        page.goto(f"{live_server.url}/claims/{veto_task.claim_id}/")
        rationale = page.get_by_label("Rationale")
        rationale.click()
        page.keyboard.type("The UN's list of vetoes shows")

        ReferenceJob.objects.filter(pk=job.pk).update(status=JobStatus.DONE)
        page.clock.run_for(3_100)

        expect(page.locator("[data-progress-label]")).to_have_text(OFFER)
        expect(rationale).to_be_focused()
        page.keyboard.type(" three.")
        expect(rationale).to_have_value("The UN's list of vetoes shows three.")

        with page.expect_navigation():
            page.get_by_role("button", name="Show what was found").click()
        focused = page.evaluate(
            "() => document.activeElement.closest('[role=status]') && document.activeElement.innerText"
        )

    assert focused == DONE
