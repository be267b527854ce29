"""A claim's history: the claim page's collapsed History section and GET /claims/{id}/history/."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from drf_spectacular.generators import SchemaGenerator
from rest_framework.test import APIClient

from apps.articles.services import article_delete
from apps.claims.services import claim_merge, claim_reject, claim_release, claim_split
from apps.core.audit import audit_claim_events, audit_event_summary
from apps.core.models import AuditAction, AuditEvent
from apps.reviews import services as review_services
from apps.reviews.models import Rating
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def task(desk):
    return factories.ReviewTaskFactory(claim=factories.ClaimFactory(article__desk=desk))


@pytest.fixture
def claim(task):
    return task.claim


def _history_url(claim):
    return reverse("api:claim-history", args=[claim.pk])


def _returned_verdict(task, editor, reviewer, note):
    review_services.review_tasks_assign(editor=editor, tasks=[task], assignee=reviewer)
    rating = Rating.objects.get(scale__desk=None, label="False")
    review_services.verdict_submit(user=reviewer, task=task, rating=rating, rationale="UN records.")
    review_services.verdict_return(editor=editor, task=task, note=note)


def _events(claim, editor, count):
    for number in range(count // 2):
        claim_reject(claim=claim, user=editor, reason=f"Reason {number}")
        claim_release(claim=claim, user=editor)


def test_the_claim_page_shows_the_history_collapsed_newest_first_and_escaped(client, task, editor, reviewer):
    _returned_verdict(task, editor, reviewer, note='Cite the <script>alert("x")</script> list.')
    client.force_login(editor)

    page = client.get(reverse("claims:detail", args=[task.claim.pk])).content.decode()

    section = page[page.index('<details class="card history"') :]
    section = section[: section.index("</details>")]
    assert '<details class="card history" id="history">' in section  # not open
    assert "<script>alert" not in page
    assert "edith returned the verdict with a note: \u201cCite the &lt;script&gt;alert(&quot;x&quot;)" in section
    assert section.index("returned the verdict") < section.index("submitted the verdict: False")
    assert section.index("submitted the verdict") < section.index("assigned the review to rachel")


def test_the_claim_page_says_when_nothing_is_recorded(client, claim, editor):
    client.force_login(editor)

    page = client.get(reverse("claims:detail", args=[claim.pk])).content.decode()

    assert "Nothing recorded yet." in page


def test_the_api_pages_through_the_history_newest_first(editor_api, claim, editor):
    _events(claim, editor, 4)

    first = editor_api.get(_history_url(claim), {"page_size": 3}).json()
    second = editor_api.get(_history_url(claim), {"page_size": 3, "page": 2}).json()

    assert first["count"] == 4
    assert [event["action"] for event in first["results"]] == [
        AuditAction.CLAIM_RELEASED,
        AuditAction.CLAIM_REJECTED,
        AuditAction.CLAIM_RELEASED,
    ]
    assert first["results"][1]["details"] == {"reason": "Reason 1"}
    assert first["results"][1]["actor"] == "edith"
    assert first["results"][1]["summary"] == "edith rejected the claim: \u201cReason 1\u201d"
    assert [event["details"] for event in second["results"]] == [{"reason": "Reason 0"}]


def test_the_api_refuses_another_desks_claim_and_anonymous_callers(claim, editor, outsider):
    _events(claim, editor, 2)
    outsider_api = APIClient()
    outsider_api.force_authenticate(outsider)

    elsewhere = outsider_api.get(_history_url(claim))
    anonymous = APIClient().get(_history_url(claim))

    assert elsewhere.status_code == 404
    assert elsewhere.json()["message"] == "Claim not found."
    assert anonymous.status_code == 401


def test_a_reviewer_of_the_desk_reads_the_history(reviewer_api, claim, editor):
    _events(claim, editor, 2)

    response = reviewer_api.get(_history_url(claim))

    assert response.status_code == 200
    assert response.json()["count"] == 2


def _query_count(fetch) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert fetch().status_code == 200
    return len(queries)


@pytest.mark.parametrize("where", ["api", "page"])
def test_queries_do_not_grow_with_the_number_of_events(client, editor_api, desk, editor, where):
    few, many = factories.ClaimFactory(article__desk=desk), factories.ClaimFactory(article__desk=desk)
    _events(few, editor, 3)
    _events(many, editor, 30)
    assert AuditEvent.objects.filter(claim_id=many.pk).count() == 30
    client.force_login(editor)

    def fetch(claim):
        if where == "api":
            return editor_api.get(_history_url(claim), {"page_size": 50})
        return client.get(reverse("claims:detail", args=[claim.pk]))

    assert _query_count(lambda: fetch(few)) == _query_count(lambda: fetch(many))


def test_the_history_endpoint_is_in_the_openapi_schema():
    paths = SchemaGenerator().get_schema(request=None, public=True)["paths"]

    operation = paths["/api/v1/claims/{id}/history/"]["get"]
    assert {parameter["name"] for parameter in operation["parameters"]} >= {"id", "page", "page_size"}
    assert "404" in operation["responses"]


def test_desk_admins_read_the_desks_activity_deleted_articles_included(desk, editor, reviewer):
    desk_admin = factories.MemberFactory(desk=desk, role="admin", username="ada").user
    article = factories.ArticleFactory(desk=desk, title="Vetoes <b>and</b> sanctions")
    factories.ClaimFactory(article=article)
    article_delete(article=article, user=editor)
    admin_api, reviewer_api = APIClient(), APIClient()
    admin_api.force_authenticate(desk_admin)
    reviewer_api.force_authenticate(reviewer)
    url = reverse("api:desk-activity", args=[desk.slug])

    response = admin_api.get(url)

    assert response.status_code == 200
    (event,) = response.json()["results"]
    assert event["action"] == AuditAction.ARTICLE_DELETED
    assert event["summary"] == "edith deleted the article \u201cVetoes <b>and</b> sanctions\u201d with its claims (1)"
    assert reviewer_api.get(url).status_code == 403


# --- Merged claims -------------------------------------------------------------------------------

MERGED_SENTENCES = (
    "The council spent four million pounds on the new bridge last year.",
    "Most of that money came from a national transport grant.",
    "The bridge opened three months later than the council had promised.",
)
MERGED_BODY = " ".join(MERGED_SENTENCES)


@pytest.fixture
def merged(desk, editor):
    """Three claims of one article: the last merged into the second, then the second into the first,
    after each had a history of its own."""
    article = factories.ArticleFactory(desk=desk, body=MERGED_BODY)
    starts = [MERGED_BODY.index(sentence) for sentence in MERGED_SENTENCES]
    first, second, third = (
        factories.ClaimFactory(article=article, text=sentence, start=start, end=start + len(sentence))
        for sentence, start in zip(MERGED_SENTENCES, starts, strict=True)
    )
    claim_reject(claim=second, user=editor, reason="Second's own reason.")
    claim_release(claim=second, user=editor)
    claim_reject(claim=third, user=editor, reason="Third's own reason.")
    claim_release(claim=third, user=editor)
    claim_merge(claims=[second, third], user=editor)
    claim_reject(claim=first, user=editor, reason="First's own reason.")
    claim_release(claim=first, user=editor)
    keeper = claim_merge(claims=[first, second], user=editor)
    return keeper, second, third


def test_the_history_of_a_merged_claim_holds_the_merged_claims_events_naming_them(editor_api, merged):
    keeper, second, third = merged

    results = editor_api.get(_history_url(keeper), {"page_size": 50}).json()["results"]

    reasons = {event["details"].get("reason"): event for event in results if event["action"] == "claim_rejected"}
    assert set(reasons) == {"First's own reason.", "Second's own reason.", "Third's own reason."}
    assert reasons["First's own reason."]["merged_claim"] is None
    assert reasons["Second's own reason."]["merged_claim"] == {"id": str(second.pk), "text": second.text}
    assert reasons["Third's own reason."]["merged_claim"] == {"id": str(third.pk), "text": third.text}
    assert reasons["Third's own reason."]["claim_id"] == str(third.pk)
    # Both merges: the keeper's own, and the earlier one into the claim merged into it.
    merges = [event for event in results if event["action"] == "claim_merged"]
    assert [event["merged_claim"] and event["merged_claim"]["id"] for event in merges] == [None, str(second.pk)]
    times = [event["occurred_at"] for event in results]
    assert times == sorted(times, reverse=True)


def test_the_claim_page_labels_the_merged_claims_events(client, editor, merged):
    keeper, second, _ = merged
    client.force_login(editor)

    page = client.get(reverse("claims:detail", args=[keeper.pk])).content.decode()

    section = page[page.index('<details class="card history"') :]
    section = section[: section.index("</details>")]
    entries = section.split("<li>")[1:]
    (seconds,) = [entry for entry in entries if "Second&#x27;s own" in entry]
    assert f"Before the merge, on the claim \u201c{second.text}\u201d:" in seconds
    (firsts,) = [entry for entry in entries if "First&#x27;s own" in entry]
    assert "Before the merge" not in firsts


def test_the_desk_activity_still_lists_merged_claims_events_once(desk, editor, merged):
    desk_admin = factories.MemberFactory(desk=desk, role="admin", username="ada").user
    admin_api = APIClient()
    admin_api.force_authenticate(desk_admin)

    results = admin_api.get(reverse("api:desk-activity", args=[desk.slug]), {"page_size": 50}).json()["results"]

    assert len([event for event in results if event["action"] == "claim_rejected"]) == 3
    assert "merged_claim" not in results[0]


# --- Split claims --------------------------------------------------------------------------------

SPLIT_BODY = "The council spent four million pounds on the new bridge, and most of that money came from a grant."


@pytest.fixture
def split(desk, editor):
    """A claim rejected and released again, then split in two: the original (deleted, so its id is
    kept aside) and its parts."""
    article = factories.ArticleFactory(desk=desk, body=SPLIT_BODY)
    original = factories.ClaimFactory(article=article, text=SPLIT_BODY, start=0, end=len(SPLIT_BODY))
    claim_reject(claim=original, user=editor, reason="The original's own reason.")
    claim_release(claim=original, user=editor)
    original_id = original.pk
    comma = SPLIT_BODY.index(", and")
    second_start = SPLIT_BODY.index("most of")
    parts = claim_split(
        claim=original, user=editor, parts=[{"start": 0, "end": comma}, {"start": second_start, "end": len(SPLIT_BODY)}]
    )
    return original_id, parts


def test_the_split_claims_own_history_ends_with_the_split_naming_its_parts(split):
    original_id, parts = split

    events = list(audit_claim_events(claim_id=original_id, article_id=parts[0].article_id))

    assert [event.action for event in events][:3] == ["claim_split", "claim_released", "claim_rejected"]
    assert [part["id"] for part in events[0].details["parts"]] == [str(part.pk) for part in parts]
    assert audit_event_summary(events[0]) == (
        f"edith split this claim into 2 claims: \u201c{parts[0].text}\u201d; \u201c{parts[1].text}\u201d"
    )


def test_each_part_of_a_split_claim_holds_the_originals_earlier_events_naming_it(editor_api, split):
    original_id, parts = split

    for part in parts:
        results = editor_api.get(_history_url(part), {"page_size": 50}).json()["results"]

        splits = [event for event in results if event["action"] == "claim_split"]
        assert len(splits) == 1, "the part's own record of the split, not the original's too"
        assert (splits[0]["claim_id"], splits[0]["split_claim"]) == (str(part.pk), None)
        assert splits[0]["details"]["from_claim_id"] == str(original_id)
        (rejected,) = [event for event in results if event["action"] == "claim_rejected"]
        assert rejected["details"]["reason"] == "The original's own reason."
        assert rejected["claim_id"] == str(original_id)
        assert rejected["split_claim"] == {"id": str(original_id), "text": SPLIT_BODY}
        assert rejected["merged_claim"] is None


def test_the_claim_page_labels_the_events_from_before_the_split(client, editor, split):
    _, parts = split
    client.force_login(editor)

    page = client.get(reverse("claims:detail", args=[parts[0].pk])).content.decode()

    section = page[page.index('<details class="card history"') :]
    section = section[: section.index("</details>")]
    entries = section.split("<li>")[1:]
    (rejected,) = [entry for entry in entries if "original&#x27;s own" in entry]
    assert f"Before the split, on the claim \u201c{SPLIT_BODY}\u201d:" in rejected
    (own_split,) = [entry for entry in entries if " split " in entry]
    assert "Before the split" not in own_split


def test_a_part_merged_into_its_sibling_brings_the_originals_events_once(editor_api, editor, split):
    _, (first, second) = split
    keeper = claim_merge(claims=[first, second], user=editor)

    results = editor_api.get(_history_url(keeper), {"page_size": 50}).json()["results"]

    assert [event["details"]["reason"] for event in results if event["action"] == "claim_rejected"] == [
        "The original's own reason."
    ]
