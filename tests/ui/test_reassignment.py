"""An editor moves a claim to another reviewer while the first one has it open."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from apps.reviews import services
from apps.reviews.models import Rating, ReviewTask, TaskStatus, Verdict

pytestmark = pytest.mark.django_db


@pytest.fixture
def started(veto_task, editor, reviewer):
    services.review_tasks_assign(editor=editor, tasks=[veto_task], assignee=reviewer)
    services.review_task_start(user=reviewer, task=veto_task)
    return ReviewTask.objects.get(pk=veto_task.pk)


def test_a_claim_in_review_moved_to_another_reviewer_is_assigned_not_in_review(started, editor, second_reviewer):
    services.review_tasks_assign(editor=editor, tasks=[started], assignee=second_reviewer)

    started.refresh_from_db()
    assert (started.assignee, started.status) == (second_reviewer, TaskStatus.ASSIGNED)


def test_changing_the_due_date_of_a_claim_in_review_keeps_it_in_review(started, editor, reviewer):
    services.review_tasks_assign(editor=editor, tasks=[started], assignee=reviewer, due_date=None)

    started.refresh_from_db()
    assert started.status == TaskStatus.IN_REVIEW


def test_a_verdict_sent_after_the_claim_moved_on_names_its_new_reviewer_and_hands_back_the_text(
    reviewer_client, started, editor, second_reviewer
):
    services.review_tasks_assign(editor=editor, tasks=[started], assignee=second_reviewer)
    rating = Rating.objects.get(scale__desk=None, label="True")

    response = reviewer_client.post(
        reverse("reviews:verdict", args=[started.claim.pk]),
        {"rating": rating.pk, "rationale": "Three vetoes on the UN list.", "revision": 0},
    )

    assert [str(message) for message in get_messages(response.wsgi_request)] == [
        "This claim is now assigned to roger, so it takes no work from you.",
        "Your rationale was not recorded; here it is to keep: \u201cThree vetoes on the UN list.\u201d",
    ]
    assert not Verdict.objects.exists()
