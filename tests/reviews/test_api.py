import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from apps.reviews.models import Rating, ReviewTask, TaskStatus, Verdict
from tests import factories


@pytest.fixture
def tasks(desk):
    article = factories.ArticleFactory(desk=desk)
    return [
        factories.ReviewTaskFactory(claim=factories.ClaimFactory(article=article, start=i * 10, end=i * 10 + 5))
        for i in range(2)
    ]


def test_journey_through_the_api(tasks, editor_api, reviewer_api, reviewer):
    response = editor_api.post(
        "/api/v1/tasks/assign/",
        {"task_ids": [str(t.pk) for t in tasks], "assignee": reviewer.username},
        format="json",
    )
    assert response.status_code == 200, response.json()
    assert {row["status"] for row in response.json()} == {"assigned"}

    queue = reviewer_api.get("/api/v1/tasks/?assignee=me").json()
    assert queue["count"] == 2

    task_id = str(tasks[0].pk)
    assert reviewer_api.post(f"/api/v1/tasks/{task_id}/start/").json()["status"] == "in_review"
    ratings = reviewer_api.get("/api/v1/ratings/").json()
    false_id = next(r["id"] for r in ratings if r["label"] == "False")
    response = reviewer_api.post(
        f"/api/v1/tasks/{task_id}/verdict/",
        {"rating": false_id, "rationale": "Records show two."},
        format="json",
    )
    assert response.json()["status"] == "submitted"

    response = editor_api.post(f"/api/v1/tasks/{task_id}/approve/")
    assert response.status_code == 200
    assert response.json()["verdict"]["rating"]["label"] == "False"
    assert response.json()["verdict"]["approved_by"] == "edith"


def test_reviewer_cannot_approve_and_gets_403_with_message(tasks, editor_api, reviewer_api, reviewer):
    editor_api.post("/api/v1/tasks/assign/", {"task_ids": [str(tasks[0].pk)], "assignee": "rachel"}, format="json")
    rating = Rating.objects.get(scale__desk=None, label="True")
    reviewer_api.post(
        f"/api/v1/tasks/{tasks[0].pk}/verdict/", {"rating": str(rating.pk), "rationale": "ok"}, format="json"
    )
    response = reviewer_api.post(f"/api/v1/tasks/{tasks[0].pk}/approve/")
    assert response.status_code == 403
    assert response.json()["message"] == "Only the desk's editors can do this."


def test_outsider_sees_no_tasks_and_gets_404(tasks, outsider_api):
    assert outsider_api.get("/api/v1/tasks/").json()["count"] == 0
    assert outsider_api.get(f"/api/v1/tasks/{tasks[0].pk}/").status_code == 404
    assert outsider_api.post(f"/api/v1/tasks/{tasks[0].pk}/approve/").status_code == 404


def test_anonymous_requests_are_refused(tasks, anonymous_api):
    assert anonymous_api.get("/api/v1/tasks/").status_code in (401, 403)


def test_malformed_ids_and_bodies_are_4xx(tasks, editor_api):
    assert editor_api.get("/api/v1/tasks/not-a-uuid/").status_code == 404
    response = editor_api.post("/api/v1/tasks/assign/", {"task_ids": ["nope"], "assignee": "rachel"}, format="json")
    assert response.status_code == 400
    assert response.json()["message"] == "Validation error."
    response = editor_api.post(
        "/api/v1/tasks/assign/", {"task_ids": [str(tasks[0].pk)], "assignee": "ghost"}, format="json"
    )
    assert response.status_code == 400
    assert tasks[0].__class__.objects.get(pk=tasks[0].pk).status == TaskStatus.NEW


def test_task_list_query_count_does_not_grow_with_tasks(desk, editor_api, django_assert_max_num_queries):
    article = factories.ArticleFactory(desk=desk)
    for i in range(20):
        factories.ReviewTaskFactory(claim=factories.ClaimFactory(article=article, start=i, end=i + 1))
    with django_assert_max_num_queries(6):
        response = editor_api.get("/api/v1/tasks/")
    assert response.json()["count"] == 20


