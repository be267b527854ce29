import datetime as dt
import json
import threading
from pathlib import Path

import pytest
from django.db import transaction
from django.utils import timezone

from apps.claims.models import ClaimKind
from apps.core.exceptions import NotFoundError, PermissionDeniedError
from apps.references.models import JobStatus, LibraryDocument, Reference, ReferenceJob, SourceLink, Stance
from apps.references.services import (
    ReferenceGatherIncomplete,
    article_references_enqueue,
    article_source_links_attach,
    claim_references_gather,
    claim_references_refresh,
    library_document_upsert,
    reference_jobs_requeue_stale,
)
from tests.factories import (
    ArticleFactory,
    ClaimFactory,
    LibraryDocumentFactory,
    ReferenceJobFactory,
    ReviewTaskFactory,
    SourceRuleFactory,
)
from tests.fakes import FakeResponse
from tests.fakes.wikipedia import api_handler

pytestmark = pytest.mark.django_db

LIBRARY_JSON = Path(__file__).resolve().parents[2] / "apps" / "demo" / "content" / "library.json"
VETO_TEXT = "Russia and China have vetoed three UN Security Council resolutions aimed at isolating Assad"
TOLL_TEXT = "the violence, which has killed at least 40,000 people"


def _load_demo_library():
    for entry in json.loads(LIBRARY_JSON.read_text()):
        library_document_upsert(desk=None, **entry)


# --- Source links ---------------------------------------------------------------------------


def test_veto_claim_gets_the_veto_list_and_a_un_digital_library_search(desk):
    claim = ClaimFactory(article__desk=desk, text=VETO_TEXT, kind=ClaimKind.EVENT)

    article_source_links_attach(article=claim.article)

    urls = set(SourceLink.objects.filter(claim=claim).values_list("url", flat=True))
    assert "https://research.un.org/en/docs/sc/quick/veto" in urls
    library = [url for url in urls if url.startswith("https://digitallibrary.un.org/search?ln=en&p=")]
    assert library
    assert "Security%20Council" in library[0]


def test_source_links_for_a_long_article_are_written_in_a_few_queries(desk, django_assert_max_num_queries):
    article = ArticleFactory(desk=desk, body=f"{VETO_TEXT}, Kommersant reported. " * 40)
    claims = [
        ClaimFactory(article=article, text=VETO_TEXT, kind=ClaimKind.EVENT, attribution="Kommersant") for _ in range(40)
    ]

    with django_assert_max_num_queries(6):
        article_source_links_attach(article=article)

    assert all(SourceLink.objects.filter(claim=claim).exists() for claim in claims)


def test_a_long_articles_body_is_searched_once_per_source_not_once_per_claim(desk, monkeypatch):
    from apps.references import queries

    body = f"{VETO_TEXT}, Kommersant reported. " * 40
    article = ArticleFactory(desk=desk, body=body)
    for _ in range(40):
        ClaimFactory(article=article, text=VETO_TEXT, kind=ClaimKind.EVENT, attribution="Interfax Ukraine")
    searched = []
    search = queries._reported_by
    monkeypatch.setattr(queries, "_reported_by", lambda name, text: searched.append(text) or search(name, text))

    article_source_links_attach(article=article)

    assert searched.count(body) == 1


def test_death_toll_claim_gets_casualty_sources(desk):
    claim = ClaimFactory(article__desk=desk, text=TOLL_TEXT, kind=ClaimKind.STATISTIC)

    article_source_links_attach(article=claim.article)

    urls = " ".join(SourceLink.objects.filter(claim=claim).values_list("url", flat=True))
    assert "ohchr.org" in urls
    assert "news.un.org" in urls
    assert "research.un.org" not in urls


def test_claim_naming_a_publication_gets_a_search_link_for_that_outlet(desk):
    text = "Russia resisted new U.S. appeals to persuade Assad to quit, Kommersant reported Tuesday."
    claim = ClaimFactory(article__desk=desk, text=text, kind=ClaimKind.ATTRIBUTION)

    article_source_links_attach(article=claim.article)

    link = SourceLink.objects.get(claim=claim, rule__name="outlet-coverage-search")
    assert "%22Kommersant%22" in link.url
    assert "Kommersant" in link.label


