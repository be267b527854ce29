"""POST actions: assignment, the review workflow and how refusals reach the user."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from apps.references.models import JobStatus, ReferenceJob
from apps.reviews.models import Rating, TaskStatus
from tests import factories

pytestmark = pytest.mark.django_db


def _messages(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def _assign(client, article, tasks, assignee, **extra):
    return client.post(
        reverse("reviews:assign", args=[article.pk]),
        {"tasks": [str(task.pk) for task in tasks], "assignee": assignee.pk, **extra},
    )


def test_editor_bulk_assigns_claims_to_a_reviewer(editor_client, article, veto_task, toll_task, reviewer):
    response = _assign(editor_client, article, [veto_task, toll_task], reviewer, due_date="2031-12-01")

    assert response.status_code == 302
    assert response["Location"] == reverse("articles:detail", args=[article.pk])
    assert _messages(response) == ["Assigned 2 claims to rachel."]
    for task in (veto_task, toll_task):
        task.refresh_from_db()
        assert task.status == TaskStatus.ASSIGNED
        assert task.assignee == reviewer
        assert str(task.due_date) == "2031-12-01"


def test_assigning_without_ticking_a_claim_explains_what_is_missing(editor_client, article, reviewer):
    response = _assign(editor_client, article, [], reviewer)

    assert response.status_code == 302
    assert _messages(response) == ["Tick at least one claim to assign."]


def test_assigning_to_someone_outside_the_desk_is_refused(editor_client, article, veto_task, outsider):
    response = _assign(editor_client, article, [veto_task], outsider)

    assert _messages(response) == ["Choose a reviewer of this desk."]
    veto_task.refresh_from_db()
    assert veto_task.status == TaskStatus.NEW


@pytest.mark.parametrize("assignee", ["9223372036854775808", "99999999999999999999999999", "-9223372036854775809"])
def test_assigning_to_a_user_number_past_the_databases_integers_is_refused(editor_client, article, veto_task, assignee):
    # A hand-edited form; the number cannot even be put to SQLite, which stores 64-bit integers.
    response = editor_client.post(
        reverse("reviews:assign", args=[article.pk]), {"tasks": [str(veto_task.pk)], "assignee": assignee}
    )

    assert response.status_code == 302
    assert _messages(response) == ["Choose a reviewer of this desk."]
    veto_task.refresh_from_db()
    assert veto_task.status == TaskStatus.NEW


def test_a_reviewer_cannot_assign(reviewer_client, article, veto_task, reviewer):
    response = _assign(reviewer_client, article, [veto_task], reviewer)

    assert response.status_code == 302
    assert _messages(response) == ["Only the desk's editors can do this."]
    veto_task.refresh_from_db()
    assert veto_task.status == TaskStatus.NEW


def _assigned(task, reviewer):
    task.status = TaskStatus.ASSIGNED
    task.assignee = reviewer
    task.save()
    return task


def _rating(label="False"):
    return Rating.objects.get(scale__desk__isnull=True, label=label)


def test_reviewer_starts_review_and_submits_a_verdict_citing_references(reviewer_client, reviewer, veto_task):
    _assigned(veto_task, reviewer)
    reference = factories.ReferenceFactory(claim=veto_task.claim, title="Veto list")
    claim_url = reverse("claims:detail", args=[veto_task.claim.pk])

    response = reviewer_client.post(reverse("reviews:draft", args=[veto_task.claim.pk]))
    assert response["Location"] == claim_url
    veto_task.refresh_from_db()
    assert veto_task.status == TaskStatus.IN_REVIEW

    response = reviewer_client.post(
        reverse("reviews:verdict", args=[veto_task.claim.pk]),
        {"rating": _rating("True").pk, "rationale": "Three vetoes on record.", "references": [reference.pk]},
    )

    assert response["Location"] == claim_url
    assert _messages(response)[-1] == "Verdict submitted for the editor's approval."
    veto_task.refresh_from_db()
    assert veto_task.status == TaskStatus.SUBMITTED
    assert veto_task.verdict.rationale == "Three vetoes on record."
    assert list(veto_task.verdict.cited_references.all()) == [reference]


def test_verdict_without_rationale_is_refused_with_a_message(reviewer_client, reviewer, veto_task):
    _assigned(veto_task, reviewer)

    response = reviewer_client.post(
        reverse("reviews:verdict", args=[veto_task.claim.pk]), {"rating": _rating().pk, "rationale": ""}
    )

    assert _messages(response) == ["Explain the verdict in the rationale."]
    veto_task.refresh_from_db()
    assert veto_task.status == TaskStatus.ASSIGNED


def test_another_reviewer_cannot_submit_a_verdict(second_reviewer_client, reviewer, veto_task):
    _assigned(veto_task, reviewer)

    response = second_reviewer_client.post(
        reverse("reviews:verdict", args=[veto_task.claim.pk]), {"rating": _rating().pk, "rationale": "No."}
    )

    assert response.status_code == 302
    assert _messages(response)[0] == "This claim is now assigned to rachel, so it takes no work from you."


def _submitted(client, task, reviewer):
    _assigned(task, reviewer)
    client.post(reverse("reviews:verdict", args=[task.claim.pk]), {"rating": _rating().pk, "rationale": "Checked."})


def test_editor_approves_a_submitted_verdict(editor_client, reviewer_client, reviewer, veto_task):
    _submitted(reviewer_client, veto_task, reviewer)

    page = editor_client.get(reverse("claims:detail", args=[veto_task.claim.pk])).content.decode()
    assert "Approve" in page
    response = editor_client.post(reverse("reviews:approve", args=[veto_task.claim.pk]))

    assert _messages(response) == ["Verdict approved."]
    veto_task.refresh_from_db()
    assert veto_task.status == TaskStatus.APPROVED


def test_editor_returns_a_verdict_with_a_note_the_reviewer_sees(editor_client, reviewer_client, reviewer, veto_task):
    _submitted(reviewer_client, veto_task, reviewer)

    response = editor_client.post(reverse("reviews:return", args=[veto_task.claim.pk]), {"note": "Cite the UN record."})

    assert _messages(response) == ["Verdict returned to the reviewer."]
    veto_task.refresh_from_db()
    assert veto_task.status == TaskStatus.RETURNED
    page = reviewer_client.get(reverse("claims:detail", args=[veto_task.claim.pk])).content.decode()
    assert "Cite the UN record." in page
    assert "Revise your verdict" in page


def test_returning_without_a_note_is_refused(editor_client, reviewer_client, reviewer, veto_task):
    _submitted(reviewer_client, veto_task, reviewer)

    response = editor_client.post(reverse("reviews:return", args=[veto_task.claim.pk]), {"note": ""})

    assert _messages(response) == ["Tell the reviewer why the verdict is returned."]
    veto_task.refresh_from_db()
    assert veto_task.status == TaskStatus.SUBMITTED


def test_a_reviewer_cannot_approve(reviewer_client, reviewer, veto_task):
    _submitted(reviewer_client, veto_task, reviewer)

    response = reviewer_client.post(reverse("reviews:approve", args=[veto_task.claim.pk]))

    assert _messages(response)[-1] == "Only the desk's editors can do this."
    veto_task.refresh_from_db()
    assert veto_task.status == TaskStatus.SUBMITTED


def test_approving_an_unsubmitted_verdict_explains_why_not(editor_client, veto_task):
    response = editor_client.post(reverse("reviews:approve", args=[veto_task.claim.pk]))

    assert response["Location"] == reverse("claims:detail", args=[veto_task.claim.pk])
    assert _messages(response) == ["Only a submitted verdict can be approved."]


def test_action_on_a_claim_of_another_desk_is_not_found(outsider_client, veto_task):
    response = outsider_client.post(reverse("reviews:approve", args=[veto_task.claim.pk]))

    assert response.status_code == 404


def test_editor_refreshes_a_claims_references(editor_client, veto_task, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        response = editor_client.post(reverse("claims:references-refresh", args=[veto_task.claim.pk]))

    assert response["Location"] == reverse("claims:detail", args=[veto_task.claim.pk])
    assert _messages(response) == ["References will be gathered again; this page shows them when done."]
    assert veto_task.claim.reference_job.status == JobStatus.PENDING
    assert len(callbacks) == 1


def test_a_reviewer_not_assigned_cannot_refresh_references(reviewer_client, veto_task):
    response = reviewer_client.post(reverse("claims:references-refresh", args=[veto_task.claim.pk]))

    assert _messages(response) == ["Only editors or the claim's assigned reviewer can refresh references."]
    assert not ReferenceJob.objects.exists()
