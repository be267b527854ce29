"""Corrections of approved verdicts: reopening with a note, the published finding kept meanwhile,
and a correction record for each corrected approval, never overwritten."""

import datetime as dt
import importlib
import threading

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from rest_framework.test import APIClient

from apps.claims import services as claim_services
from apps.core.audit import audit_event_summary
from apps.core.exceptions import ApplicationError, PermissionDeniedError
from apps.core.models import AuditAction, AuditEvent
from apps.reports.selectors import report_build
from apps.reviews import notifications, services
from apps.reviews.models import NotificationKind, Rating, ReviewTask, TaskStatus, VerdictCorrection, VerdictDraft
from tests import factories
from tests.concurrency import second_waits_for_first

pytestmark = pytest.mark.django_db

FIRST_APPROVAL = dt.datetime(2026, 11, 2, 9, 0, tzinfo=dt.UTC)
REOPENED = dt.datetime(2026, 11, 10, 14, 0, tzinfo=dt.UTC)
CORRECTED = dt.datetime(2026, 11, 11, 16, 30, tzinfo=dt.UTC)
NOTE = "The ministry revised the 2019 figure from 4 million to 2.5 million tonnes."


def _rating(label: str) -> Rating:
    return Rating.objects.get(scale__desk=None, label=label)


def _fresh(task: ReviewTask) -> ReviewTask:
    return ReviewTask.objects.select_related("verdict").get(pk=task.pk)


@pytest.fixture
def approved_task(desk, editor, reviewer):
    """A claim whose verdict (True, citing one reference) was approved on FIRST_APPROVAL."""
    article = factories.ArticleFactory(desk=desk)
    task = factories.ReviewTaskFactory(claim=factories.ClaimFactory(article=article))
    reference = factories.ReferenceFactory(claim=task.claim, url="https://port.example.org/2019")
    services.review_tasks_assign(editor=editor, tasks=[task], assignee=reviewer)
    services.verdict_submit(
        user=reviewer,
        task=task,
        rating=_rating("True"),
        rationale="The port's annual report lists 4 million tonnes.",
        reference_ids=[reference.pk],
    )
    with time_machine.travel(FIRST_APPROVAL, tick=False):
        services.verdict_approve(editor=editor, task=task)
    return _fresh(task)


def _reopen(task, editor, note=NOTE, **kwargs):
    with time_machine.travel(REOPENED, tick=False):
        return services.verdict_reopen(editor=editor, task=_fresh(task), note=note, **kwargs)


def _correct(task, editor, reviewer, *, rating="Mostly false", rationale="The revised report lists 2.5 million."):
    services.verdict_submit(user=reviewer, task=_fresh(task), rating=_rating(rating), rationale=rationale)
    with time_machine.travel(CORRECTED, tick=False):
        services.verdict_approve(editor=editor, task=_fresh(task))
    return _fresh(task)


# --- Services -----------------------------------------------------------------------------------


def test_reopening_returns_the_task_to_its_reviewer_and_keeps_the_published_finding(approved_task, editor, reviewer):
    revision = approved_task.verdict_revision

    correction = _reopen(approved_task, editor)

    task = _fresh(approved_task)
    assert (task.status, task.assignee, task.editor_note) == (TaskStatus.RETURNED, reviewer, NOTE)
    assert task.verdict_revision == revision + 1
    assert correction.is_open
    assert (correction.note, correction.reopened_by, correction.reopened_at) == (NOTE, editor, REOPENED)
    assert correction.previous_rating.label == "True"
    assert correction.previous_rationale == "The port's annual report lists 4 million tonnes."
    assert [ref.url for ref in correction.previous_cited_references.all()] == ["https://port.example.org/2019"]
    assert (correction.previous_reviewer, correction.previous_approved_by) == (reviewer, editor)
    assert correction.previous_approved_at == FIRST_APPROVAL


def test_approving_the_corrected_verdict_closes_the_correction_and_keeps_the_first_publication_date(
    approved_task, editor, reviewer
):
    _reopen(approved_task, editor)

    task = _correct(approved_task, editor, reviewer)

    assert task.status == TaskStatus.APPROVED
    assert task.editor_note == ""
    verdict = task.verdict
    assert (verdict.rating.label, verdict.approved_at, verdict.first_approved_at) == (
        "Mostly false",
        CORRECTED,
        FIRST_APPROVAL,
    )
    (correction,) = verdict.corrections.all()
    assert (correction.corrected_by, correction.corrected_at) == (editor, CORRECTED)
    assert (correction.previous_rating.label, correction.rating.label) == ("True", "Mostly false")
    assert correction.rationale == "The revised report lists 2.5 million."
    assert correction.rating_changed


