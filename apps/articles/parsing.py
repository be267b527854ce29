"""Turn what an editor hands us (bytes of a file, pasted text) into article fields.

Pure functions: no database, no network (a PDF is read in a child process, see `parse_pdf`).
Everything that can be wrong with the input raises `ArticleInputError` with a message fit to
show the editor.
"""

import codecs
import datetime as dt
import hashlib
import io
import logging
import re
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import PurePath

import trafilatura
from charset_normalizer import from_bytes
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from lxml import etree

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

logger = logging.getLogger(__name__)

TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm"}
WORD_SUFFIXES = {".docx"}
PDF_SUFFIXES = {".pdf"}
# Old binary Word and macro-enabled Word: python-docx reads neither, and macros have no place here.
REFUSED_WORD_SUFFIXES = {".doc", ".dot", ".docm", ".dotm"}
ACCEPTED_FILE_TYPES = gettext_noop(".txt, .md, .html, .docx or .pdf")
# A Word or PDF file may be this large (the reference library takes 10 MB too); its text is held
# to the article limit.
DOCUMENT_MAX_BYTES = 10 * 1024 * 1024
MIN_BODY_CHARS = 40
# UTF-32's little-endian mark begins with UTF-16's, so UTF-32 is tried first.
_BYTE_ORDER_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Article.source_url's max_length.
SOURCE_URL_MAX_CHARS = 2000


class ArticleInputError(ApplicationError):
    """The input cannot become an article; nothing was stored."""


@dataclass(frozen=True)
class ParsedArticle:
    title: str
    body: str
    byline: str = ""
    outlet: str = ""
    published_on: dt.date | None = None
    source_url: str = ""


def content_hash(body: str) -> str:
    normalised = " ".join(body.split()).casefold()
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


def decode_text(data: bytes, *, max_bytes: int) -> str:
    """Decode uploaded bytes to text, refusing empty, oversized and binary input."""
    _check_size(data, max_bytes=max_bytes)
    # Windows editors ("Unicode" in Notepad, Word's "Unicode text") save UTF-16 with a byte
    # order mark; its NUL bytes are text, not a sign of a binary file.
    marked = next((name for mark, name in _BYTE_ORDER_MARKS if data.startswith(mark)), None)
    encoding = marked
    if encoding is None and b"\x00" in data[:8192]:
        encoding = _utf16_without_mark(data[:8192])
        if encoding is None:
            raise ArticleInputError(_binary_file_message())
    try:
        text = data.decode(encoding or "utf-8-sig")
    except UnicodeDecodeError:
        if encoding is not None:
            if marked:
                message = _(
                    "The file is marked as %(encoding)s text but could not be read as such. "
                    "Save it as UTF-8 and try again."
                )
            else:
                message = _(
                    "The file looks like %(encoding)s text but could not be read as such. "
                    "Save it as UTF-8 and try again."
                )
            raise ArticleInputError(message % {"encoding": encoding.upper()}) from None
        text = _decode_legacy(data)
    if _control_character_ratio(text) > 0.05:
        raise ArticleInputError(_binary_file_message())
    return text


def _binary_file_message() -> str:
    return _("This looks like a binary file, not text. Upload %(types)s.") % {"types": _(ACCEPTED_FILE_TYPES)}


