from django.contrib.auth import views as auth_views
from django.urls import include, path

from apps.web.views import dashboard

urlpatterns = [
    path("", dashboard.dashboard, name="dashboard"),
    path("login/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("", include("apps.web.urls.articles")),
    path("", include("apps.web.urls.claims")),
    path("", include("apps.web.urls.reviews")),
    path("", include("apps.web.urls.reports")),
    path("", include("apps.web.urls.desks")),
]
