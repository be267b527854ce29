"""What a newsroom reads in the HTML, Markdown and PDF reports: every piece of cited evidence can
be seen and followed, and each verdict says when it was approved."""

import datetime as dt
import re

import pytest
import time_machine

from apps.reports.selectors import report_build
from apps.reports.services import report_export
from apps.reviews import services as reviews
from apps.reviews.models import Rating
from tests import factories

BODY = "Russia and China have vetoed three resolutions. Officials declined to comment."
UNTITLED = "https://stats.example.org/table-7"


@pytest.fixture
def article(desk, editor, reviewer):
    article = factories.ArticleFactory(desk=desk, body=BODY, title="Vetoes report")
    claim = factories.ClaimFactory(article=article, text=BODY[:47], start=0, end=47)
    task = factories.ReviewTaskFactory(claim=claim)
    cited = factories.ReferenceFactory(claim=claim, url=UNTITLED, title="")
    reviews.review_tasks_assign(editor=editor, tasks=[task], assignee=reviewer)
    rating = Rating.objects.get(scale__desk=None, label="Mostly true")
    reviews.verdict_submit(user=reviewer, task=task, rating=rating, rationale="Counted.", reference_ids=[cited.pk])
    with time_machine.travel(dt.datetime(2012, 12, 14, 10, 30, tzinfo=dt.UTC), tick=False):
        reviews.verdict_approve(editor=editor, task=task)
    return article


def _export(article, export_format: str):
    return report_export(report=report_build(article=article), export_format=export_format).content


def _pdf_text(content: bytes, tmp_path) -> str:
    from pypdf import PdfReader

    path = tmp_path / "report.pdf"
    path.write_bytes(content)
    return " ".join("".join(page.extract_text() for page in PdfReader(path).pages).split())


def test_evidence_without_a_title_is_shown_by_its_address(article, tmp_path):
    assert f'<a href="{UNTITLED}">{UNTITLED}</a>' in _export(article, "html")
    assert f"- Evidence: [{UNTITLED}]({UNTITLED})" in _export(article, "md")
    # The address wraps in its narrow column.
    assert UNTITLED in _pdf_text(_export(article, "pdf"), tmp_path).replace(" ", "")


def test_each_verdict_says_when_it_was_approved(article, tmp_path):
    assert 'Approved <time datetime="2012-12-14">14 December 2012</time>' in _export(article, "html")
    assert "- Approved: 14 December 2012" in _export(article, "md")
    assert "Counted. Approved 14 December 2012" in _pdf_text(_export(article, "pdf"), tmp_path)


def test_every_report_gives_the_approval_day_in_the_sites_time_zone(article, settings, tmp_path):
    settings.TIME_ZONE = "Pacific/Kiritimati"  # UTC+14: 10:30 UTC on the 14th is the 15th there

    assert "14 December" not in _export(article, "html")
    assert "- Approved: 15 December 2012" in _export(article, "md")
    assert "Approved 15 December 2012" in _pdf_text(_export(article, "pdf"), tmp_path)


def _contrast_on_white(hex_colour: str) -> float:
    digits = hex_colour.lstrip("#")
    if len(digits) == 3:
        digits = "".join(digit * 2 for digit in digits)
    channels = [int(digits[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    return 1.05 / (luminance + 0.05)


def test_the_html_report_is_readable_on_a_phone_and_by_a_screen_reader(article):
    html = _export(article, "html")

    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in html
    assert '<th scope="col">Verdict</th>' in html
    # Small grey text (a claim still in review) keeps WCAG AA's 4.5:1 on the white page.
    colours = re.findall(r"(?<![-\w])color: (#[0-9a-f]{3,6})", html)
    assert colours
    assert min(_contrast_on_white(colour) for colour in colours) >= 4.5


def _pdf_text_colours(content: bytes) -> set[str]:
    """The fill colours the PDF's text is painted in, as #rrggbb, read from its pages' content
    streams: the colour set (rg, or g for grey) when a text-showing operator runs, through q/Q."""
    import io

    from pypdf import PdfReader
    from pypdf.generic import ContentStream

    reader = PdfReader(io.BytesIO(content))
    painted = set()
    for page in reader.pages:
        fill, saved = (0.0, 0.0, 0.0), []
        for operands, operator in ContentStream(page.get_contents(), reader).operations:
            if operator == b"q":
                saved.append(fill)
            elif operator == b"Q":
                fill = saved.pop()
            elif operator == b"rg":
                fill = tuple(float(value) for value in operands)
            elif operator == b"g":
                fill = (float(operands[0]),) * 3
            elif operator in (b"Tj", b"TJ", b"'", b'"'):
                painted.add("#" + "".join(f"{round(channel * 255):02x}" for channel in fill))
    return painted


def test_the_pdf_report_paints_its_text_at_enhanced_contrast(article):
    """The kind, the approval day and the evidence links are painted in colours that reach 7:1 on
    the white page, like the app and the HTML export (WCAG AAA 1.4.6)."""
    colours = _pdf_text_colours(_export(article, "pdf"))

    assert len(colours) > 1, colours  # black, and the grey and link colours under test
    assert {colour: round(_contrast_on_white(colour), 2) for colour in colours if _contrast_on_white(colour) < 7} == {}
