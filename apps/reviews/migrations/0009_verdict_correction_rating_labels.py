"""Corrections keep their ratings' labels as published: a later rename of a rating must not rewrite
"previously rated X" in the public corrections history.

Rows written before this migration get the labels their ratings have now (the names they had when
the correction was published were not kept anywhere the migration can match to a row).
"""

from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def labels_backfill(apps, schema_editor):
    verdict_correction = apps.get_model("reviews", "VerdictCorrection")
    rating = apps.get_model("reviews", "Rating")
    verdict_correction.objects.update(
        previous_rating_label=Subquery(rating.objects.filter(pk=OuterRef("previous_rating_id")).values("label")[:1])
    )
    verdict_correction.objects.filter(rating__isnull=False).update(
        rating_label=Subquery(rating.objects.filter(pk=OuterRef("rating_id")).values("label")[:1])
    )


class Migration(migrations.Migration):
    dependencies = [
        ("reviews", "0008_notification_correction_withdrawn"),
    ]

    operations = [
        migrations.AddField(
            model_name="verdictcorrection",
            name="previous_rating_label",
            field=models.CharField(default="", max_length=100),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="verdictcorrection",
            name="rating_label",
            field=models.CharField(blank=True, max_length=100),
        ),
        migrations.RunPython(labels_backfill, migrations.RunPython.noop, elidable=True),
    ]
