"""Webhooks through a real Celery worker on the real Redis broker: the approval's transaction
commits, the worker POSTs the event to a server on 127.0.0.1, and Celery's own retry brings it
there after the server's first 500."""

import time

import pytest
from rest_framework.test import APIClient

from apps.desks.models import WebhookDelivery, WebhookDeliveryStatus
from apps.desks.webhooks import webhook_endpoint_create
from apps.reviews import services as review_services
from apps.reviews.models import Rating
from tests import factories
from tests.e2e.worker import celery_worker
from tests.fakes import FakeResponse, FakeServer

pytestmark = [pytest.mark.e2e, pytest.mark.redis, pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def receiver(settings):
    server = FakeServer({"/hook": [FakeResponse(status=500), FakeResponse(status=200)]}).start()
    settings.HTTP_ALLOWED_PRIVATE_HOSTS = [server.host]
    yield server
    server.stop()


@pytest.fixture
def worker(receiver, tmp_path):
    env = {
        "FACTCHECK_HTTP_ALLOWED_PRIVATE_HOSTS": receiver.host,
        "FACTCHECK_HTTP_HOST_MIN_INTERVAL": "0",
        # Celery's backoff from one second: the retry comes within two.
        "FACTCHECK_WEBHOOK_RETRY_BACKOFF": "1",
    }
    with celery_worker(queues=("fetch",), env=env, log_dir=tmp_path) as process:
        yield process


def _wait_until_delivered(timeout=60.0) -> WebhookDelivery:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        delivery = WebhookDelivery.objects.first()
        if delivery is not None and delivery.status == WebhookDeliveryStatus.DELIVERED:
            return delivery
        time.sleep(0.3)
    raise AssertionError(f"not delivered in {timeout}s: {list(WebhookDelivery.objects.values('status', 'last_error'))}")


def test_an_approval_reaches_the_webhook_after_a_retry(worker, receiver, desk, editor, reviewer):
    admin = factories.MemberFactory(desk=desk, role="admin", username="ada").user
    webhook_endpoint_create(actor=admin, desk=desk, url=receiver.url("/hook"), events=["verdict.approved"])
    task = factories.ReviewTaskFactory(claim__article__desk=desk)
    review_services.review_tasks_assign(editor=editor, tasks=[task], assignee=reviewer)
    rating = Rating.objects.get(scale__desk=None, label="True")
    review_services.verdict_submit(user=reviewer, task=task, rating=rating, rationale="The records show it.")
    client = APIClient()
    client.force_authenticate(editor)

    response = client.post(f"/api/v1/tasks/{task.pk}/approve/", {}, format="json")

    assert response.status_code == 200, response.content
    delivery = _wait_until_delivered()
    assert (delivery.attempts, delivery.response_status) == (2, 200)
    assert len(receiver.requests_to("/hook")) == 2
