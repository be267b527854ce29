"""A page waiting on background work (a claim's references, a long article's claims) reloads itself
when the work is done. A reload says nothing to a screen reader, so the reloaded page says that
the work has finished, in a status message at its top that takes focus."""

import pytest

from apps.articles.models import IntakeStatus
from apps.references.models import JobStatus, ReferenceJob
from tests import factories
from tests.browser import chromium, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _focused_status(page) -> str:
    """The text of the focused element when it sits in a status region, else ''."""
    return page.evaluate(
        """() => document.activeElement.closest('[role=status]') ? document.activeElement.innerText : ''"""
    )


def _wait_for_the_reload(page, finish) -> None:
    """Finish the work, let the page's next poll find out, and wait for the page it reloads to."""
    finish()
    with page.expect_navigation():
        page.clock.run_for(3_100)


@pytest.fixture
def page(monkeypatch, live_server, editor):
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with chromium() as browser:
        page = browser.new_page()
        log_in(page, live_server.url, "edith")
        page.clock.install()
        yield page


def test_the_claim_page_says_when_its_references_are_gathered(page, live_server, veto_task):
    job = factories.ReferenceJobFactory(claim=veto_task.claim, status=JobStatus.RUNNING)
    page.goto(f"{live_server.url}/claims/{veto_task.claim_id}/")

    _wait_for_the_reload(page, lambda: ReferenceJob.objects.filter(pk=job.pk).update(status=JobStatus.DONE))

    assert _focused_status(page) == "Gathering references has finished: the page now shows what was found."
    page.reload()
    assert _focused_status(page) == "", "said once, not on every later visit"


def test_the_article_page_says_when_its_claims_are_found(page, live_server, desk):
    article = factories.ArticleFactory(desk=desk, intake_status=IntakeStatus.RUNNING)
    page.goto(f"{live_server.url}/articles/{article.pk}/")

    _wait_for_the_reload(page, lambda: type(article).objects.filter(pk=article.pk).update(intake_status="done"))

    assert _focused_status(page) == "Finding claims has finished: the page now shows what was found."


def test_with_storage_turned_off_the_page_still_reloads_when_the_work_is_done(page, live_server, desk):
    # As when a browser blocks site data: reading window.sessionStorage throws. The message cannot
    # be kept across the reload then, but the page must still follow the work and reload.
    page.add_init_script(
        """Object.defineProperty(window, "sessionStorage", {
            get() { throw new DOMException("The operation is insecure.", "SecurityError"); },
        });"""
    )
    article = factories.ArticleFactory(desk=desk, intake_status=IntakeStatus.RUNNING)
    page.goto(f"{live_server.url}/articles/{article.pk}/")

    _wait_for_the_reload(page, lambda: type(article).objects.filter(pk=article.pk).update(intake_status="done"))

    assert page.url.endswith(f"/articles/{article.pk}/")