def _utf16_without_mark(sample: bytes) -> str | None:
    """The UTF-16 byte order of text saved without a byte order mark (as some Windows and Java tools
    do), or None. Latin text tells it by its bytes: nearly every high byte is NUL and nearly every
    low byte a printable ASCII character; binary data with NULs in every other byte is not that."""
    sample = sample[: len(sample) // 2 * 2]
    even, odd = sample[0::2], sample[1::2]
    for high, low, encoding in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        ascii_text = sum(1 for byte in low if 32 <= byte < 127 or byte in b"\t\n\r")
        if high.count(0) >= 0.9 * len(high) and ascii_text >= 0.9 * len(low):
            return encoding
    return None


def upload_max_bytes(max_bytes: int) -> int:
    """The largest uploaded file that may hold an article of at most `max_bytes` of text."""
    return max(max_bytes, DOCUMENT_MAX_BYTES)


def _check_size(data: bytes, *, max_bytes: int, of_a_file: bool = False) -> None:
    if not data or not data.strip():
        raise ArticleInputError(_("The file is empty.") if of_a_file else _("The article is empty."))
    if len(data) > max_bytes:
        if of_a_file:
            too_large = _("The file is %(size)s bytes; the limit is %(limit)s bytes.")
        else:
            too_large = _("The article is %(size)s bytes; the limit is %(limit)s bytes.")
        raise ArticleInputError(
            too_large % {"size": f"{len(data):,}", "limit": f"{max_bytes:,}"},
            extra={"size": len(data), "limit": max_bytes},
            status=413,
        )


def _decode_legacy(data: bytes) -> str:
    # Windows-1252 is what legacy newsroom systems export; detectors misjudge short texts, so it
    # goes first and the detector only handles what it cannot decode.
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        best = from_bytes(data).best()
        if best is None:
            raise ArticleInputError(
                _("The text encoding could not be recognised. Save the file as UTF-8 and try again.")
            ) from None
        return str(best)


def parse_upload(data: bytes, *, filename: str, max_bytes: int) -> ParsedArticle:
    suffix = PurePath(filename or "").suffix.lower()
    if suffix in REFUSED_WORD_SUFFIXES:
        raise ArticleInputError(
            _(
                "%(suffix)s files cannot be imported. Open the document in Word (or LibreOffice), save it as "
                ".docx or PDF, and upload that."
            )
            % {"suffix": suffix},
            extra={"suffix": suffix},
        )
    if suffix not in TEXT_SUFFIXES | HTML_SUFFIXES | WORD_SUFFIXES | PDF_SUFFIXES:
        raise ArticleInputError(
            _("Unsupported file type %(suffix)s. Upload %(types)s.")
            % {"suffix": suffix or _("(none)"), "types": _(ACCEPTED_FILE_TYPES)},
            status=415,
        )
    largest_upload = upload_max_bytes(max_bytes)
    if len(data) > largest_upload:
        # The views read one byte past the largest upload and no further, so the file's own size
        # is unknown here: only that it is larger.
        limit = largest_upload if suffix in WORD_SUFFIXES | PDF_SUFFIXES else max_bytes
        raise ArticleInputError(
            _("The file is larger than %(largest)s bytes; the limit is %(limit)s bytes.")
            % {"largest": f"{largest_upload:,}", "limit": f"{limit:,}"},
            extra={"limit": limit},
            status=413,
        )
    if suffix in WORD_SUFFIXES | PDF_SUFFIXES:
        # Photos and embedded fonts make a document file far larger than its text, which alone
        # is held to `max_bytes`.
        _check_size(data, max_bytes=largest_upload, of_a_file=True)
        parse = parse_docx if suffix in WORD_SUFFIXES else parse_pdf
        return parse(data, max_bytes=max_bytes)
    text = decode_text(data, max_bytes=max_bytes)
    if suffix in HTML_SUFFIXES:
        return parse_html(text)
    return parse_text(text)


def parse_pasted(text: str, *, max_bytes: int) -> ParsedArticle:
    """Pasted text may be Markdown, plain text or a whole HTML page."""
    text = decode_text(text.encode("utf-8"), max_bytes=max_bytes)
    if _looks_like_html(text):
        return parse_html(text)
    return parse_text(text)


def parse_html(html: str, *, url: str = "") -> ParsedArticle:
    """Main text and metadata of a web page. trafilatura drops scripts, styles, navigation and
    boilerplate and returns plain text, so nothing of the page's markup reaches our templates."""
    document = trafilatura.bare_extraction(
        html, url=url or None, with_metadata=True, include_comments=False, favor_precision=True
    )
    text = (document.text if document else "") or ""
    if len(text.strip()) < MIN_BODY_CHARS:
        raise ArticleInputError(_("No article text could be found in this HTML page."))
    published_on = None
    if document.date:
        published_on = _parse_date(document.date)
    title = (document.title or "").strip() or _first_line_title(text)
    paragraphs = [line.strip() for line in text.split("\n") if line.strip()]
    # The page's heading repeats the title; a one-paragraph page has nothing else, so there the
    # paragraph is the story and stays.
    if len(paragraphs) > 1 and paragraphs[0] == title:
        paragraphs = paragraphs[1:]
    body = _normalise_paragraphs("\n\n".join(paragraphs))
    if len(body) < MIN_BODY_CHARS:
        raise ArticleInputError(_("No article text could be found in this HTML page."))
    # A page's canonical or og:url link is whatever its publisher wrote, and the editor cannot
    # correct it; one we could not store is left out rather than refusing the article.
    source_url = next((candidate for candidate in (url, document.url) if is_storable_url(candidate)), "")
    return ParsedArticle(
        title=title[:500],
        body=body,
        byline=(document.author or "").strip()[:300],
        outlet=(document.sitename or "").strip()[:200],
        published_on=published_on,
        source_url=source_url,
    )


def is_storable_url(url: str | None) -> bool:
    """Whether `url` is a web address Article.source_url accepts."""
    if not url or len(url) > SOURCE_URL_MAX_CHARS:
        return False
    try:
        URLValidator(schemes=["http", "https"])(url)
    except ValidationError:
        return False
    return True


_HEADING = re.compile(r"^#{1,6}\s+(?P<title>.+?)\s*#*\s*$")
_BYLINE = re.compile(r"^by\s+(?P<byline>.+)$", re.IGNORECASE)
_BOLD_LINE = re.compile(r"^(\*\*|__)(?P<text>[^*_]{2,120})(\*\*|__)$")
_URL_LABEL = re.compile(r"^(original|source)\s+url\s*:\s*(?P<url>\S*)\s*$", re.IGNORECASE)
_BARE_URL = re.compile(r"^<?(?P<url>https?://[^\s>]+)>?$")
_MD_LINK = re.compile(r"\[(?P<text>[^\]]*)\]\((?P<href>[^)]*)\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|_)(?P<text>\S(?:.*?\S)?)\1")
_DATE_FORMATS = ("%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y", "%Y-%m-%d", "%A, %B %d, %Y")


def parse_text(text: str) -> ParsedArticle:
    """Parse plain text or Markdown in the shape newsroom exports use.

    Recognised header lines (each optional, in any order before the body): `# Title`,
    `By Someone`, a date line, a bold outlet line; and at the end `Original url: <...>`.

    A URL line that is not a valid web address refuses the import, naming the line: articles
    cannot be edited after import and importing the same text again returns the stored article,
    so a dropped source URL could never be added back.
    """
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    title = byline = outlet = source_url = ""
    published_on: dt.date | None = None
    body_lines: list[str] = []
    expecting_url = False
    header_done = False

    for raw in lines:
        line = raw.strip()
        # Copying from web pages and word processors leaves invisible marks (zero-width space,
        # direction marks) at the ends of lines; header and URL lines are recognised without them.
        bare = _without_edge_marks(line)
        if expecting_url and bare:
            match = _BARE_URL.match(bare)
            if match:
                source_url = _checked_source_url(match["url"], line=bare)
                expecting_url = False
                continue
            expecting_url = False
        if match := _URL_LABEL.match(bare):
            url_match = _BARE_URL.match(match["url"]) if match["url"] else None
            if url_match:
                source_url = _checked_source_url(url_match["url"], line=bare)
            else:
                expecting_url = True
            continue
        if not header_done:
            if not bare:
                continue
            if not title and (match := _HEADING.match(bare)):
                title = _strip_markdown(match["title"])
                continue
            if not byline and (match := _BYLINE.match(bare)) and len(bare) < 120:
                byline = _strip_markdown(match["byline"])
                continue
            if published_on is None and len(bare) < 40 and (date := _parse_date(bare)):
                published_on = date
                continue
            if not outlet and (match := _BOLD_LINE.match(bare)):
                outlet = " ".join(match["text"].split())
                continue
            header_done = True
        body_lines.append(_strip_markdown(line) if not _HEADING.match(bare) else _HEADING.sub(r"\g<title>", bare))

    body = _normalise_paragraphs("\n".join(body_lines))
    if len(body) < MIN_BODY_CHARS:
        raise ArticleInputError(
            _("The article body is too short to check (at least %(count)d characters).") % {"count": MIN_BODY_CHARS}
        )
    if not outlet and byline and not _looks_like_person(byline):
        outlet = byline
    return ParsedArticle(
        title=(title or _first_line_title(body))[:500],
        body=body,
        byline=byline[:300],
        outlet=outlet[:200],
        published_on=published_on,
        source_url=source_url,
    )


def _without_edge_marks(line: str) -> str:
    """`line` without the invisible format characters (Unicode category Cf) and spaces at its ends."""
    start, end = 0, len(line)
    while start < end and (line[start].isspace() or unicodedata.category(line[start]) == "Cf"):
        start += 1
    while end > start and (line[end - 1].isspace() or unicodedata.category(line[end - 1]) == "Cf"):
        end -= 1
    return line[start:end]


def _checked_source_url(url: str, *, line: str) -> str:
    if len(url) > SOURCE_URL_MAX_CHARS:
        raise ArticleInputError(
            _(
                "The web address on the line “%(line)s…” is longer than %(limit)s characters. "
                "Shorten or remove that line and import again."
            )
            % {"line": line[:80], "limit": f"{SOURCE_URL_MAX_CHARS:,}"},
            extra={"line": line[:200]},
        )
    if not is_storable_url(url):
        raise ArticleInputError(
            _("The line “%(line)s” does not hold a valid web address. Correct or remove that line and import again.")
            % {"line": line[:200]},
            extra={"line": line[:200]},
        )
    return url


def _strip_markdown(line: str) -> str:
    line = _MD_LINK.sub(r"\g<text>", line)
    return _MD_EMPHASIS.sub(r"\g<text>", line)


def _normalise_paragraphs(text: str) -> str:
    paragraphs = re.split(r"\n\s*\n", text.strip())
    cleaned = [" ".join(p.split()) for p in paragraphs]
    return "\n\n".join(p for p in cleaned if p)


def _parse_date(value: str) -> dt.date | None:
    value = value.strip()
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(value, fmt).date()  # noqa: DTZ007 - a calendar date, no time
        except ValueError:
            continue
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _first_line_title(body: str) -> str:
    first = body.strip().split("\n", 1)[0]
    return first if len(first) <= 120 else first[:117].rsplit(" ", 1)[0] + "..."


def _looks_like_person(byline: str) -> bool:
    words = byline.split()
    return 2 <= len(words) <= 4 and not byline.lower().startswith("the ")


def _looks_like_html(text: str) -> bool:
    head = text.lstrip()[:500].lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in text)


