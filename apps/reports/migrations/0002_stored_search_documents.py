"""A stored search document on each searched table, kept by PostgreSQL itself, and GIN indexes on it.

`apps.reports.search` used to compute `to_tsvector` from the text of every candidate claim, its
article and its verdict to rank and to check AND and exclusions: about 1 s for a word in 44,000
claims, 4.5 s for a query of exclusions on a desk of 150,000. Now each row carries its words,
weighted as the search ranks them, in a `search_document` column, and the search only reads it.

A `BEFORE INSERT OR UPDATE` trigger fills the column, so every write path keeps it right: the
services, `bulk_create`, `bulk_update`, `QuerySet.update`, the admin, raw SQL. A stored generated
column would do the same, but adding one rewrites the whole table under an exclusive lock that
blocks reads as well as writes; an empty column and a trigger are added at once, existing rows are
filled in batches of their own transaction (row locks only), and the indexes are built
`CONCURRENTLY`, so the desk keeps working while this runs. The migration is therefore not atomic,
and each step may be run again if it stopped half way.

The column exists only on PostgreSQL and in no model: SQLite (the zero-install default) searches
by containment and has no use for it, and Django never reads or writes it, so list queries do not
carry it and no write path can forget it. (`AddIndexConcurrently` needs a model field, hence SQL.)
The expression indexes of 0001, if an earlier version built them, are dropped concurrently last.
"""

from django.db import migrations

CONFIG = "'english'::regconfig"
# A write to a row of the batch being filled waits for it: on bench/desk_history.py's desk (150,000
# claims) no claim or article write waited more than 50 ms while this ran (0001 held them for 7 s).
BATCH = 1000
COLUMN = "search_document"


def _vector(field: str, weight: str) -> str:
    return f"setweight(to_tsvector({CONFIG}, coalesce(NEW.{field}, '')), '{weight}')"


# (table, the columns its document is made of, the document the trigger computes from the new
# row). The weights are the ranking's: the claim's own words first, then its attribution and its
# article's title, then outlet, byline and verdict rationale.
DOCUMENTS = [
    ("claims_claim", ("text", "attribution"), f"{_vector('text', 'A')} || {_vector('attribution', 'B')}"),
    (
        "articles_article",
        ("title", "outlet", "byline"),
        f"{_vector('title', 'B')} || {_vector('outlet', 'C')} || {_vector('byline', 'C')}",
    ),
    ("reviews_verdict", ("rationale",), _vector("rationale", "C")),
]
OLD_EXPRESSION_INDEXES = ("claim_search", "article_search", "verdict_search")


def _index(table: str) -> str:
    return f"{table}_{COLUMN}"


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        for table, fields, document in DOCUMENTS:
            cursor.execute(f"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS {COLUMN} tsvector")
            cursor.execute(
                f"CREATE OR REPLACE FUNCTION {table}_{COLUMN}() RETURNS trigger LANGUAGE plpgsql AS $$ "
                f"BEGIN NEW.{COLUMN} := {document}; RETURN NEW; END $$"
            )
            # Writing the column itself fires the trigger too, so nothing can store another value.
            cursor.execute(
                f"CREATE OR REPLACE TRIGGER {COLUMN} BEFORE INSERT OR UPDATE OF {', '.join(fields)}, {COLUMN} "
                f"ON {table} FOR EACH ROW EXECUTE FUNCTION {table}_{COLUMN}()"
            )
            _fill(cursor, table)
            # The planner's word statistics for the new column: without them it guesses how many
            # rows a word matches, and a rare word's search reads the whole table.
            cursor.execute(f"ANALYZE {table} ({COLUMN})")
            _index_concurrently(cursor, table)
        for index in OLD_EXPRESSION_INDEXES:
            cursor.execute(f"DROP INDEX CONCURRENTLY IF EXISTS {index}")


def _fill(cursor, table: str) -> None:
    """Fill the rows written before the trigger, a batch per transaction, in primary key order."""
    last = None
    while True:
        cursor.execute(
            f"SELECT id FROM {table} WHERE %s::uuid IS NULL OR id > %s::uuid ORDER BY id LIMIT {BATCH}",  # noqa: S608
            [last, last],
        )
        ids = [row[0] for row in cursor.fetchall()]
        if not ids:
            return
        # Setting the column fires the trigger, which computes it from the row as it is now.
        cursor.execute(
            f"UPDATE {table} SET {COLUMN} = NULL WHERE id = ANY(%s::uuid[]) AND {COLUMN} IS NULL",  # noqa: S608
            [ids],
        )
        last = ids[-1]


def _index_concurrently(cursor, table: str) -> None:
    index = _index(table)
    # A concurrent build that failed leaves an invalid index, which IF NOT EXISTS would keep.
    cursor.execute(
        "SELECT NOT indisvalid FROM pg_index WHERE indexrelid = to_regclass(%s)",
        [index],
    )
    invalid = cursor.fetchone()
    if invalid and invalid[0]:
        cursor.execute(f"DROP INDEX CONCURRENTLY {index}")
    cursor.execute(f"CREATE INDEX CONCURRENTLY IF NOT EXISTS {index} ON {table} USING gin ({COLUMN})")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        for table, _fields, _document in DOCUMENTS:
            cursor.execute(f"DROP INDEX CONCURRENTLY IF EXISTS {_index(table)}")
            cursor.execute(f"DROP TRIGGER IF EXISTS {COLUMN} ON {table}")
            cursor.execute(f"DROP FUNCTION IF EXISTS {table}_{COLUMN}()")
            cursor.execute(f"ALTER TABLE {table} DROP COLUMN IF EXISTS {COLUMN}")


class Migration(migrations.Migration):
    # CREATE INDEX CONCURRENTLY cannot run in a transaction, and the backfill commits batch by batch.
    atomic = False

    dependencies = [("reports", "0001_search_indexes")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
