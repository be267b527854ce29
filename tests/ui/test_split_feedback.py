"""Splitting a claim tells a screen reader what happened: a part filled from a selection is
announced (the button keeps focus, and the parts are below it, out of sight), and a refused split
takes focus to the first field in error, whose error is read with it (aria-describedby)."""

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_refused_split_focuses_the_first_field_in_error_and_reads_its_error(split_form):
    page = split_form
    first = page.get_by_role("group", name="Part 1")
    first.get_by_label("From character").fill("0")
    first.get_by_label("to character").fill("16")
    page.get_by_role("group", name="Part 2").get_by_label("From character").fill("20")
    page.get_by_role("button", name="Split claim").click()
    page.locator(".field-error").first.wait_for()

    focused = page.locator(":focus")
    assert focused.get_attribute("name") == "form-1-end"
    expect(focused).to_have_attribute("aria-invalid", "true")
    expect(focused).to_have_accessible_description("Part 2: Give the passage's end.")
    # Only the field in error is marked invalid.
    assert page.locator("[aria-invalid]").count() == 1


def test_a_part_added_from_a_selection_is_announced(split_form, article):
    page = split_form
    part = "three UN Security Council resolutions"
    page.evaluate(
        """part => {
            const mark = document.querySelector('#claim-context mark');
            const text = [...mark.childNodes].find(node => node.nodeType === Node.TEXT_NODE);
            const start = text.data.indexOf(part);
            window.getSelection().setBaseAndExtent(text, start, text, start + part.length);
        }""",
        part,
    )
    page.get_by_role("button", name="Add part from selection").click()

    start = article.body.index(part)
    announced = page.get_by_role("status").filter(has_text="Part 1 added")
    assert announced.inner_text() == f"Part 1 added: “{part}”, characters {start} to {start + len(part)}."
