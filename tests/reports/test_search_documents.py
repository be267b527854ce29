"""The stored search documents PostgreSQL keeps for the search (reports migration 0002): every way a
claim, article or verdict is written leaves its document matching its text, and the search reads
them through their GIN indexes."""

import pytest
from django.db import connection

from apps.articles.models import Article
from apps.articles.services import article_import_text
from apps.claims.models import Claim
from apps.claims.services import claim_create_from_span, claim_merge, claim_split, claim_update
from apps.reports.search import claim_search
from apps.reviews import services as reviews
from apps.reviews.models import Rating, ReviewTask
from tests import factories

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]

# For each table, its rows and those whose stored document is not what the migration's trigger
# computes from the row's columns.
ROWS_AND_STALE_DOCUMENTS = {
    "claims_claim": "SELECT count(*), count(*) FILTER (WHERE search_document IS DISTINCT FROM "
    "setweight(to_tsvector('english', text), 'A') || setweight(to_tsvector('english', attribution), 'B')) "
    "FROM claims_claim",
    "articles_article": "SELECT count(*), count(*) FILTER (WHERE search_document IS DISTINCT FROM "
    "setweight(to_tsvector('english', title), 'B') || setweight(to_tsvector('english', outlet), 'C') "
    "|| setweight(to_tsvector('english', byline), 'C')) FROM articles_article",
    "reviews_verdict": "SELECT count(*), count(*) FILTER (WHERE search_document IS DISTINCT FROM "
    "setweight(to_tsvector('english', rationale), 'C')) FROM reviews_verdict",
}
ARTICLE_TEXT = (
    "The harbour authority said on Monday that the new ferry terminal had cost 40 million euros, which "
    "is twice what the council had promised when the works began.\n\n"
    "According to the port's annual report, more than 2 million passengers used the ferries in 2023, "
    "a record for the island."
)


def _rows_and_stale_documents() -> dict[str, tuple[int, int]]:
    counts = {}
    with connection.cursor() as cursor:
        for table, query in ROWS_AND_STALE_DOCUMENTS.items():
            cursor.execute(query)
            counts[table] = cursor.fetchone()
    return counts


def _texts(claims) -> list[str]:
    return sorted(claim.text for claim in claims)


def test_every_write_path_leaves_each_document_matching_its_text(desk, editor, reviewer):
    # Extraction at intake writes the claims with bulk_create.
    article = article_import_text(desk=desk, user=editor, text=ARTICLE_TEXT).article
    extracted = list(Claim.objects.filter(article=article).order_by("start"))
    assert len(extracted) >= 2
    # An editor adds a passage, rewords a claim, merges two and splits one.
    added = claim_create_from_span(article=article, user=editor, start=0, end=ARTICLE_TEXT.index(" that the new"))
    claim_update(
        claim=extracted[0], user=editor, text="The new ferry terminal cost 40 million euros, a lighthouse budget."
    )
    merged = claim_merge(claims=[extracted[0], added], user=editor, text="The harbour authority spoke of a lighthouse.")
    last = extracted[-1]
    split = claim_split(
        claim=last,
        user=editor,
        parts=[
            {"start": last.start, "end": last.start + 20, "text": "Passengers crowded the catamarans."},
            {"start": last.start + 20, "end": last.end},
        ],
    )
    # Writes that skip the services: a queryset update of the title, bulk_update of an attribution.
    Article.objects.filter(pk=article.pk).update(title="Quayside accounts")
    split[1].attribution = "the port's annual report, says the harbourmaster"
    Claim.objects.bulk_update([split[1]], ["attribution"])
    # A verdict is submitted and approved.
    task = ReviewTask.objects.get(claim=merged)
    reviews.review_tasks_assign(editor=editor, tasks=[task], assignee=reviewer)
    rating = Rating.objects.get(scale__desk=None, label="Mostly true")
    reviews.verdict_submit(user=reviewer, task=task, rating=rating, rationale="Tender documents.", reference_ids=[])
    reviews.verdict_approve(editor=editor, task=task)

    counts = _rows_and_stale_documents()
    assert all(rows > 0 and stale == 0 for rows, stale in counts.values()), counts
    assert _texts(claim_search(user=editor, query="lighthouse")) == ["The harbour authority spoke of a lighthouse."]
    assert _texts(claim_search(user=editor, query="catamaran")) == ["Passengers crowded the catamarans."]
    assert _texts(claim_search(user=editor, query="harbourmaster")) == [split[1].text]
    assert _texts(claim_search(user=editor, query="tender -catamarans")) == [merged.text]
    assert len(claim_search(user=editor, query="quayside")) == Claim.objects.filter(article=article).count()


def test_a_document_cannot_be_written_by_hand(desk):
    claim = factories.ClaimFactory(article=factories.ArticleFactory(desk=desk), text="Tolls doubled.")
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE claims_claim SET search_document = to_tsvector('simple', 'forged') WHERE id = %s", [claim.pk]
        )

    assert _rows_and_stale_documents()["claims_claim"] == (1, 0)


def _plan(sql: str, params) -> str:
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        return "\n".join(row[0] for row in cursor.fetchall())


@pytest.mark.parametrize("query", ["veto", "veto council", '"security council" -china'])
def test_the_search_finds_claims_through_the_stored_documents_index(desk, editor, query):
    """With sequential scans off (on a handful of rows the planner would rightly read the table),
    the plan finds candidates in the claims' GIN index and never parses a text again."""
    factories.ClaimFactory(article=factories.ArticleFactory(desk=desk), text="The council vetoed it.")

    plan = _plan(*claim_search(user=editor, query=query).query.sql_with_params())

    assert "claims_claim_search_document" in plan, plan
    assert "to_tsvector" not in plan, plan


@pytest.mark.parametrize("table", ["claims_claim", "articles_article", "reviews_verdict"])
def test_each_tables_index_answers_a_match_on_its_stored_document(table):
    plan = _plan(f"SELECT id FROM {table} WHERE search_document @@ %s::tsquery", ["veto"])  # noqa: S608

    assert f"Bitmap Index Scan on {table}_search_document" in plan, plan
