"""The audit trail: each hooked service writes exactly one event, with its actor and what changed,
in the transaction of the change; events are never changed or deleted."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from django.utils import translation

from apps.articles.services import article_delete, article_fact_check_url_set, article_import_text
from apps.claims.models import ClaimStatus, MatchStatus
from apps.claims.services import (
    claim_create_from_span,
    claim_match_confirm,
    claim_match_dismiss,
    claim_merge,
    claim_reject,
    claim_release,
    claim_split,
    claim_update,
)
from apps.core.audit import audit_claim_events, audit_event_summary, audit_record
from apps.core.exceptions import ApplicationError, NotFoundError
from apps.core.models import AuditAction, AuditEvent
from apps.references.services import claim_reference_add, claim_references_refresh
from apps.reviews import services as review_services
from apps.reviews.models import Rating, TaskStatus
from tests import factories

pytestmark = pytest.mark.django_db

BODY = (
    "Russia and China have vetoed three UN Security Council resolutions on Syria. "
    "The war has killed at least 40,000 people."
)


@pytest.fixture
def article(desk):
    return factories.ArticleFactory(desk=desk, body=BODY)


@pytest.fixture
def claim(article):
    return factories.ClaimFactory(article=article, text=BODY[:76], start=0, end=76)


@pytest.fixture
def task(claim):
    return factories.ReviewTaskFactory(claim=claim)


@pytest.fixture
def rating(db):
    return Rating.objects.get(scale__desk=None, label="False")


@pytest.fixture
def misleading(db):
    return Rating.objects.get(scale__desk=None, label="Misleading")


def _only_event(**filters) -> AuditEvent:
    events = list(AuditEvent.objects.filter(**filters))
    assert len(events) == 1, [(event.action, event.details) for event in events]
    return events[0]


def _assigned(task, editor, reviewer):
    review_services.review_tasks_assign(editor=editor, tasks=[task], assignee=reviewer)
    task.refresh_from_db()
    return task


def _submitted(task, editor, reviewer, rating):
    task = _assigned(task, editor, reviewer)
    review_services.verdict_submit(user=reviewer, task=task, rating=rating, rationale="UN records.")
    task.refresh_from_db()
    return task


# --- Claims ------------------------------------------------------------------------------------


def test_adding_a_claim_records_who_added_it(article, editor):
    claim = claim_create_from_span(article=article, user=editor, start=77, end=len(BODY))

    event = _only_event(action=AuditAction.CLAIM_ADDED)
    assert (event.claim_id, event.article_id, event.desk_id) == (claim.pk, article.pk, article.desk_id)
    assert (event.actor, event.actor_name) == (editor, "edith")
    assert event.details == {"text": "The war has killed at least 40,000 people."}


def test_editing_records_the_text_from_and_to(claim, editor):
    claim_update(claim=claim, user=editor, text="Russia and China vetoed three resolutions.")
    claim_update(claim=claim, user=editor, text="Russia and China vetoed three resolutions.")

    event = _only_event(action=AuditAction.CLAIM_EDITED, claim_id=claim.pk)
    assert event.details == {"previous_text": BODY[:76], "text": "Russia and China vetoed three resolutions."}
    assert audit_event_summary(event) == (
        f"edith changed the claim\u2019s text from \u201c{BODY[:76]}\u201d "
        "to \u201cRussia and China vetoed three resolutions.\u201d"
    )


def test_rejecting_and_releasing_record_the_reason_and_the_earlier_status(claim, editor):
    claim_reject(claim=claim, user=editor, reason="Not checkable.")
    claim_reject(claim=claim, user=editor, reason="Again.")  # idempotent: nothing changes, nothing recorded
    claim_release(claim=claim, user=editor)

    rejected = _only_event(action=AuditAction.CLAIM_REJECTED)
    assert (rejected.actor, rejected.details) == (editor, {"reason": "Not checkable."})
    released = _only_event(action=AuditAction.CLAIM_RELEASED)
    assert released.details == {"previous_status": ClaimStatus.REJECTED}


def test_a_refused_rejection_records_nothing(task, editor, reviewer, rating):
    _submitted(task, editor, reviewer, rating)

    with pytest.raises(ApplicationError):
        claim_reject(claim=task.claim, user=editor, reason="Too late.")

    assert not AuditEvent.objects.filter(action=AuditAction.CLAIM_REJECTED).exists()


def test_merging_records_one_event_naming_the_merged_claims(article, claim, editor):
    other = factories.ClaimFactory(article=article, text=BODY[77:], start=77, end=len(BODY))

    keeper = claim_merge(claims=[claim, other], user=editor)

    event = _only_event(action=AuditAction.CLAIM_MERGED)
    assert event.claim_id == keeper.pk == claim.pk
    assert event.details["merged_claim_ids"] == [str(other.pk)]
    assert event.details["merged_texts"] == [BODY[77:]]


def test_splitting_records_on_the_original_and_on_each_new_claim_where_it_came_from(claim, editor):
    original_id = claim.pk

    parts = claim_split(claim=claim, user=editor, parts=[{"start": 0, "end": 30}, {"start": 31, "end": 76}])

    events = AuditEvent.objects.filter(action=AuditAction.CLAIM_SPLIT)
    assert {event.claim_id for event in events} == {original_id, *(part.pk for part in parts)}
    assert len(events) == 3
    for event in events:
        assert [part["id"] for part in event.details["parts"]] == [str(part.pk) for part in parts]
        if event.claim_id != original_id:
            assert event.details["from_claim_id"] == str(original_id)


def test_confirming_and_declining_a_repeat_name_the_earlier_claim(article, claim, editor):
    earlier = factories.ClaimFactory(text="Russia and China vetoed three Security Council resolutions.")
    claim.matched_claim, claim.match_status = earlier, MatchStatus.SUGGESTED
    claim.save()

    claim_match_confirm(claim=claim, user=editor)
    claim_match_confirm(claim=claim, user=editor)
    claim_match_dismiss(claim=claim, user=editor)
    claim_match_dismiss(claim=claim, user=editor)

    confirmed = _only_event(action=AuditAction.MATCH_CONFIRMED)
    assert confirmed.details == {"matched_claim_id": str(earlier.pk), "matched_text": earlier.text}
    assert _only_event(action=AuditAction.MATCH_DISMISSED).details["matched_claim_id"] == str(earlier.pk)


def _as_read_earlier(instance):
    """The row as a second editor's page read it before the first editor's change."""
    return type(instance).objects.get(pk=instance.pk)


def test_a_repeat_confirmed_or_declined_by_two_editors_at_once_is_recorded_once(article, claim, editor):
    earlier = factories.ClaimFactory(text="Russia and China vetoed three Security Council resolutions.")
    claim.matched_claim, claim.match_status = earlier, MatchStatus.SUGGESTED
    claim.save()
    second_confirm, second_dismiss = _as_read_earlier(claim), _as_read_earlier(claim)

    claim_match_confirm(claim=claim, user=editor)
    claim_match_confirm(claim=second_confirm, user=editor)
    claim_match_dismiss(claim=claim, user=editor)
    claim_match_dismiss(claim=second_dismiss, user=editor)

    _only_event(action=AuditAction.MATCH_CONFIRMED)
    _only_event(action=AuditAction.MATCH_DISMISSED)


def test_a_release_records_the_status_the_claim_had_then(claim, editor):
    claim.status = ClaimStatus.HELD
    claim.save()
    read_earlier = _as_read_earlier(claim)
    claim_reject(claim=claim, user=editor, reason="Not checkable.")

    claim_release(claim=read_earlier, user=editor)

    assert _only_event(action=AuditAction.CLAIM_RELEASED).details == {"previous_status": ClaimStatus.REJECTED}


# --- Reviews -----------------------------------------------------------------------------------


def test_assigning_records_the_assignee_and_due_date_from_and_to(task, editor, reviewer, second_reviewer):
    review_services.review_tasks_assign(editor=editor, tasks=[task], assignee=reviewer)
    review_services.review_tasks_assign(editor=editor, tasks=[task], assignee=reviewer)  # no change, no event
    review_services.review_tasks_assign(
        editor=editor, tasks=[task], assignee=second_reviewer, due_date=dt.date(2031, 12, 1)
    )

    first, second = AuditEvent.objects.filter(action=AuditAction.REVIEW_ASSIGNED).order_by("pk")
    assert first.details == {
        "assignee": "rachel", "previous_assignee": None, "due_date": None, "previous_due_date": None,
    }  # fmt: skip
    assert second.details == {
        "assignee": "roger", "previous_assignee": "rachel", "due_date": "2031-12-01", "previous_due_date": None,
    }  # fmt: skip
    assert audit_event_summary(second) == "edith reassigned the review from rachel to roger, due 1 Dec 2031"
    with translation.override("pt-br"):
        reassigned = audit_event_summary(second)
        assert reassigned == "edith transferiu a checagem de rachel para roger, com prazo em 1 dez 2031"


def test_a_bulk_assignment_records_one_event_per_claim(desk, editor, reviewer):
    tasks = [factories.ReviewTaskFactory(claim=factories.ClaimFactory(article__desk=desk)) for _ in range(3)]

    review_services.review_tasks_assign(editor=editor, tasks=tasks, assignee=reviewer)

    events = AuditEvent.objects.filter(action=AuditAction.REVIEW_ASSIGNED)
    assert sorted(event.claim_id for event in events) == sorted(task.claim_id for task in tasks)


def test_starting_and_the_first_draft_are_recorded_once(task, editor, reviewer, rating):
    task = _assigned(task, editor, reviewer)

    review_services.review_task_start(user=reviewer, task=task)
    review_services.review_task_start(user=reviewer, task=task)
    for rationale in ("UN", "UN records", "UN records show"):
        review_services.verdict_draft_save(user=reviewer, task=task, rating=rating, rationale=rationale)

    assert _only_event(action=AuditAction.REVIEW_STARTED).actor == reviewer
    assert _only_event(action=AuditAction.DRAFT_STARTED).actor == reviewer


def test_submit_return_resubmit_approve_tell_the_verdict_story(task, editor, reviewer, rating, misleading):
    task = _submitted(task, editor, reviewer, rating)
    review_services.verdict_return(editor=editor, task=task, note="Cite the <b>UN</b> list.")
    review_services.verdict_submit(user=reviewer, task=task, rating=misleading, rationale="Context matters.")
    review_services.verdict_approve(editor=editor, task=task)

    submitted = list(AuditEvent.objects.filter(action=AuditAction.VERDICT_SUBMITTED).order_by("pk"))
    assert [event.details for event in submitted] == [
        {"rating": "False", "previous_rating": None},
        {"rating": "Misleading", "previous_rating": "False"},
    ]
    assert audit_event_summary(submitted[1]) == (
        "Rating changed from False to Misleading by rachel, who resubmitted the verdict"
    )
    returned = _only_event(action=AuditAction.VERDICT_RETURNED)
    assert (returned.actor, returned.details) == (editor, {"note": "Cite the <b>UN</b> list."})
    approved = _only_event(action=AuditAction.VERDICT_APPROVED)
    assert (approved.actor, approved.details) == (editor, {"rating": "Misleading"})


def test_bulk_approval_records_each_approved_verdict(desk, editor, reviewer, rating):
    tasks = [
        _submitted(
            factories.ReviewTaskFactory(claim=factories.ClaimFactory(article__desk=desk)), editor, reviewer, rating
        )
        for _ in range(2)
    ]
    stale = tasks[1]

    review_services.verdicts_approve(
        editor=editor, seen_revisions={tasks[0].pk: tasks[0].verdict_revision, stale.pk: stale.verdict_revision - 1}
    )

    event = _only_event(action=AuditAction.VERDICT_APPROVED)
    assert (event.claim_id, event.details) == (tasks[0].claim_id, {"rating": "False", "bulk": True})


def test_a_rolled_back_submission_leaves_no_event(task, editor, reviewer, rating, monkeypatch):
    task = _assigned(task, editor, reviewer)

    def fail(**kwargs):
        raise RuntimeError("mail server down")

    monkeypatch.setattr("apps.reviews.services.notify_verdict_submitted", fail)
    with pytest.raises(RuntimeError):
        review_services.verdict_submit(user=reviewer, task=task, rating=rating, rationale="UN records.")

    task.refresh_from_db()
    assert task.status == TaskStatus.ASSIGNED
    assert not AuditEvent.objects.filter(action=AuditAction.VERDICT_SUBMITTED).exists()


# --- References --------------------------------------------------------------------------------


def test_evidence_added_and_references_refreshed_by_a_person(claim, editor):
    claim_reference_add(claim=claim, user=editor, url="https://example.org/record", title="UN record")
    claim_reference_add(claim=claim, user=editor, url="https://example.org/record")  # already there
    claim_references_refresh(claim=claim, user=editor)

    added = _only_event(action=AuditAction.EVIDENCE_ADDED)
    assert added.details == {"url": "https://example.org/record", "title": "UN record"}
    assert _only_event(action=AuditAction.REFERENCES_REFRESHED).actor == editor


# --- Articles ----------------------------------------------------------------------------------


def test_import_fact_check_url_and_deletion_are_recorded_and_outlive_the_article(desk, editor):
    article = article_import_text(desk=desk, user=editor, text="# Vetoes\n\n" + BODY).article
    article_id, claim_ids = article.pk, list(article.claims.values_list("pk", flat=True))
    article_fact_check_url_set(article=article, user=editor, url="https://desk.example/checks/1")
    article_fact_check_url_set(article=article, user=editor, url="https://desk.example/checks/1")

    article_delete(article=article, user=editor)

    imported = _only_event(action=AuditAction.ARTICLE_IMPORTED)
    assert (imported.article_id, imported.claim_id, imported.actor) == (article_id, None, editor)
    assert imported.details["how"] == "Pasted text"
    url_set = _only_event(action=AuditAction.FACT_CHECK_URL_SET)
    assert url_set.details == {"url": "https://desk.example/checks/1", "previous_url": ""}
    deleted = _only_event(action=AuditAction.ARTICLE_DELETED, article_id=article_id)
    assert deleted.details == {"title": imported.details["title"], "claim_count": len(claim_ids)}
    assert (
        audit_event_summary(deleted)
        == f"edith deleted the article \u201c{article.title}\u201d with its claims ({len(claim_ids)})"
    )


def test_a_fact_check_address_set_by_two_editors_at_once_is_recorded_once_from_the_stored_one(desk, editor):
    article = factories.ArticleFactory(desk=desk)
    read_earlier = _as_read_earlier(article)
    article_fact_check_url_set(article=article, user=editor, url="https://desk.example/checks/1")

    article_fact_check_url_set(article=read_earlier, user=editor, url="https://desk.example/checks/1")
    article_fact_check_url_set(article=read_earlier, user=editor, url="https://desk.example/checks/2")

    changes = AuditEvent.objects.filter(action=AuditAction.FACT_CHECK_URL_SET).order_by("occurred_at", "pk")
    assert [event.details for event in changes] == [
        {"url": "https://desk.example/checks/1", "previous_url": ""},
        {"url": "https://desk.example/checks/2", "previous_url": "https://desk.example/checks/1"},
    ]


def test_the_fact_check_address_of_an_article_deleted_meanwhile_is_not_found_and_not_recorded(desk, editor):
    article = factories.ArticleFactory(desk=desk)
    read_earlier = _as_read_earlier(article)
    article_delete(article=article, user=editor)

    with pytest.raises(NotFoundError):
        article_fact_check_url_set(article=read_earlier, user=editor, url="https://desk.example/checks/1")

    assert not AuditEvent.objects.filter(action=AuditAction.FACT_CHECK_URL_SET).exists()


# --- The record itself -------------------------------------------------------------------------


def test_events_cannot_be_changed_or_deleted(claim, editor):
    event = audit_record(action=AuditAction.CLAIM_REJECTED, actor=editor, claim=claim, details={"reason": "x"})

    event.details = {"reason": "y"}
    with pytest.raises(TypeError):
        event.save()
    with pytest.raises(TypeError):
        event.delete()
    assert AuditEvent.objects.get().details == {"reason": "x"}


def test_a_claims_history_holds_its_articles_own_events_newest_first(desk, editor):
    article = article_import_text(desk=desk, user=editor, text="# Vetoes\n\n" + BODY).article
    claim = article.claims.order_by("start").first()
    other = article.claims.order_by("start").last()
    claim_reject(claim=claim, user=editor, reason="Opinion.")
    claim_reject(claim=other, user=editor, reason="Not this one.")

    history = list(audit_claim_events(claim_id=claim.pk, article_id=article.pk))

    assert [event.action for event in history] == [AuditAction.CLAIM_REJECTED, AuditAction.ARTICLE_IMPORTED]
    assert history[0].details == {"reason": "Opinion."}


def test_the_system_is_named_when_nobody_acted(desk):
    article = article_import_text(desk=desk, user=None, text="# Vetoes\n\n" + BODY).article

    event = _only_event(action=AuditAction.ARTICLE_IMPORTED, article_id=article.pk)
    assert (event.actor, event.actor_name) == (None, "")
    assert audit_event_summary(event).startswith("The system imported the article")


# --- Django admin ------------------------------------------------------------------------------


def _admin_client(user):
    client = Client()
    client.force_login(user)
    return client


def test_a_superuser_reads_the_trail_in_the_admin_but_cannot_change_or_delete_it(claim, editor):
    event = audit_record(action=AuditAction.CLAIM_REJECTED, actor=editor, claim=claim, details={"reason": "<i>x</i>"})
    root = _admin_client(get_user_model().objects.create_superuser("root", "root@example.org", "x"))
    change_url = reverse("admin:core_auditevent_change", args=[event.pk])

    listing = root.get(reverse("admin:core_auditevent_changelist"))
    posted = root.post(change_url, {"actor_name": "someone else", "details": "{}"})
    deleting = root.post(reverse("admin:core_auditevent_delete", args=[event.pk]), {"post": "yes"})

    assert listing.status_code == 200
    assert "edith rejected the claim: \u201c&lt;i&gt;x&lt;/i&gt;\u201d" in listing.content.decode()
    assert posted.status_code == 403
    assert deleting.status_code == 403
    event = AuditEvent.objects.get()
    assert (event.actor_name, event.details) == ("edith", {"reason": "<i>x</i>"})


def test_a_desk_admin_with_staff_access_cannot_read_the_trail(claim, desk, editor):
    audit_record(action=AuditAction.CLAIM_REJECTED, actor=editor, claim=claim, details={"reason": "x"})
    desk_admin = factories.MemberFactory(desk=desk, role="admin", username="ada").user
    desk_admin.is_staff = True
    desk_admin.save()

    response = _admin_client(desk_admin).get(reverse("admin:core_auditevent_changelist"))

    assert response.status_code == 403
