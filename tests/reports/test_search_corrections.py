"""Search of a claim whose published verdict is being corrected: the finding as published stays found,
filtered and shown, as the exports show it, until the corrected verdict is approved; a revision nobody
approved is neither searched nor shown, and a withdrawn correction leaves the restored finding."""

import pytest
from django.db import connection
from django.urls import reverse

from apps.claims.models import MatchStatus
from apps.reports.search import claim_search, search_result_verdict, search_results_load
from apps.reviews import services as reviews
from apps.reviews.models import Rating, ReviewTask
from tests import factories

pytestmark = pytest.mark.django_db

PUBLISHED = "Harbour ledgers record four million tonnes of silt dredged from the basin."
REVISION = "Ministry auditors counted only two and a half million tonnes in the end."
NOTE = "The ministry revised the dredging figure downwards."
PUBLISHED_WORD, REVISION_WORD = "ledgers", "auditors"
PUBLISHED_RATING, REVISION_RATING = "True", "Mostly false"

# What the search answers for the claim in each state: whether the published words and the
# revision's words find it, and the rating and rationale that it is found by and shows.
PUBLISHED_FINDING = {"found_by": PUBLISHED_WORD, "not_found_by": REVISION_WORD, "rating": PUBLISHED_RATING}
CORRECTED_FINDING = {"found_by": REVISION_WORD, "not_found_by": PUBLISHED_WORD, "rating": REVISION_RATING}
STATES = {
    "published": PUBLISHED_FINDING,
    "reopened": PUBLISHED_FINDING,
    "revision_drafted": PUBLISHED_FINDING,
    "revision_submitted": PUBLISHED_FINDING,
    "revision_returned": PUBLISHED_FINDING,
    "corrected": CORRECTED_FINDING,
    "withdrawn": PUBLISHED_FINDING,
}
RATIONALES = {PUBLISHED_RATING: PUBLISHED, REVISION_RATING: REVISION}


def _rating(label: str) -> Rating:
    return Rating.objects.get(scale__desk=None, label=label)


def _fresh(task) -> ReviewTask:
    return ReviewTask.objects.get(pk=task.pk)


def _bring_to(state: str, task, *, editor, reviewer) -> None:
    """Walk the approved `task` through the correction workflow up to `state`."""
    steps = {
        "reopened": lambda: reviews.verdict_reopen(editor=editor, task=_fresh(task), note=NOTE),
        "revision_drafted": lambda: reviews.verdict_draft_save(
            user=reviewer, task=_fresh(task), rating=_rating(REVISION_RATING), rationale=REVISION
        ),
        "revision_submitted": lambda: reviews.verdict_submit(
            user=reviewer, task=_fresh(task), rating=_rating(REVISION_RATING), rationale=REVISION
        ),
        "revision_returned": lambda: reviews.verdict_return(
            editor=editor, task=_fresh(task), note="Cite the ministry's table."
        ),
    }
    finish = {
        "corrected": ("revision_submitted", lambda: reviews.verdict_approve(editor=editor, task=_fresh(task))),
        "withdrawn": (
            "revision_returned",
            lambda: reviews.verdict_correction_withdraw(editor=editor, task=_fresh(task)),
        ),
    }
    last_step, final = finish.get(state, (state, None))
    for name, step in steps.items():
        if last_step == "published":
            break
        step()
        if name == last_step:
            break
    if final:
        final()


@pytest.fixture
def checked(desk, editor, reviewer):
    """A claim whose verdict was approved with the published finding, and a confirmed repeat of it."""
    article = factories.ArticleFactory(desk=desk, title="Port works", outlet="Coast Courier")
    claim = factories.ClaimFactory(article=article, text="The port dredged four million tonnes of silt in 2019.")
    task = factories.ReviewTaskFactory(claim=claim)
    reviews.review_tasks_assign(editor=editor, tasks=[task], assignee=reviewer)
    reviews.verdict_submit(user=reviewer, task=_fresh(task), rating=_rating(PUBLISHED_RATING), rationale=PUBLISHED)
    reviews.verdict_approve(editor=editor, task=_fresh(task))
    repeat = factories.ClaimFactory(
        article=factories.ArticleFactory(desk=desk, title="Port works again"),
        text="Four million tonnes of silt were taken out of the harbour basin.",
        matched_claim=claim,
        match_status=MatchStatus.CONFIRMED,
    )
    return {"claim": claim, "task": task, "repeat": repeat}


@pytest.fixture(params=list(STATES))
def state(request, checked, editor, reviewer):
    _bring_to(request.param, checked["task"], editor=editor, reviewer=reviewer)
    return request.param


def _ids(claims) -> set:
    return {claim.pk for claim in claims}


