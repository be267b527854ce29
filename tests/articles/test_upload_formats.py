"""Editors import articles from Word (.docx) and PDF files; damaged, protected, scanned and
hostile files are refused with a message, never a server error, and leave nothing stored.

Every fixture is built here: python-docx writes the Word documents, reportlab the PDFs, and the
hostile files are a few bytes crafted by hand."""

import datetime as dt
import io
import os
import zipfile

import docx
import pytest
from django.core.files.uploadedfile import InMemoryUploadedFile, SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfWriter
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.pdfgen import canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate

from apps.articles import parsing
from apps.articles.models import Article, SourceKind
from apps.articles.parsing import pdf_paragraphs
from apps.claims.models import Claim
from tests.crafted_pdf import crafted_pdf
from tests.timing import cpu_time

pytestmark = pytest.mark.django_db
API_URL = "/api/v1/articles/import/"
PARAGRAPHS = [
    "Russia and China have vetoed three UN Security Council resolutions on Syria since October 2011, "
    "diplomats said on Monday.",
    "The United Nations says at least 70,000 people have been killed in the conflict, and more than "
    "a million have fled to neighbouring countries.",
    "Unemployment in the region rose to 14.5 percent in 2012, according to the World Bank.",
]


def _docx(
    *, title="Vetoes on Syria", author="Jane Reporter", heading="Background", paragraphs=PARAGRAPHS, table=None
) -> bytes:
    document = docx.Document()
    document.core_properties.author = author
    document.core_properties.title = ""
    if title:
        document.add_heading(title, level=0)
    if heading:
        document.add_heading(heading, level=1)
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for row, values in zip(grid.rows, table, strict=True):
            for cell, value in zip(row.cells, values, strict=True):
                cell.text = value
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


HEADER = "The Daily Planet | Special report"
# Each page: the lines as a layout program broke them. The first paragraph runs on to page 2.
PAGES = [
    [
        "Vetoes on Syria",
        "By Jane Reporter",
        "Russia and China have vetoed three UN Security Council resolutions on",
        "Syria since October 2011, diplomats said on Monday, despite inter-",
        "national pressure and appeals from the UN Secretary-",
        "General, who called the vetoes a failure of the council to act on",
    ],
    [
        "its own responsibilities for peace and security in the region.",
        "The United Nations says at least 70,000 people have been killed in the",
        "conflict, and more than a million have fled to neighbouring countries.",
    ],
    [
        "Unemployment in the region rose to 14.5 percent in 2012, according to",
        "the World Bank, which expects it to keep rising through next year.",
    ],
]


def _pdf(pages=PAGES, *, header=HEADER, encrypt=None, text=True) -> bytes:
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=A4, encrypt=encrypt)
    for number, lines in enumerate(pages, start=1):
        if text:
            pdf.setFont("Helvetica", 9)
            pdf.drawString(72, 800, header)
            pdf.setFont("Helvetica", 11)
            for index, line in enumerate(lines):
                pdf.drawString(72, 760 - 16 * index, line)
            pdf.setFont("Helvetica", 9)
            pdf.drawString(290, 40, str(number))
        else:
            # A scan: a picture of a page, no text.
            pdf.rect(72, 72, 450, 700, fill=1)
        pdf.showPage()
    pdf.save()
    return out.getvalue()


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


def _api_upload(api, name, data):
    return api.post(API_URL, {"file": SimpleUploadedFile(name, data)}, format="multipart")


def _web_client(user):
    client = Client(raise_request_exception=False)
    client.force_login(user)
    return client


# --- Word -----------------------------------------------------------------------------------


def test_a_word_article_gives_its_title_byline_paragraphs_and_claims(editor_api, desk):
    response = _api_upload(editor_api, "vetoes.docx", _docx(table=[["Year", "Vetoes"], ["2011", "1"]]))

    assert response.status_code == 201, response.content
    article = Article.objects.get()
    assert (article.title, article.byline, article.source_kind) == ("Vetoes on Syria", "Jane Reporter", "upload")
    assert article.original_filename == "vetoes.docx"
    assert article.body.split("\n\n") == ["Background", *PARAGRAPHS, "Year | Vetoes", "2011 | 1"]
    claims = Claim.objects.filter(article=article)
    assert claims.count() >= 2
    assert any("70,000 people" in claim.text for claim in claims)


