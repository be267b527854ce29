"""A claim an editor confirmed repeats an earlier checked claim shows the reused verdict, on its
own page and in its article's claims table, instead of looking new and unassigned."""

import pytest
from django.urls import reverse

from apps.claims import services as claims
from apps.claims.models import MatchStatus
from apps.reviews import services as reviews
from apps.reviews.models import Rating
from tests import factories

pytestmark = pytest.mark.django_db

TEXT = "Russia and China have vetoed three UN Security Council resolutions on Syria."


@pytest.fixture
def earlier(desk, editor, reviewer):
    article = factories.ArticleFactory(desk=desk, title="Vetoes explained", body=TEXT)
    task = factories.ReviewTaskFactory(claim=factories.ClaimFactory(article=article, text=TEXT, start=0, end=len(TEXT)))
    reference = factories.ReferenceFactory(claim=task.claim, title="UN press release on the third veto")
    reviews.review_tasks_assign(editor=editor, tasks=[task], assignee=reviewer)
    rating = Rating.objects.get(scale__desk=None, label="Mostly true")
    reviews.verdict_submit(
        user=reviewer, task=task, rating=rating, rationale="Three vetoes, all on record.", reference_ids=[reference.pk]
    )
    reviews.verdict_approve(editor=editor, task=task)
    return task.claim


@pytest.fixture
def repeat(article, veto_task, earlier):
    claim = veto_task.claim
    claim.matched_claim = earlier
    claim.match_score = 0.97
    claim.match_status = MatchStatus.SUGGESTED
    claim.save()
    return claim


def _verdict_card(page):
    card = page[page.index('<section class="card verdict"') :]
    return card[: card.index("</section>")]


def test_a_confirmed_match_shows_the_reused_verdict_on_the_claim_page(editor_client, editor, repeat, earlier):
    claims.claim_match_confirm(claim=repeat, user=editor)

    page = editor_client.get(reverse("claims:detail", args=[repeat.pk])).content.decode()

    assert '<span class="badge badge--approved">Verdict reused</span>' in page
    assert '<span class="badge badge--new">' not in page
    assert "An editor assigns this claim" not in page
    card = _verdict_card(page)
    assert "Mostly true" in card
    assert "Three vetoes, all on record." in card
    assert "UN press release on the third veto" in card
    assert "Reused from the earlier check of" in card
    assert f'href="{reverse("claims:detail", args=[earlier.pk])}"' in card
    assert "in “Vetoes explained”" in card


def _correction_under_way(editor, reviewer, earlier):
    """An editor reopened the earlier check's verdict and its reviewer sent a revision not yet approved."""
    reviews.verdict_reopen(editor=editor, task=earlier.review_task, note="The UN counted a fourth veto since.")
    reviews.verdict_submit(
        user=reviewer,
        task=earlier.review_task,
        rating=Rating.objects.get(scale__desk=None, label="False"),
        rationale="Four vetoes now, not three.",
    )


def test_a_confirmed_match_keeps_showing_the_published_verdict_while_it_is_being_corrected(
    editor_client, editor, reviewer, repeat, earlier
):
    claims.claim_match_confirm(claim=repeat, user=editor)
    _correction_under_way(editor, reviewer, earlier)

    page = editor_client.get(reverse("claims:detail", args=[repeat.pk])).content.decode()

    # The exports go on carrying the published finding until the corrected one is approved; so does the page.
    assert '<span class="badge badge--approved">Verdict reused</span>' in page
    card = _verdict_card(page)
    assert "Mostly true" in card
    assert "Three vetoes, all on record." in card
    assert "UN press release on the third veto" in card
    assert "Four vetoes now" not in page


def test_a_suggested_match_shows_the_earlier_published_verdict_not_its_unapproved_revision(
    editor_client, editor, reviewer, repeat, earlier
):
    _correction_under_way(editor, reviewer, earlier)

    page = editor_client.get(reverse("claims:detail", args=[repeat.pk])).content.decode()

    assert "Earlier verdict:" in page
    assert "Three vetoes, all on record." in page
    assert "UN press release on the third veto" in page
    assert "Four vetoes now" not in page


