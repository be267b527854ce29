"""The claim page's "Add evidence by URL": a reviewer adds evidence they found and cites it."""

import pytest
from django.urls import reverse

from apps.references.models import Reference
from apps.reviews.models import Rating, TaskStatus

pytestmark = pytest.mark.django_db

RECORD_URL = "https://www.un.org/press/en/2012/sc10714.doc.htm"


def _assigned(task, reviewer):
    task.status = TaskStatus.ASSIGNED
    task.assignee = reviewer
    task.save()
    return task


def test_the_reviewer_adds_a_url_and_cites_it_in_the_verdict(reviewer_client, reviewer, veto_task):
    _assigned(veto_task, reviewer)
    claim = veto_task.claim

    response = reviewer_client.post(
        reverse("claims:reference-add", args=[claim.pk]),
        {"evidence-url": RECORD_URL, "evidence-title": "Security Council record"},
    )

    reference = Reference.objects.get(claim=claim)
    assert response["Location"] == reverse("claims:detail", args=[claim.pk]) + f"#reference-{reference.pk}"
    page = reviewer_client.get(reverse("claims:detail", args=[claim.pk])).content.decode()
    assert "Security Council record" in page
    assert "added by rachel" in page
    assert f'value="{reference.pk}"' in page  # a box to tick under "Cite references"

    rating = Rating.objects.get(scale__desk__isnull=True, label="True")
    reviewer_client.post(
        reverse("reviews:verdict", args=[claim.pk]),
        {"rating": rating.pk, "rationale": "The record lists three vetoes.", "references": [reference.pk]},
    )
    veto_task.refresh_from_db()
    assert list(veto_task.verdict.cited_references.all()) == [reference]


def test_a_refused_url_is_shown_again_beside_the_field(reviewer_client, reviewer, veto_task):
    _assigned(veto_task, reviewer)

    response = reviewer_client.post(
        reverse("claims:reference-add", args=[veto_task.claim.pk]), {"evidence-url": "http://127.0.0.1:8000/admin/"}
    )

    assert response.status_code == 400
    page = response.content.decode()
    assert 'id="id_evidence-url_error"' in page
    assert 'aria-invalid="true"' in page
    assert 'value="http://127.0.0.1:8000/admin/"' in page
    assert not Reference.objects.exists()


def test_only_the_assigned_reviewer_and_editors_see_the_form(
    reviewer_client, second_reviewer_client, editor_client, reviewer, veto_task
):
    _assigned(veto_task, reviewer)
    url = reverse("claims:detail", args=[veto_task.claim.pk])

    assert "Add evidence by URL" in reviewer_client.get(url).content.decode()
    assert "Add evidence by URL" in editor_client.get(url).content.decode()
    assert "Add evidence by URL" not in second_reviewer_client.get(url).content.decode()
