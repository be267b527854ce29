from django.urls import path

from .views import ArticleExportApi, SearchApi

urlpatterns = [
    path("articles/<str:article_id>/export/", ArticleExportApi.as_view(), name="article-export"),
    path("search/", SearchApi.as_view(), name="search"),
]
