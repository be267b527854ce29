"""Internet Archive copies and the periodic dead-link check, against a fake archive on 127.0.0.1."""

import datetime as dt
import json
from urllib.parse import parse_qs

import pytest
from django.utils import timezone

from apps.core.http import UpstreamUnavailableError
from apps.references.models import LinkStatus, Reference, SourceLink
from apps.references.services import (
    article_source_links_attach,
    claim_references_gather,
    reference_archive,
    reference_link_check,
    references_links_recheck,
    source_link_archive,
)
from tests.factories import ClaimFactory, LibraryDocumentFactory, ReferenceFactory
from tests.fakes import FakeResponse

pytestmark = pytest.mark.django_db

SNAPSHOT = {
    "url": "https://research.un.org/en/docs/sc/quick/veto",
    "archived_snapshots": {
        "closest": {
            "status": "200",
            "available": True,
            "url": "http://web.archive.org/web/20121206000000/https://research.un.org/en/docs/sc/quick/veto",
            "timestamp": "20121206000000",
        }
    },
}
NO_SNAPSHOT = {"url": "https://example.org/new", "archived_snapshots": {}}


@pytest.fixture
def archive(settings, fake_server):
    server = fake_server()
    settings.WAYBACK_AVAILABILITY_URL = server.url("/wayback/available")
    settings.WAYBACK_SAVE_URL = server.url("/save")
    settings.REFERENCE_ARCHIVE_ENABLED = True
    return server


def test_reference_gets_the_closest_archived_copy(archive):
    archive.routes["/wayback/available"] = FakeResponse.json(SNAPSHOT)
    reference = ReferenceFactory(url="https://research.un.org/en/docs/sc/quick/veto")

    assert reference_archive(reference_id=str(reference.id)) is True

    reference.refresh_from_db()
    assert reference.archive_url.startswith("https://web.archive.org/web/20121206000000/")
    assert reference.archived_at == dt.datetime(2012, 12, 6, tzinfo=dt.UTC)
    assert archive.requests[0].param("url") == reference.url


def test_without_a_copy_a_capture_is_requested_and_looked_up_later(
    archive, settings, django_capture_on_commit_callbacks
):
    settings.WAYBACK_ACCESS_KEY, settings.WAYBACK_SECRET_KEY = "access", "secret"
    archive.routes["/wayback/available"] = FakeResponse.json(NO_SNAPSHOT)
    archive.routes["/save"] = FakeResponse.json({"url": "https://example.org/new", "job_id": "spn2-abc"})
    reference = ReferenceFactory(url="https://example.org/new")

    with django_capture_on_commit_callbacks() as callbacks:
        assert reference_archive(reference_id=str(reference.id)) is False

    [save] = archive.requests_to("/save")
    assert save.method == "POST"
    assert parse_qs(save.body.decode())["url"] == ["https://example.org/new"]
    assert save.headers["authorization"] == "LOW access:secret"
    assert save.headers["accept"] == "application/json"
    assert len(callbacks) == 1


def test_an_archived_reference_is_left_alone(archive):
    reference = ReferenceFactory(archive_url="https://web.archive.org/web/1/x")

    assert reference_archive(reference_id=str(reference.id)) is False
    assert archive.requests == []


def test_malformed_availability_answer_is_reported(archive):
    from apps.references.providers import ProviderError

    archive.routes["/wayback/available"] = FakeResponse.json({"unexpected": True})
    reference = ReferenceFactory()

    with pytest.raises(ProviderError):
        reference_archive(reference_id=str(reference.id))


def test_archive_rate_limit_is_transient(archive, settings):
    settings.HTTP_RETRIES = 0
    archive.routes["/wayback/available"] = FakeResponse(status=429, headers={"Retry-After": "60"})
    reference = ReferenceFactory()

    with pytest.raises(UpstreamUnavailableError):
        reference_archive(reference_id=str(reference.id))


def test_page_source_links_are_archived_but_search_links_are_not(archive, desk, django_capture_on_commit_callbacks):
    archive.routes["/wayback/available"] = FakeResponse.json(SNAPSHOT)
    claim = ClaimFactory(article__desk=desk)

    with django_capture_on_commit_callbacks() as callbacks:
        article_source_links_attach(article=claim.article)
    assert len(callbacks) == 1  # the veto list page, not the Digital Library search

    link = SourceLink.objects.get(rule__name="un-sc-veto-list")
    assert source_link_archive(link_id=str(link.id)) is True
    link.refresh_from_db()
    assert link.archive_url.startswith("https://web.archive.org/")


