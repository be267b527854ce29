"""A forgotten password: the sign-in page links to a form asking for an email address, the account
with that address gets a one-time link in its owner's language, and the link sets a new password.
The answer is the same whether or not an account has the address."""

import contextlib
import datetime as dt
import html
import re

import pytest
from django.conf import settings
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.core import mail
from django.core.mail import EmailMessage
from django.test import Client
from django.urls import reverse

from apps.core import tasks as core_tasks
from apps.core.accounts import PasswordResetEmailSendError, password_reset_email_send
from apps.core.audit import audit_event_summary
from apps.core.interface_language import interface_language_set
from apps.core.models import AuditAction, AuditEvent, PasswordResetEmail, PasswordResetEmailStatus
from tests import factories

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "a quite different passphrase"
LINK = re.compile(r"(?P<url>\S+/reset/\S+/)")


@pytest.fixture(autouse=True)
def _emails_sent_by_a_worker_at_once(monkeypatch):
    """The emails are sent by a worker (tests/core/test_password_reset_outbox.py); here it takes each
    as soon as it is published, and a failed send waits for its retry."""

    def send(email_id):
        with contextlib.suppress(PasswordResetEmailSendError):
            password_reset_email_send(email_id=email_id)

    # At once: the test's transaction never commits.
    monkeypatch.setattr(core_tasks.password_reset_email_send_task, "delay_on_commit", send)


def _ask(email: str, client=None):
    return (client or Client()).post(reverse("password_reset"), {"email": email})


def _link(message) -> str:
    url = LINK.search(message.body)["url"]
    assert url.startswith(settings.SITE_URL + "/reset/")
    return url.removeprefix(settings.SITE_URL)


def _set_new_password(client, link: str, *, new=NEW_PASSWORD, again=None):
    form_page = client.get(link)
    assert form_page.status_code == 302  # to the same address without the token (kept out of Referer headers)
    return client.post(form_page["Location"], {"new_password1": new, "new_password2": new if again is None else again})


def test_the_sign_in_page_links_to_the_reset_form():
    page = Client().get(reverse("login"))
    assert reverse("password_reset") in page.text
    assert "Forgot your password?" in page.text
    form = Client().get(reverse("password_reset"))
    assert form.status_code == 200
    assert 'name="email"' in form.text


def test_the_account_with_the_address_gets_a_link_with_the_sites_name_and_how_long_it_works():
    user = factories.UserFactory(username="ada", email="ada@example.org")

    response = _ask("ADA@example.org")

    assert response.status_code == 302
    assert response["Location"] == reverse("password_reset_done")
    [message] = mail.outbox
    assert message.to == ["ada@example.org"]
    assert message.from_email == settings.DEFAULT_FROM_EMAIL
    assert message.subject == "Set a new password on factcheck"
    assert "your account ada on factcheck" in message.body
    assert "within 24 hours" in message.body
    assert _link(message).startswith("/reset/")
    assert user.password not in message.body


def test_the_link_is_built_on_the_sites_address_not_the_requests_host(settings):
    settings.ALLOWED_HOSTS = ["*"]
    factories.UserFactory(email="ada@example.org")
    Client().post(reverse("password_reset"), {"email": "ada@example.org"}, headers={"host": "evil.example"})
    assert "evil.example" not in mail.outbox[0].body


def test_the_answer_is_the_same_whether_or_not_an_account_has_the_address():
    factories.UserFactory(email="ada@example.org")
    known, unknown = _ask("ada@example.org"), _ask("nobody@example.org")

    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
    assert len(mail.outbox) == 1
    page = Client().get(reverse("password_reset_done"))
    assert "If an account has the address you entered" in page.text


@pytest.mark.parametrize(
    "account",
    [{"is_active": False}, {"password": None}],
    ids=["switched off", "password sign-in off"],
)
def test_no_link_goes_to_an_account_that_cannot_sign_in(account):
    factories.UserFactory(email="ada@example.org", **account)
    response = _ask("ada@example.org")
    assert response["Location"] == reverse("password_reset_done")
    assert mail.outbox == []


