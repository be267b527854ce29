"""Correcting a published verdict in a real browser (Chromium through Playwright): the editor
reopens it with a note, the reviewer revises it from their queue, the editor approves the
correction from the approval list, and the claim page and the HTML report show it."""

from pathlib import Path

import pytest
from django.utils import dateformat, timezone

from apps.reviews import services
from apps.reviews.models import Rating, ReviewTask, TaskStatus
from tests.browser import chromium, log_in, script_errors

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NOTE = "The UN record lists four vetoes, not three."
CLAIM = "Russia and China have vetoed three UN Security Council resolutions on Syria."


@pytest.fixture
def approved(veto_task, editor, reviewer):
    services.review_tasks_assign(editor=editor, tasks=[veto_task], assignee=reviewer)
    rating = Rating.objects.get(scale__desk__isnull=True, label="True")
    services.verdict_submit(
        user=reviewer, task=ReviewTask.objects.get(pk=veto_task.pk), rating=rating, rationale="Three vetoes."
    )
    services.verdict_approve(editor=editor, task=ReviewTask.objects.get(pk=veto_task.pk))
    return ReviewTask.objects.get(pk=veto_task.pk)


@pytest.fixture
def browser(monkeypatch, live_server):
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with chromium() as browser:
        yield browser


def _page(browser, live_server, username):
    page = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True).new_page()
    page.script_errors = script_errors(page)
    log_in(page, live_server.url, username)
    return page


def test_an_editor_corrects_a_published_verdict_with_its_reviewer(browser, live_server, approved):
    from playwright.sync_api import expect

    claim_url = f"{live_server.url}/claims/{approved.claim_id}/"

    # The editor opens the published claim and asks for a correction, first without saying why.
    editor_page = _page(browser, live_server, "edith")
    editor_page.goto(claim_url)
    editor_page.get_by_text("Correct this verdict").click()
    note_box = editor_page.get_by_label("Why does the verdict need correcting?")
    editor_page.get_by_role("button", name="Reopen for correction").click()
    assert note_box.evaluate("box => box.validity.valueMissing"), "Chromium asks for the note before sending"
    note_box.fill("   ")
    editor_page.get_by_role("button", name="Reopen for correction").click()
    expect(editor_page.locator(".messages")).to_have_text(services.CORRECTION_NOTE_REQUIRED)
    assert ReviewTask.objects.get(pk=approved.pk).status == TaskStatus.APPROVED

    editor_page.get_by_text("Correct this verdict").click()
    note_box.fill(NOTE)
    editor_page.get_by_role("button", name="Reopen for correction").click()
    expect(editor_page.locator(".messages")).to_contain_text("Verdict reopened for correction")
    expect(editor_page.get_by_role("note")).to_contain_text("Reopened for correction by edith")

    # The reviewer finds it in their queue, marked as reopened, and revises it.
    reviewer_page = _page(browser, live_server, "rachel")
    reviewer_page.get_by_role("link", name="My queue").first.click()
    queued = reviewer_page.get_by_role("row", name=CLAIM)
    expect(queued).to_contain_text(f"Reopened for correction: {NOTE}")
    queued.get_by_role("link", name=CLAIM).click()
    expect(reviewer_page.get_by_role("heading", name="Revise your verdict")).to_be_visible()
    reviewer_page.get_by_label("Rating").select_option(label="Mostly true")
    reviewer_page.get_by_label("Rationale").fill("The UN record lists four vetoes; the count was one short.")
    reviewer_page.get_by_role("button", name="Submit verdict").click()
    expect(reviewer_page.locator(".messages")).to_contain_text("Verdict submitted")

    # The editor sees a correction in the approval list and approves it there.
    editor_page.get_by_role("link", name="My queue").first.click()
    approvals = editor_page.get_by_role("region", name="Verdicts to approve")
    expect(approvals).to_contain_text(f"Correction of a published verdict: {NOTE}")
    approvals.get_by_role("checkbox", name=f"Approve {CLAIM}").check()
    editor_page.get_by_role("button", name="Approve ticked verdicts").click()
    expect(editor_page.locator(".messages")).to_have_text("Approved 1 verdict.")

    # The claim page lists the correction, and so does the HTML report.
    editor_page.goto(claim_url)
    corrections = editor_page.locator("ol.corrections")
    expect(corrections).to_contain_text(f"{NOTE} (previously rated True)")
    editor_page.get_by_role("link", name="Syria talks").first.click()
    with editor_page.expect_download() as download:
        editor_page.get_by_role("group", name="Export the checked report").get_by_role("link", name="HTML").click()
    report = Path(download.value.path()).read_text()
    today = timezone.localdate()
    assert '<span class="rating">Mostly true</span>' in report
    assert (
        f'Correction, <time datetime="{today:%Y-%m-%d}">{dateformat.format(today, "j F Y")}</time>: '
        f"{NOTE} (previously rated True)"
    ) in report
    assert editor_page.script_errors + reviewer_page.script_errors == []
