from django.urls import path

from .views import ArticleExportApi, DeskFactCheckFeedApi, DeskReportApi, SearchApi

urlpatterns = [
    path("articles/<str:article_id>/export/", ArticleExportApi.as_view(), name="article-export"),
    path("search/", SearchApi.as_view(), name="search"),
    path("desks/<slug:desk_slug>/report/", DeskReportApi.as_view(), name="desk-report"),
    path("desks/<slug:desk_slug>/fact-checks/", DeskFactCheckFeedApi.as_view(), name="desk-fact-checks"),
]
