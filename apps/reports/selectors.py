from dataclasses import dataclass, field

from django.db.models import Prefetch

from apps.articles.models import Article
from apps.articles.selectors import article_get
from apps.claims.models import Claim, ClaimStatus
from apps.claims.selectors import claim_applied_verdict
from apps.core.text import Segment, segment_spans
from apps.references.models import Reference
from apps.reviews.models import TaskStatus
from apps.reviews.selectors import rating_scale_for_desk


@dataclass
class ReportRow:
    claim: Claim
    status: str
    # The approved verdict that applies (`claim_applied_verdict`), None until one does. A
    # submitted or returned verdict is not the desk's finding, so no export may show it.
    verdict: object | None
    # The earlier claim whose approved verdict an editor confirmed applies to this one.
    reused_from: Claim | None = None
    references: list[Reference] = field(default_factory=list)

    @property
    def approved(self) -> bool:
        return self.verdict is not None

    @property
    def status_label(self) -> str:
        """The review status as readers of a report are told it."""
        if self.reused_from is not None:
            return "Verdict reused from an earlier check"
        return TaskStatus(self.status).label


@dataclass
class Report:
    article: Article
    rows: list[ReportRow]
    segments: list[Segment]
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
        )
        .order_by("start", "end")
    )
    rows = []
    for claim in claims:
        task = getattr(claim, "review_task", None)
        applied = claim_applied_verdict(claim=claim)
        rows.append(
            ReportRow(
                claim=claim,
                status=task.status if task else TaskStatus.NEW,
                verdict=applied.verdict if applied else None,
                reused_from=applied.reused_from if applied else None,
                references=list(claim.references.all()),
            )
        )
    scale = rating_scale_for_desk(desk=article.desk)
    segments = segment_spans(article.body, [(row.claim.start, row.claim.end, row) for row in rows])
    return Report(
        article=article,
        rows=rows,
        segments=segments,
        best_rating=scale.best_rating,
        worst_rating=scale.worst_rating,
    )
