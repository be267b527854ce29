"""A reader's tip from the public form to a published rating, in Chromium: a signed-out reader sends
a tip, an editor starts a check from the desk's Tips inbox, the article exists, and once a verdict
is published the reader's tracking page shows the rating."""

import pytest
from playwright.sync_api import expect

from apps.articles.models import Tip, TipStatus
from apps.reviews import services as review_services
from apps.reviews.models import Rating, ReviewTask
from tests.browser import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TIP = (
    "Bridge costs\n\nThe new bridge over the river cost 40 million euros, the mayor said on Monday. "
    "The council promised in 2019 that it would cost 20 million euros."
)


def test_a_signed_out_readers_tip_is_checked_and_the_rating_shown(browser, live_server, desk, editor, reviewer):
    desk.takes_tips = True
    desk.save()
    reader = browser.new_context().new_page()

    reader.goto(f"{live_server.url}/tips/{desk.slug}/")
    expect(reader.get_by_role("heading", name="Send us a claim to check")).to_be_visible()
    expect(reader.get_by_role("button", name="Log out")).to_have_count(0)
    reader.get_by_label("The claim or question you want checked").fill(TIP)
    reader.get_by_label("Where you saw it (optional)").fill("not a web address")
    reader.get_by_role("button", name="Send the tip").click()
    # Refused with the reason, and what was typed is still there.
    expect(reader.get_by_role("alert")).to_contain_text("starts with http:// or https://")
    expect(reader.get_by_label("The claim or question you want checked")).to_have_value(TIP)
    reader.get_by_label("Where you saw it (optional)").fill("")
    reader.get_by_role("button", name="Send the tip").click()

    expect(reader.get_by_role("heading", name="Your tip", exact=True)).to_be_visible()
    expect(reader.locator("[data-tip-state]")).to_have_text("Received")
    tracking_url = reader.url
    assert "/tips/track/" in tracking_url

    editor_page = browser.new_context().new_page()
    log_in(editor_page, live_server.url, editor.username)
    editor_page.get_by_role("link", name="Tips").click()
    expect(editor_page.get_by_role("heading", name="Reader tips")).to_be_visible()
    expect(editor_page.locator("[data-tip-text]").first).to_contain_text("The new bridge over the river")
    editor_page.get_by_role("button", name="Start a check").click()
    expect(editor_page.locator("[data-reader-tip]")).to_contain_text("From a reader tip.")

    tip = Tip.objects.select_related("article").get()
    assert tip.status == TipStatus.CHECKING
    assert tip.article is not None
    assert tip.article.claims.exists()
    reader.goto(tracking_url)
    expect(reader.locator("[data-tip-state]")).to_have_text("Being checked")

    task = ReviewTask.objects.filter(claim__article=tip.article).order_by("claim__start").first()
    review_services.review_tasks_assign(editor=editor, tasks=[task], assignee=reviewer)
    rating = Rating.objects.get(scale__desk=None, label="False")
    review_services.verdict_submit(
        user=reviewer, task=ReviewTask.objects.get(pk=task.pk), rating=rating, rationale="The budget says 20."
    )
    review_services.verdict_approve(editor=editor, task=ReviewTask.objects.get(pk=task.pk))

    reader.goto(tracking_url)
    expect(reader.locator("[data-tip-state]")).to_have_text("Checked")
    expect(reader.locator("[data-verdicts]")).to_contain_text("False")
    expect(reader.locator("[data-verdicts]")).to_contain_text(task.claim.text)
    expect(reader.get_by_text("The budget says 20.")).to_have_count(0)
