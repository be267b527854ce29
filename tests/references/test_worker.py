"""Reliability with a real Celery worker consuming from the real Redis broker (issue 4 §5).

A fake Wikipedia on 127.0.0.1 lets a test act in the middle of a task: its handler runs while
the worker's pool process waits for the answer, so it can SIGKILL that process (or the whole
worker) mid-task. The claim's job row and the unique (claim, url) constraint must turn the
redeliveries that follow into exactly one set of references, and a task that kills its worker
every time must stop after REFERENCE_JOB_MAX_ATTEMPTS.
"""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection

from apps.references.models import JobStatus, Reference, ReferenceJob
from apps.references.services import article_references_enqueue
from factcheck.celery import app as celery_app
from tests.factories import ArticleFactory, ClaimFactory, LibraryDocumentFactory
from tests.fakes import FakeResponse, FakeServer
from tests.fakes.wikipedia import api_handler

REPO_ROOT = Path(__file__).resolve().parents[2]
VISIBILITY_TIMEOUT = 6
pytestmark = [pytest.mark.redis, pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def _database_url() -> str:
    db = connection.settings_dict
    host = f"{db.get('HOST') or '127.0.0.1'}:{db.get('PORT') or 5432}"
    return f"postgres://{db.get('USER') or 'postgres'}@{host}/{db['NAME']}"


def _children(pid: int) -> list[int]:
    children = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        text = (task / "children").read_text().split()
        children.extend(int(child) for child in text)
    return children


class Worker:
    def __init__(self, server: FakeServer, **env: str):
        self.env = {
            **os.environ,
            "DATABASE_URL": _database_url(),
            "WIKIPEDIA_API_URL": server.url("/w/api.php"),
            "FACTCHECK_HTTP_ALLOWED_PRIVATE_HOSTS": server.host,
            "FACTCHECK_HTTP_HOST_MIN_INTERVAL": "0",
            "FACTCHECK_REFERENCE_PROVIDERS": "local_library,wikipedia",
            # A short visibility timeout so a message held by a killed worker comes back quickly;
            # the time limits must stay below it (apps/core/checks.py).
            "CELERY_VISIBILITY_TIMEOUT": str(VISIBILITY_TIMEOUT),
            "CELERY_UNACKED_RESTORE_INTERVAL": "1",
            "CELERY_TASK_SOFT_TIME_LIMIT": "4",
            "CELERY_TASK_TIME_LIMIT": "5",
            "FACTCHECK_REFERENCE_RETRY_BACKOFF_MAX": "0",
            **env,
        }
        self.processes: list[subprocess.Popen] = []

    def start(self) -> subprocess.Popen:
        command = [
            sys.executable, "-m", "celery", "-A", "factcheck", "worker", "--queues", "fetch",
            "--concurrency", "1", "--pool", "prefork", "--loglevel", "WARNING", "--without-heartbeat",
            "--without-gossip", "--without-mingle", "--hostname", f"refs-{len(self.processes)}@%h",
        ]  # fmt: skip
        process = subprocess.Popen(
            command,
            cwd=REPO_ROOT,
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        self.processes.append(process)
        return process

    def kill_pool_children(self) -> None:
        for process in self.processes:
            if process.poll() is None:
                for child in _children(process.pid):
                    os.kill(child, signal.SIGKILL)

    def stop(self) -> None:
        for process in self.processes:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
                try:
                    process.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    os.killpg(process.pid, signal.SIGKILL)
                    process.wait()


@pytest.fixture
def harness(settings):
    with celery_app.connection_for_write() as broker:
        broker.default_channel.queue_purge("fetch")
    server = FakeServer({"/w/api.php": api_handler()}).start()
    workers = []

    def make(**env):
        worker = Worker(server, **env)
        workers.append(worker)
        return worker

    yield server, make
    for worker in workers:
        worker.stop()
    server.stop()


def _enqueue_claims(count: int = 1):
    LibraryDocumentFactory(body="Russia and China vetoed three draft resolutions on Syria in the Security Council.")
    article = ArticleFactory()
    claims = ClaimFactory.create_batch(count, article=article)
    # Autocommit in a transactional test: the tasks are published at once, as after an import.
    article_references_enqueue(article=article)
    return claims


def _wait_for_jobs(claims, timeout: float = 60.0) -> list[ReferenceJob]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        jobs = list(ReferenceJob.objects.filter(claim__in=claims))
        if jobs and all(job.status in (JobStatus.DONE, JobStatus.FAILED) for job in jobs):
            return jobs
        time.sleep(0.3)
    raise AssertionError(f"jobs not finished: {list(ReferenceJob.objects.values('status', 'attempts'))}")


def _expected_urls(claim) -> int:
    return Reference.objects.filter(claim=claim).values("url").distinct().count()


def test_killing_the_pool_process_mid_task_redelivers_it_and_stores_references_once(harness):
    server, make = harness
    worker = make()
    kills = []

    def search_then_die_once(request):
        if request.param("list") == "search" and not kills:
            kills.append(time.monotonic())
            worker.kill_pool_children()
        return api_handler()(request)

    server.routes["/w/api.php"] = search_then_die_once
    worker.start()
    [claim] = _enqueue_claims()

    [job] = _wait_for_jobs([claim])

    assert kills, "the task never reached the fake server"
    assert job.status == JobStatus.DONE
    assert job.attempts == 2
    references = Reference.objects.filter(claim=claim)
    assert references.count() == _expected_urls(claim) == 3
    assert set(references.values_list("provider", flat=True)) == {"local_library", "wikipedia"}


def test_a_task_that_kills_its_worker_every_time_stops_after_the_attempt_limit(harness, settings):
    server, make = harness
    worker = make(FACTCHECK_REFERENCE_JOB_MAX_ATTEMPTS="3")

    def always_die(request):
        worker.kill_pool_children()
        return FakeResponse(status=500)

    server.routes["/w/api.php"] = always_die
    worker.start()
    [claim] = _enqueue_claims()

    [job] = _wait_for_jobs([claim])

    assert job.status == JobStatus.FAILED
    assert "Gave up after 3 attempts" in job.last_error
    assert len(server.requests_to("/w/api.php")) == 3
    assert not Reference.objects.filter(claim=claim).exists()


def test_killing_the_whole_worker_mid_task_loses_nothing(harness):
    server, make = harness
    first = make()
    second = make()
    killed = []

    def kill_worker_once(request):
        if not killed:
            killed.append(True)
            os.killpg(first.processes[0].pid, signal.SIGKILL)
            second.start()
        return api_handler()(request)

    server.routes["/w/api.php"] = kill_worker_once
    first.start()
    claims = _enqueue_claims(count=2)

    jobs = _wait_for_jobs(claims, timeout=VISIBILITY_TIMEOUT * 10)

    assert killed
    assert all(job.status == JobStatus.DONE for job in jobs)
    for claim in claims:
        assert Reference.objects.filter(claim=claim).count() == _expected_urls(claim) == 3


def test_a_provider_that_times_out_does_not_block_the_others(harness):
    server, make = harness
    worker = make(FACTCHECK_HTTP_TIMEOUT="0.5", FACTCHECK_HTTP_RETRIES="0", FACTCHECK_REFERENCE_JOB_MAX_ATTEMPTS="1")
    server.routes["/w/api.php"] = FakeResponse.json({}, delay=3)
    worker.start()
    claims = _enqueue_claims(count=2)

    jobs = _wait_for_jobs(claims, timeout=30)

    for job in jobs:
        assert job.status == JobStatus.DONE
        assert "did not answer in time" in job.provider_errors["wikipedia"]
        assert Reference.objects.filter(claim=job.claim, provider="local_library").count() == 1
