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
