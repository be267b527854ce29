"""Render an article's checked report in each export format.

Rendering writes nothing; it lives here because exports are the desk's output and every
interface (API, web, CLI) must produce byte-identical files, in the article's language where the
pages are available in it (`interface_language_for_text`), else the site's.
"""

import csv
import io
import json
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext

from apps.core.exceptions import ApplicationError
from apps.core.interface_language import interface_language_for_text

from .pdf import render_pdf
from .selectors import Report, ReportCorrection, ReportRow


@dataclass(frozen=True)
class ExportFile:
    content: str | bytes
    content_type: str
    filename: str


FORMATS = {
    "html": ("text/html; charset=utf-8", "html"),
    "md": ("text/markdown; charset=utf-8", "md"),
    "csv": ("text/csv; charset=utf-8", "csv"),
    "csv-excel": ("text/csv; charset=utf-8", "csv"),
    "json": ("application/json", "json"),
    "claimreview": ("application/ld+json", "claimreview.jsonld"),
    "pdf": ("application/pdf", "pdf"),
}
FORMAT_ALIASES = {"markdown": "md", "jsonld": "claimreview", "claim-review": "claimreview"}


def report_export(*, report: Report, export_format: str) -> ExportFile:
    export_format = FORMAT_ALIASES.get(export_format, export_format)
    if export_format not in FORMATS:
        raise ApplicationError(
            gettext("Unknown export format %(format)s.") % {"format": repr(export_format)},
            extra={"formats": sorted(FORMATS)},
        )
    renderer = {
        "html": _render_html,
        "md": _render_markdown,
        "csv": _render_csv,
        "csv-excel": _render_csv_for_excel,
        "json": _render_json,
        "claimreview": _render_claimreview,
        "pdf": render_pdf,
    }[export_format]
    content_type, extension = FORMATS[export_format]
    stem = slugify(report.article.title)[:60] or "report"
    # Whoever asks (a page, the API, the command), a report reads in its article's language where the
    # interface has it; the field names of the CSV, JSON and ClaimReview stay as they are, for programs.
    with translation.override(interface_language_for_text(report.article.language)):
        content = renderer(report)
    return ExportFile(content=content, content_type=content_type, filename=f"{stem}.{extension}")


def _verdict_fields(row) -> dict:
    verdict = row.verdict
    return {
        "rating": row.rating_label,
        "rationale": verdict.rationale if verdict else "",
        "reviewer": str(verdict.reviewer) if verdict and verdict.reviewer else "",
        "approved_by": str(verdict.approved_by) if verdict and verdict.approved_by else "",
        "approved_at": verdict.approved_at.isoformat() if verdict and verdict.approved_at else "",
        "first_approved_at": verdict.first_approved_at.isoformat() if verdict and verdict.first_approved_at else "",
        # The verdict shown is the one published; an editor is correcting it and the corrected one
        # replaces it once approved.
        "under_correction": verdict.under_correction if verdict else False,
        "corrections": [_correction(correction) for correction in row.corrections],
        "verdict_reused_from": _reused_from(row.reused_from),
    }


def _correction(correction: ReportCorrection) -> dict:
    return {
        "corrected_at": correction.corrected_at.isoformat(),
        "note": correction.note,
        "previous_rating": correction.previous_rating_label,
        "previous_rationale": correction.previous_rationale,
        "rating": correction.rating_label,
        "rationale": correction.rationale,
        # Two ratings may share a label in the article's language: whether the rating changed is told here.
        "rating_changed": correction.rating_changed,
    }


def _reused_from(earlier) -> dict | None:
    """The earlier claim whose verdict is reused, as exports name it."""
    if earlier is None:
        return None
    return {
        "claim_id": str(earlier.pk),
        "claim_text": earlier.text,
        "article_id": str(earlier.article_id),
        "article_title": earlier.article.title,
    }


def report_as_dict(report: Report) -> dict:
    article = report.article
    return {
        "article": {
            "id": str(article.pk),
            "title": article.title,
            "byline": article.byline,
            "outlet": article.outlet,
            "published_on": article.published_on.isoformat() if article.published_on else None,
            "source_url": article.source_url,
            "fact_check_url": article.fact_check_url,
            "desk": article.desk.name,
            "language": article.language,
        },
        "claims": [
            {
                "id": str(row.claim.pk),
                "text": row.claim.text,
                "start": row.claim.start,
                "end": row.claim.end,
                "kind": row.claim.kind,
                "score": round(row.claim.score, 4),
                "quantities": row.claim.quantities,
                "language": article.language,
                "status": row.status,
                **_verdict_fields(row),
                # The evidence the approved verdict rests on; gathered references are only leads.
                "cited_references": [
                    {"id": str(ref.pk), "url": ref.url, "title": ref.title, "provider": ref.provider}
                    for ref in (row.verdict.cited_references if row.verdict else [])
                ],
                "gathered_references": [
                    {"id": str(ref.pk), "url": ref.url, "title": ref.title, "provider": ref.provider}
                    for ref in row.references
                ],
            }
            for row in report.rows
        ],
    }


def _render_json(report: Report) -> str:
    return json.dumps(report_as_dict(report), indent=2, ensure_ascii=False)


