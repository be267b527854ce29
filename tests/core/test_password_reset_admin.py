"""Site administrators read the password reset outbox in the Django admin: which account was sent a
link and why one was not; nobody adds, changes or deletes a row there, and desk admins do not see it."""

import pytest
from django.test import Client
from django.urls import reverse

from apps.core.failures import Failure, failure_stored
from apps.core.models import PasswordResetEmail, PasswordResetEmailStatus
from tests.factories import MemberFactory, UserFactory

pytestmark = pytest.mark.django_db
CHANGELIST = "admin:core_passwordresetemail_changelist"


def _failed_email():
    account = UserFactory(username="rosa", email="rosa@example.org")
    return PasswordResetEmail.objects.create(
        account=account, status=PasswordResetEmailStatus.FAILED, attempts=5, error="SMTPDataError: 554 rejected"
    )


def test_a_superuser_lists_failed_emails_and_reads_why(root_client):
    email = _failed_email()
    PasswordResetEmail.objects.create(account=UserFactory(username="sent_one"), status=PasswordResetEmailStatus.SENT)

    listed = root_client.get(reverse(CHANGELIST), {"status__exact": "failed"})
    page = root_client.get(reverse("admin:core_passwordresetemail_change", args=[email.pk]))

    assert listed.status_code == 200
    assert "rosa" in listed.text
    assert "sent_one" not in listed.text
    assert "SMTPDataError: 554 rejected" in page.text


def test_an_email_given_up_says_why_in_the_admins_language(root_client):
    text, detail = failure_stored(Failure.of("password_reset_email_attempts_exhausted", attempts=5))
    email = PasswordResetEmail.objects.create(
        account=UserFactory(), status=PasswordResetEmailStatus.FAILED, attempts=6, error=text, error_detail=detail
    )

    page = root_client.get(
        reverse("admin:core_passwordresetemail_change", args=[email.pk]), headers={"accept-language": "fr"}
    )

    assert "Arrêté après 5 tentatives." in page.text
    assert "Stopped after" not in page.text
    assert root_client.get(reverse(CHANGELIST), {"q": "Stopped after 5"}).context["cl"].result_list[0] == email


def test_a_superuser_finds_an_email_by_the_accounts_address(root_client):
    _failed_email()

    assert "rosa" in root_client.get(reverse(CHANGELIST), {"q": "rosa@example.org"}).text


def test_rows_are_only_read_in_the_admin(root_client):
    email = _failed_email()
    change = reverse("admin:core_passwordresetemail_change", args=[email.pk])

    assert root_client.get(reverse("admin:core_passwordresetemail_add")).status_code == 403
    assert root_client.get(reverse("admin:core_passwordresetemail_delete", args=[email.pk])).status_code == 403
    root_client.post(change, {"status": "pending", "attempts": "0", "error": ""})
    email.refresh_from_db()
    assert (email.status, email.attempts) == (PasswordResetEmailStatus.FAILED, 5)
    assert 'name="status"' not in root_client.get(change).text


def test_a_desk_admin_with_staff_access_cannot_read_the_outbox(desk):
    desk_admin = MemberFactory(desk=desk, role="admin", username="ada").user
    desk_admin.is_staff = True
    desk_admin.save()
    client = Client()
    client.force_login(desk_admin)

    assert client.get(reverse(CHANGELIST)).status_code == 403


@pytest.mark.parametrize(
    ("language", "model_name", "status"),
    [
        ("es", "Correos para restablecer la contraseña", "Fallida"),
        ("fr", "E-mails de réinitialisation du mot de passe", "Échouée"),
        ("pt-br", "E-mails de redefinição de senha", "Falhou"),
    ],
)
def test_the_outbox_reads_in_the_admins_language(root_client, language, model_name, status):
    _failed_email()

    index = root_client.get(reverse("admin:index"), headers={"accept-language": language}).text
    listed = root_client.get(reverse(CHANGELIST), headers={"accept-language": language}).text

    assert f">{model_name}</a>" in index
    assert status in listed
