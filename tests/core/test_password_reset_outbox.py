"""A forgotten password's email is sent by a worker, not in the request: the form writes an outbox row
and publishes its send task after commit; sending claims the row first, so a message delivered twice
sends one email; mail-server trouble is retried with backoff until NOTIFICATION_MAX_ATTEMPTS."""

import datetime as dt

import pytest
from django.conf import settings
from django.core import mail
from django.core.mail import EmailMessage
from django.db import transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from apps.core import tasks as core_tasks
from apps.core.accounts import (
    PasswordResetEmailSendError,
    password_reset_email_send,
    password_reset_emails_record,
    password_reset_emails_requeue_stale,
)
from apps.core.models import PasswordResetEmail, PasswordResetEmailStatus
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(monkeypatch):
    ids: list[str] = []
    # Published at once: the test's transaction never commits (the after-commit step has its own test).
    monkeypatch.setattr(core_tasks.password_reset_email_send_task, "delay_on_commit", ids.append)
    return ids


def _ask(email="ada@example.org"):
    return Client().post(reverse("password_reset"), {"email": email})


def test_the_request_only_records_the_email_and_publishes_it_after_commit(published):
    factories.UserFactory(username="ada", email="ada@example.org")

    response = _ask()

    assert response["Location"] == reverse("password_reset_done")
    assert mail.outbox == []  # nothing sent in the request
    row = PasswordResetEmail.objects.get()
    assert row.status == PasswordResetEmailStatus.PENDING
    assert published == [str(row.pk)]


def test_the_task_is_published_only_once_the_transaction_commits(monkeypatch, django_capture_on_commit_callbacks):
    published: list[str] = []
    monkeypatch.setattr(core_tasks.password_reset_email_send_task, "delay", published.append)
    user = factories.UserFactory(email="ada@example.org")
    with django_capture_on_commit_callbacks(execute=True) as callbacks, transaction.atomic():
        password_reset_emails_record(accounts=[user])
        assert published == []
    assert len(callbacks) == 1
    assert len(published) == 1


def test_an_unknown_address_records_nothing(published):
    _ask("nobody@example.org")
    assert not PasswordResetEmail.objects.exists()
    assert published == []


def test_sending_twice_sends_one_email_with_a_working_link(published):
    factories.UserFactory(username="ada", email="ada@example.org")
    _ask()
    [email_id] = published

    first = password_reset_email_send(email_id=email_id)
    second = password_reset_email_send(email_id=email_id)

    assert first.status == PasswordResetEmailStatus.SENT
    assert second is None
    [message] = mail.outbox
    assert message.to == ["ada@example.org"]
    assert message.subject == "Set a new password on factcheck"
    assert message.extra_headers["Auto-Submitted"] == "auto-generated"
    assert f"{settings.SITE_URL}/reset/" in message.body


def test_mail_server_trouble_is_retried_then_marked_failed(published, monkeypatch, settings):
    settings.NOTIFICATION_MAX_ATTEMPTS = 2
    factories.UserFactory(email="ada@example.org")
    _ask()
    [email_id] = published

    def refuse(self, *args, **kwargs):
        raise OSError("connection refused")

    monkeypatch.setattr(EmailMessage, "send", refuse)
    with pytest.raises(PasswordResetEmailSendError):
        password_reset_email_send(email_id=email_id)
    row = PasswordResetEmail.objects.get()
    assert (row.status, row.attempts) == (PasswordResetEmailStatus.PENDING, 1)

    failed = password_reset_email_send(email_id=email_id)  # the last attempt: no retry
    assert (failed.status, failed.attempts) == (PasswordResetEmailStatus.FAILED, 2)
    assert "connection refused" in failed.error


def test_a_link_whose_sends_keep_dying_is_given_up_after_the_last_attempt(published, monkeypatch, settings):
    settings.NOTIFICATION_MAX_ATTEMPTS = 3
    factories.UserFactory(email="ada@example.org")
    _ask()
    [email_id] = published
    sends = []

    def dies(self, *args, **kwargs):
        sends.append(self.to)
        raise RuntimeError("the worker was stopped")  # not the mail server's error: nothing is recorded

    monkeypatch.setattr(EmailMessage, "send", dies)
    sweep_at = timezone.now()
    for _attempt in range(3):
        with pytest.raises(RuntimeError):
            password_reset_email_send(email_id=email_id)
        # Left "sending", it is taken back by the sweeper once the task's time limit is long past.
        sweep_at += dt.timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT + settings.NOTIFICATION_STALE_SECONDS + 1)
        assert password_reset_emails_requeue_stale(now=sweep_at) == 1

    row = password_reset_email_send(email_id=email_id)

    assert len(sends) == 3
    assert mail.outbox == []
    assert (row.status, row.error) == (PasswordResetEmailStatus.FAILED, "Stopped after 3 attempts.")
    row.refresh_from_db()
    with translation.override("fr"):
        assert row.error_for_reader == "Arrêté après 3 tentatives."
    assert password_reset_emails_requeue_stale(now=sweep_at + dt.timedelta(days=1)) == 0


def test_the_task_retries_with_backoff_on_mail_server_trouble_only():
    task = core_tasks.password_reset_email_send_task
    assert task.autoretry_for == (PasswordResetEmailSendError,)
    assert task.retry_backoff
    assert task.acks_late
    assert task.reject_on_worker_lost


def test_an_account_switched_off_since_it_asked_gets_nothing(published):
    user = factories.UserFactory(email="ada@example.org")
    _ask()
    user.is_active = False
    user.save()

    row = password_reset_email_send(email_id=published[0])

    assert row.status == PasswordResetEmailStatus.SKIPPED
    assert mail.outbox == []


def test_a_lost_message_is_published_again(published):
    user = factories.UserFactory(email="ada@example.org")
    row = PasswordResetEmail.objects.create(
        account=user, enqueued_at=timezone.now() - dt.timedelta(seconds=settings.NOTIFICATION_STALE_SECONDS + 5)
    )
    assert password_reset_emails_requeue_stale() == 1
    assert published == [str(row.pk)]
    assert password_reset_emails_requeue_stale() == 0  # published just now: not stale


def test_the_sweeper_runs_on_the_beat():
    tasks = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert "apps.core.tasks.password_reset_emails_requeue_stale_task" in tasks
