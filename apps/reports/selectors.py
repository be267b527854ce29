import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.utils.translation import gettext

from apps.articles.models import Article
from apps.articles.selectors import article_get
from apps.claims.models import Claim, ClaimStatus
from apps.claims.selectors import claim_applied_verdict
from apps.core.text import segment_covering_spans
from apps.references.models import Reference
from apps.reviews.models import Rating, RatingChange, TaskStatus, VerdictCorrection
from apps.reviews.selectors import rating_scale_for_desk


@dataclass(frozen=True)
class PublishedVerdict:
    """A verdict as the desk has published it.

    That is the approved verdict, or, while an editor has it reopened for correction, the finding
    as last approved, kept by the open correction: a published fact-check stays in every export,
    unchanged, until its corrected version is approved (`apps.reviews.services.verdict_reopen`).
    """

    rating: Rating
    rationale: str
    reviewer: object | None
    approved_by: object | None
    # When this finding was approved, and when the verdict was first published.
    approved_at: dt.datetime
    first_approved_at: dt.datetime
    cited_references: list[Reference]
    # The corrections this finding has been through, oldest first (an open one is not among them).
    corrections: list[VerdictCorrection]
    under_correction: bool

    @property
    def modified_at(self) -> dt.datetime | None:
        """When the latest correction was published; None for a verdict never corrected."""
        return self.corrections[-1].corrected_at if self.corrections else None


def claim_published_verdict(claim: Claim) -> PublishedVerdict | None:
    """The claim's own verdict as published, or None; reads what `report_build` prefetches (a claim
    not read by it costs a query or two). Give it to `claim_applied_verdict` as `published_verdict`
    to show what the exports show."""
    task = getattr(claim, "review_task", None)
    verdict = getattr(task, "verdict", None) if task is not None else None
    if verdict is None:
        return None
    corrections = list(verdict.corrections.all())
    done = [correction for correction in corrections if not correction.is_open]
    under_way = next((correction for correction in corrections if correction.is_open), None)
    if under_way is not None:
        return PublishedVerdict(
            rating=under_way.previous_rating,
            rationale=under_way.previous_rationale,
            reviewer=under_way.previous_reviewer,
            approved_by=under_way.previous_approved_by,
            approved_at=under_way.previous_approved_at,
            first_approved_at=verdict.first_approved_at or under_way.previous_approved_at,
            cited_references=list(under_way.previous_cited_references.all()),
            corrections=done,
            under_correction=True,
        )
    if task.status != TaskStatus.APPROVED:
        return None
    return PublishedVerdict(
        rating=verdict.rating,
        rationale=verdict.rationale,
        reviewer=verdict.reviewer,
        approved_by=verdict.approved_by,
        approved_at=verdict.approved_at,
        first_approved_at=verdict.first_approved_at or verdict.approved_at,
        cited_references=list(verdict.cited_references.all()),
        corrections=done,
        under_correction=False,
    )


@dataclass(frozen=True)
class ReportCorrection:
    """A published correction as readers of an article are told it: the ratings by their labels in
    the article's language when the desk gave them, as they were called when it was published."""

    corrected_at: dt.datetime
    note: str
    previous_rating_label: str
    previous_rationale: str
    rating_label: str
    rationale: str
    # What it did to the rating (`VerdictCorrection.rating_change_for`); None where it kept the rating.
    rating_change: RatingChange | None

    @property
    def rating_changed(self) -> bool:
        return self.rating_change is not None


def report_correction(correction: VerdictCorrection, *, language: str) -> ReportCorrection:
    """`correction` (a closed one) for readers of an article in `language` (a BCP 47 tag)."""
    return ReportCorrection(
        corrected_at=correction.corrected_at,
        note=correction.note,
        previous_rating_label=correction.previous_rating_label_for(language),
        previous_rationale=correction.previous_rationale,
        rating_label=correction.rating_label_for(language),
        rationale=correction.rationale,
        rating_change=correction.rating_change_for(language),
    )


@dataclass
class ReportRow:
    claim: Claim
    status: str
    # The published verdict that applies (`claim_applied_verdict` with `claim_published_verdict`), None
    # until one does. A submitted or returned verdict is not the desk's finding, so no export may
    # show it; one reopened for correction is shown as it was published.
    verdict: PublishedVerdict | None
    # The earlier claim whose approved verdict an editor confirmed applies to this one.
    reused_from: Claim | None = None
    references: list[Reference] = field(default_factory=list)
    # The verdict's rating as the report's readers are told it: its label in the article's language
    # when the desk gave one, else its default label; "" without a verdict.
    rating_label: str = ""
    # The verdict's corrections, oldest first, told in the same language.
    corrections: list[ReportCorrection] = field(default_factory=list)

    @property
    def approved(self) -> bool:
        return self.verdict is not None

    @property
    def status_label(self) -> str:
        """The review status as readers of a report are told it, in the language it is rendered in."""
        if self.reused_from is not None:
            return gettext("Verdict reused from an earlier check")
        return TaskStatus(self.status).label