def _task_with_verdict(article, *, index, reviewer, approver=None):
    task = factories.ReviewTaskFactory(
        claim=factories.ClaimFactory(article=article, start=index, end=index + 1),
        assignee=reviewer,
        status=TaskStatus.APPROVED if approver else TaskStatus.SUBMITTED,
    )
    verdict = Verdict.objects.create(
        task=task,
        rating=Rating.objects.filter(scale__desk=None).first(),
        rationale="Records show two.",
        reviewer=reviewer,
        submitted_at=timezone.now(),
        approved_by=approver,
        approved_at=timezone.now() if approver else None,
    )
    verdict.cited_references.add(factories.ReferenceFactory(claim=task.claim))


def test_task_list_query_count_does_not_grow_with_verdicts(
    desk, editor, reviewer, editor_api, django_assert_max_num_queries
):
    """Each verdict names its reviewer and approver and cites references: read with the page, not per row."""
    article = factories.ArticleFactory(desk=desk)
    for index in range(20):
        _task_with_verdict(article, index=index, reviewer=reviewer, approver=editor if index % 2 else None)

    with django_assert_max_num_queries(6):
        response = editor_api.get("/api/v1/tasks/")

    rows = response.json()["results"]
    assert len(rows) == 20
    assert {row["verdict"]["reviewer"] for row in rows} == {"rachel"}
    assert {row["verdict"]["approved_by"] for row in rows} == {"edith", None}
    assert all(len(row["verdict"]["cited_references"]) == 1 for row in rows)


def test_assigning_to_someone_outside_your_desks_does_not_reveal_whether_the_account_exists(
    tasks, editor_api, outsider
):
    """An editor of one newsroom cannot probe another newsroom's usernames through assignment."""
    names = [outsider.username, "nobody-has-this-name"]
    answers = [
        editor_api.post("/api/v1/tasks/assign/", {"task_ids": [str(tasks[0].pk)], "assignee": name}, format="json")
        for name in names
    ]

    assert [answer.status_code for answer in answers] == [400, 400]
    bodies = [answer.content.decode().replace(name, "NAME") for answer, name in zip(answers, names, strict=True)]
    assert bodies[0] == bodies[1]
    assert "assignee" in answers[0].json()["extra"]["fields"]


def _assign_due(client, tasks, assignee, **due):
    return client.post(
        "/api/v1/tasks/assign/", {"task_ids": [str(t.pk) for t in tasks], "assignee": assignee, **due}, format="json"
    )


def test_reassigning_without_a_due_date_keeps_it_and_null_clears_it(tasks, editor_api, reviewer, second_reviewer):
    due = timezone.localdate() + dt.timedelta(days=3)
    assert _assign_due(editor_api, tasks, "rachel", due_date=str(due)).json()[0]["due_date"] == str(due)

    response = _assign_due(editor_api, tasks, "roger")

    assert response.status_code == 200
    assert [row["due_date"] for row in response.json()] == [str(due), str(due)]
    assert {t.due_date for t in ReviewTask.objects.filter(pk__in=[t.pk for t in tasks])} == {due}

    response = _assign_due(editor_api, tasks, "roger", due_date=None)

    assert [row["due_date"] for row in response.json()] == [None, None]
    assert {t.due_date for t in ReviewTask.objects.filter(pk__in=[t.pk for t in tasks])} == {None}


def test_assigning_runs_the_same_queries_for_one_task_as_for_thirty(desk, editor_api, reviewer):
    article = factories.ArticleFactory(desk=desk)
    tasks = [
        factories.ReviewTaskFactory(claim=factories.ClaimFactory(article=article, start=i, end=i + 1))
        for i in range(31)
    ]
    query_counts = []
    for batch in (tasks[:1], tasks[1:]):
        with CaptureQueriesContext(connection) as queries:
            response = _assign_due(editor_api, batch, "rachel", due_date=str(timezone.localdate()))
        assert response.status_code == 200
        assert len(response.json()) == len(batch)
        query_counts.append(len(queries))

    assert query_counts[0] == query_counts[1]


def test_assigning_a_task_outside_your_desks_is_a_404_naming_it(tasks, editor_api, outsider):
    elsewhere = factories.ReviewTaskFactory(
        claim=factories.ClaimFactory(article=factories.ArticleFactory(desk=outsider.desk_memberships.get().desk))
    )

    response = _assign_due(editor_api, [tasks[0], elsewhere], "rachel")

    assert response.status_code == 404
    assert response.json() == {"message": "Task not found.", "extra": {"task_ids": [str(elsewhere.pk)]}}
    assert ReviewTask.objects.get(pk=tasks[0].pk).status == TaskStatus.NEW
