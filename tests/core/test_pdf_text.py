"""The child process that reads uploaded PDFs (apps/core/pdf_text.py)."""

import io
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from reportlab.pdfgen import canvas

from apps.core import pdf_text
from tests.crafted_pdf import crafted_pdf

REPO_ROOT = Path(__file__).resolve().parents[2]
BOUNDS = {"max_pages": 10, "max_content_bytes": 1_000_000, "max_text_chars": 100_000, "max_seconds": 20}


def _pdf(text: str) -> bytes:
    out = io.BytesIO()
    page = canvas.Canvas(out)
    page.drawString(72, 720, text)
    page.save()
    return out.getvalue()


def test_the_reader_reads_a_pdf_in_a_child_process():
    pdf = pdf_text.pdf_text_read_isolated(_pdf("The council met on Monday."), **BOUNDS)

    assert (pdf.page_count, pdf.pages[0].strip()) == (1, "The council met on Monday.")


def test_the_child_gets_none_of_the_web_processs_secrets(monkeypatch, tmp_path):
    monkeypatch.setenv("DJANGO_SECRET_KEY", "a-secret-the-child-must-not-see")
    monkeypatch.setenv("DATABASE_URL", "postgres://factcheck:db-password@db.internal/factcheck")
    # A stand-in for the reader that answers with the environment it was given.
    reader = tmp_path / "environment_reader.py"
    reader.write_text(
        "import json, os, sys\n"
        "sys.stdin.buffer.read()\n"
        "print(json.dumps({'title': json.dumps(dict(os.environ)), 'pages': [], 'page_count': 0}))\n"
    )
    monkeypatch.setattr(pdf_text, "__file__", str(reader))

    environment = json.loads(pdf_text.pdf_text_read_isolated(b"%PDF-1.4", **BOUNDS).title)

    assert "DJANGO_SECRET_KEY" not in environment
    assert "DATABASE_URL" not in environment


def test_the_reader_works_under_a_lower_memory_limit_set_by_the_host(tmp_path):
    # A host's `ulimit -v` (a hard limit) below what the reader asks for: the child may only lower it.
    (tmp_path / "article.pdf").write_bytes(_pdf("The council met on Monday."))
    script = (
        "import resource, sys\n"
        "_soft, hard = resource.getrlimit(resource.RLIMIT_AS)\n"
        "limit = 3 * 1024**3 if hard == resource.RLIM_INFINITY else min(hard, 3 * 1024**3)\n"
        "resource.setrlimit(resource.RLIMIT_AS, (limit, limit))\n"
        "from apps.core.pdf_text import pdf_text_read_isolated\n"
        "data = open(sys.argv[1], 'rb').read()\n"
        "pdf = pdf_text_read_isolated(data, max_pages=10, max_content_bytes=10**6, max_text_chars=10**5,\n"
        "                             max_seconds=20, max_memory_bytes=4 * 1024**3)\n"
        "print(pdf.pages[0].strip())\n"
    )

    result = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / "article.pdf")],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "The council met on Monday."


def test_a_child_whose_caller_died_stops_itself(monkeypatch):
    # A web worker killed at its timeout leaves nobody to stop the child: it must end on its own,
    # soon after the read's time limit, rather than read a hostile file for minutes.
    children = []

    def run_and_orphan(command, **kwargs):
        # Start the child as `pdf_text_read_isolated` does, and give up on it at once.
        child = subprocess.Popen(command, stdin=subprocess.PIPE, env=kwargs.get("env"))
        child.stdin.write(kwargs["input"])
        child.stdin.close()
        children.append(child)
        raise subprocess.TimeoutExpired(command, 0)

    monkeypatch.setattr(pdf_text.subprocess, "run", run_and_orphan)
    with pytest.raises(pdf_text.PdfTooSlowError):
        # Pages that each list 20,000 fonts: half a minute of pypdf's work within every byte bound.
        pdf_text.pdf_text_read_isolated(
            crafted_pdf(b"BT /F1 12 Tf 72 700 Td (The council met.) Tj ET\n", pages=30, fonts=20_000),
            **{**BOUNDS, "max_pages": 30, "max_seconds": 1},
        )

    exit_code, cpu_seconds = _exit_code_and_cpu_seconds(children[0], give_up_after=300)

    assert exit_code < 0, "killed by its CPU limit, not finished"
    # Its own limit is the read's 1 s, rounded up, plus one, in CPU seconds: a busy machine can stretch
    # them into minutes of waiting, so the child is judged by the CPU time it used, not the clock.
    assert cpu_seconds < 4


def _exit_code_and_cpu_seconds(child: subprocess.Popen, *, give_up_after: float) -> tuple[int, float]:
    """Wait for `child` to end on its own and read the CPU time it used; kill it past `give_up_after`
    seconds, far beyond any limit under test, so that a child that never stops fails the test."""
    deadline = time.monotonic() + give_up_after
    while True:
        pid, status, usage = os.wait4(child.pid, os.WNOHANG)
        if pid:
            child.returncode = os.waitstatus_to_exitcode(status)
            return child.returncode, usage.ru_utime + usage.ru_stime
        if time.monotonic() > deadline:
            child.kill()
            child.wait()
            raise AssertionError(f"the orphaned PDF reader was still running {give_up_after:g} s after its 1 s limit")
        time.sleep(0.05)
