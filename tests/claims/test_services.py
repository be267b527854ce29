import pytest

from apps.claims.models import (
    ArticleExtraction,
    Claim,
    ClaimFeedback,
    ClaimKind,
    ClaimOrigin,
    ClaimStatus,
    ExtractionStatus,
    FeedbackAction,
    MatchStatus,
)
from apps.claims.selectors import claim_feedback_training_rows
from apps.claims.services import (
    article_claims_extract,
    article_claims_match,
    claim_create_from_span,
    claim_match_confirm,
    claim_match_dismiss,
    claim_merge,
    claim_reject,
    claim_release,
    claim_split,
    claim_update,
)
from apps.core.exceptions import ApplicationError, NotFoundError, PermissionDeniedError
from tests import factories

pytestmark = pytest.mark.django_db

BODY = (
    "Russia and China have resisted efforts to impose sanctions on Syria and have vetoed three UN "
    "Security Council resolutions aimed at isolating Assad over the violence, which has killed at "
    "least 40,000 people.\n\n"
    "The central bank will likely raise interest rates to 5 percent next year."
)


@pytest.fixture
def article(desk):
    return factories.ArticleFactory(desk=desk, body=BODY)


def test_intake_step_stores_atomic_claims_with_their_facts(article):
    claims = article_claims_extract(article=article)

    stored = list(Claim.objects.filter(article=article).order_by("start", "end"))
    assert len(claims) == len(stored) == 4
    toll = next(c for c in stored if "40,000" in c.text)
    assert toll.kind == ClaimKind.STATISTIC
    assert toll.quantities[0]["value"] == 40000
    assert toll.spans
    assert toll.origin == ClaimOrigin.EXTRACTED
    extraction = ArticleExtraction.objects.get(article=article)
    assert extraction.status == ExtractionStatus.DONE
    assert extraction.claim_count == 4


def test_predictions_are_held_out_of_the_queue(article):
    article_claims_extract(article=article)

    prediction = Claim.objects.get(article=article, kind=ClaimKind.PREDICTION)
    assert prediction.status == ClaimStatus.HELD
    assert Claim.objects.filter(article=article, status=ClaimStatus.ACTIVE).count() == 3


def test_intake_step_is_idempotent(article):
    article_claims_extract(article=article)
    first_ids = set(Claim.objects.filter(article=article).values_list("pk", flat=True))

    again = article_claims_extract(article=article)

    assert {c.pk for c in again} == first_ids
    assert Claim.objects.filter(article=article).count() == len(first_ids)


def test_intake_step_queries_do_not_grow_with_the_number_of_claims(desk, django_assert_max_num_queries):
    body = "\n\n".join(f"The ministry said exports rose {n} percent in 2011, customs data showed." for n in range(60))
    article = factories.ArticleFactory(desk=desk, body=body)

    with django_assert_max_num_queries(12):
        claims = article_claims_extract(article=article)

    assert len(claims) == 60


def test_rerun_after_editor_changes_does_not_bring_claims_back(article, editor):
    claims = article_claims_extract(article=article)
    Claim.objects.filter(pk__in=[c.pk for c in claims]).delete()

    assert article_claims_extract(article=article) == []


def test_non_english_article_gets_no_claims_and_says_why(desk):
    article = factories.ArticleFactory(
        desk=desk,
        body=(
            "Die Regierung in Berlin hat am Dienstag neue Sanktionen gegen Syrien beschlossen, wie "
            "das Auswärtige Amt mitteilte. Mindestens 40.000 Menschen sind bisher gestorben."
        ),
    )

    assert article_claims_extract(article=article) == []
    extraction = ArticleExtraction.objects.get(article=article)
    assert extraction.status == ExtractionStatus.UNSUPPORTED_LANGUAGE
    assert "English" in extraction.message


def test_reject_stores_reason_and_negative_feedback(article, editor):
    claim = article_claims_extract(article=article)[0]

    claim_reject(claim=claim, user=editor, reason="Not a factual statement")
    claim_reject(claim=claim, user=editor, reason="Again")

    claim.refresh_from_db()
    assert claim.status == ClaimStatus.REJECTED
    assert claim.rejection_reason == "Not a factual statement"
    feedback = ClaimFeedback.objects.get(claim=claim)
    assert (feedback.action, feedback.label, feedback.user) == (FeedbackAction.REJECT, False, editor)


def test_reject_needs_a_reason_and_an_editor(article, editor, reviewer, outsider):
    claim = article_claims_extract(article=article)[0]

    with pytest.raises(ApplicationError):
        claim_reject(claim=claim, user=editor, reason="  ")
    with pytest.raises(PermissionDeniedError):
        claim_reject(claim=claim, user=reviewer, reason="no")
    with pytest.raises(NotFoundError):
        claim_reject(claim=claim, user=outsider, reason="no")
    assert not ClaimFeedback.objects.exists()


def test_release_puts_a_held_prediction_into_the_queue(article, editor):
    article_claims_extract(article=article)
    prediction = Claim.objects.get(article=article, kind=ClaimKind.PREDICTION)

    claim_release(claim=prediction, user=editor)

    assert Claim.objects.get(pk=prediction.pk).status == ClaimStatus.ACTIVE


