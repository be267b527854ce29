from django.urls import path

from apps.web.views import articles as views

app_name = "articles"

urlpatterns = [
    path("articles/import/", views.article_import, name="import"),
    path("articles/<uuid:article_id>/", views.article_detail, name="detail"),
    path("articles/<uuid:article_id>/progress/", views.article_progress, name="progress"),
]
