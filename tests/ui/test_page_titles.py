"""Every page's title says what the page is (WCAG 2.4.2): the title is what a screen reader reads
first and what a tab shows."""

import re

import pytest

from tests import factories

pytestmark = pytest.mark.django_db


def _title(response) -> str:
    return re.search(r"<title>(.*?)</title>", response.content.decode(), re.S).group(1)


def test_an_error_page_is_titled_in_words_not_by_its_status_code(client, desk, other_desk):
    client.force_login(factories.MemberFactory(desk=desk, role="editor", username="ed").user)

    outside = client.get(f"/desks/{other_desk.slug}/people/")
    not_an_admin = client.get(f"/desks/{desk.slug}/people/")

    assert outside.status_code == 404
    assert _title(outside) == "Not found · factcheck"
    assert not_an_admin.status_code == 403
    assert _title(not_an_admin) == "Not allowed · factcheck"
