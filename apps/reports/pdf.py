"""The checked report as PDF, laid out with ReportLab's Platypus (pure Python, no system libraries)."""

import io
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from .selectors import Report


def _styles() -> dict[str, ParagraphStyle]:
    base = getSampleStyleSheet()
    return {
        "title": ParagraphStyle("title", parent=base["Title"], fontSize=17, leading=21, alignment=0),
        "meta": ParagraphStyle("meta", parent=base["Normal"], fontSize=9, textColor=colors.HexColor("#555555")),
        "cell": ParagraphStyle("cell", parent=base["Normal"], fontSize=8.5, leading=11),
        "head": ParagraphStyle("head", parent=base["Normal"], fontSize=8.5, leading=11, fontName="Helvetica-Bold"),
    }


def _text(value: str) -> str:
    return escape(value or "").replace("\n", "<br/>")


def _reused_note(earlier) -> str:
    return f"Verdict reused from the earlier check of “{earlier.text}” in “{earlier.article.title}”."


def render_pdf(report: Report) -> bytes:
    styles = _styles()
    article = report.article
    meta = " · ".join(
        part
        for part in (
            article.outlet,
            article.published_on.strftime("%-d %B %Y") if article.published_on else "",
            article.source_url,
        )
        if part
    )
    story = [
        Paragraph(_text(f"Fact-check: {article.title}"), styles["title"]),
        Paragraph(_text(meta), styles["meta"]),
        Paragraph(
            _text(
                f"Checked by {article.desk.name}: {len(report.approved_rows)} of {len(report.rows)} claims approved."
            ),
            styles["meta"],
        ),
        Spacer(1, 6 * mm),
    ]
    rows = [[Paragraph(label, styles["head"]) for label in ("#", "Claim", "Verdict", "Evidence")]]
    for number, row in enumerate(report.rows, start=1):
        if row.approved:
            verdict = f"<b>{_text(row.verdict.rating.label)}</b><br/>{_text(row.verdict.rationale)}"
            if row.reused_from is not None:
                verdict += "<br/><font color='#666666'>" + _text(_reused_note(row.reused_from)) + "</font>"
            evidence = "<br/>".join(
                f'<link href="{escape(ref.url)}" color="#0b57d0">{_text(ref.title)}</link>'
                for ref in row.verdict.cited_references.all()
                if ref.url.startswith(("http://", "https://"))
            )
        else:
            verdict, evidence = f"<i>{_text(row.status.replace('_', ' '))}</i>", ""
        rows.append(
            [
                Paragraph(str(number), styles["cell"]),
                Paragraph(
                    f"{_text(row.claim.text)}<br/><font color='#666666'>{_text(row.claim.get_kind_display())}</font>",
                    styles["cell"],
                ),
                Paragraph(verdict, styles["cell"]),
                Paragraph(evidence, styles["cell"]),
            ]
        )
    table = Table(rows, colWidths=[8 * mm, 78 * mm, 52 * mm, 42 * mm], repeatRows=1)
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
        title=f"Fact-check: {article.title}",
        author=article.desk.name,
    )
    document.build(story)
    return buffer.getvalue()
