"""A claim an editor confirmed repeats an earlier checked claim takes that claim's approved verdict."""

import pytest

from apps.claims import services as claims
from apps.claims.models import Claim, ClaimStatus, MatchStatus
from apps.claims.selectors import claim_applied_verdict, claim_get
from apps.reviews import services as reviews
from apps.reviews.models import Rating
from tests import factories

TEXT = "Russia and China have vetoed three UN Security Council resolutions on Syria."


def _approve(task, *, editor, reviewer, label="Mostly true"):
    reviews.review_tasks_assign(editor=editor, tasks=[task], assignee=reviewer)
    rating = Rating.objects.get(scale__desk=None, label=label)
    verdict = reviews.verdict_submit(user=reviewer, task=task, rating=rating, rationale="Three vetoes.")
    reviews.verdict_approve(editor=editor, task=task)
    verdict.refresh_from_db()
    return verdict


@pytest.fixture
def earlier(desk, editor, reviewer):
    task = factories.ReviewTaskFactory(claim=factories.ClaimFactory(article__desk=desk, text=TEXT))
    _approve(task, editor=editor, reviewer=reviewer)
    return task.claim


@pytest.fixture
def repeat(desk, earlier):
    claim = factories.ClaimFactory(
        article__desk=desk, text=TEXT, matched_claim=earlier, match_score=0.97, match_status=MatchStatus.SUGGESTED
    )
    factories.ReviewTaskFactory(claim=claim)
    return claim


def _applied(claim, user):
    return claim_applied_verdict(claim=claim_get(user=user, claim_id=claim.pk))


def test_a_suggested_match_does_not_apply_the_earlier_verdict(repeat, editor):
    assert _applied(repeat, editor) is None


def test_a_confirmed_match_applies_the_earlier_approved_verdict(repeat, earlier, editor):
    claims.claim_match_confirm(claim=repeat, user=editor)

    applied = _applied(repeat, editor)

    assert applied.verdict == earlier.review_task.verdict
    assert applied.verdict.rating.label == "Mostly true"
    assert applied.reused_from == earlier


def test_the_claims_own_approved_verdict_wins_over_the_match(repeat, editor, reviewer):
    claims.claim_match_confirm(claim=repeat, user=editor)
    own = _approve(repeat.review_task, editor=editor, reviewer=reviewer, label="False")

    applied = _applied(repeat, editor)

    assert applied.verdict == own
    assert applied.reused_from is None


def test_the_reused_verdict_stops_applying_when_the_earlier_claim_is_rejected(repeat, earlier, editor):
    claims.claim_match_confirm(claim=repeat, user=editor)
    # Approved claims can no longer be rejected, but ones rejected before that rule remain.
    Claim.objects.filter(pk=earlier.pk).update(status=ClaimStatus.REJECTED)

    assert _applied(repeat, editor) is None


def test_a_dismissed_match_applies_nothing(repeat, editor):
    claims.claim_match_dismiss(claim=repeat, user=editor)

    assert _applied(repeat, editor) is None
