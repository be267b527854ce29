from django.urls import path
from rest_framework.routers import SimpleRouter

from .views import ArticleImportApi, ArticleViewSet

router = SimpleRouter()
router.register("articles", ArticleViewSet, basename="article")

urlpatterns = [
    path("articles/import/", ArticleImportApi.as_view(), name="article-import"),
    *router.urls,
]
