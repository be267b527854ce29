"""Reads about reference gathering that the article and claim pages show."""

import pytest

from apps.references.models import JobStatus, ReferenceJob
from apps.references.selectors import article_reference_progress, claim_references_empty_note
from tests.factories import ArticleFactory, ClaimFactory

pytestmark = pytest.mark.django_db


def _job(article, status, **errors):
    return ReferenceJob.objects.create(claim=ClaimFactory(article=article), status=status, provider_errors=errors)


def test_progress_says_references_were_gathered_not_that_claims_were_checked(desk):
    article = ArticleFactory(desk=desk)
    _job(article, JobStatus.DONE)
    _job(article, JobStatus.DONE)

    progress = article_reference_progress(article=article)

    assert progress["label"] == "References gathered for 2 of 2 claims"
    assert "checked" not in progress["label"]


def test_progress_names_failed_claims_and_failing_providers(desk):
    article = ArticleFactory(desk=desk)
    _job(article, JobStatus.DONE, wikipedia="Cannot resolve en.wikipedia.org")
    _job(article, JobStatus.FAILED, wikipedia="Cannot resolve en.wikipedia.org", local_library="boom")
    # Still to be retried: its error may go away, so it is not counted yet.
    _job(article, JobStatus.PENDING, wikipedia="timed out")

    progress = article_reference_progress(article=article)

    assert progress["provider_failures"] == {"wikipedia": 2, "local_library": 1}
    assert progress["label"] == (
        "References gathered for 2 of 3 claims (1 could not be gathered; "
        "Local reference library failed for 1 claim; Wikipedia failed for 2 claims)"
    )


@pytest.mark.parametrize(
    ("status", "errors", "note"),
    [
        (None, {}, "References are still being gathered in the background; reload the page to see them."),
        (JobStatus.RUNNING, {}, "References are still being gathered in the background; reload the page to see them."),
        (JobStatus.DONE, {}, "No references found: every source answered, none had a match."),
        (
            JobStatus.DONE,
            {"wikipedia": "Cannot resolve en.wikipedia.org"},
            "No references found. Not every source answered (Wikipedia failed); refresh to try again.",
        ),
        (
            JobStatus.FAILED,
            {"wikipedia": "503", "local_library": "boom"},
            "References could not be gathered: Local reference library, Wikipedia failed. Refresh to try again.",
        ),
    ],
)
def test_empty_references_note_tells_running_from_none_found_from_source_down(desk, status, errors, note):
    claim = ClaimFactory(article__desk=desk)
    if status is not None:
        ReferenceJob.objects.create(claim=claim, status=status, provider_errors=errors)

    assert claim_references_empty_note(claim=claim) == note
