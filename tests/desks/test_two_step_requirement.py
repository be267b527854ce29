"""A desk admin can require two-step sign-in of the desk's people (the desk's Sign-in page, audited).
A member without an authenticator is then sent to set one up, after the password and at any page, and
reaches nothing else (sign-out, the set-up and the password and language pages aside) until they do;
their API token is refused with a 403 saying so, and works again once they have. They can't turn it off.
The page also lets the desk's admins clear a member's sign-in lockout (audited)."""

import html

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django_otp.oath import totp
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from apps.core.audit import audit_event_summary
from apps.core.exceptions import ApplicationError
from apps.core.models import AuditAction, AuditEvent
from apps.core.two_step import two_step_disable, two_step_enable, two_step_is_on, two_step_pending_device
from apps.desks import services
from tests import factories

pytestmark = pytest.mark.django_db

SIGN_IN_PAGE = "desks:sign_in"


def _code(device, *, steps_ahead: int = 0) -> str:
    """The device's code now, or a later step's (a code already used is refused; one step ahead is taken)."""
    return f"{totp(device.bin_key, step=device.step, t0=device.t0 - steps_ahead * device.step):06d}"


def _set_up(user):
    device = two_step_pending_device(user=user)
    two_step_enable(user=user, code=_code(device))
    device.refresh_from_db()
    return device


def _require(desk, desk_admin, required=True):
    if not two_step_is_on(user=desk_admin):
        _set_up(desk_admin)
    return services.desk_two_step_requirement_set(actor=desk_admin, desk=desk, required=required)


def _password_step(client, user):
    return client.post(reverse("login"), {"username": user.username, "password": factories.PASSWORD})


# --- The setting ------------------------------------------------------------------------------------


def test_the_desk_admin_requires_it_on_the_sign_in_page_and_it_is_audited(admin_client, desk, desk_admin):
    _set_up(desk_admin)
    page = admin_client.get(reverse(SIGN_IN_PAGE, args=[desk.slug]))
    assert page.status_code == 200
    assert 'name="requires_two_step"' in page.text

    response = admin_client.post(reverse(SIGN_IN_PAGE, args=[desk.slug]), {"requires_two_step": "on"})

    assert response.status_code == 302
    desk.refresh_from_db()
    assert desk.requires_two_step
    event = AuditEvent.objects.get(action=AuditAction.TWO_STEP_REQUIREMENT_CHANGED)
    assert (event.desk_id, event.actor) == (desk.pk, desk_admin)
    assert audit_event_summary(event) == (
        f"{desk_admin.username} made two-step sign-in required for the desk\u2019s people"
    )
    # Saving the same again records nothing; turning it off does.
    admin_client.post(reverse(SIGN_IN_PAGE, args=[desk.slug]), {"requires_two_step": "on"})
    admin_client.post(reverse(SIGN_IN_PAGE, args=[desk.slug]), {})
    assert AuditEvent.objects.filter(action=AuditAction.TWO_STEP_REQUIREMENT_CHANGED).count() == 2
    desk.refresh_from_db()
    assert not desk.requires_two_step


def test_an_admin_without_two_step_is_asked_to_turn_it_on_first(admin_client, desk, desk_admin):
    response = admin_client.post(reverse(SIGN_IN_PAGE, args=[desk.slug]), {"requires_two_step": "on"}, follow=True)
    assert "Turn two-step sign-in on for yourself first" in response.text
    desk.refresh_from_db()
    assert not desk.requires_two_step
    assert not AuditEvent.objects.filter(action=AuditAction.TWO_STEP_REQUIREMENT_CHANGED).exists()


def test_only_the_desks_admins_may_change_it(desk, editor):
    with pytest.raises(ApplicationError) as refused:
        services.desk_two_step_requirement_set(actor=editor, desk=desk, required=True)
    assert refused.value.status == 403
    desk.refresh_from_db()
    assert not desk.requires_two_step


