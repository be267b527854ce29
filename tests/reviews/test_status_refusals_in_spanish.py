"""A refusal that depends on where a claim's review stands is one whole sentence per state, in each
language, never a status label put into a sentence (a Spanish label is feminine, takes its own
article, and does not read lower-cased inside any sentence)."""

import pytest
from django.utils import translation

from apps.core.exceptions import ApplicationError
from apps.reviews import services
from apps.reviews.models import Rating, ReviewTask, TaskStatus
from tests import factories

pytestmark = pytest.mark.django_db


def _task_in(status, desk, reviewer) -> ReviewTask:
    task = factories.ReviewTaskFactory(claim=factories.ClaimFactory(article=factories.ArticleFactory(desk=desk)))
    task.assignee = reviewer
    task.status = status
    task.save()
    return task


def _refusal(language, call) -> str:
    with translation.override(language), pytest.raises(ApplicationError) as refused:
        call()
    assert refused.value.status == 409
    return refused.value.message


@pytest.mark.parametrize(
    ("status", "spanish", "english"),
    [
        (
            TaskStatus.NEW,
            "No se puede empezar la revisión de una afirmación nueva.",
            "A new claim cannot be started.",
        ),
        (
            TaskStatus.SUBMITTED,
            "No se puede empezar la revisión de una afirmación cuyo veredicto ya se envió.",
            "A submitted claim cannot be started.",
        ),
        (
            TaskStatus.APPROVED,
            "No se puede empezar la revisión de una afirmación con el veredicto aprobado.",
            "An approved claim cannot be started.",
        ),
    ],
)
def test_starting_a_review_that_cannot_start_is_refused_in_one_sentence(desk, reviewer, status, spanish, english):
    task = _task_in(status, desk, reviewer)

    def start():
        services.review_task_start(user=reviewer, task=task)

    assert _refusal("es", start) == spanish
    assert _refusal("en", start) == english


@pytest.mark.parametrize(
    ("status", "spanish", "english"),
    [
        (TaskStatus.NEW, "Una afirmación nueva no admite veredicto.", "A new claim takes no verdict."),
        (
            TaskStatus.SUBMITTED,
            "Una afirmación con el veredicto ya enviado no admite otro.",
            "A submitted claim takes no verdict.",
        ),
        (
            TaskStatus.APPROVED,
            "Una afirmación con el veredicto aprobado no admite otro.",
            "An approved claim takes no verdict.",
        ),
    ],
)
def test_a_verdict_or_draft_on_a_claim_that_takes_none_is_refused_in_one_sentence(
    desk, reviewer, status, spanish, english
):
    task = _task_in(status, desk, reviewer)
    rating = Rating.objects.get(scale__desk__isnull=True, label="True")

    def submit():
        services.verdict_submit(user=reviewer, task=task, rating=rating, rationale="Comprobado.")

    def save_draft():
        services.verdict_draft_save(user=reviewer, task=task, rating=None, rationale="Casi.")

    assert _refusal("es", submit) == spanish
    assert _refusal("es", save_draft) == spanish
    assert _refusal("en", submit) == english


@pytest.mark.parametrize(
    ("status", "spanish", "english_state"),
    [
        (TaskStatus.NEW, "esta afirmación todavía es nueva.", "new"),
        (TaskStatus.ASSIGNED, "esta afirmación está asignada y sin veredicto.", "assigned"),
        (TaskStatus.IN_REVIEW, "esta afirmación está en revisión.", "in review"),
        (TaskStatus.SUBMITTED, "el veredicto de esta afirmación está enviado y aún sin aprobar.", "submitted"),
        (TaskStatus.RETURNED, "el veredicto de esta afirmación se devolvió al revisor.", "returned"),
    ],
)
def test_reopening_a_verdict_not_approved_is_refused_in_one_sentence(
    desk, editor, reviewer, status, spanish, english_state
):
    task = _task_in(status, desk, reviewer)

    def reopen():
        services.verdict_reopen(editor=editor, task=task, note="Cuatro votaciones, no tres.")

    assert _refusal("es", reopen) == f"Solo se puede reabrir para corrección un veredicto aprobado; {spanish}"
    assert _refusal("en", reopen) == (
        f"Only an approved verdict can be reopened for correction; this claim is {english_state}."
    )
