"""The desk's published fact-checks as one feed: CSV, JSON or a ClaimReview JSON-LD list.

A desk can hold a hundred thousand checks, so rows are read in chunks and each format is written
as a stream of pieces (for `StreamingHttpResponse`), never as one list in memory. Each row shows a
claim's published verdict exactly as the article's own exports do (`claim_published_verdict`, here
read from plain values by keyset-paginated chunks), and CSV cells and ClaimReview items come from
the same helpers as theirs.
"""

import csv
import datetime as dt
import io
import json
import uuid
from collections.abc import Iterator
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db.models import Exists, F, OuterRef, Q
from django.utils.text import slugify

from apps.claims.models import Claim, ClaimStatus
from apps.core.exceptions import ApplicationError
from apps.desks.models import Desk
from apps.reviews.models import Rating, TaskStatus, VerdictCorrection
from apps.reviews.selectors import rating_scale_for_desk

from .desk_report import ReportPeriod
from .services import SCRIPT_SAFE_JSON, claimreview_item, csv_safe

# Rows read per query, plus one query for their corrections and at most one for ratings not met
# before: memory and the queries per row stay flat however many checks.
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

USERNAME = get_user_model().USERNAME_FIELD

# The feed reads plain values, not models: building a claim with its article, task, verdict, rating
# and users as model instances cost more than everything else a row takes.
CLAIM_VALUES = {
    "title": F("article__title"),
    "source_url": F("article__source_url"),
    "outlet": F("article__outlet"),
    "fact_check_url": F("article__fact_check_url"),
    "language": F("article__language"),
    "published_on": F("article__published_on"),
    "verdict_id": F("review_task__verdict__id"),
    "rating_id": F("review_task__verdict__rating_id"),
    "rationale": F("review_task__verdict__rationale"),
    "reviewer": F(f"review_task__verdict__reviewer__{USERNAME}"),
    "approved_by": F(f"review_task__verdict__approved_by__{USERNAME}"),
    "first_approved_at": F("review_task__verdict__first_approved_at"),
}
CORRECTION_VALUES = {
    "previous_reviewer_name": F(f"previous_reviewer__{USERNAME}"),
    "previous_approved_by_name": F(f"previous_approved_by__{USERNAME}"),
}


@dataclass(frozen=True)
class FeedArticle:
    """The article fields the feed shows, shaped as `claimreview_item` reads an article."""

    pk: uuid.UUID
    title: str
    source_url: str
    outlet: str
    fact_check_url: str
    language: str
    published_on: dt.date | None
    desk: Desk


@dataclass(frozen=True)
class FeedClaim:
    pk: uuid.UUID
    text: str
    article: FeedArticle


@dataclass(frozen=True)
class FeedVerdict:
    """A claim's verdict as published, as `claim_published_verdict` gives it: the finding an open
    correction keeps, else the approved verdict. Users are their usernames."""

    rating: Rating
    rationale: str
    reviewer: str
    approved_by: str
    first_approved_at: dt.datetime
    # When the latest correction was published; None for a verdict never corrected.
    modified_at: dt.datetime | None
    under_correction: bool


@dataclass(frozen=True)
class FactCheck:
    """One row of the feed, shaped as `claimreview_item` reads a report row."""

    claim: FeedClaim
    verdict: FeedVerdict
    rating_label: str
    # The feed lists claims' own verdicts only, never one reused from an earlier claim.
    reused_from: None = None


