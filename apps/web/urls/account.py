from django.urls import path

from apps.web.views import account
from apps.web.views import notifications as views

app_name = "account"

urlpatterns = [
    path("account/notifications/", views.notification_settings, name="notifications"),
    path("account/language/", views.interface_language, name="language"),
    path("account/password/", account.PasswordChangeView.as_view(), name="password"),
]