def test_update_rewords_and_reclassifies(article, editor):
    claim = factories.ClaimFactory(article=article, text="Something vague.", kind=ClaimKind.OTHER)

    claim_update(claim=claim, user=editor, text="More than 500 people were killed in Homs in 2012.")

    claim.refresh_from_db()
    assert claim.kind == ClaimKind.STATISTIC
    assert claim.quantities[0]["qualifier"] == ">"
    assert claim.origin == ClaimOrigin.EDITOR
    feedback = ClaimFeedback.objects.get(action=FeedbackAction.EDIT)
    assert feedback.previous_text == "Something vague."


@pytest.mark.parametrize("invisible", ["\u200b\u200b", "\u2060", " \ufeff\u200d\n"])
def test_update_to_text_with_no_visible_character_is_refused_as_empty(article, editor, invisible):
    claim = factories.ClaimFactory(article=article, text="Something vague.")

    with pytest.raises(ApplicationError, match="The claim text cannot be empty"):
        claim_update(claim=claim, user=editor, text=invisible)

    claim.refresh_from_db()
    assert claim.text == "Something vague."
    assert not ClaimFeedback.objects.filter(action=FeedbackAction.EDIT).exists()


def test_invisible_wording_for_a_new_or_merged_claim_counts_as_no_wording(article, editor):
    created = claim_create_from_span(article=article, user=editor, start=0, end=20, text="\u200b")
    other = factories.ClaimFactory(article=article, text="Second claim.", start=60, end=90)

    merged = claim_merge(claims=[created, other], user=editor, text="\u2060\u200b")

    assert created.text == BODY[:20]
    assert merged.text == BODY[:20]


def test_merge_keeps_every_span_in_one_claim(article, editor):
    first = factories.ClaimFactory(article=article, start=0, end=20)
    second = factories.ClaimFactory(article=article, start=60, end=90)

    merged = claim_merge(claims=[second, first], user=editor, text="Merged wording.")

    assert merged.pk == first.pk
    assert merged.spans == [[0, 20], [60, 90]]
    assert (merged.start, merged.end, merged.text) == (0, 90, "Merged wording.")
    assert not Claim.objects.filter(pk=second.pk).exists()
    assert ClaimFeedback.objects.filter(action=FeedbackAction.MERGE, claim=merged).exists()


def test_merge_counts_a_claim_given_twice_once(article, editor):
    first = factories.ClaimFactory(article=article, start=0, end=20)
    second = factories.ClaimFactory(article=article, start=60, end=90)

    merged = claim_merge(claims=[first, second, first, second], user=editor)

    assert merged.pk == first.pk
    assert merged.spans == [[0, 20], [60, 90]]
    assert list(Claim.objects.filter(article=article)) == [merged]


def test_merge_of_one_claim_given_twice_is_refused_and_keeps_it(article, editor):
    claim = factories.ClaimFactory(article=article, start=0, end=20)

    with pytest.raises(ApplicationError, match="at least two claims"):
        claim_merge(claims=[claim, claim], user=editor)

    assert Claim.objects.filter(pk=claim.pk).exists()


def test_merge_refuses_claims_of_different_articles(article, editor, desk):
    other = factories.ClaimFactory(article=factories.ArticleFactory(desk=desk))
    with pytest.raises(ApplicationError):
        claim_merge(claims=[factories.ClaimFactory(article=article), other], user=editor)


def test_split_replaces_a_claim_by_claims_for_each_part(article, editor):
    claim = factories.ClaimFactory(article=article, start=0, end=len(article.body.split("\n\n")[0]))
    sanctions_end = article.body.index(" and have vetoed")
    vetoes_start = article.body.index("have vetoed")

    parts = claim_split(
        claim=claim,
        user=editor,
        parts=[
            {"start": 0, "end": sanctions_end},
            {"start": vetoes_start, "end": claim.end, "text": "Russia and China have vetoed three resolutions."},
        ],
    )

    assert not Claim.objects.filter(pk=claim.pk).exists()
    assert [p.text for p in parts] == [
        "Russia and China have resisted efforts to impose sanctions on Syria",
        "Russia and China have vetoed three resolutions.",
    ]
    assert parts[1].kind == ClaimKind.EVENT
    feedback = ClaimFeedback.objects.get(action=FeedbackAction.SPLIT)
    assert feedback.spans == [[0, sanctions_end], [vetoes_start, claim.end]]


def test_claim_from_a_selected_passage_is_positive_feedback(article, editor):
    start = article.body.index("The central bank")

    claim = claim_create_from_span(article=article, user=editor, start=start, end=len(article.body))

    assert claim.text == article.body[start:]
    assert claim.kind == ClaimKind.PREDICTION
    assert claim.status == ClaimStatus.ACTIVE  # an editor chose it, so it is queued
    assert ClaimFeedback.objects.get(claim=claim).label is True


def test_claim_from_a_passage_outside_the_body_is_refused(article, editor):
    with pytest.raises(ApplicationError):
        claim_create_from_span(article=article, user=editor, start=5, end=len(article.body) + 1)
    assert not Claim.objects.exists()


