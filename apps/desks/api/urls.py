from django.urls import path

from .views import (
    DeskAccountCreateApi,
    DeskActivityApi,
    DeskListApi,
    DeskMemberDetailApi,
    DeskMemberListApi,
    DeskWebhookDeliveryListApi,
    DeskWebhookDeliveryRedeliverApi,
    DeskWebhookDetailApi,
    DeskWebhookListApi,
    DeskWebhookTestApi,
)

urlpatterns = [
    path("desks/", DeskListApi.as_view(), name="desk-list"),
    path("desks/<slug:desk_slug>/members/", DeskMemberListApi.as_view(), name="desk-member-list"),
    path("desks/<slug:desk_slug>/members/<str:username>/", DeskMemberDetailApi.as_view(), name="desk-member-detail"),
    path("desks/<slug:desk_slug>/accounts/", DeskAccountCreateApi.as_view(), name="desk-account-create"),
    path("desks/<slug:desk_slug>/activity/", DeskActivityApi.as_view(), name="desk-activity"),
    path("desks/<slug:desk_slug>/webhooks/", DeskWebhookListApi.as_view(), name="desk-webhook-list"),
    path(
        "desks/<slug:desk_slug>/webhooks/<str:webhook_id>/", DeskWebhookDetailApi.as_view(), name="desk-webhook-detail"
    ),
    path(
        "desks/<slug:desk_slug>/webhooks/<str:webhook_id>/deliveries/",
        DeskWebhookDeliveryListApi.as_view(),
        name="desk-webhook-deliveries",
    ),
    path(
        "desks/<slug:desk_slug>/webhooks/<str:webhook_id>/deliveries/<str:delivery_id>/redeliver/",
        DeskWebhookDeliveryRedeliverApi.as_view(),
        name="desk-webhook-delivery-redeliver",
    ),
    path(
        "desks/<slug:desk_slug>/webhooks/<str:webhook_id>/test/", DeskWebhookTestApi.as_view(), name="desk-webhook-test"
    ),
]
