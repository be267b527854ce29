"""A person's own way in: their password and their personal API token.

Desk admins create accounts (`apps.desks.services.membership_account_create`); from then on the
person manages their own sign-in here. Every change is in the audit trail, site-wide, as "set" or
"created" only: never a password, a token's key or their hashes.
"""

import datetime as dt
from typing import Literal

from axes.helpers import get_cool_off
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext
from rest_framework.authtoken.models import Token

from apps.core.audit import audit_account_event, audit_record
from apps.core.exceptions import ApplicationError
from apps.core.models import AuditAction

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
