"""Celery tasks for accounts: thin wrappers that call one service in `apps.core.accounts`.

Sending is late-acknowledged and requeued if its worker dies (settings), which is safe because
`password_reset_email_send` claims its row before sending: a message delivered twice sends one email.
"""

from typing import Any

from celery import shared_task
from django.conf import settings

from apps.core.accounts import (
    PasswordResetEmailSendError,
    password_reset_email_send,
    password_reset_emails_requeue_stale,
    sign_in_records_prune,
)


@shared_task(
    bind=True,
    # Only mail-server trouble is retried, with backoff; the row's attempt counter is the real cap.
    autoretry_for=(PasswordResetEmailSendError,),
    retry_backoff=30,
    retry_backoff_max=settings.NOTIFICATION_RETRY_BACKOFF_MAX_SECONDS,
    retry_jitter=True,
    max_retries=settings.NOTIFICATION_MAX_ATTEMPTS,
    acks_late=True,
    reject_on_worker_lost=True,
)
def password_reset_email_send_task(self: Any, email_id: str) -> None:
    """Send one emailed link to set a forgotten password (idempotent; a no-op once sent)."""
    password_reset_email_send(email_id=email_id)


@shared_task(acks_late=True)
def password_reset_emails_requeue_stale_task() -> int:
    """Beat: publish again the reset links whose message was lost between commit and publish."""
    return password_reset_emails_requeue_stale()


@shared_task(acks_late=True)
def sign_in_records_prune_task() -> int:
    """Beat, daily: delete sign-in records older than SIGN_IN_RECORDS_KEEP_DAYS."""
    return sign_in_records_prune()
