"""Review emails through a real Celery worker on the real Redis broker: the event's transaction
commits, the worker sends the email (to files, via EMAIL_URL), once."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection
from rest_framework.test import APIClient

from apps.reviews.models import Notification, NotificationStatus
from factcheck.celery import app as celery_app
from tests import factories

REPO_ROOT = Path(__file__).resolve().parents[2]
pytestmark = [pytest.mark.e2e, pytest.mark.redis, pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def _database_url() -> str:
    settings = connection.settings_dict
    host = settings.get("HOST") or "127.0.0.1"
    port = settings.get("PORT") or 5432
    user = settings.get("USER") or "postgres"
    return f"postgres://{user}@{host}:{port}/{settings['NAME']}"


@pytest.fixture
def mail_dir(tmp_path):
    return tmp_path / "mail"


@pytest.fixture
def worker(mail_dir, tmp_path):
    with celery_app.connection_for_write() as broker:
        broker.default_channel.queue_purge("default")
    env = {
        **os.environ,
        "DATABASE_URL": _database_url(),
        # Four slashes: an absolute path (django-environ drops the first of the path's).
        "EMAIL_URL": f"filemail:///{mail_dir}",
        "FACTCHECK_BASE_URL": "https://desk.example.org",
    }
    command = [
        sys.executable, "-m", "celery", "-A", "factcheck", "worker", "--queues", "default",
        "--concurrency", "2", "--pool", "prefork", "--loglevel", "INFO", "--without-heartbeat",
        "--without-gossip", "--without-mingle",
    ]  # fmt: skip
    log_path = tmp_path / "worker.log"
    with open(log_path, "wb") as log:
        process = subprocess.Popen(command, cwd=REPO_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
        yield process
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
    # Shown by pytest when the test fails.
    print(log_path.read_text(errors="replace")[-20000:])


def _wait_until_sent(timeout=60.0) -> Notification:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        notification = Notification.objects.first()
        if notification is not None and notification.status == NotificationStatus.SENT:
            return notification
        time.sleep(0.3)
    raise AssertionError(f"not sent in {timeout}s: {list(Notification.objects.values('status', 'last_error'))}")


def test_an_assignment_through_the_api_is_emailed_by_the_worker_once(worker, mail_dir, desk, editor, reviewer):
    task = factories.ReviewTaskFactory(claim__article__desk=desk, claim__article__title="Harbour dredging")
    client = APIClient()
    client.force_authenticate(editor)

    response = client.post(
        "/api/v1/tasks/assign/", {"task_ids": [str(task.pk)], "assignee": reviewer.username}, format="json"
    )

    assert response.status_code == 200, response.content
    notification = _wait_until_sent()
    assert notification.attempts == 1
    (mail_file,) = mail_dir.iterdir()
    sent = mail_file.read_text()
    assert "To: rachel@example.org" in sent
    assert "Harbour dredging" in sent
    assert f"https://desk.example.org/claims/{task.claim_id}/" in sent
