from django.urls import path

from apps.web.views import account, two_step
from apps.web.views import notifications as views

app_name = "account"

urlpatterns = [
    path("account/notifications/", views.notification_settings, name="notifications"),
    path("account/language/", views.interface_language, name="language"),
    path("account/password/", account.PasswordChangeView.as_view(), name="password"),
    path("account/api-token/", account.api_token, name="api_token"),
    path("account/api-token/create/", account.api_token_create_view, name="api_token_create"),
    path("account/api-token/replace/", account.api_token_rotate_view, name="api_token_rotate"),
    path("account/api-token/revoke/", account.api_token_revoke_view, name="api_token_revoke"),
    path("account/two-step/", two_step.two_step, name="two_step"),
    path("account/two-step/turn-on/", two_step.two_step_enable_view, name="two_step_enable"),
    path("account/two-step/turn-off/", two_step.two_step_disable_view, name="two_step_disable"),
    path("account/two-step/recovery-codes/", two_step.two_step_recovery_codes_view, name="two_step_recovery_codes"),
]
