"""The checked report as PDF, laid out with ReportLab's Platypus (pure Python, no system libraries).

ReportLab's built-in Helvetica covers Latin-1 only, so Cyrillic, Greek and most other scripts
print as black boxes. When the system has DejaVu Sans (Debian's fonts-dejavu-core) the report is
set in it; without it the report falls back to Helvetica rather than failing.

DejaVu has no Chinese, Japanese or Korean glyphs, so runs of those scripts are set in Adobe's CID
fonts, which ReportLab supports without any font file. They are referenced, not embedded: the PDF
viewer supplies the glyphs (Acrobat, Chrome/PDFium, macOS Preview and pdf.js all do).
"""

import functools
import io
import re
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from django.utils import dateformat, timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import LongTable, Paragraph, SimpleDocTemplate, Spacer, TableStyle

from .selectors import Report

UNICODE_FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
UNICODE_FONT_FILES = {
    "regular": "DejaVuSans.ttf",
    "bold": "DejaVuSans-Bold.ttf",
    "italic": "DejaVuSans-Oblique.ttf",
    "bold_italic": "DejaVuSans-BoldOblique.ttf",
}


@dataclass(frozen=True)
class ReportFonts:
    regular: str
    bold: str


LATIN_FONTS = ReportFonts(regular="Helvetica", bold="Helvetica-Bold")

# Sans-serif faces where ReportLab has one, to sit beside DejaVu Sans; Simplified Chinese has only
# a Song (serif) face. Its Adobe-GB1 character collection also holds the traditional characters.
CJK_FONTS = {"zh": "STSong-Light", "ja": "HeiseiKakuGo-W5", "ko": "HYGothic-Medium"}

# Basic Multilingual Plane only: the CID fonts' UCS-2 encodings cannot address the rarer
# ideographs beyond it, which stay in the report's font.
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_KANA = "\u3040-\u309f\u30a0-\u30ff\u31f0-\u31ff\uff66-\uff9f"
_HANGUL = "\u1100-\u11ff\u3130-\u318f\uac00-\ud7af\uffa0-\uffdc"
# CJK symbols and punctuation, CJK compatibility forms, and the full-width forms of ASCII.
_CJK_PUNCTUATION = "\u3000-\u303f\ufe30-\ufe4f\uff01-\uff65\uffe0-\uffee"
CJK_RUN = re.compile(f"[{_HAN}{_KANA}{_HANGUL}{_CJK_PUNCTUATION}]+")
KANA = re.compile(f"[{_KANA}]")
HANGUL = re.compile(f"[{_HANGUL}]")


@functools.cache
def report_fonts(font_dir: Path) -> ReportFonts:
    """DejaVu Sans from `font_dir`, registered with ReportLab once (<b> and <i> included), or
    Helvetica when its regular or bold file is missing. Debian's fonts-dejavu-core ships only
    those two; italics then use the upright faces."""
    paths = {style: font_dir / name for style, name in UNICODE_FONT_FILES.items()}
    if not (paths["regular"].is_file() and paths["bold"].is_file()):
        return LATIN_FONTS
    upright = {"italic": "regular", "bold_italic": "bold"}
    paths = {style: path if path.is_file() else paths[upright[style]] for style, path in paths.items()}
    names = {style: path.stem for style, path in paths.items()}
    for style, path in paths.items():
        pdfmetrics.registerFont(TTFont(names[style], str(path)))
    pdfmetrics.registerFontFamily(
        names["regular"],
        normal=names["regular"],
        bold=names["bold"],
        italic=names["italic"],
        boldItalic=names["bold_italic"],
    )
    return ReportFonts(regular=names["regular"], bold=names["bold"])


@functools.cache
def register_cjk_fonts() -> None:
    """A PDF lists only the fonts its text uses, so registering them all costs a Latin report nothing."""
    for name in CJK_FONTS.values():
        pdfmetrics.registerFont(UnicodeCIDFont(name))


def _language(text: str) -> str | None:
    if KANA.search(text):
        return "ja"
    if HANGUL.search(text):
        return "ko"
    return None


def _cjk_fonts(escaped: str, *, language: str) -> str:
    """Each run of CJK characters in `escaped` wrapped in the CID font for its language: the run's
    own kana or Hangul decide, and a run of Han alone takes `language`. Escaping leaves CJK
    characters as they are and a run holds no markup, so the result is as safe as its input."""

    def wrap(run: re.Match) -> str:
        font = CJK_FONTS[_language(run.group()) or language]
        return f'<font face="{font}">{run.group()}</font>'

    return CJK_RUN.sub(wrap, escaped)


# The HTML export's colours, which reach WCAG AAA's 7:1 on the white page as the app's do: small
# grey print (kind, approval day, reuse note) is read as closely as the verdict it qualifies.
MUTED = "#555555"
LINK = "#094c91"
CORRECTION = "#7a4b00"


