"""The outbox relay shared by the review emails, the password reset emails, the tip outcome emails
and the webhook deliveries.

Each writes one row per message inside the event's transaction and publishes its send task after
commit. A row is an outbox row when it has `status` ("pending", then "sending" while a worker
holds it, then something final; a tip calls it `email_status`), `enqueued_at` (when it was last
published), `sending_since` (when a worker claimed it) and `updated_at`.

The emails (and the tip outcome email, whose row is the tip) also share how a send ends badly,
each naming its own fields in an `EmailOutbox`: the mail server's trouble is retried up to
NOTIFICATION_MAX_ATTEMPTS (`outbox_email_send_failed`), and a row claimed again after its attempts
ran out without a word is given up (`outbox_email_give_up_if_exhausted`).
"""

import datetime as dt
import logging
import smtplib
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models import Model, Q, QuerySet
from django.utils import timezone

from apps.core.failures import Failure, failure_from_record, failure_stored

logger = logging.getLogger(__name__)

OUTBOX_PENDING = "pending"
OUTBOX_SENDING = "sending"
OUTBOX_FAILED = "failed"
OUTBOX_REQUEUE_BATCH = 500
# The mail server refused the message or could not be reached: worth trying again later.
MAIL_SERVER_ERRORS = (smtplib.SMTPException, OSError)


def outbox_requeue_stale(
    *,
    rows: QuerySet,
    send_task: Any,
    stale_seconds: int,
    now: dt.datetime | None = None,
    status_field: str = "status",
) -> int:
    """Publish again the rows whose message was lost: `send_task` with each row's id, after commit.
    Returns how many (at most OUTBOX_REQUEUE_BATCH a run; the next run takes the rest).

    Pending rows published longer than `stale_seconds` ago (or never) lost their publish: a crash
    between commit and publish, or the broker was down. Rows "sending" for longer than the task's
    hard time limit plus `stale_seconds` lost their worker. Publishing again is safe only because
    the send task claims its row first (pending -> sending), so a message delivered twice sends once.

    `status_field` names the rows' status field where it is not `status`: a tip's outcome email
    keeps its state in `email_status`, beside the tip's own.
    """
    now = now or timezone.now()
    stale_pending = now - dt.timedelta(seconds=stale_seconds)
    stale_sending = now - dt.timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT + stale_seconds)
    pending, sending = Q(**{status_field: OUTBOX_PENDING}), Q(**{status_field: OUTBOX_SENDING})
    stale = (
        (pending & Q(enqueued_at__lt=stale_pending))
        | (pending & Q(enqueued_at__isnull=True))
        | (sending & Q(sending_since__lt=stale_sending))
    )
    row_ids = list(rows.filter(stale).values_list("pk", flat=True)[:OUTBOX_REQUEUE_BATCH])
    # The same condition again: a row sent since it was read is left alone.
    rows.filter(stale, pk__in=row_ids).update(**{status_field: OUTBOX_PENDING}, enqueued_at=now, updated_at=now)
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


@dataclass(frozen=True)
class EmailOutbox:
    """What is a kind of outbox email's own: the names of its row's fields, the name logs give a row,
    the failure code (apps.core.failures) of its attempts running out, and the error its send task
    retries."""

    name: str
    status: str
    attempts: str
    error: str
    error_detail: str
    attempts_exhausted: str
    send_error: type[Exception]


def outbox_email_give_up_if_exhausted(row: Model, outbox: EmailOutbox) -> bool:
    """Mark failed a row just claimed whose attempts already exceed NOTIFICATION_MAX_ATTEMPTS, and
    say whether it did; the caller then sends nothing.

    Such a row's earlier attempts ended without a word: a worker died, or the send raised something
    other than the mail server's error, and the sweeper (`outbox_requeue_stale`) put the row back to
    pending each time; it would otherwise come back forever. Its reason is the last error an attempt
    recorded, else the kind's `attempts_exhausted` failure, worded for each reader."""
    attempts = getattr(row, outbox.attempts)
    if attempts <= settings.NOTIFICATION_MAX_ATTEMPTS:
        return False
    recorded = failure_from_record(getattr(row, outbox.error), getattr(row, outbox.error_detail))
    reason = recorded or Failure.of(outbox.attempts_exhausted, attempts=attempts - 1)
    logger.warning("%s %s given up after %s attempts: %s", outbox.name, row.pk, attempts - 1, failure_stored(reason)[0])
    _email_outcome_save(row, outbox, status=OUTBOX_FAILED, error=reason)
    return True


def outbox_email_send_failed(row: Model, outbox: EmailOutbox, *, error: Exception) -> Model:
    """The mail server refused the row's email or could not be reached (`MAIL_SERVER_ERRORS`): put the
    row back to pending with the error and raise the kind's `send_error` for its task to retry; at
    the last attempt (NOTIFICATION_MAX_ATTEMPTS) mark it failed instead, and return it."""
    described = f"{type(error).__name__}: {error}"[:1000]
    attempts = getattr(row, outbox.attempts)
    logger.warning("%s %s not sent (attempt %s): %s", outbox.name, row.pk, attempts, described)
    final = attempts >= settings.NOTIFICATION_MAX_ATTEMPTS
    # The retry is on its way: the sweeper leaves the row to it.
    row.enqueued_at = timezone.now()
    status = OUTBOX_FAILED if final else OUTBOX_PENDING
    _email_outcome_save(row, outbox, status=status, error=described, also=("enqueued_at",))
    if final:
        return row
    raise outbox.send_error(described) from error


def _email_outcome_save(
    row: Model, outbox: EmailOutbox, *, status: str, error: Failure | str, also: tuple[str, ...] = ()
) -> None:
    setattr(row, outbox.status, status)
    text, detail = failure_stored(error)
    setattr(row, outbox.error, text)
    setattr(row, outbox.error_detail, detail)
    row.save(update_fields=[outbox.status, outbox.error, outbox.error_detail, *also, "updated_at"])