def _control_character_ratio(text: str) -> float:
    sample = text[:8192]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    return controls / max(len(sample), 1)


# A .docx is a zip of XML parts. Its declared sizes bound what zipfile will inflate (it stops
# with a CRC error past them), so checking them before python-docx opens anything refuses a zip
# bomb without inflating it. A long article's document.xml is a few megabytes; Word compresses
# XML 5 to 20 times.
DOCX_MAX_UNCOMPRESSED_BYTES = 40_000_000
DOCX_MAX_COMPRESSION_RATIO = 100
DOCX_MAX_MEMBERS = 2_000
# python-docx spends 25 to 40 microseconds on each paragraph's text, so the body is bounded too,
# counted in XML elements (paragraphs, runs, text, cells...) before any text is read: Word writes
# a few per run and a few runs per paragraph, so an 8,000-word article has well under 10,000.
# 100,000 one-letter paragraphs (300,000 elements, 80 KB zipped) took 3.8 s.
DOCX_MAX_BODY_ELEMENTS = 200_000
# An encrypted Office document is not a zip but an OLE compound file holding the encrypted
# package; an old .doc renamed to .docx is one too.
_OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_OLE_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")
# Authors that Word, LibreOffice and python-docx fill in when nobody set one.
_PLACEHOLDER_AUTHORS = {"microsoft office user", "windows user", "python-docx", "user", "author", "unknown"}
# When a document was created says when its story was written only for recent copy: a template
# or a file passed around for years carries an old date (python-docx's own template says 2013).
DOCX_DATE_MAX_AGE = dt.timedelta(days=60)


