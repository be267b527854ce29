"""Turn what an editor hands us (bytes of a file, pasted text) into article fields.

Pure functions: no database, no network. Everything that can be wrong with the input raises
`ArticleInputError` with a message fit to show the editor.
"""

import codecs
import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from pathlib import PurePath

import trafilatura
from charset_normalizer import from_bytes
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator

from apps.core.exceptions import ApplicationError

TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm"}
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
    if not data or not data.strip():
        raise ArticleInputError("The article is empty.")
    if len(data) > max_bytes:
        raise ArticleInputError(
            f"The article is {len(data):,} bytes; the limit is {max_bytes:,} bytes.",
            extra={"size": len(data), "limit": max_bytes},
            status=413,
        )
    # Windows editors ("Unicode" in Notepad, Word's "Unicode text") save UTF-16 with a byte
    # order mark; its NUL bytes are text, not a sign of a binary file.
    encoding = next((name for mark, name in _BYTE_ORDER_MARKS if data.startswith(mark)), None)
    if encoding is None and b"\x00" in data[:8192]:
        raise ArticleInputError("This looks like a binary file, not text. Upload .txt, .md or .html.")
    try:
        text = data.decode(encoding or "utf-8-sig")
    except UnicodeDecodeError:
        if encoding is not None:
            raise ArticleInputError(
                f"The file is marked as {encoding.upper()} text but could not be read as such. "
                "Save it as UTF-8 and try again."
            ) from None
        text = _decode_legacy(data)
    if _control_character_ratio(text) > 0.05:
        raise ArticleInputError("This looks like a binary file, not text. Upload .txt, .md or .html.")
    return text


def _decode_legacy(data: bytes) -> str:
    # Windows-1252 is what legacy newsroom systems export; detectors misjudge short texts, so it
    # goes first and the detector only handles what it cannot decode.
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        best = from_bytes(data).best()
        if best is None:
            raise ArticleInputError(
                "The text encoding could not be recognised. Save the file as UTF-8 and try again."
            ) from None
        return str(best)


def parse_upload(data: bytes, *, filename: str, max_bytes: int) -> ParsedArticle:
    suffix = PurePath(filename or "").suffix.lower()
    if suffix not in TEXT_SUFFIXES | HTML_SUFFIXES:
        raise ArticleInputError(
            f"Unsupported file type {suffix or '(none)'!s}. Upload .txt, .md or .html.",
            status=415,
        )
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
        raise ArticleInputError("No article text could be found in this HTML page.")
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
        raise ArticleInputError("No article text could be found in this HTML page.")
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
        if expecting_url and line:
            match = _BARE_URL.match(line)
            if match:
                source_url = _checked_source_url(match["url"], line=line)
                expecting_url = False
                continue
            expecting_url = False
        if match := _URL_LABEL.match(line):
            url_match = _BARE_URL.match(match["url"]) if match["url"] else None
            if url_match:
                source_url = _checked_source_url(url_match["url"], line=line)
            else:
                expecting_url = True
            continue
        if not header_done:
            if not line:
                continue
            if not title and (match := _HEADING.match(line)):
                title = _strip_markdown(match["title"])
                continue
            if not byline and (match := _BYLINE.match(line)) and len(line) < 120:
                byline = _strip_markdown(match["byline"])
                continue
            if published_on is None and len(line) < 40 and (date := _parse_date(line)):
                published_on = date
                continue
            if not outlet and (match := _BOLD_LINE.match(line)):
                outlet = " ".join(match["text"].split())
                continue
            header_done = True
        body_lines.append(_strip_markdown(line) if not _HEADING.match(line) else _HEADING.sub(r"\g<title>", line))

    body = _normalise_paragraphs("\n".join(body_lines))
    if len(body) < MIN_BODY_CHARS:
        raise ArticleInputError(f"The article body is too short to check (at least {MIN_BODY_CHARS} characters).")
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


def _checked_source_url(url: str, *, line: str) -> str:
    if len(url) > SOURCE_URL_MAX_CHARS:
        raise ArticleInputError(
            f"The web address on the line “{line[:80]}…” is longer than {SOURCE_URL_MAX_CHARS:,} characters. "
            "Shorten or remove that line and import again.",
            extra={"line": line[:200]},
        )
    if not is_storable_url(url):
        raise ArticleInputError(
            f"The line “{line[:200]}” does not hold a valid web address. Correct or remove that line and import again.",
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
