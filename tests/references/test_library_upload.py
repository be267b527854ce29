"""Editors add text, Markdown, HTML and PDF files to the reference library."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from apps.references.models import LibraryDocument
from apps.references.search import library_document_ids_matching

pytestmark = pytest.mark.django_db
URL = reverse("api:library-document-upload")
VETO = "Russia and China vetoed three draft resolutions on Syria in the Security Council between 2011 and 2012."


def _pdf(text: str, title: str = "Vetoes on Syria") -> bytes:
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.setTitle(title)
    page.drawString(72, 720, text[:90])
    page.drawString(72, 700, text[90:])
    page.save()
    return buffer.getvalue()


def _upload(api, name, data, content_type="application/octet-stream", **fields):
    payload = {"file": SimpleUploadedFile(name, data, content_type=content_type), "url": "https://example.org/doc"}
    payload.update(fields)
    return api.post(URL, payload, format="multipart")


@pytest.mark.parametrize(
    ("name", "data", "title"),
    [
        ("vetoes.txt", f"Vetoes on Syria\n\n{VETO}".encode(), "Vetoes on Syria"),
        ("vetoes.md", f"# Vetoes on Syria\n\n{VETO}".encode(), "Vetoes on Syria"),
        (
            "vetoes.html",
            f"<html><head><title>Vetoes on Syria</title></head><body><nav>Menu</nav><article><p>{VETO}</p>"
            f"<p>{VETO}</p></article><script>alert(1)</script></body></html>".encode(),
            "Vetoes on Syria",
        ),
        ("vetoes.pdf", _pdf(VETO), "Vetoes on Syria"),
    ],
)
def test_supported_files_become_searchable_documents(editor_api, desk, name, data, title):
    response = _upload(editor_api, name, data, publisher="UN")

    assert response.status_code == 201, response.content
    document = LibraryDocument.objects.get()
    assert (document.desk, document.title, document.publisher) == (desk, title, "UN")
    assert "vetoed three draft resolutions" in " ".join(document.body.split())
    assert "<" not in document.body
    assert "alert" not in document.body
    assert library_document_ids_matching(LibraryDocument.objects.all(), ["veto"], limit=5) == [document.pk]


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"   ", "empty"),
        ("image.png", b"\x89PNG\r\n", "Unsupported file type .png"),
        ("binary.txt", b"\x00\x01\x02" * 100, "binary"),
        ("broken.pdf", b"%PDF-1.4 not really a pdf", "PDF could not be read"),
        ("tiny.html", b"<html><body><p>Hi</p></body></html>", "No text"),
    ],
)
def test_unusable_files_get_a_clear_400_and_store_nothing(editor_api, name, data, message):
    response = _upload(editor_api, name, data)

    assert response.status_code == 400
    assert message in response.json()["message"]
    assert not LibraryDocument.objects.exists()


def test_oversized_files_are_refused(editor_api, settings):
    settings.REFERENCE_LIBRARY_MAX_BYTES = 100
    response = _upload(editor_api, "big.txt", b"x" * 200)
    assert response.status_code == 413


def test_reviewers_cannot_upload(reviewer_api, desk):
    response = _upload(reviewer_api, "vetoes.txt", VETO.encode(), desk=str(desk.id))
    assert response.status_code == 403


def test_uploading_the_same_url_again_replaces_the_text(editor_api):
    _upload(editor_api, "v1.txt", f"Version one\n\n{VETO}".encode())
    _upload(editor_api, "v2.txt", f"Version two\n\n{VETO}".encode())

    document = LibraryDocument.objects.get()
    assert document.title == "Version two"


@pytest.mark.parametrize(
    ("name", "data", "language", "message"),
    [
        ("empty.txt", b"   ", "es", "El archivo está vacío."),
        (
            "image.png",
            b"\x89PNG\r\n",
            "fr",
            "Type de fichier non pris en charge .png\u00a0; importez un .txt, .md, .html ou .pdf.",
        ),
        ("notes", b"Vetoes", "pt-br", "O nome do arquivo não tem tipo; envie .txt, .md, .html ou .pdf."),
    ],
)
def test_an_unusable_file_is_refused_in_the_clients_language(editor_api, name, data, language, message):
    payload = {"file": SimpleUploadedFile(name, data), "url": "https://example.org/doc"}

    response = editor_api.post(URL, payload, format="multipart", headers={"accept-language": language})

    assert response.status_code == 400
    assert response.json()["message"] == message