def test_a_word_article_without_a_title_style_takes_the_document_title_and_ignores_a_placeholder_author(
    editor_api, desk
):
    document = docx.Document(io.BytesIO(_docx(title="", author="Microsoft Office User")))
    document.core_properties.title = "Council vetoes"
    out = io.BytesIO()
    document.save(out)

    response = _api_upload(editor_api, "vetoes.docx", out.getvalue())

    assert response.status_code == 201, response.content
    # The first heading ("Background") comes before the document properties' title.
    assert (response.json()["title"], response.json()["byline"]) == ("Background", "")


@pytest.mark.parametrize(
    ("created_days_ago", "dated"),
    [(3, True), (400, False), (-2, False)],
    ids=["recent", "old template", "future"],
)
def test_a_word_documents_creation_date_is_its_date_only_when_recent(editor_api, desk, created_days_ago, dated):
    document = docx.Document(io.BytesIO(_docx()))
    created = timezone.now() - dt.timedelta(days=created_days_ago)
    document.core_properties.created = created
    out = io.BytesIO()
    document.save(out)

    response = _api_upload(editor_api, "vetoes.docx", out.getvalue())

    assert response.status_code == 201, response.content
    assert response.json()["published_on"] == (timezone.localdate(created).isoformat() if dated else None)


def test_a_date_line_under_the_title_is_the_articles_date(editor_api, desk):
    data = _docx(author="", heading="", paragraphs=["By Jane Reporter", "March 3, 2013", *PARAGRAPHS])

    response = _api_upload(editor_api, "vetoes.docx", data)

    assert response.status_code == 201, response.content
    assert (response.json()["published_on"], response.json()["byline"]) == ("2013-03-03", "Jane Reporter")
    assert response.json()["body"].split("\n\n") == PARAGRAPHS


def test_an_author_that_is_not_a_person_is_not_a_byline(editor_api, desk):
    response = _api_upload(editor_api, "vetoes.docx", _docx(author="newsdesk"))

    assert response.status_code == 201, response.content
    assert response.json()["byline"] == ""


def test_a_word_document_unpacking_past_the_size_bound_is_refused_before_it_is_parsed(editor_api, desk, monkeypatch):
    data = _docx(paragraphs=PARAGRAPHS * 40)
    monkeypatch.setattr(parsing, "DOCX_MAX_UNCOMPRESSED_BYTES", 20_000)
    opened = []
    monkeypatch.setattr(docx, "Document", lambda *args: opened.append(args))

    response = _api_upload(editor_api, "long.docx", data)

    assert response.status_code == 400, response.content
    assert "more than an article import reads (at most 20,000 bytes" in response.json()["message"]
    assert opened == []
    assert not Article.objects.exists()


def test_a_word_document_with_too_many_elements_in_its_body_is_refused_before_python_docx_builds_them(
    editor_api, desk, monkeypatch
):
    # Counted while streaming the part: python-docx would hold every element in memory first.
    monkeypatch.setattr(parsing, "DOCX_MAX_BODY_ELEMENTS", 100)
    data = _docx(paragraphs=PARAGRAPHS * 20)
    opened = []
    monkeypatch.setattr(docx, "Document", lambda *args: opened.append(args))

    response = _api_upload(editor_api, "long.docx", data)

    assert response.status_code == 413, response.content
    assert "than an article import reads (100)" in response.json()["message"]
    assert opened == []
    assert not Article.objects.exists()


def test_a_word_document_without_its_package_relationships_is_refused_as_damaged(editor_api, desk):
    original = zipfile.ZipFile(io.BytesIO(_docx()))
    damaged = io.BytesIO()
    with zipfile.ZipFile(damaged, "w") as package:
        for member in original.infolist():
            if member.filename != "_rels/.rels":
                package.writestr(member, original.read(member))

    response = _api_upload(editor_api, "damaged.docx", damaged.getvalue())

    assert response.status_code == 400, response.content
    assert "could not be read; it may be damaged" in response.json()["message"]


