"""At 320 CSS pixels wide (a phone, or a desktop zoomed to 400%) no page scrolls sideways: its
content reflows into one column (WCAG 2.1 1.4.10). Tables stack into cards on narrow screens;
what is wider still (a long URL) breaks rather than push the page wider."""

from collections.abc import Iterator

import pytest

from apps.desks.models import WebhookEndpoint
from apps.reviews import services
from tests import factories
from tests.browser import chromium, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NARROWEST = {"width": 320, "height": 700}

# The elements sticking out past the right edge of the screen, outside the tables' own
# scrolling boxes.
STICKING_OUT = """() => {
  const width = document.documentElement.clientWidth;
  return [...document.querySelectorAll("body *")]
    .filter(element => element.getBoundingClientRect().right > width + 1 && !element.closest(".table-wrap"))
    .map(element => element.tagName.toLowerCase() + (element.className ? "." + element.className : ""));
}"""


@pytest.fixture
def browser(monkeypatch, live_server) -> Iterator:
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with chromium() as browser:
        yield browser


def _sticking_out(browser, base_url: str, username: str, paths: list[str]) -> dict[str, list[str]]:
    page = browser.new_context(viewport=NARROWEST).new_page()
    log_in(page, base_url, username)
    found = {}
    for path in paths:
        page.goto(f"{base_url}{path}")
        page.evaluate("() => document.querySelectorAll('details').forEach(details => { details.open = true; })")
        if elements := page.evaluate(STICKING_OUT):
            found[path] = elements[:5]
    page.context.close()
    return found


def test_no_page_scrolls_sideways_at_320_pixels(browser, live_server, desk, editor, reviewer, article, veto_task):
    factories.MemberFactory(desk=desk, role="admin", username="adele")
    services.review_tasks_assign(editor=editor, tasks=[veto_task], assignee=reviewer)
    # A long URL and signing secret, as a chat service's webhook has.
    webhook = WebhookEndpoint.objects.create(
        desk=desk,
        url="https://hooks.example.org/services/T0000000000/B0000000000/abcdefghijklmnopqrstuvwx",
        events=["verdict.approved"],
        secret="whsec_0123456789abcdef0123456789abcdef0123456789abcdef",
    )
    claim = veto_task.claim_id

    found = _sticking_out(
        browser, live_server.url, "edith", ["/", f"/articles/{article.pk}/", f"/claims/{claim}/", "/queue/", "/search/"]
    )
    found |= _sticking_out(browser, live_server.url, "rachel", [f"/claims/{claim}/", "/queue/"])
    # A desk admin has one more link in the header.
    found |= _sticking_out(
        browser,
        live_server.url,
        "adele",
        [f"/desks/{desk.slug}/people/", f"/desks/{desk.slug}/ratings/", f"/desks/{desk.slug}/webhooks/{webhook.pk}/"],
    )

    assert found == {}
