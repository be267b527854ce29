"""The Django admin keeps the library's rules: no document at an address on this machine or a
private network, and one shared document per URL (the database's constraint lets rows without a
desk repeat a URL). Its changes are recorded, in the desk's activity or site-wide for shared ones;
before, the admin saved any of these and recorded nothing."""

import pytest
from django.urls import reverse

from apps.core.audit import audit_desk_events
from apps.core.models import AuditAction, AuditEvent
from apps.references.models import LibraryDocument
from tests import factories

pytestmark = pytest.mark.django_db

ADD = reverse("admin:references_librarydocument_add")
BODY = "The Security Council adopted the resolution on the situation in the Middle East with thirteen votes."


def _document(**changes) -> dict:
    return {
        "title": "Resolution 2042",
        "publisher": "UN",
        "url": "https://un.example.org/2042",
        "body": BODY,
        **changes,
    }


def test_a_library_document_at_a_private_address_is_refused_in_the_admin(root_client):
    response = root_client.post(ADD, _document(url="http://169.254.169.254/latest/meta-data"))

    assert response.status_code == 200
    assert "The URL points at a" in response.content.decode()
    assert not LibraryDocument.objects.exists()


def test_a_second_shared_document_with_the_same_url_is_refused_in_the_admin(root_client):
    factories.LibraryDocumentFactory(desk=None, url="https://un.example.org/2042")

    response = root_client.post(ADD, _document())

    assert response.status_code == 200
    assert "The library already has a document with this URL." in response.content.decode()
    assert LibraryDocument.objects.count() == 1


def test_library_documents_added_in_the_admin_are_recorded_on_their_desk_or_site_wide(desk, root_client):
    root_client.post(ADD, _document(desk=desk.pk))
    root_client.post(ADD, _document(url="https://un.example.org/2043"))

    ours = audit_desk_events(desk_id=desk.pk).get()
    shared = AuditEvent.objects.get(desk_id=None)
    assert (ours.action, ours.details["values"]["url"]) == (AuditAction.ADMIN_ADDED, "https://un.example.org/2042")
    assert (shared.action, shared.details["values"]["url"]) == (AuditAction.ADMIN_ADDED, "https://un.example.org/2043")
