import datetime as dt
import threading

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from apps.claims import services
from apps.claims.models import Claim, ClaimStatus
from apps.claims.services import article_claims_extract
from apps.core.api.etags import etag_for
from apps.core.exceptions import ApplicationError
from apps.core.models import IdempotencyKey
from apps.reviews.models import Rating, Verdict
from tests import factories

pytestmark = pytest.mark.django_db

LIST_URL = reverse("api:claim-list")


def _detail(claim, action=""):
    name = f"api:claim-{action}" if action else "api:claim-detail"
    return reverse(name, kwargs={"pk": claim.pk})


@pytest.fixture
def article(desk):
    return factories.ArticleFactory(
        desk=desk,
        body=(
            "Russia and China have resisted efforts to impose sanctions on Syria and have vetoed "
            "three UN Security Council resolutions aimed at isolating Assad over the violence, "
            "which has killed at least 40,000 people."
        ),
    )


@pytest.fixture
def claims(article):
    return article_claims_extract(article=article)


def test_editor_lists_claims_of_an_article_with_their_facts(editor_api, article, claims):
    factories.ClaimFactory(article=factories.ArticleFactory(desk=article.desk))

    response = editor_api.get(LIST_URL, {"article": str(article.pk)})

    assert response.status_code == 200
    results = response.json()["results"]
    assert len(results) == 3
    toll = next(r for r in results if "40,000" in r["text"])
    assert toll["article"] == str(article.pk)
    assert toll["kind"] == "statistic"
    assert toll["quantities"][0] == {
        "value": 40000,
        "unit": "people",
        "qualifier": ">=",
        "text": "at least 40,000 people",
    }
    assert {"id", "start", "end", "spans", "cues", "entities", "dates", "attribution", "status", "score"} <= set(toll)


def test_list_runs_a_fixed_number_of_queries(editor_api, claims, django_assert_max_num_queries):
    with django_assert_max_num_queries(4):
        assert editor_api.get(LIST_URL).status_code == 200


def test_outsider_sees_nothing_of_another_desk(outsider_api, article, claims):
    assert outsider_api.get(LIST_URL).json()["results"] == []
    assert outsider_api.get(LIST_URL, {"article": str(article.pk)}).json()["results"] == []
    assert outsider_api.get(_detail(claims[0])).status_code == 404


def test_anonymous_is_refused(anonymous_api, claims):
    assert anonymous_api.get(LIST_URL).status_code in (401, 403)


def test_malformed_article_filter_is_a_400(editor_api):
    response = editor_api.get(LIST_URL, {"article": "not-a-uuid"})
    assert response.status_code == 400


def test_reviewer_can_read_but_not_reject(reviewer_api, claims):
    assert reviewer_api.get(_detail(claims[0])).status_code == 200

    response = reviewer_api.post(_detail(claims[0], "reject"), {"reason": "no"}, format="json")

    assert response.status_code == 403
    assert Claim.objects.get(pk=claims[0].pk).status == ClaimStatus.ACTIVE


def test_outsider_cannot_act_on_claims(outsider_api, claims):
    response = outsider_api.post(_detail(claims[0], "reject"), {"reason": "no"}, format="json")
    assert response.status_code == 404


def test_editor_rejects_with_a_reason(editor_api, claims):
    response = editor_api.post(_detail(claims[0], "reject"), {"reason": "Opinion"}, format="json")

    assert response.status_code == 200
    assert response.json()["status"] == "rejected"
    assert response.json()["rejection_reason"] == "Opinion"


def test_editor_edits_merges_and_splits(editor_api, article, claims):
    sanctions, vetoes, toll = sorted(claims, key=lambda c: c.spans[-1][0])

    edited = editor_api.post(_detail(toll, "edit"), {"text": "The Syrian war has killed 40,000 people."}, format="json")
    assert edited.status_code == 200
    assert edited.json()["text"] == "The Syrian war has killed 40,000 people."

    merged = editor_api.post(_detail(sanctions, "merge"), {"claims": [str(vetoes.pk)]}, format="json")
    assert merged.status_code == 200
    assert len(merged.json()["spans"]) >= 2

    cut = article.body.index(" and have vetoed")
    split = editor_api.post(
        _detail(sanctions, "split"),
        {"parts": [{"start": 0, "end": cut}, {"start": cut + 5, "end": article.body.index(", which")}]},
        format="json",
    )
    assert split.status_code == 201
    assert len(split.json()) == 2


