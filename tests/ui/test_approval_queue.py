"""Editors' list of submitted verdicts waiting for their approval."""

import pytest
from django.contrib.messages import get_messages
from django.db import connection
from django.db.models import F
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from apps.reviews.models import Rating, ReviewTask, TaskStatus, Verdict
from tests import factories

pytestmark = pytest.mark.django_db


def _submit(task, reviewer, submitted_at="2026-01-05T10:00:00Z"):
    task.status = TaskStatus.SUBMITTED
    task.assignee = reviewer
    task.save()
    Verdict.objects.create(
        task=task,
        rating=Rating.objects.get(scale__desk__isnull=True, label="Mostly true"),
        rationale="Checked against the UN record.",
        reviewer=reviewer,
        submitted_at=submitted_at,
    )
    return task


def test_the_editors_queue_lists_verdicts_waiting_for_approval_longest_waiting_first(
    editor_client, reviewer, veto_task, toll_task
):
    _submit(veto_task, reviewer, "2026-01-06T10:00:00Z")
    _submit(toll_task, reviewer, "2026-01-05T10:00:00Z")

    page = editor_client.get(reverse("reviews:queue")).content.decode()

    assert "Verdicts to approve" in page
    assert "Nothing waiting for you" not in page
    assert page.index(toll_task.claim.text) < page.index(veto_task.claim.text)
    assert "Mostly true" in page
    assert "rachel" in page


def test_the_dashboard_counts_verdicts_waiting_for_the_editors_approval(editor_client, reviewer, veto_task, toll_task):
    _submit(veto_task, reviewer)
    _submit(toll_task, reviewer)

    page = editor_client.get(reverse("dashboard")).content.decode()

    assert '<span class="count" id="queue-count">2</span>' in page


def test_reviewers_and_other_desks_editors_get_no_approvals(reviewer_client, outsider_client, reviewer, veto_task):
    _submit(veto_task, reviewer)

    for client in (reviewer_client, outsider_client):
        page = client.get(reverse("reviews:queue")).content.decode()
        assert "Verdicts to approve" not in page
        assert veto_task.claim.text not in page


def test_a_claim_page_leads_the_editor_on_to_the_next_verdict_to_approve(editor_client, reviewer, veto_task, toll_task):
    _submit(veto_task, reviewer)
    _submit(toll_task, reviewer)
    editor_client.post(reverse("reviews:approve", args=[veto_task.claim.pk]))

    page = editor_client.get(reverse("claims:detail", args=[veto_task.claim.pk])).content.decode()

    assert "Next verdict to approve" in page
    assert f'href="{reverse("claims:detail", args=[toll_task.claim.pk])}"' in page


def test_the_approval_list_costs_the_same_queries_for_more_verdicts(editor_client, article, reviewer):
    def queue_queries(count):
        for _ in range(count):
            _submit(factories.ReviewTaskFactory(claim=factories.ClaimFactory(article=article)), reviewer)
        with CaptureQueriesContext(connection) as queries:
            editor_client.get(reverse("reviews:queue"))
        return len(queries)

    assert queue_queries(1) == queue_queries(4)


def _ticked(*tasks):
    return {"approve": [f"{task.pk}:{ReviewTask.objects.get(pk=task.pk).verdict_revision}" for task in tasks]}


def _messages(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_the_approval_list_shows_each_verdicts_rationale_with_a_box_to_tick(editor_client, reviewer, veto_task):
    _submit(veto_task, reviewer)

    page = editor_client.get(reverse("reviews:queue")).content.decode()

    assert "Checked against the UN record." in page
    assert f'name="approve" value="{veto_task.pk}:0"' in page
    assert "Approve ticked verdicts" in page


def test_an_editor_approves_the_ticked_verdicts_from_the_list(editor_client, reviewer, veto_task, toll_task):
    _submit(veto_task, reviewer)
    _submit(toll_task, reviewer)

    response = editor_client.post(reverse("reviews:approve-many"), _ticked(veto_task, toll_task))

    assert response["Location"] == reverse("reviews:queue")
    assert _messages(response) == ["Approved 2 verdicts."]
    assert set(ReviewTask.objects.values_list("status", flat=True)) == {TaskStatus.APPROVED}


def test_a_verdict_resubmitted_after_the_list_was_shown_is_named_and_not_approved(
    editor_client, editor, reviewer, veto_task, toll_task
):
    _submit(veto_task, reviewer)
    _submit(toll_task, reviewer)
    shown = _ticked(veto_task, toll_task)
    # The list's verdict revision, moved on by a return and a resubmission since it was shown.
    ReviewTask.objects.filter(pk=toll_task.pk).update(verdict_revision=F("verdict_revision") + 2)

    response = editor_client.post(reverse("reviews:approve-many"), shown)

    assert _messages(response) == [
        "Approved 1 verdict.",
        "Not approved: 1 verdict, as the reviewer changed them after this list was shown; read them again: "
        "\u201cThe conflict has killed at least 40,000 people\u201d",
    ]
    toll_task.refresh_from_db()
    assert toll_task.status == TaskStatus.SUBMITTED


def test_approving_with_nothing_ticked_says_what_is_missing(editor_client):
    response = editor_client.post(reverse("reviews:approve-many"), {})

    assert _messages(response) == ["Tick at least one verdict to approve."]


def test_a_verdict_of_another_desk_cannot_be_approved_from_the_list(outsider_client, reviewer, veto_task):
    _submit(veto_task, reviewer)

    response = outsider_client.post(reverse("reviews:approve-many"), _ticked(veto_task))

    assert response.status_code == 404
    veto_task.refresh_from_db()
    assert veto_task.status == TaskStatus.SUBMITTED
