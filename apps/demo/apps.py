from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo desk. Depends on every stage; nothing depends on it."""

    name = "apps.demo"
    label = "demo"
    default_auto_field = "django.db.models.BigAutoField"
