import pytest
from django.urls import reverse

from apps.references.models import JobStatus, LibraryDocument, ReferenceJob
from tests.factories import (
    ClaimFactory,
    LibraryDocumentFactory,
    ReferenceFactory,
    ReferenceJobFactory,
    ReviewTaskFactory,
)

pytestmark = pytest.mark.django_db


def _results(response):
    assert response.status_code == 200, response.content
    return response.json()["results"]


def test_references_are_listed_for_desk_members_only(desk, other_desk, reviewer_api, outsider_api):
    ours = ReferenceFactory(claim__article__desk=desk, passage="Russia and China vetoed three drafts.")
    theirs = ReferenceFactory(claim__article__desk=other_desk)

    rows = _results(reviewer_api.get(reverse("api:reference-list")))

    assert [row["id"] for row in rows] == [str(ours.id)]
    assert rows[0]["passage"] == "Russia and China vetoed three drafts."
    assert [row["id"] for row in _results(outsider_api.get(reverse("api:reference-list")))] == [str(theirs.id)]


def test_reference_claim_filter_hides_other_desks_claims(desk, reviewer_api, outsider_api):
    reference = ReferenceFactory(claim__article__desk=desk)
    ReferenceFactory(claim__article__desk=desk)
    url = reverse("api:reference-list")

    rows = _results(reviewer_api.get(url, {"claim": str(reference.claim_id)}))
    assert [row["id"] for row in rows] == [str(reference.id)]
    assert outsider_api.get(url, {"claim": str(reference.claim_id)}).status_code == 404
    assert reviewer_api.get(url, {"claim": "not-a-uuid"}).status_code == 404


def test_reference_list_query_count_does_not_grow_with_rows(desk, reviewer_api, django_assert_max_num_queries):
    claim = ClaimFactory(article__desk=desk)
    ReferenceFactory.create_batch(10, claim=claim)

    with django_assert_max_num_queries(4):
        reviewer_api.get(reverse("api:reference-list"), {"claim": str(claim.id)})


def test_source_links_are_scoped(desk, reviewer_api, outsider_api):
    from apps.references.services import article_source_links_attach

    claim = ClaimFactory(article__desk=desk)
    article_source_links_attach(article=claim.article)

    rows = _results(reviewer_api.get(reverse("api:source-link-list"), {"claim": str(claim.id)}))
    assert {row["rule"] for row in rows} >= {"un-sc-veto-list", "un-digital-library-drafts"}
    assert _results(outsider_api.get(reverse("api:source-link-list"))) == []


def test_anonymous_users_get_nothing(anonymous_api):
    assert anonymous_api.get(reverse("api:reference-list")).status_code in (401, 403)


def test_editor_creates_updates_and_deletes_library_documents(desk, editor_api):
    url = reverse("api:library-document-list")
    payload = {
        "title": "Veto list",
        "publisher": "UN",
        "url": "https://research.un.org/en/docs/sc/quick/veto",
        "published_on": "2012-07-19",
        "body": "Russia and China vetoed three draft resolutions on Syria.",
    }

    created = editor_api.post(url, payload, format="json")
    assert created.status_code == 201, created.content
    document_id = created.json()["id"]
    assert created.json()["desk"] == str(desk.id)
    duplicate = editor_api.post(url, payload, format="json")
    assert duplicate.status_code == 409
    assert duplicate.json()["extra"] == {"url": payload["url"]}

    detail = reverse("api:library-document-detail", args=[document_id])
    patched = editor_api.patch(detail, {"title": "UN veto list"}, format="json")
    assert patched.status_code == 200
    assert patched.json()["title"] == "UN veto list"

    assert editor_api.delete(detail).status_code == 204
    assert not LibraryDocument.objects.exists()


def test_reviewers_read_the_library_but_cannot_change_it(desk, reviewer_api):
    document = LibraryDocumentFactory(desk=desk)
    detail = reverse("api:library-document-detail", args=[document.id])

    assert reviewer_api.get(detail).status_code == 200
    assert reviewer_api.patch(detail, {"title": "x"}, format="json").status_code == 403
    assert reviewer_api.delete(detail).status_code == 403
    payload = {"title": "t", "url": "https://example.org/x", "body": "b"}
    assert reviewer_api.post(reverse("api:library-document-list"), payload, format="json").status_code == 403


def test_other_desks_library_is_invisible(desk, other_desk, editor_api):
    theirs = LibraryDocumentFactory(desk=other_desk)
    shared = LibraryDocumentFactory(desk=None)

    ids = {row["id"] for row in _results(editor_api.get(reverse("api:library-document-list")))}

    assert ids == {str(shared.id)}
    assert editor_api.get(reverse("api:library-document-detail", args=[theirs.id])).status_code == 404
    assert editor_api.delete(reverse("api:library-document-detail", args=[shared.id])).status_code == 403


