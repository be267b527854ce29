"""A claim's references, source links and reference jobs in the Django admin: changes are recorded
in the claim's history, a reference a published verdict cites (or the finding a correction is under
way for) keeps its address and passage and is not deleted, a reference's addresses are public web
addresses and it stays with its claim, a source link stays a web address, and reference jobs are the
workflow's, read-only."""

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


def _false_rating(claim) -> Rating:
    return Rating.objects.get(scale=review_services.rating_scale_for_desk(desk=claim.article.desk), label="False")


def _cite(claim, reference, *, editor, reviewer, publish: bool):
    task = factories.ReviewTaskFactory(claim=claim)
    review_services.review_tasks_assign(editor=editor, tasks=[task], assignee=reviewer)
    review_services.verdict_submit(
        user=reviewer, task=task, rating=_false_rating(claim), rationale=RATIONALE, reference_ids=[reference.pk]
    )
    if publish:
        review_services.verdict_approve(editor=editor, task=task)
    return task


def _correction_citing_instead(claim, task, reference, *, editor, reviewer) -> None:
    """The published verdict reopened, and the reviewer's revision citing `reference` instead."""
    review_services.verdict_reopen(editor=editor, task=task, note="The ministry has since revised its figure.")
    review_services.verdict_submit(
        user=reviewer, task=task, rating=_false_rating(claim), rationale=RATIONALE, reference_ids=[reference.pk]
    )


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


@pytest.mark.parametrize(
    "changes", [{"url": "https://example.org/elsewhere"}, {"passage": "A passage nobody was shown."}]
)
def test_a_reference_the_finding_under_correction_cites_keeps_its_address_and_passage(
    claim, editor, reviewer, root, root_client, changes
):
    published = factories.ReferenceFactory(claim=claim, url="https://example.org/report", passage=PASSAGE)
    revised = factories.ReferenceFactory(claim=claim, url="https://example.org/revised-report")
    task = _cite(claim, published, editor=editor, reviewer=reviewer, publish=True)
    _correction_citing_instead(claim, task, revised, editor=editor, reviewer=reviewer)

    response = root_client.post(
        reverse("admin:references_reference_change", args=[published.pk]),
        admin_change_data(published, user=root, **changes),
        follow=True,
    )

    assert "A published verdict cites this reference" in _messages(response)
    published.refresh_from_db()
    assert (published.url, published.passage) == ("https://example.org/report", PASSAGE)


def test_a_reference_the_finding_under_correction_cites_is_not_deleted_alone_or_in_bulk(
    claim, editor, reviewer, root_client
):
    published = factories.ReferenceFactory(claim=claim, title="Annual report")
    revised = factories.ReferenceFactory(claim=claim, title="Revised report")
    task = _cite(claim, published, editor=editor, reviewer=reviewer, publish=True)
    _correction_citing_instead(claim, task, revised, editor=editor, reviewer=reviewer)

    alone = root_client.post(
        reverse("admin:references_reference_delete", args=[published.pk]), {"post": "yes"}, follow=True
    )
    bulk = root_client.post(
        reverse("admin:references_reference_changelist"),
        {"action": "delete_selected", "_selected_action": [published.pk], "post": "yes"},
        follow=True,
    )

    assert "A published verdict cites \u201cAnnual report\u201d, so it is not deleted" in _messages(alone)
    assert "A published verdict cites" in _messages(bulk)
    assert Reference.objects.filter(pk=published.pk).exists()
    # Withdrawing the correction cites it again, as published.
    review_services.verdict_return(editor=editor, task=task, note="Keep the published finding after all.")
    review_services.verdict_correction_withdraw(editor=editor, task=task)
    assert list(task.verdict.cited_references.values_list("title", flat=True)) == ["Annual report"]


