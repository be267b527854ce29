"""An editor works through the approval list: reads the verdicts there, ticks the ones to approve
(from the keyboard too) and approves them together."""

import pytest

from apps.reviews.models import Rating, ReviewTask, TaskStatus, Verdict
from tests import factories
from tests.browser import chromium, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _submitted(article, reviewer, text, start, rationale):
    claim = factories.ClaimFactory(article=article, text=text, start=start, end=start + len(text))
    task = factories.ReviewTaskFactory(claim=claim, assignee=reviewer, status=TaskStatus.SUBMITTED)
    rating = Rating.objects.get(scale__desk__isnull=True, label="True")
    Verdict.objects.create(
        task=task, rating=rating, rationale=rationale, reviewer=reviewer, submitted_at=claim.created_at
    )
    return task


def test_an_editor_approves_two_of_three_verdicts_from_the_list(monkeypatch, live_server, editor, reviewer, article):
    from playwright.sync_api import expect

    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    vetoes = _submitted(article, reviewer, "Russia and China vetoed three resolutions.", 0, "UN veto list.")
    toll = _submitted(article, reviewer, "The conflict has killed 40,000 people.", 80, "UN estimate of December.")
    doubtful = _submitted(article, reviewer, "Activists say so.", 120, "Only one source.")
    with chromium() as browser:
        page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
        log_in(page, live_server.url, "edith")
        page.goto(f"{live_server.url}/queue/")
        approvals = page.get_by_role("region", name="Verdicts to approve")
        expect(approvals).to_contain_text("UN estimate of December.")

        approvals.get_by_role("checkbox", name="Approve Russia and China vetoed three resolutions.").check()
        toll_box = approvals.get_by_role("checkbox", name="Approve The conflict has killed 40,000 people.")
        toll_box.focus()
        page.keyboard.press("Space")
        expect(toll_box).to_be_checked()
        page.get_by_role("button", name="Approve ticked verdicts").click()

        expect(page.locator(".messages")).to_have_text("Approved 2 verdicts.")
        expect(page.get_by_role("region", name="Verdicts to approve").locator("tbody tr")).to_have_count(1)
    statuses = dict(ReviewTask.objects.values_list("pk", "status"))
    assert [statuses[task.pk] for task in (vetoes, toll, doubtful)] == [
        TaskStatus.APPROVED,
        TaskStatus.APPROVED,
        TaskStatus.SUBMITTED,
    ]
