from django.urls import path
from rest_framework.routers import SimpleRouter

from .views import ArticleImportApi, ArticleViewSet, TipViewSet

router = SimpleRouter()
router.register("articles", ArticleViewSet, basename="article")
router.register("tips", TipViewSet, basename="tip")

urlpatterns = [
    path("articles/import/", ArticleImportApi.as_view(), name="article-import"),
    *router.urls,
]