def parse_docx(data: bytes, *, max_bytes: int) -> ParsedArticle:
    """A Word document's paragraphs and tables, in order, with its title (Title style, else the
    first heading, else the document properties'), byline and date."""
    _docx_container_check(data)
    _docx_body_size_check(data)
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
        paragraphs = _docx_paragraphs(document)
        properties = document.core_properties
        author, properties_title, created = properties.author, properties.title, properties.created
    except ArticleInputError:
        raise
    except Exception as error:
        # python-docx and lxml fail on a damaged package with KeyError, ValueError, XMLSyntaxError
        # and more: each means the file cannot be read, not that the server is broken.
        logger.info("Unreadable .docx upload: %r", error)
        raise ArticleInputError(
            _(
                "This Word document could not be read; it may be damaged. Open it in Word, save it again as .docx "
                "and upload that, or paste the text."
            )
        ) from None
    title = next((text for text, style in paragraphs if style == "title"), "")
    title = title or next((text for text, style in paragraphs if style == "heading"), "")
    today = timezone.localdate()
    created_on = None
    if created is not None:
        created_on = timezone.localdate(created) if timezone.is_aware(created) else created.date()
    return _article_from_paragraphs(
        [text for text, _style in paragraphs],
        title=title or (properties_title or "").strip(),
        author=author or "",
        document_date=created_on if created_on and today - DOCX_DATE_MAX_AGE <= created_on <= today else None,
        max_bytes=max_bytes,
    )