# --- PDF ------------------------------------------------------------------------------------


def test_a_pdf_article_comes_out_as_clean_paragraphs(editor_api, desk):
    response = _api_upload(editor_api, "vetoes.pdf", _pdf())

    assert response.status_code == 201, response.content
    article = Article.objects.get()
    assert (article.title, article.byline) == ("Vetoes on Syria", "Jane Reporter")
    assert article.body.split("\n\n") == [
        "Russia and China have vetoed three UN Security Council resolutions on Syria since October 2011, "
        "diplomats said on Monday, despite international pressure and appeals from the UN Secretary-General, "
        "who called the vetoes a failure of the council to act on its own responsibilities for peace and "
        "security in the region.",
        "The United Nations says at least 70,000 people have been killed in the conflict, and more than a "
        "million have fled to neighbouring countries.",
        "Unemployment in the region rose to 14.5 percent in 2012, according to the World Bank, which expects "
        "it to keep rising through next year.",
    ]
    assert Claim.objects.filter(article=article).count() >= 2


def test_a_two_page_pdf_laid_out_by_a_typesetter_keeps_its_paragraphs_and_headings(editor_api, desk):
    styles = getSampleStyleSheet()
    places = ("northern", "southern", "eastern", "western", "coastal", "central", "border", "mountain")
    paragraphs = [f"{text[:-1]}, in the {place} region." for place in places for text in PARAGRAPHS]

    def running_header_and_page_number(pdf, document):
        pdf.setFont("Helvetica", 8)
        pdf.drawString(72, 810, HEADER)
        pdf.drawString(290, 30, str(document.page))

    story = [Paragraph("Vetoes on Syria", styles["Title"])]
    for index, text in enumerate(paragraphs):
        if index % 6 == 0:
            story.append(Paragraph(f"Part {index // 6 + 1}", styles["Heading2"]))
        story.append(Paragraph(text, styles["BodyText"]))
    out = io.BytesIO()
    template = SimpleDocTemplate(out, pagesize=A4)
    template.build(story, onFirstPage=running_header_and_page_number, onLaterPages=running_header_and_page_number)

    response = _api_upload(editor_api, "vetoes.pdf", out.getvalue())

    assert response.status_code == 201, response.content
    assert template.page == 2
    assert response.json()["title"] == "Vetoes on Syria"
    parts = [[f"Part {number + 1}", *paragraphs[number * 6 : number * 6 + 6]] for number in range(4)]
    assert response.json()["body"].split("\n\n") == [item for part in parts for item in part]


def test_pdf_paragraphs_drop_numbered_running_footers_and_keep_a_heading_apart():
    pages = [
        "Annual review 2025 \u2013 page 1\nFunding\nThe agency spent 4.2 million dollars on water projects in\n"
        "the north of the country, twice as much as the year before.",
        "Annual review 2025 \u2013 page 2\nStaff\nIt employed 310 people at the end of the year, up from 250 at\n"
        "the start, most of them at\nhttps://example.org/agency/offices/field/south-region\n"
        "on its website.",
        "Annual review 2025 \u2013 page 3\nPage 3 of 3\nThe next review is due in the spring of the following year.",
    ]

    assert pdf_paragraphs(pages) == [
        "Funding",
        "The agency spent 4.2 million dollars on water projects in the north of the country, twice as much as "
        "the year before.",
        "Staff",
        "It employed 310 people at the end of the year, up from 250 at the start, most of them at "
        "https://example.org/agency/offices/field/south-region on its website.",
        "The next review is due in the spring of the following year.",
    ]


def test_a_pdf_drawing_one_form_thousands_of_times_is_refused_at_once(editor_api, desk):
    # 1 KB that pypdf interprets as 120 MB of content: the library's reader worked on it for 356 s.
    bomb = crafted_pdf(b"/X0 Do\n" * 5000, xobject=b"BT /F1 12 Tf 72 700 Td (" + b"A" * 60 + b") Tj ET\n" * 400)
    assert len(bomb) < 2_000

    # Timed in CPU seconds, the reader's child's included: the machine's load does not add to them.
    with cpu_time() as used:
        response = _api_upload(editor_api, "bomb.pdf", bomb)

    assert response.status_code == 413, response.content
    assert "more page content than an article import reads" in response.json()["message"]
    assert used.seconds < 5
    assert not Article.objects.exists()


