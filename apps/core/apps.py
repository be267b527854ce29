from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "apps.core"
    label = "core"
    verbose_name = _("Core")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from axes.signals import user_locked_out

        from apps.core.accounts import on_sign_in_locked_out

        user_locked_out.connect(on_sign_in_locked_out, dispatch_uid="core.sign_in_locked_out")
