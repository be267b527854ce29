"""A claim marked in the article text tells its review status by more than colour (WCAG 1.4.1): each
status has its own line under the text, which the legend shows on its badge, and the claim's link
names its number, kind and status for screen readers. Those words are in the page's text but not
in the article's, so selecting a passage across them still adds exactly the passage selected.
"""

from collections.abc import Iterator

import pytest
from playwright.sync_api import expect

from apps.claims.models import Claim, ClaimKind
from apps.reviews.models import TaskStatus
from tests import factories
from tests.browser import chromium, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# One sentence per review status, each a claim in that status.
SENTENCES = {
    TaskStatus.NEW: "The minister said on Monday that unemployment fell to 4.1 percent in March.",
    TaskStatus.ASSIGNED: "Police arrested twelve people after the protest outside the parliament.",
    TaskStatus.IN_REVIEW: "The new bridge cost the city twice as much as the original budget.",
    TaskStatus.SUBMITTED: "Exports to China have doubled since the trade agreement was signed.",
    TaskStatus.RETURNED: "The mayor has promised that every school will have a nurse by 2027.",
    TaskStatus.APPROVED: "The river flooded the old town three times in the last ten years.",
}
BODY = " ".join(list(SENTENCES.values())[:3]) + "\n\n" + " ".join(list(SENTENCES.values())[3:])

LINE_OF = "(element) => { const style = getComputedStyle(element); return `${style.textDecorationLine} ${style.textDecorationStyle}`; }"  # noqa: E501


@pytest.fixture
def browser(monkeypatch, live_server) -> Iterator:
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with chromium() as browser:
        yield browser


@pytest.fixture
def claims_in_every_status(desk, editor) -> dict[str, Claim]:
    article = factories.ArticleFactory(desk=desk, title="A week in the city", body=BODY, imported_by=editor)
    claims = {}
    for status, sentence in SENTENCES.items():
        start = BODY.index(sentence)
        claim = factories.ClaimFactory(
            article=article, text=sentence, start=start, end=start + len(sentence), kind=ClaimKind.STATISTIC
        )
        factories.ReviewTaskFactory(claim=claim, status=status)
        claims[status] = claim
    return claims


def _article_page(browser, base_url: str, article_id):
    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    log_in(page, base_url, "edith")
    page.goto(f"{base_url}/articles/{article_id}/")
    return page


def test_each_status_has_its_own_line_shown_in_the_legend_and_each_claim_names_its_status(
    browser, live_server, claims_in_every_status
):
    article_id = claims_in_every_status[TaskStatus.NEW].article_id
    page = _article_page(browser, live_server.url, article_id)

    lines = {}
    for status, claim in claims_in_every_status.items():
        link = page.locator(f'mark[data-claims="{claim.pk}"] a')
        lines[status] = link.evaluate(LINE_OF)
        assert page.locator(f".legend .badge--{status}").evaluate(LINE_OF) == lines[status], status
        number = page.locator(f"#claim-{claim.pk} .claims-table__number").inner_text()
        label = "Approved" if status == TaskStatus.APPROVED else TaskStatus(status).label
        expect(link).to_have_accessible_name(f"{claim.text} (claim {number}: statistic / quantity, {label.lower()})")
    assert all(not line.startswith("none") for line in lines.values()), lines
    assert len(set(lines.values())) == len(TaskStatus.values), lines
    # The words are for screen readers only: the text looks as it did.
    hidden = page.locator("#article-text mark [data-not-text]").first
    assert hidden.evaluate("(element) => element.getBoundingClientRect().width") <= 1
    expect(page.locator(".legend")).to_contain_text("New dotted")


# Selects from `start_text` (its first character) in the article text to just after the claim link
# of the mark `end_claim`: past its screen-reader words, as a drag or Shift+End past its last
# character does.
SELECT_TO_THE_END_OF_A_CLAIM = """([startText, endClaim]) => {
    const source = document.getElementById("article-text");
    const walker = document.createTreeWalker(source, NodeFilter.SHOW_TEXT);
    while (walker.nextNode() && !walker.currentNode.data.includes(startText));
    const mark = source.querySelector(`mark[data-claims="${endClaim}"]`);
    window.getSelection().setBaseAndExtent(
        walker.currentNode, walker.currentNode.data.indexOf(startText), mark, mark.childNodes.length
    );
}"""


def test_a_selection_across_and_to_the_end_of_marked_claims_adds_the_passage_selected(
    browser, live_server, claims_in_every_status
):
    article = claims_in_every_status[TaskStatus.NEW].article
    submitted = claims_in_every_status[TaskStatus.SUBMITTED]
    page = _article_page(browser, live_server.url, article.pk)

    page.evaluate(SELECT_TO_THE_END_OF_A_CLAIM, ["twelve people", str(submitted.pk)])

    start = BODY.index("twelve people")
    passage = BODY[start : submitted.end]
    shown = " ".join(passage.split())
    expect(page.locator("[data-selection-preview]")).to_have_text(f"“{shown}”")
    page.get_by_role("button", name="Add claim from selection").click()
    expect(page.locator(".messages")).to_contain_text("Claim added")
    added = Claim.objects.exclude(pk__in=[claim.pk for claim in claims_in_every_status.values()]).get()
    assert (added.start, added.end) == (start, submitted.end)
    assert " ".join(added.text.split()) == shown
