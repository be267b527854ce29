"""An admin who changes their own role or removes themselves is asked first: either takes the desk
settings away from them at once, and only another admin can give them back."""

import re

import pytest

from tests import factories

pytestmark = pytest.mark.django_db


def _row(page: str, username: str) -> str:
    return next(row for row in re.findall(r"<tr>.*?</tr>", page, re.S) if f"<td>{username}" in row)


def test_changing_your_own_role_or_leaving_asks_first(client, desk, reviewer):
    client.force_login(factories.MemberFactory(desk=desk, role="admin", username="ada").user)

    page = client.get(f"/desks/{desk.slug}/people/").content.decode()

    own = _row(page, "ada")
    assert 'data-confirm="Change your own role? Unless you stay a desk admin, you lose these settings' in own
    assert 'data-confirm="Remove yourself from World desk? You lose access to its articles and settings' in own
    other = _row(page, "rachel")
    assert "Change your own role" not in other
    assert 'data-confirm="Remove rachel from World desk? They lose access' in other
