import pytest
from django.utils.dateparse import parse_datetime
from rest_framework.test import APIClient

from apps.desks.models import Membership, Role
from tests import factories

pytestmark = pytest.mark.django_db

MEMBERS = "/api/v1/desks/world/members/"
RACHEL = "/api/v1/desks/world/members/rachel/"
ACCOUNTS = "/api/v1/desks/world/accounts/"


def test_everyone_lists_their_own_desks_with_their_role(editor_api, desk_admin_api, outsider_api):
    assert editor_api.get("/api/v1/desks/").json() == [
        {"id": str(Membership.objects.get(user__username="edith").desk_id), "slug": "world", "name": "World desk",
         "role": "editor"},
    ]  # fmt: skip
    assert [d["role"] for d in desk_admin_api.get("/api/v1/desks/").json()] == ["admin"]
    assert [d["slug"] for d in outsider_api.get("/api/v1/desks/").json()] == ["sports"]


def test_an_admin_lists_the_desks_people(desk_admin_api, editor, reviewer, django_assert_max_num_queries):
    with django_assert_max_num_queries(6):
        response = desk_admin_api.get(MEMBERS)

    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 3
    assert [(m["username"], m["role"]) for m in body["results"]] == [
        ("ada", "admin"),
        ("edith", "editor"),
        ("rachel", "reviewer"),
    ]


@pytest.mark.parametrize(
    ("method", "path", "data"),
    [
        ("get", MEMBERS, None),
        ("post", MEMBERS, {"username": "oscar", "role": "reviewer"}),
        ("patch", RACHEL, {"role": "editor"}),
        ("delete", RACHEL, None),
        ("post", ACCOUNTS, {"username": "newbie", "role": "reviewer"}),
    ],
)
def test_editors_and_reviewers_are_refused_and_outsiders_see_no_desk(
    editor_api, reviewer_api, outsider_api, desk_admin, method, path, data
):
    for client in (editor_api, reviewer_api):
        response = getattr(client, method)(path, data, format="json")
        assert response.status_code == 403, (method, path)
        assert response.json()["message"].startswith("Only the desk's admins")

    response = getattr(outsider_api, method)(path, data, format="json")
    assert response.status_code == 404
    assert Membership.objects.filter(user__username="rachel", role=Role.REVIEWER).exists()


def test_an_admin_adds_an_existing_account(desk_admin_api, outsider):
    response = desk_admin_api.post(MEMBERS, {"username": "oscar", "role": "reviewer"}, format="json")

    assert response.status_code == 201
    assert response.json()["username"] == "oscar"
    assert Membership.objects.filter(desk__slug="world", user=outsider, role=Role.REVIEWER).exists()


def test_adding_a_member_again_with_the_same_role_answers_200_with_the_existing_membership(desk_admin_api, reviewer):
    before = Membership.objects.get(user=reviewer)

    response = desk_admin_api.post(MEMBERS, {"username": "rachel", "role": "reviewer"}, format="json")

    assert response.status_code == 200
    assert response.json()["username"] == "rachel"
    assert parse_datetime(response.json()["joined_at"]) == before.created_at
    assert Membership.objects.filter(user=reviewer).count() == 1


def test_adding_a_member_again_with_another_role_is_a_conflict(desk_admin_api, reviewer):
    response = desk_admin_api.post(MEMBERS, {"username": "rachel", "role": "editor"}, format="json")

    assert response.status_code == 409
    assert response.json()["message"] == "rachel is already a member (Reviewer); change their role instead."


def test_adding_an_unknown_account_is_a_clear_error(desk_admin_api):
    response = desk_admin_api.post(MEMBERS, {"username": "ghost", "role": "reviewer"}, format="json")

    assert response.status_code == 400
    assert response.json()["message"] == "No account is named 'ghost'; create it instead."


def test_an_admin_changes_a_role_and_removes_a_member(desk_admin_api, reviewer):
    response = desk_admin_api.patch(RACHEL, {"role": "editor"}, format="json")
    assert response.status_code == 200
    assert response.json()["role"] == "editor"

    assert desk_admin_api.delete(RACHEL).status_code == 204
    assert desk_admin_api.delete(RACHEL).status_code == 404
    assert not Membership.objects.filter(user=reviewer).exists()


def test_the_last_admin_is_neither_demoted_nor_removed(desk_admin_api):
    response = desk_admin_api.patch("/api/v1/desks/world/members/ada/", {"role": "editor"}, format="json")
    assert response.status_code == 400
    assert "only admin" in response.json()["message"]

    response = desk_admin_api.delete("/api/v1/desks/world/members/ada/")
    assert response.status_code == 400
    assert Membership.objects.filter(user__username="ada", role=Role.ADMIN).exists()


def test_an_unknown_role_is_a_validation_error(desk_admin_api, reviewer):
    response = desk_admin_api.patch(RACHEL, {"role": "owner"}, format="json")

    assert response.status_code == 400
    assert "role" in response.json()["extra"]["fields"]


def test_an_admin_creates_an_account_and_gets_its_generated_password_once(desk_admin_api):
    response = desk_admin_api.post(ACCOUNTS, {"username": "newbie", "role": "reviewer"}, format="json")

    assert response.status_code == 201
    assert "no-store" in response["Cache-Control"]
    body = response.json()
    assert body["member"]["username"] == "newbie"
    membership = Membership.objects.get(user__username="newbie")
    assert membership.user.check_password(body["generated_password"])

    listed = desk_admin_api.get(MEMBERS).json()["results"]
    assert all("password" not in str(member) for member in listed)


def test_a_weak_chosen_password_is_refused(desk_admin_api):
    response = desk_admin_api.post(
        ACCOUNTS, {"username": "newbie", "role": "reviewer", "password": "12345678"}, format="json"
    )

    assert response.status_code == 400
    assert "too common" in response.json()["message"]
    assert response.json()["extra"]["fields"]["password"]


def test_an_admin_of_another_desk_cannot_manage_this_one(desk, other_desk, reviewer):
    stranger = factories.MemberFactory(desk=other_desk, role=Role.ADMIN, username="sam").user
    client = APIClient()
    client.force_authenticate(stranger)

    assert client.get(MEMBERS).status_code == 404
    assert client.delete(RACHEL).status_code == 404


def test_importing_into_another_newsrooms_desk_answers_like_a_desk_that_does_not_exist(outsider_api, desk):
    """Desk slugs of other newsrooms cannot be probed through the import's `desk`."""
    answers = [
        outsider_api.post("/api/v1/articles/import/", {"desk": ref, "text": "Exports rose 12% in 2023."}, format="json")
        for ref in (desk.slug, "no-such-desk", str(desk.pk))
    ]

    assert {answer.status_code for answer in answers} == {404}
    assert {answer.content for answer in answers} == {b'{"message":"Desk not found.","extra":{}}'}