def test_each_correction_is_kept_and_none_is_overwritten(approved_task, editor, reviewer):
    _reopen(approved_task, editor, note="The tonnage was revised.")
    _correct(approved_task, editor, reviewer, rating="Mostly false", rationale="Second version.")
    _reopen(approved_task, editor, note="A typo in the rationale.")
    task = _correct(approved_task, editor, reviewer, rating="Mostly false", rationale="Third version.")

    corrections = list(task.verdict.corrections.order_by("created_at"))
    assert [(c.note, c.previous_rating.label, c.rating.label) for c in corrections] == [
        ("The tonnage was revised.", "True", "Mostly false"),
        ("A typo in the rationale.", "Mostly false", "Mostly false"),
    ]
    assert [c.previous_rationale for c in corrections] == [
        "The port's annual report lists 4 million tonnes.",
        "Second version.",
    ]
    assert not corrections[1].rating_changed
    assert task.verdict.first_approved_at == FIRST_APPROVAL


def test_a_bulk_approval_closes_the_correction_of_a_corrected_verdict(approved_task, editor, reviewer):
    _reopen(approved_task, editor)
    services.verdict_submit(
        user=reviewer, task=_fresh(approved_task), rating=_rating("False"), rationale="Revised report."
    )
    task = _fresh(approved_task)

    outcome = services.verdicts_approve(editor=editor, seen_revisions={task.pk: task.verdict_revision})

    assert [t.pk for t in outcome.approved] == [task.pk]
    (correction,) = VerdictCorrection.objects.filter(verdict__task=task)
    assert correction.corrected_by == editor
    assert correction.rating.label == "False"
    assert _fresh(task).verdict.first_approved_at == FIRST_APPROVAL


def test_only_an_approved_verdict_can_be_reopened(desk, editor, reviewer):
    task = factories.ReviewTaskFactory(claim=factories.ClaimFactory(article=factories.ArticleFactory(desk=desk)))
    services.review_tasks_assign(editor=editor, tasks=[task], assignee=reviewer)
    services.verdict_submit(user=reviewer, task=_fresh(task), rating=_rating("True"), rationale="Checked.")

    with pytest.raises(ApplicationError) as refused:
        services.verdict_reopen(editor=editor, task=_fresh(task), note=NOTE)

    assert refused.value.status == 409
    assert refused.value.message == "Only an approved verdict can be reopened for correction; this claim is submitted."
    assert not VerdictCorrection.objects.exists()


def test_a_verdict_already_reopened_is_not_reopened_again(approved_task, editor):
    _reopen(approved_task, editor)

    with pytest.raises(ApplicationError) as refused:
        services.verdict_reopen(editor=editor, task=_fresh(approved_task), note="Another reason.")

    assert refused.value.status == 409
    assert "already reopened for correction" in refused.value.message
    assert VerdictCorrection.objects.count() == 1


def test_reopening_from_a_page_older_than_the_verdict_is_refused(approved_task, editor):
    """Two editors on the same page: the second one's reopen names a revision that has moved on."""
    shown = approved_task.verdict_revision
    _reopen(approved_task, editor, seen_revision=shown)

    with pytest.raises(ApplicationError) as refused:
        services.verdict_reopen(editor=editor, task=_fresh(approved_task), note="Late.", seen_revision=shown)

    assert refused.value.status == 409
    assert "already reopened for correction" in refused.value.message
    assert VerdictCorrection.objects.count() == 1


def test_a_stale_revision_leaves_an_approved_verdict_approved(approved_task, editor):
    with pytest.raises(ApplicationError) as refused:
        services.verdict_reopen(
            editor=editor, task=approved_task, note=NOTE, seen_revision=approved_task.verdict_revision - 1
        )

    assert refused.value.status == 409
    assert _fresh(approved_task).status == TaskStatus.APPROVED
    assert not VerdictCorrection.objects.exists()


def test_a_blank_note_is_refused(approved_task, editor):
    with pytest.raises(ApplicationError) as refused:
        services.verdict_reopen(editor=editor, task=approved_task, note="   ")

    assert refused.value.status == 400
    assert refused.value.message == services.CORRECTION_NOTE_REQUIRED
    assert _fresh(approved_task).status == TaskStatus.APPROVED


def test_a_reviewer_cannot_reopen_a_verdict(approved_task, reviewer):
    with pytest.raises(PermissionDeniedError):
        services.verdict_reopen(editor=reviewer, task=approved_task, note=NOTE)

    assert _fresh(approved_task).status == TaskStatus.APPROVED


def test_a_claim_whose_published_verdict_is_being_corrected_cannot_be_rejected(approved_task, editor):
    """Rejecting it would take the published finding out of the report while it is corrected."""
    _reopen(approved_task, editor)

    with pytest.raises(ApplicationError) as refused:
        claim_services.claim_reject(claim=approved_task.claim, user=editor, reason="Not a factual claim.")

    assert refused.value.status == 409
    assert refused.value.message.startswith("This claim's verdict is published and being corrected")
    approved_task.claim.refresh_from_db()
    assert approved_task.claim.status == "active"


