"""Keyboard focus and form fields stay visible: their outlines contrast at least 3:1 with what
surrounds them (WCAG 2.1 1.4.11), on the light page and on the dark header alike."""

import re

import pytest

from tests.browser import chromium, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# The colour of the first ancestor (or the element itself) with an opaque background.
BACKGROUND_BEHIND = """element => {
  for (let node = element; node; node = node.parentElement) {
    const colour = getComputedStyle(node).backgroundColor;
    if (colour !== "rgba(0, 0, 0, 0)" && colour !== "transparent") return colour;
  }
  return "rgb(255, 255, 255)";
}"""


def _luminance(rgb: str) -> float:
    channels = [int(value) / 255 for value in re.findall(r"\d+", rgb)[:3]]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(first: str, second: str) -> float:
    lighter, darker = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


@pytest.fixture
def page(monkeypatch, live_server, editor, article):
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with chromium() as browser:
        page = browser.new_page()
        log_in(page, live_server.url, "edith")
        page.goto(f"{live_server.url}/articles/{article.pk}/")
        yield page


def _focus_by_keyboard(page, locator) -> None:
    """Tab until `locator` has focus, so :focus-visible applies as it does for a keyboard user."""
    for _ in range(60):
        page.keyboard.press("Tab")
        if locator.evaluate("element => element === document.activeElement"):
            return
    raise AssertionError("never reached by Tab")


@pytest.mark.parametrize(
    "selector",
    [
        pytest.param(".nav a >> text=Dashboard", id="header link on the dark header"),
        pytest.param(".exports a >> text=HTML", id="export button on the page"),
        pytest.param(".offsets summary", id="disclosure in the white article card"),
    ],
)
def test_the_focus_outline_stands_out_from_its_background(page, selector):
    element = page.locator(selector).first
    _focus_by_keyboard(page, element)

    outline = element.evaluate("element => getComputedStyle(element).outlineColor")
    # The outline is drawn outside the element, on its parent's background.
    behind = element.evaluate(f"element => ({BACKGROUND_BEHIND})(element.parentElement)")

    assert element.evaluate("element => getComputedStyle(element).outlineStyle") != "none"
    assert _contrast(outline, behind) >= 3, (outline, behind)


def test_text_fields_have_borders_that_stand_out(page):
    page.get_by_text("Add a claim by typing or pasting its text").click()
    field = page.get_by_label("Text to add as a claim")

    border = field.evaluate("element => getComputedStyle(element).borderTopColor")
    behind = field.evaluate(f"element => ({BACKGROUND_BEHIND})(element.parentElement)")

    assert _contrast(border, behind) >= 3, (border, behind)
