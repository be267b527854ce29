"""A person's own way in: their password and their personal API token.

Desk admins create accounts (`apps.desks.services.membership_account_create`); from then on the
person manages their own sign-in here. Every change is in the audit trail, site-wide, as "set" or
"created" only: never a password, a token's key or their hashes.
"""

import datetime as dt
import hashlib
import logging
import math
import time
from typing import Literal

import redis
from axes.helpers import get_cool_off
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.cache import cache
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.db.models import F, QuerySet
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext, ngettext
from rest_framework.authtoken.models import Token

from apps.core.audit import audit_account_event, audit_record
from apps.core.exceptions import ApplicationError
from apps.core.interface_language import email_language_for
from apps.core.models import AuditAction, PasswordResetEmail, PasswordResetEmailStatus
from apps.core.outbox import (
    MAIL_SERVER_ERRORS,
    EmailOutbox,
    outbox_email_give_up_if_exhausted,
    outbox_email_send_failed,
    outbox_requeue_stale,
)
from apps.core.site import SITE_NAME

logger = logging.getLogger(__name__)

# How a password came to be set: on the account page, or from an emailed reset link.
_PASSWORD_ACTIONS = {"changed": AuditAction.PASSWORD_CHANGED, "reset": AuditAction.PASSWORD_RESET}


def account_password_set(*, account, password: str, how: Literal["changed", "reset"]) -> None:
    """Set the account's password (already checked against AUTH_PASSWORD_VALIDATORS by the form) and
    record it. Sessions signed in with the old password end at their next request (Django keeps a
    hash of the password in each session); the caller keeps the current one with
    `update_session_auth_hash`."""
    with transaction.atomic():
        account.set_password(password)
        account.save(update_fields=["password"])
        audit_account_event(action=_PASSWORD_ACTIONS[how], account=account, details={"password": "set"})


# --- A forgotten password: the emailed link ---------------------------------------------------------


class PasswordResetEmailSendError(Exception):
    """The mail server refused or could not be reached; the send is tried again later."""


PASSWORD_RESET_EMAIL_OUTBOX = EmailOutbox(
    name="password reset email",
    status="status",
    attempts="attempts",
    error="error",
    error_detail="error_detail",
    attempts_exhausted="password_reset_email_attempts_exhausted",
    send_error=PasswordResetEmailSendError,
)


_RESET_WINDOW_SECONDS = 3600


def _hourly_count(scope: str, subject: str) -> tuple[int, int]:
    """Count one more request of `scope` for `subject` in the hour from its first, in the cache under a
    hash (no address is stored readable). Returns the count and the seconds left of that hour."""
    digest = hashlib.sha256(f"{settings.SECRET_KEY}|{scope}|{subject}".encode()).hexdigest()[:40]
    key, started_key = f"{scope}:{digest}", f"{scope}:{digest}:started"
    now = time.time()
    cache.add(started_key, now, timeout=_RESET_WINDOW_SECONDS)
    cache.add(key, 0, timeout=_RESET_WINDOW_SECONDS)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between the two calls: a new hour begins
        cache.set(started_key, now, timeout=_RESET_WINDOW_SECONDS)
        cache.set(key, 1, timeout=_RESET_WINDOW_SECONDS)
        count = 1
    started = cache.get(started_key) or now
    return count, max(1, math.ceil(started + _RESET_WINDOW_SECONDS - now))


