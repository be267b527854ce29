"""The core journey without a mouse: an editor reaches and operates the claim controls (edit,
reject, merge, split, add a claim) and a reviewer the verdict form with Tab, Enter, Space, the
arrow keys and typing alone. Nothing is clicked: each control is reached by pressing Tab."""

from collections.abc import Iterator

import pytest

from apps.claims.models import Claim, ClaimStatus
from apps.reviews import services
from apps.reviews.models import ReviewTask, TaskStatus
from tests.browser import chromium, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

VETO = "Russia and China have vetoed three UN Security Council resolutions on Syria."
TOLL = "The conflict has killed at least 40,000 people"


@pytest.fixture
def browser(monkeypatch, live_server) -> Iterator:
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with chromium() as browser:
        yield browser


def _page(browser, live_server, username: str, path: str):
    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    log_in(page, live_server.url, username)
    page.goto(f"{live_server.url}{path}")
    # Confirmation questions are answered yes, as Enter on the browser's dialog would.
    page.on("dialog", lambda dialog: dialog.accept())
    return page


def _tab_to(page, locator, presses: int = 120) -> None:
    """Press Tab until `locator` has focus, as a keyboard user moves through the page."""
    for _ in range(presses):
        page.keyboard.press("Tab")
        if locator.evaluate("element => element === document.activeElement"):
            return
    raise AssertionError(f"never reached by Tab: {locator}")


def test_an_editor_rewords_and_rejects_claims_from_the_keyboard(browser, live_server, article, veto_task, toll_task):
    reworded = "Russia and China have vetoed three UN resolutions on Syria."
    page = _page(browser, live_server, "edith", f"/articles/{article.pk}/")
    veto_row = page.get_by_role("row").filter(has=page.get_by_role("link", name=VETO))

    _tab_to(page, veto_row.get_by_text("Edit or reject"))
    page.keyboard.press("Enter")
    _tab_to(page, veto_row.get_by_label("Claim text"))
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.type(reworded)
    _tab_to(page, veto_row.get_by_role("button", name="Save text"))
    page.keyboard.press("Enter")
    page.get_by_text("Claim text saved").first.wait_for()

    toll_row = page.get_by_role("row").filter(has=page.get_by_role("link", name=TOLL))
    _tab_to(page, toll_row.get_by_text("Edit or reject"))
    page.keyboard.press("Enter")
    _tab_to(page, toll_row.get_by_label("Reason"))
    page.keyboard.type("Checked last week in another story.")
    page.keyboard.press("Enter")
    page.get_by_text("Claim rejected").first.wait_for()

    assert (
        Claim.objects.get(pk=veto_task.claim_id).text == "Russia and China have vetoed three UN resolutions on Syria."
    )
    assert Claim.objects.get(pk=toll_task.claim_id).status == ClaimStatus.REJECTED


def test_an_editor_merges_ticked_claims_from_the_keyboard(browser, live_server, article, veto_task, toll_task):
    page = _page(browser, live_server, "edith", f"/articles/{article.pk}/")

    _tab_to(page, page.get_by_label("Select claim 1"))
    page.keyboard.press("Space")
    _tab_to(page, page.get_by_label("Select claim 2"))
    page.keyboard.press("Space")
    _tab_to(page, page.get_by_label("Merged wording (optional)"), presses=60)
    page.keyboard.type("Russia and China vetoed three resolutions in a conflict that killed 40,000 people.")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")  # "Merge ticked", just before the wording
    page.get_by_text("merged", exact=False).first.wait_for()

    assert list(Claim.objects.filter(article=article).values_list("text", flat=True)) == [
        "Russia and China vetoed three resolutions in a conflict that killed 40,000 people."
    ]


