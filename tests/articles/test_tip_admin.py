"""Reader tips in the Django admin: listed with their desk, status and date, searched, and only
read; the tipster's email address is shown (and searched) only to superusers."""

import pytest
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse

from apps.articles import tips
from apps.articles.models import Tip, TipEmailStatus, TipStatus
from apps.core.failures import Failure, failure_stored
from tests import factories

pytestmark = pytest.mark.django_db

EMAIL = "tipster@example.org"


@pytest.fixture
def tip(desk):
    desk.takes_tips = True
    desk.save()
    return tips.tip_submit(
        desk=desk, text="The lighthouse is 150 years old.", email=EMAIL, client_address="198.51.100.1"
    )


@pytest.fixture
def staff_client(db):
    """A staff member allowed to view tips, not a superuser."""
    user = factories.UserFactory(is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="view_tip"))
    client = Client()
    client.force_login(user)
    return client


def test_superusers_list_tips_with_desk_status_and_date_and_search_them(tip, root_client):
    listing = root_client.get(reverse("admin:articles_tip_changelist"))
    by_text = root_client.get(reverse("admin:articles_tip_changelist"), {"q": "lighthouse"})
    by_email = root_client.get(reverse("admin:articles_tip_changelist"), {"q": EMAIL})

    page = listing.content.decode()
    assert listing.status_code == 200
    assert "The lighthouse is 150 years old." in page
    assert tip.desk.name in page
    assert "Received" in page  # the status
    assert list(by_text.context["cl"].result_list) == [tip]
    assert list(by_email.context["cl"].result_list) == [tip]


def test_superusers_read_the_tipsters_email(tip, root_client):
    page = root_client.get(reverse("admin:articles_tip_change", args=[tip.pk])).content.decode()

    assert EMAIL in page
    assert tip.tracking_token not in page


def test_other_staff_read_tips_without_the_tipsters_email(tip, staff_client):
    detail = staff_client.get(reverse("admin:articles_tip_change", args=[tip.pk]))
    by_email = staff_client.get(reverse("admin:articles_tip_changelist"), {"q": EMAIL})

    assert detail.status_code == 200
    assert "The lighthouse is 150 years old." in detail.content.decode()
    assert EMAIL not in detail.content.decode()
    assert tip.tracking_token not in detail.content.decode()
    assert list(by_email.context["cl"].result_list) == []


def test_tips_are_not_added_changed_or_deleted_in_the_admin(tip, root_client):
    assert root_client.get(reverse("admin:articles_tip_add")).status_code == 403
    changed = root_client.post(
        reverse("admin:articles_tip_change", args=[tip.pk]), {"text": "Changed.", "status": TipStatus.CLOSED}
    )
    deleted = root_client.post(reverse("admin:articles_tip_delete", args=[tip.pk]), {"post": "yes"})

    assert changed.status_code == 403
    assert deleted.status_code == 403
    tip.refresh_from_db()
    assert (tip.text, tip.status) == ("The lighthouse is 150 years old.", TipStatus.NEW)
    assert Tip.objects.count() == 1


def test_an_email_given_up_says_why_in_the_admins_language(tip, root_client):
    text, detail = failure_stored(Failure.of("tip_email_attempts_exhausted", attempts=5))
    Tip.objects.filter(pk=tip.pk).update(
        email_status=TipEmailStatus.FAILED, email_error=text, email_error_detail=detail
    )

    page = root_client.get(reverse("admin:articles_tip_change", args=[tip.pk]), headers={"accept-language": "es"})

    assert "Detenido tras 5 intentos." in page.text
    assert "Stopped after" not in page.text