def test_the_page_shows_who_has_two_step_on(admin_client, desk, desk_admin, reviewer):
    _set_up(reviewer)
    page = admin_client.get(reverse(SIGN_IN_PAGE, args=[desk.slug])).text
    row = page[page.index(f"<td>{reviewer.username}</td>") :]
    assert row.index("On") < row.index("</tr>")


# --- A member without an authenticator --------------------------------------------------------------


def test_after_the_password_a_member_is_sent_to_set_it_up_and_reaches_nothing_else(desk, desk_admin, reviewer):
    _require(desk, desk_admin)
    client = Client()

    signed_in = _password_step(client, reviewer)

    assert signed_in.status_code == 302
    assert client.get(signed_in["Location"])["Location"] == reverse("account:two_step")
    setup = client.get(reverse("account:two_step"))
    assert setup.status_code == 200
    assert "Your desk requires two-step sign-in" in setup.text
    for name in ("dashboard", "account:notifications", "account:api_token", "admin:index"):
        response = client.get(reverse(name))
        assert (response.status_code, response["Location"]) == (302, reverse("account:two_step")), name
    assert client.get(reverse("account:password")).status_code == 200
    assert client.post(reverse("logout")).status_code == 302


def test_the_api_with_the_session_is_refused_with_a_clear_403(desk, desk_admin, reviewer):
    _require(desk, desk_admin)
    client = Client()
    client.force_login(reviewer)
    response = client.get(reverse("api:desk-list"))
    assert response.status_code == 403
    assert response.json()["extra"]["code"] == "two_step_required"
    assert "requires two-step sign-in" in response.json()["message"]


def test_a_requirement_turned_on_applies_at_the_next_page(desk, desk_admin, reviewer_client):
    assert reviewer_client.get(reverse("dashboard")).status_code == 200
    _require(desk, desk_admin)
    assert reviewer_client.get(reverse("dashboard"))["Location"] == reverse("account:two_step")


def test_once_set_up_the_member_goes_on_and_signs_in_with_a_code(desk, desk_admin, reviewer):
    _require(desk, desk_admin)
    client = Client()
    _password_step(client, reviewer)
    device = two_step_pending_device(user=reviewer)

    turned_on = client.post(reverse("account:two_step_enable"), {"code": _code(device)})

    assert turned_on.status_code == 200
    assert client.get(reverse("dashboard")).status_code == 200
    # The next sign-in asks for the code.
    again = Client()
    assert _password_step(again, reviewer)["Location"] == reverse("sign_in_code")
    assert again.get(reverse("dashboard")).status_code == 302


def test_other_desks_people_are_not_asked(desk, desk_admin, outsider_client):
    _require(desk, desk_admin)
    assert outsider_client.get(reverse("dashboard")).status_code == 200


# --- API tokens -------------------------------------------------------------------------------------


def test_a_token_is_refused_until_two_step_is_set_up_then_works_unchanged(desk, desk_admin, reviewer):
    token = Token.objects.create(user=reviewer)
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    assert api.get(reverse("api:desk-list")).status_code == 200
    _require(desk, desk_admin)

    refused = api.get(reverse("api:desk-list"), HTTP_ACCEPT_LANGUAGE="en")

    assert refused.status_code == 403
    body = refused.json()
    assert body["message"].startswith("Your desk requires two-step sign-in.")
    assert body["extra"]["code"] == "two_step_required"
    assert body["extra"]["set_up_url"] == settings.SITE_URL + reverse("account:two_step")
    _set_up(reviewer)
    assert api.get(reverse("api:desk-list")).status_code == 200


def test_the_tokens_refusal_is_in_the_clients_language(desk, desk_admin, reviewer):
    token = Token.objects.create(user=reviewer)
    _require(desk, desk_admin)
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    refused = api.get(reverse("api:desk-list"), HTTP_ACCEPT_LANGUAGE="fr")
    assert refused.status_code == 403
    assert "Votre" in refused.json()["message"]