def test_merge_with_repeated_ids_merges_each_claim_once(editor_api, claims):
    sanctions, vetoes, toll = sorted(claims, key=lambda c: c.spans[-1][0])

    response = editor_api.post(
        _detail(vetoes, "merge"), {"claims": [str(sanctions.pk), str(sanctions.pk), str(vetoes.pk)]}, format="json"
    )

    assert response.status_code == 200, response.json()
    assert response.json()["id"] == str(sanctions.pk)
    assert set(Claim.objects.values_list("pk", flat=True)) == {sanctions.pk, toll.pk}


def test_merging_a_claim_with_itself_is_a_400_and_loses_nothing(editor_api, claims):
    claim = claims[0]

    response = editor_api.post(_detail(claim, "merge"), {"claims": [str(claim.pk)]}, format="json")

    assert response.status_code == 400
    assert response.json()["message"] == "Choose at least two claims to merge."
    assert Claim.objects.count() == len(claims)


def test_editing_a_claim_to_zero_width_characters_only_is_a_400(editor_api, claims):
    claim = claims[0]

    response = editor_api.post(_detail(claim, "edit"), {"text": "\u200b\u200b"}, format="json")

    assert response.status_code == 400
    assert response.json()["message"] == "The claim text cannot be empty."
    assert Claim.objects.get(pk=claim.pk).text == claim.text


def test_editor_adds_a_claim_from_a_passage(editor_api, article):
    end = article.body.index(" and have vetoed")

    response = editor_api.post(LIST_URL, {"article": str(article.pk), "start": 0, "end": end}, format="json")

    assert response.status_code == 201
    body = response.json()
    assert (body["start"], body["end"], body["origin"]) == (0, end, "editor")


def test_outsider_cannot_add_claims_to_another_desks_article(outsider_api, article):
    response = outsider_api.post(LIST_URL, {"article": str(article.pk), "start": 0, "end": 10}, format="json")
    assert response.status_code == 404
    assert not Claim.objects.exists()


def test_extraction_status_tells_editors_about_unsupported_language(editor_api, desk):
    article = factories.ArticleFactory(
        desk=desk,
        body="Die Regierung hat am Dienstag neue Sanktionen gegen Syrien beschlossen, wie das Amt mitteilte.",
    )
    article_claims_extract(article=article)

    response = editor_api.get(reverse("api:claim-extraction"), {"article": str(article.pk)})

    assert response.status_code == 200
    assert response.json()["status"] == "unsupported_language"


def test_matched_claim_shows_the_earlier_verdict_and_editor_confirms_it(editor_api, reviewer, desk, article):
    text = "The violence has killed at least 40,000 people."
    task = factories.ReviewTaskFactory(
        claim=factories.ClaimFactory(article=factories.ArticleFactory(desk=desk), text=text), status="approved"
    )
    Verdict.objects.create(
        task=task,
        rating=Rating.objects.filter(scale__desk=None).first(),
        rationale="UN figures",
        reviewer=reviewer,
        submitted_at=timezone.now(),
    )
    article_claims_extract(article=article)
    toll = Claim.objects.get(article=article, text=text)

    shown = editor_api.get(_detail(toll)).json()
    confirmed = editor_api.post(_detail(toll, "match-confirm"))

    assert shown["match_status"] == "linked"
    assert shown["matched_claim"]["id"] == str(task.claim.pk)
    assert shown["matched_claim"]["verdict"]["rationale"] == "UN figures"
    assert confirmed.status_code == 200
    assert confirmed.json()["match_status"] == "confirmed"


FEEDBACK_URL = reverse("api:claim-feedback")


@pytest.fixture
def feedback_on_two_desks(article, claims, editor, other_desk, outsider):
    services.claim_reject(claim=claims[0], user=editor, reason="An opinion")
    services.claim_create_from_span(article=article, user=editor, start=0, end=40)
    theirs = factories.ArticleFactory(desk=other_desk, body="Exports rose 12% in 2023.")
    services.claim_create_from_span(article=theirs, user=outsider, start=0, end=25)


def test_editor_downloads_their_desks_feedback_as_training_rows(editor_api, desk, claims, feedback_on_two_desks):
    expected = [
        {"text": claims[0].text, "label": False},
        {"text": "Russia and China have resisted efforts t", "label": True},
    ]

    assert editor_api.get(FEEDBACK_URL).json() == expected
    assert editor_api.get(FEEDBACK_URL, {"desk": desk.slug}).json() == expected


