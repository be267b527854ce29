"""How long the worst Word and PDF uploads keep an article import busy, within the import's bounds.

Run from the repository root with the app's virtualenv:

    .venv/bin/python -m bench.upload_formats

Builds each file in memory (hostile ones by hand, just inside or just past the bounds of
apps/articles/parsing.py) and times `parse_upload`, the part of the import request that reads
the file; claim extraction afterwards is what bench/long_article.py measures. Prints the file's
size, the seconds and the outcome.
"""

import io
import os
import sys
import time
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def _report_pdf(pages: int) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    line = "The council met on Monday and agreed to spend 4.2 million dollars on water projects in the"
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=A4)
    for number in range(1, pages + 1):
        for index in range(48):
            pdf.drawString(60, 790 - 16 * index, f"{line} {number}-{index}.")
        pdf.showPage()
    pdf.save()
    return out.getvalue()


def _docx_with_paragraphs(count: int) -> bytes:
    import docx

    document = docx.Document()
    for index in range(count):
        document.add_paragraph(f"Paragraph {index}: the council agreed to spend 4.2 million dollars on water.")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _docx_inflated(document_xml_bytes: int) -> bytes:
    """A real document whose document.xml is padded with one-letter paragraphs to the given size,
    with a part of random bytes that brings the whole file's compression ratio under the limit."""
    base = _docx_with_paragraphs(3)
    with zipfile.ZipFile(io.BytesIO(base)) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    paragraph = b"<w:p><w:r><w:t>x</w:t></w:r></w:p>"
    padding = paragraph * (document_xml_bytes // len(paragraph))
    parts["word/document.xml"] = parts["word/document.xml"].replace(b"<w:sectPr", padding + b"<w:sectPr", 1)
    parts["word/media/noise.bin"] = os.urandom(document_xml_bytes // 90)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)
    return out.getvalue()


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings")
    os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only-not-a-secret")
    import django

    django.setup()
    from django.conf import settings

    from apps.articles import parsing
    from apps.articles.parsing import ArticleInputError, parse_upload
    from tests.crafted_pdf import crafted_pdf

    text_op = b"BT /F1 12 Tf 72 700 Td (" + b"A" * 60 + b") Tj ET\n"
    cases = [
        ("report.pdf: 20 pages of text (real)", "report.pdf", _report_pdf(20)),
        ("report.pdf: 100 pages of text (real, the page limit)", "report.pdf", _report_pdf(100)),
        (
            "content bomb: 100 pages of 260 KB (content limit)",
            "bomb.pdf",
            crafted_pdf(b"BT /F1 12 Tf " + b"(x) ' " * 40_000 + b"ET\n", pages=100),
        ),
        (
            "just under the content limit (1.9 MB of Td/Tj)",
            "under.pdf",
            crafted_pdf(b"BT /F1 12 Tf " + b"1 1 Td (x) Tj " * 17_000 + b"ET\n", pages=8),
        ),
        ("one form drawn 5,000 times (120 MB)", "forms.pdf", crafted_pdf(b"/X0 Do\n" * 5_000, xobject=text_op * 400)),
        ("100 pages x 20,000 fonts (time limit)", "fonts.pdf", crafted_pdf(text_op, pages=100, fonts=20_000)),
        ("docx: 2,000 paragraphs (real)", "long.docx", _docx_with_paragraphs(2_000)),
        (
            f"docx: {parsing.DOCX_MAX_UNCOMPRESSED_BYTES // 1_000_000 - 2} MB document.xml of short paragraphs",
            "padded.docx",
            _docx_inflated(parsing.DOCX_MAX_UNCOMPRESSED_BYTES - 2_000_000),
        ),
        (
            f"docx: {parsing.DOCX_MAX_BODY_ELEMENTS // 3:,} one-letter paragraphs (element limit)",
            "short.docx",
            _docx_inflated(len(b"<w:p><w:r><w:t>x</w:t></w:r></w:p>") * (parsing.DOCX_MAX_BODY_ELEMENTS // 3 - 20)),
        ),
    ]
    print(f"{'case':58} {'file':>10} {'seconds':>8}  outcome")
    for label, name, data in cases:
        started = time.monotonic()
        try:
            parsed = parse_upload(data, filename=name, max_bytes=settings.ARTICLE_MAX_BYTES)
            outcome = f"read, {len(parsed.body):,} characters"
        except ArticleInputError as error:
            outcome = f"{error.status}: {error.message[:70]}"
        print(f"{label:58} {len(data):>10,} {time.monotonic() - started:>8.2f}  {outcome}", flush=True)


if __name__ == "__main__":
    main()
