"""Desk settings forms sit below their table with room, aligned with it, and rating
descriptions show whole (L5)."""

import pytest

from apps.reviews.services import rating_scale_copy_default
from tests import factories
from tests.browser import chromium, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def admin_page(monkeypatch, live_server):
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    desk = factories.DeskFactory(name="World desk", slug="world")
    admin = factories.MemberFactory(desk=desk, role="admin", username="ada").user
    rating_scale_copy_default(user=admin, desk=desk)
    with chromium() as browser:
        page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
        log_in(page, live_server.url, "ada")
        yield page


@pytest.mark.parametrize(("path", "heading"), [("people", "Add an existing account"), ("ratings", "Add a rating")])
def test_a_settings_form_starts_below_its_table_with_room_and_lines_up_with_it(admin_page, live_server, path, heading):
    admin_page.goto(f"{live_server.url}/desks/world/{path}/")

    table = admin_page.locator(".table-wrap").first.bounding_box()
    form_heading = admin_page.get_by_role("heading", name=heading).bounding_box()
    assert form_heading["y"] >= table["y"] + table["height"] + 16
    assert form_heading["x"] == table["x"]


def test_rating_descriptions_show_whole_in_their_inputs(admin_page, live_server):
    admin_page.goto(f"{live_server.url}/desks/world/ratings/")

    cut = admin_page.evaluate(
        """() => [...document.querySelectorAll("[name='description']")]
            .filter(box => box.scrollWidth > box.clientWidth || box.scrollHeight > box.clientHeight)
            .map(box => box.value)"""
    )
    assert cut == []
