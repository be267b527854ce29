from django.utils.cache import add_never_cache_headers
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from apps.core.api.audit import AuditEventOutputSerializer
from apps.core.api.schema import error_response
from apps.core.audit import audit_desk_events
from apps.desks import services
from apps.desks.selectors import desk_member_get, desk_members, membership_list_for_user

from .base import DeskAdminApi
from .serializers import (
    AccountCreatedOutputSerializer,
    AccountCreateInputSerializer,
    DeskOutputSerializer,
    MemberAddInputSerializer,
    MemberOutputSerializer,
    MemberUpdateInputSerializer,
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
    returned or approved what, and when, including the events of articles deleted since."""

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