def test_a_pdf_that_keeps_the_reader_busy_is_stopped_after_the_time_limit(editor_api, desk, monkeypatch):
    # Every page lists 20,000 fonts: within every byte bound, yet a minute and a half of work at
    # 100 pages. The reader's child process is stopped at the limit (shortened here).
    monkeypatch.setattr(parsing, "PDF_READ_SECONDS", 0.5)
    busy = crafted_pdf(b"BT /F1 12 Tf 72 700 Td (Hello) Tj ET\n", pages=30, fonts=20_000)

    # Timed in CPU seconds, the reader's child's included: a reader that went on to the end and only then
    # compared the clock would spend many seconds of them, however idle the machine.
    with cpu_time() as used:
        response = _api_upload(editor_api, "fonts.pdf", busy)

    assert response.status_code == 413, response.content
    assert "Reading this PDF took longer than 0.5 seconds" in response.json()["message"]
    assert used.seconds < 4
    assert not Article.objects.exists()


def test_a_pdf_with_too_many_pages_is_refused(editor_api, desk, monkeypatch):
    monkeypatch.setattr(parsing, "PDF_MAX_PAGES", 2)

    response = _api_upload(editor_api, "report.pdf", _pdf())

    assert response.status_code == 413, response.content
    assert "This PDF has 3 pages; an article import reads at most 2" in response.json()["message"]


def test_a_pdf_with_too_many_pages_is_refused_without_reading_its_first_pages(editor_api, desk, monkeypatch):
    # 20 pages that each list 20,000 fonts take the reader far past its time limit: a PDF of 30 is
    # refused by its page count at once, not after reading its first 20.
    monkeypatch.setattr(parsing, "PDF_MAX_PAGES", 20)
    busy = crafted_pdf(b"BT /F1 12 Tf 72 700 Td (Hello) Tj ET\n", pages=30, fonts=20_000)

    with cpu_time() as used:
        response = _api_upload(editor_api, "report.pdf", busy)

    assert response.status_code == 413, response.content
    assert "This PDF has 30 pages; an article import reads at most 20" in response.json()["message"]
    assert used.seconds < 3


def test_a_document_file_may_be_larger_than_the_articles_text_limit(editor_api, desk, settings):
    # A PDF carrying a 3 MB photo, with a few hundred bytes of text.
    writer = PdfWriter(clone_from=io.BytesIO(_pdf()))
    writer.add_attachment("photo.jpg", os.urandom(3_000_000))
    out = io.BytesIO()
    writer.write(out)
    assert len(out.getvalue()) > settings.ARTICLE_MAX_BYTES

    response = _api_upload(editor_api, "vetoes.pdf", out.getvalue())

    assert response.status_code == 201, response.content
    assert response.json()["title"] == "Vetoes on Syria"


def test_a_document_file_over_its_size_limit_is_refused_without_being_read_whole(
    editor_api, desk, settings, monkeypatch
):
    settings.ARTICLE_MAX_BYTES = 1_000
    monkeypatch.setattr(parsing, "DOCUMENT_MAX_BYTES", 5_000)
    reads = []

    def recording_read(self, *args):
        if type(self) is InMemoryUploadedFile:  # the server's copy, not the test client's
            reads.append(args)
        return self.file.read(*args)

    monkeypatch.setattr(InMemoryUploadedFile, "read", recording_read, raising=False)

    response = _api_upload(editor_api, "vetoes.docx", _docx(paragraphs=PARAGRAPHS * 20))

    assert response.status_code == 413, response.content
    assert "The file is" in response.json()["message"]
    assert "the limit is 5,000 bytes" in response.json()["message"]
    assert reads == [(5_001,)]


