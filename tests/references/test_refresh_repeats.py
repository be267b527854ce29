"""Refreshing a claim's references while its gathering is still queued or running queues nothing
more: every POST published another gather task, each asking every provider again."""

import pytest
from django.urls import reverse

from apps.references.models import JobStatus, ReferenceJob
from apps.references.services import claim_references_refresh
from tests.factories import ClaimFactory, ReferenceJobFactory

pytestmark = pytest.mark.django_db


def test_repeated_refresh_requests_queue_one_gathering(desk, editor_api, django_capture_on_commit_callbacks):
    claim = ClaimFactory(article__desk=desk)
    ReferenceJobFactory(claim=claim, status=JobStatus.DONE, attempts=1)
    url = reverse("api:claim-refresh-references", args=[claim.id])

    with django_capture_on_commit_callbacks() as callbacks:
        responses = [editor_api.post(url) for _ in range(10)]

    assert {response.status_code for response in responses} == {202}
    assert {response.json()["status"] for response in responses} == {"pending"}
    assert len(callbacks) == 1


def test_a_running_gathering_is_left_to_finish(editor, desk, django_capture_on_commit_callbacks):
    claim = ClaimFactory(article__desk=desk)
    ReferenceJobFactory(claim=claim, status=JobStatus.RUNNING, attempts=2)

    with django_capture_on_commit_callbacks() as callbacks:
        job = claim_references_refresh(claim=claim, user=editor)

    assert (job.status, job.attempts) == (JobStatus.RUNNING, 2)
    assert callbacks == []
    assert ReferenceJob.objects.get(claim=claim).status == JobStatus.RUNNING


def test_a_claim_without_a_job_gets_one_queued(editor, desk, django_capture_on_commit_callbacks):
    claim = ClaimFactory(article__desk=desk)

    with django_capture_on_commit_callbacks() as callbacks:
        job = claim_references_refresh(claim=claim, user=editor)

    assert job.status == JobStatus.PENDING
    assert len(callbacks) == 1
