"""Read the text of an uploaded PDF within bounds, for every app that takes PDFs from editors.

Uploads come from anyone with an editor's login, so reading one is bounded: a PDF a few
kilobytes long can inflate to hundreds of megabytes of page content (a PDF bomb), or draw one
large form XObject thousands of times, and either would keep a process busy for hours. The
callers choose the bounds and turn each `PdfReadError` into a message of their own.

Counting bytes cannot bound everything pypdf does per page: a 280 KB file whose 100 pages each
list 20,000 fonts kept it busy for 90 s within every byte bound. `pdf_text_read_isolated`
therefore reads in a child process that is killed after a number of seconds. This module
imports nothing of Django, so that child starts in a fraction of a second.
"""

from __future__ import annotations

import io
import json
import logging
import math
import os
import re
import subprocess
import sys
from dataclasses import dataclass

logger = logging.getLogger(__name__)


class PdfReadError(Exception):
    """The PDF cannot be read; `str(error)` says why, in pypdf's or our words."""


class PdfEncryptedError(PdfReadError):
    pass


class PdfContentTooLargeError(PdfReadError):
    """The pages' content streams together exceed the caller's byte bound."""


class PdfTextTooLongError(PdfReadError):
    """The text read so far exceeds the caller's character bound."""


class PdfInflatesTooFarError(PdfReadError):
    """A stream decompresses past pypdf's own limits."""


class PdfUnreadableError(PdfReadError):
    """Damaged or hostile: pypdf failed on it."""


class PdfTooSlowError(PdfReadError):
    """Reading took longer than the caller's time bound (isolated reading only)."""


@dataclass(frozen=True)
class PdfText:
    title: str
    # The text of each page read, in order; a page without text is "".
    pages: list[str]
    # All the document's pages, read or not.
    page_count: int


def pdf_text_read(
    data: bytes,
    *,
    max_pages: int,
    max_content_bytes: int,
    max_text_chars: int,
    max_page_count: int | None = None,
) -> PdfText:
    """The metadata title and the text of the first `max_pages` pages of a PDF; none of them when
    the PDF has more than `max_page_count` pages, for a caller that refuses such a file anyway.

    Raises a `PdfReadError` subclass when the file is encrypted, unreadable, or would take more
    than the bounds: bytes of content to interpret (each form XObject counted as often as it is
    drawn) and characters of text.
    """
    from pypdf import PdfReader
    from pypdf.errors import LimitReachedError

    # pypdf logs every recoverable oddity of real-world PDFs; the editor only needs the outcome.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise PdfEncryptedError("The PDF is encrypted.")
        page_count = len(reader.pages)
        pages: list[str] = []
        if max_page_count is None or page_count <= max_page_count:
            pages = _pages_text(
                reader, max_pages=max_pages, max_content_bytes=max_content_bytes, max_text_chars=max_text_chars
            )
        title = str((reader.metadata or {}).get("/Title") or "").strip()
    except PdfReadError:
        raise
    except LimitReachedError as error:
        raise PdfInflatesTooFarError(str(error)) from None
    except Exception as error:
        # pypdf parses whatever the file holds and, on a damaged or hostile one, fails with
        # anything from its own errors to TypeError or RecursionError: all of them mean the
        # file is unusable, not that the server is broken.
        logger.info("Unreadable PDF upload: %r", error)
        raise PdfUnreadableError(str(error)) from None
    return PdfText(
        title=title.replace("\x00", ""), pages=[page.replace("\x00", "") for page in pages], page_count=page_count
    )


def _pages_text(reader, *, max_pages: int, max_content_bytes: int, max_text_chars: int) -> list[str]:
    pages: list[str] = []
    content_bytes = chars = 0
    for page in reader.pages[:max_pages]:
        content_bytes += _page_content_bytes(page)
        if content_bytes > max_content_bytes:
            raise PdfContentTooLargeError(f"The pages hold more than {max_content_bytes:,} bytes of content.")
        text = page.extract_text() or ""
        chars += len(text)
        if chars > max_text_chars:
            raise PdfTextTooLongError(f"The text runs past {max_text_chars:,} characters.")
        pages.append(text)
    return pages


# An operator that shows text or draws an XObject: pypdf skips content streams without one.
_TEXT_OR_DRAW_OPERATOR = re.compile(rb"T[jJ]|Do|['\"]")
# pypdf breaks cycles of forms drawing themselves; deeper nesting than this is not read as more work.
_MAX_FORM_DEPTH = 8
_DRAWN_XOBJECT = re.compile(rb"/([^\s/\[\]()<>{}%]+)\s+Do\b")


def _page_content_bytes(page) -> int:
    """The content bytes text extraction interprets on `page`: its own streams, and each form
    XObject's stream as many times as it is drawn (pypdf parses it again at every `Do`)."""
    contents = page.get_contents()
    if contents is None:
        return 0
    return _content_bytes(contents.get_data(), page.get("/Resources"), depth=0, known={})


