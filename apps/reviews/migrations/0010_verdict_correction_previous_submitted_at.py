"""Corrections keep when the published revision was submitted, so withdrawing one restores it.

Open rows get the verdict's submission time where the reviewer has not resubmitted since the
reopening (then it is still the published one); otherwise the time of the claim's last
`verdict_submitted` event before the reopening, written in the same transaction as the submission.
Closed rows are left empty: only withdrawing, which needs an open row, reads the field.
"""

from django.db import migrations, models


def open_rows_backfill(apps, schema_editor):
    verdict_correction = apps.get_model("reviews", "VerdictCorrection")
    audit_event = apps.get_model("core", "AuditEvent")
    for correction in verdict_correction.objects.filter(corrected_at__isnull=True).select_related("verdict__task"):
        verdict = correction.verdict
        if verdict.submitted_at <= correction.reopened_at:
            submitted_at = verdict.submitted_at
        else:
            submitted_at = (
                audit_event.objects.filter(
                    claim_id=verdict.task.claim_id, action="verdict_submitted", occurred_at__lte=correction.reopened_at
                )
                .order_by("-occurred_at")
                .values_list("occurred_at", flat=True)
                .first()
            )
        if submitted_at is not None:
            verdict_correction.objects.filter(pk=correction.pk).update(previous_submitted_at=submitted_at)


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0007_audit_webhooks"),
        ("reviews", "0009_verdict_correction_rating_labels"),
    ]

    operations = [
        migrations.AddField(
            model_name="verdictcorrection",
            name="previous_submitted_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.RunPython(open_rows_backfill, migrations.RunPython.noop, elidable=True),
    ]
