"""Celery tasks for the articles stage: thin wrappers that call one service.

Intake is late-acknowledged and requeued if its worker dies (settings): `article_intake_run`
is idempotent and counts its attempts, so a message delivered twice does no harm.
"""

from celery import shared_task
from django.conf import settings

from apps.articles.tips import TipEmailSendError
from apps.core.outbox import email_send_task_options


@shared_task(
    acks_late=True,
    reject_on_worker_lost=True,
    soft_time_limit=settings.ARTICLE_INTAKE_TIME_LIMIT_SECONDS,
    time_limit=settings.ARTICLE_INTAKE_TIME_LIMIT_SECONDS + 60,
)
def article_intake_task(article_id: str) -> None:
    """Find a long article's claims and set up their review (see `article_intake_run`)."""
    from apps.articles.services import article_intake_run

    article_intake_run(article_id=article_id)


@shared_task(acks_late=True)
def article_intakes_requeue_stale_task() -> int:
    """Beat: publish again the intakes whose message was lost."""
    from apps.articles.services import article_intakes_requeue_stale

    return article_intakes_requeue_stale()


@shared_task(**email_send_task_options(TipEmailSendError))
def tip_outcome_email_task(self, tip_id: str) -> None:
    """Tell a tipster their tip was checked or closed (idempotent; a no-op once sent)."""
    from apps.articles.tips import tip_outcome_email_send

    tip_outcome_email_send(tip_id=tip_id)


@shared_task(acks_late=True)
def tip_emails_requeue_stale_task() -> int:
    """Beat: publish again the tip emails whose message was lost."""
    from apps.articles.tips import tip_emails_requeue_stale

    return tip_emails_requeue_stale()


@shared_task(acks_late=True)
def tip_emails_erase_task() -> int:
    """Beat, hourly: erase the tipsters' email addresses no longer needed (idempotent)."""
    from apps.articles.tips import tip_emails_erase

    return tip_emails_erase()
