"""GIN indexes for `apps.reports.search` on PostgreSQL: one per searched table, each on exactly the
tsvector expression the search matches, so the planner uses it.

They live here rather than in the apps owning the tables because only the search reads them, and
because the verdict's belongs to a stage (reviews) that claims and articles may not depend on.
The indexes are not in any model's Meta (contrib.postgres indexes do not exist on SQLite), so the
migration creates them only on PostgreSQL and changes nothing elsewhere; `makemigrations` sees no
model change.
"""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import migrations

SEARCH_CONFIG = "english"
INDEXES = [
    ("claims", "Claim", GinIndex(SearchVector("text", "attribution", config=SEARCH_CONFIG), name="claim_search")),
    (
        "articles",
        "Article",
        GinIndex(SearchVector("title", "outlet", "byline", config=SEARCH_CONFIG), name="article_search"),
    ),
    ("reviews", "Verdict", GinIndex(SearchVector("rationale", config=SEARCH_CONFIG), name="verdict_search")),
]


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for app_label, model_name, index in INDEXES:
        schema_editor.add_index(apps.get_model(app_label, model_name), index)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for app_label, model_name, index in INDEXES:
        schema_editor.remove_index(apps.get_model(app_label, model_name), index)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0001_initial"),
        ("claims", "0002_claim_facts_status_feedback"),
        ("reviews", "0001_initial"),
    ]

    operations = [migrations.RunPython(create, drop, elidable=False)]
