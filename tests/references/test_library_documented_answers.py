"""The reference library's writes answer only statuses the OpenAPI schema documents for them: a URL
the library already has is a 409, a desk that is not one of yours a 404 (as article imports answer).
Both were answered but undocumented, so clients generated from the schema had no case for them."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests import factories
from tests.api_contract import assert_documented

pytestmark = pytest.mark.django_db

LIST = reverse("api:library-document-list")
UPLOAD = reverse("api:library-document-upload")
TAKEN_URL = "https://www.un.org/resolutions/2254"


@pytest.fixture
def document(desk):
    return factories.LibraryDocumentFactory(desk=desk, url=TAKEN_URL)


def _fields(**changes) -> dict:
    return {"title": "Resolution 2254", "url": "https://www.un.org/resolutions/2255", "body": "Text.", **changes}


def test_adding_a_document_at_a_url_the_library_has_is_a_documented_409(document, editor_api):
    response = editor_api.post(LIST, _fields(url=TAKEN_URL), format="json")

    assert response.status_code == 409
    assert response.json()["extra"] == {"url": TAKEN_URL}
    assert_documented(response)


@pytest.mark.parametrize("method", ["put", "patch"])
def test_moving_a_document_to_a_url_the_library_has_is_a_documented_409(method, document, desk, editor_api):
    other = factories.LibraryDocumentFactory(desk=desk, url="https://www.un.org/resolutions/2118")
    detail = reverse("api:library-document-detail", args=[other.pk])

    response = getattr(editor_api, method)(detail, _fields(url=TAKEN_URL), format="json")

    assert response.status_code == 409
    assert_documented(response)


def test_adding_a_document_to_a_desk_that_is_not_yours_is_a_documented_404(other_desk, editor_api):
    response = editor_api.post(LIST, _fields(desk=str(other_desk.pk)), format="json")

    assert response.status_code == 404
    assert_documented(response)


def test_uploading_to_a_desk_that_is_not_yours_is_a_documented_404(other_desk, editor_api):
    upload = SimpleUploadedFile("resolution.txt", b"The Security Council adopted the resolution.")

    response = editor_api.post(UPLOAD, {"file": upload, "url": TAKEN_URL, "desk": str(other_desk.pk)})

    assert response.status_code == 404
    assert_documented(response)
