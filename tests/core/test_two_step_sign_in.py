"""Two-step sign-in: turned on under "Your account" by confirming a code from an authenticator app,
with ten recovery codes shown once; then signing in (on the site and in the Django admin) asks for a
current code or a recovery code after the password, and nothing is signed in until it is given.
Turning it off asks for the password. API tokens are unaffected."""

import base64
import re

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from apps.core.audit import audit_event_summary
from apps.core.exceptions import ApplicationError
from apps.core.models import AuditAction, AuditEvent
from apps.core.two_step import (
    two_step_disable,
    two_step_enable,
    two_step_pending_device,
    two_step_recovery_codes_replace,
    two_step_verify,
)
from tests import factories

pytestmark = pytest.mark.django_db

SECRET = re.compile(r'<code id="two-step-secret"[^>]*>([A-Z2-7 ]+)</code>')
RECOVERY_CODES = re.compile(r"<li><code>([a-z2-7]{8})</code></li>")


def _code(device, *, steps_ahead: int = 0) -> str:
    """The device's code now, or the one `steps_ahead` 30-second steps later (one ahead is still taken:
    authenticator clocks drift)."""
    return f"{totp(device.bin_key, step=device.step, t0=device.t0 - steps_ahead * device.step):06d}"


def _wrong(code: str) -> str:
    return f"{(int(code) + 1) % 1_000_000:06d}"


@pytest.fixture
def ada(reviewer):
    return reviewer


@pytest.fixture
def ada_with_two_step(ada):
    device = two_step_pending_device(user=ada)
    _, codes = two_step_enable(user=ada, code=_code(device))
    device.refresh_from_db()
    ada.recovery_codes = codes
    ada.device = device
    return ada


def _password_step(client, user, *, path="/login/", next_url=None):
    data = {"username": user.username, "password": factories.PASSWORD}
    if next_url:
        data["next"] = next_url
    return client.post(path, data)


def _signed_in(client) -> bool:
    return client.get(reverse("dashboard")).status_code == 200


# --- Services ---------------------------------------------------------------------------------------


def test_a_wrong_code_leaves_the_device_unconfirmed_and_a_right_one_turns_it_on(ada):
    device = two_step_pending_device(user=ada)
    assert two_step_pending_device(user=ada) == device  # the same secret until confirmed

    with pytest.raises(ApplicationError) as refused:
        two_step_enable(user=ada, code=_wrong(_code(device)))
    assert refused.value.status == 400
    device.refresh_from_db()
    assert not device.confirmed
    assert not AuditEvent.objects.filter(action=AuditAction.TWO_STEP_ENABLED).exists()

    confirmed, codes = two_step_enable(user=ada, code=_code(device))

    assert confirmed.pk == device.pk
    assert TOTPDevice.objects.get(user=ada).confirmed
    assert len(codes) == len(set(codes)) == 10
    event = AuditEvent.objects.get(action=AuditAction.TWO_STEP_ENABLED)
    assert event.actor == ada
    assert device.key not in str(event.details)
    assert not any(code in str(event.details) for code in codes)
    assert audit_event_summary(event) == "rachel turned two-step sign-in on for the user \u201crachel\u201d"


def test_a_code_is_taken_once_and_a_recovery_code_once(ada_with_two_step):
    ada = ada_with_two_step
    later = _code(ada.device, steps_ahead=1)
    assert two_step_verify(user=ada, code=later) is not None
    assert two_step_verify(user=ada, code=later) is None  # replayed

    recovery = ada.recovery_codes[0]
    assert two_step_verify(user=ada, code=recovery.upper()) is not None
    assert two_step_verify(user=ada, code=recovery) is None
    assert StaticToken.objects.filter(device__user=ada).count() == 9


def test_turning_off_and_new_recovery_codes_need_the_password(ada_with_two_step):
    ada = ada_with_two_step
    with pytest.raises(ApplicationError):
        two_step_disable(user=ada, password="wrong")
    with pytest.raises(ApplicationError):
        two_step_recovery_codes_replace(user=ada, password="wrong")

    new_codes = two_step_recovery_codes_replace(user=ada, password=factories.PASSWORD)
    assert two_step_verify(user=ada, code=ada.recovery_codes[0]) is None
    assert two_step_verify(user=ada, code=new_codes[0]) is not None

    two_step_disable(user=ada, password=factories.PASSWORD)
    assert not TOTPDevice.objects.filter(user=ada).exists()
    assert not StaticToken.objects.filter(device__user=ada).exists()
    assert list(
        AuditEvent.objects.filter(
            action__in=[AuditAction.RECOVERY_CODES_REGENERATED, AuditAction.TWO_STEP_DISABLED]
        ).values_list("action", flat=True)
    ) == [AuditAction.RECOVERY_CODES_REGENERATED, AuditAction.TWO_STEP_DISABLED]