def _styles(fonts: ReportFonts) -> dict[str, ParagraphStyle]:
    base = getSampleStyleSheet()
    regular, bold = fonts.regular, fonts.bold
    return {
        "title": ParagraphStyle("title", parent=base["Title"], fontSize=17, leading=21, alignment=0, fontName=bold),
        "meta": ParagraphStyle(
            "meta", parent=base["Normal"], fontSize=9, textColor=colors.HexColor(MUTED), fontName=regular
        ),
        "cell": ParagraphStyle("cell", parent=base["Normal"], fontSize=8.5, leading=11, fontName=regular),
        "head": ParagraphStyle("head", parent=base["Normal"], fontSize=8.5, leading=11, fontName=bold),
    }


def _text(value: str) -> str:
    """`value` as Paragraph markup: escaped, line breaks kept, CJK set in CID fonts. Han written
    alongside kana is Japanese kanji and alongside Hangul Korean hanja, wherever in the value the
    kana or Hangul stand; otherwise Han is Chinese."""
    # Model choice labels are lazy translations, read in the language being rendered.
    value = str(value or "")
    return _cjk_fonts(escape(value), language=_language(value) or "zh").replace("\n", "<br/>")


def _day(day) -> str:
    """A date as the HTML and Markdown reports write it, in the language being rendered."""
    return dateformat.format(day, pgettext("a date in a report", "j F Y"))


def _date(moment) -> str:
    """An aware datetime's day in the site's time zone, as the HTML and Markdown reports write it."""
    return _day(timezone.localtime(moment))


def _reused_note(earlier) -> str:
    return _("Verdict reused from the earlier check of “%(earlier)s” in “%(title)s”.") % {
        "earlier": earlier.text,
        "title": earlier.article.title,
    }


def _correction_note(correction) -> str:
    values = {"date": _date(correction.corrected_at), "note": correction.note}
    if correction.rating_change is None:
        return _("Correction, %(date)s: %(note)s") % values
    return _("Correction, %(date)s: %(note)s (%(rating_change)s)") % {
        **values,
        "rating_change": correction.rating_change.text,
    }


def render_pdf(report: Report) -> bytes:
    styles = _styles(report_fonts(UNICODE_FONT_DIR))
    register_cjk_fonts()
    article = report.article
    meta = " · ".join(
        part
        for part in (
            article.outlet,
            _day(article.published_on) if article.published_on else "",
            article.source_url,
        )
        if part
    )
    title = _("Fact-check: %(title)s") % {"title": article.title}
    story = [
        Paragraph(_text(title), styles["title"]),
        Paragraph(_text(meta), styles["meta"]),
        Paragraph(
            _text(
                _("Checked by %(desk)s: %(approved)s of %(total)s claims approved.")
                % {"desk": article.desk.name, "approved": len(report.approved_rows), "total": len(report.rows)}
            ),
            styles["meta"],
        ),
        Spacer(1, 6 * mm),
    ]
    rows = [[Paragraph(_text(label), styles["head"]) for label in ("#", _("Claim"), _("Verdict"), _("Evidence"))]]
    for number, row in enumerate(report.rows, start=1):
        if row.approved:
            verdict = f"<b>{_text(row.rating_label)}</b><br/>{_text(row.verdict.rationale)}"
            approved = _("Approved %(date)s") % {"date": _date(row.verdict.first_approved_at)}
            verdict += f"<br/><font color='{MUTED}'>{_text(approved)}</font>"
            for correction in row.corrections:
                verdict += f"<br/><font color='{CORRECTION}'>" + _text(_correction_note(correction)) + "</font>"
            if row.reused_from is not None:
                verdict += f"<br/><font color='{MUTED}'>" + _text(_reused_note(row.reused_from)) + "</font>"
            evidence = "<br/>".join(
                # quoteattr, unlike escape, also escapes the quotes a URL may contain.
                f'<link href={quoteattr(ref.url)} color="{LINK}">{_text(ref.title or ref.url)}</link>'
                for ref in row.verdict.cited_references
                if ref.url.startswith(("http://", "https://"))
            )
        else:
            verdict, evidence = f"<i>{_text(row.status_label)}</i>", ""
        rows.append(
            [
                Paragraph(str(number), styles["cell"]),
                Paragraph(
                    f"{_text(row.claim.text)}<br/><font color='{MUTED}'>{_text(row.claim.get_kind_display())}</font>",
                    styles["cell"],
                ),
                Paragraph(verdict, styles["cell"]),
                Paragraph(evidence, styles["cell"]),
            ]
        )
    # A long rationale or claim makes a row taller than a page, which a table cannot place
    # unless rows may split across pages (splitInRow). LongTable measures only as many rows as
    # fit the page, so an article with thousands of claims does not re-measure them all per page.
    table = LongTable(rows, colWidths=[8 * mm, 78 * mm, 52 * mm, 42 * mm], repeatRows=1, splitInRow=1)
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.HexColor("#cccccc")),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#f1f3f4")),
            ]
        )
    )
    story.append(table)
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=15 * mm,
        rightMargin=15 * mm,
        topMargin=15 * mm,
        bottomMargin=15 * mm,
        title=title,
        author=article.desk.name,
    )
    document.build(story)
    return buffer.getvalue()