def test_the_states_are_those_named(checked, state):
    """The workflow reached the state each test below is about."""
    task = _fresh(checked["task"])
    open_corrections = task.verdict.corrections.filter(corrected_at__isnull=True).count()
    expected_status = {
        "published": "approved",
        "reopened": "returned",
        "revision_drafted": "in_review",
        "revision_submitted": "submitted",
        "revision_returned": "returned",
        "corrected": "approved",
        "withdrawn": "approved",
    }[state]
    assert (task.status, open_corrections) == (expected_status, 1 if expected_status != "approved" else 0)


def test_the_published_finding_words_find_the_claim_and_an_unapproved_revisions_do_not(checked, state, editor):
    expected = STATES[state]

    assert _ids(claim_search(user=editor, query=expected["found_by"])) == {checked["claim"].pk}
    assert _ids(claim_search(user=editor, query=expected["not_found_by"])) == set()
    assert _ids(claim_search(user=editor, query=f"{expected['found_by']} tonnes -{expected['not_found_by']}")) == {
        checked["claim"].pk
    }


def test_the_claim_and_its_repeat_stay_approved_with_the_published_rating(checked, state, editor):
    expected = STATES[state]
    other_rating = REVISION_RATING if expected["rating"] == PUBLISHED_RATING else PUBLISHED_RATING
    both = {checked["claim"].pk, checked["repeat"].pk}

    assert _ids(claim_search(user=editor, approved=True)) == both
    assert _ids(claim_search(user=editor, rating=expected["rating"].upper())) == both
    assert _ids(claim_search(user=editor, rating=other_rating)) == set()
    assert _ids(claim_search(user=editor, query=expected["found_by"], approved=True)) == {checked["claim"].pk}
    assert _ids(claim_search(user=editor, query="tonnes", rating=expected["rating"])) == both


def test_a_result_shows_the_published_finding_as_the_exports_do(checked, state, editor, reviewer):
    expected = STATES[state]

    results = search_results_load(claims=claim_search(user=editor, query="tonnes"))

    shown = {claim.pk: search_result_verdict(claim) for claim in results}
    own, reused = shown[checked["claim"].pk], shown[checked["repeat"].pk]
    assert (own.verdict.rating.label, own.verdict.rationale, own.reused_from) == (
        expected["rating"],
        RATIONALES[expected["rating"]],
        None,
    )
    assert own.verdict.reviewer == reviewer
    assert (reused.verdict.rating.label, reused.verdict.rationale, reused.reused_from) == (
        expected["rating"],
        RATIONALES[expected["rating"]],
        checked["claim"],
    )


def test_the_api_and_the_page_show_the_published_finding(checked, state, editor, editor_api, client):
    expected = STATES[state]

    found = editor_api.get("/api/v1/search/", {"q": expected["found_by"], "approved": "true"}).json()
    client.force_login(editor)
    page = client.get(reverse("search"), {"q": "tonnes"}).content.decode()

    assert [(result["rating"], result["rationale"]) for result in found["results"]] == [
        (expected["rating"], RATIONALES[expected["rating"]])
    ]
    assert found["results"][0]["approved_at"] is not None
    assert page.count(f'<span class="badge badge--approved">{expected["rating"]}</span>') == 2
    assert expected["not_found_by"] not in page
    assert "Verdict reused" in page


@pytest.mark.postgres
def test_each_correction_keeps_the_stored_document_of_its_published_rationale(checked, state):
    """Reopening writes it, the corrected approval and the withdrawal leave none stale (migration 0003)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM reviews_verdictcorrection WHERE search_document IS DISTINCT FROM "
            "setweight(to_tsvector('english', previous_rationale), 'C')"
        )
        assert cursor.fetchone() == (0,)


@pytest.mark.postgres
def test_a_match_on_published_rationales_reads_only_the_open_corrections_through_an_index():
    """The GIN index of 0003, or on a handful of rows the partial unique index on their verdict: both
    hold the open corrections only, never the whole corrections history."""
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(
            "EXPLAIN SELECT id FROM reviews_verdictcorrection WHERE corrected_at IS NULL "
            "AND search_document @@ 'ledger'::tsquery"
        )
        plan = "\n".join(row[0] for row in cursor.fetchall())

    assert "Seq Scan" not in plan, plan
    assert "reviews_verdictcorrection_open_search_document" in plan or "verdict_correction_one_open_per_verdict" in plan


def test_the_reviewer_of_a_finding_being_corrected_finds_it_while_another_revises_it(
    checked, editor, reviewer, second_reviewer
):
    task = checked["task"]
    reviews.verdict_reopen(editor=editor, task=_fresh(task), note=NOTE)
    reviews.review_tasks_assign(editor=editor, tasks=[_fresh(task)], assignee=second_reviewer)
    reviews.verdict_submit(user=second_reviewer, task=_fresh(task), rating=_rating(REVISION_RATING), rationale=REVISION)

    found = search_results_load(claims=claim_search(user=editor, reviewer=reviewer.username))

    assert [claim.pk for claim in found] == [checked["claim"].pk]
    assert search_result_verdict(found[0]).verdict.reviewer == reviewer
    assert _ids(claim_search(user=editor, reviewer=second_reviewer.username)) == {checked["claim"].pk}
