"""After "Refresh references" the claim page follows the gathering and shows the references once
they are in, instead of promising an update that never comes."""

import pytest
from django.urls import reverse
from django.utils import timezone

from apps.references.models import JobStatus
from tests import factories

pytestmark = pytest.mark.django_db


def _progress(client, claim):
    return client.get(reverse("claims:references-progress", args=[claim.pk]))


def test_a_claim_being_gathered_is_followed_by_the_page(editor_client, veto_task):
    claim = veto_task.claim
    factories.ReferenceJobFactory(claim=claim, status=JobStatus.RUNNING)

    page = editor_client.get(reverse("claims:detail", args=[claim.pk])).content.decode()

    assert f'data-progress-url="{reverse("claims:references-progress", args=[claim.pk])}"' in page
    assert "this page shows them when done" in page
    assert _progress(editor_client, claim).json() == {"finished": False}


def test_a_finished_claim_is_not_followed(editor_client, veto_task):
    claim = veto_task.claim
    factories.ReferenceJobFactory(claim=claim, status=JobStatus.DONE, finished_at=timezone.now())

    page = editor_client.get(reverse("claims:detail", args=[claim.pk])).content.decode()

    assert "data-progress-url" not in page
    assert _progress(editor_client, claim).json() == {"finished": True}


def test_refreshing_starts_following_the_gathering(editor_client, veto_task, monkeypatch):
    from apps.references.tasks import reference_gather_task

    monkeypatch.setattr(reference_gather_task, "delay_on_commit", lambda claim_id: None)
    claim = veto_task.claim
    factories.ReferenceJobFactory(claim=claim, status=JobStatus.DONE, finished_at=timezone.now())

    page = editor_client.post(reverse("claims:references-refresh", args=[claim.pk]), follow=True).content.decode()

    assert "References will be gathered again; this page shows them when done." in page
    assert "data-progress-url" in page


def test_the_progress_of_another_desks_claim_is_not_found(outsider_client, veto_task):
    assert _progress(outsider_client, veto_task.claim).status_code == 404
