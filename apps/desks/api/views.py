from django.utils.cache import add_never_cache_headers
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from apps.core.api.audit import AuditEventOutputSerializer
from apps.core.api.idempotency import IDEMPOTENCY_KEY_PARAMETER, idempotent
from apps.core.api.schema import error_response
from apps.core.audit import audit_desk_events
from apps.desks import services, webhooks
from apps.desks.selectors import (
    desk_member_get,
    desk_members,
    membership_list_for_user,
    webhook_delivery_get,
    webhook_delivery_list,
    webhook_endpoint_get,
    webhook_endpoint_list,
)

from .base import DeskAdminApi
from .serializers import (
    AccountCreatedOutputSerializer,
    AccountCreateInputSerializer,
    DeskOutputSerializer,
    MemberAddInputSerializer,
    MemberOutputSerializer,
    MemberUpdateInputSerializer,
    WebhookCreateInputSerializer,
    WebhookDeliveryOutputSerializer,
    WebhookOutputSerializer,
    WebhookUpdateInputSerializer,
)


class DeskListApi(APIView):
    """The desks you belong to, with your role in each."""

    @extend_schema(responses=DeskOutputSerializer(many=True))
    def get(self, request: Request) -> Response:
        return Response(DeskOutputSerializer(membership_list_for_user(user=request.user), many=True).data)


class DeskMemberListApi(DeskAdminApi):
    """The desk's people and their roles; add an existing account to the desk."""

    serializer_class = MemberOutputSerializer

    @extend_schema(responses=MemberOutputSerializer(many=True))
    def get(self, request: Request, desk_slug: str) -> Response:
        page = self.paginate_queryset(desk_members(desk=self.get_desk()).order_by("user__username"))
        return self.get_paginated_response(MemberOutputSerializer(page, many=True).data)

    @extend_schema(
        request=MemberAddInputSerializer,
        responses={
            201: MemberOutputSerializer,
            200: OpenApiResponse(MemberOutputSerializer, description="Already a member with this role; unchanged."),
            409: error_response("Already a member with another role; change their role instead."),
        },
    )
    def post(self, request: Request, desk_slug: str) -> Response:
        serializer = MemberAddInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        membership, added = services.membership_get_or_add(
            actor=request.user, desk=self.get_desk(), **serializer.validated_data
        )
        return Response(
            MemberOutputSerializer(membership).data, status=status.HTTP_201_CREATED if added else status.HTTP_200_OK
        )


class DeskActivityApi(DeskAdminApi):
    """The desk's audit trail, newest first: who imported, deleted, edited, assigned, reviewed,
    returned or approved what, and when, including the events of articles deleted since; and who
    changed the desk's people, rating scale and source rules (`article_id` and `claim_id` null)."""

    serializer_class = AuditEventOutputSerializer

    @extend_schema(responses=AuditEventOutputSerializer(many=True))
    def get(self, request: Request, desk_slug: str) -> Response:
        page = self.paginate_queryset(audit_desk_events(desk_id=self.get_desk().pk))
        return self.get_paginated_response(AuditEventOutputSerializer(page, many=True).data)


class DeskMemberDetailApi(DeskAdminApi):
    """Change a member's role or remove them; the desk's last admin stays."""

    serializer_class = MemberOutputSerializer

    @extend_schema(request=MemberUpdateInputSerializer, responses=MemberOutputSerializer)
    def patch(self, request: Request, desk_slug: str, username: str) -> Response:
        membership = desk_member_get(desk=self.get_desk(), username=username)
        serializer = MemberUpdateInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        membership = services.membership_role_change(
            actor=request.user, membership=membership, role=serializer.validated_data["role"]
        )
        return Response(MemberOutputSerializer(membership).data)

    @extend_schema(responses={204: None})
    def delete(self, request: Request, desk_slug: str, username: str) -> Response:
        membership = desk_member_get(desk=self.get_desk(), username=username)
        services.membership_remove(actor=request.user, membership=membership)
        return Response(status=status.HTTP_204_NO_CONTENT)


class DeskAccountCreateApi(DeskAdminApi):
    """Create a new account and make it a member of the desk."""

    serializer_class = AccountCreateInputSerializer

    @extend_schema(request=AccountCreateInputSerializer, responses={201: AccountCreatedOutputSerializer})
    def post(self, request: Request, desk_slug: str) -> Response:
        serializer = AccountCreateInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        membership, generated = services.membership_account_create(
            actor=request.user, desk=self.get_desk(), password=data.pop("password", "") or None, **data
        )
        body = AccountCreatedOutputSerializer({"member": membership, "generated_password": generated}).data
        response = Response(body, status=status.HTTP_201_CREATED)
        # The body may carry a generated password: no copy in any cache.
        add_never_cache_headers(response)
        return response


def _never_cached(response: Response) -> Response:
    # Webhook answers carry the signing secret: no copy in any cache.
    add_never_cache_headers(response)
    return response


