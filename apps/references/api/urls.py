from django.urls import path
from rest_framework.routers import SimpleRouter

from apps.references.api.views import (
    ArticleReferenceProgressApi,
    ClaimReferenceAddApi,
    ClaimReferencesRefreshApi,
    DeskSourceRuleDetailApi,
    DeskSourceRuleListApi,
    LibraryDocumentViewSet,
    ReferenceViewSet,
    SourceLinkViewSet,
)

router = SimpleRouter()
router.register("references", ReferenceViewSet, basename="reference")
router.register("source-links", SourceLinkViewSet, basename="source-link")
router.register("library-documents", LibraryDocumentViewSet, basename="library-document")

urlpatterns = [
    path(
        "claims/<str:claim_id>/refresh-references/",
        ClaimReferencesRefreshApi.as_view(),
        name="claim-refresh-references",
    ),
    path("claims/<str:claim_id>/references/", ClaimReferenceAddApi.as_view(), name="claim-reference-add"),
    path(
        "articles/<str:article_id>/reference-progress/",
        ArticleReferenceProgressApi.as_view(),
        name="article-reference-progress",
    ),
    path("desks/<slug:desk_slug>/source-rules/", DeskSourceRuleListApi.as_view(), name="desk-source-rule-list"),
    path(
        "desks/<slug:desk_slug>/source-rules/<str:rule_id>/",
        DeskSourceRuleDetailApi.as_view(),
        name="desk-source-rule-detail",
    ),
    *router.urls,
]
