"""Review emails through a real Celery worker on the real Redis broker: the event's transaction
commits, the worker sends the email (to files, via EMAIL_URL), once."""

import time

import pytest
from rest_framework.test import APIClient

from apps.reviews.models import Notification, NotificationStatus
from tests import factories
from tests.e2e.worker import celery_worker

pytestmark = [pytest.mark.e2e, pytest.mark.redis, pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def mail_dir(tmp_path):
    return tmp_path / "mail"


@pytest.fixture
def worker(mail_dir, tmp_path):
    env = {
        # Four slashes: an absolute path (django-environ drops the first of the path's).
        "EMAIL_URL": f"filemail:///{mail_dir}",
        "FACTCHECK_BASE_URL": "https://desk.example.org",
    }
    with celery_worker(queues=("default",), env=env, log_dir=tmp_path) as process:
        yield process


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