def test_a_claim_whose_published_verdict_is_being_corrected_keeps_its_wording_after_a_reassignment(
    approved_task, desk, editor, reviewer
):
    # Started, then given to another reviewer, the task is "assigned" again, a state in which a
    # claim's wording is otherwise free to change; its published verdict must still not vanish.
    _reopen(approved_task, editor)
    services.review_task_start(user=reviewer, task=_fresh(approved_task))
    colleague = factories.MemberFactory(desk=desk, role="reviewer", username="rowan").user
    services.review_tasks_assign(editor=editor, tasks=[_fresh(approved_task)], assignee=colleague)
    assert _fresh(approved_task).status == TaskStatus.ASSIGNED
    # As each request reads it.
    claim = _fresh(approved_task).claim
    sibling = factories.ClaimFactory(article=claim.article, start=claim.end + 1, end=claim.end + 20)

    attempts = [
        lambda: claim_services.claim_update(
            claim=claim, user=editor, text="The port handled 2.5 million tonnes of grain in 2019."
        ),
        lambda: claim_services.claim_merge(claims=[claim, sibling], user=editor),
        lambda: claim_services.claim_merge(claims=[sibling, claim], user=editor),
        lambda: claim_services.claim_split(
            claim=claim,
            user=editor,
            parts=[{"start": claim.start, "end": claim.start + 5}, {"start": claim.start + 6, "end": claim.end}],
        ),
    ]
    for attempt in attempts:
        with pytest.raises(ApplicationError) as refused:
            attempt()
        assert refused.value.status == 409
        assert "published" in refused.value.message

    task = _fresh(approved_task)
    assert task.claim.text == claim.text
    assert task.verdict.corrections.get().is_open


def test_a_claim_whose_published_verdict_is_being_corrected_stays_in_the_pool_new_claims_are_matched_against(
    approved_task, editor, reviewer, desk
):
    _reopen(approved_task, editor)
    services.verdict_submit(
        user=reviewer, task=_fresh(approved_task), rating=_rating("Mostly false"), rationale="Revised only."
    )
    later = factories.ArticleFactory(desk=desk, title="Port volumes again")
    repeat = factories.ClaimFactory(article=later, text=approved_task.claim.text)

    (matched,) = claim_services.article_claims_match(article=later, claims=[repeat])

    # The exports still carry the published verdict, so a repeat of the claim is still a repeat of a checked one.
    assert (matched.matched_claim_id, matched.match_status) == (approved_task.claim_id, "linked")


def test_the_admin_shows_a_verdicts_corrections_read_only(approved_task, editor, client):
    _reopen(approved_task, editor)
    client.force_login(get_user_model().objects.create_superuser("root", "root@example.org", "x"))

    page = client.get(reverse("admin:reviews_verdict_change", args=[approved_task.verdict.pk])).content.decode()

    assert NOTE in page
    assert 'name="corrections-0-note"' not in page


# --- Audit trail --------------------------------------------------------------------------------


def test_reopening_and_the_corrected_approval_are_in_the_claims_history(approved_task, editor, reviewer):
    _reopen(approved_task, editor)
    _correct(approved_task, editor, reviewer)

    events = {
        event.action: event
        for event in AuditEvent.objects.filter(
            claim_id=approved_task.claim_id,
            action__in=[AuditAction.VERDICT_REOPENED, AuditAction.VERDICT_CORRECTED, AuditAction.VERDICT_APPROVED],
        )
    }
    reopened, corrected = events[AuditAction.VERDICT_REOPENED], events[AuditAction.VERDICT_CORRECTED]
    assert reopened.details == {"note": NOTE, "rating": "True"}
    assert reopened.actor_name == "edith"
    assert audit_event_summary(reopened) == f"edith reopened the approved verdict (True) for correction: “{NOTE}”"
    assert corrected.details == {
        "rating": "Mostly false",
        "previous_rating": "True",
        "rating_changed": True,
        "rationale_changed": True,
        "note": NOTE,
    }
    assert audit_event_summary(corrected) == "edith approved the corrected verdict: Mostly false (was True)"
    # The first approval stays a plain approval.
    assert AuditEvent.objects.filter(claim_id=approved_task.claim_id, action=AuditAction.VERDICT_APPROVED).count() == 1


def test_a_refused_reopen_records_nothing(approved_task, editor):
    with pytest.raises(ApplicationError):
        services.verdict_reopen(editor=editor, task=approved_task, note="")

    assert not AuditEvent.objects.filter(action=AuditAction.VERDICT_REOPENED).exists()


# --- Notification -------------------------------------------------------------------------------


