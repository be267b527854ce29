"""The outbox relay shared by the email notifications and the webhook deliveries.

Both write one row per message inside the event's transaction and publish its send task after
commit. A row is an outbox row when it has `status` ("pending", then "sending" while a worker
holds it, then something final), `enqueued_at` (when it was last published), `sending_since`
(when a worker claimed it) and `updated_at`.
"""

import datetime as dt
from typing import Any

from django.conf import settings
from django.db.models import Q, QuerySet
from django.utils import timezone

OUTBOX_PENDING = "pending"
OUTBOX_SENDING = "sending"
OUTBOX_REQUEUE_BATCH = 500


def outbox_requeue_stale(*, rows: QuerySet, send_task: Any, stale_seconds: int, now: dt.datetime | None = None) -> int:
    """Publish again the rows whose message was lost: `send_task` with each row's id, after commit.
    Returns how many (at most OUTBOX_REQUEUE_BATCH a run; the next run takes the rest).

    Pending rows published longer than `stale_seconds` ago (or never) lost their publish: a crash
    between commit and publish, or the broker was down. Rows "sending" for longer than the task's
    hard time limit plus `stale_seconds` lost their worker. Publishing again is safe only because
    the send task claims its row first (pending -> sending), so a message delivered twice sends once.
    """
    now = now or timezone.now()
    stale_pending = now - dt.timedelta(seconds=stale_seconds)
    stale_sending = now - dt.timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT + stale_seconds)
    stale = (
        Q(status=OUTBOX_PENDING, enqueued_at__lt=stale_pending)
        | Q(status=OUTBOX_PENDING, enqueued_at__isnull=True)
        | Q(status=OUTBOX_SENDING, sending_since__lt=stale_sending)
    )
    row_ids = list(rows.filter(stale).values_list("pk", flat=True)[:OUTBOX_REQUEUE_BATCH])
    # The same condition again: a row sent since it was read is left alone.
    rows.filter(stale, pk__in=row_ids).update(status=OUTBOX_PENDING, enqueued_at=now, updated_at=now)
    for row_id in row_ids:
        send_task.delay_on_commit(str(row_id))
    return len(row_ids)


def email_send_task_options(send_error: type[Exception]) -> dict[str, Any]:
    """Celery options of a task that sends one outbox email. Only mail-server trouble (`send_error`) is
    retried, with backoff; the row's attempt counter is the real cap. Late acknowledgement, and a
    requeue if the worker dies, are safe because the send claims its row first."""
    return {
        "bind": True,
        "autoretry_for": (send_error,),
        "retry_backoff": 30,
        "retry_backoff_max": settings.NOTIFICATION_RETRY_BACKOFF_MAX_SECONDS,
        "retry_jitter": True,
        "max_retries": settings.NOTIFICATION_MAX_ATTEMPTS,
        "acks_late": True,
        "reject_on_worker_lost": True,
    }
