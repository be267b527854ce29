"""`GET /api/v1/tasks/?language=`: review tasks of the articles in one language, like the other lists."""

import pytest

from apps.reviews.services import review_tasks_assign
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def tasks_by_language(desk, editor, reviewer):
    tasks = {}
    for language in ("es", "pt-BR", "en"):
        article = factories.ArticleFactory(desk=desk, language=language)
        tasks[language] = factories.ReviewTaskFactory(claim=factories.ClaimFactory(article=article))
    review_tasks_assign(editor=editor, tasks=list(tasks.values()), assignee=reviewer)
    return tasks


def _ids(response):
    assert response.status_code == 200, response.content
    return {row["id"] for row in response.json()["results"]}


def test_the_task_list_filters_by_language_including_narrower_tags(editor_api, tasks_by_language):
    spanish = _ids(editor_api.get("/api/v1/tasks/", {"language": "ES"}))
    portuguese = _ids(editor_api.get("/api/v1/tasks/", {"language": "pt"}))

    assert spanish == {str(tasks_by_language["es"].pk)}
    assert portuguese == {str(tasks_by_language["pt-BR"].pk)}


def test_the_reviewers_own_queue_filters_by_language(reviewer_api, tasks_by_language):
    queue = _ids(reviewer_api.get("/api/v1/tasks/", {"assignee": "me", "language": "en"}))
    with_status = _ids(reviewer_api.get("/api/v1/tasks/", {"assignee": "me", "status": "assigned", "language": "en"}))

    assert queue == with_status == {str(tasks_by_language["en"].pk)}


def test_a_malformed_language_filter_is_a_400_naming_it(editor_api, tasks_by_language):
    response = editor_api.get("/api/v1/tasks/", {"language": "Spanish!"})

    assert response.status_code == 400
    assert "language" in response.json()["extra"]["fields"]
