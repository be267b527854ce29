from django.apps import AppConfig


class ReferencesConfig(AppConfig):
    name = "apps.references"
    label = "references"
    default_auto_field = "django.db.models.BigAutoField"
