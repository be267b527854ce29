"""Once GIN indexes on each searched table's tsvector expression, built in the migration's
transaction, which blocked writes to the three tables while they were built.

0002 replaced them with indexes on stored search documents, built concurrently, and drops these if
a database has them; this migration stays, empty, so that 0002 follows it on every database.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0001_initial"),
        ("claims", "0002_claim_facts_status_feedback"),
        ("reviews", "0001_initial"),
    ]

    operations = []