@pytest.fixture
def delivered(act, settings):
    """Runs a service as a request would and delivers what it published, as a worker would: only
    the emails that service caused are in the outbox."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.SITE_URL = "https://desk.example.org"

    def run(service, **kwargs):
        mail.outbox.clear()
        return act(service, **kwargs)

    return run


def test_reopening_emails_the_reviewer_with_the_note(approved_task, editor, delivered):
    delivered(services.verdict_reopen, editor=editor, task=approved_task, note=NOTE)

    (message,) = mail.outbox
    assert message.to == ["rachel@example.org"]
    assert message.subject.startswith("Your approved verdict was reopened for correction: ")
    assert "edith reopened your approved verdict for correction." in message.body
    assert NOTE in message.body
    assert f"https://desk.example.org/claims/{approved_task.claim_id}/" in message.body
    assert NOTE in message.alternatives[0][0]


def test_a_reviewer_who_turned_reopen_emails_off_gets_none(approved_task, editor, reviewer, delivered):
    notifications.notification_settings_update(user=reviewer, changes={NotificationKind.VERDICT_REOPENED: False})

    delivered(services.verdict_reopen, editor=editor, task=approved_task, note=NOTE)

    assert mail.outbox == []
    assert notifications.notification_settings_get(user=reviewer)["verdict_reopened"] is False


# --- API ----------------------------------------------------------------------------------------


def _reopen_url(task) -> str:
    return f"/api/v1/tasks/{task.pk}/reopen/"


def test_api_reopens_an_approved_verdict_and_lists_its_corrections(approved_task, editor, reviewer, editor_api):
    with time_machine.travel(REOPENED, tick=False):
        response = editor_api.post(
            _reopen_url(approved_task),
            {"note": NOTE, "verdict_revision": approved_task.verdict_revision},
            format="json",
        )

    assert response.status_code == 200, response.json()
    body = response.json()
    assert (body["status"], body["editor_note"]) == ("returned", NOTE)
    assert body["verdict_revision"] == approved_task.verdict_revision + 1
    (correction,) = body["verdict"]["corrections"]
    assert correction["note"] == NOTE
    assert correction["reopened_by"] == "edith"
    assert correction["previous_rating"] == "True"
    assert correction["previous_rationale"] == "The port's annual report lists 4 million tonnes."
    assert correction["corrected_at"] is None
    assert correction["rating"] is None
    assert body["verdict"]["first_approved_at"] == "2026-11-02T09:00:00Z"

    _correct(approved_task, editor, reviewer)
    body = editor_api.get(f"/api/v1/tasks/{approved_task.pk}/").json()
    (correction,) = body["verdict"]["corrections"]
    assert (correction["corrected_by"], correction["rating"]) == ("edith", "Mostly false")
    assert correction["corrected_at"] == "2026-11-11T16:30:00Z"
    assert body["verdict"]["approved_at"] == "2026-11-11T16:30:00Z"


def test_the_api_keeps_a_correction_s_ratings_as_published_after_they_are_renamed(
    approved_task, desk, editor, reviewer, editor_api
):
    _reopen(approved_task, editor)
    _correct(approved_task, editor, reviewer)
    admin = factories.MemberFactory(desk=desk, role="admin", username="ada").user
    scale = services.rating_scale_copy_default(user=admin, desk=desk)
    for label, new_label in {"True": "Accurate", "Mostly false": "Largely wrong"}.items():
        rating = scale.ratings.get(label=label)
        services.rating_update(
            user=admin, rating=rating, label=new_label, description="", claimreview_value=rating.claimreview_value
        )

    body = editor_api.get(f"/api/v1/tasks/{approved_task.pk}/").json()

    (correction,) = body["verdict"]["corrections"]
    assert (correction["previous_rating"], correction["rating"]) == ("True", "Mostly false")
    assert body["verdict"]["rating"]["label"] == "Largely wrong"
    assert body["verdict"]["first_approved_at"] == "2026-11-02T09:00:00Z"


@pytest.mark.parametrize("note", ["", "   "])
def test_api_refuses_a_blank_note_with_a_clear_message(approved_task, editor_api, note):
    response = editor_api.post(_reopen_url(approved_task), {"note": note}, format="json")

    assert response.status_code == 400
    assert services.CORRECTION_NOTE_REQUIRED in str(response.json())
    assert _fresh(approved_task).status == TaskStatus.APPROVED


def test_api_refuses_a_missing_note(approved_task, editor_api):
    response = editor_api.post(_reopen_url(approved_task), {}, format="json")

    assert response.status_code == 400
    assert response.json()["extra"]["fields"]["note"] == [services.CORRECTION_NOTE_REQUIRED]


def test_api_refuses_to_reopen_a_verdict_that_is_not_approved(approved_task, editor, editor_api):
    _reopen(approved_task, editor)

    response = editor_api.post(_reopen_url(approved_task), {"note": "Again."}, format="json")

    assert response.status_code == 409
    assert "already reopened for correction" in response.json()["message"]


def test_api_refuses_a_stale_revision(approved_task, editor_api):
    stale = approved_task.verdict_revision - 1
    response = editor_api.post(_reopen_url(approved_task), {"note": NOTE, "verdict_revision": stale}, format="json")

    assert response.status_code == 409
    assert response.json()["extra"] == {"verdict_revision": approved_task.verdict_revision}
    assert _fresh(approved_task).status == TaskStatus.APPROVED


def test_api_refuses_reviewers_and_hides_the_task_from_other_desks(approved_task, reviewer_api, outsider_api):
    assert reviewer_api.post(_reopen_url(approved_task), {"note": NOTE}, format="json").status_code == 403
    assert outsider_api.post(_reopen_url(approved_task), {"note": NOTE}, format="json").status_code == 404
    assert _fresh(approved_task).status == TaskStatus.APPROVED
    assert not VerdictCorrection.objects.exists()


def test_task_list_with_corrections_reads_them_in_one_query(
    approved_task, editor, reviewer, editor_api, django_assert_max_num_queries
):
    _reopen(approved_task, editor)
    _correct(approved_task, editor, reviewer)
    article = approved_task.claim.article
    for index in range(1, 6):
        task = factories.ReviewTaskFactory(claim=factories.ClaimFactory(article=article, start=index * 10))
        services.review_tasks_assign(editor=editor, tasks=[task], assignee=reviewer)
        services.verdict_submit(user=reviewer, task=_fresh(task), rating=_rating("True"), rationale="Checked.")
        services.verdict_approve(editor=editor, task=_fresh(task))
        services.verdict_reopen(editor=editor, task=_fresh(task), note=f"Correction {index}.")

    with django_assert_max_num_queries(4):
        response = editor_api.get("/api/v1/tasks/")

    rows = response.json()["results"]
    assert sorted(len(row["verdict"]["corrections"]) for row in rows) == [1] * 6


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_editors_reopening_at_once_make_one_correction(approved_task, editor, monkeypatch):
    """Both pages showed the approved verdict; the task's row lock makes the second request wait for
    the first's commit, find the verdict reopened already and refuse (409)."""
    second_editor = factories.MemberFactory(desk=approved_task.claim.article.desk, role="editor").user
    holding = threading.Event()
    notify = services.notify_verdict_reopened

    def slow_notify(**kwargs):
        notify(**kwargs)
        holding.set()
        # The second request starts now, while this transaction still holds the task's row lock.
        threading.Event().wait(1.0)

    monkeypatch.setattr(services, "notify_verdict_reopened", slow_notify)
    people = {"First": editor, "Second": second_editor}

    def reopen(label):
        client = APIClient()
        client.force_authenticate(people[label])
        body = {"note": f"{label} editor's reason.", "verdict_revision": approved_task.verdict_revision}
        return client.post(_reopen_url(approved_task), body, format="json")

    answers = second_waits_for_first(reopen, first="First", second="Second", holding=holding)

    assert (answers["First"].status_code, answers["Second"].status_code) == (200, 409)
    (correction,) = VerdictCorrection.objects.all()
    assert correction.note == "First editor's reason."


