"""Text from articles, claims and rationales reaches the Markdown and ClaimReview exports as text:
it cannot become HTML, links or Markdown structure where the newsroom publishes the export."""

import json
import re

import pytest

from apps.reports.selectors import report_build
from apps.reports.services import report_export
from apps.reviews import services as reviews
from apps.reviews.models import Rating
from tests import factories

CLAIM = 'Officials said <img src=x onerror=alert(1)> "</script><script>alert(2)</script>" & [won](javascript:alert(3))'
RATIONALE = "First paragraph.\n\n- not a list item\n# not a heading\n1. not numbered\n<b>not bold</b>"


@pytest.fixture
def hostile_article(desk, editor, reviewer):
    body = CLAIM + "\n\nMore text follows here."
    article = factories.ArticleFactory(
        desk=desk, body=body, title="# Title <script>alert(4)</script>", outlet="1. Gazette"
    )
    claim = factories.ClaimFactory(article=article, text=CLAIM, start=0, end=len(CLAIM))
    task = factories.ReviewTaskFactory(claim=claim)
    cited = [
        factories.ReferenceFactory(claim=claim, url="https://example.org/a (b)", title="Source] (evil"),
        factories.ReferenceFactory(claim=claim, url="javascript:alert(5)", title="Script link"),
    ]
    reviews.review_tasks_assign(editor=editor, tasks=[task], assignee=reviewer)
    rating = Rating.objects.get(scale__desk=None, label="Mostly true")
    reviews.verdict_submit(
        user=reviewer, task=task, rating=rating, rationale=RATIONALE, reference_ids=[ref.pk for ref in cited]
    )
    reviews.verdict_approve(editor=editor, task=task)
    return article


def _export(article, export_format: str) -> str:
    return report_export(report=report_build(article=article), export_format=export_format).content


def test_claimreview_cannot_close_the_script_element_it_is_pasted_into(hostile_article):
    content = _export(hostile_article, "claimreview")

    assert "<" not in content
    assert ">" not in content
    item = json.loads(content)[0]
    assert item["claimReviewed"] == CLAIM
    assert item["reviewBody"] == RATIONALE.strip()


def test_markdown_shows_html_in_the_text_as_text(hostile_article):
    markdown = _export(hostile_article, "md")

    # Every "<" is escaped, except the ones around the link destinations the export itself writes.
    assert re.findall(r"(?<!\\)<(?!https://)", markdown) == []
    assert r"\<img src=x onerror=alert(1)\>" in markdown
    assert r"\<script\>alert(4)\</script\>" in markdown


def test_markdown_links_only_to_web_addresses(hostile_article):
    markdown = _export(hostile_article, "md")

    assert re.findall(r"(?<!\\)\]\(javascript:", markdown) == []
    assert r"\[won\](javascript:alert(3))" in markdown
    assert r"- Evidence: [Source\] (evil](<https://example.org/a%20(b)>)" in markdown
    assert "- Evidence: Script link (javascript:alert(5))" in markdown


def test_markdown_keeps_each_text_inside_its_heading_or_list_item(hostile_article):
    markdown = _export(hostile_article, "md")
    lines = markdown.splitlines()

    assert lines[0] == r"# Fact-check: \# Title \<script\>alert(4)\</script\>"
    assert lines[2].startswith(r"1\. Gazette")
    headings = [line for line in lines if line.startswith("#")]
    assert len(headings) == 2
    assert headings[1].startswith(r"## 1. Officials said \<img src=x onerror=alert(1)\>")
    rationale = markdown[markdown.index("- Rationale:") : markdown.index("- Approved:")]
    assert rationale == (
        "- Rationale: First paragraph.\n\n"
        "  \\- not a list item\n  \\# not a heading\n  1\\. not numbered\n  \\<b\\>not bold\\</b\\>\n"
    )
