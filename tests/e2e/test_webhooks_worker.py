"""Webhooks through a real Celery worker on the real Redis broker: the approval's transaction
commits, the worker POSTs the event to a server on 127.0.0.1, and a Celery retry brings it there
after the server's first 500, or after the wait its 429 asked for."""

import time

import pytest
from rest_framework.test import APIClient

from apps.desks.models import WebhookDelivery, WebhookDeliveryStatus
from apps.desks.webhooks import webhook_endpoint_create, webhook_test_send
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
        # The backoff from one second: the retry comes within one.
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


def test_a_429_is_tried_again_no_sooner_than_its_retry_after(desk, tmp_path, settings):
    asked_at = []

    def hook(request):
        asked_at.append(time.monotonic())
        if len(asked_at) == 1:
            return FakeResponse(status=429, headers={"Retry-After": "3"})
        return FakeResponse(status=204)

    server = FakeServer({"/hook": hook}).start()
    settings.HTTP_ALLOWED_PRIVATE_HOSTS = [server.host]
    env = {
        "FACTCHECK_HTTP_ALLOWED_PRIVATE_HOSTS": server.host,
        "FACTCHECK_HTTP_HOST_MIN_INTERVAL": "0",
        "FACTCHECK_WEBHOOK_RETRY_BACKOFF": "1",
        # The client sleeps through a host's hold of up to this long; a longer one is the caller's.
        "FACTCHECK_HTTP_RETRY_MAX_DELAY": "1",
    }
    admin = factories.MemberFactory(desk=desk, role="admin", username="ada").user
    endpoint = webhook_endpoint_create(actor=admin, desk=desk, url=server.url("/hook"), events=["verdict.approved"])
    try:
        with celery_worker(queues=("fetch",), env=env, log_dir=tmp_path):
            webhook_test_send(actor=admin, endpoint=endpoint)
            delivery = _wait_until_delivered()
    finally:
        server.stop()

    # One retry, when the wait was over: the backoff alone would have come back within a second,
    # and found the host still held.
    assert (delivery.attempts, delivery.response_status) == (2, 204)
    first, second = asked_at
    assert second - first >= 3