def test_manual_claims_work_on_non_english_articles(desk, editor):
    article = factories.ArticleFactory(desk=desk, body="Mindestens 40.000 Menschen sind gestorben.")

    claim = claim_create_from_span(article=article, user=editor, start=0, end=len(article.body))

    assert claim.text == article.body


def test_claims_under_review_cannot_be_reshaped(article, editor):
    task = factories.ReviewTaskFactory(claim=factories.ClaimFactory(article=article), status="submitted")

    with pytest.raises(ApplicationError) as error:
        claim_update(claim=task.claim, user=editor, text="Other words entirely.")
    assert error.value.status == 409


def _checked_claim(desk, text):
    task = factories.ReviewTaskFactory(
        claim=factories.ClaimFactory(article=factories.ArticleFactory(desk=desk), text=text), status="approved"
    )
    return task.claim


def test_claim_repeating_a_checked_claim_is_linked_to_it(article, desk):
    earlier = _checked_claim(desk, "The violence in Syria has killed at least 40,000 people.")
    _checked_claim(desk, "Parliament passed the budget in March after a long debate.")

    article_claims_extract(article=article)

    toll = Claim.objects.get(article=article, text__contains="40,000")
    assert toll.matched_claim == earlier
    assert toll.match_score >= 0.5
    assert Claim.objects.filter(article=article, matched_claim__isnull=False).count() == 1


def test_short_claims_are_only_suggested_never_linked(desk):
    _checked_claim(desk, "More than 1,000 rescuers responded.")
    article = factories.ArticleFactory(desk=desk, body="More than 1,000 rescuers responded.")

    claim = article_claims_extract(article=article)[0]

    claim.refresh_from_db()
    assert claim.match_score == 1.0
    assert claim.match_status == MatchStatus.SUGGESTED


def test_long_claims_are_linked_automatically_but_only_to_checked_claims(desk):
    text = "Russia and China have vetoed three UN Security Council resolutions aimed at isolating Assad."
    earlier = _checked_claim(desk, text)
    factories.ClaimFactory(article=factories.ArticleFactory(desk=desk), text=text)  # not checked yet
    article = factories.ArticleFactory(desk=desk, body=text)

    claim = article_claims_extract(article=article)[0]

    claim.refresh_from_db()
    assert (claim.matched_claim, claim.match_status) == (earlier, MatchStatus.LINKED)


def test_a_different_number_is_not_the_same_claim(desk):
    _checked_claim(desk, "Russia and China have vetoed three UN Security Council resolutions on Syria.")
    article = factories.ArticleFactory(
        desk=desk, body="Russia and China have vetoed four UN Security Council resolutions on Syria."
    )

    claim = article_claims_extract(article=article)[0]

    claim.refresh_from_db()
    assert claim.matched_claim is None


def test_other_desks_checked_claims_are_never_matched(article, other_desk):
    _checked_claim(other_desk, "The violence has killed at least 40,000 people.")

    article_claims_extract(article=article)

    assert not Claim.objects.filter(article=article, matched_claim__isnull=False).exists()


def test_editor_confirms_or_dismisses_a_match(article, desk, editor):
    _checked_claim(desk, "The violence in Syria has killed at least 40,000 people.")
    article_claims_extract(article=article)
    toll = Claim.objects.get(article=article, text__contains="40,000")

    assert claim_match_confirm(claim=toll, user=editor).match_status == MatchStatus.CONFIRMED
    dismissed = claim_match_dismiss(claim=toll, user=editor)
    assert (dismissed.matched_claim, dismissed.match_status) == (None, MatchStatus.DISMISSED)
    assert article_claims_match(article=article, claims=[dismissed]) == []


def test_feedback_becomes_labelled_training_rows(article, editor):
    claim = factories.ClaimFactory(article=article, text="What a week it has been.")
    claim_reject(claim=claim, user=editor, reason="Not a claim")
    start = article.body.index("The central bank")
    claim_create_from_span(article=article, user=editor, start=start, end=len(article.body))

    assert claim_feedback_training_rows() == [
        {"text": "What a week it has been.", "label": False},
        {"text": article.body[start:], "label": True},
    ]


def test_released_claim_is_a_positive_and_overrides_its_rejection(article, editor):
    rejected = factories.ClaimFactory(article=article, text="Unemployment fell to 4.1% in May.")
    held = factories.ClaimFactory(article=article, text="Prices will double by 2030.", status=ClaimStatus.HELD)
    queued = factories.ClaimFactory(article=article, text="The bank cut rates twice.")
    claim_reject(claim=rejected, user=editor, reason="Looked like a duplicate")
    claim_release(claim=rejected, user=editor)
    claim_release(claim=held, user=editor)
    claim_release(claim=queued, user=editor)

    assert claim_feedback_training_rows() == [
        {"text": "Unemployment fell to 4.1% in May.", "label": True},
        {"text": "Prices will double by 2030.", "label": True},
    ]
    assert not ClaimFeedback.objects.filter(claim=queued).exists()
