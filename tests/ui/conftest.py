from collections.abc import Iterator

import pytest

from tests import factories
from tests.browser import chromium, log_in


@pytest.fixture
def article(desk, editor):
    body = (
        "Russia and China have vetoed three UN Security Council resolutions on Syria.\n\n"
        "The conflict has killed at least 40,000 people, activists say."
    )
    return factories.ArticleFactory(desk=desk, title="Syria talks", body=body, imported_by=editor)


@pytest.fixture
def veto_task(article):
    claim = factories.ClaimFactory(
        article=article,
        text="Russia and China have vetoed three UN Security Council resolutions on Syria.",
        start=0,
        end=77,
        cues=["vetoed"],
        quantities=[{"value": 3, "unit": "resolutions", "qualifier": "=", "text": "three"}],
    )
    return factories.ReviewTaskFactory(claim=claim)


@pytest.fixture
def toll_task(article):
    start = article.body.index("The conflict")
    claim = factories.ClaimFactory(
        article=article,
        text="The conflict has killed at least 40,000 people",
        start=start,
        end=start + len("The conflict has killed at least 40,000 people"),
        kind="statistic",
        score=0.95,
    )
    return factories.ReviewTaskFactory(claim=claim)


@pytest.fixture
def browser(monkeypatch, live_server) -> Iterator:
    """Chromium beside the test's live server, for a test that opens its own pages and contexts."""
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with chromium() as browser:
        yield browser


@pytest.fixture
def split_form(monkeypatch, live_server, veto_task):
    """The veto claim's page in Chromium, signed in as the editor, with "Split into parts" open."""
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with chromium() as browser:
        page = browser.new_page()
        log_in(page, live_server.url, "edith")
        page.goto(f"{live_server.url}/claims/{veto_task.claim_id}/")
        page.get_by_text("Split into parts").click()
        yield page
