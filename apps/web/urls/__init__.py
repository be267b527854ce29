from django.contrib.auth import views as auth_views
from django.urls import include, path

from apps.web.views import account, dashboard
from apps.web.views.site import FaviconRedirectView

urlpatterns = [
    path("", dashboard.dashboard, name="dashboard"),
    path("favicon.ico", FaviconRedirectView.as_view(), name="favicon"),
    path("login/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("password-reset/", account.PasswordResetView.as_view(), name="password_reset"),
    path(
        "password-reset/sent/",
        auth_views.PasswordResetDoneView.as_view(template_name="registration/password_reset_done.html"),
        name="password_reset_done",
    ),
    path("reset/<uidb64>/<token>/", account.PasswordResetConfirmView.as_view(), name="password_reset_confirm"),
    path(
        "reset/done/",
        auth_views.PasswordResetCompleteView.as_view(template_name="registration/password_reset_complete.html"),
        name="password_reset_complete",
    ),
    path("", include("apps.web.urls.articles")),
    path("", include("apps.web.urls.claims")),
    path("", include("apps.web.urls.reviews")),
    path("", include("apps.web.urls.reports")),
    path("", include("apps.web.urls.desks")),
    path("", include("apps.web.urls.account")),
    path("", include("apps.web.urls.search")),
    path("", include("apps.web.urls.tips")),
]
