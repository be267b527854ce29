from django.db import migrations

DEFAULT_RATINGS = [
    ("True", "The claim is accurate and nothing significant is missing.", 5),
    ("Mostly true", "Accurate but needs clarification or additional information.", 4),
    ("Half true", "Partially accurate; leaves out important details or takes things out of context.", 3),
    ("Mostly false", "Contains an element of truth but ignores critical facts.", 2),
    ("False", "The claim is not accurate.", 1),
    ("Misleading", "Accurate facts presented so as to give a false impression.", None),
    ("Unverifiable", "The evidence available cannot confirm or refute the claim.", None),
]


def create_default_scale(apps, schema_editor):
    RatingScale = apps.get_model("reviews", "RatingScale")
    Rating = apps.get_model("reviews", "Rating")
    scale, _ = RatingScale.objects.get_or_create(
        desk=None, name="Standard", defaults={"best_rating": 5, "worst_rating": 1}
    )
    for position, (label, description, value) in enumerate(DEFAULT_RATINGS):
        Rating.objects.get_or_create(
            scale=scale,
            label=label,
            defaults={"description": description, "claimreview_value": value, "position": position},
        )


def remove_default_scale(apps, schema_editor):
    apps.get_model("reviews", "RatingScale").objects.filter(desk=None, name="Standard").delete()


class Migration(migrations.Migration):
    dependencies = [("reviews", "0001_initial")]
    operations = [migrations.RunPython(create_default_scale, remove_default_scale)]
