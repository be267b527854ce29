from dataclasses import dataclass, field

from django.db.models import Prefetch

from apps.articles.models import Article
from apps.articles.selectors import article_get
from apps.claims.models import Claim, ClaimStatus
from apps.core.text import Segment, segment_spans
from apps.references.models import Reference
from apps.reviews.models import TaskStatus
from apps.reviews.selectors import rating_scale_for_desk


@dataclass
class ReportRow:
    claim: Claim
    status: str
    # The approved verdict; None until the editor approves one. A submitted or returned verdict
    # is not the desk's finding, so no export may show it.
    verdict: object | None
    references: list[Reference] = field(default_factory=list)

    @property
    def approved(self) -> bool:
        return self.verdict is not None


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
    claims = (
        Claim.objects.filter(article=article, status=ClaimStatus.ACTIVE)
        .select_related("review_task", "review_task__assignee", "review_task__verdict__rating")
        .select_related("review_task__verdict__reviewer", "review_task__verdict__approved_by")
        .prefetch_related(
            Prefetch("references", queryset=Reference.objects.order_by("-score", "title")),
            "review_task__verdict__cited_references",
        )
        .order_by("start", "end")
    )
    rows = []
    for claim in claims:
        task = getattr(claim, "review_task", None)
        verdict = getattr(task, "verdict", None) if task and task.status == TaskStatus.APPROVED else None
        rows.append(
            ReportRow(
                claim=claim,
                status=task.status if task else TaskStatus.NEW,
                verdict=verdict,
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