def test_the_email_is_in_the_persons_chosen_language():
    user = factories.UserFactory(username="ada", email="ada@example.org")
    interface_language_set(user=user, language="es")

    _ask("ada@example.org", Client(headers={"accept-language": "en"}))

    [message] = mail.outbox
    assert message.subject == "Establezca una nueva contraseña en factcheck"
    assert "24 horas" in message.body


def test_a_failed_send_still_gives_the_same_answer(monkeypatch):
    factories.UserFactory(email="ada@example.org")

    def refuse(self, *args, **kwargs):
        raise OSError("mail server down")

    monkeypatch.setattr(EmailMessage, "send", refuse)
    assert _ask("ada@example.org")["Location"] == reverse("password_reset_done")
    row = PasswordResetEmail.objects.get()
    assert row.status == PasswordResetEmailStatus.PENDING  # for the task's retry
    assert "mail server down" in row.error


def test_the_link_sets_a_new_password_once_and_signs_out_other_sessions():
    user = factories.UserFactory(username="ada", email="ada@example.org")
    old_session = Client()
    old_session.force_login(user)
    _ask("ada@example.org")
    link = _link(mail.outbox[0])

    client = Client()
    done = _set_new_password(client, link)

    assert done.status_code == 302
    assert done["Location"] == reverse("password_reset_complete")
    assert "Your new password is set" in client.get(done["Location"]).text
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)
    assert old_session.get(reverse("dashboard")).status_code == 302
    event = AuditEvent.objects.get()
    assert event.action == AuditAction.PASSWORD_RESET
    assert event.actor == user
    assert event.details["password"] == "set"
    assert NEW_PASSWORD not in str(event.details)
    assert audit_event_summary(event) == "ada set the password of the user \u201cada\u201d from an emailed reset link"

    again = Client().get(link)
    assert again.status_code == 400
    assert "This link no longer works" in again.text
    assert reverse("password_reset") in again.text


def test_the_link_expires(monkeypatch, settings):
    factories.UserFactory(email="ada@example.org")
    _ask("ada@example.org")
    link = _link(mail.outbox[0])
    # The token generator counts in naive local time, as Django's `_now` does.
    later = dt.datetime.now() + dt.timedelta(seconds=settings.PASSWORD_RESET_TIMEOUT + 60)  # noqa: DTZ005
    monkeypatch.setattr(PasswordResetTokenGenerator, "_now", lambda self: later)

    page = Client().get(link)
    assert page.status_code == 400
    assert "This link no longer works" in page.text


@pytest.mark.parametrize(
    "link",
    ["/reset/zzzz/abc-def/", "/reset/MQ/set-password/", "/reset/%C3%BF%C3%BF/x/", "/reset/MTIzNDU2Nzg5/1-2/"],
)
def test_a_broken_link_gets_a_clear_page(link):
    factories.UserFactory()
    page = Client().get(link)
    assert page.status_code == 400
    assert "This link no longer works" in page.text


def test_a_refused_new_password_says_why_and_keeps_the_old_one():
    user = factories.UserFactory(email="ada@example.org")
    _ask("ada@example.org")
    client = Client()

    refused = _set_new_password(client, _link(mail.outbox[0]), again="something else entirely")

    assert refused.status_code == 400
    assert "The two password fields didn\u2019t match." in html.unescape(refused.text)
    user.refresh_from_db()
    assert user.check_password(factories.PASSWORD)
    assert not AuditEvent.objects.exists()


def test_an_address_that_is_not_one_is_refused_with_a_message():
    response = _ask("not an address")
    assert response.status_code == 400
    assert "Enter a valid email address." in response.text
    assert mail.outbox == []


def test_asking_without_the_csrf_token_is_refused():
    factories.UserFactory(email="ada@example.org")
    assert _ask("ada@example.org", Client(enforce_csrf_checks=True)).status_code == 403
    assert mail.outbox == []


def test_the_admin_sign_in_page_links_to_the_same_reset_form():
    page = Client().get(reverse("admin:login"))
    assert reverse("admin_password_reset") in page.text
    assert Client().get(reverse("admin_password_reset"))["Location"] == reverse("password_reset")
