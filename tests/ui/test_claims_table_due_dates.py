"""The article page's claims table shows when each assigned claim is due."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def _row(page, claim):
    row = page[page.index(f'<tr id="claim-{claim.pk}">') :]
    return row[: row.index("</tr>")]


def test_the_assignee_column_shows_the_due_date(editor_client, article, veto_task, toll_task, reviewer):
    editor_client.post(
        reverse("reviews:assign", args=[article.pk]),
        {"tasks": [veto_task.pk], "assignee": reviewer.pk, "due_date": "2031-12-01"},
    )

    page = editor_client.get(reverse("articles:detail", args=[article.pk])).content.decode()

    assert "due 1 Dec 2031" in _row(page, veto_task.claim)
    assert "due " not in _row(page, toll_task.claim)
