"""Claims that share text each keep a highlight and a link in the article text (M5)."""

import re

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from apps.claims.models import Claim
from tests import factories

pytestmark = pytest.mark.django_db

SENTENCE = "Russia and China have vetoed three UN Security Council resolutions on Syria."


def _messages(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def _marks(page):
    """(text, claim ids) of each highlighted piece of the article text."""
    text = page[page.index('id="article-text"') :]
    return [
        # Without the claim's number and status written for screen readers (data-not-text).
        (re.sub(r"<[^>]+>", "", re.sub(r"<span[^>]*data-not-text[^>]*>.*?</span>", "", inner)).strip(), ids.split())
        for ids, inner in re.findall(r'<mark class="claim[^"]*"[^>]*data-claims="([^"]*)">(.*?)</mark>', text, re.S)
    ]


@pytest.fixture
def inner_claim(veto_task):
    """'three UN Security Council resolutions', inside the sentence-long veto claim."""
    start = SENTENCE.index("three")
    end = SENTENCE.index(" on Syria")
    claim = factories.ClaimFactory(article=veto_task.claim.article, text=SENTENCE[start:end], start=start, end=end)
    factories.ReviewTaskFactory(claim=claim)
    return claim


def test_a_claim_inside_another_keeps_a_highlight_and_the_shared_text_names_both(editor_client, veto_task, inner_claim):
    outer = veto_task.claim

    page = editor_client.get(reverse("articles:detail", args=[outer.article_id])).content.decode()

    assert _marks(page) == [
        ("Russia and China have vetoed", [str(outer.pk)]),
        ("three UN Security Council resolutions", [str(outer.pk), str(inner_claim.pk)]),
        ("on Syria.", [str(outer.pk)]),
    ]
    # The shared text opens the inner claim; the numbers after it (the table's #) open each one.
    shared = page[page.index("claim--overlap") :]
    refs = shared[shared.index('<sup class="claim-refs"') : shared.index("</sup>")]
    assert re.findall(r'href="([^"]+)"[^>]*aria-label="(Claim \d)"', refs) == [
        (reverse("claims:detail", args=[outer.pk]), "Claim 1"),
        (reverse("claims:detail", args=[inner_claim.pk]), "Claim 2"),
    ]
    assert "Where claims share text" in page


def test_claims_that_do_not_overlap_get_no_numbers(editor_client, veto_task, toll_task):
    page = editor_client.get(reverse("articles:detail", args=[veto_task.claim.article_id])).content.decode()

    assert len(_marks(page)) == 2
    assert "claim-refs" not in page


def test_adding_a_claim_over_existing_ones_says_which_it_overlaps(editor_client, article, veto_task, toll_task):
    response = editor_client.post(reverse("claims:create", args=[article.pk]), {"start": 0, "end": len(article.body)})

    added = Claim.objects.get(article=article, origin="editor")
    assert _messages(response) == [
        f"Claim added: “{added.text}” It overlaps 2 claims: "
        "“Russia and China have vetoed three UN Security…” and "
        "“The conflict has killed at least 40,000 people”."
    ]
    page = editor_client.get(reverse("articles:detail", args=[article.pk])).content.decode()
    claim_ids_in_text = {claim_id for _, ids in _marks(page) for claim_id in ids}
    assert claim_ids_in_text == {str(added.pk), str(veto_task.claim.pk), str(toll_task.claim.pk)}


def test_adding_a_claim_next_to_others_says_nothing_of_overlaps(editor_client, article, veto_task):
    start = article.body.index("The conflict")

    response = editor_client.post(reverse("claims:create", args=[article.pk]), {"start": start, "end": start + 12})

    assert _messages(response) == ["Claim added: “The conflict”."]
