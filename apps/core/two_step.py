"""Two-step sign-in: after the password, a code from an authenticator app (TOTP, django-otp's
`TOTPDevice`) or one of ten single-use recovery codes (a `StaticDevice`).

A person turns it on under "Your account": the page shows a new secret (unconfirmed device) and it
takes effect only once they type a current code from it. Turning it off, or replacing the recovery
codes, asks for the password. Each is recorded in the audit trail, without the secret or the codes.
A desk may require it of its people (`Desk.requires_two_step`, asked through
settings.TWO_STEP_REQUIRED_CHECK): such a person can't turn it off, and until they set it up they
reach only the set-up page (apps.web.middleware.two_step_set_up_first) and their API token is
refused (apps.core.api.authentication). A token of a person who has it on is its own credential.
"""

import base64
import re

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.module_loading import import_string
from django.utils.translation import gettext
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from apps.core.audit import audit_account_event
from apps.core.exceptions import ApplicationError
from apps.core.models import AuditAction

RECOVERY_CODE_COUNT = 10
DEVICE_NAME = "authenticator"
# An authenticator app's code is six digits; a recovery code is eight letters and digits (base32).
_TOTP_CODE = re.compile(r"\d{6}")


def _normalised(code: str) -> str:
    return re.sub(r"[\s-]", "", code or "").lower()


def two_step_device(*, user) -> TOTPDevice | None:
    """The person's confirmed authenticator, or None when two-step sign-in is off for them."""
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def two_step_waiting_account(*, user_id):
    """The account a half-done sign-in is waiting for, if it can still sign in."""
    return get_user_model()._default_manager.filter(pk=user_id, is_active=True).first()


def two_step_is_on(*, user) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def two_step_on_user_ids(*, user_ids) -> set:
    """Which of the people have two-step sign-in on (one query)."""
    return set(TOTPDevice.objects.filter(user_id__in=list(user_ids), confirmed=True).values_list("user_id", flat=True))


def two_step_required(*, user) -> bool:
    """Whether a desk the person belongs to requires two-step sign-in."""
    return import_string(settings.TWO_STEP_REQUIRED_CHECK)(user=user)


def two_step_set_up_needed(*, user) -> bool:
    """Whether the person must set up two-step sign-in before doing anything else."""
    return user.is_authenticated and two_step_required(user=user) and not two_step_is_on(user=user)


def two_step_setup_refusal() -> str:
    """What a person who must set up two-step sign-in is told when anything else refuses them."""
    return gettext("Your desk requires two-step sign-in. Set it up under Your account, Two-step sign-in, to continue.")


def two_step_recovery_codes_left(*, user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def two_step_pending_device(*, user) -> TOTPDevice:
    """The unconfirmed authenticator a person is setting up: the same secret until they confirm it, so
    reloading the page shows the QR code they may already have scanned."""
    if two_step_is_on(user=user):
        raise ApplicationError(gettext("Two-step sign-in is already on."), status=409)
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    return device or TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)


def two_step_secret(device: TOTPDevice) -> str:
    """The secret as authenticator apps take it typed in: base32, in groups of four."""
    secret = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def _new_recovery_codes(*, user) -> list[str]:
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name="recovery", confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def two_step_enable(*, user, code: str) -> tuple[TOTPDevice, list[str]]:
    """Confirm the authenticator being set up with a current code from it; returns it and ten new
    recovery codes, shown once. A wrong code leaves it unconfirmed."""
    code = _normalised(code)
    with transaction.atomic():
        device = TOTPDevice.objects.select_for_update().filter(user=user, confirmed=False).order_by("pk").first()
        if device is None or two_step_is_on(user=user):
            raise ApplicationError(gettext("Two-step sign-in is already on, or this page is out of date."), status=409)
        # A wrong code is committed as one (django-otp slows down the next tries), not rolled back.
        confirmed = bool(_TOTP_CODE.fullmatch(code)) and device.verify_token(code)
        if confirmed:
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            TOTPDevice.objects.filter(user=user, confirmed=False).delete()
            codes = _new_recovery_codes(user=user)
            audit_account_event(action=AuditAction.TWO_STEP_ENABLED, account=user, details={"two_step": "on"})
    if not confirmed:
        raise ApplicationError(gettext("That code is not right. Type the six digits your app shows now."), status=400)
    return device, codes


def _check_password(user, password: str) -> None:
    if not user.check_password(password or ""):
        raise ApplicationError(gettext("That password is not right."), status=400)


def two_step_disable(*, user, password: str) -> None:
    """Turn two-step sign-in off: the authenticator and the recovery codes are forgotten."""
    _check_password(user, password)
    if two_step_required(user=user):
        raise ApplicationError(
            gettext(
                "Your desk requires two-step sign-in, so it can't be turned off. You can replace your "
                "recovery codes, or ask a site administrator to reset it if you lost your phone."
            ),
            status=409,
        )
    with transaction.atomic():
        if not TOTPDevice.objects.filter(user=user).delete()[0]:
            raise ApplicationError(gettext("Two-step sign-in is already off."), status=409)
        StaticDevice.objects.filter(user=user).delete()
        audit_account_event(action=AuditAction.TWO_STEP_DISABLED, account=user, details={"two_step": "off"})


def two_step_reset(*, user, actor) -> None:
    """A site administrator turns two-step sign-in off for a person who lost their phone and their
    recovery codes (deleting their authenticator in the Django admin); recorded with who did it."""
    with transaction.atomic():
        was_on = two_step_is_on(user=user)
        TOTPDevice.objects.filter(user=user).delete()
        StaticDevice.objects.filter(user=user).delete()
        if was_on:
            audit_account_event(
                action=AuditAction.TWO_STEP_DISABLED, account=user, actor=actor, details={"two_step": "off"}
            )


def two_step_recovery_codes_replace(*, user, password: str) -> list[str]:
    """Ten new recovery codes; the old ones stop working."""
    _check_password(user, password)
    with transaction.atomic():
        if not two_step_is_on(user=user):
            raise ApplicationError(gettext("Two-step sign-in is off: there are no recovery codes."), status=409)
        codes = _new_recovery_codes(user=user)
        audit_account_event(
            action=AuditAction.RECOVERY_CODES_REGENERATED, account=user, details={"recovery_codes": "replaced"}
        )
    return codes


def two_step_verify(*, user, code: str):
    """The device a sign-in code belongs to, or None. Six digits are checked against the authenticator
    (a code already used is refused: django-otp keeps the last time step taken); anything else against
    the recovery codes, each of which works once. The device row is locked so that two requests can't
    both spend the same code."""
    code = _normalised(code)
    if not code:
        return None
    model = TOTPDevice if _TOTP_CODE.fullmatch(code) else StaticDevice
    with transaction.atomic():
        device = model.objects.select_for_update().filter(user=user, confirmed=True).first()
        if device is None or not two_step_is_on(user=user):
            return None
        return device if device.verify_token(code) else None
