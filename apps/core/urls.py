from django.contrib.auth import views as auth_views
from django.urls import include, path

from . import views

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("login/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("", include("apps.articles.urls")),
    path("", include("apps.claims.urls")),
    path("", include("apps.reviews.urls")),
    path("", include("apps.reports.urls")),
    path("", include("apps.desks.urls")),
]