def test_gathering_queues_archive_look_ups_when_enabled(archive, settings, desk, django_capture_on_commit_callbacks):
    settings.REFERENCE_PROVIDERS = ["local_library"]
    LibraryDocumentFactory()
    claim = ClaimFactory(article__desk=desk)

    with django_capture_on_commit_callbacks() as callbacks:
        claim_references_gather(claim_id=str(claim.id))

    assert Reference.objects.filter(claim=claim).count() == len(callbacks) == 1


def test_gathering_queues_nothing_when_archiving_is_off(settings, desk, django_capture_on_commit_callbacks):
    settings.REFERENCE_PROVIDERS = ["local_library"]
    settings.REFERENCE_ARCHIVE_ENABLED = False
    LibraryDocumentFactory()
    claim = ClaimFactory(article__desk=desk)

    with django_capture_on_commit_callbacks() as callbacks:
        claim_references_gather(claim_id=str(claim.id))

    assert callbacks == []


# --- Dead links -----------------------------------------------------------------------------


@pytest.fixture
def site(fake_server):
    return fake_server({"/robots.txt": FakeResponse(status=404)})


def test_a_live_page_is_marked_alive(site):
    site.routes["/page"] = FakeResponse.html("hello")
    reference = ReferenceFactory(url=site.url("/page"))

    assert reference_link_check(reference_id=str(reference.id)).link_status == LinkStatus.ALIVE


def test_a_gone_page_is_marked_dead_and_keeps_its_archive(site, settings, django_capture_on_commit_callbacks):
    settings.REFERENCE_ARCHIVE_ENABLED = True
    site.routes["/gone"] = FakeResponse(status=410)
    site.routes["/missing"] = FakeResponse(status=404)
    archived = ReferenceFactory(url=site.url("/gone"), archive_url="https://web.archive.org/web/1/x")
    unarchived = ReferenceFactory(url=site.url("/missing"))

    with django_capture_on_commit_callbacks() as callbacks:
        first = reference_link_check(reference_id=str(archived.id))
        second = reference_link_check(reference_id=str(unarchived.id))

    assert (first.link_status, first.archive_url) == (LinkStatus.DEAD, "https://web.archive.org/web/1/x")
    assert second.link_status == LinkStatus.DEAD
    assert len(callbacks) == 1  # only the one without a copy gets an archive look-up


def test_a_temporary_failure_changes_nothing_and_is_retried(site, settings):
    settings.HTTP_RETRIES = 0
    site.routes["/busy"] = FakeResponse(status=503)
    reference = ReferenceFactory(url=site.url("/busy"), link_status=LinkStatus.ALIVE)

    with pytest.raises(UpstreamUnavailableError):
        reference_link_check(reference_id=str(reference.id))

    reference.refresh_from_db()
    assert reference.link_status == LinkStatus.ALIVE


def test_link_checks_honour_robots_txt(site):
    site.routes["/robots.txt"] = FakeResponse(body="User-agent: *\nDisallow: /\n")
    site.routes["/page"] = FakeResponse.html("hello")
    reference = ReferenceFactory(url=site.url("/page"))

    checked = reference_link_check(reference_id=str(reference.id))

    assert checked.link_status == LinkStatus.UNCHECKED
    assert checked.link_checked_at is not None
    assert site.requests_to("/page") == []


def test_recheck_queues_only_references_not_checked_recently(settings, django_capture_on_commit_callbacks):
    now = timezone.now()
    never = ReferenceFactory()
    stale = ReferenceFactory(link_checked_at=now - dt.timedelta(days=settings.REFERENCE_LINK_RECHECK_DAYS + 1))
    ReferenceFactory(link_checked_at=now - dt.timedelta(days=1))

    with django_capture_on_commit_callbacks() as callbacks:
        assert references_links_recheck(now=now) == 2

    assert len(callbacks) == 2
    assert set(Reference.objects.filter(link_checked_at=now).values_list("pk", flat=True)) == {never.pk, stale.pk}
    with django_capture_on_commit_callbacks() as callbacks:
        assert references_links_recheck(now=now) == 0


def test_recheck_is_scheduled_in_beat(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["references-recheck-links"]
    assert entry["task"] == "apps.references.tasks.references_links_recheck_task"
    assert json.dumps(entry)
