"""The outbox relay shared by the emails (review notifications, password resets, tip outcomes) and
webhook deliveries, called directly."""

import datetime as dt

import pytest
from django.db import transaction
from django.utils import timezone

from apps.articles.models import Tip, TipEmailStatus, TipStatus
from apps.core.outbox import OUTBOX_PENDING, OUTBOX_SENDING, outbox_requeue_stale
from apps.desks.models import WebhookDelivery, WebhookDeliveryStatus, WebhookEndpoint
from apps.reviews.models import NotificationStatus
from tests import factories

pytestmark = pytest.mark.django_db

STALE_SECONDS = 600


class FakeSendTask:
    """Records the ids it is published with, after commit, as `delay_on_commit` does."""

    def __init__(self):
        self.published = []

    def delay_on_commit(self, row_id):
        transaction.on_commit(lambda: self.published.append(row_id))


@pytest.fixture
def endpoint():
    return WebhookEndpoint.objects.create(
        desk=factories.DeskFactory(), url="https://hooks.example.org/x", events=["verdict.approved"], secret="s"
    )


def _delivery(endpoint, **fields):
    return WebhookDelivery.objects.create(
        endpoint=endpoint, event="verdict.approved", payload={}, summary="S", **fields
    )


def test_only_rows_whose_message_or_worker_was_lost_are_published_again(
    endpoint, settings, django_capture_on_commit_callbacks
):
    now = timezone.now()
    long_ago = now - dt.timedelta(seconds=STALE_SECONDS + 1)
    worker_lost = now - dt.timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT + STALE_SECONDS + 1)
    worker_busy = now - dt.timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT + STALE_SECONDS - 1)
    lost_publish = _delivery(endpoint, enqueued_at=long_ago)
    never_published = _delivery(endpoint, enqueued_at=None)
    lost_worker = _delivery(
        endpoint, status=WebhookDeliveryStatus.SENDING, enqueued_at=long_ago, sending_since=worker_lost
    )
    _delivery(endpoint, enqueued_at=now - dt.timedelta(seconds=STALE_SECONDS - 1))
    _delivery(endpoint, status=WebhookDeliveryStatus.SENDING, enqueued_at=long_ago, sending_since=worker_busy)
    _delivery(endpoint, status=WebhookDeliveryStatus.DELIVERED, enqueued_at=long_ago)
    _delivery(endpoint, status=WebhookDeliveryStatus.FAILED, enqueued_at=None)
    send_task = FakeSendTask()

    with django_capture_on_commit_callbacks(execute=True):
        requeued = outbox_requeue_stale(
            rows=WebhookDelivery.objects.all(), send_task=send_task, stale_seconds=STALE_SECONDS, now=now
        )
        assert send_task.published == [], "published only after commit"

    assert requeued == 3
    assert sorted(send_task.published) == sorted(str(row.pk) for row in (lost_publish, never_published, lost_worker))
    requeued_rows = WebhookDelivery.objects.filter(pk__in=[lost_publish.pk, never_published.pk, lost_worker.pk])
    assert {(row.status, row.enqueued_at) for row in requeued_rows} == {(WebhookDeliveryStatus.PENDING, now)}
    # Published again just now, so the next run leaves them alone.
    assert (
        outbox_requeue_stale(
            rows=WebhookDelivery.objects.all(), send_task=send_task, stale_seconds=STALE_SECONDS, now=now
        )
        == 0
    )


def test_only_the_rows_of_the_given_queryset_are_looked_at(endpoint, django_capture_on_commit_callbacks):
    other_endpoint = WebhookEndpoint.objects.create(
        desk=endpoint.desk, url="https://hooks.example.org/y", events=["verdict.approved"], secret="s"
    )
    _delivery(other_endpoint, enqueued_at=None)
    mine = _delivery(endpoint, enqueued_at=None)
    send_task = FakeSendTask()

    with django_capture_on_commit_callbacks(execute=True):
        requeued = outbox_requeue_stale(
            rows=WebhookDelivery.objects.filter(endpoint=endpoint), send_task=send_task, stale_seconds=STALE_SECONDS
        )

    assert (requeued, send_task.published) == (1, [str(mine.pk)])


def test_rows_whose_outbox_state_has_another_name_are_read_and_published_again_by_it(
    settings, django_capture_on_commit_callbacks
):
    # A tip's outcome email keeps its state in `email_status`; the tip's own `status` says where the
    # tip is, and is left as it is.
    now = timezone.now()
    long_ago = now - dt.timedelta(seconds=STALE_SECONDS + 1)
    worker_lost = now - dt.timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT + STALE_SECONDS + 1)
    desk = factories.DeskFactory()

    def tip(**fields):
        return Tip.objects.create(desk=desk, text="A claim.", tracking_token=f"t{Tip.objects.count()}", **fields)

    lost_publish = tip(status=TipStatus.CLOSED, email_status=TipEmailStatus.PENDING, enqueued_at=long_ago)
    never_published = tip(status=TipStatus.CHECKED, email_status=TipEmailStatus.PENDING, enqueued_at=None)
    lost_worker = tip(
        status=TipStatus.CLOSED, email_status=TipEmailStatus.SENDING, enqueued_at=long_ago, sending_since=worker_lost
    )
    tip(status=TipStatus.CLOSED, email_status=TipEmailStatus.PENDING, enqueued_at=now)
    tip(status=TipStatus.CLOSED, email_status=TipEmailStatus.SENT, enqueued_at=long_ago)
    tip(status=TipStatus.NEW, email_status=TipEmailStatus.NONE, enqueued_at=None)
    send_task = FakeSendTask()

    with django_capture_on_commit_callbacks(execute=True):
        requeued = outbox_requeue_stale(
            rows=Tip.objects.all(),
            send_task=send_task,
            stale_seconds=STALE_SECONDS,
            now=now,
            status_field="email_status",
        )

    assert requeued == 3
    assert sorted(send_task.published) == sorted(str(row.pk) for row in (lost_publish, never_published, lost_worker))
    requeued_rows = Tip.objects.filter(pk__in=[lost_publish.pk, never_published.pk, lost_worker.pk])
    assert {(row.status, row.email_status, row.enqueued_at) for row in requeued_rows} == {
        (TipStatus.CLOSED, TipEmailStatus.PENDING, now),
        (TipStatus.CHECKED, TipEmailStatus.PENDING, now),
    }


def test_every_outbox_names_its_states_as_the_relay_does():
    assert (NotificationStatus.PENDING, NotificationStatus.SENDING) == (OUTBOX_PENDING, OUTBOX_SENDING)
    assert (WebhookDeliveryStatus.PENDING, WebhookDeliveryStatus.SENDING) == (OUTBOX_PENDING, OUTBOX_SENDING)
    assert (TipEmailStatus.PENDING, TipEmailStatus.SENDING) == (OUTBOX_PENDING, OUTBOX_SENDING)
