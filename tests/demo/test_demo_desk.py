"""The demo desk `make run` loads: people, a library, the demo article, and claims at every stage
of the review, so a first look at each screen shows something."""

import pytest
from django.contrib.auth import get_user_model

from apps.articles.services import article_delete
from apps.core.models import AuditEvent
from apps.demo.services import demo_desk_load
from apps.reviews import services
from apps.reviews.models import ReviewTask, TaskStatus, Verdict

pytestmark = pytest.mark.django_db


def _stages(article) -> dict[str, tuple[str, str]]:
    tasks = ReviewTask.objects.filter(claim__article=article).select_related("claim", "assignee")
    return {task.claim.text: (task.status, task.assignee.username if task.assignee else "") for task in tasks}


def _stage_of(stages: dict[str, tuple[str, str]], words: str) -> tuple[str, str]:
    (stage,) = [stage for text, stage in stages.items() if words in text]
    return stage


def test_the_demo_desk_has_people_a_library_and_claims_at_every_stage_of_the_review():
    demo = demo_desk_load()

    assert [(username, role) for username, _, role in demo.logins] == [
        ("editor", "editor"),
        ("reviewer1", "reviewer"),
        ("reviewer2", "reviewer"),
        ("deskadmin", "admin"),
    ]
    assert demo.desk.library_documents.count() == 8
    stages = _stages(demo.article)
    assert _stage_of(stages, "vetoed three") == (TaskStatus.APPROVED, "reviewer1")
    assert _stage_of(stages, "40,000") == (TaskStatus.SUBMITTED, "reviewer1")
    assert _stage_of(stages, "refugees") == (TaskStatus.IN_REVIEW, "reviewer2")
    assert _stage_of(stages, "Geneva") == (TaskStatus.ASSIGNED, "reviewer1")
    assert sum(status == TaskStatus.NEW for status, _ in stages.values()) == len(stages) - 4
    approved = Verdict.objects.get(task__claim__text__contains="vetoed three")
    assert (approved.rating.label, approved.approved_by.username) == ("True", "editor")
    assert "S/2012/538" in approved.rationale


def test_loading_the_demo_again_changes_nothing():
    first = demo_desk_load()
    stages, events, verdicts = _stages(first.article), AuditEvent.objects.count(), Verdict.objects.count()

    again = demo_desk_load()

    assert again.article.pk == first.article.pk
    assert _stages(again.article) == stages
    assert (AuditEvent.objects.count(), Verdict.objects.count()) == (events, verdicts)


def test_the_demo_loads_again_after_its_article_was_deleted_on_a_scale_the_desk_has_renamed():
    first = demo_desk_load()
    admin = get_user_model().objects.get(username="deskadmin")
    scale = services.rating_scale_copy_default(user=admin, desk=first.desk)
    true = scale.ratings.get(label="True")
    services.rating_update(user=admin, rating=true, label="Accurate", description=true.description, claimreview_value=5)
    article_delete(article=first.article)

    again = demo_desk_load()

    stages = _stages(again.article)
    # The verdict the demo rates "True" has no such rating now: that claim stays where it got to.
    assert _stage_of(stages, "vetoed three") == (TaskStatus.IN_REVIEW, "reviewer1")
    assert _stage_of(stages, "40,000") == (TaskStatus.SUBMITTED, "reviewer1")