# --- Turning it on and off ----------------------------------------------------------------------------


def test_the_page_shows_a_qr_code_and_the_key_and_a_right_code_shows_recovery_codes_once(ada):
    client = Client()
    client.force_login(ada)
    assert reverse("account:two_step") in client.get(reverse("account:notifications")).text

    page = client.get(reverse("account:two_step"))
    assert page.status_code == 200
    assert "no-store" in page["Cache-Control"]
    assert "<svg" in page.text
    assert 'role="img"' in page.text
    secret = SECRET.search(page.text).group(1).replace(" ", "")
    device = TOTPDevice.objects.get(user=ada, confirmed=False)
    assert base64.b32decode(secret + "=" * (-len(secret) % 8)) == device.bin_key

    refused = client.post(reverse("account:two_step_enable"), {"code": _wrong(_code(device))})
    assert refused.status_code == 400
    assert "That code is not right." in refused.text
    assert not TOTPDevice.objects.filter(user=ada, confirmed=True).exists()

    turned_on = client.post(reverse("account:two_step_enable"), {"code": _code(device)})
    assert turned_on.status_code == 200
    assert "no-store" in turned_on["Cache-Control"]
    codes = RECOVERY_CODES.findall(turned_on.text)
    assert len(codes) == 10
    assert TOTPDevice.objects.get(user=ada).confirmed
    later = client.get(reverse("account:two_step"))
    assert "You have 10 recovery codes left." in later.text
    assert codes[0] not in later.text
    assert "two-step-secret" not in later.text


def test_turning_off_needs_the_password(ada_with_two_step):
    client = Client()
    client.force_login(ada_with_two_step)

    refused = client.post(reverse("account:two_step_disable"), {"password": "wrong"}, follow=True)
    assert "That password is not right." in refused.text
    assert TOTPDevice.objects.filter(user=ada_with_two_step).exists()

    client.post(reverse("account:two_step_disable"), {"password": factories.PASSWORD})
    assert not TOTPDevice.objects.filter(user=ada_with_two_step).exists()
    assert _password_step(Client(), ada_with_two_step).url == reverse("dashboard")


# --- Signing in ---------------------------------------------------------------------------------------


def test_without_two_step_the_password_signs_in_as_before(ada):
    client = Client()
    assert _password_step(client, ada).url == reverse("dashboard")
    assert _signed_in(client)


def test_the_password_alone_does_not_sign_in_and_a_current_code_does(ada_with_two_step):
    client = Client()
    response = _password_step(client, ada_with_two_step, next_url=reverse("account:api_token"))

    assert response.url == reverse("sign_in_code")
    assert not _signed_in(client)
    assert client.get(reverse("account:two_step")).status_code == 302
    code_page = client.get(reverse("sign_in_code"))
    assert code_page.status_code == 200
    assert "no-store" in code_page["Cache-Control"]

    signed_in = client.post(reverse("sign_in_code"), {"code": _code(ada_with_two_step.device, steps_ahead=1)})

    assert signed_in.url == reverse("account:api_token")
    assert _signed_in(client)
    assert client.session[DEVICE_ID_SESSION_KEY] == ada_with_two_step.device.persistent_id


def test_a_right_code_just_after_a_wrong_one_signs_in(ada_with_two_step):
    client = Client()
    _password_step(client, ada_with_two_step)

    wrong = client.post(
        reverse("sign_in_code"), {"code": "000000" if _code(ada_with_two_step.device) != "000000" else "111111"}
    )
    right = client.post(reverse("sign_in_code"), {"code": _code(ada_with_two_step.device, steps_ahead=1)})

    assert wrong.status_code == 400
    assert right.status_code == 302
    assert _signed_in(client)


