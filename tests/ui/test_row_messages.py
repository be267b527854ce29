"""Article-page claim actions return to the claim's row and show their message there, not at
the top of a page the browser has scrolled past."""

import pytest
from django.urls import reverse

from tests import factories

pytestmark = pytest.mark.django_db


def _row(page, claim):
    row = page[page.index(f'<tr id="claim-{claim.pk}">') :]
    return row[: row.index("</tr>")]


def _above_the_article(page):
    return page[: page.index('<article class="article-page">')]


def test_a_saved_claim_text_is_confirmed_in_the_claims_row(editor_client, toll_task):
    claim = toll_task.claim

    response = editor_client.post(
        reverse("claims:edit", args=[claim.pk]), {"text": "The conflict has killed 40,000 people."}, follow=True
    )

    page = response.content.decode()
    assert response.redirect_chain[-1][0].endswith(f"?claim={claim.pk}#claim-{claim.pk}")
    assert "Claim text saved." in _row(page, claim)
    assert "Claim text saved." not in _above_the_article(page)


def test_a_refused_action_says_why_in_the_claims_row(editor_client, toll_task):
    claim = toll_task.claim

    page = editor_client.post(reverse("claims:edit", args=[claim.pk]), {"text": ""}, follow=True).content.decode()

    assert "The claim text cannot be empty." in _row(page, claim)


def test_a_rejected_claims_message_is_in_its_row_in_the_opened_set_aside_list(editor_client, toll_task):
    claim = toll_task.claim

    page = editor_client.post(
        reverse("claims:reject", args=[claim.pk]), {"reason": "Already checked."}, follow=True
    ).content.decode()

    assert "Claim rejected" in _row(page, claim)
    assert '<details class="set-aside card" id="set-aside" open>' in page


def test_messages_of_other_actions_stay_at_the_top(editor_client, article, veto_task, reviewer):
    page = editor_client.post(
        reverse("reviews:assign", args=[article.pk]), {"tasks": [veto_task.pk], "assignee": reviewer.pk}, follow=True
    ).content.decode()

    assert "Assigned 1 claim to rachel." in _above_the_article(page)
    assert "Assigned 1 claim" not in _row(page, veto_task.claim)


def test_a_claim_named_in_the_address_but_not_on_the_page_leaves_messages_at_the_top(editor_client, article, desk):
    elsewhere = factories.ClaimFactory(article=factories.ArticleFactory(desk=desk))
    editor_client.post(reverse("claims:edit", args=[elsewhere.pk]), {"text": ""})

    page = editor_client.get(f"{reverse('articles:detail', args=[article.pk])}?claim={elsewhere.pk}").content.decode()

    assert "The claim text cannot be empty." in _above_the_article(page)
