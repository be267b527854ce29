"""Corrections keep their ratings' labels in other languages as published, beside the default labels
(0009): "previously rated X" is told to readers of an article in its language.

Rows written before this migration get the language labels their ratings have now, as 0009 did for the
default labels (the ones they had when the correction was published were not kept).
"""

from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def language_labels_backfill(apps, schema_editor):
    verdict_correction = apps.get_model("reviews", "VerdictCorrection")
    rating = apps.get_model("reviews", "Rating")
    verdict_correction.objects.update(
        previous_rating_language_labels=Subquery(
            rating.objects.filter(pk=OuterRef("previous_rating_id")).values("language_labels")[:1]
        )
    )
    verdict_correction.objects.filter(rating__isnull=False).update(
        rating_language_labels=Subquery(rating.objects.filter(pk=OuterRef("rating_id")).values("language_labels")[:1])
    )


class Migration(migrations.Migration):
    dependencies = [
        ("reviews", "0011_rating_language_labels"),
    ]

    operations = [
        migrations.AddField(
            model_name="verdictcorrection",
            name="previous_rating_language_labels",
            field=models.JSONField(blank=True, default=dict),
        ),
        migrations.AddField(
            model_name="verdictcorrection",
            name="rating_language_labels",
            field=models.JSONField(blank=True, default=dict),
        ),
        migrations.RunPython(language_labels_backfill, migrations.RunPython.noop, elidable=True),
    ]