def test_an_outlet_named_with_the_reads_once_in_the_link_label(desk):
    text = "Café owners said prices rose 40 percent in 2012, the ministry reported."
    claim = ClaimFactory(article__desk=desk, text=text, kind=ClaimKind.STATISTIC, attribution="the ministry")

    article_source_links_attach(article=claim.article)

    link = SourceLink.objects.get(claim=claim, rule__name="outlet-coverage-search")
    assert link.label == "Find the ministry report"
    assert link.reason.startswith("The claim is attributed to the ministry;")
    assert "Caf%C3%A9" in link.url


def _rule_names(claim):
    return set(SourceLink.objects.filter(claim=claim).values_list("rule__name", flat=True))


def test_a_refugee_count_gets_unhcr_data(desk):
    text = "The number of refugees registered in neighbouring countries has passed 500,000."
    claim = ClaimFactory(article__desk=desk, text=text, kind=ClaimKind.STATISTIC)

    article_source_links_attach(article=claim.article)

    assert {"unhcr-operational-data-portal", "unhcr-refugee-data-finder"} <= _rule_names(claim)


def test_an_action_at_the_un_gets_the_security_councils_meetings_of_its_year(desk):
    text = "Russia and China have blocked action against Damascus at the United Nations."
    claim = ClaimFactory(
        article__desk=desk, article__published_on=dt.date(2012, 12, 11), text=text, kind=ClaimKind.OTHER
    )

    article_source_links_attach(article=claim.article)

    link = SourceLink.objects.get(claim=claim, rule__name="un-sc-meetings-of-the-year")
    assert link.url == "https://research.un.org/en/docs/sc/quick/meetings/2012"
    assert link.label == "UN Security Council meetings of 2012 (Dag Hammarskjöld Library)"


def test_a_declaration_gets_the_uns_records_of_agreements_but_according_to_does_not(desk):
    declaration = ClaimFactory(
        article__desk=desk,
        text="Brahimi has built his mediation on the declaration agreed in Geneva on June 30.",
        kind=ClaimKind.EVENT,
    )
    according = ClaimFactory(
        article=declaration.article, text="According to the ministry, 3 people died.", kind=ClaimKind.STATISTIC
    )
    emergency = ClaimFactory(
        article=declaration.article,
        text="The declaration of a state of emergency lasted 30 days.",
        kind=ClaimKind.EVENT,
    )

    article_source_links_attach(article=declaration.article)

    assert {"un-peacemaker-agreements", "un-digital-library-agreements"} <= _rule_names(declaration)
    assert not _rule_names(according) & {"un-peacemaker-agreements", "un-digital-library-agreements"}
    assert not _rule_names(emergency) & {"un-peacemaker-agreements", "un-digital-library-agreements"}


def test_a_claim_about_an_outlets_own_report_gets_a_search_link_for_that_outlet(desk):
    article = ArticleFactory(
        desk=desk,
        body="Moscow refused again, according to a report in the business daily Kommersant. "
        "The influential daily did not name any source. Kommersant pointed to a practical reason.",
    )
    unnamed = ClaimFactory(article=article, text="The influential daily did not name any source.")
    named = ClaimFactory(article=article, text="Kommersant pointed to a practical reason.")

    article_source_links_attach(article=article)

    for claim in (unnamed, named):
        urls = SourceLink.objects.filter(claim=claim, rule__name="outlet-coverage-search").values_list("url", flat=True)
        assert ["%22Kommersant%22" in url for url in urls] == [True]


@pytest.mark.parametrize(
    "text",
    [
        "The daily average of new infections rose to 300.",
        "The agency said 3 people died.",
        "The report found 3 errors.",
    ],
)
def test_a_daily_average_or_an_unnamed_agency_or_report_is_no_outlets(desk, text):
    article = ArticleFactory(desk=desk, body=f"Reuters reported that infections rose. {text}")
    claim = ClaimFactory(article=article, text=text)

    article_source_links_attach(article=article)

    assert "outlet-coverage-search" not in _rule_names(claim)