def test_the_task_says_it_is_under_correction_until_the_corrected_verdict_is_approved(
    approved_task, editor, reviewer, editor_api
):
    url = f"/api/v1/tasks/{approved_task.pk}/"
    assert editor_api.get(url).json()["under_correction"] is False
    _reopen(approved_task, editor)
    assert editor_api.get(url).json()["under_correction"] is True
    _correct(approved_task, editor, reviewer)
    assert editor_api.get(url).json()["under_correction"] is False


# --- Withdrawing a correction reopened by mistake ----------------------------------------------


def _withdraw(task, editor, **kwargs):
    return services.verdict_correction_withdraw(editor=editor, task=_fresh(task), **kwargs)


def _published_state(task):
    task = _fresh(task)
    verdict = task.verdict
    return {
        "status": task.status,
        "editor_note": task.editor_note,
        "rating": verdict.rating.label,
        "rationale": verdict.rationale,
        "cited": [reference.url for reference in verdict.cited_references.all()],
        "reviewer": verdict.reviewer.get_username(),
        "submitted_at": verdict.submitted_at,
        "approved_by": verdict.approved_by.get_username(),
        "approved_at": verdict.approved_at,
        "first_approved_at": verdict.first_approved_at,
    }


def test_withdrawing_a_correction_restores_the_verdict_as_published_and_deletes_the_reviewers_draft(
    approved_task, editor, reviewer
):
    published = _published_state(approved_task)
    _reopen(approved_task, editor)
    services.verdict_draft_save(
        user=reviewer, task=_fresh(approved_task), rating=_rating("False"), rationale="Half written."
    )
    revision = _fresh(approved_task).verdict_revision

    _withdraw(approved_task, editor)

    assert _published_state(approved_task) == published
    assert _fresh(approved_task).verdict_revision == revision + 1
    # Nothing was published about it, so the verdict has no correction to list.
    assert not VerdictCorrection.objects.exists()
    assert not VerdictDraft.objects.exists()
    event = AuditEvent.objects.get(action=AuditAction.VERDICT_CORRECTION_WITHDRAWN)
    assert (event.actor_name, event.claim_id) == ("edith", approved_task.claim_id)
    assert event.details == {
        "note": NOTE,
        "rating": "True",
        "reopened_at": REOPENED.isoformat(),
        "task_status": "in_review",
    }
    assert audit_event_summary(event) == (
        f"edith withdrew the correction opened with the note “{NOTE}”; the verdict stands as published (True)"
    )


