"""The whole desk journey in a real browser (Chromium through Playwright) against a live server."""

import json
import re
from pathlib import Path

import pytest

from apps.references.models import JobStatus, ReferenceJob
from apps.references.tasks import reference_gather_task
from tests import factories
from tests.browser import SCREENSHOT_DIR, chromium, log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def browser(monkeypatch):
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with chromium() as browser:
        yield browser


@pytest.fixture
def published_claim_ids(monkeypatch):
    """Reference gathering is queued after the import commits; record it instead of publishing."""
    published = []
    monkeypatch.setattr(reference_gather_task, "delay", lambda claim_id: published.append(claim_id))
    return published


def _log_in(browser, live_server, username):
    page = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True).new_page()
    log_in(page, live_server.url, username)
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
    expect(progress).to_have_text(f"References gathered for 0 of {claims} claims")
    ReferenceJob.objects.filter(claim_id__in=published_claim_ids).update(status=JobStatus.DONE)
    expect(progress).to_have_text(f"References gathered for {claims} of {claims} claims")
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


SELECT_WITH_MOUSE_JS = """([selector, text]) => {
    const container = document.querySelector(selector);
    const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
        const node = walker.currentNode;
        const at = node.data.indexOf(text);
        if (at < 0) continue;
        node.parentElement.scrollIntoView({ block: "center" });
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + text.length);
        const rects = range.getClientRects();
        const first = rects[0];
        const last = rects[rects.length - 1];
        return {
            x1: first.left + 1, y1: first.top + first.height / 2,
            x2: last.right - 1, y2: last.top + last.height / 2,
        };
    }
    return null;
}"""


def _select_with_mouse(page, selector, text):
    """Drag the mouse over `text` inside `selector`, as an editor would to select it."""
    box = page.evaluate(SELECT_WITH_MOUSE_JS, [selector, text])
    assert box is not None, f"{text!r} is not on the page"
    page.mouse.move(box["x1"], box["y1"])
    page.mouse.down()
    page.mouse.move(box["x2"], box["y2"], steps=8)
    page.mouse.up()


def _spans_of(text, *words):
    return [[text.index(word), text.index(word) + len(word)] for word in words]


@pytest.fixture
def article_with_claims(desk, editor, reviewer):
    from django.utils import timezone

    from apps.claims.models import ClaimStatus, MatchStatus
    from apps.reviews.models import Rating, TaskStatus, Verdict

    body = (
        "Russia and China have vetoed three UN Security Council resolutions on Syria.\n\n"
        "The talks in Geneva ended on Friday without a date for the next round.\n\n"
        "The conflict has killed at least 40,000 people, activists say.\n\n"
        "The regime will fall within months, the opposition predicts."
    )
    article = factories.ArticleFactory(desk=desk, title="Syria talks stall", body=body, imported_by=editor)
    toll_start = body.index("The conflict")
    toll = factories.ClaimFactory(
        article=article,
        text="The conflict has killed at least 40,000 people",
        start=toll_start,
        end=toll_start + 46,
        kind="statistic",
    )
    factories.ReviewTaskFactory(claim=toll)
    prediction_start = body.index("The regime")
    factories.ClaimFactory(
        article=article,
        text="The regime will fall within months.",
        start=prediction_start,
        end=len(body),
        kind="prediction",
        cues=["will"],
        status=ClaimStatus.HELD,
    )

    earlier = factories.ClaimFactory(
        article=factories.ArticleFactory(desk=desk, title="Security Council deadlock"),
        text="Russia and China vetoed three Security Council resolutions on Syria.",
    )
    earlier_task = factories.ReviewTaskFactory(claim=earlier, status=TaskStatus.APPROVED, assignee=reviewer)
    Verdict.objects.create(
        task=earlier_task,
        rating=Rating.objects.get(scale__desk__isnull=True, label="True"),
        rationale="The UN veto list records the three draft resolutions.",
        reviewer=reviewer,
        submitted_at=timezone.now(),
        approved_by=editor,
        approved_at=timezone.now(),
    )
    veto_end = body.index("\n\n")
    veto = factories.ClaimFactory(
        article=article,
        text=body[:veto_end],
        start=0,
        end=veto_end,
        matched_claim=earlier,
        match_score=0.83,
        match_status=MatchStatus.SUGGESTED,
    )
    factories.ReviewTaskFactory(claim=veto)
    mentions = "The Security Council discussed Syria many times."
    factories.ReferenceFactory(
        claim=veto,
        title="Wikipedia: Syrian civil war",
        provider="wikipedia",
        stance="mentions",
        stance_score=0.4,
        passage=mentions,
        passage_highlights=_spans_of(mentions, "Security Council", "Syria"),
    )
    supports = "China and the Russian Federation vetoed three draft resolutions on Syria in 2011 and 2012."
    factories.ReferenceFactory(
        claim=veto,
        title="UN Security Council veto list",
        publisher="United Nations",
        stance="supports",
        stance_score=0.9,
        score=3.2,
        passage=supports,
        passage_highlights=_spans_of(supports, "China", "Russia", "vetoed three", "resolutions", "Syria"),
    )
    return article


