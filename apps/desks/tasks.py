"""Celery tasks for desks: thin wrappers that call one service in `apps.desks.webhooks`.

Sending is late-acknowledged and requeued if its worker dies (settings), which is safe because
`webhook_delivery_send` claims its row before sending: a message delivered twice posts once.
"""

from typing import Any

from celery import shared_task
from django.conf import settings

from apps.desks.webhooks import (
    WebhookDeliveryRetry,
    webhook_deliveries_prune,
    webhook_deliveries_requeue_stale,
    webhook_delivery_send,
)


@shared_task(
    bind=True,
    # The row's attempt counter is the real cap; this one only stops a runaway chain of retries.
    max_retries=settings.WEBHOOK_MAX_ATTEMPTS,
    acks_late=True,
    reject_on_worker_lost=True,
)
def webhook_delivery_send_task(self: Any, delivery_id: str) -> None:
    """POST one recorded delivery (idempotent; a no-op once it is delivered or given up).

    Only the endpoint's transient trouble is retried, after the wait the service planned (the
    backoff, or the endpoint's Retry-After), not Celery's own backoff. A delivery put off unsent
    (its URL's wait) is published afresh instead: it spent no attempt, so it spends none of the
    retries either, however long a burst to one URL keeps it waiting its turn.
    """
    try:
        webhook_delivery_send(delivery_id=delivery_id)
    except WebhookDeliveryRetry as retry:
        if retry.postponed:
            webhook_delivery_send_task.apply_async((delivery_id,), countdown=retry.countdown)
            return
        raise self.retry(exc=retry, countdown=retry.countdown) from None


@shared_task(acks_late=True)
def webhook_deliveries_requeue_stale_task() -> int:
    """Beat: publish again the deliveries whose message was lost between commit and publish."""
    return webhook_deliveries_requeue_stale()


@shared_task(acks_late=True)
def webhook_deliveries_prune_task() -> int:
    """Beat, daily: delete deliveries finished longer ago than the desk keeps them."""
    return webhook_deliveries_prune()