@dataclass(frozen=True)
class MarkedText:
    """A piece of the article's text in an export, with the claims whose text it is."""

    text: str
    rows: tuple[ReportRow, ...] = ()
    # The claims whose text starts here (for links to them) and the ratings of the approved ones that
    # end here.
    anchors: tuple[str, ...] = ()
    ratings: tuple[str, ...] = ()

    @property
    def approved(self) -> bool:
        """Marked as checked only where every claim sharing these words is: "Russia and China" of an
        approved claim and of one still in review is not shown as checked."""
        return bool(self.rows) and all(row.approved for row in self.rows)


def _marked_text(body: str, rows: list[ReportRow]) -> list[MarkedText]:
    """The article's text cut where any claim's span starts or ends. Each claim is marked by its own
    spans, so a claim split off a sentence ("Russia and China ... have vetoed ...") marks only its words,
    not the other claim between them."""
    spans = [
        (start, end, row) for row in rows for start, end in (row.claim.spans or [[row.claim.start, row.claim.end]])
    ]
    first_start: dict[int, int] = {}
    last_end: dict[int, int] = {}
    for start, end, row in spans:
        first_start[id(row)] = min(start, first_start.get(id(row), start))
        last_end[id(row)] = max(end, last_end.get(id(row), end))
    pieces = []
    position = 0
    for segment in segment_covering_spans(body, spans):
        end = position + len(segment.text)
        covering = tuple({id(row): row for row in segment.keys}.values())
        pieces.append(
            MarkedText(
                segment.text,
                covering,
                anchors=tuple(f"m-{row.claim.pk}" for row in covering if first_start[id(row)] == position),
                ratings=tuple(row.rating_label for row in covering if row.approved and last_end[id(row)] == end),
            )
        )
        position = end
    return pieces


@dataclass
class Report:
    article: Article
    rows: list[ReportRow]
    segments: list[MarkedText]
    best_rating: int
    worst_rating: int

    @property
    def approved_rows(self) -> list[ReportRow]:
        return [row for row in self.rows if row.approved]


def report_get(*, user, article_id) -> Report:
    return report_build(article=article_get(user=user, article_id=article_id))


def report_build(*, article: Article) -> Report:
    """Everything an export needs about one article, in a fixed number of queries. Unscoped:
    callers check access (the API through `report_get`, the CLI runs as the operator)."""
    verdict_relations = ("rating", "reviewer", "approved_by")
    corrections = VerdictCorrection.objects.select_related(
        "previous_rating", "previous_reviewer", "previous_approved_by", "rating"
    ).prefetch_related("previous_cited_references")
    claims = (
        Claim.objects.filter(article=article, status=ClaimStatus.ACTIVE)
        .select_related("review_task", "review_task__assignee", "matched_claim__article")
        # Only the earlier article's title and date are shown, not its (possibly 2 MB) body.
        .defer("matched_claim__article__body")
        .select_related(*(f"review_task__verdict__{name}" for name in verdict_relations))
        .select_related(*(f"matched_claim__review_task__verdict__{name}" for name in verdict_relations))
        .prefetch_related(
            Prefetch("references", queryset=Reference.objects.order_by("-score", "title")),
            "review_task__verdict__cited_references",
            "matched_claim__review_task__verdict__cited_references",
            Prefetch("review_task__verdict__corrections", queryset=corrections),
            Prefetch("matched_claim__review_task__verdict__corrections", queryset=corrections),
        )
        .order_by("start", "end")
    )
    rows = []
    for claim in claims:
        task = getattr(claim, "review_task", None)
        applied = claim_applied_verdict(claim=claim, published_verdict=claim_published_verdict)
        rows.append(
            ReportRow(
                claim=claim,
                status=task.status if task else TaskStatus.NEW,
                verdict=applied.verdict if applied else None,
                reused_from=applied.reused_from if applied else None,
                references=list(claim.references.all()),
                rating_label=applied.verdict.rating.label_for(article.language) if applied else "",
                corrections=[
                    report_correction(correction, language=article.language)
                    for correction in applied.verdict.corrections
                ]
                if applied
                else [],
            )
        )
    scale = rating_scale_for_desk(desk=article.desk)
    segments = _marked_text(article.body, rows)
    return Report(
        article=article,
        rows=rows,
        segments=segments,
        best_rating=scale.best_rating,
        worst_rating=scale.worst_rating,
    )


@dataclass(frozen=True)
class PublicVerdict:
    """A published verdict as the public reads it on a reader tip's page: the claim and its rating."""

    claim_text: str
    rating_label: str


def article_public_verdicts(*, article: Article) -> list[PublicVerdict]:
    """The article's published verdicts for the public: each claim with its rating's label in the
    article's language, in reading order. Nothing a published report would not show (no reviewer,
    no draft, no verdict still waiting for approval, no editor's note). Unscoped: the caller decides
    who may read it (the tipster's unguessable link)."""
    return [
        PublicVerdict(claim_text=row.claim.text, rating_label=row.rating_label)
        for row in report_build(article=article).rows
        if row.approved
    ]
