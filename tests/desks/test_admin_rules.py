"""The Django admin keeps the desk's people page's rules: a desk keeps at least one desk admin, and a
member with open review tasks is not taken off the desk (directly, in the desk's inline list, in a
bulk deletion, or by deleting the account) until the tasks are reassigned. Before, the admin saved
or deleted the rows and only recorded it."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from apps.desks.models import Membership, Role
from apps.reviews import services as review_services
from tests import factories

pytestmark = pytest.mark.django_db

LAST_ADMIN = "World desk would be left without a desk admin; make someone else an admin first."


@pytest.fixture
def desk_admin(desk):
    return factories.MemberFactory(desk=desk, role=Role.ADMIN, username="ada").user


def _management(prefix: str, total: int, initial: int) -> dict:
    return {
        f"{prefix}-TOTAL_FORMS": total,
        f"{prefix}-INITIAL_FORMS": initial,
        f"{prefix}-MIN_NUM_FORMS": 0,
        f"{prefix}-MAX_NUM_FORMS": 1000,
    }


def _page_text(response) -> str:
    assert response.status_code == 200, response.content[:2000]
    return response.content.decode()


def test_the_desks_last_admin_cannot_be_demoted_in_the_admin(desk, desk_admin, root_client):
    membership = Membership.objects.get(user=desk_admin)

    response = root_client.post(
        reverse("admin:desks_membership_change", args=[membership.pk]),
        {"desk": desk.pk, "user": desk_admin.pk, "role": Role.EDITOR},
        follow=True,
    )

    assert LAST_ADMIN in _page_text(response)
    membership.refresh_from_db()
    assert membership.role == Role.ADMIN


def test_a_refused_membership_change_comes_back_with_what_was_typed(desk, desk_admin, other_desk, root_client):
    membership = Membership.objects.get(user=desk_admin)

    response = root_client.post(
        reverse("admin:desks_membership_change", args=[membership.pk]),
        {"desk": other_desk.pk, "user": desk_admin.pk, "role": Role.EDITOR},
    )

    page = _page_text(response)
    assert LAST_ADMIN in page
    assert f'<option value="{other_desk.pk}" selected>' in page
    assert f'<option value="{Role.EDITOR}" selected>' in page
    membership.refresh_from_db()
    assert (membership.desk_id, membership.role) == (desk.pk, Role.ADMIN)


def test_an_admin_can_be_demoted_in_the_admin_once_another_admin_remains(desk, desk_admin, editor, root_client):
    Membership.objects.filter(user=editor).update(role=Role.ADMIN)
    membership = Membership.objects.get(user=desk_admin)

    response = root_client.post(
        reverse("admin:desks_membership_change", args=[membership.pk]),
        {"desk": desk.pk, "user": desk_admin.pk, "role": Role.EDITOR},
    )

    assert response.status_code == 302
    membership.refresh_from_db()
    assert membership.role == Role.EDITOR


def test_the_desks_last_admin_membership_cannot_be_deleted_in_the_admin(desk, desk_admin, root_client):
    membership = Membership.objects.get(user=desk_admin)

    response = root_client.post(
        reverse("admin:desks_membership_delete", args=[membership.pk]), {"post": "yes"}, follow=True
    )

    assert LAST_ADMIN in _page_text(response)
    assert Membership.objects.filter(pk=membership.pk).exists()


def test_a_bulk_deletion_of_every_admin_of_a_desk_is_refused_as_a_whole(desk, desk_admin, editor, root_client):
    Membership.objects.filter(user=editor).update(role=Role.ADMIN)
    admins = list(Membership.objects.filter(desk=desk, role=Role.ADMIN).values_list("pk", flat=True))

    response = root_client.post(
        reverse("admin:desks_membership_changelist"),
        {"action": "delete_selected", "_selected_action": admins, "post": "yes"},
        follow=True,
    )

    assert LAST_ADMIN in _page_text(response)
    assert Membership.objects.filter(desk=desk, role=Role.ADMIN).count() == 2


def test_the_desks_inline_people_cannot_lose_the_last_admin(desk, desk_admin, root_client):
    membership = Membership.objects.get(user=desk_admin)
    data = {
        "name": desk.name,
        "slug": desk.slug,
        **_management("memberships", 1, 1),
        "memberships-0-id": membership.pk,
        "memberships-0-desk": desk.pk,
        "memberships-0-user": desk_admin.pk,
        "memberships-0-role": Role.REVIEWER,
    }

    response = root_client.post(reverse("admin:desks_desk_change", args=[desk.pk]), data, follow=True)

    assert LAST_ADMIN in _page_text(response)
    membership.refresh_from_db()
    assert membership.role == Role.ADMIN


def test_the_desks_inline_people_may_hand_the_admin_role_over_in_one_save(desk, desk_admin, reviewer, root_client):
    ada, rachel = Membership.objects.get(user=desk_admin), Membership.objects.get(user=reviewer)
    data = {
        "name": desk.name,
        "slug": desk.slug,
        **_management("memberships", 2, 2),
        "memberships-0-id": ada.pk,
        "memberships-0-desk": desk.pk,
        "memberships-0-user": desk_admin.pk,
        "memberships-0-role": Role.ADMIN,
        "memberships-0-DELETE": "on",
        "memberships-1-id": rachel.pk,
        "memberships-1-desk": desk.pk,
        "memberships-1-user": reviewer.pk,
        "memberships-1-role": Role.ADMIN,
    }

    response = root_client.post(reverse("admin:desks_desk_change", args=[desk.pk]), data)

    assert response.status_code == 302, response.content[:3000]
    assert list(Membership.objects.filter(desk=desk).values_list("user__username", "role")) == [("rachel", Role.ADMIN)]


def test_a_reviewer_with_open_tasks_is_not_removed_in_the_admin(desk, desk_admin, editor, reviewer, root_client):
    task = factories.ReviewTaskFactory(claim=factories.ClaimFactory(article=factories.ArticleFactory(desk=desk)))
    review_services.review_tasks_assign(editor=editor, tasks=[task], assignee=reviewer)
    membership = Membership.objects.get(user=reviewer)

    response = root_client.post(
        reverse("admin:desks_membership_delete", args=[membership.pk]), {"post": "yes"}, follow=True
    )

    assert "still has 1 open review task on this desk; reassign them first." in _page_text(response)
    assert Membership.objects.filter(pk=membership.pk).exists()


def test_deleting_the_account_of_a_desks_last_admin_is_refused(desk, desk_admin, root_client):
    response = root_client.post(reverse("admin:auth_user_delete", args=[desk_admin.pk]), {"post": "yes"}, follow=True)

    assert LAST_ADMIN in _page_text(response)
    assert get_user_model().objects.filter(pk=desk_admin.pk).exists()
    assert Membership.objects.filter(user=desk_admin).exists()
