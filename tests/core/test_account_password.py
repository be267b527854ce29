"""A person changes their own password under "Your account": Django's checks, this session kept,
their other sessions signed out, and the change in the audit trail as "set" only."""

import html

import pytest
from django.test import Client
from django.urls import reverse

from apps.core.audit import audit_event_summary
from apps.core.models import AuditAction, AuditEvent
from tests import factories

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "a quite different passphrase"


def _signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _change(client, *, old=factories.PASSWORD, new=NEW_PASSWORD, again=None):
    return client.post(
        reverse("account:password"),
        {"old_password": old, "new_password1": new, "new_password2": new if again is None else again},
    )


def test_the_account_page_links_to_the_password_page():
    client = _signed_in(factories.UserFactory())
    page = client.get(reverse("account:notifications"))
    assert reverse("account:password") in page.text

    form = client.get(reverse("account:password"))
    assert form.status_code == 200
    assert 'name="old_password"' in form.text
    assert 'aria-current="page"' in form.text  # "Your account" in the menu
    assert "<ul>" not in form.text.split('id="id_new_password1_helptext"')[1].split("</p>")[0]


def test_changing_keeps_this_session_and_signs_out_the_others():
    user = factories.UserFactory()
    laptop, phone = _signed_in(user), _signed_in(user)

    response = _change(laptop)

    assert response.status_code == 302
    assert response["Location"] == reverse("account:notifications")
    page = laptop.get(response["Location"])
    assert page.status_code == 200
    assert "Your password is changed." in html.unescape(page.text)
    gone = phone.get(reverse("dashboard"))
    assert gone.status_code == 302
    assert gone["Location"].startswith(reverse("login"))
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)


def test_the_change_is_recorded_as_set_only():
    user = factories.UserFactory(username="ada")
    _change(_signed_in(user))

    event = AuditEvent.objects.get()
    assert event.action == AuditAction.PASSWORD_CHANGED
    assert event.actor == user
    assert event.desk_id is None
    assert event.details == {"model": "user", "object_id": str(user.pk), "name": "ada", "password": "set"}
    assert audit_event_summary(event) == "ada changed the password of the user \u201cada\u201d on the account page"
    user.refresh_from_db()
    assert NEW_PASSWORD not in str(event.details)
    assert user.password not in str(event.details)


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"old": "not my password"}, "old_password", "Your old password was entered incorrectly."),
        ({"again": "something else entirely"}, "new_password2", "The two password fields didn\u2019t match."),
        ({"new": "short"}, "new_password2", "This password is too short."),
        ({"new": "password123"}, "new_password2", "This password is too common."),
        ({"new": ""}, "new_password1", "This field is required."),
    ],
)
def test_a_refused_change_says_why_and_keeps_the_old_password(change, field, message):
    user = factories.UserFactory()
    client = _signed_in(user)

    response = _change(client, **change)

    assert response.status_code == 400
    assert message in " ".join(response.context["form"].errors[field])
    assert message in html.unescape(response.text)
    user.refresh_from_db()
    assert user.check_password(factories.PASSWORD)
    assert not AuditEvent.objects.exists()
    assert client.get(reverse("dashboard")).status_code == 200


def test_signed_out_people_are_sent_to_sign_in():
    response = Client().get(reverse("account:password"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_a_change_without_the_csrf_token_is_refused():
    user = factories.UserFactory()
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)

    assert _change(client).status_code == 403
    user.refresh_from_db()
    assert user.check_password(factories.PASSWORD)


def test_the_page_is_in_the_persons_language():
    user = factories.UserFactory()
    client = _signed_in(user)
    client.post(reverse("account:language"), {"language": "es"})

    page = client.get(reverse("account:password"))
    assert "Cambie su contraseña" in page.text
    refused = _change(client, old="not my password")
    assert "Su contraseña antigua es incorrecta" in html.unescape(refused.text)
