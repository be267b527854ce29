"""A stored search document for the finding an open correction keeps, kept like 0002's and indexed.

While an editor has a verdict reopened for correction, the desk's published finding is the one the
open `VerdictCorrection` keeps (`previous_rationale`): the verdict row then holds the reviewer's
unapproved revision, and its stored document with it. `apps.reports.search` finds and ranks such a
claim by the published words, so the corrections table carries its own `search_document`, weighted
as a verdict's rationale, kept by a `BEFORE INSERT OR UPDATE` trigger as 0002's are, so the search
parses no text. The GIN index covers the open corrections only, the ones searched: closed rows are
the public corrections history and the verdict row holds their outcome.

Like 0002 it runs outside a transaction and may be run again: the column and trigger are added at
once, existing rows filled in batches, the index built `CONCURRENTLY`. PostgreSQL only.
"""

from django.db import migrations

TABLE = "reviews_verdictcorrection"
COLUMN = "search_document"
INDEX = f"{TABLE}_open_{COLUMN}"
FUNCTION = f"{TABLE}_{COLUMN}"
# As 0002 stores a verdict's rationale: the weight the search ranks a verdict's words with.
DOCUMENT = "setweight(to_tsvector('english'::regconfig, coalesce(NEW.previous_rationale, '')), 'C')"
BATCH = 1000


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(f"ALTER TABLE {TABLE} ADD COLUMN IF NOT EXISTS {COLUMN} tsvector")
        cursor.execute(
            f"CREATE OR REPLACE FUNCTION {FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $$ "
            f"BEGIN NEW.{COLUMN} := {DOCUMENT}; RETURN NEW; END $$"
        )
        # Writing the column itself fires the trigger too, so nothing can store another value.
        cursor.execute(
            f"CREATE OR REPLACE TRIGGER {COLUMN} BEFORE INSERT OR UPDATE OF previous_rationale, {COLUMN} "
            f"ON {TABLE} FOR EACH ROW EXECUTE FUNCTION {FUNCTION}()"
        )
        _fill(cursor)
        cursor.execute(f"ANALYZE {TABLE} ({COLUMN})")
        # A concurrent build that failed leaves an invalid index, which IF NOT EXISTS would keep.
        cursor.execute("SELECT NOT indisvalid FROM pg_index WHERE indexrelid = to_regclass(%s)", [INDEX])
        invalid = cursor.fetchone()
        if invalid and invalid[0]:
            cursor.execute(f"DROP INDEX CONCURRENTLY {INDEX}")
        cursor.execute(
            f"CREATE INDEX CONCURRENTLY IF NOT EXISTS {INDEX} ON {TABLE} USING gin ({COLUMN}) "
            "WHERE corrected_at IS NULL"
        )


def _fill(cursor) -> None:
    """Fill the rows written before the trigger, a batch per transaction, in primary key order."""
    last = None
    while True:
        cursor.execute(
            f"SELECT id FROM {TABLE} WHERE %s::uuid IS NULL OR id > %s::uuid ORDER BY id LIMIT {BATCH}",  # noqa: S608
            [last, last],
        )
        ids = [row[0] for row in cursor.fetchall()]
        if not ids:
            return
        # Setting the column fires the trigger, which computes it from the row as it is now.
        cursor.execute(
            f"UPDATE {TABLE} SET {COLUMN} = NULL WHERE id = ANY(%s::uuid[]) AND {COLUMN} IS NULL",  # noqa: S608
            [ids],
        )
        last = ids[-1]


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(f"DROP INDEX CONCURRENTLY IF EXISTS {INDEX}")
        cursor.execute(f"DROP TRIGGER IF EXISTS {COLUMN} ON {TABLE}")
        cursor.execute(f"DROP FUNCTION IF EXISTS {FUNCTION}()")
        cursor.execute(f"ALTER TABLE {TABLE} DROP COLUMN IF EXISTS {COLUMN}")


class Migration(migrations.Migration):
    # CREATE INDEX CONCURRENTLY cannot run in a transaction, and the backfill commits batch by batch.
    atomic = False

    dependencies = [
        ("reports", "0002_stored_search_documents"),
        ("reviews", "0007_verdict_corrections"),
    ]

    operations = [migrations.RunPython(create, drop, elidable=False)]