def test_a_name_inside_a_longer_word_has_reported_nothing(desk):
    article = ArticleFactory(
        desk=desk, body="Trade grew, according to APEC. GAP reported sales. The newspaper did not name its source."
    )
    claim = ClaimFactory(article=article, text="The newspaper did not name its source.")

    article_source_links_attach(article=article)

    assert "outlet-coverage-search" not in _rule_names(claim)


def test_a_report_is_no_outlets_when_the_article_reports_from_two(desk):
    article = ArticleFactory(
        desk=desk,
        body="Moscow refused, Kommersant reported. Vedomosti reported the same. The report named no source.",
    )
    claim = ClaimFactory(article=article, text="The report named no source.")

    article_source_links_attach(article=article)

    assert "outlet-coverage-search" not in _rule_names(claim)


def test_attaching_source_links_twice_adds_nothing(desk):
    claim = ClaimFactory(article__desk=desk, text=VETO_TEXT)
    article_source_links_attach(article=claim.article)
    count = SourceLink.objects.count()

    article_source_links_attach(article=claim.article)

    assert SourceLink.objects.count() == count > 0


def test_desk_rules_apply_only_to_their_desk_and_inactive_rules_never(desk, other_desk):
    SourceRuleFactory(desk=desk, name="world-only", keywords=["Assad"])
    SourceRuleFactory(name="switched-off", keywords=["Assad"], is_active=False)
    ours = ClaimFactory(article__desk=desk, text=VETO_TEXT)
    theirs = ClaimFactory(article__desk=other_desk, text=VETO_TEXT)

    article_source_links_attach(article=ours.article)
    article_source_links_attach(article=theirs.article)

    assert SourceLink.objects.filter(claim=ours, rule__name="world-only").exists()
    assert not SourceLink.objects.filter(claim=theirs, rule__name="world-only").exists()
    assert not SourceLink.objects.filter(rule__name="switched-off").exists()


# --- Enqueue --------------------------------------------------------------------------------


def test_enqueue_creates_one_job_per_claim_and_publishes_after_commit(desk, django_capture_on_commit_callbacks):
    article = ArticleFactory(desk=desk)
    claims = ClaimFactory.create_batch(3, article=article)

    with django_capture_on_commit_callbacks() as callbacks:
        created = article_references_enqueue(article=article)

    assert created == 3
    assert set(ReferenceJob.objects.values_list("claim_id", flat=True)) == {claim.id for claim in claims}
    assert all(job.status == JobStatus.PENDING for job in ReferenceJob.objects.all())
    assert len(callbacks) == 3


def test_enqueue_publishes_nothing_when_the_import_rolls_back(desk, django_capture_on_commit_callbacks):
    article = ArticleFactory(desk=desk)
    ClaimFactory(article=article)

    def failed_import():
        with transaction.atomic():
            article_references_enqueue(article=article)
            raise RuntimeError("import failed")

    with django_capture_on_commit_callbacks() as callbacks, pytest.raises(RuntimeError):
        failed_import()

    assert callbacks == []
    assert not ReferenceJob.objects.exists()


def test_enqueue_twice_keeps_one_job_per_claim(desk, django_capture_on_commit_callbacks):
    article = ArticleFactory(desk=desk)
    ClaimFactory.create_batch(2, article=article)
    article_references_enqueue(article=article)

    with django_capture_on_commit_callbacks() as callbacks:
        assert article_references_enqueue(article=article) == 0

    assert ReferenceJob.objects.count() == 2
    assert callbacks == []


# --- Gather ---------------------------------------------------------------------------------


