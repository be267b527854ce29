"""Editors' list of submitted verdicts waiting for their approval."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from apps.reviews.models import Rating, TaskStatus, Verdict
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
