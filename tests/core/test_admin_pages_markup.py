"""The admin's own markup where axe found it lacking (tests/ui/test_admin_contrast.py runs axe over
it in a browser): the sign-in page has a heading, and a tabular inline's fields have names a screen
reader reads, not only the column headings above them."""

import re
from pathlib import Path

import django
import lxml.html
import pytest
from django.conf import settings
from django.urls import reverse

from apps.reviews import services
from apps.reviews.models import Rating, ReviewTask, Verdict
from tests import factories

pytestmark = pytest.mark.django_db

OVERRIDE = Path(settings.BASE_DIR) / "templates/admin/edit_inline/tabular.html"
DJANGOS = Path(django.__file__).parent / "contrib/admin/templates/admin/edit_inline/tabular.html"


@pytest.fixture
def reopened_verdict(desk, editor, reviewer) -> Verdict:
    """A published verdict reopened for correction: it has a row in its corrections inline."""
    task = factories.ReviewTaskFactory(claim=factories.ClaimFactory(article=factories.ArticleFactory(desk=desk)))
    services.review_tasks_assign(editor=editor, tasks=[task], assignee=reviewer)
    rating = Rating.objects.get(scale__desk__isnull=True, label="True")
    services.verdict_submit(user=reviewer, task=ReviewTask.objects.get(pk=task.pk), rating=rating, rationale="Yes.")
    services.verdict_approve(editor=editor, task=ReviewTask.objects.get(pk=task.pk))
    services.verdict_reopen(editor=editor, task=ReviewTask.objects.get(pk=task.pk), note="Four, not three.")
    return Verdict.objects.get(task=task)


def test_the_admin_sign_in_page_has_a_heading_and_the_same_form(client):
    page = lxml.html.fromstring(client.get(reverse("admin:login")).content)

    assert [heading.text_content() for heading in page.xpath("//h1")] == ["Log in"]
    form = page.get_element_by_id("login-form")
    assert [field.get("name") for field in form.xpath(".//input")] == [
        "csrfmiddlewaretoken", "username", "password", "next", None,
    ]  # fmt: skip


def test_every_field_of_a_tabular_inline_row_has_a_label(desk, root_client):
    factories.MemberFactory(desk=desk, role="editor")
    page = lxml.html.fromstring(root_client.get(reverse("admin:desks_desk_change", args=[desk.pk])).content)
    group = page.get_element_by_id("memberships-group")
    labelled = {label.get("for"): label.text_content() for label in group.xpath(".//label")}

    rows = group.xpath('.//tr[contains(@class, "form-row") and not(contains(@class, "empty-form"))]')
    fields = [
        field
        for row in rows
        for field in row.xpath('.//td[not(@class="original")]//*[self::input[@type!="hidden"] or self::select]')
    ]

    assert fields
    assert {field.get("id"): labelled.get(field.get("id")) for field in fields} == {
        "id_memberships-0-user": "User",
        "id_memberships-0-role": "Role",
        "id_memberships-0-DELETE": "Delete?",
        "id_memberships-1-user": "User",
        "id_memberships-1-role": "Role",
    }
    assert group.xpath('.//thead//th[@class="original"]')[0].text_content().strip() == "Membership"


def test_a_tabular_inline_whose_rows_cannot_be_deleted_has_no_empty_heading(root_client, reopened_verdict):
    # A verdict's corrections are read-only: their delete column stays empty in every row.
    response = root_client.get(reverse("admin:reviews_verdict_change", args=[reopened_verdict.pk]))
    group = lxml.html.fromstring(response.content).get_element_by_id("corrections-group")

    headings = [heading.text_content().strip() for heading in group.xpath(".//thead//th")]

    assert headings[0] == "Verdict correction"
    assert all(headings), headings


def test_the_tabular_inline_override_is_djangos_template_with_only_its_marked_additions():
    """The override copies Django's whole template (it has no blocks): when Django changes its own, this
    fails, for the copy to be made again from the new one."""
    additions = re.compile(
        r"\{% comment %\}.*?\{% endcomment %\}\n"  # the override's note
        r"|^ *\{# factcheck: #\}[^\n]*\n"  # a line added
        r"|\{# factcheck: #\}<(span|label) [^>]*>[^<]*</\1>",  # a hidden name added within a line
        re.DOTALL | re.MULTILINE,
    )

    assert additions.sub("", OVERRIDE.read_text()) == DJANGOS.read_text()