def test_feedback_of_a_desk_is_for_its_editors_only(
    reviewer_api, outsider_api, anonymous_api, desk, feedback_on_two_desks
):
    assert reviewer_api.get(FEEDBACK_URL).json() == []
    assert reviewer_api.get(FEEDBACK_URL, {"desk": desk.slug}).status_code == 403
    assert outsider_api.get(FEEDBACK_URL, {"desk": desk.slug}).status_code == 404
    assert outsider_api.get(FEEDBACK_URL).json() == [{"text": "Exports rose 12% in 2023.", "label": True}]
    assert anonymous_api.get(FEEDBACK_URL).status_code in (401, 403)


def test_claims_are_filtered_by_kind(editor_api, article, claims):
    """The statistics of an article go to the data desk: ?kind= with ?article= and ?status=."""
    statistics = [claim for claim in claims if claim.kind == "statistic"]
    assert 0 < len(statistics) < len(claims)

    response = editor_api.get(LIST_URL, {"kind": "statistic", "article": str(article.pk), "status": "active"})

    assert response.status_code == 200
    assert [row["id"] for row in response.json()["results"]] == [str(claim.pk) for claim in statistics]


def test_an_unknown_kind_is_refused_with_the_kinds_there_are(editor_api, claims):
    response = editor_api.get(LIST_URL, {"kind": "rumour"})

    assert response.status_code == 400
    assert "statistic" in response.json()["extra"]["fields"]["kind"]


def test_a_split_part_that_ends_before_it_starts_is_a_validation_error_on_that_part(editor_api, claims):
    parts = [{"start": 0, "end": 20}, {"start": 30, "end": 25}]

    response = editor_api.post(_detail(claims[0], "split"), {"parts": parts}, format="json")

    assert response.status_code == 400
    assert response.json()["extra"]["fields"]["parts"] == {"1": {"end": ["Must be greater than start."]}}


def test_a_split_part_outside_the_article_is_refused_naming_that_part(editor_api, article, claims):
    parts = [{"start": 0, "end": 20}, {"start": 30, "end": len(article.body) + 5}]

    response = editor_api.post(_detail(claims[0], "split"), {"parts": parts}, format="json")

    assert response.status_code == 400
    assert response.json()["message"] == "The selected passage is outside the article text."
    assert response.json()["extra"]["part"] == 1


# --- Optimistic concurrency: ETag and If-Match on claim edits -----------------------------------


def test_a_claim_and_its_edit_carry_an_etag_that_changes_with_the_claim(editor_api, claims):
    claim = claims[0]
    read = editor_api.get(_detail(claim))

    edited = editor_api.post(
        _detail(claim, "edit"), {"text": "Russia vetoed three resolutions."}, format="json", HTTP_IF_MATCH=read["ETag"]
    )

    assert edited.status_code == 200
    assert edited["ETag"] not in ("", read["ETag"])
    assert editor_api.get(_detail(claim))["ETag"] == edited["ETag"]


def test_an_edit_with_a_stale_etag_is_a_412_naming_the_current_one_and_saves_nothing(editor_api, claims):
    claim = claims[0]
    stale = editor_api.get(_detail(claim))["ETag"]
    editor_api.post(_detail(claim, "edit"), {"text": "First editor's wording."}, format="json")
    current = editor_api.get(_detail(claim))["ETag"]

    response = editor_api.post(
        _detail(claim, "edit"), {"text": "Second editor's wording."}, format="json", HTTP_IF_MATCH=stale
    )

    assert response.status_code == 412
    assert response.json()["extra"] == {"etag": current}
    assert Claim.objects.get(pk=claim.pk).text == "First editor's wording."


def test_an_edit_without_if_match_still_goes_ahead(editor_api, claims):
    response = editor_api.post(_detail(claims[0], "edit"), {"text": "Three vetoes."}, format="json")

    assert response.status_code == 200
    assert Claim.objects.get(pk=claims[0].pk).text == "Three vetoes."


def test_rejecting_or_releasing_a_claim_gives_it_a_new_etag(editor_api, claims):
    etags = [editor_api.get(_detail(claims[0]))["ETag"]]
    editor_api.post(_detail(claims[0], "reject"), {"reason": "Opinion"}, format="json")
    etags.append(editor_api.get(_detail(claims[0]))["ETag"])
    editor_api.post(_detail(claims[0], "release"))
    etags.append(editor_api.get(_detail(claims[0]))["ETag"])

    assert len(set(etags)) == 3