def test_a_replayed_code_is_refused(ada_with_two_step):
    code = _code(ada_with_two_step.device, steps_ahead=1)
    first = Client()
    _password_step(first, ada_with_two_step)
    assert first.post(reverse("sign_in_code"), {"code": code}).status_code == 302

    second = Client()
    _password_step(second, ada_with_two_step)
    refused = second.post(reverse("sign_in_code"), {"code": code})
    assert refused.status_code == 400
    assert "already used" in refused.text
    assert not _signed_in(second)


def test_a_recovery_code_signs_in_once(ada_with_two_step):
    recovery = ada_with_two_step.recovery_codes[3]
    first = Client()
    _password_step(first, ada_with_two_step)
    assert first.post(reverse("sign_in_code"), {"code": recovery}).status_code == 302
    assert _signed_in(first)

    second = Client()
    _password_step(second, ada_with_two_step)
    assert second.post(reverse("sign_in_code"), {"code": recovery}).status_code == 400
    assert not _signed_in(second)


def test_five_wrong_codes_send_back_to_the_password_and_count_towards_the_lockout(ada_with_two_step, settings):
    settings.AXES_FAILURE_LIMIT = 10
    client = Client()
    _password_step(client, ada_with_two_step)
    wrong = _wrong(_code(ada_with_two_step.device, steps_ahead=1))
    answers = [client.post(reverse("sign_in_code"), {"code": wrong}) for _ in range(5)]

    assert [answer.status_code for answer in answers] == [400] * 4 + [302]
    assert answers[-1].url == reverse("login")
    # The pending sign-in is gone: even a right code now needs the password again.
    assert client.post(reverse("sign_in_code"), {"code": ada_with_two_step.recovery_codes[0]}).url == reverse("login")
    assert not _signed_in(client)

    _password_step(client, ada_with_two_step)
    for _ in range(5):
        client.post(reverse("sign_in_code"), {"code": wrong})
    assert _password_step(Client(), ada_with_two_step).status_code == 429  # ten failures: locked out


def test_a_pending_sign_in_expires_after_five_minutes(ada_with_two_step):
    client = Client()
    with time_machine.travel(timezone.now(), tick=False):
        _password_step(client, ada_with_two_step)
    with time_machine.travel(timezone.now() + timezone.timedelta(minutes=6)):
        response = client.post(reverse("sign_in_code"), {"code": ada_with_two_step.recovery_codes[0]})
    assert response.url == reverse("login")
    assert not _signed_in(client)


def test_the_code_page_without_a_password_step_goes_to_log_in():
    assert Client().get(reverse("sign_in_code")).url == reverse("login")


def test_the_admin_login_asks_for_the_code_too(root):
    device = two_step_pending_device(user=root)
    two_step_enable(user=root, code=_code(device))
    client = Client()

    response = client.post("/admin/login/?next=/admin/", {"username": "root", "password": "x", "next": "/admin/"})

    assert response.url == reverse("sign_in_code")
    assert client.get("/admin/").status_code == 302
    done = client.post(reverse("sign_in_code"), {"code": _code(device, steps_ahead=1)})
    assert done.url == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_the_admin_login_page_still_renders_and_signs_in_without_two_step(root):
    client = Client()
    page = client.get("/admin/login/")
    assert page.status_code == 200
    assert 'name="username"' in page.text
    assert client.post("/admin/login/", {"username": "root", "password": "x", "next": "/admin/"}).url == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_an_api_token_is_its_own_credential(ada_with_two_step):
    token = Token.objects.create(user=ada_with_two_step)
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    assert api.get("/api/v1/articles/").status_code == 200


def test_a_site_administrator_deleting_the_authenticator_in_the_admin_turns_it_off_on_record(
    ada_with_two_step, root_client, root
):
    device = ada_with_two_step.device
    url = reverse("admin:otp_totp_totpdevice_delete", args=[device.pk])
    assert device.key not in root_client.get(reverse("admin:otp_totp_totpdevice_change", args=[device.pk])).text

    root_client.post(url, {"post": "yes"})

    assert not TOTPDevice.objects.filter(user=ada_with_two_step).exists()
    assert not StaticToken.objects.filter(device__user=ada_with_two_step).exists()
    event = AuditEvent.objects.get(action=AuditAction.TWO_STEP_DISABLED)
    assert event.actor == root
    assert _password_step(Client(), ada_with_two_step).url == reverse("dashboard")
