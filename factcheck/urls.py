from django.contrib import admin
from django.urls import include, path, re_path
from django.views.generic import RedirectView
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from apps.core.api.not_found import api_not_found

api_v1 = [
    path("", include("apps.articles.api.urls")),
    path("", include("apps.claims.api.urls")),
    path("", include("apps.references.api.urls")),
    path("", include("apps.reviews.api.urls")),
    path("", include("apps.reports.api.urls")),
    path("", include("apps.desks.api.urls")),
    # Any character, newlines (%0A) included: `.` stops at one, and the site's HTML 404 answered.
    re_path(r"^(?P<path>[\s\S]*)$", api_not_found, name="not-found"),
]

urlpatterns = [
    # Named so the Django admin's sign-in page links to the site's "Forgot your password?" page.
    path(
        "admin/password-reset/",
        RedirectView.as_view(pattern_name="password_reset"),
        name="admin_password_reset",
    ),
    path("admin/", admin.site.urls),
    path("api/v1/", include((api_v1, "api"), namespace="api")),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/docs/", SpectacularSwaggerView.as_view(url_name="api-schema"), name="api-docs"),
    path("", include("apps.web.urls")),
]
