"""A refused split's error summary takes focus, and each of its errors is a link to the field it is
about (the GOV.UK error summary): following it puts focus in that field, ready to correct."""

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _offsets(page, part: int, start: str, end: str) -> None:
    group = page.get_by_role("group", name=f"Part {part}")
    group.get_by_label("From character").fill(start)
    group.get_by_label("to character").fill(end)


def test_a_part_outside_the_article_is_linked_from_the_summary_to_its_offsets(split_form):
    page = split_form
    _offsets(page, 1, "0", "16")
    _offsets(page, 2, "20", "99999")
    page.get_by_role("button", name="Split claim").click()
    page.locator(".form-errors").wait_for()

    summary = page.locator(".form-errors")
    expect(summary).to_be_focused()
    link = summary.get_by_role("link", name="Part 2: The selected passage is outside the article text.")
    expect(link).to_have_attribute("href", "#form-1-start")

    link.click()

    focused = page.locator(":focus")
    expect(focused).to_have_attribute("name", "form-1-start")
    expect(focused).to_have_value("20")
    expect(focused).to_have_attribute("aria-invalid", "true")


def test_too_few_parts_links_to_the_part_left_empty(split_form):
    page = split_form
    _offsets(page, 1, "0", "16")
    page.get_by_role("button", name="Split claim").click()
    page.locator(".form-errors").wait_for()

    summary = page.locator(".form-errors")
    expect(summary).to_be_focused()
    link = summary.get_by_role("link", name="A split needs at least two parts.")
    expect(link).to_have_attribute("href", "#form-1-passage")

    link.click()

    expect(page.locator(":focus")).to_have_attribute("name", "form-1-passage")