def _render_csv(report: Report) -> str:
    buffer = io.StringIO()
    # New columns go last: spreadsheets and scripts built on the export read columns by position.
    columns = [
        "claim_id", "text", "kind", "score", "start", "end", "status", "rating", "rationale",
        "reviewer", "approved_by", "approved_at", "first_approved_at", "under_correction", "last_corrected_at",
        "corrections", "verdict_reused_from_claim_id", "verdict_reused_from_article", "cited_references",
        "gathered_references", "language",
    ]  # fmt: skip
    reference_columns = ("cited_references", "gathered_references")
    computed_columns = ("claim_id", "corrections", "last_corrected_at", *reference_columns)
    writer = csv.DictWriter(buffer, fieldnames=columns)
    writer.writeheader()
    for report_row, claim in zip(report.rows, report_as_dict(report)["claims"], strict=True):
        row = {key: claim.get(key, "") for key in columns if key not in computed_columns}
        row["claim_id"] = claim["id"]
        corrections = claim["corrections"]
        row["last_corrected_at"] = corrections[-1]["corrected_at"] if corrections else ""
        row["corrections"] = " | ".join(_correction_line(correction) for correction in report_row.corrections)
        reused_from = claim["verdict_reused_from"] or {}
        row["verdict_reused_from_claim_id"] = reused_from.get("claim_id", "")
        row["verdict_reused_from_article"] = reused_from.get("article_title", "")
        for key in reference_columns:
            row[key] = " ".join(ref["url"] for ref in claim[key])
        writer.writerow({key: csv_safe(value) for key, value in row.items()})
    return buffer.getvalue()


def _correction_line(correction: ReportCorrection) -> str:
    """A correction in one cell: "2026-11-28: the note (previously rated False)"."""
    line = f"{correction.corrected_at.date().isoformat()}: {correction.note}"
    if correction.rating_change is not None:
        line += f" ({correction.rating_change.text})"
    return line


def _render_csv_for_excel(report: Report) -> str:
    """The CSV with a UTF-8 byte-order mark. Excel reads a CSV without one in the system's legacy
    code page ("é" shows as "Ã©"); the plain CSV stays without it for the clients that parse it."""
    return "\ufeff" + _render_csv(report)


def csv_safe(value):
    # Spreadsheet apps execute cells that start with these characters (CSV injection).
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def _render_markdown(report: Report) -> str:
    return render_to_string("reports/report.md", {"report": report})


def _render_html(report: Report) -> str:
    return render_to_string("reports/report.html", {"report": report})


def claimreview_items(report: Report) -> list[dict]:
    """schema.org ClaimReview for each approved verdict (https://schema.org/ClaimReview)."""
    return [
        claimreview_item(row, article=report.article, best_rating=report.best_rating, worst_rating=report.worst_rating)
        for row in report.approved_rows
    ]


def claimreview_item(row: ReportRow, *, article, best_rating: int, worst_rating: int) -> dict:
    """One approved verdict as schema.org ClaimReview; the desk feed builds its list with it too, from
    rows and articles of its own shaped like these (`apps.reports.fact_checks.FactCheck`)."""
    verdict = row.verdict
    rating = {
        "@type": "Rating",
        "alternateName": row.rating_label,
        "bestRating": best_rating,
        "worstRating": worst_rating,
    }
    if verdict.rating.claimreview_value is not None:
        rating["ratingValue"] = verdict.rating.claimreview_value
    item_reviewed = {"@type": "Claim", "appearance": _appearance(article)}
    if article.outlet:
        item_reviewed["author"] = {"@type": "Organization", "name": article.outlet}
    if article.published_on:
        item_reviewed["datePublished"] = article.published_on.isoformat()
    item = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        # The first publication; a correction changes dateModified only (schema.org CreativeWork).
        "datePublished": verdict.first_approved_at.date().isoformat(),
        "author": {"@type": "Organization", "name": article.desk.name},
        "claimReviewed": row.claim.text,
        "itemReviewed": item_reviewed,
        "reviewRating": rating,
        "reviewBody": verdict.rationale,
    }
    if article.language:
        # schema.org CreativeWork inLanguage: the language the review is published in, the article's.
        item["inLanguage"] = article.language
    if verdict.modified_at is not None:
        item["dateModified"] = verdict.modified_at.date().isoformat()
    if article.fact_check_url:
        # Search engines show a ClaimReview only with the page that publishes the check.
        item["url"] = article.fact_check_url
    if row.reused_from is not None:
        # The verdict was given on this earlier claim and reused here.
        earlier = row.reused_from
        item["isBasedOn"] = {"@type": "Claim", "text": earlier.text, "appearance": _appearance(earlier.article)}
    return item


def _appearance(article) -> dict:
    appearance = {"@type": "CreativeWork", "headline": article.title}
    if article.source_url:
        appearance["url"] = article.source_url
    return appearance


# ClaimReview is made to be pasted into a page's <script type="application/ld+json">, where a
# "</script>" in a claim or rationale would end the script and run what follows. JSON allows
# these characters as \u escapes, which parse to the same text (as Django's json_script does).
SCRIPT_SAFE_JSON = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def _render_claimreview(report: Report) -> str:
    return json.dumps(claimreview_items(report), indent=2, ensure_ascii=False).translate(SCRIPT_SAFE_JSON)
