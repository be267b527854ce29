from django.urls import path

from apps.web.views import reports as views

app_name = "reports"

urlpatterns = [
    path("articles/<uuid:article_id>/export/<str:export_format>/", views.article_export, name="export"),
    path("desks/<slug:slug>/report/", views.desk_report, name="desk-report"),
]
