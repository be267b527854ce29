"""Accounts changed in the Django admin are recorded site-wide (who, which account, old and new
values, never a password or its hash), and switching an account off is also recorded in each of its
desks' activity."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse

from apps.core.audit import audit_desk_events, audit_event_summary
from apps.core.models import AuditAction, AuditEvent
from tests import factories
from tests.admin_forms import admin_change_data

pytestmark = pytest.mark.django_db


def _site_wide() -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(desk_id__isnull=True).order_by("occurred_at", "pk"))


def _change(client, account, *, root, **changes):
    response = client.post(
        reverse("admin:auth_user_change", args=[account.pk]), admin_change_data(account, user=root, **changes)
    )
    assert response.status_code == 302, response.content[:3000]


def test_granting_superuser_and_staff_status_is_recorded_site_wide_with_old_and_new_values(reviewer, root, root_client):
    _change(root_client, reviewer, root=root, is_superuser=True, is_staff=True)

    [event] = _site_wide()
    assert (event.action, event.actor_name, event.desk_id) == (AuditAction.ADMIN_CHANGED, "root", None)
    assert (event.details["model"], event.details["name"]) == ("user", "rachel")
    assert event.details["changes"] == {"is_staff": [False, True], "is_superuser": [False, True]}
    # In the order the database keeps the changes (PostgreSQL's JSON sorts its keys).
    summary, fields = audit_event_summary(event).split(": ")
    assert summary == "root changed the user \u201crachel\u201d in the Django admin"
    # Each field as the admin labels it.
    assert set(fields.split(", ")) == {"staff status", "superuser status"}


def test_groups_given_in_the_admin_are_recorded(reviewer, root, root_client):
    moderators = Group.objects.create(name="Moderators")

    _change(root_client, reviewer, root=root, groups=[moderators.pk])

    [event] = _site_wide()
    assert event.details["changes"] == {"groups": [[], ["Moderators"]]}


def test_an_account_switched_off_is_recorded_site_wide_and_in_each_of_its_desks(
    desk, other_desk, reviewer, root, root_client
):
    factories.MemberFactory(desk=other_desk, user=reviewer, role="editor")

    _change(root_client, reviewer, root=root, is_active=False)

    [event] = _site_wide()
    assert event.details["changes"] == {"is_active": [True, False]}
    for where, role in ((desk, "reviewer"), (other_desk, "editor")):
        in_desk = audit_desk_events(desk_id=where.pk).first()
        assert (in_desk.action, in_desk.actor_name) == (AuditAction.ADMIN_CHANGED, "root")
        assert in_desk.details["role"] == role
        assert in_desk.details["changes"] == {"is_active": [True, False]}
        assert audit_event_summary(in_desk) == "root deactivated the user \u201crachel\u201d in the Django admin"


def test_an_unchanged_save_of_an_account_records_nothing(desk, reviewer, root, root_client):
    _change(root_client, reviewer, root=root)

    assert _site_wide() == []
    assert not audit_desk_events(desk_id=desk.pk).exists()


def test_a_password_set_in_the_admin_is_recorded_as_set_and_nothing_else(reviewer, root_client):
    old_hash = reviewer.password

    response = root_client.post(
        reverse("admin:auth_user_password_change", args=[reviewer.pk]),
        {"password1": "Quiet-harbour-lantern-42", "password2": "Quiet-harbour-lantern-42", "usable_password": "true"},
    )

    assert response.status_code == 302, response.content[:3000]
    reviewer.refresh_from_db()
    assert reviewer.check_password("Quiet-harbour-lantern-42")
    [event] = _site_wide()
    assert event.details == {"model": "user", "object_id": str(reviewer.pk), "name": "rachel", "password": "set"}
    for secret in ("Quiet-harbour-lantern-42", reviewer.password, old_hash):
        assert secret not in str(event.details)
    assert audit_event_summary(event) == "root set the password of the user \u201crachel\u201d in the Django admin"


def test_a_refused_password_change_records_nothing(reviewer, root_client):
    response = root_client.post(
        reverse("admin:auth_user_password_change", args=[reviewer.pk]),
        {"password1": "Quiet-harbour-lantern-42", "password2": "Another-one-entirely-17", "usable_password": "true"},
    )

    assert response.status_code == 200
    assert _site_wide() == []


@pytest.mark.parametrize("account_id", ["not-a-number", "987654"])
def test_the_password_page_of_no_account_is_not_found(root_client, account_id):
    response = root_client.post(
        reverse("admin:auth_user_password_change", args=[account_id]),
        {"password1": "Quiet-harbour-lantern-42", "password2": "Quiet-harbour-lantern-42", "usable_password": "true"},
    )

    assert response.status_code == 404
    assert _site_wide() == []


def test_password_sign_in_turned_off_in_the_admin_is_recorded(reviewer, root_client):
    response = root_client.post(
        reverse("admin:auth_user_password_change", args=[reviewer.pk]),
        {"usable_password": "false", "unset-password": "1"},
    )

    assert response.status_code == 302, response.content[:3000]
    reviewer.refresh_from_db()
    assert not reviewer.has_usable_password()
    [event] = _site_wide()
    assert event.details["password"] == "sign-in turned off"
    assert audit_event_summary(event) == (
        "root turned password sign-in off for the user \u201crachel\u201d in the Django admin"
    )


def test_an_account_deleted_in_the_admin_is_recorded_site_wide_with_its_last_values(reviewer, root_client):
    reviewer_id = reviewer.pk

    response = root_client.post(reverse("admin:auth_user_delete", args=[reviewer_id]), {"post": "yes"})

    assert response.status_code == 302, response.content[:2000]
    [event] = _site_wide()
    assert (event.action, event.details["object_id"], event.details["name"]) == (
        AuditAction.ADMIN_DELETED,
        str(reviewer_id),
        "rachel",
    )
    assert event.details["values"]["is_active"] is True
    assert "password" not in event.details["values"]


def test_an_account_added_in_the_admin_is_recorded_site_wide_without_its_password(root_client):
    response = root_client.post(
        reverse("admin:auth_user_add"),
        {
            "username": "nadia",
            "password1": "Quiet-harbour-lantern-42",
            "password2": "Quiet-harbour-lantern-42",
            "usable_password": "true",
        },
    )

    assert response.status_code == 302, response.content[:3000]
    nadia = get_user_model().objects.get(username="nadia")
    [event] = _site_wide()
    assert (event.action, event.details["name"]) == (AuditAction.ADMIN_ADDED, "nadia")
    assert "password" not in event.details["values"]
    for secret in ("Quiet-harbour-lantern-42", nadia.password):
        assert secret not in str(event.details)


def test_switching_off_a_desks_only_admin_who_can_sign_in_is_refused(desk, root, root_client):
    admin = factories.MemberFactory(desk=desk, role="admin", username="ada").user

    response = root_client.post(
        reverse("admin:auth_user_change", args=[admin.pk]),
        admin_change_data(admin, user=root, is_active=False),
        follow=True,
    )

    assert "would be left without a desk admin who can sign in" in response.content.decode()
    admin.refresh_from_db()
    assert admin.is_active
    second = factories.MemberFactory(desk=desk, role="admin", username="abe").user
    _change(root_client, admin, root=root, is_active=False)
    admin.refresh_from_db()
    assert (admin.is_active, second.is_active) == (False, True)
