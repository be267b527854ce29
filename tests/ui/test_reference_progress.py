"""The article page says references were gathered (not that claims were checked) and names the
sources that failed; a claim page without references says whether gathering is still running,
found nothing, or a source failed."""

import pytest
from django.urls import reverse
from django.utils import timezone

from apps.references.models import JobStatus
from tests import factories

pytestmark = pytest.mark.django_db


def _finish(task, *, provider_errors=None, status=JobStatus.DONE):
    return factories.ReferenceJobFactory(
        claim=task.claim, status=status, finished_at=timezone.now(), provider_errors=provider_errors or {}
    )


def test_the_article_page_counts_gathered_references_and_names_failed_sources(
    editor_client, article, veto_task, toll_task
):
    _finish(veto_task, provider_errors={"wikipedia": "Cannot resolve en.wikipedia.org"})

    page = editor_client.get(reverse("articles:detail", args=[article.pk])).content.decode()

    assert "claims checked" not in page
    assert "References gathered for 1 of 2 claims (Wikipedia failed for 1 claim)" in page


def test_the_progress_endpoint_names_failed_sources(editor_client, article, veto_task):
    _finish(veto_task, provider_errors={"wikipedia": "Cannot resolve en.wikipedia.org"})

    progress = editor_client.get(reverse("articles:progress", args=[article.pk])).json()

    assert progress["label"] == "References gathered for 1 of 1 claims (Wikipedia failed for 1 claim)"
    assert progress["provider_failures"] == {"wikipedia": 1}
    assert progress["gathered"] == 1


def test_a_claim_still_gathering_says_so(editor_client, veto_task):
    factories.ReferenceJobFactory(claim=veto_task.claim, status=JobStatus.PENDING)

    page = editor_client.get(reverse("claims:detail", args=[veto_task.claim.pk])).content.decode()

    assert "References are still being gathered" in page
    assert "No references yet" not in page


def test_a_claim_whose_sources_failed_names_them(editor_client, veto_task):
    _finish(veto_task, provider_errors={"wikipedia": "Cannot resolve en.wikipedia.org"})

    page = editor_client.get(reverse("claims:detail", args=[veto_task.claim.pk])).content.decode()

    assert "No references found. Not every source answered (Wikipedia failed)" in page


def test_a_claim_with_nothing_found_says_so(editor_client, veto_task):
    _finish(veto_task)

    page = editor_client.get(reverse("claims:detail", args=[veto_task.claim.pk])).content.decode()

    assert "No references found: every source answered, none had a match." in page
