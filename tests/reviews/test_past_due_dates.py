"""A review task is never given a due date that has already passed: a new or changed date before the
site's today (TIME_ZONE, the day "overdue" is counted from) is a 400, while an overdue task keeps its
date when it is reassigned with it."""

import datetime as dt

import pytest
import time_machine
from django.contrib.messages import get_messages
from django.urls import reverse

from apps.core.exceptions import ApplicationError
from apps.reviews import services
from apps.reviews.models import ReviewTask, TaskStatus
from tests import factories

pytestmark = pytest.mark.django_db

# 05:00 UTC on 28 November is still 27 November, 19:00, in Honolulu (UTC-10 all year).
NOW = dt.datetime(2026, 11, 28, 5, 0, tzinfo=dt.UTC)
TODAY_IN_HONOLULU = dt.date(2026, 11, 27)


@pytest.fixture(autouse=True)
def honolulu_evening(settings):
    settings.TIME_ZONE = "Pacific/Honolulu"
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def tasks(desk):
    article = factories.ArticleFactory(desk=desk)
    return [
        factories.ReviewTaskFactory(claim=factories.ClaimFactory(article=article, start=i * 10, end=i * 10 + 5))
        for i in range(2)
    ]


@pytest.fixture
def overdue(tasks, reviewer):
    """Both tasks assigned to Rachel, due two days ago (set before the rule, as by an older release)."""
    yesterday_but_one = TODAY_IN_HONOLULU - dt.timedelta(days=2)
    ReviewTask.objects.filter(pk__in=[task.pk for task in tasks]).update(
        assignee=reviewer, status=TaskStatus.ASSIGNED, due_date=yesterday_but_one
    )
    return [ReviewTask.objects.get(pk=task.pk) for task in tasks]


def _due_dates(tasks):
    return [ReviewTask.objects.get(pk=task.pk).due_date for task in tasks]


def test_a_due_date_before_the_sites_today_is_refused_and_nothing_is_assigned(tasks, editor, reviewer):
    with pytest.raises(ApplicationError) as refused:
        services.review_tasks_assign(
            editor=editor, tasks=tasks, assignee=reviewer, due_date=TODAY_IN_HONOLULU - dt.timedelta(days=1)
        )

    assert refused.value.status == 400
    assert refused.value.message == "The due date is in the past: 2026-11-26 is before today, 2026-11-27."
    assert refused.value.extra == {"fields": {"due_date": ["The due date is in the past."]}}
    assert [(task.assignee_id, task.due_date) for task in ReviewTask.objects.filter(pk__in=[t.pk for t in tasks])] == [
        (None, None),
        (None, None),
    ]


def test_today_in_the_sites_time_zone_is_accepted_though_utc_is_a_day_ahead(tasks, editor, reviewer):
    services.review_tasks_assign(editor=editor, tasks=tasks, assignee=reviewer, due_date=TODAY_IN_HONOLULU)

    assert _due_dates(tasks) == [TODAY_IN_HONOLULU, TODAY_IN_HONOLULU]


def test_an_overdue_task_keeps_its_past_date_when_reassigned_with_it_or_without_one(overdue, editor, second_reviewer):
    past = overdue[0].due_date
    services.review_tasks_assign(editor=editor, tasks=overdue, assignee=second_reviewer, due_date=past)
    services.review_tasks_assign(editor=editor, tasks=overdue, assignee=second_reviewer)

    assert _due_dates(overdue) == [past, past]
    assert {task.assignee for task in ReviewTask.objects.filter(pk__in=[t.pk for t in overdue])} == {second_reviewer}


def test_moving_an_overdue_task_to_another_past_day_is_refused(overdue, editor, reviewer):
    with pytest.raises(ApplicationError, match="The due date is in the past"):
        services.review_tasks_assign(
            editor=editor, tasks=overdue, assignee=reviewer, due_date=overdue[0].due_date + dt.timedelta(days=1)
        )


def test_a_past_date_shared_by_one_ticked_task_is_new_to_another_and_refused(overdue, desk, editor, reviewer):
    fresh = factories.ReviewTaskFactory(claim=factories.ClaimFactory(article=overdue[0].claim.article, start=40))

    with pytest.raises(ApplicationError, match="The due date is in the past"):
        services.review_tasks_assign(
            editor=editor, tasks=[overdue[0], fresh], assignee=reviewer, due_date=overdue[0].due_date
        )
    assert ReviewTask.objects.get(pk=fresh.pk).due_date is None


def _api_assign(client, tasks, **due):
    return client.post(
        "/api/v1/tasks/assign/", {"task_ids": [str(t.pk) for t in tasks], "assignee": "rachel", **due}, format="json"
    )


def test_the_api_answers_a_past_due_date_with_400_at_the_field(tasks, editor_api, reviewer):
    response = _api_assign(editor_api, tasks, due_date="2026-11-26")

    assert response.status_code == 400
    assert response.json() == {
        "message": "The due date is in the past: 2026-11-26 is before today, 2026-11-27.",
        "extra": {"fields": {"due_date": ["The due date is in the past."]}},
    }
    assert _due_dates(tasks) == [None, None]


def test_the_api_reassigns_an_overdue_task_with_its_own_date(overdue, editor_api):
    past = overdue[0].due_date

    response = _api_assign(editor_api, overdue, due_date=str(past))

    assert response.status_code == 200
    assert [row["due_date"] for row in response.json()] == [str(past), str(past)]


def test_the_assignment_form_says_the_due_date_is_in_the_past_and_assigns_nothing(client, editor, tasks, reviewer):
    article = tasks[0].claim.article
    client.force_login(editor)

    response = client.post(
        reverse("reviews:assign", args=[article.pk]),
        {"tasks": [str(task.pk) for task in tasks], "assignee": reviewer.pk, "due_date": "2026-11-26"},
    )

    assert response.status_code == 302
    assert [str(message) for message in get_messages(response.wsgi_request)] == [
        "The due date is in the past: 2026-11-26 is before today, 2026-11-27."
    ]
    assert _due_dates(tasks) == [None, None]