@pytest.mark.parametrize(("name", "limit"), [("vetoes.pdf", "5,000"), ("vetoes.txt", "1,000")])
def test_a_file_past_the_largest_upload_is_not_said_to_be_the_size_read_of_it(
    editor_api, desk, settings, monkeypatch, name, limit
):
    # Only 5,001 bytes of the 50,000 are read: the refusal cannot say how large the file is.
    settings.ARTICLE_MAX_BYTES = 1_000
    monkeypatch.setattr(parsing, "DOCUMENT_MAX_BYTES", 5_000)

    response = _api_upload(editor_api, name, b"%PDF-1.4\n" + b"A" * 50_000)

    assert response.status_code == 413, response.content
    assert response.json()["message"] == f"The file is larger than 5,000 bytes; the limit is {limit} bytes."
    assert not Article.objects.exists()


# --- Refusals: API and web form -------------------------------------------------------------


def _ole_file(*streams: str) -> bytes:
    """The start of an OLE compound file (old .doc, or an encrypted Office document) naming its streams."""
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + b"".join(s.encode("utf-16-le") for s in streams)


REFUSED = [
    pytest.param(
        "bomb.docx",
        _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b" " * 5_000_000}),
        "more than an article import reads",
        id="zip bomb",
    ),
    pytest.param("broken.docx", _docx()[:3000], "not a readable Word document", id="truncated docx"),
    pytest.param("notes.docx", b"These are just notes, not a Word file at all.", "not a readable Word", id="not a zip"),
    pytest.param(
        "parts.docx",
        _zip({"word/document.xml": b"<w:document/>"}),
        "could not be read; it may be damaged",
        id="no parts",
    ),
    pytest.param(
        "locked.docx",
        _ole_file("EncryptionInfo", "EncryptedPackage"),
        "This Word document is password-protected",
        id="encrypted docx",
    ),
    pytest.param("renamed.docx", _ole_file("WordDocument"), "old Word .doc file", id="doc renamed docx"),
    pytest.param("old.doc", _ole_file("WordDocument"), "save it as .docx or PDF", id="doc"),
    pytest.param("macros.docm", _docx(), "save it as .docx or PDF", id="docm"),
    pytest.param("locked.pdf", _pdf(encrypt="secret"), "This PDF is encrypted", id="encrypted pdf"),
    pytest.param(
        "scan.pdf",
        _pdf(text=False),
        "has no text layer, as a scan has none; OCR it first or paste the text",
        id="scanned pdf",
    ),
    pytest.param("broken.pdf", _pdf()[:400], "This PDF could not be read", id="truncated pdf"),
    pytest.param("report.pdf", b"<html>not a pdf</html>", "This file is not a PDF", id="not a pdf"),
]


@pytest.mark.parametrize(("name", "data", "message"), REFUSED)
def test_the_api_refuses_unreadable_documents_with_a_message(editor_api, desk, name, data, message):
    response = _api_upload(editor_api, name, data)

    assert response.status_code == 400, response.content
    assert message in response.json()["message"]
    assert not Article.objects.exists()


@pytest.mark.parametrize(("name", "data", "message"), REFUSED)
def test_the_import_form_shows_why_a_document_was_refused(editor, desk, name, data, message):
    response = _web_client(editor).post(reverse("articles:import"), {"file": SimpleUploadedFile(name, data)})

    assert response.status_code == 400
    assert message in " ".join(response.context["form"].non_field_errors())
    assert not Article.objects.exists()


def test_a_word_document_is_imported_through_the_import_form(editor, desk):
    client = _web_client(editor)
    form_page = client.get(reverse("articles:import"))
    assert b".docx" in form_page.content
    assert b"accept=" in form_page.content
    assert ".pdf" in form_page.context["form"].fields["file"].widget.attrs["accept"]

    response = client.post(
        reverse("articles:import"), {"file": SimpleUploadedFile("vetoes.docx", _docx())}, follow=True
    )

    assert response.status_code == 200
    article = Article.objects.get()
    assert response.redirect_chain[-1][0] == reverse("articles:detail", kwargs={"article_id": article.pk})
    assert (article.title, article.byline, article.source_kind) == (
        "Vetoes on Syria",
        "Jane Reporter",
        SourceKind.UPLOAD,
    )
    assert "Imported “Vetoes on Syria”" in response.content.decode()
    assert Claim.objects.filter(article=article).count() >= 2