def test_editor_adds_a_claim_by_selecting_text_rejects_one_and_splits_another(
    browser, live_server, editor, reviewer, article_with_claims, published_claim_ids
):
    from playwright.sync_api import expect

    from apps.claims.models import Claim, ClaimStatus

    article = article_with_claims
    page = _log_in(browser, live_server, "edith")
    page.goto(f"{live_server.url}/articles/{article.pk}/")

    # Select a sentence of the body with the mouse and add it as a claim.
    _select_with_mouse(page, "#article-text", "The talks in Geneva ended on Friday")
    expect(page.locator("[data-selection-preview]")).to_have_text("“The talks in Geneva ended on Friday”")
    page.get_by_role("button", name="Add claim from selection").click()
    _expect_message(page, "Claim added: “The talks in Geneva ended on Friday”.")
    added = Claim.objects.get(article=article, text="The talks in Geneva ended on Friday")
    assert article.body[added.start : added.end] == "The talks in Geneva ended on Friday"
    assert str(added.pk) in published_claim_ids
    expect(page.locator(".claims-table tbody tr", has_text="Geneva")).to_be_visible()
    # A drag that starts inside a highlighted claim (a link) selects text too.
    _select_with_mouse(page, "#article-text", "three UN Security Council")
    expect(page.locator("[data-selection-preview]")).to_have_text("“three UN Security Council”")
    assert page.url.endswith(f"#claim-{added.pk}")

    # Reject the death-toll claim with a reason; it moves to the held-back and rejected list.
    toll_row = page.locator(".claims-table tbody tr", has_text="killed")
    toll_row.get_by_text("Edit or reject").click()
    toll_row.get_by_label("Reason").fill("Already checked last week.")
    # The first press is cancelled at the confirmation; the second goes through.
    questions = []
    page.once("dialog", lambda dialog: (questions.append(dialog.message), dialog.dismiss()))
    toll_row.get_by_role("button", name="Reject").click()
    assert questions == ["Reject this claim? It leaves the review queue and the report until an editor releases it."]
    assert Claim.objects.get(text__startswith="The conflict").status == ClaimStatus.ACTIVE
    page.once("dialog", lambda dialog: dialog.accept())
    toll_row.get_by_role("button", name="Reject").click()
    _expect_message(page, "Claim rejected")
    expect(page.locator(".claims-table tbody tr", has_text="killed")).to_have_count(0)
    # The page returns to the claim's row, which opens the collapsed list it is now in.
    rejected_row = page.locator(".set-aside-table tbody tr", has_text="killed")
    expect(rejected_row).to_be_visible()
    expect(rejected_row).to_contain_text("Rejected by an editor")
    expect(rejected_row).to_contain_text("Already checked last week.")
    assert Claim.objects.get(text__startswith="The conflict").status == ClaimStatus.REJECTED
    page.screenshot(path=str(SCREENSHOT_DIR / "factcheck-article-editing.png"), full_page=True)

    # The veto claim's page: the earlier check, evidence supporting first, and the split form.
    page.get_by_role("link", name=article.body[: article.body.index("\n\n")]).first.click()
    expect(page.locator(".match")).to_contain_text("The UN veto list records the three draft resolutions.")
    expect(page.locator(".reference .badge").first).to_have_text("Supports")
    expect(page.locator(".passage mark").first).to_have_text("China")
    page.get_by_text("Split into parts").click()
    for passage in ("Russia and China", "vetoed three UN Security Council resolutions on Syria"):
        _select_with_mouse(page, "#claim-context", passage)
        page.get_by_role("button", name="Add part from selection").click()
    expect(page.locator("input[name='form-1-text']")).to_have_attribute(
        "placeholder", "vetoed three UN Security Council resolutions on Syria"
    )
    page.screenshot(path=str(SCREENSHOT_DIR / "factcheck-claim-editing.png"), full_page=True)
    page.locator("input[name='form-0-text']").fill("Russia and China have vetoed three resolutions on Syria.")
    page.get_by_role("button", name="Split claim").click()
    _expect_message(page, "Claim split into 2 claims.")
    assert sorted(Claim.objects.filter(article=article, start__lt=76).values_list("text", flat=True)) == [
        "Russia and China have vetoed three resolutions on Syria.",
        "vetoed three UN Security Council resolutions on Syria",
    ]