def password_reset_rate_check(*, client_address: str | None, email: str) -> None:
    """Count one request for a link from `client_address` for `email`, and refuse it (429, with the
    seconds to wait in `extra["retry_after"]`) past PASSWORD_RESETS_PER_CLIENT_PER_HOUR or
    PASSWORD_RESETS_PER_EMAIL_PER_HOUR. The address is counted whether or not an account has it, so
    the refusal says nothing about accounts. A request refused for its client is not counted against
    the email address: one place asking for many addresses can't hold back their owners' own requests."""
    limits = (
        ("password-reset:client", client_address or "unknown", settings.PASSWORD_RESETS_PER_CLIENT_PER_HOUR),
        ("password-reset:email", email.strip().lower(), settings.PASSWORD_RESETS_PER_EMAIL_PER_HOUR),
    )
    for scope, subject, limit in limits:
        if not limit:
            continue
        try:
            count, seconds_left = _hourly_count(scope, subject)
        except redis.RedisError:
            # As the tips form: a person locked out of their account is not refused because the cache is down.
            logger.warning("password reset rate not checked: the cache is unreachable", exc_info=True)
            return
        if count > limit:
            minutes = math.ceil(seconds_left / 60)
            raise ApplicationError(
                ngettext(
                    "Too many requests for a new password link. Try again in %(minutes)s minute.",
                    "Too many requests for a new password link. Try again in %(minutes)s minutes.",
                    minutes,
                )
                % {"minutes": minutes},
                status=429,
                extra={"retry_after": seconds_left},
            )


def password_reset_emails_record(*, accounts) -> int:
    """Write one outbox row per account that asked for a link (the reset form found them by their
    address) and publish each after commit. Returns how many."""
    now = timezone.now()
    rows = PasswordResetEmail.objects.bulk_create(
        [PasswordResetEmail(account=account, enqueued_at=now) for account in accounts]
    )
    for row in rows:
        _password_reset_email_publish(row.pk)
    return len(rows)


def _password_reset_email_publish(email_id) -> None:
    _password_reset_email_task().delay_on_commit(str(email_id))


def _can_reset(account) -> bool:
    return bool(account.is_active and account.has_usable_password() and account.email)


def password_reset_email_send(*, email_id: str) -> PasswordResetEmail | None:
    """Send one recorded link. Idempotent: a row already sent, or being sent by another worker, is left
    alone (None); so a message delivered twice sends one email. An account that can no longer sign in
    with a password since it asked is skipped. SMTP trouble puts the row back to pending and raises
    `PasswordResetEmailSendError` for the task to retry, until NOTIFICATION_MAX_ATTEMPTS; then it is
    marked failed, as it is when claimed again after its attempts ran out without a word
    (apps.core.outbox). The link's token is made here: it works for PASSWORD_RESET_TIMEOUT from the send."""
    now = timezone.now()
    claimed = PasswordResetEmail.objects.filter(pk=email_id, status=PasswordResetEmailStatus.PENDING).update(
        status=PasswordResetEmailStatus.SENDING, sending_since=now, attempts=F("attempts") + 1, updated_at=now
    )
    if not claimed:
        return None
    row = PasswordResetEmail.objects.select_related("account").get(pk=email_id)
    if outbox_email_give_up_if_exhausted(row, PASSWORD_RESET_EMAIL_OUTBOX):
        return row
    if not _can_reset(row.account):
        row.status = PasswordResetEmailStatus.SKIPPED
        row.save(update_fields=["status", "updated_at"])
        return row
    try:
        _password_reset_message(row.account).send()
    except MAIL_SERVER_ERRORS as error:
        return outbox_email_send_failed(row, PASSWORD_RESET_EMAIL_OUTBOX, error=error)
    row.status = PasswordResetEmailStatus.SENT
    row.error, row.error_detail = "", {}
    row.save(update_fields=["status", "error", "error_detail", "updated_at"])
    return row