def _docx_container_check(data: bytes) -> None:
    if data.startswith(_OLE_SIGNATURE):
        if _OLE_ENCRYPTED_PACKAGE in data:
            raise ArticleInputError(
                _(
                    "This Word document is password-protected. Remove the password (in Word: File, Info, Protect "
                    "Document), save it and upload it again, or paste the text."
                )
            )
        raise ArticleInputError(
            _(
                "This is an old Word .doc file named .docx. Open it in Word (or LibreOffice), save it as .docx "
                "or PDF, and upload that."
            )
        )
    try:
        members = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (zipfile.BadZipFile, ValueError, EOFError):
        raise ArticleInputError(
            _(
                "This file is not a readable Word document (.docx); it may be damaged or have the wrong name. "
                "Save it again as .docx or PDF, or paste the text."
            )
        ) from None
    if any(member.flag_bits & 0x1 for member in members):
        raise ArticleInputError(
            _("This Word document is encrypted. Save an unprotected copy and upload it, or paste the text.")
        )
    uncompressed = sum(member.file_size for member in members)
    compressed = sum(member.compress_size for member in members)
    if (
        len(members) > DOCX_MAX_MEMBERS
        or uncompressed > DOCX_MAX_UNCOMPRESSED_BYTES
        or uncompressed > DOCX_MAX_COMPRESSION_RATIO * max(compressed, 1)
    ):
        raise ArticleInputError(
            _(
                "This Word document unpacks to %(size)s bytes in %(parts)s parts, more than an article import "
                "reads (at most %(limit)s bytes, compressed at most %(ratio)s to 1). Paste the text instead."
            )
            % {
                "size": f"{uncompressed:,}",
                "parts": f"{len(members):,}",
                "limit": f"{DOCX_MAX_UNCOMPRESSED_BYTES:,}",
                "ratio": DOCX_MAX_COMPRESSION_RATIO,
            },
            extra={"uncompressed": uncompressed, "parts": len(members)},
        )


