from django.urls import path

from apps.web.views import tips as views

app_name = "tips"

urlpatterns = [
    path("tips/track/<str:token>/", views.tip_track, name="track"),
    path("tips/<slug:slug>/", views.tip_submit, name="submit"),
    path("desks/<slug:slug>/tips/", views.tip_inbox, name="inbox"),
    path("desks/<slug:slug>/tips/<uuid:tip_id>/start-check/", views.tip_check_start, name="start-check"),
    path("desks/<slug:slug>/tips/<uuid:tip_id>/close/", views.tip_close, name="close"),
]
