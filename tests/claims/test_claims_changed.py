"""Claims an editor adds or releases get what imported claims get: source links, a review task
and reference gathering."""

from apps.articles.services import article_import_text
from apps.claims import services
from apps.claims.models import ClaimStatus
from apps.references.models import ReferenceJob
from apps.reviews.models import ReviewTask

TEXT = (
    "# Vetoes\n\nMarch 3, 2013\n\n"
    "Russia and China have vetoed three UN Security Council resolutions on Syria since October 2011. "
    "The ministry predicted that the economy will shrink by 5 percent next year."
)


def test_editor_added_claim_gets_a_review_task_and_a_reference_job(desk, editor, django_capture_on_commit_callbacks):
    article = article_import_text(desk=desk, user=editor, text=TEXT).article
    start = article.body.index("The ministry")
    with django_capture_on_commit_callbacks() as callbacks:
        claim = services.claim_create_from_span(article=article, user=editor, start=start, end=len(article.body))
    assert ReviewTask.objects.filter(claim=claim).exists()
    assert ReferenceJob.objects.filter(claim=claim).exists()
    assert callbacks


def test_held_and_rejected_claims_have_no_open_review_task(desk, editor, editor_api):
    article = article_import_text(desk=desk, user=editor, text=TEXT).article
    claim = article.claims.filter(status=ClaimStatus.ACTIVE).first()
    services.claim_reject(claim=claim, user=editor, reason="Not checkable")
    tasks = editor_api.get(f"/api/v1/tasks/?article={article.pk}").json()["results"]
    assert str(claim.pk) not in {task["claim"] for task in tasks}

    services.claim_release(claim=claim, user=editor)
    tasks = editor_api.get(f"/api/v1/tasks/?article={article.pk}").json()["results"]
    assert str(claim.pk) in {task["claim"] for task in tasks}


def test_released_prediction_enters_the_queue(desk, editor):
    article = article_import_text(desk=desk, user=editor, text=TEXT).article
    held = article.claims.get(status=ClaimStatus.HELD)
    assert not ReviewTask.objects.filter(claim=held).exists()
    services.claim_release(claim=held, user=editor)
    assert ReviewTask.objects.filter(claim=held).exists()