def test_gather_finds_supporting_passages_in_the_demo_library(settings, desk):
    settings.REFERENCE_PROVIDERS = ["local_library"]
    _load_demo_library()
    veto = ClaimFactory(article__desk=desk, text=VETO_TEXT)
    toll = ClaimFactory(article__desk=desk, text=TOLL_TEXT, kind=ClaimKind.STATISTIC)

    claim_references_gather(claim_id=str(veto.id))
    claim_references_gather(claim_id=str(toll.id))

    veto_best = Reference.objects.filter(claim=veto).order_by("-stance_score").first()
    assert veto_best.stance == Stance.SUPPORTS
    assert "three" in veto_best.passage.lower()
    assert veto_best.passage_highlights
    toll_supporting = Reference.objects.filter(claim=toll, stance=Stance.SUPPORTS)
    # "at least 40,000" is borne out by the monitor's 40,000 and by the UN's 59,648.
    assert {"40,000", "59,648"} <= {
        figure for ref in toll_supporting for figure in ("40,000", "59,648") if figure in ref.passage
    }
    assert ReferenceJob.objects.get(claim=veto).status == JobStatus.DONE


def test_gather_twice_stores_each_reference_once(settings, desk):
    settings.REFERENCE_PROVIDERS = ["local_library"]
    _load_demo_library()
    claim = ClaimFactory(article__desk=desk, text=VETO_TEXT)
    claim_references_gather(claim_id=str(claim.id))
    first = set(Reference.objects.filter(claim=claim).values_list("url", flat=True))
    ReferenceJob.objects.filter(claim=claim).update(status=JobStatus.PENDING)

    claim_references_gather(claim_id=str(claim.id))

    assert first
    assert Reference.objects.filter(claim=claim).count() == len(first)


def test_gather_is_a_no_op_once_the_job_is_done(settings, desk):
    settings.REFERENCE_PROVIDERS = ["local_library"]
    claim = ClaimFactory(article__desk=desk)
    ReferenceJobFactory(claim=claim, status=JobStatus.DONE, attempts=1)

    result = claim_references_gather(claim_id=str(claim.id))

    assert result.job is None
    assert ReferenceJob.objects.get(claim=claim).attempts == 1


def test_gather_for_a_deleted_claim_returns_quietly():
    assert claim_references_gather(claim_id="00000000-0000-0000-0000-000000000000").job is None


def test_library_documents_of_another_desk_are_not_used(settings, desk, other_desk):
    settings.REFERENCE_PROVIDERS = ["local_library"]
    LibraryDocumentFactory(desk=other_desk)
    claim = ClaimFactory(article__desk=desk, text=VETO_TEXT)

    claim_references_gather(claim_id=str(claim.id))

    assert not Reference.objects.exists()


def test_wikipedia_and_library_references_are_stored_together(settings, desk, fake_server):
    server = fake_server({"/w/api.php": api_handler()})
    settings.WIKIPEDIA_API_URL = server.url("/w/api.php")
    settings.REFERENCE_PROVIDERS = ["local_library", "wikipedia"]
    LibraryDocumentFactory()
    claim = ClaimFactory(article__desk=desk, text=VETO_TEXT)

    result = claim_references_gather(claim_id=str(claim.id))

    providers = set(Reference.objects.filter(claim=claim).values_list("provider", flat=True))
    assert providers == {"local_library", "wikipedia"}
    assert result.errors == {}
    wiki = Reference.objects.get(claim=claim, title="List of vetoed United Nations Security Council resolutions")
    assert wiki.url == "https://en.wikipedia.org/wiki/List_of_vetoed_United_Nations_Security_Council_resolutions"
    assert wiki.stance == Stance.SUPPORTS


def test_a_failing_provider_does_not_block_the_others(settings, desk, fake_server):
    server = fake_server({"/w/api.php": FakeResponse(status=404, body="gone")})
    settings.WIKIPEDIA_API_URL = server.url("/w/api.php")
    settings.REFERENCE_PROVIDERS = ["wikipedia", "local_library"]
    LibraryDocumentFactory()
    claim = ClaimFactory(article__desk=desk, text=VETO_TEXT)

    result = claim_references_gather(claim_id=str(claim.id))

    assert Reference.objects.filter(claim=claim, provider="local_library").exists()
    assert "404" in result.errors["wikipedia"]
    job = ReferenceJob.objects.get(claim=claim)
    assert job.status == JobStatus.DONE
    assert "wikipedia" in job.provider_errors


