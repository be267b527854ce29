"""Turn an uploaded library document (text, Markdown, HTML or PDF) into a title and plain text.

Pure functions over bytes: no database, no network. HTML goes through trafilatura (main text
only, no markup reaches the library); PDF through pypdf. Anything unusable raises
`LibraryDocumentInputError` with a message fit for the editor.
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass
from pathlib import PurePath

import trafilatura
from charset_normalizer import from_bytes

from apps.core.exceptions import ApplicationError

TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm"}
PDF_SUFFIXES = {".pdf"}
MAX_PDF_PAGES = 300
MIN_TEXT_CHARS = 20


class LibraryDocumentInputError(ApplicationError):
    """The upload cannot become a library document; nothing was stored."""


@dataclass(frozen=True)
class ExtractedDocument:
    title: str
    text: str


def _decode(data: bytes) -> str:
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise LibraryDocumentInputError("This looks like a binary file, not text.")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        best = from_bytes(data).best()
        if best is None:
            raise LibraryDocumentInputError("The file's text encoding could not be recognised.") from None
        return str(best)


def _first_line(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return line.strip().lstrip("#").strip()[:500]
    return ""


def _pdf_text(data: bytes) -> ExtractedDocument:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    # pypdf logs every recoverable oddity of real-world PDFs; the editor only needs the outcome.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise LibraryDocumentInputError("This PDF is encrypted; upload an unprotected copy.")
        pages = [page.extract_text() or "" for page in reader.pages[:MAX_PDF_PAGES]]
        title = str((reader.metadata or {}).get("/Title") or "").strip()
    except (PdfReadError, ValueError, KeyError) as error:
        raise LibraryDocumentInputError(f"This PDF could not be read: {error}") from None
    text = "\n\n".join(page.strip() for page in pages if page.strip())
    return ExtractedDocument(title=title or _first_line(text), text=text)


def library_text_extract(*, filename: str, data: bytes, max_bytes: int) -> ExtractedDocument:
    """The title and plain text of an uploaded file, by its suffix."""
    if not data or not data.strip():
        raise LibraryDocumentInputError("The file is empty.")
    if len(data) > max_bytes:
        raise LibraryDocumentInputError(
            f"The file is {len(data):,} bytes; the limit is {max_bytes:,} bytes.", status=413
        )
    suffix = PurePath(filename).suffix.lower()
    if suffix in PDF_SUFFIXES:
        document = _pdf_text(data)
    elif suffix in HTML_SUFFIXES:
        html = _decode(data)
        extracted = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
        text = (extracted.text if extracted else "") or ""
        title = ((extracted.title if extracted else "") or "").strip()
        document = ExtractedDocument(title=title or _first_line(text), text=text)
    elif suffix in TEXT_SUFFIXES:
        text = _decode(data)
        document = ExtractedDocument(title=_first_line(text), text=text.strip())
    else:
        raise LibraryDocumentInputError(
            f"Unsupported file type {suffix or '(none)'}; upload .txt, .md, .html or .pdf.",
            extra={"suffix": suffix},
        )
    if len(document.text.strip()) < MIN_TEXT_CHARS:
        raise LibraryDocumentInputError("No text could be found in this file.")
    return document
