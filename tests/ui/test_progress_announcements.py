"""The article page's progress line is a live region: a screen reader reads it out each time its
text is replaced, so the page replaces it only when the progress has changed, not on every poll."""

import pytest

from apps.references.models import JobStatus, ReferenceJob
from tests import factories
from tests.browser import chromium, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

COUNT_CHANGES = """label => {
  window.progressLabelChanges = 0;
  new MutationObserver(records => { window.progressLabelChanges += records.length; })
    .observe(label, {childList: true, characterData: true, subtree: true});
}"""


def _next_poll(page) -> None:
    """Let the page's next poll of the progress endpoint happen and wait for its answer."""
    with page.expect_response(lambda response: "/progress/" in response.url):
        page.clock.run_for(3_100)


def test_unchanged_progress_is_not_announced_again(monkeypatch, live_server, editor, veto_task, toll_task):
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    factories.ReferenceJobFactory(claim=veto_task.claim, status=JobStatus.RUNNING)
    factories.ReferenceJobFactory(claim=toll_task.claim, status=JobStatus.RUNNING)
    article = veto_task.claim.article

    with chromium() as browser:
        page = browser.new_page()
        log_in(page, live_server.url, "edith")
        page.clock.install()
        page.goto(f"{live_server.url}/articles/{article.pk}/")
        label = page.locator("[data-progress-label]")
        label.evaluate(COUNT_CHANGES)

        # Each poll is sent once the previous answer is handled, so after the third answer the
        # first two have been shown.
        for _ in range(3):
            _next_poll(page)
        unchanged = page.evaluate("window.progressLabelChanges")

        ReferenceJob.objects.filter(claim=toll_task.claim).update(status=JobStatus.DONE)
        for _ in range(2):
            _next_poll(page)

        assert unchanged == 0
        assert page.evaluate("window.progressLabelChanges") > 0
        assert label.inner_text() == "References gathered for 1 of 2 claims"