def desk_fact_check_rows(*, desk: Desk, period: ReportPeriod) -> Iterator[FactCheck]:
    """The desk's claims with a published verdict of their own first approved in `period`, oldest
    publication first, each as the article exports show it (the published finding while a
    correction is open; the rating's label in the article's language). Unscoped: callers check
    access. Reused verdicts are left out: the earlier claim's own row is the fact-check."""
    first_approved_at = "review_task__verdict__first_approved_at"
    open_correction = VerdictCorrection.objects.filter(verdict=OuterRef("review_task__verdict"), corrected_at=None)
    claims = (
        Claim.objects.filter(
            period.filter(first_approved_at),
            Q(review_task__status=TaskStatus.APPROVED) | Exists(open_correction),
            article__desk=desk,
            status=ClaimStatus.ACTIVE,
            # Set on first approval and kept through corrections: every published verdict has it.
            **{f"{first_approved_at}__isnull": False},
        )
        .order_by(first_approved_at, "pk")
        .values("pk", "text", "article_id", **CLAIM_VALUES)
    )
    ratings: dict[uuid.UUID, Rating] = {}
    after = Q()
    while chunk := list(claims.filter(after)[:CHUNK_SIZE]):
        corrections = _corrections_by_verdict([values["verdict_id"] for values in chunk])
        rating_ids = {values["rating_id"] for values in chunk}
        rating_ids.update(correction["previous_rating_id"] for found in corrections.values() for correction in found)
        _read_ratings(ratings, rating_ids)
        for values in chunk:
            yield _fact_check(values, corrections.get(values["verdict_id"], []), ratings=ratings, desk=desk)
        # Keyset pagination: the next chunk starts after the last row read, however far in the feed.
        # The range on the date alone (`__gte`) is what lets the database start there in the
        # `verdict_first_approved_at` index, not at the top, and read only the chunk's own rows.
        last = chunk[-1]
        after = Q(**{f"{first_approved_at}__gte": last["first_approved_at"]}) & (
            Q(**{f"{first_approved_at}__gt": last["first_approved_at"]}) | Q(pk__gt=last["pk"])
        )


def _corrections_by_verdict(verdict_ids: list[uuid.UUID]) -> dict[uuid.UUID, list[dict]]:
    """The verdicts' corrections, oldest first, by verdict."""
    corrections: dict[uuid.UUID, list[dict]] = {}
    for correction in (
        VerdictCorrection.objects.filter(verdict_id__in=verdict_ids)
        .order_by("reopened_at")
        .values(
            "verdict_id", "corrected_at", "previous_rating_id", "previous_rationale",
            **CORRECTION_VALUES,
        )
    ):  # fmt: skip
        corrections.setdefault(correction["verdict_id"], []).append(correction)
    return corrections


def _read_ratings(ratings: dict[uuid.UUID, Rating], rating_ids: set[uuid.UUID]) -> None:
    """Add the ratings not read yet to `ratings`: a desk uses a handful, so they are read once each."""
    missing = rating_ids - ratings.keys()
    if missing:
        ratings.update(Rating.objects.in_bulk(missing))


def _fact_check(values: dict, corrections: list[dict], *, ratings: dict[uuid.UUID, Rating], desk: Desk) -> FactCheck:
    done = [correction for correction in corrections if correction["corrected_at"] is not None]
    under_way = next((correction for correction in corrections if correction["corrected_at"] is None), None)
    if under_way is not None:
        # The finding as last approved stands while its correction is open (`claim_published_verdict`).
        finding = (
            under_way["previous_rating_id"], under_way["previous_rationale"],
            under_way["previous_reviewer_name"], under_way["previous_approved_by_name"],
        )  # fmt: skip
    else:
        finding = (values["rating_id"], values["rationale"], values["reviewer"], values["approved_by"])
    rating_id, rationale, reviewer, approved_by = finding
    verdict = FeedVerdict(
        rating=ratings[rating_id],
        rationale=rationale,
        reviewer=reviewer or "",
        approved_by=approved_by or "",
        first_approved_at=values["first_approved_at"],
        modified_at=done[-1]["corrected_at"] if done else None,
        under_correction=under_way is not None,
    )
    article = FeedArticle(
        pk=values["article_id"],
        title=values["title"],
        source_url=values["source_url"],
        outlet=values["outlet"],
        fact_check_url=values["fact_check_url"],
        language=values["language"],
        published_on=values["published_on"],
        desk=desk,
    )
    return FactCheck(
        claim=FeedClaim(pk=values["pk"], text=values["text"], article=article),
        verdict=verdict,
        rating_label=verdict.rating.label_for(article.language),
    )


def fact_check_as_dict(row: FactCheck) -> dict:
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
        "reviewer": verdict.reviewer,
        "approved_by": verdict.approved_by,
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


def _csv_pieces(rows: Iterator[FactCheck]) -> Iterator[str]:
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


def _claimreview_pieces(*, desk: Desk, rows: Iterator[FactCheck]) -> Iterator[str]:
    scale = rating_scale_for_desk(desk=desk)
    items = (
        claimreview_item(row, article=row.claim.article, best_rating=scale.best_rating, worst_rating=scale.worst_rating)
        for row in rows
    )
    return _json_list_pieces(items, script_safe=True)
