from django.urls import path

from . import views

app_name = "claims"

urlpatterns = [
    path("claims/<uuid:claim_id>/", views.claim_detail, name="detail"),
    path(
        "claims/<uuid:claim_id>/references/refresh/",
        views.claim_references_refresh,
        name="references-refresh",
    ),
]