def _docx_body_size_check(data: bytes) -> None:
    """Count the main part's elements while streaming it, before python-docx builds them: within the
    zip bounds, 38 MB of one-letter paragraphs would cost python-docx half a gigabyte and seconds
    before a count of its tree could refuse them."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package, package.open(_docx_main_part_name(package)) as part:
            elements = 0
            for _event, element in etree.iterparse(part, events=("end",), resolve_entities=False, no_network=True):
                elements += 1
                if elements > DOCX_MAX_BODY_ELEMENTS:
                    break
                element.clear(keep_tail=False)
                while element.getprevious() is not None:
                    del element.getparent()[0]  # what was read is let go: memory stays flat
    except (KeyError, zipfile.BadZipFile, etree.XMLSyntaxError, ValueError, EOFError, OSError):
        return  # python-docx refuses the damaged package with its own message
    if elements > DOCX_MAX_BODY_ELEMENTS:
        raise ArticleInputError(
            _(
                "This Word document's body has more elements (paragraphs, runs, cells) than an article import reads "
                "(%(limit)s). Upload the article on its own, or paste the text."
            )
            % {"limit": f"{DOCX_MAX_BODY_ELEMENTS:,}"},
            extra={"limit": DOCX_MAX_BODY_ELEMENTS},
            status=413,
        )


_OFFICE_DOCUMENT_RELATIONSHIP = re.compile(r"/officeDocument$")


def _docx_main_part_name(package: zipfile.ZipFile) -> str:
    """The main document part the package's relationships name (word/document.xml in Word's files)."""
    relationships = etree.fromstring(package.read("_rels/.rels"), parser=etree.XMLParser(resolve_entities=False))
    for relationship in relationships:
        if _OFFICE_DOCUMENT_RELATIONSHIP.search(relationship.get("Type", "")):
            return relationship.get("Target", "").lstrip("/")
    raise KeyError("no main document part")


def _docx_paragraphs(document) -> list[tuple[str, str]]:
    """(text, "title" | "heading" | "text") for each non-empty paragraph of the body, and one
    paragraph per table row with its cells' text."""
    from docx.table import Table

    # python-docx looks a paragraph's style up among all styles each time; once is enough.
    style_names = {style.style_id: (style.name or "").lower() for style in document.styles}
    paragraphs: list[tuple[str, str]] = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            for row in block.rows:
                # A merged cell is returned once for each grid column it spans.
                cells = {cell._tc: cell for cell in row.cells}.values()
                if line := " | ".join(text for text in (" ".join(cell.text.split()) for cell in cells) if text):
                    paragraphs.append((line, "text"))
            continue
        if text := " ".join(block.text.split()):
            style = style_names.get(block._p.style, "")
            kind = "title" if style == "title" else "heading" if style.startswith("heading") else "text"
            paragraphs.append((text, kind))
    return paragraphs


# Article uploads are read in the request; the reader runs in a child process stopped after
# this long (see apps.core.pdf_text), so a hostile PDF holds a request no longer. On the 2-core
# dev VM (bench/upload_formats.py) a real 100-page report reads in 0.5 s, and 2 MB of the
# costliest page content (the content bound) in about 3 s.
PDF_READ_SECONDS = 5
PDF_MAX_PAGES = 100
PDF_MAX_CONTENT_BYTES = 2_000_000
_PAGE_NUMBER = re.compile(
    r"^(?:page\s+)?[-\u2013\u2014(\[]?\s*\d{1,4}\s*[-\u2013\u2014)\]]?(?:\s*(?:of|/)\s*\d{1,4})?$", re.I
)
_SENTENCE_END = (".", "!", "?", ":", '"', "\u201d", "\u2019", ")")


