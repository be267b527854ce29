import pytest

from apps.references.models import JobStatus, Reference, ReferenceJob
from apps.references.tasks import reference_gather_task, reference_jobs_requeue_stale_task
from tests.factories import ClaimFactory, LibraryDocumentFactory, ReferenceJobFactory
from tests.fakes import FakeResponse

pytestmark = pytest.mark.django_db


def test_gather_task_runs_the_service_for_a_claim_id(settings, desk):
    settings.REFERENCE_PROVIDERS = ["local_library"]
    LibraryDocumentFactory()
    claim = ClaimFactory(article__desk=desk)
    ReferenceJobFactory(claim=claim)

    reference_gather_task(str(claim.id))

    assert ReferenceJob.objects.get(claim=claim).status == JobStatus.DONE
    assert Reference.objects.filter(claim=claim).count() == 1


def test_gather_task_for_a_missing_claim_is_a_no_op():
    reference_gather_task("00000000-0000-0000-0000-000000000000")


def test_task_failure_hook_marks_the_job_failed(desk):
    claim = ClaimFactory(article__desk=desk)
    ReferenceJobFactory(claim=claim, status=JobStatus.RUNNING)

    reference_gather_task.on_failure(RuntimeError("boom"), "task-id", (str(claim.id),), {}, None)

    job = ReferenceJob.objects.get(claim=claim)
    assert job.status == JobStatus.FAILED
    assert "boom" in job.last_error


def test_gather_task_is_routed_to_the_fetch_queue_and_retries_only_transient_errors():
    from celery import current_app

    from apps.core.http import TransientFetchError

    route = current_app.amqp.router.route({}, reference_gather_task.name)
    assert route["queue"].name == "fetch"
    assert reference_gather_task.autoretry_for == (TransientFetchError,)
    assert reference_gather_task.acks_late
    assert reference_gather_task.reject_on_worker_lost


def test_sweeper_task_publishes_lost_jobs(settings, desk, django_capture_on_commit_callbacks):
    ReferenceJobFactory(claim__article__desk=desk, enqueued_at=None)

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        assert reference_jobs_requeue_stale_task() == 1

    assert len(callbacks) == 1


def test_gather_task_retries_after_the_upstreams_retry_after(settings, desk, fake_server, monkeypatch):
    from celery.exceptions import Retry

    server = fake_server({"/w/api.php": FakeResponse(status=429, headers={"Retry-After": "45"})})
    settings.WIKIPEDIA_API_URL = server.url("/w/api.php")
    settings.REFERENCE_PROVIDERS = ["wikipedia"]
    claim = ClaimFactory(article__desk=desk)
    countdowns = []

    def fake_retry(*args, countdown=None, **kwargs):
        countdowns.append(countdown)
        return Retry("retry", when=countdown)

    monkeypatch.setattr(reference_gather_task, "retry", fake_retry)

    with pytest.raises(Retry):
        reference_gather_task(str(claim.id))

    assert countdowns == [45]
    assert ReferenceJob.objects.get(claim=claim).status == JobStatus.PENDING
