from django.urls import path
from rest_framework.routers import SimpleRouter

from .views import RatingListApi, ReviewTaskViewSet

router = SimpleRouter()
router.register("tasks", ReviewTaskViewSet, basename="task")

urlpatterns = [path("ratings/", RatingListApi.as_view(), name="rating-list"), *router.urls]
