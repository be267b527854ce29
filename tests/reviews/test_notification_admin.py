"""Site administrators read the notification outbox in the Django admin; desk admins do not."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from apps.reviews.models import Notification, NotificationKind, NotificationStatus
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
