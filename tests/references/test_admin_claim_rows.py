"""A claim's references, source links and reference jobs in the Django admin: changes are recorded
in the claim's history, a reference a published verdict cites keeps its address and passage and is
not deleted, a source link stays a web address, and reference jobs are the workflow's, read-only."""

import html

import pytest
from django.urls import reverse

from apps.core.audit import audit_claim_events
from apps.core.models import AuditAction
from apps.references.models import Reference, ReferenceJob, SourceLink
from apps.reviews import services as review_services
from apps.reviews.models import Rating
from tests import factories
from tests.admin_forms import admin_change_data

pytestmark = pytest.mark.django_db

RATIONALE = "The annual report of the ministry gives a different figure for that year."
PASSAGE = "The ministry spent four million on the bridge in the year of its opening."


@pytest.fixture
def claim(desk):
    return factories.ClaimFactory(article=factories.ArticleFactory(desk=desk))


def _cite(claim, reference, *, editor, reviewer, publish: bool) -> None:
    task = factories.ReviewTaskFactory(claim=claim)
    review_services.review_tasks_assign(editor=editor, tasks=[task], assignee=reviewer)
    rating = Rating.objects.get(scale=review_services.rating_scale_for_desk(desk=claim.article.desk), label="False")
    review_services.verdict_submit(
        user=reviewer, task=task, rating=rating, rationale=RATIONALE, reference_ids=[reference.pk]
    )
    if publish:
        review_services.verdict_approve(editor=editor, task=task)


def _latest(claim):
    return audit_claim_events(claim_id=claim.pk, article_id=claim.article_id).first()


def _messages(response) -> str:
    assert response.status_code == 200, response.content[:2000]
    return html.unescape(response.content.decode())


def test_a_reference_changed_in_the_admin_is_in_the_claims_history(claim, root, root_client):
    reference = factories.ReferenceFactory(claim=claim, title="Annual report", passage=PASSAGE)

    response = root_client.post(
        reverse("admin:references_reference_change", args=[reference.pk]),
        admin_change_data(reference, user=root, title="Annual report 2019"),
    )

    assert response.status_code == 302, response.content[:3000]
    event = _latest(claim)
    assert (event.action, event.claim_id, event.actor_name) == (AuditAction.ADMIN_CHANGED, claim.pk, "root")
    assert event.details["changes"] == {"title": ["Annual report", "Annual report 2019"]}


@pytest.mark.parametrize(
    "changes", [{"url": "https://example.org/elsewhere"}, {"passage": "A passage nobody was shown."}]
)
def test_a_reference_a_published_verdict_cites_keeps_its_address_and_passage(
    claim, editor, reviewer, root, root_client, changes
):
    reference = factories.ReferenceFactory(claim=claim, url="https://example.org/report", passage=PASSAGE)
    _cite(claim, reference, editor=editor, reviewer=reviewer, publish=True)

    response = root_client.post(
        reverse("admin:references_reference_change", args=[reference.pk]),
        admin_change_data(reference, user=root, **changes),
        follow=True,
    )

    assert "A published verdict cites this reference" in _messages(response)
    reference.refresh_from_db()
    assert (reference.url, reference.passage) == ("https://example.org/report", PASSAGE)
    assert _latest(claim).action != AuditAction.ADMIN_CHANGED


def test_a_reference_a_published_verdict_cites_may_have_its_title_mended(claim, editor, reviewer, root, root_client):
    reference = factories.ReferenceFactory(claim=claim, title="Anual report", passage=PASSAGE)
    _cite(claim, reference, editor=editor, reviewer=reviewer, publish=True)

    response = root_client.post(
        reverse("admin:references_reference_change", args=[reference.pk]),
        admin_change_data(reference, user=root, title="Annual report"),
    )

    assert response.status_code == 302, response.content[:3000]
    reference.refresh_from_db()
    assert reference.title == "Annual report"


