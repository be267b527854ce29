from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("reviews", "0012_verdict_correction_rating_language_labels"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="verdict",
            index=models.Index(fields=["first_approved_at"], name="verdict_first_approved_at"),
        ),
    ]