def test_a_reference_the_corrected_verdict_no_longer_cites_is_deleted_once_the_correction_is_published(
    claim, editor, reviewer, root_client
):
    published = factories.ReferenceFactory(claim=claim, title="Annual report")
    revised = factories.ReferenceFactory(claim=claim, title="Revised report")
    task = _cite(claim, published, editor=editor, reviewer=reviewer, publish=True)
    _correction_citing_instead(claim, task, revised, editor=editor, reviewer=reviewer)
    review_services.verdict_approve(editor=editor, task=task)

    response = root_client.post(reverse("admin:references_reference_delete", args=[published.pk]), {"post": "yes"})

    assert response.status_code == 302, response.content[:2000]
    assert not Reference.objects.filter(pk=published.pk).exists()


def test_a_reference_cited_only_by_an_unpublished_verdict_is_deleted_and_recorded(claim, editor, reviewer, root_client):
    reference = factories.ReferenceFactory(claim=claim, title="Annual report")
    _cite(claim, reference, editor=editor, reviewer=reviewer, publish=False)

    response = root_client.post(reverse("admin:references_reference_delete", args=[reference.pk]), {"post": "yes"})

    assert response.status_code == 302, response.content[:2000]
    assert not Reference.objects.filter(pk=reference.pk).exists()
    event = _latest(claim)
    assert (event.action, event.details["values"]["title"]) == (AuditAction.ADMIN_DELETED, "Annual report")


@pytest.mark.parametrize("field", ["url", "archive_url"])
@pytest.mark.parametrize(
    ("address", "refusal"),
    [
        ("ftp://example.org/report.pdf", "Give a web address that starts with http:// or https://."),
        ("http://127.0.0.1:8000/admin/", "The URL points at a loopback address"),
        ("http://localhost/report", "The URL points at a loopback address"),
        ("http://169.254.169.254/latest/meta-data/", "The URL points at a cloud metadata address"),
        ("https://10.0.0.7/report", "The URL points at a private address"),
    ],
)
def test_a_references_addresses_are_public_web_addresses(claim, root, root_client, field, address, refusal):
    reference = factories.ReferenceFactory(claim=claim, url="https://example.org/report", archive_url="")

    response = root_client.post(
        reverse("admin:references_reference_change", args=[reference.pk]),
        admin_change_data(reference, user=root, **{field: address}),
    )

    assert refusal in _messages(response)
    reference.refresh_from_db()
    assert (reference.url, reference.archive_url) == ("https://example.org/report", "")


def test_a_reference_added_in_the_admin_needs_a_public_address(claim, root_client):
    response = root_client.post(
        reverse("admin:references_reference_add"),
        {
            "claim": claim.pk,
            "url": "http://192.168.1.20/minutes.pdf",
            "title": "Council minutes",
            "provider": "person",
            "fetched_at_0": "2026-03-02",
            "fetched_at_1": "10:00:00",
            "fetch_status": "ok",
            "stance": "unrelated",
            "link_status": "unchecked",
            "score": 0,
            "stance_score": 0,
        },
    )

    assert "The URL points at a private address" in _messages(response)
    assert not Reference.objects.filter(claim=claim).exists()


def test_a_reference_stored_with_an_address_the_rule_now_refuses_may_have_other_fields_mended(claim, root, root_client):
    reference = factories.ReferenceFactory(claim=claim, url="http://10.0.0.7/report", title="Anual report")

    response = root_client.post(
        reverse("admin:references_reference_change", args=[reference.pk]),
        admin_change_data(reference, user=root, title="Annual report"),
    )

    assert response.status_code == 302, response.content[:3000]
    reference.refresh_from_db()
    assert reference.title == "Annual report"


def test_a_reference_stays_with_the_claim_it_was_found_for(claim, root, root_client):
    reference = factories.ReferenceFactory(claim=claim, title="Annual report")
    elsewhere = factories.ClaimFactory(article=factories.ArticleFactory(desk=claim.article.desk))

    root_client.post(
        reverse("admin:references_reference_change", args=[reference.pk]),
        {**admin_change_data(reference, user=root), "claim": elsewhere.pk},
    )

    reference.refresh_from_db()
    assert reference.claim_id == claim.pk


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