def test_an_editor_splits_a_claim_from_the_keyboard(browser, live_server, article, veto_task):
    page = _page(browser, live_server, "edith", f"/articles/{article.pk}/")
    veto_row = page.get_by_role("row").filter(has=page.get_by_role("link", name=VETO))

    _tab_to(page, veto_row.get_by_text("Edit or reject"))
    page.keyboard.press("Enter")
    _tab_to(page, veto_row.get_by_role("link", name="Split into parts…"))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    # The link lands in the split form, opened, and the next Tab is its first field: the form
    # used to sit in a closed disclosure, and Tab went on past the collapsed "Split into parts".
    page.keyboard.press("Tab")
    assert page.locator("#split").evaluate("details => details.open")
    first_field = page.get_by_role("group", name="Part 1").get_by_label("Passage, typed or pasted")
    assert first_field.evaluate("field => field === document.activeElement")

    # Each part's passage is typed, not counted out in character offsets: Part 1's passage, past
    # its offsets and wording (the passage is the wording), then Part 2's passage.
    for keys in ("Russia and China", "Tab", "Tab", "Tab", "Tab", "have vetoed three UN Security Council"):
        page.keyboard.press(keys) if keys == "Tab" else page.keyboard.type(keys)
    _tab_to(page, page.get_by_role("button", name="Split claim"))
    page.keyboard.press("Enter")
    page.get_by_text("Claim split into 2 claims.").first.wait_for()

    assert sorted(Claim.objects.filter(article=article).values_list("text", flat=True)) == [
        "Russia and China",
        "have vetoed three UN Security Council",
    ]


def test_a_reviewer_records_a_verdict_from_the_keyboard(browser, live_server, editor, reviewer, veto_task):
    services.review_tasks_assign(editor=editor, tasks=[veto_task], assignee=reviewer)
    page = _page(browser, live_server, "rachel", "/queue/")

    _tab_to(page, page.get_by_role("link", name=VETO))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    rating = page.get_by_label("Rating", exact=True)
    first_rating = rating.evaluate("select => select.options[1].text")
    _tab_to(page, rating)
    page.keyboard.press("ArrowDown")  # the first rating on the scale
    page.keyboard.press("Tab")
    page.keyboard.type("The UN's own list of vetoes shows three resolutions on Syria blocked by both countries.")
    _tab_to(page, page.get_by_role("button", name="Submit verdict"))
    page.keyboard.press("Enter")
    page.get_by_text("Verdict submitted").first.wait_for()

    task = ReviewTask.objects.get(pk=veto_task.pk)
    assert task.status == TaskStatus.SUBMITTED
    assert task.verdict.rating.label == first_rating


# What has focus and whether it shows: an outline or a box shadow drawn around it.
FOCUSED = """() => {
  const element = document.activeElement;
  if (!element || element === document.body) return null;
  const style = getComputedStyle(element);
  const label = element.tagName + " " + (element.name || element.id || element.innerText.slice(0, 40));
  return [label, style.outlineStyle !== "none" || style.boxShadow !== "none"];
}"""


@pytest.mark.parametrize(
    ("username", "path"),
    [
        pytest.param("edith", "/articles/{article}/", id="article page, every panel open"),
        pytest.param("rachel", "/claims/{claim}/", id="claim page with the verdict form"),
        # A date field's calendar button, its last stop, once showed no focus at all.
        pytest.param("edith", "/search/?q=vetoed", id="search with its date filters"),
    ],
)
def test_every_tab_stop_shows_where_focus_is(
    browser, live_server, editor, reviewer, article, veto_task, username, path
):
    services.review_tasks_assign(editor=editor, tasks=[veto_task], assignee=reviewer)
    page = _page(browser, live_server, username, path.format(article=article.pk, claim=veto_task.claim_id))
    page.evaluate("() => document.querySelectorAll('details').forEach(details => { details.open = true; })")

    stops = []
    while len(stops) < 200:
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused is None or (stops and focused == stops[0]):
            break  # round the page and back to the first stop
        stops.append(focused)

    assert len(stops) > 10
    assert [label for label, shown in stops if not shown] == []
