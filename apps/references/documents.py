"""Turn an uploaded library document (text, Markdown, HTML or PDF) into a title and plain text.

Pure functions over bytes: no database, no network. HTML goes through trafilatura (main text
only, no markup reaches the library); PDF through the bounded reader of `apps.core.pdf_text`.
Anything unusable raises `LibraryDocumentInputError` with a message fit for the editor. Uploads come from anyone with
an editor's login, so reading one is bounded: a PDF a few kilobytes long can inflate to
hundreds of megabytes of page content (a PDF bomb) that would keep a web process busy for
hours.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePath

import trafilatura
from charset_normalizer import from_bytes
from django.utils.formats import number_format
from django.utils.translation import gettext

from apps.core.exceptions import ApplicationError
from apps.core.pdf_text import (
    PdfContentTooLargeError,
    PdfEncryptedError,
    PdfInflatesTooFarError,
    PdfReadError,
    PdfTextTooLongError,
    PdfTooSlowError,
    pdf_text_read_isolated,
)

TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm"}
PDF_SUFFIXES = {".pdf"}
MAX_PDF_PAGES = 300
# Text extraction interprets every drawing operator of a page (about 300 KB of page content a
# second), so the decompressed content of all pages together is capped; a real 300-page report
# has 2 to 6 MB of it.
MAX_PDF_CONTENT_BYTES = 8_000_000
# About a thousand pages: evidence ranking reads every body that matches a claim, each time.
MAX_TEXT_CHARS = 2_000_000
# Byte bounds cannot bound every kind of reader work (a 280 KB PDF whose pages list 20,000 fonts
# each kept pypdf busy for 90 s), so the reader runs in a child process stopped after this long: a
# real 300-page report at the content bound reads in under 30 s.
PDF_READ_SECONDS = 30
MIN_TEXT_CHARS = 20
# trafilatura's fallback extractor (jusText) compares each paragraph with its neighbours one by
# one: 20,000 one-cell tables (680 KB) took a minute, a 10 MB file would take hours. Without the
# fallback (`fast`) extraction is linear, yet up to 7 s a megabyte: HTML gets a smaller limit.
MAX_HTML_BYTES = 3_000_000


class LibraryDocumentInputError(ApplicationError):
    """The upload cannot become a library document; nothing was stored."""


@dataclass(frozen=True)
class ExtractedDocument:
    title: str
    text: str


def _decode(data: bytes) -> str:
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise LibraryDocumentInputError(gettext("This looks like a binary file, not text."))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        best = from_bytes(data).best()
        if best is None:
            raise LibraryDocumentInputError(gettext("The file's text encoding could not be recognised.")) from None
        return str(best)


def _number(value: int) -> str:
    """A limit as the reader's language writes it ("2,000,000", "2.000.000")."""
    return number_format(value, force_grouping=True)


def _first_line(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return line.strip().lstrip("#").strip()[:500]
    return ""


def _too_long_error() -> LibraryDocumentInputError:
    return LibraryDocumentInputError(
        gettext(
            "The file's text runs past %(limit)s characters, the most the library takes in one document. "
            "Upload it in parts."
        )
        % {"limit": _number(MAX_TEXT_CHARS)},
        status=413,
    )


def _pdf_text(data: bytes) -> ExtractedDocument:
    try:
        pdf = pdf_text_read_isolated(
            data,
            max_pages=MAX_PDF_PAGES,
            max_content_bytes=MAX_PDF_CONTENT_BYTES,
            max_text_chars=MAX_TEXT_CHARS,
            max_seconds=PDF_READ_SECONDS,
        )
    except PdfEncryptedError:
        raise LibraryDocumentInputError(gettext("This PDF is encrypted; upload an unprotected copy.")) from None
    except PdfTooSlowError:
        raise LibraryDocumentInputError(
            gettext(
                "Reading this PDF took longer than %(seconds)s seconds, the most the library allows (it may be "
                "built to exhaust readers). Upload it in parts, or as text."
            )
            % {"seconds": _number(PDF_READ_SECONDS)},
            status=413,
        ) from None
    except PdfContentTooLargeError:
        raise LibraryDocumentInputError(
            gettext(
                "This PDF's pages hold more than %(limit)s bytes of content, more than the library reads. "
                "Upload it in parts, or as text."
            )
            % {"limit": _number(MAX_PDF_CONTENT_BYTES)},
            status=413,
        ) from None
    except PdfTextTooLongError:
        raise _too_long_error() from None
    except PdfInflatesTooFarError:
        raise LibraryDocumentInputError(
            gettext("This PDF inflates to more than the library reads (it may be built to exhaust readers)."),
            status=413,
        ) from None
    except PdfReadError as error:
        raise LibraryDocumentInputError(gettext("This PDF could not be read: %(error)s") % {"error": error}) from None
    text = "\n\n".join(page.strip() for page in pdf.pages if page.strip())
    return ExtractedDocument(title=pdf.title or _first_line(text), text=text)


def library_text_extract(*, filename: str, data: bytes, max_bytes: int) -> ExtractedDocument:
    """The title and plain text of an uploaded file, by its suffix."""
    if not data or not data.strip():
        raise LibraryDocumentInputError(gettext("The file is empty."))
    if len(data) > max_bytes:
        raise LibraryDocumentInputError(
            gettext("The file is larger than the limit of %(limit)s bytes.") % {"limit": _number(max_bytes)},
            status=413,
        )
    suffix = PurePath(filename).suffix.lower()
    if suffix in PDF_SUFFIXES:
        document = _pdf_text(data)
    elif suffix in HTML_SUFFIXES:
        if len(data) > MAX_HTML_BYTES:
            raise LibraryDocumentInputError(
                gettext("HTML files are read up to %(limit)s bytes; save the page as text or PDF instead.")
                % {"limit": _number(MAX_HTML_BYTES)},
                status=413,
            )
        html = _decode(data)
        extracted = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, fast=True)
        text = (extracted.text if extracted else "") or ""
        title = ((extracted.title if extracted else "") or "").strip()
        document = ExtractedDocument(title=title or _first_line(text), text=text)
    elif suffix in TEXT_SUFFIXES:
        text = _decode(data)
        document = ExtractedDocument(title=_first_line(text), text=text.strip())
    else:
        raise LibraryDocumentInputError(
            (
                gettext("Unsupported file type %(suffix)s; upload .txt, .md, .html or .pdf.") % {"suffix": suffix}
                if suffix
                else gettext("The file's name has no type; upload .txt, .md, .html or .pdf.")
            ),
            extra={"suffix": suffix},
        )
    # PostgreSQL text cannot hold NUL, which PDFs and text files past the binary sniff may carry.
    document = ExtractedDocument(title=document.title.replace("\x00", ""), text=document.text.replace("\x00", ""))
    if len(document.text) > MAX_TEXT_CHARS:
        raise _too_long_error()
    if len(document.text.strip()) < MIN_TEXT_CHARS:
        raise LibraryDocumentInputError(gettext("No text could be found in this file."))
    return document
