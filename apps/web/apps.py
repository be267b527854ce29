from django.apps import AppConfig


class WebConfig(AppConfig):
    """The server-rendered UI. Its pages compose every workflow stage, so it comes after all of
    them and nothing depends on it; each page calls the stages' selectors and services."""

    name = "apps.web"
    label = "web"
    default_auto_field = "django.db.models.BigAutoField"