def test_a_suggested_match_leaves_the_claim_new(editor_client, repeat):
    page = editor_client.get(reverse("claims:detail", args=[repeat.pk])).content.decode()

    assert "Verdict reused" not in page
    assert "An editor assigns this claim to a reviewer from the article page." in page


def test_the_article_page_marks_the_reused_row(editor_client, editor, article, repeat):
    claims.claim_match_confirm(claim=repeat, user=editor)

    page = editor_client.get(reverse("articles:detail", args=[article.pk])).content.decode()

    row = page[page.index(f'<tr id="claim-{repeat.pk}">') :]
    row = row[: row.index("</tr>")]
    assert "Verdict reused" in row
    assert "Mostly true" in row


@pytest.fixture
def reviewed_repeat(editor, second_reviewer, repeat):
    """The repeat, confirmed, then checked again by a reviewer who disagrees with the earlier check."""
    claims.claim_match_confirm(claim=repeat, user=editor)
    task = repeat.review_task
    reviews.review_tasks_assign(editor=editor, tasks=[task], assignee=second_reviewer)
    rating = Rating.objects.get(scale__desk=None, label="False")
    reviews.verdict_submit(user=second_reviewer, task=task, rating=rating, rationale="Four vetoes by now, not three.")
    return repeat


def _match_card(page):
    card = page[page.index('<section class="card match"') :]
    return card[: card.index("</section>")]


def test_a_reviewers_own_verdict_is_the_claims_one_verdict_and_the_reused_one_is_the_earlier_check(
    editor_client, reviewed_repeat
):
    page = editor_client.get(reverse("claims:detail", args=[reviewed_repeat.pk])).content.decode()

    assert page.count('<section class="card verdict"') == 1
    card = _verdict_card(page)
    assert "False" in card
    assert "Four vetoes by now, not three." in card
    assert "Mostly true" not in card
    assert '<span class="badge badge--submitted">Submitted</span>' in page
    assert "Verdict reused" not in page
    earlier = _match_card(page)
    assert "Earlier check of the same claim" in earlier
    assert "Mostly true" in earlier
    assert "Three vetoes, all on record." in earlier
    assert "reports carry the earlier check" in earlier


def _article_mark(page, claim):
    """The class of the article text's highlight of `claim`."""
    mark = page[: page.index(f'data-claims="{claim.pk}"')]
    return mark[mark.rindex("<mark ") :].split('"')[1]


def _status_cell(page, claim):
    row = page[page.index(f'<tr id="claim-{claim.pk}">') :]
    row = row[: row.index("</tr>")]
    return row[row.index('data-label="Status"') :]


def test_a_reused_verdict_is_highlighted_as_checked_in_the_article_text_and_the_legend_says_so(
    editor_client, editor, article, repeat, toll_task
):
    claims.claim_match_confirm(claim=repeat, user=editor)

    page = editor_client.get(reverse("articles:detail", args=[article.pk])).content.decode()

    assert _article_mark(page, repeat) == "claim claim--approved"
    assert _article_mark(page, toll_task.claim) == "claim claim--new"
    assert '<span class="badge badge--approved">Approved or verdict reused</span>' in page
    assert "Verdict reused" in page[page.index(f'data-claims="{repeat.pk}"') :].split("</mark>")[0]


def test_a_reused_verdict_is_highlighted_as_checked_in_the_claims_context(editor_client, editor, repeat):
    claims.claim_match_confirm(claim=repeat, user=editor)

    page = editor_client.get(reverse("claims:detail", args=[repeat.pk])).content.decode()

    context = page[page.index('<span id="claim-context">') :]
    assert context.index('<mark class="claim claim--approved"') < context.index("</blockquote>")


def test_once_the_repeat_has_a_verdict_of_its_own_its_row_and_highlight_follow_its_own_review(
    editor_client, article, reviewed_repeat
):
    page = editor_client.get(reverse("articles:detail", args=[article.pk])).content.decode()

    assert _article_mark(page, reviewed_repeat) == "claim claim--submitted"
    status = _status_cell(page, reviewed_repeat)
    assert '<span class="badge badge--submitted">Submitted</span>' in status
    assert "Verdict reused" not in status
    assert "Mostly true" not in status
