"""A claim that runs over a paragraph break is highlighted in each paragraph, and the break itself
is left unmarked: the text keeps its line breaks (white-space: pre-line), so a highlight around
one drew a sliver at the end of the first paragraph and on the empty line after it."""

import html
import re

import pytest
from django.urls import reverse

from tests import factories

pytestmark = pytest.mark.django_db

ACROSS = "on Syria.\n\nThe conflict"


@pytest.fixture
def across_claim(article):
    start = article.body.index(ACROSS)
    claim = factories.ClaimFactory(
        article=article, text=ACROSS.replace("\n\n", " "), start=start, end=start + len(ACROSS)
    )
    factories.ReviewTaskFactory(claim=claim)
    return claim


def _marks(text: str) -> list[tuple[str, str, str]]:
    """(data-start, data-end, text) of each highlight in `text`, in order."""
    found = re.findall(r'<mark class="claim[^"]*" data-start="(\d+)" data-end="(\d+)"[^>]*>(.*?)</mark>', text, re.S)
    # A claim's number and status, written for screen readers, are not article text (data-not-text).
    found = [(start, end, re.sub(r"<span[^>]*data-not-text[^>]*>.*?</span>", "", inner)) for start, end, inner in found]
    return [(start, end, html.unescape(re.sub(r"<[^>]+>", "", inner))) for start, end, inner in found]


def test_the_article_text_marks_a_claim_across_a_paragraph_break_in_each_paragraph(
    editor_client, article, across_claim
):
    page = editor_client.get(reverse("articles:detail", args=[article.pk])).content.decode()

    text = page[page.index('<div class="prose" id="article-text">') :]
    text = text[: text.index("</section>")]
    marks = _marks(text)
    assert [mark_text for _, _, mark_text in marks] == ["on Syria.", "The conflict"]
    assert f'data-claims="{across_claim.pk}"' in text
    break_start = article.body.index("\n\n")
    assert f'<span data-start="{break_start}" data-end="{break_start + 2}">\n\n</span>' in text
    # Each piece still knows where it sits in the body, for "Add claim from selection".
    for start, end, mark_text in marks:
        assert article.body[int(start) : int(end)] == mark_text


def test_the_claims_context_marks_it_in_each_paragraph(editor_client, article, across_claim):
    page = editor_client.get(reverse("claims:detail", args=[across_claim.pk])).content.decode()

    context = page[page.index('<span id="claim-context">') :]
    context = context[: context.index("</blockquote>")]
    assert [mark_text for _, _, mark_text in _marks(context)] == ["on Syria.", "The conflict"]
    assert "Russia and China have vetoed" in context
    assert "40,000 people, activists say." in context
