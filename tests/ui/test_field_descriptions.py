"""A field's help and errors are tied to it (aria-describedby), so a screen reader reads them out
with the field: every id a description names is on the page, and an invalid field names its error."""

import re

import pytest
from django.urls import reverse

from apps.reviews import services as reviews
from tests import factories

pytestmark = pytest.mark.django_db


def _descriptions(html: str) -> dict[str, str]:
    """{id: text} of every element an aria-describedby on the page names, "" for a missing one."""
    ids = {name for value in re.findall(r'aria-describedby="([^"]*)"', html) for name in value.split()}
    found = {}
    for name in ids:
        match = re.search(rf'id="{re.escape(name)}"[^>]*>(.*?)</(?:p|div)>', html, re.S)
        found[name] = re.sub(r"<[^>]+>", "", match.group(1)).strip() if match else ""
    return found


def _assert_described(response) -> dict[str, str]:
    descriptions = _descriptions(response.content.decode())
    assert descriptions, "nothing on the page is described"
    assert [name for name, text in descriptions.items() if not text] == []
    return descriptions


@pytest.fixture
def admin_client(client, desk):
    client.force_login(factories.MemberFactory(desk=desk, role="admin", username="ada").user)
    return client


def test_the_import_forms_help_and_errors_are_tied_to_their_fields(editor_client):
    _assert_described(editor_client.get(reverse("articles:import")))

    response = editor_client.post(reverse("articles:import"), {"url": "not a url"})

    assert response.status_code == 400
    assert 'aria-invalid="true" aria-describedby="id_url_error"' in response.content.decode()
    assert _assert_described(response)["id_url_error"] == "Enter a valid URL."


def test_the_people_forms_errors_are_tied_to_their_fields(admin_client, desk):
    response = admin_client.post(reverse("desks:member_add", args=[desk.slug]), {"username": "", "role": "editor"})

    assert response.status_code == 400
    assert _assert_described(response)["add-username_error"] == "Give the username to add."


def test_the_source_rule_forms_help_and_errors_are_tied_to_their_fields(admin_client, desk):
    _assert_described(admin_client.get(reverse("desks:source_rule_create", args=[desk.slug])))

    response = admin_client.post(
        reverse("desks:source_rule_create", args=[desk.slug]), {"name": "Rule", "priority": "first"}
    )

    assert response.status_code == 400
    descriptions = _assert_described(response)
    assert descriptions["id_priority_error"] == "Enter a whole number."
    assert descriptions["id_priority_helptext"] == "Lower comes first."


def test_the_verdict_forms_help_is_tied_to_the_rationale(reviewer_client, editor, reviewer, veto_task):
    reviews.review_tasks_assign(editor=editor, tasks=[veto_task], assignee=reviewer)

    response = reviewer_client.get(reverse("claims:detail", args=[veto_task.claim.pk]))

    assert "in words a reader can follow" in _assert_described(response)["id_rationale_helptext"]
