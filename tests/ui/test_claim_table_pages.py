"""A book-length article's claims table is listed a page at a time; the text still marks them all."""

import pytest
from django.urls import reverse

from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def many_claims(desk, monkeypatch):
    monkeypatch.setattr("apps.web.views.articles.CLAIM_TABLE_PAGE_SIZE", 3)
    sentence = "Russia vetoed it. "
    article = factories.ArticleFactory(desk=desk, body=sentence * 7)
    claims = [
        factories.ReviewTaskFactory(
            claim=factories.ClaimFactory(article=article, start=i * len(sentence), end=i * len(sentence) + 16)
        ).claim
        for i in range(7)
    ]
    return article, claims


def _table_rows(page: str) -> int:
    return page.count('<tr id="claim-')


def test_the_claims_table_lists_a_page_of_claims_and_links_to_the_others(editor_client, many_claims):
    article, claims = many_claims
    url = reverse("articles:detail", args=[article.pk])

    first = editor_client.get(url).content.decode()
    last = editor_client.get(url, {"page": 3}).content.decode()

    assert _table_rows(first) == 3
    assert first.count('<mark class="claim') == 7, "the text marks every claim"
    assert "Claims 1\u20133 of 7" in first
    assert 'href="?page=2#claims-heading" rel="next"' in first
    assert _table_rows(last) == 1
    assert f'id="claim-{claims[6].pk}"' in last
    assert 'rel="next"' not in last


def test_an_action_on_a_claim_comes_back_to_the_page_holding_its_row(editor_client, many_claims):
    article, claims = many_claims

    page = editor_client.get(reverse("articles:detail", args=[article.pk]), {"claim": claims[4].pk}).content.decode()

    assert f'id="claim-{claims[4].pk}"' in page
    assert "Claims 4\u20136 of 7" in page


def test_a_page_number_out_of_range_shows_the_last_page(editor_client, many_claims):
    article, _ = many_claims

    response = editor_client.get(reverse("articles:detail", args=[article.pk]), {"page": "99"})

    assert response.status_code == 200
    assert "Claims 7\u20137 of 7" in response.content.decode()


@pytest.mark.parametrize("ticked", [[6], [5, 6]], ids=["one claim ticked", "a claim under review ticked"])
def test_a_refused_merge_comes_back_to_the_page_it_was_sent_from(editor_client, many_claims, ticked):
    article, claims = many_claims
    refused = claims[6]
    if len(ticked) > 1:
        # Under review: still tickable (for assignment), no longer merged.
        factories.ReviewTaskFactory._meta.model.objects.filter(claim=refused).update(status="in_review")
    tasks = [str(claims[index].review_task.pk) for index in ticked]

    response = editor_client.post(
        reverse("claims:merge", args=[article.pk]), {"tasks": tasks, "text": "Russia vetoed them.", "page": "3"}
    )
    page = editor_client.get(response["Location"]).content.decode()

    assert "Claims 7\u20137 of 7" in page
    # The summary links to the refused claim's checkbox, on this page and still ticked.
    assert f'<a href="#select-{refused.pk}">' in page
    checkbox = page[page.index(f'id="select-{refused.pk}"') :]
    assert " checked>" in checkbox[: checkbox.index(">") + 1]
    assert 'value="Russia vetoed them."' in page


@pytest.mark.parametrize("page_number", ["", "x", "-2", "0", "\u0663", "99999999999999999999999"])
def test_a_refused_merge_with_no_usable_page_comes_back_to_a_page_of_the_table(editor_client, many_claims, page_number):
    article, _ = many_claims

    response = editor_client.post(reverse("claims:merge", args=[article.pk]), {"page": page_number})
    page = editor_client.get(response["Location"])

    assert page.status_code == 200
    assert 'id="merge-errors"' in page.content.decode()


@pytest.mark.parametrize("refusal", ["no reviewer chosen", "a submitted claim ticked"])
def test_a_refused_assignment_comes_back_to_the_page_it_was_sent_from(editor_client, many_claims, reviewer, refusal):
    article, claims = many_claims
    ticked = claims[6].review_task
    if refusal == "a submitted claim ticked":
        factories.ReviewTaskFactory._meta.model.objects.filter(pk=ticked.pk).update(status="submitted")
    form = {"tasks": [str(ticked.pk)], "page": "3"}
    if refusal == "a submitted claim ticked":
        form["assignee"] = str(reviewer.pk)

    response = editor_client.post(reverse("reviews:assign", args=[article.pk]), form)
    page = editor_client.get(response["Location"]).content.decode()

    assert response["Location"] == reverse("articles:detail", args=[article.pk]) + "?page=3"
    assert "Claims 7\u20137 of 7" in page
    reason = {"no reviewer chosen": "Choose a reviewer.", "a submitted claim ticked": "cannot be reassigned"}[refusal]
    assert reason in page
    ticked.refresh_from_db()
    assert ticked.assignee is None


@pytest.mark.parametrize("page_number", ["", "x", "0", "99999999999999999999999"])
def test_a_refused_assignment_with_no_usable_page_comes_back_to_the_first_page(editor_client, many_claims, page_number):
    article, _ = many_claims

    response = editor_client.post(reverse("reviews:assign", args=[article.pk]), {"page": page_number})

    assert response["Location"] == reverse("articles:detail", args=[article.pk])
    assert "Tick at least one claim to assign." in editor_client.get(response["Location"]).content.decode()


def _is_ticked(page: str, claim) -> bool:
    checkbox = page[page.index(f'id="select-{claim.pk}"') :]
    return " checked>" in checkbox[: checkbox.index(">") + 1]


@pytest.mark.parametrize("refusal", ["no reviewer chosen", "a due date in the past"])
def test_a_refused_assignment_comes_back_with_its_claims_ticked_and_its_reviewer_chosen(
    editor_client, many_claims, reviewer, refusal
):
    """The editor corrects the one thing refused instead of ticking the claims again."""
    article, claims = many_claims
    ticked, unticked = [claims[3], claims[5]], claims[4]
    form = {"tasks": [str(claim.review_task.pk) for claim in ticked], "page": "2", "due_date": "2020-01-31"}
    if refusal == "a due date in the past":
        form["assignee"] = str(reviewer.pk)

    response = editor_client.post(reverse("reviews:assign", args=[article.pk]), form)
    page = editor_client.get(response["Location"]).content.decode()
    again = editor_client.get(response["Location"]).content.decode()

    assert "Claims 4\u20136 of 7" in page
    reason = {"no reviewer chosen": "Choose a reviewer.", "a due date in the past": "The due date is in the past"}
    assert reason[refusal] in page
    assert all(_is_ticked(page, claim) for claim in ticked)
    assert not _is_ticked(page, unticked)
    chosen = f'<option value="{reviewer.pk}" selected>rachel</option>'
    assert (chosen in page) == (refusal == "a due date in the past")
    assert 'value="2020-01-31"' in page
    # Shown once: reloading the page shows the form as new.
    assert not any(_is_ticked(again, claim) for claim in ticked)
    assert 'value="2020-01-31"' not in again


def test_a_refused_assignment_does_not_tick_claims_of_another_article(editor_client, many_claims, desk):
    article, claims = many_claims
    other = factories.ReviewTaskFactory(claim=factories.ClaimFactory(article=factories.ArticleFactory(desk=desk)))

    editor_client.post(reverse("reviews:assign", args=[article.pk]), {"tasks": [str(claims[0].review_task.pk)]})
    page = editor_client.get(reverse("articles:detail", args=[other.claim.article.pk])).content.decode()

    assert not _is_ticked(page, other.claim)
