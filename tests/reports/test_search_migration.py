"""The search indexes' migration (reports 0001) applies and unapplies on SQLite and PostgreSQL."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

# Transactional: SQLite cannot change its schema inside the atomic block of an ordinary test. The
# shipped rating scale and source rules the flush removes are put back by tests/conftest.py.
pytestmark = pytest.mark.django_db(transaction=True)

INDEXES = {"claim_search", "article_search", "verdict_search"}
MIGRATION = ("reports", "0001_search_indexes")


def _migrate(target) -> None:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate([target])


def _search_indexes() -> set[str]:
    with connection.cursor() as cursor:
        names = set()
        for table in ("claims_claim", "articles_article", "reviews_verdict"):
            names |= set(connection.introspection.get_constraints(cursor, table))
    return names & INDEXES


def test_the_migration_unapplies_and_applies_again():
    expected = INDEXES if connection.vendor == "postgresql" else set()
    assert _search_indexes() == expected

    _migrate(("reports", None))
    assert _search_indexes() == set()

    _migrate(MIGRATION)
    assert _search_indexes() == expected


@pytest.mark.postgres
def test_postgresql_gets_gin_indexes():
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexname, indexdef FROM pg_indexes WHERE indexname = ANY(%s)", [sorted(INDEXES)])
        definitions = dict(cursor.fetchall())

    assert set(definitions) == INDEXES
    assert all(
        "USING gin" in definition and "to_tsvector('english'" in definition for definition in definitions.values()
    )
