"""The desk's published fact-checks as one feed: CSV, JSON or a ClaimReview JSON-LD list.

A desk can hold a hundred thousand checks, so rows are read in chunks and each format is written
as a stream of pieces (for `StreamingHttpResponse`), never as one list in memory. Each row shows a
claim's published verdict exactly as the article's own exports do (`claim_published_verdict`), and
CSV cells and ClaimReview items come from the same helpers as theirs.
"""

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass

from django.db.models import Prefetch
from django.utils.text import slugify

from apps.claims.models import Claim, ClaimStatus
from apps.core.exceptions import ApplicationError
from apps.desks.models import Desk
from apps.reviews.models import VerdictCorrection
from apps.reviews.selectors import rating_scale_for_desk

from .desk_report import ReportPeriod
from .selectors import ReportRow, claim_published_verdict
from .services import SCRIPT_SAFE_JSON, claimreview_item, csv_safe

# Rows read per query (plus one query per prefetched relation): memory stays flat however many checks.
CHUNK_SIZE = 500

FACT_CHECK_FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "json": "application/json",
    "claimreview": "application/ld+json",
}

# New columns go last: spreadsheets and scripts built on the feed read columns by position.
CSV_COLUMNS = [
    "claim_id", "claim_text", "rating", "rationale", "article_title", "article_url", "outlet", "fact_check_url",
    "reviewer", "approved_by", "first_approved_at", "last_corrected_at", "language", "article_id",
    "under_correction",
]  # fmt: skip


def desk_fact_check_rows(*, desk: Desk, period: ReportPeriod) -> Iterator[ReportRow]:
    """The desk's claims with a published verdict of their own first approved in `period`, oldest
    publication first, each as the article exports show it (the published finding while a
    correction is open; the rating's label in the article's language). Unscoped: callers check
    access. Reused verdicts are left out: the earlier claim's own row is the fact-check."""
    corrections = VerdictCorrection.objects.select_related(
        "previous_rating", "previous_reviewer", "previous_approved_by", "rating"
    ).prefetch_related("previous_cited_references")
    claims = (
        Claim.objects.filter(
            period.filter("review_task__verdict__first_approved_at"),
            article__desk=desk,
            status=ClaimStatus.ACTIVE,
        )
        .select_related("article__desk", "review_task")
        .select_related(*(f"review_task__verdict__{name}" for name in ("rating", "reviewer", "approved_by")))
        # The feed names the article; its (possibly 2 MB) body is not read.
        .defer("article__body")
        .prefetch_related(
            "review_task__verdict__cited_references", Prefetch("review_task__verdict__corrections", corrections)
        )
        .order_by("review_task__verdict__first_approved_at", "pk")
    )
    for claim in claims.iterator(chunk_size=CHUNK_SIZE):
        verdict = claim_published_verdict(claim)
        if verdict is None:
            continue
        yield ReportRow(
            claim=claim,
            status=claim.review_task.status,
            verdict=verdict,
            rating_label=verdict.rating.label_for(claim.article.language),
        )


def fact_check_as_dict(row: ReportRow) -> dict:
    claim, article, verdict = row.claim, row.claim.article, row.verdict
    return {
        "claim_id": str(claim.pk),
        "claim_text": claim.text,
        "rating": row.rating_label,
        "rationale": verdict.rationale,
        "article_id": str(article.pk),
        "article_title": article.title,
        "article_url": article.source_url,
        "outlet": article.outlet,
        "fact_check_url": article.fact_check_url,
        "reviewer": verdict.reviewer.get_username() if verdict.reviewer else "",
        "approved_by": verdict.approved_by.get_username() if verdict.approved_by else "",
        "first_approved_at": verdict.first_approved_at.isoformat(),
        "last_corrected_at": verdict.modified_at.isoformat() if verdict.modified_at else None,
        "under_correction": verdict.under_correction,
        "language": article.language,
    }


@dataclass(frozen=True)
class FactCheckFeed:
    pieces: Iterator[str]
    content_type: str
    filename: str


def fact_check_feed(*, desk: Desk, period: ReportPeriod, feed_format: str) -> FactCheckFeed:
    """The feed in `feed_format` (csv, json or claimreview), as pieces of text to stream. An unknown
    format is refused before anything is read."""
    if feed_format not in FACT_CHECK_FORMATS:
        raise ApplicationError(
            f"Unknown format {feed_format!r}; use csv, json or claimreview.",
            extra={"field": "format", "formats": sorted(FACT_CHECK_FORMATS)},
        )
    rows = desk_fact_check_rows(desk=desk, period=period)
    if feed_format == "csv":
        pieces = _csv_pieces(rows)
    elif feed_format == "json":
        pieces = _json_list_pieces(fact_check_as_dict(row) for row in rows)
    else:
        pieces = _claimreview_pieces(desk=desk, rows=rows)
    span = "-".join(day.isoformat() for day in (period.since, period.until) if day)
    stem = "-".join(part for part in (slugify(desk.slug), "fact-checks", span) if part)
    extension = {"csv": "csv", "json": "json", "claimreview": "claimreview.jsonld"}[feed_format]
    return FactCheckFeed(pieces=pieces, content_type=FACT_CHECK_FORMATS[feed_format], filename=f"{stem}.{extension}")


def _csv_pieces(rows: Iterator[ReportRow]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    for row in rows:
        cells = fact_check_as_dict(row)
        cells["last_corrected_at"] = cells["last_corrected_at"] or ""
        writer.writerow({key: csv_safe(cells[key]) for key in CSV_COLUMNS})
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()


def _json_list_pieces(items, *, script_safe: bool = False) -> Iterator[str]:
    """A JSON array written one item at a time."""
    yield "["
    separator = "\n"
    for item in items:
        text = json.dumps(item, ensure_ascii=False)
        yield separator + (text.translate(SCRIPT_SAFE_JSON) if script_safe else text)
        separator = ",\n"
    yield "\n]\n"


def _claimreview_pieces(*, desk: Desk, rows: Iterator[ReportRow]) -> Iterator[str]:
    scale = rating_scale_for_desk(desk=desk)
    items = (
        claimreview_item(row, article=row.claim.article, best_rating=scale.best_rating, worst_rating=scale.worst_rating)
        for row in rows
    )
    return _json_list_pieces(items, script_safe=True)