class DeskWebhookListApi(DeskAdminApi):
    """The desk's webhook endpoints; register one (it gets a new signing secret)."""

    serializer_class = WebhookOutputSerializer

    @extend_schema(responses=WebhookOutputSerializer(many=True))
    def get(self, request: Request, desk_slug: str) -> Response:
        page = self.paginate_queryset(webhook_endpoint_list(desk=self.get_desk()))
        return _never_cached(self.get_paginated_response(WebhookOutputSerializer(page, many=True).data))

    @extend_schema(
        request=WebhookCreateInputSerializer,
        responses={
            201: WebhookOutputSerializer,
            400: error_response("A URL that cannot receive webhooks, or an unknown event."),
        },
    )
    def post(self, request: Request, desk_slug: str) -> Response:
        serializer = WebhookCreateInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        endpoint = webhooks.webhook_endpoint_create(
            actor=request.user, desk=self.get_desk(), **serializer.validated_data
        )
        return _never_cached(Response(WebhookOutputSerializer(endpoint).data, status=status.HTTP_201_CREATED))


class DeskWebhookDetailApi(DeskAdminApi):
    """One webhook endpoint: read it, change it (turn it on again after failures, rotate its
    secret) or delete it with its delivery log."""

    serializer_class = WebhookOutputSerializer

    @extend_schema(responses=WebhookOutputSerializer)
    def get(self, request: Request, desk_slug: str, webhook_id: str) -> Response:
        endpoint = webhook_endpoint_get(desk=self.get_desk(), webhook_id=webhook_id)
        return _never_cached(Response(WebhookOutputSerializer(endpoint).data))

    @extend_schema(request=WebhookUpdateInputSerializer, responses=WebhookOutputSerializer)
    def patch(self, request: Request, desk_slug: str, webhook_id: str) -> Response:
        endpoint = webhook_endpoint_get(desk=self.get_desk(), webhook_id=webhook_id)
        serializer = WebhookUpdateInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        endpoint = webhooks.webhook_endpoint_update(actor=request.user, endpoint=endpoint, **serializer.validated_data)
        return _never_cached(Response(WebhookOutputSerializer(endpoint).data))

    @extend_schema(responses={204: None})
    def delete(self, request: Request, desk_slug: str, webhook_id: str) -> Response:
        endpoint = webhook_endpoint_get(desk=self.get_desk(), webhook_id=webhook_id)
        webhooks.webhook_endpoint_delete(actor=request.user, endpoint=endpoint)
        return Response(status=status.HTTP_204_NO_CONTENT)


class DeskWebhookDeliveryListApi(DeskAdminApi):
    """The endpoint's deliveries, newest first: event, status, attempts, its last answer or error."""

    serializer_class = WebhookDeliveryOutputSerializer

    @extend_schema(responses=WebhookDeliveryOutputSerializer(many=True))
    def get(self, request: Request, desk_slug: str, webhook_id: str) -> Response:
        endpoint = webhook_endpoint_get(desk=self.get_desk(), webhook_id=webhook_id)
        page = self.paginate_queryset(webhook_delivery_list(endpoint=endpoint))
        return self.get_paginated_response(WebhookDeliveryOutputSerializer(page, many=True).data)


class DeskWebhookTestApi(DeskAdminApi):
    """Send the endpoint a `webhook.test` event (queued: follow it in the deliveries)."""

    serializer_class = WebhookDeliveryOutputSerializer

    @extend_schema(request=None, responses={202: WebhookDeliveryOutputSerializer})
    def post(self, request: Request, desk_slug: str, webhook_id: str) -> Response:
        endpoint = webhook_endpoint_get(desk=self.get_desk(), webhook_id=webhook_id)
        delivery = webhooks.webhook_test_send(actor=request.user, endpoint=endpoint)
        return Response(WebhookDeliveryOutputSerializer(delivery).data, status=status.HTTP_202_ACCEPTED)


class DeskWebhookDeliveryRedeliverApi(DeskAdminApi):
    """Send a finished delivery (delivered, failed, or skipped while the endpoint was off) again:
    a new delivery with the same payload and event `id`, signed when it is sent, recorded in the
    desk's activity. Asking again while that redelivery is waiting or being sent, or within a
    minute, answers 200 with it and sends nothing more."""

    serializer_class = WebhookDeliveryOutputSerializer

    @extend_schema(
        request=None,
        parameters=[IDEMPOTENCY_KEY_PARAMETER],
        responses={
            202: OpenApiResponse(WebhookDeliveryOutputSerializer, description="The new delivery, queued."),
            200: OpenApiResponse(
                WebhookDeliveryOutputSerializer, description="A redelivery asked for moments ago; nothing new."
            ),
            404: error_response("No such webhook or delivery on this desk."),
            409: error_response("The delivery is still being sent, or the webhook is turned off."),
        },
    )
    def post(self, request: Request, desk_slug: str, webhook_id: str, delivery_id: str) -> Response:
        endpoint = webhook_endpoint_get(desk=self.get_desk(), webhook_id=webhook_id)
        delivery = webhook_delivery_get(endpoint=endpoint, delivery_id=delivery_id)

        def redeliver() -> Response:
            redelivery, created = webhooks.webhook_delivery_redeliver(actor=request.user, delivery=delivery)
            answer = status.HTTP_202_ACCEPTED if created else status.HTTP_200_OK
            return Response(WebhookDeliveryOutputSerializer(redelivery).data, status=answer)

        return idempotent(request, payload={"delivery": str(delivery.pk)}, respond=redeliver)
