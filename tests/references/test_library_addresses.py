"""Library documents cite public addresses: one on this machine or a private network (the cloud
metadata service, say) was accepted, shown to reviewers, link-checked and sent to the archive."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from apps.references.models import LibraryDocument
from tests.factories import LibraryDocumentFactory

pytestmark = pytest.mark.django_db

LIST = reverse("api:library-document-list")
UPLOAD = reverse("api:library-document-upload")
BODY = "Russia and China vetoed three draft resolutions on Syria in the Security Council."
FORBIDDEN = [
    "http://127.0.0.1/admin/",
    "http://169.254.169.254/latest/meta-data/",
    "http://[::1]:8000/",
    "http://[::ffff:10.0.0.5]/report",
    "http://localhost:5432/",
    "https://192.168.1.20/reports/syria.pdf",
]


@pytest.mark.parametrize("url", FORBIDDEN)
def test_a_document_at_a_private_address_is_refused_naming_the_field(editor_api, url):
    response = editor_api.post(LIST, {"title": "Vetoes", "url": url, "body": BODY}, format="json")

    assert response.status_code == 400
    assert list(response.json()["extra"]["fields"]) == ["url"]
    assert not LibraryDocument.objects.exists()


def test_an_upload_citing_a_private_address_is_refused(editor_api):
    file = SimpleUploadedFile("vetoes.txt", BODY.encode())

    response = editor_api.post(UPLOAD, {"file": file, "url": FORBIDDEN[1]}, format="multipart")

    assert response.status_code == 400
    assert "cloud metadata" in response.json()["message"]


def test_a_document_cannot_be_moved_to_a_private_address(editor_api, desk):
    document = LibraryDocumentFactory(desk=desk)

    response = editor_api.patch(
        reverse("api:library-document-detail", args=[document.id]), {"url": FORBIDDEN[0]}, format="json"
    )

    assert response.status_code == 400
    document.refresh_from_db()
    assert document.url.startswith("https://example.org/")


def test_public_addresses_are_still_accepted(editor_api):
    response = editor_api.post(LIST, {"title": "Vetoes", "url": "https://8.8.8.8/vetoes", "body": BODY}, format="json")

    assert response.status_code == 201, response.content
