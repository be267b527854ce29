"""A desk keeps an admin who can sign in: the Django admin refuses to switch off, or to turn password
sign-in off for, an account that is the only such admin of one of its desks, and keeps its data."""

import html

import pytest
from django.urls import reverse

from apps.core.models import AuditEvent
from tests import factories
from tests.admin_forms import admin_change_data

pytestmark = pytest.mark.django_db

LOCKED_OUT = "World desk would be left without a desk admin who can sign in; make someone else an admin first."


def _turn_password_sign_in_off(client, account):
    return client.post(
        reverse("admin:auth_user_password_change", args=[account.pk]),
        {"usable_password": "false", "unset-password": "1"},
    )


def test_password_sign_in_cannot_be_turned_off_for_a_desks_only_admin(desk_admin, root_client):
    response = _turn_password_sign_in_off(root_client, desk_admin)

    # The password page again, the reason under the choice it refuses.
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors == {"usable_password": [LOCKED_OUT]}
    assert LOCKED_OUT in html.unescape(response.content.decode())
    desk_admin.refresh_from_db()
    assert desk_admin.has_usable_password()
    assert desk_admin.check_password(factories.PASSWORD)
    assert not AuditEvent.objects.exists()


@pytest.mark.parametrize(
    "other_admin_cannot_sign_in",
    [{"is_active": False}, {"password": "!unusable"}],
    ids=["switched off", "password sign-in off"],
)
def test_another_admin_who_cannot_sign_in_does_not_count(desk, desk_admin, root_client, other_admin_cannot_sign_in):
    other = factories.MemberFactory(desk=desk, role="admin", username="abe").user
    type(other).objects.filter(pk=other.pk).update(**other_admin_cannot_sign_in)

    response = _turn_password_sign_in_off(root_client, desk_admin)

    assert response.status_code == 200
    desk_admin.refresh_from_db()
    assert desk_admin.has_usable_password()


def test_password_sign_in_can_be_turned_off_while_another_admin_can_sign_in(desk, desk_admin, root_client):
    factories.MemberFactory(desk=desk, role="admin", username="abe")

    response = _turn_password_sign_in_off(root_client, desk_admin)

    assert response.status_code == 302, response.content[:3000]
    desk_admin.refresh_from_db()
    assert not desk_admin.has_usable_password()


def test_password_sign_in_can_be_turned_off_for_a_member_who_is_no_admin(reviewer, root_client):
    response = _turn_password_sign_in_off(root_client, reviewer)

    assert response.status_code == 302, response.content[:3000]
    reviewer.refresh_from_db()
    assert not reviewer.has_usable_password()


def test_an_admin_cannot_be_switched_off_when_the_other_admin_has_password_sign_in_off(
    desk, desk_admin, root, root_client
):
    other = factories.MemberFactory(desk=desk, role="admin", username="abe").user
    other.set_unusable_password()
    other.save()

    response = root_client.post(
        reverse("admin:auth_user_change", args=[desk_admin.pk]),
        admin_change_data(desk_admin, user=root, is_active=False),
        follow=True,
    )

    assert LOCKED_OUT in html.unescape(response.content.decode())
    desk_admin.refresh_from_db()
    assert desk_admin.is_active
