from django.urls import path

from apps.web.views import search as views

urlpatterns = [path("search/", views.search, name="search")]