def test_a_revision_the_editor_returned_gives_way_to_the_published_verdict_on_withdrawal(
    approved_task, editor, reviewer
):
    published = _published_state(approved_task)
    _reopen(approved_task, editor)
    services.verdict_submit(
        user=reviewer, task=_fresh(approved_task), rating=_rating("Mostly false"), rationale="Revised."
    )
    services.verdict_return(editor=editor, task=_fresh(approved_task), note="The first finding was right after all.")

    _withdraw(approved_task, editor)

    assert _published_state(approved_task) == published
    report = report_build(article=approved_task.claim.article)
    (row,) = report.rows
    assert (row.verdict.rating.label, row.verdict.corrections, row.verdict.under_correction) == ("True", [], False)


def test_a_correction_is_withdrawn_after_the_task_was_reassigned(approved_task, desk, editor, reviewer):
    _reopen(approved_task, editor)
    services.review_task_start(user=reviewer, task=_fresh(approved_task))
    colleague = factories.MemberFactory(desk=desk, role="reviewer", username="rowan").user
    services.review_tasks_assign(editor=editor, tasks=[_fresh(approved_task)], assignee=colleague)
    assert _fresh(approved_task).status == TaskStatus.ASSIGNED

    _withdraw(approved_task, editor)

    assert _published_state(approved_task)["status"] == TaskStatus.APPROVED
    assert _published_state(approved_task)["reviewer"] == "rachel"


def test_a_corrected_verdict_waiting_for_approval_is_not_withdrawn(approved_task, editor, reviewer):
    _reopen(approved_task, editor)
    services.verdict_submit(
        user=reviewer, task=_fresh(approved_task), rating=_rating("Mostly false"), rationale="Revised."
    )

    with pytest.raises(ApplicationError) as refused:
        _withdraw(approved_task, editor)

    assert refused.value.status == 409
    assert refused.value.message.startswith("The reviewer has sent a corrected verdict")
    task = _fresh(approved_task)
    assert (task.status, task.verdict.rating.label) == (TaskStatus.SUBMITTED, "Mostly false")
    assert task.verdict.corrections.get().is_open
    assert not AuditEvent.objects.filter(action=AuditAction.VERDICT_CORRECTION_WITHDRAWN).exists()


def test_withdrawing_again_changes_nothing_and_a_verdict_never_approved_has_nothing_to_withdraw(
    approved_task, desk, editor, reviewer
):
    _reopen(approved_task, editor)
    _withdraw(approved_task, editor)
    revision = _fresh(approved_task).verdict_revision

    _withdraw(approved_task, editor)

    assert _fresh(approved_task).verdict_revision == revision
    assert AuditEvent.objects.filter(action=AuditAction.VERDICT_CORRECTION_WITHDRAWN).count() == 1
    claim = approved_task.claim
    sibling = factories.ClaimFactory(article=claim.article, start=claim.end + 1, end=claim.end + 20)
    returned = factories.ReviewTaskFactory(claim=sibling)
    services.review_tasks_assign(editor=editor, tasks=[returned], assignee=reviewer)
    services.verdict_submit(user=reviewer, task=_fresh(returned), rating=_rating("True"), rationale="Checked.")
    services.verdict_return(editor=editor, task=_fresh(returned), note="Cite the report.")
    with pytest.raises(ApplicationError, match="not being corrected") as refused:
        _withdraw(returned, editor)
    assert refused.value.status == 409


def test_a_withdrawn_verdict_can_be_reopened_again(approved_task, editor, reviewer):
    _reopen(approved_task, editor, note="Reopened on the wrong claim.")
    _withdraw(approved_task, editor)

    _reopen(approved_task, editor)
    corrected = _correct(approved_task, editor, reviewer)

    (correction,) = corrected.verdict.corrections.all()
    assert (correction.note, correction.previous_rating.label, correction.rating.label) == (
        NOTE,
        "True",
        "Mostly false",
    )


def test_withdrawing_from_a_page_older_than_the_verdict_is_refused(approved_task, editor):
    _reopen(approved_task, editor)
    stale = _fresh(approved_task).verdict_revision - 1

    with pytest.raises(ApplicationError) as refused:
        _withdraw(approved_task, editor, seen_revision=stale)

    assert (refused.value.status, refused.value.extra) == (409, {"verdict_revision": stale + 1})
    assert _fresh(approved_task).status == TaskStatus.RETURNED


