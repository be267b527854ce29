"""Site administrators read the notification outbox in the Django admin; desk admins do not."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from django.utils import translation

from apps.reviews.models import Notification, NotificationKind, NotificationStatus
from apps.reviews.notifications import notification_send
from tests.factories import MemberFactory

pytestmark = pytest.mark.django_db
CHANGELIST = "admin:reviews_notification_changelist"


def _client_for(user):
    client = Client()
    client.force_login(user)
    return client


def test_a_superuser_reads_why_a_notification_was_not_sent(desk):
    recipient = MemberFactory(desk=desk, role="reviewer", username="rosa").user
    Notification.objects.create(
        recipient=recipient,
        kind=NotificationKind.TASK_ASSIGNED,
        dedupe_key="assigned:1",
        status=NotificationStatus.FAILED,
        last_error="SMTP 554: mailbox unavailable",
    )
    superuser = get_user_model().objects.create_superuser("root", "root@example.org", "x")

    response = _client_for(superuser).get(reverse(CHANGELIST), {"status": "failed"})

    assert response.status_code == 200
    assert b"rosa" in response.content
    assert b"Failed" in response.content


def test_a_desk_admin_with_staff_access_cannot_read_other_desks_mail(desk):
    admin = MemberFactory(desk=desk, role="admin", username="ada").user
    admin.is_staff = True
    admin.save()

    response = _client_for(admin).get(reverse(CHANGELIST))

    assert response.status_code == 403


def test_why_a_notification_was_not_sent_is_in_the_admins_language_and_kept_in_english(desk):
    recipient = MemberFactory(desk=desk, role="reviewer", username="rosa", user__email="").user
    notification = Notification.objects.create(
        recipient=recipient, kind=NotificationKind.TASK_ASSIGNED, dedupe_key="assigned:2"
    )
    superuser = get_user_model().objects.create_superuser("root", "root@example.org", "x")

    notification_send(notification_id=str(notification.pk))

    notification.refresh_from_db()
    assert (notification.status, notification.last_error) == (
        NotificationStatus.SKIPPED,
        "The recipient has no email address.",
    )
    assert notification.last_error_code == "notification_no_email"
    change = reverse("admin:reviews_notification_change", args=[notification.pk])
    for language, reason in (
        ("es", "El destinatario no tiene dirección de correo electrónico."),
        ("fr", "Le destinataire n\u2019a pas d\u2019adresse e-mail."),
    ):
        page = _client_for(superuser).get(change, headers={"accept-language": language}).content.decode()
        assert reason in page.replace("&#x27;", "\u2019")


def test_a_reason_recorded_before_codes_were_kept_is_shown_as_it_was(desk):
    recipient = MemberFactory(desk=desk, role="reviewer", username="rosa").user
    notification = Notification.objects.create(
        recipient=recipient,
        kind=NotificationKind.TASK_ASSIGNED,
        dedupe_key="assigned:3",
        status=NotificationStatus.SKIPPED,
        last_error="The recipient has no email address.",
    )

    with translation.override("es"):
        assert notification.last_error_for_reader == "The recipient has no email address."