def test_an_edit_saved_after_the_if_match_check_is_still_refused(editor, claims):
    """Two editors can both pass the view's If-Match check; the service re-checks under a row lock."""
    read = Claim.objects.get(pk=claims[0].pk)
    services.claim_update(claim=Claim.objects.get(pk=read.pk), user=editor, text="The other editor's wording.")

    with pytest.raises(ApplicationError) as refused:
        services.claim_update(claim=read, user=editor, text="My wording.", expected_updated_at=read.updated_at)

    assert refused.value.status == 412
    assert refused.value.extra == {"etag": etag_for(Claim.objects.get(pk=read.pk))}
    assert Claim.objects.get(pk=read.pk).text == "The other editor's wording."


# --- Idempotency-Key on POST /claims/ -----------------------------------------------------------


def _add_claim(client, article, key=None, start=0, end=30):
    headers = {"HTTP_IDEMPOTENCY_KEY": key} if key is not None else {}
    return client.post(LIST_URL, {"article": str(article.pk), "start": start, "end": end}, format="json", **headers)


def test_a_retried_claim_creation_with_the_same_key_answers_the_first_claim_again(editor_api, article):
    first = _add_claim(editor_api, article, key="retry-1")
    again = _add_claim(editor_api, article, key="retry-1")

    assert (first.status_code, again.status_code) == (201, 201)
    assert again.json() == first.json()
    assert again["Idempotent-Replayed"] == "true"
    assert Claim.objects.filter(article=article).count() == 1


def test_the_same_key_with_a_different_body_is_a_422_and_creates_nothing(editor_api, article):
    _add_claim(editor_api, article, key="retry-1")

    response = _add_claim(editor_api, article, key="retry-1", start=31, end=60)

    assert response.status_code == 422
    assert response.json() == {
        "message": "This Idempotency-Key was already used for a request with a different body; "
        "send a new key for a new request.",
        "extra": {"header": "Idempotency-Key"},
    }
    assert Claim.objects.filter(article=article).count() == 1


def test_keys_are_per_user_and_without_a_key_every_post_creates(editor_api, article, desk):
    colleague = APIClient()
    colleague.force_authenticate(factories.MemberFactory(desk=desk, role="editor", username="eve").user)

    _add_claim(editor_api, article, key="shared")
    _add_claim(colleague, article, key="shared")
    _add_claim(editor_api, article)
    _add_claim(editor_api, article)

    assert Claim.objects.filter(article=article).count() == 4


def test_a_key_older_than_a_day_is_forgotten(editor_api, article):
    _add_claim(editor_api, article, key="yesterday")
    IdempotencyKey.objects.update(created_at=timezone.now() - dt.timedelta(hours=25))

    response = _add_claim(editor_api, article, key="yesterday")

    assert response.status_code == 201
    assert "Idempotent-Replayed" not in response
    assert Claim.objects.filter(article=article).count() == 2
    assert IdempotencyKey.objects.count() == 1


def test_a_refused_creation_keeps_no_key_so_the_retry_runs_again(editor_api, article):
    refused = _add_claim(editor_api, article, key="fix-and-retry", start=0, end=10_000)

    assert refused.status_code == 400
    assert not IdempotencyKey.objects.exists()


@pytest.mark.parametrize("key", ["", "x" * 256, "retry\x00one", "tab\there"])
def test_an_empty_overlong_or_unprintable_key_is_a_400(editor_api, article, key):
    response = _add_claim(editor_api, article, key=key)

    assert response.status_code == 400
    assert response.json()["extra"] == {"header": "Idempotency-Key"}
    assert not Claim.objects.exists()


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_concurrent_requests_with_one_key_create_one_claim(editor, article, monkeypatch):
    """The second request waits on the key's unique constraint, then replays the first answer."""
    creating = threading.Event()
    create = services.claim_create_from_span

    def slow_create(**kwargs):
        claim = create(**kwargs)
        creating.set()
        # The second request starts now, while this transaction still holds the key uncommitted.
        threading.Event().wait(1.0)
        return claim

    monkeypatch.setattr(services, "claim_create_from_span", slow_create)
    answers = {}

    def post(name, wait_for=None):
        if wait_for is not None:
            wait_for.wait(5)
        client = APIClient()
        client.force_authenticate(editor)
        try:
            answers[name] = _add_claim(client, article, key="double-click")
        finally:
            connection.close()

    threads = [threading.Thread(target=post, args=("first",)), threading.Thread(target=post, args=("second", creating))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(15)

    assert (answers["first"].status_code, answers["second"].status_code) == (201, 201)
    assert answers["second"].json()["id"] == answers["first"].json()["id"]
    assert answers["second"]["Idempotent-Replayed"] == "true"
    assert Claim.objects.filter(article=article).count() == 1
