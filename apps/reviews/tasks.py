"""Celery tasks for the reviews stage: thin wrappers that call one service in
`apps.reviews.notifications`.

Sending is late-acknowledged and requeued if its worker dies (settings), which is safe because
`notification_send` claims its row before sending: a message delivered twice sends one email.
"""

from typing import Any

from celery import shared_task

from apps.core.outbox import email_send_task_options
from apps.reviews.notifications import (
    NotificationSendError,
    notification_send,
    notifications_prune,
    notifications_requeue_stale,
    overdue_digest_record,
)


@shared_task(**email_send_task_options(NotificationSendError))
def notification_send_task(self: Any, notification_id: str) -> None:
    """Send one recorded email (idempotent; a no-op once it is sent)."""
    notification_send(notification_id=notification_id)


@shared_task(acks_late=True)
def notifications_requeue_stale_task() -> int:
    """Beat: publish again the emails whose message was lost between commit and publish."""
    return notifications_requeue_stale()


@shared_task(acks_late=True)
def overdue_digest_task() -> int:
    """Beat, daily: record and send each person's digest of overdue claims (once a day)."""
    return overdue_digest_record()


@shared_task(acks_late=True)
def notifications_prune_task() -> int:
    """Beat, daily: delete outbox rows finished longer ago than the desk keeps them."""
    return notifications_prune()