def test_a_reviewer_cannot_withdraw_a_correction(approved_task, editor, reviewer):
    _reopen(approved_task, editor)

    with pytest.raises(PermissionDeniedError):
        _withdraw(approved_task, reviewer)

    assert _fresh(approved_task).status == TaskStatus.RETURNED


def _withdraw_url(task) -> str:
    return f"/api/v1/tasks/{task.pk}/withdraw-correction/"


def test_api_withdraws_a_correction(approved_task, editor, editor_api, reviewer_api, outsider_api):
    _reopen(approved_task, editor)
    revision = _fresh(approved_task).verdict_revision
    assert reviewer_api.post(_withdraw_url(approved_task), {}, format="json").status_code == 403
    assert outsider_api.post(_withdraw_url(approved_task), {}, format="json").status_code == 404
    stale = editor_api.post(_withdraw_url(approved_task), {"verdict_revision": revision - 1}, format="json")
    assert (stale.status_code, stale.json()["extra"]) == (409, {"verdict_revision": revision})

    response = editor_api.post(_withdraw_url(approved_task), {"verdict_revision": revision}, format="json")

    assert response.status_code == 200, response.json()
    body = response.json()
    assert (body["status"], body["editor_note"], body["under_correction"]) == ("approved", "", False)
    assert body["verdict_revision"] == revision + 1
    assert body["verdict"]["corrections"] == []
    assert (body["verdict"]["rating"]["label"], body["verdict"]["approved_at"]) == ("True", "2026-11-02T09:00:00Z")


def test_the_claim_page_offers_editors_to_withdraw_an_open_correction(approved_task, editor, reviewer, client):
    page_url = reverse("claims:detail", args=[approved_task.claim_id])
    _reopen(approved_task, editor)
    client.force_login(reviewer)
    assert "Withdraw the correction" not in client.get(page_url).content.decode()
    client.force_login(editor)
    page = client.get(page_url).content.decode()
    assert "Withdraw the correction" in page

    response = client.post(
        reverse("reviews:withdraw-correction", args=[approved_task.claim_id]),
        {"revision": _fresh(approved_task).verdict_revision},
        follow=True,
    )

    page = response.content.decode()
    assert "Correction withdrawn. The verdict stands as published and is approved again." in page
    assert "Withdraw the correction" not in page
    assert "Reopened for correction" not in page
    assert _fresh(approved_task).status == TaskStatus.APPROVED


def test_the_claim_page_offers_no_withdrawal_while_a_corrected_verdict_waits_for_approval(
    approved_task, editor, reviewer, client
):
    _reopen(approved_task, editor)
    services.verdict_submit(
        user=reviewer, task=_fresh(approved_task), rating=_rating("Mostly false"), rationale="Revised."
    )
    client.force_login(editor)

    page = client.get(reverse("claims:detail", args=[approved_task.claim_id])).content.decode()

    assert "Reopened for correction" in page
    assert "Withdraw the correction" not in page


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_reviewer_submitting_while_the_correction_is_withdrawn_waits_and_is_refused(
    approved_task, editor, reviewer, monkeypatch
):
    """The reviewer's page showed the returned verdict; the task's row lock makes their submit wait for
    the withdrawal's commit, find the verdict approved again and refuse (409), so the published
    finding is never overwritten by a revision nobody will approve."""
    _reopen(approved_task, editor)
    revision = _fresh(approved_task).verdict_revision
    holding = threading.Event()
    record = services.audit_record

    def slow_record(**kwargs):
        record(**kwargs)
        if kwargs["action"] == AuditAction.VERDICT_CORRECTION_WITHDRAWN:
            holding.set()
            # The reviewer's request starts now, while the withdrawal still holds the task's row lock.
            threading.Event().wait(1.0)

    monkeypatch.setattr(services, "audit_record", slow_record)
    false = _rating("False")

    def send(label):
        client = APIClient()
        if label == "withdraw":
            client.force_authenticate(editor)
            return client.post(_withdraw_url(approved_task), {"verdict_revision": revision}, format="json")
        client.force_authenticate(reviewer)
        body = {"rating": str(false.pk), "rationale": "Revised.", "verdict_revision": revision}
        return client.post(f"/api/v1/tasks/{approved_task.pk}/verdict/", body, format="json")

    answers = second_waits_for_first(send, first="withdraw", second="submit", holding=holding)

    assert (answers["withdraw"].status_code, answers["submit"].status_code) == (200, 409)
    task = _fresh(approved_task)
    assert (task.status, task.verdict.rating.label) == (TaskStatus.APPROVED, "True")
    assert not VerdictCorrection.objects.exists()


