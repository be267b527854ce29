"""Source rule names become unique per desk (and among the shared rules), ignoring case.

They were unique across every desk, so a desk admin choosing a name learnt other desks' rule
names. The old column was case-sensitive (the Django admin could save "Votes" beside "votes"),
so case-only duplicates within one scope are renamed first, keeping the oldest as it was.
"""

import django.db.models.functions.text
from django.db import migrations, models


def rename_case_duplicates(apps, schema_editor):
    SourceRule = apps.get_model("references", "SourceRule")
    taken: set[tuple[object, str]] = set()
    for rule in SourceRule.objects.order_by("created_at", "pk"):
        key = (rule.desk_id, rule.name.lower())
        if key not in taken:
            taken.add(key)
            continue
        number = 2
        while (rule.desk_id, f"{rule.name[:190]} ({number})".lower()) in taken:
            number += 1
        rule.name = f"{rule.name[:190]} ({number})"
        taken.add((rule.desk_id, rule.name.lower()))
        rule.save(update_fields=["name"])


class Migration(migrations.Migration):
    dependencies = [
        ("desks", "0001_initial"),
        ("references", "0012_reference_provider_choices"),
    ]

    operations = [
        migrations.AlterField(
            model_name="sourcerule",
            name="name",
            field=models.CharField(max_length=200),
        ),
        migrations.RunPython(rename_case_duplicates, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="sourcerule",
            constraint=models.UniqueConstraint(
                django.db.models.functions.text.Lower("name"),
                models.F("desk"),
                condition=models.Q(("desk__isnull", False)),
                name="source_rule_unique_desk_name",
                violation_error_message="This desk already has a source rule with this name.",
            ),
        ),
        migrations.AddConstraint(
            model_name="sourcerule",
            constraint=models.UniqueConstraint(
                django.db.models.functions.text.Lower("name"),
                condition=models.Q(("desk__isnull", True)),
                name="source_rule_unique_shared_name",
                violation_error_message="A shared source rule already has this name.",
            ),
        ),
    ]
