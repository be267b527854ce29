"""A desk keeps an admin who can sign in, whichever way its people change: demoting its only such
admin, removing them, or moving their membership to another desk or account is refused on the
people page, in the REST API and in the Django admin (the membership, the desk's inline list, a bulk
deletion, deleting the account), as switching the account off already was. Before, those paths
counted every admin, so a desk could be left with admins who are switched off or have password
sign-in off."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from apps.core.exceptions import ApplicationError
from apps.core.models import AuditEvent
from apps.desks import services
from apps.desks.models import Membership, Role
from tests import factories

pytestmark = pytest.mark.django_db

ADA_ONLY = "ada is the desk's only admin who can sign in; make someone else an admin first."
LOCKED_OUT = "World desk would be left without a desk admin who can sign in; make someone else an admin first."
PEOPLE = "/desks/world/people/"
ADA = "/api/v1/desks/world/members/ada/"


@pytest.fixture(
    params=[{"is_active": False}, {"password": "!unusable"}],
    ids=["other admin switched off", "other admin no password"],
)
def admin_who_cannot_sign_in(request, desk):
    abe = factories.MemberFactory(desk=desk, role=Role.ADMIN, username="abe").user
    get_user_model().objects.filter(pk=abe.pk).update(**request.param)
    return abe


@pytest.fixture
def ada(desk, desk_admin):
    return Membership.objects.get(desk=desk, user=desk_admin)


def _unchanged(membership, *, desk, role=Role.ADMIN, events=0):
    stored = Membership.objects.filter(pk=membership.pk).values_list("desk_id", "user_id", "role").first()
    assert stored == (desk.pk, membership.user_id, role)
    assert AuditEvent.objects.count() == events


# --- Services, the people page and the API --------------------------------------------------------


def test_the_only_admin_who_can_sign_in_is_not_demoted(ada, desk, desk_admin, admin_who_cannot_sign_in):
    with pytest.raises(ApplicationError) as refused:
        services.membership_role_change(actor=desk_admin, membership=ada, role=Role.EDITOR)

    assert refused.value.message == ADA_ONLY
    _unchanged(ada, desk=desk)


def test_the_only_admin_who_can_sign_in_is_not_removed(ada, desk, desk_admin, admin_who_cannot_sign_in):
    with pytest.raises(ApplicationError) as refused:
        services.membership_remove(actor=desk_admin, membership=ada)

    assert refused.value.message == ADA_ONLY
    _unchanged(ada, desk=desk)


def test_an_admin_who_cannot_sign_in_is_demoted_and_removed_while_one_who_can_remains(
    desk, desk_admin, admin_who_cannot_sign_in
):
    abe = Membership.objects.get(user=admin_who_cannot_sign_in)

    services.membership_role_change(actor=desk_admin, membership=abe, role=Role.EDITOR)
    services.membership_remove(actor=desk_admin, membership=abe)

    assert list(Membership.objects.filter(desk=desk).values_list("user__username", "role")) == [("ada", Role.ADMIN)]


def test_the_people_page_refuses_to_demote_or_remove_the_only_admin_who_can_sign_in(
    admin_client, ada, desk, admin_who_cannot_sign_in
):
    demoted = admin_client.post(f"{PEOPLE}role/", {"member": ada.pk, "role": "editor"}, follow=True)
    removed = admin_client.post(f"{PEOPLE}remove/", {"member": ada.pk}, follow=True)

    for response in (demoted, removed):
        assert response.redirect_chain[-1][0] == PEOPLE
        assert [str(message) for message in response.context["messages"]] == [ADA_ONLY]
    _unchanged(ada, desk=desk)


def test_the_api_refuses_to_demote_or_remove_the_only_admin_who_can_sign_in(
    desk_admin_api, ada, desk, admin_who_cannot_sign_in
):
    demoted = desk_admin_api.patch(ADA, {"role": "editor"}, format="json")
    removed = desk_admin_api.delete(ADA)

    for response in (demoted, removed):
        assert response.status_code == 400
        assert response.json()["message"] == ADA_ONLY
    _unchanged(ada, desk=desk)


# --- The Django admin -------------------------------------------------------------------------------


def _membership_change(root_client, membership, **fields):
    data = {"desk": membership.desk_id, "user": membership.user_id, "role": membership.role, **fields}
    return root_client.post(reverse("admin:desks_membership_change", args=[membership.pk]), data, follow=True)


def _inline_people(desk, rows):
    data = {
        "name": desk.name,
        "slug": desk.slug,
        "memberships-TOTAL_FORMS": len(rows),
        "memberships-INITIAL_FORMS": len(rows),
        "memberships-MIN_NUM_FORMS": 0,
        "memberships-MAX_NUM_FORMS": 1000,
    }
    for index, (membership, changes) in enumerate(rows):
        row = {"id": membership.pk, "desk": desk.pk, "user": membership.user_id, "role": membership.role, **changes}
        data.update({f"memberships-{index}-{name}": value for name, value in row.items()})
    return data


def _refused(response) -> None:
    assert response.status_code == 200, response.content[:2000]
    assert LOCKED_OUT in response.content.decode().replace("&#x27;", "'")


@pytest.mark.parametrize(
    "change",
    ["demoted", "moved to another desk", "handed to an account that cannot sign in"],
)
def test_the_admin_does_not_take_the_only_admin_who_can_sign_in_off_the_membership_page(
    root_client, ada, desk, other_desk, admin_who_cannot_sign_in, change
):
    fields = {
        "demoted": {"role": Role.EDITOR},
        "moved to another desk": {"desk": other_desk.pk},
        "handed to an account that cannot sign in": {
            "user": factories.UserFactory(username="cleo", is_active=False).pk
        },
    }[change]

    _refused(_membership_change(root_client, ada, **fields))

    _unchanged(ada, desk=desk)


def test_the_admin_does_not_delete_the_only_admin_who_can_sign_in(root_client, ada, desk, admin_who_cannot_sign_in):
    _refused(root_client.post(reverse("admin:desks_membership_delete", args=[ada.pk]), {"post": "yes"}, follow=True))
    _refused(
        root_client.post(
            reverse("admin:desks_membership_changelist"),
            {"action": "delete_selected", "_selected_action": [ada.pk], "post": "yes"},
            follow=True,
        )
    )

    _unchanged(ada, desk=desk)


@pytest.mark.parametrize("change", [{"role": Role.REVIEWER}, {"DELETE": "on"}], ids=["demoted", "deleted"])
def test_the_desks_inline_people_keep_an_admin_who_can_sign_in(
    root_client, ada, desk, admin_who_cannot_sign_in, change
):
    abe = Membership.objects.get(user=admin_who_cannot_sign_in)

    response = root_client.post(
        reverse("admin:desks_desk_change", args=[desk.pk]),
        _inline_people(desk, [(ada, change), (abe, {})]),
        follow=True,
    )

    _refused(response)
    _unchanged(ada, desk=desk)


def test_the_account_of_the_only_admin_who_can_sign_in_is_not_deleted(
    root_client, ada, desk, desk_admin, admin_who_cannot_sign_in
):
    response = root_client.post(reverse("admin:auth_user_delete", args=[desk_admin.pk]), {"post": "yes"}, follow=True)

    _refused(response)
    assert get_user_model().objects.filter(pk=desk_admin.pk).exists()
    _unchanged(ada, desk=desk)


def test_a_desk_whose_admins_cannot_sign_in_can_be_given_one_who_can_in_the_admin(root_client, ada, desk, reviewer):
    # Ada switched off, the desk's only admin: a site administrator hands the role to Rachel.
    get_user_model().objects.filter(pk=ada.user_id).update(is_active=False)
    rachel = Membership.objects.get(user=reviewer)

    response = root_client.post(
        reverse("admin:desks_desk_change", args=[desk.pk]),
        _inline_people(desk, [(ada, {"role": Role.EDITOR}), (rachel, {"role": Role.ADMIN})]),
    )

    assert response.status_code == 302, response.content[:3000]
    assert dict(Membership.objects.filter(desk=desk).values_list("user__username", "role")) == {
        "ada": Role.EDITOR,
        "rachel": Role.ADMIN,
    }