def test_a_reference_a_published_verdict_cites_is_not_deleted_alone_or_in_bulk(claim, editor, reviewer, root_client):
    cited = factories.ReferenceFactory(claim=claim, title="Annual report")
    uncited = factories.ReferenceFactory(claim=claim, title="Press release")
    _cite(claim, cited, editor=editor, reviewer=reviewer, publish=True)

    alone = root_client.post(
        reverse("admin:references_reference_delete", args=[cited.pk]), {"post": "yes"}, follow=True
    )
    bulk = root_client.post(
        reverse("admin:references_reference_changelist"),
        {"action": "delete_selected", "_selected_action": [cited.pk, uncited.pk], "post": "yes"},
        follow=True,
    )

    assert "A published verdict cites \u201cAnnual report\u201d, so it is not deleted" in _messages(alone)
    assert "A published verdict cites" in _messages(bulk)
    kept = set(Reference.objects.filter(claim=claim).values_list("title", flat=True))
    assert kept == {"Annual report", "Press release"}


def test_a_reference_cited_only_by_an_unpublished_verdict_is_deleted_and_recorded(claim, editor, reviewer, root_client):
    reference = factories.ReferenceFactory(claim=claim, title="Annual report")
    _cite(claim, reference, editor=editor, reviewer=reviewer, publish=False)

    response = root_client.post(reverse("admin:references_reference_delete", args=[reference.pk]), {"post": "yes"})

    assert response.status_code == 302, response.content[:2000]
    assert not Reference.objects.filter(pk=reference.pk).exists()
    event = _latest(claim)
    assert (event.action, event.details["values"]["title"]) == (AuditAction.ADMIN_DELETED, "Annual report")


@pytest.mark.parametrize("field", ["url", "archive_url"])
@pytest.mark.parametrize("address", ["ftp://example.org/source.txt", "ftps://example.org/source.txt"])
def test_a_source_links_addresses_stay_web_addresses(claim, root, root_client, field, address):
    link = factories.SourceLinkFactory(claim=claim, url="https://example.org/source")

    response = root_client.post(
        reverse("admin:references_sourcelink_change", args=[link.pk]),
        admin_change_data(link, user=root, **{field: address}),
    )

    assert "Give a web address that starts with http:// or https://." in _messages(response)
    link.refresh_from_db()
    assert (link.url, link.archive_url) == ("https://example.org/source", "")


def test_a_source_link_changed_in_the_admin_is_in_the_claims_history(claim, root, root_client):
    link = factories.SourceLinkFactory(claim=claim, url="https://example.org/source", label="Vote record")

    response = root_client.post(
        reverse("admin:references_sourcelink_change", args=[link.pk]),
        admin_change_data(link, user=root, url="https://example.org/vote-record"),
    )

    assert response.status_code == 302, response.content[:3000]
    assert SourceLink.objects.get(pk=link.pk).url == "https://example.org/vote-record"
    event = _latest(claim)
    assert (event.action, event.claim_id) == (AuditAction.ADMIN_CHANGED, claim.pk)
    assert event.details["changes"] == {"url": ["https://example.org/source", "https://example.org/vote-record"]}


def test_a_reference_job_is_read_only_in_the_admin(claim, root_client):
    job = factories.ReferenceJobFactory(claim=claim, status="failed", attempts=3)

    change = root_client.post(
        reverse("admin:references_referencejob_change", args=[job.pk]), {"status": "pending", "attempts": 0}
    )
    deletion = root_client.post(
        reverse("admin:references_referencejob_delete", args=[job.pk]), {"post": "yes"}, follow=True
    )

    assert change.status_code == 403
    assert "A reference job is the claim's gathering state" in _messages(deletion)
    job.refresh_from_db()
    assert (job.status, job.attempts) == ("failed", 3)


def test_a_claim_is_still_deleted_with_its_reference_job_in_the_admin(claim, root_client):
    factories.ReferenceJobFactory(claim=claim)

    response = root_client.post(reverse("admin:claims_claim_delete", args=[claim.pk]), {"post": "yes"})

    assert response.status_code == 302, response.content[:2000]
    assert not ReferenceJob.objects.filter(claim_id=claim.pk).exists()
