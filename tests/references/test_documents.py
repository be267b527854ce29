"""Reading the pages that title-only search results link to, for evidence passages."""

import pytest

from apps.references.models import FetchStatus, LinkStatus, Reference, Stance
from apps.references.services import claim_references_gather, reference_document_read
from tests.factories import ClaimFactory, LibraryDocumentFactory, ReferenceFactory
from tests.fakes import FakeResponse

pytestmark = pytest.mark.django_db

TOLL = "The violence has killed at least 40,000 people."
ARTICLE_HTML = """<!doctype html><html><head><title>Syria toll passes 40,000</title></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Syria toll passes 40,000</h1>
<p>BEIRUT - A monitoring group said on Sunday that more than 40,000 people have been killed in Syria
since the uprising against President Bashar Assad began in March 2011.</p>
<p>The group said nearly half of the dead were civilians, and that the true figure was probably higher
because both sides hide their losses.</p>
<p>Diplomats said talks on a political transition had made little progress this month.</p>
</article><footer>Copyright</footer></body></html>"""


@pytest.fixture
def site(fake_server):
    return fake_server({"/robots.txt": FakeResponse(status=404)})


def test_the_page_is_read_and_its_best_passage_stored(site, desk):
    site.routes["/syria-toll"] = FakeResponse.html(ARTICLE_HTML)
    claim = ClaimFactory(article__desk=desk, text=TOLL)
    reference = ReferenceFactory(claim=claim, url=site.url("/syria-toll"), provider="gdelt", stance=Stance.UNRELATED)

    read = reference_document_read(reference_id=str(reference.id))

    assert read.stance == Stance.SUPPORTS
    assert "more than 40,000 people have been killed" in read.passage
    assert "Home" not in read.passage
    assert read.document_read_at is not None
    assert read.link_status == LinkStatus.ALIVE


def test_a_page_is_read_once(site, desk):
    site.routes["/syria-toll"] = FakeResponse.html(ARTICLE_HTML)
    reference = ReferenceFactory(claim__article__desk=desk, url=site.url("/syria-toll"), provider="gdelt")

    reference_document_read(reference_id=str(reference.id))
    reference_document_read(reference_id=str(reference.id))

    assert len(site.requests_to("/syria-toll")) == 1


def test_a_gone_page_is_marked_dead(site, desk):
    site.routes["/gone"] = FakeResponse(status=404)
    reference = ReferenceFactory(claim__article__desk=desk, url=site.url("/gone"), provider="gdelt")

    read = reference_document_read(reference_id=str(reference.id))

    assert (read.fetch_status, read.link_status) == (FetchStatus.FAILED, LinkStatus.DEAD)
    assert "404" in read.stance_details["document_error"]


def test_robots_txt_keeps_the_reader_out(site, desk):
    site.routes["/robots.txt"] = FakeResponse(body="User-agent: *\nDisallow: /\n")
    site.routes["/page"] = FakeResponse.html(ARTICLE_HTML)
    reference = ReferenceFactory(claim__article__desk=desk, url=site.url("/page"), provider="gdelt")

    read = reference_document_read(reference_id=str(reference.id))

    assert read.fetch_status == FetchStatus.FAILED
    assert "robots.txt" in read.stance_details["document_error"]
    assert site.requests_to("/page") == []


def test_binary_links_are_not_read(site, desk):
    site.routes["/file"] = FakeResponse(body=b"%PDF-1.4", headers={"Content-Type": "application/pdf"})
    reference = ReferenceFactory(claim__article__desk=desk, url=site.url("/file"), provider="gdelt")

    assert reference_document_read(reference_id=str(reference.id)).fetch_status == FetchStatus.FAILED


def test_gathering_queues_reads_only_for_title_only_results(
    settings, desk, fake_server, django_capture_on_commit_callbacks
):
    server = fake_server(
        {
            "/gdelt": FakeResponse.json(
                {
                    "articles": [
                        {"url": "https://news.example.com/a", "title": "Syria toll", "seendate": "20121210T000000Z"}
                    ]
                }
            )
        }
    )
    settings.GDELT_API_URL = server.url("/gdelt")
    settings.REFERENCE_PROVIDERS = ["local_library", "gdelt"]
    settings.REFERENCE_FETCH_DOCUMENTS = True
    LibraryDocumentFactory(body="More than 40,000 people have been killed in Syria.")
    # An undated article: GDELT only searches the last three months around a date.
    claim = ClaimFactory(article__desk=desk, article__published_on=None, text=TOLL)

    with django_capture_on_commit_callbacks() as callbacks:
        claim_references_gather(claim_id=str(claim.id))

    assert set(Reference.objects.filter(claim=claim).values_list("provider", flat=True)) == {"local_library", "gdelt"}
    assert len(callbacks) == 1


@pytest.mark.redis
def test_with_redis_the_page_is_handed_to_the_cpu_queue(site, desk, settings, django_capture_on_commit_callbacks):
    import os

    from apps.core import http
    from apps.references.services import reference_evidence_extract

    settings.HTTP_SHARED_STATE_URL = os.environ["REDIS_URL"]
    site.routes["/syria-toll"] = FakeResponse.html(ARTICLE_HTML)
    claim = ClaimFactory(article__desk=desk, text=TOLL)
    reference = ReferenceFactory(claim=claim, url=site.url("/syria-toll"), provider="gdelt")

    with django_capture_on_commit_callbacks() as callbacks:
        fetched = reference_document_read(reference_id=str(reference.id))

    assert len(callbacks) == 1
    assert fetched.document_read_at is None  # the evidence task has not run yet
    extracted = reference_evidence_extract(reference_id=str(reference.id))
    assert extracted.stance == Stance.SUPPORTS
    assert extracted.document_read_at is not None
    http.shared_store().clear()


def test_an_expired_page_leaves_the_reference_as_it_was(desk):
    from apps.references.services import reference_evidence_extract

    reference = ReferenceFactory(claim__article__desk=desk, provider="gdelt", passage="")

    assert reference_evidence_extract(reference_id=str(reference.id)).document_read_at is None


def test_evidence_extraction_runs_on_the_default_queue_and_fetching_on_the_fetch_queue():
    from celery import current_app

    from apps.references.tasks import reference_document_read_task, reference_evidence_task

    router = current_app.amqp.router
    assert router.route({}, reference_evidence_task.name)["queue"].name == "default"
    assert router.route({}, reference_document_read_task.name)["queue"].name == "fetch"