def parse_pdf(data: bytes, *, max_bytes: int) -> ParsedArticle:
    """A PDF's text as paragraphs: lines wrapped inside a paragraph joined, end-of-line
    hyphenation undone, page numbers and running headers and footers dropped."""
    if b"%PDF-" not in data[:1024]:
        raise ArticleInputError(
            _("This file is not a PDF; it may have the wrong name. Upload the PDF, or paste the text.")
        )
    pdf = _pdf_read(data, max_bytes=max_bytes)
    if pdf.page_count > PDF_MAX_PAGES:
        raise ArticleInputError(
            _(
                "This PDF has %(pages)s pages; an article import reads at most %(limit)s. Upload the "
                "pages the article is on, or paste the text."
            )
            % {"pages": f"{pdf.page_count:,}", "limit": PDF_MAX_PAGES},
            extra={"pages": pdf.page_count, "limit": PDF_MAX_PAGES},
            status=413,
        )
    if sum(len(page.split()) for page in pdf.pages) < 5:
        raise ArticleInputError(
            _("This PDF has no text layer, as a scan has none; OCR it first or paste the text."),
            extra={"pages": pdf.page_count},
        )
    return _article_from_paragraphs(
        pdf_paragraphs(pdf.pages),
        title=_pdf_metadata_title(pdf.title),
        author="",
        document_date=None,
        max_bytes=max_bytes,
    )


def _pdf_read(data: bytes, *, max_bytes: int):
    try:
        return pdf_text_read_isolated(
            data,
            max_pages=PDF_MAX_PAGES,
            max_content_bytes=PDF_MAX_CONTENT_BYTES,
            max_text_chars=max_bytes,
            max_seconds=PDF_READ_SECONDS,
            # A longer PDF is refused by its page count: reading its first pages would be wasted.
            max_page_count=PDF_MAX_PAGES,
        )
    except PdfEncryptedError:
        raise ArticleInputError(
            _("This PDF is encrypted (password-protected). Upload an unprotected copy, or paste the text.")
        ) from None
    except PdfTooSlowError:
        raise ArticleInputError(
            _(
                "Reading this PDF took longer than %(seconds)s seconds, the most an article import allows "
                "(it may be a long report, or built to exhaust readers). Upload only the pages the article is on, "
                "or paste the text."
            )
            % {"seconds": f"{PDF_READ_SECONDS:g}"},
            status=413,
        ) from None
    except (PdfContentTooLargeError, PdfInflatesTooFarError):
        raise ArticleInputError(
            _(
                "This PDF holds more page content than an article import reads (it may be a long report, or built "
                "to exhaust readers). Upload only the pages the article is on, or paste the text."
            ),
            status=413,
        ) from None
    except PdfTextTooLongError:
        raise ArticleInputError(
            _(
                "This PDF's text is longer than %(limit)s bytes, the limit for an article. Upload only the pages "
                "the article is on, or paste the text."
            )
            % {"limit": f"{max_bytes:,}"},
            status=413,
        ) from None
    except PdfReadError as error:
        raise ArticleInputError(
            _("This PDF could not be read; it may be damaged (%(error)s). Paste the text instead.") % {"error": error}
        ) from None


def _pdf_metadata_title(title: str) -> str:
    """The PDF's own title unless it is a producer's placeholder or a file name."""
    title = title.removeprefix("Microsoft Word - ").strip()
    if title.lower() in _PLACEHOLDER_PDF_TITLES or PurePath(title).suffix.lower() in _FILE_NAME_SUFFIXES:
        return ""
    return title


# What PDF producers (reportlab among them) write when nobody gave a title.
_PLACEHOLDER_PDF_TITLES = {"untitled", "untitled document", "title", "(anonymous)", "anonymous"}
_FILE_NAME_SUFFIXES = {".doc", ".docx", ".pdf", ".indd", ".txt"}