def _password_reset_message(account) -> EmailMessage:
    """The email in its recipient's language, with the link built on FACTCHECK_BASE_URL."""
    context = {
        "user": account,
        "email": account.email,
        "uid": urlsafe_base64_encode(force_bytes(account.pk)),
        "token": default_token_generator.make_token(account),
        "site_name": SITE_NAME,
        "site_url": settings.SITE_URL,
        "valid_hours": max(1, settings.PASSWORD_RESET_TIMEOUT // 3600),
    }
    with translation.override(email_language_for(account)):
        subject = render_to_string("email/account/password_reset_subject.txt", context)
        body = render_to_string("email/account/password_reset.txt", context)
    # A subject takes no line breaks (a header with one is refused).
    return EmailMessage(
        subject="".join(subject.splitlines()),
        body=body,
        to=[account.email],
        headers={"Auto-Submitted": "auto-generated"},
    )


def password_reset_emails_requeue_stale(*, now: dt.datetime | None = None) -> int:
    """Beat: publish again the links whose message was lost (apps.core.outbox). Returns how many."""
    return outbox_requeue_stale(
        rows=PasswordResetEmail.objects.all(),
        send_task=_password_reset_email_task(),
        stale_seconds=settings.NOTIFICATION_STALE_SECONDS,
        now=now,
    )


def _password_reset_email_task():
    from apps.core.tasks import password_reset_email_send_task

    return password_reset_email_send_task


def password_reset_emails_prune(*, before: dt.datetime) -> int:
    """Delete the finished (sent, skipped, failed) link emails last changed before `before`."""
    finished = (PasswordResetEmailStatus.SENT, PasswordResetEmailStatus.SKIPPED, PasswordResetEmailStatus.FAILED)
    return PasswordResetEmail.objects.filter(status__in=finished, updated_at__lt=before).delete()[0]


def sign_in_lockout_ends(*, username: str, ip_address: str | None) -> dt.datetime:
    """When a locked-out name may try again from the address: AXES_COOLOFF_TIME after the failure
    that locked it (failures while locked don't restart the wait)."""
    last_failure = (
        AccessAttempt.objects.filter(username=username, ip_address=ip_address)
        .order_by("-attempt_time")
        .values_list("attempt_time", flat=True)
        .first()
    )
    return (last_failure or timezone.now()) + get_cool_off()


def account_sign_in_locked_record(*, username: str, ip_address: str | None, failures: int) -> None:
    """Record, site-wide, that sign-in as `username` from `ip_address` was locked after `failures`
    wrong passwords. The system acts: nobody is signed in. A name no account has is recorded as
    tried, so guessing at names shows too."""
    users = get_user_model()._default_manager
    account = users.filter(**{users.model.USERNAME_FIELD: username}).first() if username else None
    details = {
        "model": "user",
        "object_id": str(account.pk) if account is not None else "",
        "name": username or "",
        "ip_address": ip_address or "",
        "failures": failures,
    }
    audit_record(action=AuditAction.SIGN_IN_LOCKED, actor=None, details=details)


def on_sign_in_locked_out(sender, *, request, username, ip_address, **kwargs) -> None:
    """django-axes' `user_locked_out`, sent when a lockout begins and again at each attempt refused
    during it; only its beginning (when axes has just counted the failures) is recorded."""
    failures = getattr(request, "axes_failures_since_start", None)
    if failures is not None:
        account_sign_in_locked_record(username=username, ip_address=ip_address, failures=failures)


def sign_in_lockouts(*, usernames) -> dict[str, dt.datetime]:
    """Which of the names are locked out now (from at least one address), and when the last of their
    lockouts ends."""
    now = timezone.now()
    locked = AccessAttempt.objects.filter(
        username__in=list(usernames),
        failures_since_start__gte=settings.AXES_FAILURE_LIMIT,
        attempt_time__gt=now - get_cool_off(),
    ).values_list("username", "attempt_time")
    last_failures: dict[str, dt.datetime] = {}
    for username, attempt_time in locked:
        last_failures[username] = max(last_failures.get(username, attempt_time), attempt_time)
    return {username: last_failure + get_cool_off() for username, last_failure in last_failures.items()}


def sign_in_attempts_clear(*, attempts: QuerySet[AccessAttempt], actor, desk=None) -> int:
    """Delete django-axes' counts of failed sign-ins (a lockout among them is lifted at once) and record,
    per name, who cleared them and for which addresses: site-wide, and on `desk` too when a desk admin
    cleared them from the desk's page. Returns how many names."""
    cleared: dict[str, dict] = {}
    with transaction.atomic():
        for attempt in attempts.order_by("username", "ip_address"):
            entry = cleared.setdefault(attempt.username or "", {"ip_addresses": [], "failures": 0, "locked": False})
            if attempt.ip_address and attempt.ip_address not in entry["ip_addresses"]:
                entry["ip_addresses"].append(attempt.ip_address)
            entry["failures"] += attempt.failures_since_start
            entry["locked"] |= attempt.failures_since_start >= settings.AXES_FAILURE_LIMIT
        attempts.delete()
        users = get_user_model()._default_manager
        accounts = {
            account.get_username(): account
            for account in users.filter(**{f"{users.model.USERNAME_FIELD}__in": list(cleared)})
        }
        for username, entry in cleared.items():
            account = accounts.get(username)
            details = {
                "model": "user",
                "object_id": str(account.pk) if account is not None else "",
                "name": username,
                **entry,
            }
            audit_record(action=AuditAction.SIGN_IN_UNLOCKED, actor=actor, details=details)
            if desk is not None:
                audit_record(action=AuditAction.SIGN_IN_UNLOCKED, actor=actor, desk=desk, details=details)
    return len(cleared)


def sign_in_unlock(*, username: str, actor, desk=None) -> None:
    """Clear the failed sign-ins counted for `username` from every address (`sign_in_attempts_clear`);
    409 when there are none, so a second click says the lockout is already gone."""
    if not sign_in_attempts_clear(attempts=AccessAttempt.objects.filter(username=username), actor=actor, desk=desk):
        raise ApplicationError(
            gettext("%(username)s has no failed sign-ins to clear.") % {"username": username}, status=409
        )


def sign_in_records_prune(*, now: dt.datetime | None = None) -> int:
    """Delete django-axes' rows (counts of failures, sign-ins, refused sign-ins) older than
    SIGN_IN_RECORDS_KEEP_DAYS, never a lockout still running, and the finished password-reset emails
    as old. Idempotent. Returns how many rows."""
    now = now or timezone.now()
    cutoff = now - max(dt.timedelta(days=settings.SIGN_IN_RECORDS_KEEP_DAYS), get_cool_off())
    deleted = 0
    for model in (AccessAttempt, AccessLog, AccessFailureLog):
        deleted += model.objects.filter(attempt_time__lt=cutoff).delete()[1].get(model._meta.label, 0)
    deleted += password_reset_emails_prune(before=cutoff)
    return deleted


# --- Personal API token ---------------------------------------------------------------------------
# DRF's `Token`: one per person, sent as `Authorization: Token <key>`. It acts as the person, with
# exactly their desks and roles, so it needs no permissions of its own.


def api_token_created_at(*, user) -> dt.datetime | None:
    """When the person's token was created, or None when they have none."""
    return Token.objects.filter(user=user).values_list("created", flat=True).first()


def api_token_create(*, user) -> str:
    """A new token for a person who has none; returns its key, which is shown once and not again."""
    try:
        with transaction.atomic():
            token = Token.objects.create(user=user)
            audit_account_event(action=AuditAction.API_TOKEN_CREATED, account=user, details={"api_token": "created"})
    except IntegrityError as error:  # one per person: a second tab, or a double click
        raise ApplicationError(
            gettext("You already have an API token. Replace it to get a new key."), status=409
        ) from error
    return token.key


def api_token_rotate(*, user) -> str:
    """Replace the person's token with a new one: the old key stops working at once. Returns the new key."""
    with transaction.atomic():
        if not Token.objects.filter(user=user).delete()[0]:
            raise ApplicationError(gettext("You have no API token to replace or revoke."), status=409)
        token = Token.objects.create(user=user)
        audit_account_event(action=AuditAction.API_TOKEN_ROTATED, account=user, details={"api_token": "replaced"})
    return token.key


def api_token_revoke(*, user) -> None:
    """Delete the person's token: requests sending its key are refused from now on."""
    with transaction.atomic():
        if not Token.objects.filter(user=user).delete()[0]:
            raise ApplicationError(gettext("You have no API token to replace or revoke."), status=409)
        audit_account_event(action=AuditAction.API_TOKEN_REVOKED, account=user, details={"api_token": "revoked"})
