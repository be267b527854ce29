"""A refused new account is explained beside the field at fault, so the admin (and a screen
reader, through the field's description) knows what to change: before, every problem sat above
the form, apart from its field."""

import re

import pytest

from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, desk):
    client.force_login(factories.MemberFactory(desk=desk, role="admin", username="ada").user)
    return client


def _field(page: str, element_id: str) -> str:
    return re.search(rf'<input[^>]*id="{element_id}"[^>]*>', page).group(0)


def test_a_rejected_password_is_explained_beside_the_password_field(admin_client, desk):
    response = admin_client.post(
        f"/desks/{desk.slug}/people/create/", {"username": "newbie", "password": "123", "role": "reviewer"}
    )

    page = response.content.decode()
    assert response.status_code == 400
    assert 'aria-invalid="true" aria-describedby="create-password_helptext create-password_error"' in _field(
        page, "create-password"
    )
    errors = re.search(r'<div id="create-password_error">(.*?)</div>', page, re.S).group(1)
    assert "This password is too short." in errors
    assert 'class="form-errors"' not in page


def test_a_taken_username_is_explained_beside_the_username_field(admin_client, desk, editor):
    response = admin_client.post(f"/desks/{desk.slug}/people/create/", {"username": "edith", "role": "reviewer"})

    page = response.content.decode()
    assert response.status_code == 400
    assert 'aria-invalid="true"' in _field(page, "create-username")
    assert "A user with that username already exists." in re.search(
        r'<div id="create-username_error">(.*?)</div>', page, re.S
    ).group(1)
