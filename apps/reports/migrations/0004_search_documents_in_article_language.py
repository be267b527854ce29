"""Stored search documents parsed in their article's language, not always in English.

0002 and 0003 parse every document with the `english` text search configuration, so a Spanish
article's words were stemmed as if English ("desempleo" stays "desempleo", "bajó" stays "bajó") and
English stop words were dropped from it while Spanish ones were kept. Now each document is parsed
with the configuration of its article's language: `factcheck_search_config(language)` maps a
BCP 47 tag's primary language to the PostgreSQL configuration for it ("es", "es-MX": `spanish`),
`simple` (lower-cased words, no stemming, no stop words) for a language PostgreSQL has none for,
and `english` for an article whose language is not known, as before. Only the configurations this
server has (`pg_ts_config`) are mapped, when the migration runs.

A claim's document, its verdict's and its open correction's take their article's language: the
triggers read it from the article row. Correcting an article's language re-parses its claims',
verdicts' and corrections' documents in the same transaction (an AFTER UPDATE OF language trigger);
the app already holds the article row while its claims are written, so a claim cannot be added
with the old language meanwhile.

Like 0002 it runs outside a transaction and may be run again: the functions and triggers are
replaced at once (a write after that parses in the new way), then the rows of articles in a
language other than English are parsed again, a batch of 1,000 per transaction, in primary key
order. English rows and rows of unknown language keep their documents, so the refresh costs only
as much as the desk's non-English work. PostgreSQL only.
"""

from django.db import migrations

COLUMN = "search_document"
CONFIG_FUNCTION = "factcheck_search_config"
BATCH = 1000
# ISO 639 primary language subtags and PostgreSQL's configuration for each (PostgreSQL 15-16).
CONFIGS_BY_LANGUAGE = {
    "ar": "arabic",
    "ca": "catalan",
    "da": "danish",
    "de": "german",
    "el": "greek",
    "en": "english",
    "es": "spanish",
    "eu": "basque",
    "fi": "finnish",
    "fr": "french",
    "ga": "irish",
    "hi": "hindi",
    "hu": "hungarian",
    "hy": "armenian",
    "id": "indonesian",
    "it": "italian",
    "lt": "lithuanian",
    "nb": "norwegian",
    "ne": "nepali",
    "nl": "dutch",
    "nn": "norwegian",
    "no": "norwegian",
    "pt": "portuguese",
    "ro": "romanian",
    "ru": "russian",
    "sr": "serbian",
    "sv": "swedish",
    "ta": "tamil",
    "tr": "turkish",
    "yi": "yiddish",
}
# An article whose language is not known: English, as every document was before.
UNKNOWN_LANGUAGE_CONFIG = "english"
OTHER_LANGUAGE_CONFIG = "simple"

ARTICLE_LANGUAGE_OF_CLAIM = "(SELECT language FROM articles_article WHERE id = NEW.article_id)"
ARTICLE_LANGUAGE_OF_VERDICT = (
    "(SELECT a.language FROM reviews_reviewtask t JOIN claims_claim c ON c.id = t.claim_id "
    "JOIN articles_article a ON a.id = c.article_id WHERE t.id = NEW.task_id)"
)
ARTICLE_LANGUAGE_OF_CORRECTION = (
    "(SELECT a.language FROM reviews_verdict v JOIN reviews_reviewtask t ON t.id = v.task_id "
    "JOIN claims_claim c ON c.id = t.claim_id JOIN articles_article a ON a.id = c.article_id "
    "WHERE v.id = NEW.verdict_id)"
)


def _vector(config: str, field: str, weight: str) -> str:
    return f"setweight(to_tsvector({config}, coalesce(NEW.{field}, '')), '{weight}')"


def _documents(config_of) -> list[tuple[str, str, str]]:
    """(table, the expression giving its row's configuration, the document) as 0002 and 0003 weigh them."""
    claim = config_of(ARTICLE_LANGUAGE_OF_CLAIM)
    article = config_of("NEW.language")
    verdict = config_of(ARTICLE_LANGUAGE_OF_VERDICT)
    correction = config_of(ARTICLE_LANGUAGE_OF_CORRECTION)
    return [
        ("claims_claim", claim, f"{_vector('config', 'text', 'A')} || {_vector('config', 'attribution', 'B')}"),
        (
            "articles_article",
            article,
            f"{_vector('config', 'title', 'B')} || {_vector('config', 'outlet', 'C')} "
            f"|| {_vector('config', 'byline', 'C')}",
        ),
        ("reviews_verdict", verdict, _vector("config", "rationale", "C")),
        ("reviews_verdictcorrection", correction, _vector("config", "previous_rationale", "C")),
    ]


def _in_article_language(language_sql: str) -> str:
    return f"{CONFIG_FUNCTION}({language_sql})"


def _in_english(language_sql: str) -> str:
    return "'english'::regconfig"


def _replace_document_functions(cursor, config_of) -> None:
    for table, config, document in _documents(config_of):
        cursor.execute(
            f"CREATE OR REPLACE FUNCTION {table}_{COLUMN}() RETURNS trigger LANGUAGE plpgsql AS $$ "
            f"DECLARE config regconfig := {config}; "
            f"BEGIN NEW.{COLUMN} := {document}; RETURN NEW; END $$"
        )


