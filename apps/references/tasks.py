"""Celery tasks for the references stage: thin wrappers that load by id and call one service.

They run on the "fetch" queue (CELERY_TASK_ROUTES), so slow sites never hold up CPU work;
`reference_evidence_task`, which only parses, runs on the default queue.
They are late-acknowledged and requeued if their worker dies (settings), which is safe because
every service they call is idempotent; the job row's attempt counter stops a task that kills
its worker every time.
"""

from __future__ import annotations

from typing import Any

from celery import shared_task
from celery.contrib.django.task import DjangoTask
from django.conf import settings

from apps.core.failures import Failure
from apps.core.http import TransientFetchError


class ReferenceGatherTask(DjangoTask):
    def on_failure(self, exc: BaseException, task_id: str, args: Any, kwargs: Any, einfo: Any) -> None:
        """Retries exhausted, a permanent error or a time limit: the job must not stay pending."""
        from apps.references.services import reference_job_fail

        claim_id = kwargs.get("claim_id") or (args[0] if args else None)
        if claim_id:
            # A failure with a code (a request's, the providers left to retry) is kept with it, to be
            # read in each reader's language; anything else is named as it was raised.
            failure = getattr(exc, "failure", None)
            error = failure if isinstance(failure, Failure) else f"{type(exc).__name__}: {exc}"
            reference_job_fail(claim_id=str(claim_id), error=error)


# Outbound work retried only on transient upstream trouble (timeouts, 429, 5xx), with backoff
# and jitter; safe to acknowledge late because each task is idempotent.
FETCH_RETRY_OPTIONS = {
    "autoretry_for": (TransientFetchError,),
    "retry_backoff": 30,
    "retry_backoff_max": settings.REFERENCE_RETRY_BACKOFF_MAX_SECONDS,
    "retry_jitter": True,
    "acks_late": True,
}


@shared_task(
    bind=True,
    base=ReferenceGatherTask,
    # Only transient upstream trouble is retried; the job's own attempt counter is the real cap.
    autoretry_for=(TransientFetchError,),
    retry_backoff=5,
    retry_backoff_max=settings.REFERENCE_RETRY_BACKOFF_MAX_SECONDS,
    retry_jitter=True,
    max_retries=settings.REFERENCE_JOB_MAX_ATTEMPTS,
    acks_late=True,
    reject_on_worker_lost=True,
)
def reference_gather_task(self: Any, claim_id: str) -> None:
    """Gather references for one claim (idempotent; a no-op once the claim's job is done)."""
    from apps.references.services import ReferenceGatherIncomplete, claim_references_gather

    try:
        claim_references_gather(claim_id=claim_id)
    except ReferenceGatherIncomplete as error:
        if not error.retry_after:
            raise  # autoretry: exponential backoff with jitter
        # The upstream said when to come back (Retry-After); capped so the countdown stays
        # well inside the broker's visibility timeout.
        countdown = min(error.retry_after, settings.REFERENCE_RETRY_BACKOFF_MAX_SECONDS)
        raise self.retry(exc=error, countdown=countdown) from error


@shared_task(acks_late=True)
def reference_jobs_requeue_stale_task() -> int:
    """Beat: re-publish gather tasks whose message was lost between commit and publish."""
    from apps.references.services import reference_jobs_requeue_stale

    return reference_jobs_requeue_stale()


@shared_task(**FETCH_RETRY_OPTIONS, max_retries=3)
def reference_archive_task(reference_id: str, request_capture: bool = True) -> None:
    """Look up (or request) an Internet Archive copy of a reference's page. Idempotent."""
    from apps.references.services import reference_archive

    reference_archive(reference_id=reference_id, request_capture=request_capture)


@shared_task(**FETCH_RETRY_OPTIONS, max_retries=3)
def source_link_archive_task(link_id: str, request_capture: bool = True) -> None:
    """Look up (or request) an Internet Archive copy of a source link's page. Idempotent."""
    from apps.references.services import source_link_archive

    source_link_archive(link_id=link_id, request_capture=request_capture)


@shared_task(**FETCH_RETRY_OPTIONS, max_retries=2)
def reference_link_check_task(reference_id: str) -> None:
    """Mark a reference's page alive or dead (keeping its archive copy). Idempotent."""
    from apps.references.services import reference_link_check

    reference_link_check(reference_id=reference_id)


@shared_task(acks_late=True)
def references_links_recheck_task() -> int:
    """Beat: queue link checks for references not checked recently."""
    from apps.references.services import references_links_recheck

    return references_links_recheck()


@shared_task(**FETCH_RETRY_OPTIONS, max_retries=3)
def reference_document_read_task(reference_id: str) -> None:
    """Read a reference's page and store its best evidence passage. Idempotent."""
    from apps.references.services import reference_document_read

    reference_document_read(reference_id=reference_id)


@shared_task(acks_late=True)
def reference_evidence_task(reference_id: str) -> None:
    """CPU work (routed to the default queue): extract a fetched page's evidence. Idempotent."""
    from apps.references.services import reference_evidence_extract

    reference_evidence_extract(reference_id=reference_id)
