"""GET /api/v1/tasks/ refuses filters it does not understand, naming what it takes, instead of
answering as if they matched (an empty list, or every task for an unknown assignee)."""

import pytest

from apps.reviews import services
from tests import factories

pytestmark = pytest.mark.django_db

URL = "/api/v1/tasks/"


@pytest.fixture
def tasks(desk, editor, reviewer, second_reviewer):
    article = factories.ArticleFactory(desk=desk)
    tasks = [
        factories.ReviewTaskFactory(claim=factories.ClaimFactory(article=article, start=i * 10, end=i * 10 + 5))
        for i in range(3)
    ]
    services.review_tasks_assign(editor=editor, tasks=tasks[:1], assignee=reviewer)
    services.review_tasks_assign(editor=editor, tasks=tasks[1:2], assignee=second_reviewer)
    return tasks


def test_an_unknown_status_is_refused_with_the_allowed_ones(editor_api, tasks):
    response = editor_api.get(URL, {"status": "garbage"})

    assert response.status_code == 400
    message = response.json()["extra"]["fields"]["status"]
    assert "new, assigned, in_review, submitted, returned, approved" in str(message)


def test_an_unknown_assignee_is_refused_rather_than_listing_every_task(editor_api, tasks):
    response = editor_api.get(URL, {"assignee": "nobody"})

    assert response.status_code == 400
    assert "none is called 'nobody'" in str(response.json()["extra"]["fields"]["assignee"])


def test_someone_outside_the_users_desks_is_an_unknown_assignee(editor_api, tasks, outsider):
    response = editor_api.get(URL, {"assignee": outsider.username})

    assert response.status_code == 400


def test_a_colleagues_username_lists_their_tasks(editor_api, tasks, reviewer):
    response = editor_api.get(URL, {"assignee": reviewer.username})

    assert response.status_code == 200
    assert [task["id"] for task in response.json()["results"]] == [str(tasks[0].pk)]


def test_a_malformed_article_id_is_refused(editor_api, tasks):
    response = editor_api.get(URL, {"article": "not-a-uuid"})

    assert response.status_code == 400
    assert response.json()["extra"]["fields"]["article"] == "Must be a UUID."


def test_known_filters_still_work(editor_api, reviewer_api, tasks):
    assert editor_api.get(URL, {"status": "new"}).json()["count"] == 1
    assert editor_api.get(URL, {"status": ""}).json()["count"] == 3
    assert reviewer_api.get(URL, {"assignee": "me"}).json()["count"] == 1


def test_my_tasks_can_be_filtered_by_status_and_article(reviewer_api, tasks):
    assert reviewer_api.get(URL, {"assignee": "me", "status": "approved"}).json()["count"] == 0
    assert reviewer_api.get(URL, {"assignee": "me", "status": "assigned"}).json()["count"] == 1
    other_article = factories.ArticleFactory(desk=tasks[0].claim.article.desk)
    assert reviewer_api.get(URL, {"assignee": "me", "article": str(other_article.pk)}).json()["count"] == 0
