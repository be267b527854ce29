"""The search migrations (reports 0001, emptied, and 0002, the stored search documents) apply and
unapply on SQLite and PostgreSQL; on PostgreSQL 0002 fills the rows written before it."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from apps.reports.search import claim_search
from tests import factories

# Transactional: SQLite cannot change its schema inside the atomic block of an ordinary test, and
# PostgreSQL cannot build an index concurrently inside one. The shipped rating scale and source
# rules the flush removes are put back by tests/conftest.py.
pytestmark = pytest.mark.django_db(transaction=True)

TABLES = ("claims_claim", "articles_article", "reviews_verdict")
INDEXES = {f"{table}_search_document" for table in TABLES}
BEFORE = ("reports", "0001_search_indexes")
STORED_DOCUMENTS = ("reports", "0002_stored_search_documents")


def _migrate(target) -> None:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate([target])


def _tables_with_a_document_column() -> set[str]:
    with connection.cursor() as cursor:
        return {
            table
            for table in TABLES
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


@pytest.mark.postgres
def test_postgresql_fills_the_documents_of_rows_written_before_and_drops_the_expression_indexes(desk, editor):
    _migrate(BEFORE)
    with connection.cursor() as cursor:
        cursor.execute("CREATE INDEX claim_search ON claims_claim USING gin (to_tsvector('english', text))")
    claim = factories.ClaimFactory(
        article=factories.ArticleFactory(desk=desk, title="Tramway accounts"), text="The tramway cost 9 million."
    )

    _migrate(STORED_DOCUMENTS)

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
