"""Celery tasks for accounts: thin wrappers that call one service in `apps.core.accounts`.

Sending is late-acknowledged and requeued if its worker dies (settings), which is safe because
`password_reset_email_send` claims its row before sending: a message delivered twice sends one email.
"""

from typing import Any

from celery import shared_task

from apps.core.accounts import (
    PasswordResetEmailSendError,
    password_reset_email_send,
    password_reset_emails_requeue_stale,
    sign_in_records_prune,
)
from apps.core.outbox import email_send_task_options


@shared_task(**email_send_task_options(PasswordResetEmailSendError))
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
