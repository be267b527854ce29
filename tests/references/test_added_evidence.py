"""Evidence a reviewer or editor found themselves, added to a claim's references by its URL."""

import pytest
from django.urls import reverse
from drf_spectacular.generators import SchemaGenerator

from apps.claims.models import ClaimStatus
from apps.core.exceptions import ApplicationError
from apps.references import tasks
from apps.references.models import ProviderName, Reference
from apps.references.services import claim_reference_add
from apps.reviews.models import TaskStatus
from tests.factories import ClaimFactory, ReviewTaskFactory

pytestmark = pytest.mark.django_db

RECORD_URL = "https://www.un.org/press/en/2012/sc10714.doc.htm"


@pytest.fixture
def task(desk, reviewer):
    return ReviewTaskFactory(claim=ClaimFactory(article__desk=desk), assignee=reviewer, status=TaskStatus.ASSIGNED)


def test_the_assigned_reviewer_adds_a_url_as_a_reference_of_their_own(task, reviewer):
    reference, created = claim_reference_add(
        claim=task.claim, user=reviewer, url=f"  {RECORD_URL} ", title="Security Council record", note="Third veto."
    )

    assert created
    assert (reference.claim, reference.url, reference.title) == (task.claim, RECORD_URL, "Security Council record")
    assert (reference.provider, reference.added_by, reference.snippet) == (ProviderName.PERSON, reviewer, "Third veto.")
    assert reference.get_provider_display() == "Added by a desk member"


def test_an_editor_may_add_evidence_and_without_a_title_the_url_stands_for_it(task, editor):
    reference, _ = claim_reference_add(claim=task.claim, user=editor, url=RECORD_URL)

    assert reference.title == RECORD_URL


def test_another_reviewer_of_the_desk_may_not(task, second_reviewer):
    with pytest.raises(ApplicationError) as refused:
        claim_reference_add(claim=task.claim, user=second_reviewer, url=RECORD_URL)

    assert refused.value.status == 403
    assert not Reference.objects.exists()


def test_someone_outside_the_desk_is_told_the_claim_does_not_exist(task, outsider):
    with pytest.raises(ApplicationError) as refused:
        claim_reference_add(claim=task.claim, user=outsider, url=RECORD_URL)

    assert refused.value.status == 404


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(document.cookie)",
        "ftp://files.example.org/record.pdf",
        "not a url",
        "",
        "http://127.0.0.1:8000/admin/",
        "http://localhost/record",
        "http://169.254.169.254/latest/meta-data/",
        "http://10.0.0.5/record",
        f"https://example.org/{'a' * 2000}",
    ],
)
def test_an_address_that_is_not_a_public_web_page_is_refused_naming_the_url_field(task, reviewer, url):
    with pytest.raises(ApplicationError) as refused:
        claim_reference_add(claim=task.claim, user=reviewer, url=url)

    assert refused.value.status == 400
    assert list(refused.value.extra["fields"]) == ["url"]
    assert not Reference.objects.exists()


def test_the_same_url_again_returns_the_reference_the_claim_already_has(task, reviewer, editor):
    first, _ = claim_reference_add(claim=task.claim, user=reviewer, url=RECORD_URL, title="Record")

    again, created = claim_reference_add(claim=task.claim, user=editor, url=RECORD_URL, title="Other title")

    assert (again, created) == (first, False)
    assert Reference.objects.get().title == "Record"


@pytest.mark.parametrize(
    "refuse",
    [
        lambda task: type(task.claim).objects.filter(pk=task.claim.pk).update(status=ClaimStatus.REJECTED),
        lambda task: type(task).objects.filter(pk=task.pk).update(status=TaskStatus.APPROVED),
    ],
    ids=["rejected claim", "approved verdict"],
)
def test_a_rejected_claim_or_an_approved_verdict_takes_no_new_evidence(task, editor, refuse):
    refuse(task)
    task.claim.refresh_from_db()

    with pytest.raises(ApplicationError) as refused:
        claim_reference_add(claim=task.claim, user=editor, url=RECORD_URL)

    assert refused.value.status == 409
    assert not Reference.objects.exists()


def test_its_page_is_read_and_archived_after_commit_like_a_gathered_reference(
    task, reviewer, settings, django_capture_on_commit_callbacks, monkeypatch
):
    settings.REFERENCE_FETCH_DOCUMENTS = True
    settings.REFERENCE_ARCHIVE_ENABLED = True
    published = []
    for task_name in ("reference_document_read_task", "reference_archive_task"):
        monkeypatch.setattr(
            getattr(tasks, task_name),
            "delay",
            lambda reference_id, name=task_name: published.append((name, reference_id)),
        )

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        reference, _ = claim_reference_add(claim=task.claim, user=reviewer, url=RECORD_URL)
        assert published == []  # nothing before the reference is committed

    assert len(callbacks) == 2
    assert sorted(published) == [
        ("reference_archive_task", str(reference.pk)),
        ("reference_document_read_task", str(reference.pk)),
    ]


def test_adding_a_url_the_claim_already_has_queues_nothing(
    task, reviewer, settings, django_capture_on_commit_callbacks
):
    settings.REFERENCE_FETCH_DOCUMENTS = True
    claim_reference_add(claim=task.claim, user=reviewer, url=RECORD_URL)

    with django_capture_on_commit_callbacks() as callbacks:
        claim_reference_add(claim=task.claim, user=reviewer, url=RECORD_URL)

    assert callbacks == []


# --- API ------------------------------------------------------------------------------------


def _add_url(task):
    return reverse("api:claim-reference-add", args=[task.claim.pk])


def test_api_adds_the_reference_with_201_and_the_same_url_again_answers_200(task, reviewer_api, reviewer):
    response = reviewer_api.post(_add_url(task), {"url": RECORD_URL, "title": "Record"}, format="json")

    assert response.status_code == 201
    body = response.json()
    assert (body["url"], body["title"], body["provider"], body["added_by"]) == (
        RECORD_URL,
        "Record",
        "person",
        reviewer.pk,
    )
    again = reviewer_api.post(_add_url(task), {"url": RECORD_URL}, format="json")
    assert (again.status_code, again.json()["id"]) == (200, body["id"])


@pytest.mark.parametrize("url", ["javascript:alert(1)", "http://127.0.0.1/admin/", ""])
def test_api_refuses_a_bad_url_with_400_naming_the_field(task, reviewer_api, url):
    response = reviewer_api.post(_add_url(task), {"url": url}, format="json")

    assert response.status_code == 400
    assert "url" in response.json()["extra"]["fields"]


def test_api_refuses_other_members_with_403_and_outsiders_with_404(task, desk, outsider_api):
    from rest_framework.test import APIClient

    from tests.factories import MemberFactory

    colleague = APIClient()
    colleague.force_authenticate(MemberFactory(desk=desk, role="reviewer", username="rita").user)

    assert colleague.post(_add_url(task), {"url": RECORD_URL}, format="json").status_code == 403
    assert outsider_api.post(_add_url(task), {"url": RECORD_URL}, format="json").status_code == 404
    assert not Reference.objects.exists()


def test_the_schema_documents_adding_evidence():
    schema = SchemaGenerator().get_schema(request=None, public=True)

    operation = schema["paths"]["/api/v1/claims/{claim_id}/references/"]["post"]
    assert {"200", "201", "400", "403", "404", "409"} <= set(operation["responses"])
