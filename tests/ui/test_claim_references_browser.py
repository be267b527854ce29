"""In a real browser (Chromium through Playwright): after "Refresh references" the claim page
reloads itself once the worker has gathered the claim's references."""

import pytest

from apps.references.models import JobStatus, ReferenceJob
from apps.references.tasks import reference_gather_task
from tests import factories
from tests.browser import chromium, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def page(monkeypatch, live_server):
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    # The test plays the worker.
    monkeypatch.setattr(reference_gather_task, "delay_on_commit", lambda claim_id: None)
    with chromium() as browser:
        yield browser.new_context(viewport={"width": 1280, "height": 900}).new_page()


def test_refreshed_references_appear_without_reloading_by_hand(page, live_server):
    from playwright.sync_api import expect

    desk = factories.DeskFactory(name="World desk", slug="world")
    factories.MemberFactory(desk=desk, role="editor", username="edith")
    claim = factories.ReviewTaskFactory(claim__article__desk=desk).claim
    factories.ReferenceJobFactory(claim=claim, status=JobStatus.DONE)

    log_in(page, live_server.url, "edith")
    page.goto(f"{live_server.url}/claims/{claim.pk}/")
    page.get_by_role("button", name="Refresh references").click()
    expect(page.locator("[data-progress-label]")).to_contain_text("this page shows them when done")

    factories.ReferenceFactory(claim=claim, title="UN record of the third veto")
    ReferenceJob.objects.filter(claim=claim).update(status=JobStatus.DONE)

    expect(page.get_by_role("link", name="UN record of the third veto")).to_be_visible()
    expect(page.locator("[data-progress-url]")).to_have_count(0)
