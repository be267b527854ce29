"""Full-text search over the reference library, in the database's own engine.

PostgreSQL: a GIN index on the English tsvector of title and body (queried with the same
expression, so the index is used). SQLite: an FTS5 table with the Porter stemmer, kept in sync
with the library table by triggers. Other databases fall back to substring matching.
"""

from django.db import migrations

PG_INDEX = (
    "CREATE INDEX IF NOT EXISTS library_document_fts ON references_librarydocument "
    "USING GIN (to_tsvector('english', title || ' ' || body))"
)
SQLITE_STATEMENTS = [
    "CREATE VIRTUAL TABLE IF NOT EXISTS references_librarydocument_fts USING fts5("
    "title, body, content='references_librarydocument', content_rowid='rowid', tokenize='porter unicode61')",
    "CREATE TRIGGER IF NOT EXISTS references_librarydocument_fts_insert AFTER INSERT ON references_librarydocument "
    "BEGIN INSERT INTO references_librarydocument_fts(rowid, title, body) VALUES (new.rowid, new.title, new.body); END",
    "CREATE TRIGGER IF NOT EXISTS references_librarydocument_fts_delete AFTER DELETE ON references_librarydocument "
    "BEGIN INSERT INTO references_librarydocument_fts(references_librarydocument_fts, rowid, title, body) "
    "VALUES ('delete', old.rowid, old.title, old.body); END",
    "CREATE TRIGGER IF NOT EXISTS references_librarydocument_fts_update AFTER UPDATE ON references_librarydocument "
    "BEGIN INSERT INTO references_librarydocument_fts(references_librarydocument_fts, rowid, title, body) "
    "VALUES ('delete', old.rowid, old.title, old.body); "
    "INSERT INTO references_librarydocument_fts(rowid, title, body) VALUES (new.rowid, new.title, new.body); END",
    "INSERT INTO references_librarydocument_fts(references_librarydocument_fts) VALUES ('rebuild')",
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS references_librarydocument_fts_insert",
    "DROP TRIGGER IF EXISTS references_librarydocument_fts_delete",
    "DROP TRIGGER IF EXISTS references_librarydocument_fts_update",
    "DROP TABLE IF EXISTS references_librarydocument_fts",
]


def create(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(PG_INDEX)
    elif vendor == "sqlite":
        for statement in SQLITE_STATEMENTS:
            schema_editor.execute(statement)


def drop(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS library_document_fts")
    elif vendor == "sqlite":
        for statement in SQLITE_DROP:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("references", "0004_provider_settings")]

    operations = [migrations.RunPython(create, drop)]
