from django.urls import path

from apps.web.views import claims as views

app_name = "claims"

urlpatterns = [
    path("articles/<uuid:article_id>/claims/add/", views.claim_create, name="create"),
    path("articles/<uuid:article_id>/claims/merge/", views.claims_merge, name="merge"),
    path("claims/<uuid:claim_id>/", views.claim_detail, name="detail"),
    path("claims/<uuid:claim_id>/in-article/", views.claim_in_article, name="in-article"),
    path("claims/<uuid:claim_id>/reject/", views.claim_reject, name="reject"),
    path("claims/<uuid:claim_id>/release/", views.claim_release, name="release"),
    path("claims/<uuid:claim_id>/edit/", views.claim_update, name="edit"),
    path("claims/<uuid:claim_id>/split/", views.claim_split, name="split"),
    path("claims/<uuid:claim_id>/match/confirm/", views.claim_match_confirm, name="match-confirm"),
    path("claims/<uuid:claim_id>/match/dismiss/", views.claim_match_dismiss, name="match-dismiss"),
    path(
        "claims/<uuid:claim_id>/references/refresh/",
        views.claim_references_refresh,
        name="references-refresh",
    ),
    path("claims/<uuid:claim_id>/references/add/", views.claim_reference_add, name="reference-add"),
    path(
        "claims/<uuid:claim_id>/references/progress/",
        views.claim_references_progress,
        name="references-progress",
    ),
]
