"""Every link, button, disclosure and form field on the main pages is a target at least 24 by 24 CSS
pixels, or has room around it (WCAG 2.2, 2.5.8 Target Size (Minimum), level AA), measured in Chromium.

WCAG's exceptions, as this test applies them:
- Spacing: an undersized target passes if a 24 px circle centred on it meets no other target and no
  other undersized target's circle.
- Inline: a link inside a line of text (its block also shows words that are no target's) is sized
  by the text's line height, as a link in a sentence is; so are the claim numbers after shared text
  in the article, which are footnote references.
The skip link sits off-screen until it takes focus, so it is measured focused. Each page is measured
as it loads and again with every disclosure opened (closed, disclosures lie next to each other;
opened, they show the controls inside them). The pages are the main ones of the accessibility test
(test_accessibility.py), for each role, on a desktop screen and a phone-sized one.
"""

from collections.abc import Iterator

import pytest

from tests.browser import chromium, log_in
from tests.ui.test_accessibility import DESKTOP, OPEN_EVERY_DISCLOSURE, PHONE, Visit, newsroom  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MINIMUM = 24

# Returns "where: WIDTHxHEIGHT" for each target that fails, on the page as it is.
UNDERSIZED_TARGETS_JS = r"""(minimum) => {
  const TARGETS = "a[href], button, summary, input:not([type=hidden]), select, textarea";
  const INLINE = ["inline", "inline-block", "contents"];
  const radius = minimum / 2;

  // A link is in a line of text when its block also shows words that are no target's.
  function inText(element) {
    if (element.tagName !== "A" || !INLINE.includes(getComputedStyle(element).display)) return false;
    let block = element.parentElement;
    while (block && INLINE.includes(getComputedStyle(block).display)) block = block.parentElement;
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const words = walker.currentNode;
      const holder = words.parentElement;
      const shown = holder.getClientRects().length && !holder.closest(".visually-hidden");
      if (shown && /\w/.test(words.data) && !holder.closest(TARGETS)) return true;
    }
    return false;
  }

  function describe(element) {
    const name = (element.getAttribute("aria-label") || element.textContent || element.name || "").trim();
    return `${element.tagName.toLowerCase()}${element.id ? "#" + element.id : ""} "${name.slice(0, 40)}"`;
  }

  const targets = [];
  for (const element of document.querySelectorAll(TARGETS)) {
    // checkVisibility() leaves out the inside of a closed <details>, which still has a layout box.
    if (element.closest(".visually-hidden") || !element.checkVisibility({ visibilityProperty: true })) continue;
    const box = element.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;
    // Off-screen until focused (the skip link): measured where focus brings it.
    if (box.right <= 0 || box.bottom <= 0) continue;
    const small = box.width < minimum - 0.01 || box.height < minimum - 0.01;
    targets.push({ element, box, small, centre: [box.left + box.width / 2, box.top + box.height / 2] });
  }

  function circleMeetsBox([x, y], box) {
    const dx = x - Math.max(box.left, Math.min(x, box.right));
    const dy = y - Math.max(box.top, Math.min(y, box.bottom));
    return dx * dx + dy * dy < radius * radius - 0.01;
  }

  const apart = (one, other) => Math.hypot(one.centre[0] - other.centre[0], one.centre[1] - other.centre[1]);

  const failures = [];
  for (const target of targets) {
    if (!target.small || inText(target.element)) continue;
    const crowded = targets.some(
      (other) =>
        other !== target &&
        !other.element.contains(target.element) &&
        !target.element.contains(other.element) &&
        (circleMeetsBox(target.centre, other.box) || (other.small && apart(target, other) < minimum - 0.01)),
    );
    if (crowded) {
      failures.push(`${describe(target.element)}: ${target.box.width.toFixed(1)}x${target.box.height.toFixed(1)}`);
    }
  }
  return failures;
}"""

SKIP_LINK_SIZE_JS = """() => {
  const link = document.querySelector(".skip-link");
  if (!link) return null;
  link.focus();
  const box = link.getBoundingClientRect();
  link.blur();
  return [box.width, box.height];
}"""


@pytest.fixture
def browser(monkeypatch, live_server) -> Iterator:
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with chromium() as browser:
        yield browser


def _undersized(browser, base_url: str, username: str | None, visits: list[Visit], viewport=DESKTOP) -> list[str]:
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    if username:
        log_in(page, base_url, username)
    found = []
    for visit in visits:
        page.goto(f"{base_url}{visit.path}")
        if visit.then:
            visit.then(page)
        where = f"{visit.label or visit.path} at {viewport['width']} px"
        found += [f"{where}: {failure}" for failure in page.evaluate(UNDERSIZED_TARGETS_JS, MINIMUM)]
        page.evaluate(OPEN_EVERY_DISCLOSURE)
        found += [f"{where}, opened: {failure}" for failure in page.evaluate(UNDERSIZED_TARGETS_JS, MINIMUM)]
        skip_link = page.evaluate(SKIP_LINK_SIZE_JS)
        if skip_link and min(skip_link) < MINIMUM:
            found.append(f"{where}: the skip link, focused: {skip_link[0]:.1f}x{skip_link[1]:.1f}")
    context.close()
    return found


def test_every_target_on_the_main_pages_is_at_least_24_px_or_spaced(browser, live_server, newsroom, desk):  # noqa: F811
    ids = newsroom
    article = ids["article"]
    editor_pages = [
        Visit("/"),
        Visit("/articles/import/"),
        Visit(f"/articles/{article}/"),
        Visit(f"/articles/{ids['broken_upload']}/"),
        Visit(f"/claims/{ids['new']}/"),
        Visit(f"/claims/{ids['submitted']}/"),
        Visit(f"/claims/{ids['reopened']}/"),
        Visit(f"/claims/{ids['repeated']}/"),
        Visit("/queue/"),
        Visit("/search/?q=vetoed"),
        Visit("/account/notifications/"),
        Visit(f"/desks/{desk.slug}/report/"),
    ]
    reviewer_pages = [
        Visit(f"/claims/{ids['assigned']}/"),
        Visit(f"/claims/{ids['returned']}/"),
        Visit(f"/articles/{article}/"),
    ]
    admin_pages = [
        Visit("/desks/"),
        Visit(f"/desks/{desk.slug}/people/"),
        Visit(f"/desks/{desk.slug}/ratings/"),
        Visit(f"/desks/{desk.slug}/source-rules/"),
        Visit(f"/desks/{desk.slug}/source-rules/new/"),
        Visit(f"/desks/{desk.slug}/webhooks/"),
        Visit(f"/desks/{desk.slug}/webhooks/{ids['webhook']}/"),
    ]
    found = _undersized(browser, live_server.url, None, [Visit("/login/")])
    found += _undersized(browser, live_server.url, "edith", editor_pages)
    found += _undersized(browser, live_server.url, "rachel", reviewer_pages)
    found += _undersized(browser, live_server.url, "adele", admin_pages)
    on_a_phone = [Visit(f"/articles/{article}/"), Visit(f"/claims/{ids['new']}/"), Visit("/queue/")]
    found += _undersized(browser, live_server.url, "edith", on_a_phone, viewport=PHONE)

    assert not found, "\n".join(found)