def test_network_providers_are_asked_side_by_side(settings, desk, fake_server):
    # Each provider's answer waits until both have been asked: asked one after the other, the first waits in vain
    # and fails. No clock is read, so the time a busy machine takes to send the second request does not matter.
    both_asked = threading.Barrier(2, timeout=30)

    def answer_once_both_are_asked(request):
        both_asked.wait()
        return FakeResponse.json({})

    server = fake_server({"/gdelt": answer_once_both_are_asked, "/factcheck": answer_once_both_are_asked})
    settings.HTTP_TIMEOUT_SECONDS = settings.HTTP_TOTAL_TIMEOUT_SECONDS = 60
    settings.GDELT_API_URL = server.url("/gdelt")
    settings.GOOGLE_FACTCHECK_API_URL = server.url("/factcheck")
    settings.GOOGLE_FACTCHECK_API_KEY = "key"
    settings.REFERENCE_PROVIDERS = ["gdelt", "google_factcheck", "local_library"]
    claim = ClaimFactory(article__desk=desk, article__published_on=None, text=VETO_TEXT)

    result = claim_references_gather(claim_id=str(claim.id))

    assert result.errors == {}
    assert len(server.requests) == 2


def test_transient_provider_failure_leaves_the_job_pending_for_a_retry(settings, desk, fake_server):
    server = fake_server({"/w/api.php": FakeResponse(status=503, body="busy")})
    settings.WIKIPEDIA_API_URL = server.url("/w/api.php")
    settings.HTTP_RETRIES = 0
    settings.REFERENCE_PROVIDERS = ["local_library", "wikipedia"]
    LibraryDocumentFactory()
    claim = ClaimFactory(article__desk=desk, text=VETO_TEXT)

    with pytest.raises(ReferenceGatherIncomplete):
        claim_references_gather(claim_id=str(claim.id))

    job = ReferenceJob.objects.get(claim=claim)
    assert job.status == JobStatus.PENDING
    assert job.attempts == 1
    # What the healthy provider found is kept; the retry only adds what was missing.
    assert Reference.objects.filter(claim=claim, provider="local_library").exists()


def test_on_the_last_attempt_a_transient_failure_finishes_the_job(settings, desk, fake_server):
    server = fake_server({"/w/api.php": FakeResponse(status=503, body="busy")})
    settings.WIKIPEDIA_API_URL = server.url("/w/api.php")
    settings.HTTP_RETRIES = 0
    settings.REFERENCE_PROVIDERS = ["wikipedia"]
    claim = ClaimFactory(article__desk=desk, text=VETO_TEXT)
    ReferenceJobFactory(claim=claim, attempts=settings.REFERENCE_JOB_MAX_ATTEMPTS - 1)

    result = claim_references_gather(claim_id=str(claim.id))

    assert result.job.status == JobStatus.FAILED
    assert "503" in result.job.last_error


def test_a_job_past_its_attempt_budget_is_failed_without_running(settings, desk):
    settings.REFERENCE_PROVIDERS = ["local_library"]
    LibraryDocumentFactory()
    claim = ClaimFactory(article__desk=desk, text=VETO_TEXT)
    ReferenceJobFactory(claim=claim, status=JobStatus.RUNNING, attempts=settings.REFERENCE_JOB_MAX_ATTEMPTS)

    claim_references_gather(claim_id=str(claim.id))

    job = ReferenceJob.objects.get(claim=claim)
    assert job.status == JobStatus.FAILED
    assert "Gave up" in job.last_error
    assert not Reference.objects.exists()


# --- Refresh --------------------------------------------------------------------------------


def test_editor_refresh_resets_the_job_and_publishes_after_commit(editor, desk, django_capture_on_commit_callbacks):
    claim = ClaimFactory(article__desk=desk)
    ReferenceJobFactory(claim=claim, status=JobStatus.FAILED, attempts=3, last_error="boom")

    with django_capture_on_commit_callbacks() as callbacks:
        job = claim_references_refresh(claim=claim, user=editor)

    assert (job.status, job.attempts, job.last_error) == (JobStatus.PENDING, 0, "")
    assert len(callbacks) == 1


