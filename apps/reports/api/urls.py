from django.urls import path

from .views import ArticleExportApi

urlpatterns = [path("articles/<str:article_id>/export/", ArticleExportApi.as_view(), name="article-export")]