def test_withdrawing_a_correction_tells_the_reviewer_there_is_nothing_to_revise(approved_task, editor, delivered):
    _reopen(approved_task, editor)

    delivered(services.verdict_correction_withdraw, editor=editor, task=_fresh(approved_task))

    (message,) = mail.outbox
    assert message.to == ["rachel@example.org"]
    assert message.subject.startswith("Correction withdrawn, nothing to revise: ")
    assert "edith withdrew the correction of this verdict" in message.body
    assert NOTE in message.body
    assert "The verdict stands as it was published and is approved again" in message.body
    assert f"https://desk.example.org/claims/{approved_task.claim_id}/" in message.body
    assert NOTE in message.alternatives[0][0]


def test_a_reviewer_who_turned_withdrawal_emails_off_gets_none(approved_task, editor, reviewer, delivered):
    notifications.notification_settings_update(user=reviewer, changes={NotificationKind.CORRECTION_WITHDRAWN: False})
    _reopen(approved_task, editor)

    delivered(services.verdict_correction_withdraw, editor=editor, task=_fresh(approved_task))

    assert mail.outbox == []


def test_the_migration_fills_the_labels_of_corrections_written_before_it(approved_task, editor, reviewer):
    """reviews 0009 backfills the new label columns from the ratings the rows point at."""
    from django.apps import apps as installed_apps

    backfill = importlib.import_module("apps.reviews.migrations.0009_verdict_correction_rating_labels")
    _reopen(approved_task, editor)
    _correct(approved_task, editor, reviewer)
    _reopen(approved_task, editor, note="Still open.")
    VerdictCorrection.objects.update(previous_rating_label="", rating_label="")

    backfill.labels_backfill(installed_apps, None)

    closed, still_open = (
        VerdictCorrection.objects.filter(corrected_at__isnull=False),
        VerdictCorrection.objects.filter(corrected_at__isnull=True),
    )
    assert list(closed.values_list("previous_rating_label", "rating_label")) == [("True", "Mostly false")]
    assert list(still_open.values_list("previous_rating_label", "rating_label")) == [("Mostly false", "")]


SUBMITTED = dt.datetime(2026, 11, 1, 17, 45, tzinfo=dt.UTC)
RESUBMITTED = dt.datetime(2026, 11, 10, 18, 0, tzinfo=dt.UTC)


def test_withdrawing_a_correction_restores_when_the_published_verdict_was_submitted(desk, editor, reviewer):
    task = factories.ReviewTaskFactory(claim=factories.ClaimFactory(article=factories.ArticleFactory(desk=desk)))
    services.review_tasks_assign(editor=editor, tasks=[task], assignee=reviewer)
    with time_machine.travel(SUBMITTED, tick=False):
        services.verdict_submit(user=reviewer, task=task, rating=_rating("True"), rationale="The report says so.")
    with time_machine.travel(FIRST_APPROVAL, tick=False):
        services.verdict_approve(editor=editor, task=_fresh(task))
    correction = _reopen(task, editor)
    with time_machine.travel(RESUBMITTED, tick=False):
        services.verdict_submit(user=reviewer, task=_fresh(task), rating=_rating("False"), rationale="Revised.")
    services.verdict_return(editor=editor, task=_fresh(task), note="The published finding was right after all.")
    assert (correction.previous_submitted_at, _fresh(task).verdict.submitted_at) == (SUBMITTED, RESUBMITTED)

    _withdraw(task, editor)

    verdict = _fresh(task).verdict
    assert (verdict.rating.label, verdict.submitted_at, verdict.approved_at) == ("True", SUBMITTED, FIRST_APPROVAL)


def test_the_migration_fills_the_submission_time_of_open_corrections_written_before_it(desk, editor, reviewer):
    """reviews 0010: an open row the reviewer has not resubmitted since takes the verdict's time; one
    resubmitted since takes the claim's last submission event before the reopening."""
    from django.apps import apps as installed_apps

    backfill = importlib.import_module("apps.reviews.migrations.0010_verdict_correction_previous_submitted_at")
    tasks = []
    for _ in range(2):
        task = factories.ReviewTaskFactory(claim=factories.ClaimFactory(article=factories.ArticleFactory(desk=desk)))
        services.review_tasks_assign(editor=editor, tasks=[task], assignee=reviewer)
        with time_machine.travel(SUBMITTED, tick=False):
            services.verdict_submit(user=reviewer, task=task, rating=_rating("True"), rationale="The report says so.")
        with time_machine.travel(FIRST_APPROVAL, tick=False):
            services.verdict_approve(editor=editor, task=_fresh(task))
        _reopen(task, editor)
        tasks.append(task)
    untouched, resubmitted = tasks
    with time_machine.travel(RESUBMITTED, tick=False):
        services.verdict_submit(user=reviewer, task=_fresh(resubmitted), rating=_rating("False"), rationale="Revised.")
    VerdictCorrection.objects.update(previous_submitted_at=None)

    backfill.open_rows_backfill(installed_apps, None)

    filled = dict(VerdictCorrection.objects.values_list("verdict__task", "previous_submitted_at"))
    assert filled == {untouched.pk: SUBMITTED, resubmitted.pk: SUBMITTED}
