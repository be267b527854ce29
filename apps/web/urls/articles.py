from django.urls import path

from apps.web.views import articles as views

app_name = "articles"

urlpatterns = [
    path("articles/import/", views.article_import, name="import"),
    path("articles/<uuid:article_id>/", views.article_detail, name="detail"),
    path("articles/<uuid:article_id>/progress/", views.article_progress, name="progress"),
    path("articles/<uuid:article_id>/intake/", views.article_intake_progress, name="intake"),
    path("articles/<uuid:article_id>/fact-check-url/", views.article_fact_check_url, name="fact-check-url"),
    path("articles/<uuid:article_id>/language/", views.article_language, name="language"),
    path("articles/<uuid:article_id>/intake/retry/", views.article_intake_retry, name="intake-retry"),
]
