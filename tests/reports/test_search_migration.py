"""The search migrations (reports 0001, emptied, 0002, the stored search documents, and 0003, the open
corrections' documents) apply and unapply on SQLite and PostgreSQL; on PostgreSQL 0002 and 0003 fill
the rows written before them."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from apps.reports.search import claim_search
from apps.reviews import services as reviews
from apps.reviews.models import Rating, ReviewTask
from tests import factories

# Transactional: SQLite cannot change its schema inside the atomic block of an ordinary test, and
# PostgreSQL cannot build an index concurrently inside one. The shipped rating scale and source
# rules the flush removes are put back by tests/conftest.py.
pytestmark = pytest.mark.django_db(transaction=True)

TABLES = ("claims_claim", "articles_article", "reviews_verdict")
INDEXES = {f"{table}_search_document" for table in TABLES}
BEFORE = ("reports", "0001_search_indexes")
STORED_DOCUMENTS = ("reports", "0002_stored_search_documents")
CORRECTION_DOCUMENTS = ("reports", "0003_published_correction_search_documents")
DOCUMENTS_IN_ARTICLE_LANGUAGE = ("reports", "0004_search_documents_in_article_language")
CORRECTIONS = "reviews_verdictcorrection"
CORRECTIONS_INDEX = f"{CORRECTIONS}_open_search_document"


def _migrate(target) -> None:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate([target])


@pytest.fixture(autouse=True)
def _latest_search_migration_after_each_test():
    """The tests after these (transactional or not) search with the schema the last migration leaves."""
    yield
    _migrate(DOCUMENTS_IN_ARTICLE_LANGUAGE)


def _tables_with_a_document_column(tables=TABLES) -> set[str]:
    with connection.cursor() as cursor:
        return {
            table
            for table in tables
            if "search_document"
            in {column.name for column in connection.introspection.get_table_description(cursor, table)}
        }


def _search_indexes() -> set[str]:
    with connection.cursor() as cursor:
        names = set()
        for table in TABLES:
            names |= set(connection.introspection.get_constraints(cursor, table))
    return names & (INDEXES | {"claim_search", "article_search", "verdict_search"})


def test_the_migrations_unapply_and_apply_again():
    on_postgresql = connection.vendor == "postgresql"
    assert _tables_with_a_document_column() == (set(TABLES) if on_postgresql else set())
    assert _search_indexes() == (INDEXES if on_postgresql else set())

    _migrate(("reports", None))
    assert _tables_with_a_document_column() == set()
    assert _search_indexes() == set()

    _migrate(STORED_DOCUMENTS)
    assert _tables_with_a_document_column() == (set(TABLES) if on_postgresql else set())
    assert _search_indexes() == (INDEXES if on_postgresql else set())
    assert _tables_with_a_document_column([CORRECTIONS]) == set()

    _migrate(CORRECTION_DOCUMENTS)
    assert _tables_with_a_document_column([CORRECTIONS]) == ({CORRECTIONS} if on_postgresql else set())
    with connection.cursor() as cursor:
        indexes = set(connection.introspection.get_constraints(cursor, CORRECTIONS))
    assert (CORRECTIONS_INDEX in indexes) == on_postgresql


@pytest.mark.postgres
def test_postgresql_fills_the_documents_of_rows_written_before_and_drops_the_expression_indexes(desk, editor):
    _migrate(BEFORE)
    with connection.cursor() as cursor:
        cursor.execute("CREATE INDEX claim_search ON claims_claim USING gin (to_tsvector('english', text))")
    claim = factories.ClaimFactory(
        article=factories.ArticleFactory(desk=desk, title="Tramway accounts"), text="The tramway cost 9 million."
    )

    # The search reads 0004's function too.
    _migrate(DOCUMENTS_IN_ARTICLE_LANGUAGE)

    assert _search_indexes() == INDEXES
    assert list(claim_search(user=editor, query="tramways")) == [claim]
    assert list(claim_search(user=editor, query="accounts -million")) == []
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname FROM pg_indexes WHERE indexname = ANY(%s) AND indexdef LIKE %s",
            [
                sorted(INDEXES),
                "%USING gin (search_document)",
            ],
        )
        assert {row[0] for row in cursor.fetchall()} == INDEXES


@pytest.mark.postgres
def test_postgresql_fills_the_documents_of_corrections_opened_before_0003(desk, editor, reviewer):
    """A verdict reopened before 0003 is found by the words it was published with once it has run."""
    _migrate(STORED_DOCUMENTS)
    claim = factories.ClaimFactory(
        article=factories.ArticleFactory(desk=desk, title="Canal locks"), text="The canal has eleven locks."
    )
    task = factories.ReviewTaskFactory(claim=claim)
    reviews.review_tasks_assign(editor=editor, tasks=[task], assignee=reviewer)
    rating = Rating.objects.get(scale__desk=None, label="True")
    reviews.verdict_submit(user=reviewer, task=task, rating=rating, rationale="The waterways board counts eleven.")
    reviews.verdict_approve(editor=editor, task=ReviewTask.objects.get(pk=task.pk))
    reviews.verdict_reopen(editor=editor, task=ReviewTask.objects.get(pk=task.pk), note="One lock was filled in.")

    _migrate(DOCUMENTS_IN_ARTICLE_LANGUAGE)

    assert list(claim_search(user=editor, query="waterways")) == [claim]
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT count(*) FROM {CORRECTIONS} WHERE search_document IS DISTINCT FROM "  # noqa: S608
            "setweight(to_tsvector('english', previous_rationale), 'C')"
        )
        assert cursor.fetchone() == (0,)


@pytest.mark.postgres
def test_postgresql_parses_the_documents_of_non_english_articles_again_in_their_language(desk, editor):
    """0004: rows written before it, parsed in English, are parsed in their article's language; unapplied,
    they are English again."""
    _migrate(CORRECTION_DOCUMENTS)
    spanish = factories.ClaimFactory(
        article=factories.ArticleFactory(desk=desk, language="es", title="Paro"), text="El paro bajó en marzo."
    )
    english = factories.ClaimFactory(
        article=factories.ArticleFactory(desk=desk, language="en", title="Jobs"), text="Unemployment fell in March."
    )
    assert _parsed_with(spanish, "english")

    _migrate(DOCUMENTS_IN_ARTICLE_LANGUAGE)

    assert _parsed_with(spanish, "spanish")
    assert _parsed_with(english, "english")
    assert list(claim_search(user=editor, query="bajaron")) == [spanish]
    assert list(claim_search(user=editor, query="unemployed")) == [english]

    _migrate(CORRECTION_DOCUMENTS)

    assert _parsed_with(spanish, "english")


def _parsed_with(claim, config: str) -> bool:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT search_document = setweight(to_tsvector(%s::regconfig, text), 'A') "
            "|| setweight(to_tsvector(%s::regconfig, attribution), 'B') FROM claims_claim WHERE id = %s",
            [config, config, claim.pk],
        )
        return cursor.fetchone()[0]