def pdf_paragraphs(pages: list[str]) -> list[str]:
    """Paragraphs from the layout text of a PDF's pages (one string of lines per page)."""
    page_lines = [[" ".join(line.split()) for line in page.splitlines()] for page in pages]
    page_lines = [[line for line in lines if line] for lines in page_lines]
    running = _running_lines(page_lines)
    lines: list[str] = []
    page_ends: set[int] = set()
    for page in page_lines:
        for index, line in enumerate(page):
            at_edge = index < 2 or index >= len(page) - 2
            if at_edge and (_running_key(line) in running or _PAGE_NUMBER.match(line)):
                continue
            lines.append(line)
        page_ends.add(len(lines) - 1)
    if not lines:
        return []
    # A line much shorter than the column ends its paragraph (or is a heading); a full one runs on,
    # unless it ends a sentence at the foot of a page.
    lengths = sorted(len(line) for line in lines)
    column = lengths[(len(lengths) * 3) // 4]
    paragraphs: list[str] = []
    current = ""
    for index, line in enumerate(lines):
        current = _join_wrapped(current, line) if current else line
        ends_sentence = line.endswith(_SENTENCE_END)
        # A long word wrapped early leaves a short line inside a sentence that runs on in lower case.
        runs_on = index + 1 < len(lines) and lines[index + 1][:1].islower() and not ends_sentence
        if (
            (len(line) < 0.75 * column and not runs_on)
            or (ends_sentence and len(line) < 0.9 * column)
            or (ends_sentence and index in page_ends)
        ):
            paragraphs.append(current)
            current = ""
    if current:
        paragraphs.append(current)
    return paragraphs


def _join_wrapped(text: str, line: str) -> str:
    if text.endswith("\xad"):
        return text[:-1] + line
    if text.endswith("-") and len(text) > 1 and text[-2].isalpha() and line[:1].isalpha():
        # "inter-" + "national" was hyphenated by the layout; "Secretary-" + "General" is one word.
        return text[:-1] + line if line[0].islower() else text + line
    return f"{text} {line}"


def _running_key(line: str) -> str:
    return re.sub(r"\d+", "#", line.casefold())


def _running_lines(page_lines: list[list[str]]) -> set[str]:
    """Lines at the top or bottom of most pages (running headers and footers), digits ignored
    so that "Annual report, page 3" matches on every page."""
    if len(page_lines) < 2:
        return set()
    counts: dict[str, int] = {}
    for lines in page_lines:
        for key in {_running_key(line) for line in lines[:2] + lines[-2:]}:
            counts[key] = counts.get(key, 0) + 1
    return {key for key, count in counts.items() if count > len(page_lines) / 2}


def _article_from_paragraphs(
    paragraphs: list[str], *, title: str, author: str, document_date: dt.date | None, max_bytes: int
) -> ParsedArticle:
    """Title, byline, date and body from a document's paragraphs. The leading paragraphs may
    repeat the title and hold a `By …` line and a date line, as newsroom copy does."""
    paragraphs = [" ".join(paragraph.split()) for paragraph in paragraphs if paragraph.strip()]
    if not title and paragraphs and len(paragraphs[0]) <= 200 and not paragraphs[0].endswith("."):
        title = paragraphs[0]
    if paragraphs and title and paragraphs[0].casefold() == title.casefold():
        paragraphs = paragraphs[1:]
    byline = ""
    published_on = None
    while paragraphs:
        first = paragraphs[0]
        if not byline and len(first) < 120 and (match := _BYLINE.match(first)):
            byline = match["byline"].strip()
        elif published_on is None and len(first) < 40 and (date := _parse_date(first)):
            published_on = date
        else:
            break
        paragraphs = paragraphs[1:]
    author = " ".join(author.split())
    if not byline and _looks_like_person(author) and author.casefold() not in _PLACEHOLDER_AUTHORS:
        byline = author
    body = "\n\n".join(paragraphs)
    if len(body) < MIN_BODY_CHARS:
        raise ArticleInputError(
            _("The article body is too short to check (at least %(count)d characters).") % {"count": MIN_BODY_CHARS}
        )
    if len(body.encode()) > max_bytes:
        raise ArticleInputError(
            _("The document's text is larger than %(limit)s bytes, the limit for an article.")
            % {"limit": f"{max_bytes:,}"},
            extra={"limit": max_bytes},
            status=413,
        )
    outlet = byline if byline and not _looks_like_person(byline) else ""
    return ParsedArticle(
        title=(title or _first_line_title(body))[:500],
        body=body,
        byline=("" if outlet else byline)[:300],
        outlet=outlet[:200],
        published_on=published_on or document_date,
    )