def _content_bytes(data: bytes, resources, *, depth: int, known: dict[int, int]) -> int:
    total = len(data)
    if resources is None or depth >= _MAX_FORM_DEPTH or not _TEXT_OR_DRAW_OPERATOR.search(data):
        return total
    xobjects = resources.get_object().get("/XObject")
    if xobjects is None:
        return total
    xobjects = xobjects.get_object()
    drawn: dict[bytes, int] = {}
    for match in _DRAWN_XOBJECT.finditer(data):
        drawn[match[1]] = drawn.get(match[1], 0) + 1
    for name, times in drawn.items():
        form = xobjects.get("/" + name.decode("latin-1"))
        form = form.get_object() if form is not None else None
        # pypdf reads no text from a form without resources (it has no fonts), nor from an image.
        if form is None or form.get("/Subtype") != "/Form" or "/Resources" not in form:
            continue
        if id(form) not in known:
            known[id(form)] = _content_bytes(form.get_data(), form["/Resources"], depth=depth + 1, known=known)
        total += times * known[id(form)]
    return total


def pdf_text_read_isolated(
    data: bytes,
    *,
    max_pages: int,
    max_content_bytes: int,
    max_text_chars: int,
    max_seconds: float,
    max_memory_bytes: int = 1024 * 1024 * 1024,
    max_page_count: int | None = None,
) -> PdfText:
    """`pdf_text_read` in a child process stopped after `max_seconds` and held to
    `max_memory_bytes`, so that no file keeps the caller (a web request) busy for longer."""
    limits = {
        "max_pages": max_pages,
        "max_content_bytes": max_content_bytes,
        "max_text_chars": max_text_chars,
        "max_page_count": max_page_count,
        "max_memory_bytes": max_memory_bytes,
        # The child's own bound, for when the caller dies first (a web worker killed at its
        # timeout) and nobody is left to stop it; CPU time never outruns the wall-clock time above.
        "max_cpu_seconds": math.ceil(max_seconds) + 1,
    }
    try:
        # -I: the child reads no PYTHON* variables and imports nothing from the working directory.
        completed = subprocess.run(  # noqa: S603 - our own module, run by our own interpreter
            [sys.executable, "-I", __file__],
            input=json.dumps(limits).encode() + b"\n" + data,
            capture_output=True,
            timeout=max_seconds,
            check=False,
            env=_child_environment(),
        )
    except subprocess.TimeoutExpired:
        raise PdfTooSlowError(f"Reading the PDF took longer than {max_seconds:g} seconds.") from None
    try:
        answer = json.loads(completed.stdout)
    except ValueError:
        # Killed for memory, or a crash in a C extension: the file is what brought it down.
        logger.info("PDF reader exited with %s: %s", completed.returncode, completed.stderr[-500:])
        raise PdfUnreadableError("Reading the PDF used more memory than allowed or failed.") from None
    if "error" in answer:
        error_class = _ERRORS_BY_NAME.get(answer["error"], PdfUnreadableError)
        raise error_class(answer["message"])
    return PdfText(title=answer["title"], pages=answer["pages"], page_count=answer["page_count"])


# What the interpreter and the dynamic loader may need to start. The web process's environment
# also holds the secret key and the database, mail and broker passwords, which the child, busy with
# a hostile file, has no use for.
_CHILD_ENVIRONMENT_NAMES = ("PATH", "LD_LIBRARY_PATH", "LANG", "LC_ALL", "LC_CTYPE", "TMPDIR")


def _child_environment() -> dict[str, str]:
    return {name: os.environ[name] for name in _CHILD_ENVIRONMENT_NAMES if name in os.environ}


_ERRORS_BY_NAME = {
    error.__name__: error
    for error in (PdfEncryptedError, PdfContentTooLargeError, PdfTextTooLongError, PdfInflatesTooFarError)
}


def _resource_limit_lower(kind: int, soft: int, hard: int) -> None:
    import resource

    # A process may lower its hard limit but not raise it: under a host's own, lower limit
    # (`ulimit -v`, `ulimit -t`), asking for more would fail every read.
    _current_soft, current_hard = resource.getrlimit(kind)
    if current_hard != resource.RLIM_INFINITY:
        soft, hard = min(soft, current_hard), min(hard, current_hard)
    resource.setrlimit(kind, (soft, hard))


def _read_isolated_request() -> None:
    import resource

    header, _, data = sys.stdin.buffer.read().partition(b"\n")
    limits = json.loads(header)
    cpu_seconds = limits.pop("max_cpu_seconds")
    # SIGXCPU at the soft limit ends the process; SIGKILL a second later if it was caught.
    _resource_limit_lower(resource.RLIMIT_CPU, cpu_seconds, cpu_seconds + 1)
    memory = limits.pop("max_memory_bytes")
    _resource_limit_lower(resource.RLIMIT_AS, memory, memory)
    try:
        text = pdf_text_read(data, **limits)
    except PdfReadError as error:
        answer = {"error": type(error).__name__, "message": str(error)}
    else:
        answer = {"title": text.title, "pages": text.pages, "page_count": text.page_count}
    sys.stdout.write(json.dumps(answer))


if __name__ == "__main__":
    _read_isolated_request()
