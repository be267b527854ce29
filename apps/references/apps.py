from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReferencesConfig(AppConfig):
    name = "apps.references"
    label = "references"
    verbose_name = _("References")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Registers the Celery reliability checks; the fetch tasks here are what they protect.
        from apps.core import checks  # noqa: F401
