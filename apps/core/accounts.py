"""A person's own way in: their password and their personal API token.

Desk admins create accounts (`apps.desks.services.membership_account_create`); from then on the
person manages their own sign-in here. Every change is in the audit trail, site-wide, as "set" or
"created" only: never a password, a token's key or their hashes.
"""

from typing import Literal

from django.db import transaction

from apps.core.audit import audit_account_event
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
