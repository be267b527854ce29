from django.urls import path
from rest_framework.routers import SimpleRouter

from .views import (
    DeskRatingDetailApi,
    DeskRatingMoveApi,
    DeskRatingScaleApi,
    DeskRatingScaleCopyApi,
    NotificationSettingsApi,
    RatingListApi,
    ReviewTaskViewSet,
)

router = SimpleRouter()
router.register("tasks", ReviewTaskViewSet, basename="task")

urlpatterns = [
    path("ratings/", RatingListApi.as_view(), name="rating-list"),
    path("me/notification-settings/", NotificationSettingsApi.as_view(), name="me-notification-settings"),
    path("desks/<slug:desk_slug>/ratings/", DeskRatingScaleApi.as_view(), name="desk-rating-scale"),
    # Before the rating paths: "copy-default" is no rating id.
    path(
        "desks/<slug:desk_slug>/ratings/copy-default/",
        DeskRatingScaleCopyApi.as_view(),
        name="desk-rating-scale-copy-default",
    ),
    path("desks/<slug:desk_slug>/ratings/<str:rating_id>/", DeskRatingDetailApi.as_view(), name="desk-rating-detail"),
    path("desks/<slug:desk_slug>/ratings/<str:rating_id>/move/", DeskRatingMoveApi.as_view(), name="desk-rating-move"),
    *router.urls,
]