# --- Turning it off ---------------------------------------------------------------------------------


def test_turning_it_off_is_refused_while_the_desk_requires_it(desk, desk_admin, reviewer):
    _set_up(reviewer)
    _require(desk, desk_admin)
    with pytest.raises(ApplicationError) as refused:
        two_step_disable(user=reviewer, password=factories.PASSWORD)
    assert refused.value.status == 409
    assert "Your desk requires two-step sign-in, so it can't be turned off" in refused.value.message


def test_the_account_page_hides_turning_off_and_the_post_is_refused_with_a_message(desk, desk_admin, reviewer):
    device = _set_up(reviewer)
    _require(desk, desk_admin)
    client = Client()
    _password_step(client, reviewer)
    client.post(reverse("sign_in_code"), {"code": _code(device, steps_ahead=1)})
    page = client.get(reverse("account:two_step"))
    assert reverse("account:two_step_disable") not in page.text
    assert "can't be turned off here" in html.unescape(page.text)

    response = client.post(reverse("account:two_step_disable"), {"password": factories.PASSWORD}, follow=True)

    assert "Your desk requires two-step sign-in, so it can't be turned off" in html.unescape(response.text)
    assert two_step_is_on(user=reviewer)


# --- Clearing a lockout -----------------------------------------------------------------------------


def _lock_out(username):
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("login"), {"username": username, "password": "wrong"})
    return client


def test_a_desk_admin_clears_a_members_lockout_and_it_is_audited(admin_client, desk, desk_admin, reviewer):
    locked_client = _lock_out(reviewer.username)
    page = admin_client.get(reverse(SIGN_IN_PAGE, args=[desk.slug]))
    assert "Locked out until" in page.text
    membership = reviewer.desk_memberships.get(desk=desk)

    response = admin_client.post(
        reverse("desks:member_sign_in_unlock", args=[desk.slug]), {"member": str(membership.pk)}
    )

    assert response.status_code == 302
    assert not AccessAttempt.objects.filter(username=reviewer.username).exists()
    on_desk = AuditEvent.objects.get(action=AuditAction.SIGN_IN_UNLOCKED, desk_id=desk.pk)
    assert on_desk.actor == desk_admin
    assert on_desk.details["name"] == reviewer.username
    assert on_desk.details["ip_addresses"] == ["127.0.0.1"]
    assert AuditEvent.objects.filter(action=AuditAction.SIGN_IN_UNLOCKED, desk_id=None).count() == 1
    signed_in = locked_client.post(reverse("login"), {"username": reviewer.username, "password": factories.PASSWORD})
    assert signed_in.status_code == 302


def test_a_second_clear_says_there_is_nothing_to_clear(admin_client, desk, reviewer):
    membership = reviewer.desk_memberships.get(desk=desk)
    response = admin_client.post(
        reverse("desks:member_sign_in_unlock", args=[desk.slug]), {"member": str(membership.pk)}, follow=True
    )
    assert "has no failed sign-ins to clear" in response.text
    assert not AuditEvent.objects.filter(action=AuditAction.SIGN_IN_UNLOCKED).exists()


def test_another_desks_people_cannot_be_unlocked(desk, desk_admin, outsider):
    _lock_out(outsider.username)
    with pytest.raises(ApplicationError) as refused:
        services.membership_sign_in_unlock(actor=desk_admin, desk=desk, username=outsider.username)
    assert refused.value.status == 404
    assert AccessAttempt.objects.filter(username=outsider.username).exists()


def test_an_editor_cannot_clear_a_lockout(desk, editor, reviewer):
    _lock_out(reviewer.username)
    with pytest.raises(ApplicationError) as refused:
        services.membership_sign_in_unlock(actor=editor, desk=desk, username=reviewer.username)
    assert refused.value.status == 403
    assert AccessAttempt.objects.filter(username=reviewer.username).exists()
