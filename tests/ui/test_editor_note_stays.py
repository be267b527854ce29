"""The editor's note on a returned verdict stays on the claim page while the reviewer works on it,
and the editor sees it again beside the resubmitted verdict."""

import pytest
from django.urls import reverse

from apps.reviews import services
from apps.reviews.models import Rating, ReviewTask

pytestmark = pytest.mark.django_db

NOTE = "Name the three resolutions and their dates."


@pytest.fixture
def returned_task(veto_task, editor, reviewer):
    services.review_tasks_assign(editor=editor, tasks=[veto_task], assignee=reviewer)
    rating = Rating.objects.get(scale__desk=None, label="True")
    services.verdict_submit(user=reviewer, task=veto_task, rating=rating, rationale="Three vetoes.")
    services.verdict_return(editor=editor, task=veto_task, note=NOTE)
    return ReviewTask.objects.get(pk=veto_task.pk)


def _notice(client, task):
    page = client.get(reverse("claims:detail", args=[task.claim.pk])).content.decode()
    start = page.find('role="note"')
    return page[start : page.index("</div>", start)] if start != -1 else ""


def test_starting_the_review_of_a_returned_verdict_keeps_the_editors_note_on_the_page(
    reviewer_client, reviewer, returned_task
):
    reviewer_client.post(reverse("reviews:draft", args=[returned_task.claim.pk]))

    notice = _notice(reviewer_client, returned_task)

    assert "Returned by the editor:" in notice
    assert NOTE in notice


def test_the_editor_sees_their_note_beside_the_resubmitted_verdict(editor_client, reviewer, returned_task):
    rating = Rating.objects.get(scale__desk=None, label="True")
    services.verdict_submit(
        user=reviewer, task=returned_task, rating=rating, rationale="S/2011/612, S/2012/77, S/2012/538."
    )

    notice = _notice(editor_client, returned_task)

    assert "Resubmitted after the editor returned it with this note:" in notice
    assert NOTE in notice