def _config_function_sql(cursor) -> str:
    cursor.execute("SELECT cfgname FROM pg_ts_config")
    available = {row[0] for row in cursor.fetchall()}
    cases = " ".join(
        f"WHEN '{language}' THEN '{config}'::regconfig"
        for language, config in sorted(CONFIGS_BY_LANGUAGE.items())
        if config in available
    )
    # IMMUTABLE: it reads nothing but its argument (the set of configurations is fixed above), so
    # PostgreSQL may inline it and fold it for a constant.
    return (
        f"CREATE OR REPLACE FUNCTION {CONFIG_FUNCTION}(language text) RETURNS regconfig "
        "LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ "
        f"SELECT CASE WHEN coalesce(language, '') = '' THEN '{UNKNOWN_LANGUAGE_CONFIG}'::regconfig "
        f"ELSE CASE lower(split_part(language, '-', 1)) {cases} ELSE '{OTHER_LANGUAGE_CONFIG}'::regconfig END END $$"
    )


# When an article's language changes, the documents that take it are parsed again: setting the
# column fires each table's own trigger, which reads the article's new language.
LANGUAGE_CHANGED_FUNCTION = f"""
CREATE OR REPLACE FUNCTION articles_article_language_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF {CONFIG_FUNCTION}(OLD.language) IS DISTINCT FROM {CONFIG_FUNCTION}(NEW.language) THEN
        UPDATE claims_claim SET {COLUMN} = NULL WHERE article_id = NEW.id;
        UPDATE reviews_verdict v SET {COLUMN} = NULL
            FROM reviews_reviewtask t JOIN claims_claim c ON c.id = t.claim_id
            WHERE v.task_id = t.id AND c.article_id = NEW.id;
        UPDATE reviews_verdictcorrection r SET {COLUMN} = NULL
            FROM reviews_verdict v JOIN reviews_reviewtask t ON t.id = v.task_id
            JOIN claims_claim c ON c.id = t.claim_id
            WHERE r.verdict_id = v.id AND c.article_id = NEW.id;
    END IF;
    RETURN NULL;
END $$
"""  # noqa: S608 (names of this migration's own tables and function)

# The ids of each table's rows whose article is in a language other than English, after `last`.
NON_ENGLISH_ROWS = {
    "articles_article": "SELECT a.id FROM articles_article a WHERE {non_english}",
    "claims_claim": "SELECT c.id FROM claims_claim c JOIN articles_article a ON a.id = c.article_id "
    "WHERE {non_english}",
    "reviews_verdict": "SELECT v.id FROM reviews_verdict v JOIN reviews_reviewtask t ON t.id = v.task_id "
    "JOIN claims_claim c ON c.id = t.claim_id JOIN articles_article a ON a.id = c.article_id WHERE {non_english}",
    "reviews_verdictcorrection": "SELECT r.id FROM reviews_verdictcorrection r "
    "JOIN reviews_verdict v ON v.id = r.verdict_id JOIN reviews_reviewtask t ON t.id = v.task_id "
    "JOIN claims_claim c ON c.id = t.claim_id JOIN articles_article a ON a.id = c.article_id WHERE {non_english}",
}


def _refresh_non_english_rows(cursor) -> None:
    """Parse again, a batch per transaction, the documents of every article not in English (or of
    unknown language) and of its claims, verdicts and corrections."""
    non_english = f"{CONFIG_FUNCTION}(a.language) <> 'english'::regconfig"
    for table, select in NON_ENGLISH_ROWS.items():
        alias = select.split()[1].split(".")[0]
        last = None
        while True:
            cursor.execute(
                select.format(non_english=non_english)
                + f" AND (%s::uuid IS NULL OR {alias}.id > %s::uuid) ORDER BY {alias}.id LIMIT {BATCH}",
                [last, last],
            )
            ids = [row[0] for row in cursor.fetchall()]
            if not ids:
                break
            # Setting the column fires the trigger, which computes it from the row as it is now.
            cursor.execute(f"UPDATE {table} SET {COLUMN} = NULL WHERE id = ANY(%s::uuid[])", [ids])  # noqa: S608
            last = ids[-1]
        cursor.execute(f"ANALYZE {table} ({COLUMN})")


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(_config_function_sql(cursor))
        _replace_document_functions(cursor, _in_article_language)
        # The article's own document is parsed again when its language changes, as when its title does.
        cursor.execute(
            f"CREATE OR REPLACE TRIGGER {COLUMN} BEFORE INSERT OR UPDATE OF title, outlet, byline, language, "
            f"{COLUMN} ON articles_article FOR EACH ROW EXECUTE FUNCTION articles_article_{COLUMN}()"
        )
        cursor.execute(LANGUAGE_CHANGED_FUNCTION)
        cursor.execute(
            "CREATE OR REPLACE TRIGGER search_document_language AFTER UPDATE OF language ON articles_article "
            "FOR EACH ROW EXECUTE FUNCTION articles_article_language_changed()"
        )
        _refresh_non_english_rows(cursor)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("DROP TRIGGER IF EXISTS search_document_language ON articles_article")
        cursor.execute("DROP FUNCTION IF EXISTS articles_article_language_changed()")
        cursor.execute(
            f"CREATE OR REPLACE TRIGGER {COLUMN} BEFORE INSERT OR UPDATE OF title, outlet, byline, {COLUMN} "
            f"ON articles_article FOR EACH ROW EXECUTE FUNCTION articles_article_{COLUMN}()"
        )
        _replace_document_functions(cursor, _in_english)
        # The rows parsed in their own language go back to English; the function picks them out.
        _refresh_non_english_rows(cursor)
        cursor.execute(f"DROP FUNCTION IF EXISTS {CONFIG_FUNCTION}(text)")


class Migration(migrations.Migration):
    # The refresh commits batch by batch, so the desk's writes never wait long behind it.
    atomic = False

    dependencies = [
        ("reports", "0003_published_correction_search_documents"),
        ("articles", "0005_article_language_detect"),
    ]

    operations = [migrations.RunPython(create, drop, elidable=False)]