def test_refresh_references_endpoint(
    desk, reviewer, editor_api, reviewer_api, outsider_api, django_capture_on_commit_callbacks
):
    claim = ClaimFactory(article__desk=desk)
    ReferenceJobFactory(claim=claim, status=JobStatus.DONE, attempts=1)
    url = reverse("api:claim-refresh-references", args=[claim.id])

    with django_capture_on_commit_callbacks() as callbacks:
        response = editor_api.post(url)

    assert response.status_code == 202
    assert response.json()["status"] == "pending"
    assert len(callbacks) == 1
    assert reviewer_api.post(url).status_code == 403
    ReviewTaskFactory(claim=claim, assignee=reviewer)
    assert reviewer_api.post(url).status_code == 202
    assert outsider_api.post(url).status_code == 404


def test_reference_progress_endpoint(desk, reviewer_api, outsider_api):
    claim = ClaimFactory(article__desk=desk)
    article = claim.article
    ClaimFactory.create_batch(2, article=article)
    ReferenceJob.objects.create(claim=claim, status=JobStatus.DONE)
    url = reverse("api:article-reference-progress", args=[article.id])

    response = reviewer_api.get(url)

    assert response.status_code == 200
    assert response.json() == {
        "total": 3,
        "done": 1,
        "failed": 0,
        "running": 0,
        "pending": 2,
        "finished": False,
        "provider_failures": {},
        "label": "References gathered for 1 of 3 claims",
        "summary": None,
    }
    assert outsider_api.get(url).status_code == 404


def test_finished_article_progress_carries_a_summary(desk, reviewer_api):
    claim = ClaimFactory(article__desk=desk)
    other = ClaimFactory(article=claim.article)
    ReferenceJob.objects.create(claim=claim, status=JobStatus.DONE)
    ReferenceJob.objects.create(claim=other, status=JobStatus.FAILED, provider_errors={"wikipedia": "503"})
    ReferenceFactory(claim=claim, stance="supports")
    ReferenceFactory(claim=claim, stance="mentions")

    body = reviewer_api.get(reverse("api:article-reference-progress", args=[claim.article_id])).json()

    assert body["finished"] is True
    assert body["summary"]["references"] == 2
    assert body["summary"]["by_stance"] == {"supports": 1, "contradicts": 0, "mentions": 1, "unrelated": 0}
    assert body["summary"]["claims_supported"] == 1
    assert body["summary"]["provider_failures"] == {"wikipedia": 1}


def test_moving_a_library_document_onto_another_ones_url_is_a_conflict(desk, editor_api):
    first, second = LibraryDocumentFactory.create_batch(2, desk=desk)

    response = editor_api.patch(
        reverse("api:library-document-detail", args=[second.id]), {"url": first.url}, format="json"
    )

    assert response.status_code == 409
    assert response.json()["message"] == "The library already has a document with this URL."


def test_an_editor_cannot_overwrite_a_library_document_changed_since_they_read_it(desk, editor, editor_api):
    """Two editors fix the same document: the second one's If-Match no longer matches (412), so
    their stale copy does not silently replace the first one's change."""
    document = LibraryDocumentFactory(desk=desk, title="Veto list")
    detail = reverse("api:library-document-detail", args=[document.id])
    read = editor_api.get(detail)
    etag = read["ETag"]

    first = editor_api.patch(detail, {"title": "UN veto list"}, format="json", HTTP_IF_MATCH=etag)
    assert first.status_code == 200
    assert first["ETag"] != etag

    second = editor_api.put(detail, {**read.json(), "title": "Veto list (2012)"}, format="json", HTTP_IF_MATCH=etag)
    assert second.status_code == 412
    assert second.json()["extra"] == {"etag": first["ETag"]}
    document.refresh_from_db()
    assert document.title == "UN veto list"

    retried = editor_api.patch(detail, {"title": "Veto list (2012)"}, format="json", HTTP_IF_MATCH=first["ETag"])
    assert retried.status_code == 200


def test_library_document_writes_without_if_match_still_apply(desk, editor_api):
    document = LibraryDocumentFactory(desk=desk)
    detail = reverse("api:library-document-detail", args=[document.id])

    assert editor_api.patch(detail, {"title": "New title"}, format="json").status_code == 200
    assert editor_api.patch(detail, {"title": "Newer"}, format="json", HTTP_IF_MATCH="*").status_code == 200


def test_a_library_document_saved_between_the_check_and_the_write_is_not_overwritten(desk, editor):
    """The If-Match check and the write are apart; the service re-checks the version under a row lock."""
    from apps.core.etags import etag_for
    from apps.core.exceptions import ApplicationError
    from apps.references.services import library_document_update

    document = LibraryDocumentFactory(desk=desk, title="Veto list")
    read_version = document.updated_at
    library_document_update(user=editor, document=LibraryDocument.objects.get(pk=document.pk), title="First")

    with pytest.raises(ApplicationError) as refused:
        library_document_update(user=editor, document=document, title="Second", expected_updated_at=read_version)

    assert refused.value.status == 412
    assert refused.value.extra == {"etag": etag_for(LibraryDocument.objects.get(pk=document.pk))}
    assert LibraryDocument.objects.get(pk=document.pk).title == "First"
