from django.contrib.auth import views as auth_views
from django.urls import include, path

from apps.web.views import account, dashboard, two_step
from apps.web.views.site import FaviconRedirectView

urlpatterns = [
    path("", dashboard.dashboard, name="dashboard"),
    path("favicon.ico", FaviconRedirectView.as_view(), name="favicon"),
    path("login/", two_step.TwoStepLoginView.as_view(), name="login"),
    path("login/code/", two_step.sign_in_code, name="sign_in_code"),
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
