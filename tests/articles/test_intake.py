"""Long articles: stored at once, their claims found by a worker."""

import datetime as dt

import pytest
from celery.exceptions import SoftTimeLimitExceeded
from django.core.management import call_command
from django.utils import timezone

from apps.articles.models import Article, IntakeStatus
from apps.articles.services import article_import_text, article_intakes_requeue_stale
from apps.articles.tasks import article_intake_task, article_intakes_requeue_stale_task
from apps.claims.models import Claim
from apps.claims.services import claim_create_from_span
from apps.core.exceptions import ApplicationError
from apps.core.models import AuditAction, AuditEvent
from apps.references.models import ReferenceJob
from apps.reviews.models import ReviewTask
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

LONG = (
    "# Vetoes\n\nBy Jane Reporter\n\nMarch 3, 2013\n\n"
    "Russia and China have vetoed three UN Security Council resolutions on Syria since October 2011, "
    "diplomats said on Monday. The United Nations says at least 70,000 people have been killed."
)


@pytest.fixture
def long_articles(settings):
    """Every article counts as long, so intake goes to the worker."""
    settings.ARTICLE_INLINE_INTAKE_MAX_BYTES = 100


def _queued_article(desk, editor, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        result = article_import_text(desk=desk, user=editor, text=LONG)
    return result.article, callbacks


def test_a_long_article_is_stored_with_its_intake_queued_after_commit(
    long_articles, desk, editor, django_capture_on_commit_callbacks
):
    article, callbacks = _queued_article(desk, editor, django_capture_on_commit_callbacks)

    assert article.intake_status == IntakeStatus.QUEUED
    assert article.intake_queued_at is not None
    assert not Claim.objects.filter(article=article).exists()
    assert len(callbacks) == 1, "the intake task must be published once, after commit"


def test_the_intake_task_finds_the_claims_and_sets_up_their_review(
    long_articles, desk, editor, django_capture_on_commit_callbacks
):
    article, _ = _queued_article(desk, editor, django_capture_on_commit_callbacks)

    with django_capture_on_commit_callbacks() as published:
        article_intake_task(str(article.pk))

    article.refresh_from_db()
    claims = Claim.objects.filter(article=article)
    assert (article.intake_status, article.intake_attempts, article.intake_error) == (IntakeStatus.DONE, 1, "")
    assert claims.count() >= 2
    assert ReviewTask.objects.filter(claim__article=article).count() == claims.count()
    assert ReferenceJob.objects.filter(claim__article=article).count() == claims.count()
    assert published, "reference gathering is published after the intake commits"


def test_a_message_delivered_twice_runs_intake_once(long_articles, desk, editor, django_capture_on_commit_callbacks):
    article, _ = _queued_article(desk, editor, django_capture_on_commit_callbacks)
    article_intake_task(str(article.pk))
    claim_ids = set(Claim.objects.filter(article=article).values_list("pk", flat=True))

    article_intake_task(str(article.pk))

    article.refresh_from_db()
    assert set(Claim.objects.filter(article=article).values_list("pk", flat=True)) == claim_ids
    assert article.intake_attempts == 1


def test_the_intake_task_for_a_deleted_article_does_nothing():
    article_intake_task("00000000-0000-0000-0000-000000000000")


def test_short_articles_still_get_their_claims_in_the_import(desk, editor):
    article = article_import_text(desk=desk, user=editor, text=LONG).article

    assert article.intake_status == IntakeStatus.DONE
    assert Claim.objects.filter(article=article).count() >= 2


def test_a_failing_step_marks_the_intake_failed_and_keeps_no_half_made_claims(
    long_articles, settings, desk, editor, django_capture_on_commit_callbacks
):
    article, _ = _queued_article(desk, editor, django_capture_on_commit_callbacks)
    settings.ARTICLE_INTAKE_STEPS = [*settings.ARTICLE_INTAKE_STEPS, "tests.articles.test_intake.broken_step"]

    article_intake_task(str(article.pk))

    article.refresh_from_db()
    assert article.intake_status == IntakeStatus.FAILED
    assert article.intake_error == "Finding this article's claims failed with an internal error."
    assert not Claim.objects.filter(article=article).exists()


def broken_step(*, article):
    raise RuntimeError("a later stage broke")


def test_an_intake_over_its_time_limit_fails_saying_so(
    long_articles, desk, editor, django_capture_on_commit_callbacks, monkeypatch
):
    article, _ = _queued_article(desk, editor, django_capture_on_commit_callbacks)

    def too_slow(*args, **kwargs):
        raise SoftTimeLimitExceeded()

    monkeypatch.setattr("apps.claims.services.extract_claims", too_slow)
    article_intake_task(str(article.pk))

    article.refresh_from_db()
    assert article.intake_status == IntakeStatus.FAILED
    assert article.intake_error == "Finding this article's claims took longer than 30 minutes."


def test_an_intake_whose_workers_kept_dying_fails_instead_of_running_forever(settings, desk):
    article = ArticleFactory(
        desk=desk,
        intake_status=IntakeStatus.RUNNING,
        intake_attempts=settings.ARTICLE_INTAKE_MAX_ATTEMPTS,
        intake_started_at=timezone.now() - dt.timedelta(hours=2),
    )

    article_intake_task(str(article.pk))

    article.refresh_from_db()
    assert article.intake_status == IntakeStatus.FAILED
    assert "stopped after 3 attempts" in article.intake_error
    assert not Claim.objects.filter(article=article).exists()


def test_stale_intakes_are_published_again_and_fresh_ones_left_alone(desk, django_capture_on_commit_callbacks):
    now = timezone.now()
    lost_publish = ArticleFactory(
        desk=desk, intake_status=IntakeStatus.QUEUED, intake_queued_at=now - dt.timedelta(minutes=10)
    )
    dead_worker = ArticleFactory(
        desk=desk, intake_status=IntakeStatus.RUNNING, intake_started_at=now - dt.timedelta(hours=1)
    )
    ArticleFactory(desk=desk, intake_status=IntakeStatus.QUEUED, intake_queued_at=now - dt.timedelta(seconds=30))
    ArticleFactory(desk=desk, intake_status=IntakeStatus.RUNNING, intake_started_at=now - dt.timedelta(minutes=5))
    ArticleFactory(desk=desk, intake_status=IntakeStatus.FAILED, intake_queued_at=now - dt.timedelta(days=1))

    with django_capture_on_commit_callbacks() as published:
        assert article_intakes_requeue_stale_task() == 2

    assert len(published) == 2
    lost_publish.refresh_from_db()
    dead_worker.refresh_from_db()
    assert lost_publish.intake_queued_at >= now, "a republished intake is not stale again at once"
    assert dead_worker.intake_status == IntakeStatus.RUNNING
    with django_capture_on_commit_callbacks() as published:
        assert article_intakes_requeue_stale() == 1, "only the dead worker's intake is still stale"


def test_no_claim_can_be_added_while_the_claims_are_being_found(
    long_articles, desk, editor, django_capture_on_commit_callbacks
):
    article, _ = _queued_article(desk, editor, django_capture_on_commit_callbacks)

    with pytest.raises(ApplicationError, match="still being found") as error:
        claim_create_from_span(article=article, user=editor, start=0, end=40)

    assert error.value.status == 409
    assert not Claim.objects.filter(article=article).exists()
    article_intake_task(str(article.pk))
    assert Claim.objects.filter(article=article).count() >= 2, "extraction was not skipped"


def test_api_import_of_a_long_article_answers_202_and_the_article_tells_when_it_is_done(
    long_articles, editor_api, desk, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks():
        response = editor_api.post("/api/v1/articles/import/", {"text": LONG}, format="json")

    assert response.status_code == 202, response.json()
    body = response.json()
    assert (body["created"], body["intake_status"], body["claim_count"]) == (True, "queued", 0)
    article_intake_task(body["id"])
    article = editor_api.get(f"/api/v1/articles/{body['id']}/").json()
    assert (article["intake_status"], article["intake_error"]) == ("done", "")
    assert article["claim_count"] >= 2


def test_editors_can_retry_a_failed_intake_through_the_api(
    editor_api, reviewer_api, desk, django_capture_on_commit_callbacks
):
    article = ArticleFactory(desk=desk, intake_status=IntakeStatus.FAILED, intake_attempts=3, intake_error="x")
    url = f"/api/v1/articles/{article.pk}/retry-intake/"

    assert reviewer_api.post(url).status_code == 403
    with django_capture_on_commit_callbacks() as published:
        response = editor_api.post(url)

    assert response.status_code == 202, response.json()
    assert (response.json()["intake_status"], response.json()["intake_error"]) == ("queued", "")
    assert len(published) == 1
    article.refresh_from_db()
    assert article.intake_attempts == 0
    again = editor_api.post(url)
    assert again.status_code == 409
    assert again.json()["message"] == "Only an article whose claims could not be found can be tried again."
    # the retry is on the article's record, with the failure it answered; the refused one is not
    (event,) = AuditEvent.objects.filter(article_id=article.pk, action=AuditAction.INTAKE_RETRIED)
    assert (event.actor_name, event.details) == ("edith", {"error": "x"})


def test_the_import_command_finds_a_long_articles_claims_before_it_prints_them(long_articles, desk, tmp_path, capsys):
    path = tmp_path / "long.md"
    path.write_text(LONG)

    call_command("import_article", str(path))

    article = Article.objects.get()
    assert article.intake_status == IntakeStatus.DONE
    assert f"({Claim.objects.filter(article=article).count()} claims)" in capsys.readouterr().out


@pytest.fixture
def intake_running_elsewhere(desk):
    """A worker's intake holding the article row, as `article_intake_run` does for minutes; here for 150 s at
    most, far past the time a test allows for being refused at once (`late_wake_up_seconds`)."""
    import threading

    from django.db import connection as main_connection
    from django.db import connections, transaction

    article = ArticleFactory(desk=desk, intake_status=IntakeStatus.RUNNING, intake_started_at=timezone.now())
    locked, release = threading.Event(), threading.Event()

    def worker():
        try:
            with transaction.atomic():
                Article.objects.select_for_update().get(pk=article.pk)
                locked.set()
                release.wait(150)
        finally:
            connections.close_all()

    thread = threading.Thread(target=worker)
    thread.start()
    assert locked.wait(10)
    yield article
    release.set()
    thread.join()
    main_connection.close()


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_while_a_worker_finds_the_claims_edits_are_refused_at_once_not_kept_waiting(intake_running_elsewhere, editor):
    import time

    from apps.articles.services import article_delete, article_fact_check_url_set
    from tests.timing import late_wake_up_seconds

    article = intake_running_elsewhere
    started = time.monotonic()
    for attempt in (
        lambda: claim_create_from_span(article=article, user=editor, start=0, end=20),
        lambda: article_fact_check_url_set(article=article, user=editor, url="https://news.example.org/check"),
        lambda: article_delete(article=article),
    ):
        with pytest.raises(ApplicationError, match="being found right now") as refused:
            attempt()
        assert refused.value.status == 409

    assert time.monotonic() - started < late_wake_up_seconds()
    assert Article.objects.filter(pk=article.pk).exists()


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_second_delivery_of_a_running_intake_leaves_at_once(intake_running_elsewhere):
    import time

    from tests.timing import late_wake_up_seconds

    started = time.monotonic()
    article_intake_task(str(intake_running_elsewhere.pk))

    assert time.monotonic() - started < late_wake_up_seconds()
    assert Article.objects.get(pk=intake_running_elsewhere.pk).intake_attempts == 0
