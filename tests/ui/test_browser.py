"""The whole desk journey in a real browser (Chromium through Playwright) against a live server."""

import json
import os
import re
import tempfile
from pathlib import Path

import pytest

from apps.references.models import JobStatus, ReferenceJob
from apps.references.tasks import reference_gather_task
from tests import factories

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PASSWORD = "correct horse battery staple"
SCREENSHOT_DIR = Path(os.environ.get("FACTCHECK_SCREENSHOT_DIR", tempfile.gettempdir()))

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def browser(monkeypatch):
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the test's own ORM calls are
    # still plain synchronous code.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def published_claim_ids(monkeypatch):
    """Reference gathering is queued after the import commits; record it instead of publishing."""
    published = []
    monkeypatch.setattr(reference_gather_task, "delay", lambda claim_id: published.append(claim_id))
    return published


def _log_in(browser, live_server, username):
    page = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True).new_page()
    page.goto(f"{live_server.url}/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"{live_server.url}/")
    return page


def _expect_message(page, text):
    from playwright.sync_api import expect

    expect(page.locator(".messages")).to_contain_text(text)


def test_editor_and_reviewer_walk_the_journey(browser, live_server, editor, reviewer, seed_bytes, published_claim_ids):
    from playwright.sync_api import expect

    # Editor imports the seed through the upload form.
    editor_page = _log_in(browser, live_server, "edith")
    editor_page.get_by_role("link", name="Import an article").click()
    editor_page.get_by_label("…or upload a file").set_input_files(
        {"name": "seed.txt", "mimeType": "text/plain", "buffer": seed_bytes}
    )
    editor_page.get_by_role("button", name="Import").click()
    editor_page.wait_for_url(re.compile(r"/articles/[0-9a-f-]{36}/$"))
    _expect_message(editor_page, "Imported")
    claims = editor_page.locator(".claims-table tbody tr").count()
    assert claims > 3
    assert len(published_claim_ids) == claims
    # Every claim, split ones included, has a highlight of its own that links to it.
    marked = editor_page.locator(".prose mark.claim a").evaluate_all("links => links.map(a => a.href)")
    assert len(set(marked)) == claims

    # The progress line follows the workers without a reload.
    progress = editor_page.locator("[data-progress-label]")
    expect(progress).to_have_text(f"0 of {claims} claims checked")
    ReferenceJob.objects.filter(claim_id__in=published_claim_ids).update(status=JobStatus.DONE)
    expect(progress).to_have_text(f"{claims} of {claims} claims checked", timeout=10_000)
    editor_page.screenshot(path=str(SCREENSHOT_DIR / "factcheck-article.png"), full_page=True)

    # Editor assigns the veto claim to the reviewer.
    veto_row = editor_page.locator(".claims-table tbody tr", has_text="vetoed").first
    veto_row.get_by_role("checkbox").check()
    editor_page.get_by_label("Assign ticked claims to").select_option(label="rachel")
    editor_page.get_by_role("button", name="Assign", exact=True).click()
    _expect_message(editor_page, "Assigned 1 claim to rachel.")
    expect(veto_row).to_contain_text("rachel")
    veto_text = veto_row.get_by_role("link").inner_text()

    # A reference arrives for the claim, as a worker would store it.
    veto_task = reviewer.review_tasks.get()
    factories.ReferenceFactory(
        claim=veto_task.claim,
        title="UN Security Council veto list",
        snippet="Draft resolutions on Syria vetoed by China and the Russian Federation.",
    )

    # Reviewer finds it in the queue, starts the review and records a verdict.
    reviewer_page = _log_in(browser, live_server, "rachel")
    reviewer_page.get_by_role("link", name="My queue").first.click()
    reviewer_page.get_by_role("link", name=veto_text).click()
    expect(reviewer_page.locator("h1")).to_have_text(veto_text)
    reviewer_page.get_by_role("button", name="Start review").click()
    _expect_message(reviewer_page, "Review started.")
    reviewer_page.screenshot(path=str(SCREENSHOT_DIR / "factcheck-claim.png"), full_page=True)
    reviewer_page.get_by_label("Rating").select_option(label="True")
    reviewer_page.get_by_label("Rationale").fill("The UN record lists the three vetoes.")
    reviewer_page.get_by_label("UN Security Council veto list").check()
    reviewer_page.get_by_role("button", name="Submit verdict").click()
    _expect_message(reviewer_page, "Verdict submitted")

    # Editor approves it from the claim page.
    editor_page.goto(reviewer_page.url)
    editor_page.get_by_role("button", name="Approve").click()
    _expect_message(editor_page, "Verdict approved.")
    expect(editor_page.locator(".badge").first).to_have_text("Approved")

    # Editor exports the checked report.
    editor_page.get_by_role("link", name=veto_task.claim.article.title[:40]).first.click()
    with editor_page.expect_download() as download_info:
        editor_page.get_by_role("link", name="ClaimReview").click()
    claim_reviews = json.loads(Path(download_info.value.path()).read_text())
    assert [item["claimReviewed"] for item in claim_reviews] == [veto_text]
    assert claim_reviews[0]["reviewRating"]["alternateName"] == "True"
    with editor_page.expect_download() as download_info:
        editor_page.get_by_role("link", name="HTML").click()
    assert "The UN record lists the three vetoes." in Path(download_info.value.path()).read_text()
