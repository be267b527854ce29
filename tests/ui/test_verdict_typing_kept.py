"""What a reviewer types into the verdict form survives the page being loaded again before it is sent:
once references are gathered the claim page offers to show them (it reloads itself only when nobody is
typing in it), and "Refresh references" reloads it."""

import pytest

from apps.references.models import JobStatus, ReferenceJob
from apps.reviews.models import TaskStatus
from tests import factories
from tests.browser import SLOW_MACHINE_WAIT_MS, chromium, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

RATIONALE = "The UN list shows three vetoes: S/2011/612, S/2012/77 and S/2012/538."


@pytest.fixture
def reviewer_page(monkeypatch, live_server, reviewer, veto_task):
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    veto_task.status, veto_task.assignee = TaskStatus.IN_REVIEW, reviewer
    veto_task.save()
    factories.ReferenceFactory(claim=veto_task.claim, title="UN Security Council veto list")
    with chromium() as browser:
        page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
        # Clicks wait for the button the page's progress poll brings, as long as expectations wait.
        page.set_default_timeout(SLOW_MACHINE_WAIT_MS)
        log_in(page, live_server.url, "rachel")
        page.goto(f"{live_server.url}/claims/{veto_task.claim.pk}/")
        yield page


def _write_verdict(page):
    page.get_by_label("Rating").select_option(label="True")
    page.get_by_label("Rationale").fill(RATIONALE)
    page.get_by_label("UN Security Council veto list").check()


def _expect_verdict_kept(page):
    from playwright.sync_api import expect

    expect(page.get_by_label("Rationale")).to_have_value(RATIONALE)
    expect(page.locator("#id_rating option:checked")).to_have_text("True")
    expect(page.get_by_label("UN Security Council veto list")).to_be_checked()
    expect(page.locator(".typed-restored")).to_contain_text("It is not saved until you send the form.")


def test_a_verdict_typed_while_references_are_gathered_survives_the_pages_reload(reviewer_page, veto_task):
    ReferenceJob.objects.create(claim=veto_task.claim, status=JobStatus.RUNNING)
    reviewer_page.reload()
    _write_verdict(reviewer_page)

    ReferenceJob.objects.filter(claim=veto_task.claim).update(status=JobStatus.DONE)
    with reviewer_page.expect_navigation(timeout=SLOW_MACHINE_WAIT_MS):
        reviewer_page.get_by_role("button", name="Show what was found").click()

    _expect_verdict_kept(reviewer_page)


def test_a_verdict_typed_before_refreshing_references_is_there_after_it(reviewer_page):
    _write_verdict(reviewer_page)

    reviewer_page.get_by_role("button", name="Refresh references").click()

    _expect_verdict_kept(reviewer_page)


def test_a_sent_verdict_is_not_filled_in_again(reviewer_page):
    from playwright.sync_api import expect

    _write_verdict(reviewer_page)
    reviewer_page.get_by_role("button", name="Save draft").click()
    expect(reviewer_page.locator(".messages")).to_contain_text("Draft saved.")
    reviewer_page.reload()

    expect(reviewer_page.locator(".typed-restored")).to_have_count(0)
    assert reviewer_page.evaluate("Object.keys(window.sessionStorage).filter(k => k.includes('typed'))") == []