def test_assigned_reviewer_may_refresh_but_another_reviewer_may_not(reviewer, second_reviewer, desk):
    claim = ClaimFactory(article__desk=desk)
    ReviewTaskFactory(claim=claim, assignee=reviewer)

    claim_references_refresh(claim=claim, user=reviewer)
    with pytest.raises(PermissionDeniedError):
        claim_references_refresh(claim=claim, user=second_reviewer)


def test_outsider_cannot_refresh(outsider, desk):
    claim = ClaimFactory(article__desk=desk)
    with pytest.raises(NotFoundError):
        claim_references_refresh(claim=claim, user=outsider)


# --- Sweeper --------------------------------------------------------------------------------


def test_sweeper_republishes_only_jobs_whose_message_was_lost(settings, desk, django_capture_on_commit_callbacks):
    now = timezone.now()
    old = now - dt.timedelta(seconds=settings.REFERENCE_JOB_STALE_SECONDS + 10)
    lost = ReferenceJobFactory(claim__article__desk=desk, enqueued_at=old)
    ReferenceJobFactory(claim__article__desk=desk, enqueued_at=now)
    ReferenceJobFactory(claim__article__desk=desk, enqueued_at=old, status=JobStatus.DONE)
    stuck = ReferenceJobFactory(
        claim__article__desk=desk,
        status=JobStatus.RUNNING,
        started_at=now - dt.timedelta(seconds=settings.CELERY_BROKER_VISIBILITY_TIMEOUT * 2),
    )

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        assert reference_jobs_requeue_stale(now=now) == 2

    assert len(callbacks) == 2
    lost.refresh_from_db()
    assert lost.enqueued_at == now
    stuck.refresh_from_db()
    assert stuck.status == JobStatus.RUNNING


# --- Library --------------------------------------------------------------------------------


def test_library_upsert_is_idempotent_per_desk_and_url(desk):
    first = library_document_upsert(
        desk=desk, title="A", publisher="UN", url="https://example.org/a", published_on="2012-07-19", body="x"
    )
    second = library_document_upsert(
        desk=desk, title="B", publisher="UN", url="https://example.org/a", published_on=None, body="y"
    )

    assert first.pk == second.pk
    assert LibraryDocument.objects.get().title == "B"


def test_demo_library_loads_with_real_urls():
    _load_demo_library()
    assert LibraryDocument.objects.count() == len(json.loads(LIBRARY_JSON.read_text())) >= 6
    assert LibraryDocument.objects.filter(url="https://research.un.org/en/docs/sc/quick/veto").exists()


def test_un_document_symbols_in_the_evidence_become_digital_library_links(settings, desk):
    settings.REFERENCE_PROVIDERS = ["local_library"]
    LibraryDocumentFactory(
        body="Russia and China vetoed three draft resolutions on Syria: S/2011/612, S/2012/77 and S/2012/538."
    )
    claim = ClaimFactory(article__desk=desk, text=VETO_TEXT)

    claim_references_gather(claim_id=str(claim.id))

    labels = set(SourceLink.objects.filter(claim=claim, rule__isnull=True).values_list("label", flat=True))
    assert labels == {f"UN Digital Library: {symbol}" for symbol in ("S/2011/612", "S/2012/77", "S/2012/538")}
    assert SourceLink.objects.filter(url="https://digitallibrary.un.org/search?ln=en&p=S%2F2011%2F612").exists()


def test_a_desk_can_switch_providers_off_and_on(settings, desk, fake_server):
    from apps.references.models import ProviderSetting
    from apps.references.selectors import desk_provider_names

    settings.REFERENCE_PROVIDERS = ["local_library", "wikipedia"]
    ProviderSetting.objects.create(desk=desk, provider="wikipedia", is_enabled=False)
    ProviderSetting.objects.create(desk=desk, provider="gdelt", is_enabled=True)

    assert desk_provider_names(desk_id=desk.id) == ["local_library", "gdelt"]

    server = fake_server({"/gdelt": FakeResponse.json({})})
    settings.GDELT_API_URL = server.url("/gdelt")
    claim = ClaimFactory(article__desk=desk, article__published_on=None, text=VETO_TEXT)
    result = claim_references_gather(claim_id=str(claim.id))
    assert result.errors == {}
    assert [request.path for request in server.requests] == ["/gdelt"]
