"""A library URL taken by a concurrent request between the service's check and its write is the
same 409 as without the race; the unique constraint's IntegrityError was a 500."""

import pytest
from django.urls import reverse

from apps.references.models import LibraryDocument
from tests.factories import LibraryDocumentFactory

pytestmark = pytest.mark.django_db

URL = "https://example.org/vetoes"
BODY = "Russia and China vetoed three draft resolutions on Syria in the Security Council."


@pytest.fixture
def concurrent_add(desk, monkeypatch):
    """Another editor adds a document at URL just after the service checked for one."""
    full_clean = LibraryDocument.full_clean

    def check_then_race(self, *args, **kwargs):
        full_clean(self, *args, **kwargs)
        if not LibraryDocument.objects.filter(desk=desk, url=URL).exists():
            LibraryDocumentFactory(desk=desk, url=URL, title="Theirs")

    monkeypatch.setattr(LibraryDocument, "full_clean", check_then_race)


def test_adding_a_document_that_loses_the_race_is_a_conflict(editor_api, concurrent_add):
    response = editor_api.post(
        reverse("api:library-document-list"), {"title": "Mine", "url": URL, "body": BODY}, format="json"
    )

    assert response.status_code == 409
    assert response.json()["message"] == "The library already has a document with this URL."
    assert list(LibraryDocument.objects.values_list("title", flat=True)) == ["Theirs"]


def test_moving_a_document_that_loses_the_race_is_a_conflict(editor_api, desk, concurrent_add):
    document = LibraryDocumentFactory(desk=desk, title="Mine")

    response = editor_api.patch(reverse("api:library-document-detail", args=[document.id]), {"url": URL}, format="json")

    assert response.status_code == 409
    document.refresh_from_db()
    assert document.url != URL
