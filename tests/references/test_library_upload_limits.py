"""Library uploads are read within bounds: hostile or damaged files get a clear refusal, never a
server error or a web process busy for hours."""

import pytest
from django.core.files.uploadedfile import InMemoryUploadedFile, SimpleUploadedFile
from django.urls import reverse

from apps.references import documents
from apps.references.models import LibraryDocument
from tests.crafted_pdf import crafted_pdf
from tests.timing import cpu_time, fastest_cpu_seconds

pytestmark = pytest.mark.django_db
URL = reverse("api:library-document-upload")
VETO = "Russia and China vetoed three draft resolutions on Syria in the Security Council between 2011 and 2012."


def _line(text: bytes) -> bytes:
    return b"BT /F1 12 Tf 72 700 Td (" + text + b") Tj ET\n"


def _upload(api, name, data):
    payload = {"file": SimpleUploadedFile(name, data), "url": "https://example.org/doc"}
    return api.post(URL, payload, format="multipart")


def test_a_plain_pdf_is_read(editor_api):
    response = _upload(editor_api, "vetoes.pdf", crafted_pdf(_line(VETO.encode())))

    assert response.status_code == 201, response.content
    assert "vetoed three draft resolutions" in LibraryDocument.objects.get().body


def test_a_pdf_bomb_is_refused_quickly(editor_api, monkeypatch):
    # A smaller budget keeps the test fast; at full size (300 pages of 1.4 MB of content from an
    # 8 KB file) pypdf worked for over 20 minutes before, and is refused within seconds now.
    monkeypatch.setattr(documents, "MAX_PDF_CONTENT_BYTES", 500_000, raising=False)
    bomb = crafted_pdf(_line(b"A" * 60) * 4_000, pages=300)
    assert len(bomb) < 50_000

    # Timed in CPU seconds, the reader's child's included: the machine's load does not add to them.
    with cpu_time() as used:
        response = _upload(editor_api, "bomb.pdf", bomb)

    assert response.status_code == 413
    assert "more than the library reads" in response.json()["message"]
    assert used.seconds < 8
    assert not LibraryDocument.objects.exists()


def test_a_pdf_that_keeps_the_reader_busy_is_stopped_after_the_time_limit(editor_api, monkeypatch):
    # Every page lists 20,000 fonts: within every byte bound, yet minutes of work. The reader's
    # child process is stopped at the limit (shortened here).
    monkeypatch.setattr(documents, "PDF_READ_SECONDS", 0.5)
    busy = crafted_pdf(_line(VETO.encode()), pages=30, fonts=20_000)

    # Timed in CPU seconds, the reader's child's included: a reader that went on to the end and only then
    # compared the clock would spend half a minute of them, however idle the machine.
    with cpu_time() as used:
        response = _upload(editor_api, "fonts.pdf", busy)

    assert response.status_code == 413, response.content
    assert "Reading this PDF took longer than 0.5 seconds" in response.json()["message"]
    assert used.seconds < 4
    assert not LibraryDocument.objects.exists()


def test_a_pdf_stream_past_pypdfs_own_limit_is_refused_not_a_server_error(editor_api):
    response = _upload(editor_api, "huge-stream.pdf", crafted_pdf(_line(b"A") * 3_000_000))

    assert response.status_code == 413
    assert "inflates to more than the library reads" in response.json()["message"]


def test_a_pdf_that_crashes_the_parser_is_refused_not_a_server_error(editor_api):
    # Nested arrays exhaust pypdf's recursion: a RecursionError, not one of its own errors.
    response = _upload(editor_api, "nested.pdf", crafted_pdf(b"BT " + b"[" * 5000 + b"]" * 5000 + b" TJ ET"))

    assert response.status_code == 400
    assert "This PDF could not be read" in response.json()["message"]
    assert not LibraryDocument.objects.exists()


def test_text_past_the_documents_length_limit_is_refused(editor_api, monkeypatch):
    monkeypatch.setattr(documents, "MAX_TEXT_CHARS", 1_000, raising=False)

    response = _upload(editor_api, "long.txt", (VETO + "\n").encode() * 20)

    assert response.status_code == 413
    assert "runs past 1,000 characters" in response.json()["message"]
    assert not LibraryDocument.objects.exists()


def test_a_pdf_past_the_text_limit_stops_being_read(editor_api, monkeypatch):
    monkeypatch.setattr(documents, "MAX_TEXT_CHARS", 1_000, raising=False)

    response = _upload(editor_api, "long.pdf", crafted_pdf(_line(b"A" * 60) * 20, pages=10))

    assert response.status_code == 413


def test_an_oversized_upload_is_not_read_into_memory_whole(editor_api, settings, monkeypatch):
    settings.REFERENCE_LIBRARY_MAX_BYTES = 100
    reads = []

    def recording_read(self, *args):
        if type(self) is InMemoryUploadedFile:  # the server's copy, not the test client's
            reads.append(args)
        return self.file.read(*args)

    monkeypatch.setattr(InMemoryUploadedFile, "read", recording_read, raising=False)

    response = _upload(editor_api, "big.txt", b"x" * 10_000)

    assert response.status_code == 413
    assert "larger than the limit of 100 bytes" in response.json()["message"]
    assert reads == [(101,)]


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("late-nul.txt", (VETO + "\n").encode() * 100 + b"\x00 and a NUL after the binary sniff."),
        ("nul.pdf", crafted_pdf(_line(b"Vetoes on Syria \\000 in the Security Council, 2011 and 2012."))),
    ],
)
def test_nul_characters_are_dropped_from_uploaded_text(editor_api, name, data):
    # PostgreSQL refuses NUL in text: a server error there, found on the @postgres run below.
    response = _upload(editor_api, name, data)

    assert response.status_code == 201, response.content
    document = LibraryDocument.objects.get()
    assert "\x00" not in document.body
    assert "\x00" not in document.title


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_nul_characters_in_an_upload_are_no_server_error_on_postgresql(editor_api):
    response = _upload(editor_api, "late-nul.txt", (VETO + "\n").encode() * 100 + b"\x00 after the sniff.")

    assert response.status_code == 201, response.content


def test_html_of_many_small_tables_is_read_in_linear_time(editor_api):
    # jusText, trafilatura's fallback, took 15 to 60 s for 10,000 such tables (340 KB), a minute or more for twice
    # as many. Eight times the tables take about eight times the CPU time when linear, over thirty times with jusText.
    def cpu_seconds_to_upload(tables: int) -> float:
        html = b"<html><body><p>" + VETO.encode() + b"</p>" + b"<table><tr><td>x</td></tr></table>" * tables
        html += b"</body></html>"

        def upload() -> None:
            response = _upload(editor_api, "tables.html", html)
            assert response.status_code in (201, 400)
            LibraryDocument.objects.all().delete()

        return fastest_cpu_seconds(upload, tries=2)

    few = cpu_seconds_to_upload(1_000)

    assert cpu_seconds_to_upload(8_000) < 16 * few


def test_html_past_its_size_limit_is_refused(editor_api, monkeypatch):
    monkeypatch.setattr(documents, "MAX_HTML_BYTES", 1_000, raising=False)

    response = _upload(editor_api, "page.html", b"<html><body><p>" + VETO.encode() * 20 + b"</p></body></html>")

    assert response.status_code == 413
    assert "HTML files are read up to 1,000 bytes" in response.json()["message"]
