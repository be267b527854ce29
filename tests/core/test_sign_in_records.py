"""django-axes' rows are pruned each night after SIGN_IN_RECORDS_KEEP_DAYS, and clearing a lockout in
the Django admin is in the audit trail: who cleared whose, from which addresses."""

import datetime as dt

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from apps.core.accounts import sign_in_records_prune
from apps.core.audit import audit_event_summary
from apps.core.models import AuditAction, AuditEvent, PasswordResetEmail, PasswordResetEmailStatus
from apps.core.tasks import sign_in_records_prune_task
from tests import factories

pytestmark = pytest.mark.django_db


def _attempt(username, *, age=dt.timedelta(0), failures=5, ip="203.0.113.7", agent="browser"):
    attempt = AccessAttempt.objects.create(
        username=username, ip_address=ip, user_agent=agent, failures_since_start=failures, get_data="", post_data=""
    )
    AccessAttempt.objects.filter(pk=attempt.pk).update(attempt_time=timezone.now() - age)
    return attempt


def _logs(*, age):
    when = timezone.now() - age
    log = AccessLog.objects.create(username="ada", ip_address="203.0.113.7", user_agent="b")
    failure = AccessFailureLog.objects.create(username="ada", ip_address="203.0.113.7", user_agent="b")
    AccessLog.objects.filter(pk=log.pk).update(attempt_time=when)
    AccessFailureLog.objects.filter(pk=failure.pk).update(attempt_time=when)


def test_the_default_keeps_thirty_days_and_the_task_runs_on_the_beat():
    assert settings.SIGN_IN_RECORDS_KEEP_DAYS == 30
    tasks = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert "apps.core.tasks.sign_in_records_prune_task" in tasks


def test_rows_older_than_the_retention_are_deleted_and_newer_ones_kept():
    _attempt("old", age=dt.timedelta(days=31))
    recent = _attempt("recent", age=dt.timedelta(days=29))
    _logs(age=dt.timedelta(days=31))
    _logs(age=dt.timedelta(days=1))
    user = factories.UserFactory()
    old_email = PasswordResetEmail.objects.create(account=user, status=PasswordResetEmailStatus.SENT)
    PasswordResetEmail.objects.filter(pk=old_email.pk).update(updated_at=timezone.now() - dt.timedelta(days=31))
    pending = PasswordResetEmail.objects.create(account=user)
    PasswordResetEmail.objects.filter(pk=pending.pk).update(updated_at=timezone.now() - dt.timedelta(days=31))

    assert sign_in_records_prune_task() == 4
    assert list(AccessAttempt.objects.values_list("pk", flat=True)) == [recent.pk]
    assert AccessLog.objects.count() == AccessFailureLog.objects.count() == 1
    assert list(PasswordResetEmail.objects.values_list("pk", flat=True)) == [pending.pk]  # not sent yet: kept
    assert sign_in_records_prune() == 0  # idempotent


def test_a_lockout_longer_than_the_retention_is_not_cut_short(settings):
    settings.SIGN_IN_RECORDS_KEEP_DAYS = 1
    settings.AXES_COOLOFF_TIME = dt.timedelta(days=3)
    running = _attempt("ada", age=dt.timedelta(days=2))
    sign_in_records_prune()
    assert AccessAttempt.objects.filter(pk=running.pk).exists()


def test_clearing_a_lockout_in_the_admin_is_audited(root_client, root):
    ada = factories.UserFactory(username="ada")
    _attempt("ada", ip="203.0.113.7")
    _attempt("ada", ip="198.51.100.2", agent="phone", failures=2)

    response = root_client.post(
        reverse("admin:axes_accessattempt_changelist"),
        {
            "action": "delete_selected",
            "_selected_action": [str(pk) for pk in AccessAttempt.objects.values_list("pk", flat=True)],
            "post": "yes",
        },
    )

    assert response.status_code == 302
    assert not AccessAttempt.objects.exists()
    event = AuditEvent.objects.get(action=AuditAction.SIGN_IN_UNLOCKED)
    assert event.actor == root
    assert event.desk_id is None
    assert event.details["object_id"] == str(ada.pk)
    assert sorted(event.details["ip_addresses"]) == ["198.51.100.2", "203.0.113.7"]
    assert audit_event_summary(event) == (
        "root cleared the sign-in lockout of the user \u201cada\u201d (from 198.51.100.2, 203.0.113.7)"
    )


def test_deleting_one_attempt_in_the_admin_is_audited(root_client, root):
    attempt = _attempt("grace", ip="192.0.2.4")
    response = root_client.post(reverse("admin:axes_accessattempt_delete", args=[attempt.pk]), {"post": "yes"})
    assert response.status_code == 302
    event = AuditEvent.objects.get(action=AuditAction.SIGN_IN_UNLOCKED)
    assert (event.details["name"], event.details["ip_addresses"]) == ("grace", ["192.0.2.4"])
    assert not AccessAttempt.objects.exists()


def test_an_unlocked_name_signs_in_again_from_the_address(root_client):
    factories.UserFactory(username="ada")
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("login"), {"username": "ada", "password": "wrong"})
    assert client.post(reverse("login"), {"username": "ada", "password": factories.PASSWORD}).status_code == 429
    ids = [str(pk) for pk in AccessAttempt.objects.values_list("pk", flat=True)]
    root_client.post(
        reverse("admin:axes_accessattempt_changelist"),
        {"action": "delete_selected", "_selected_action": ids, "post": "yes"},
    )
    assert client.post(reverse("login"), {"username": "ada", "password": factories.PASSWORD}).status_code == 302
