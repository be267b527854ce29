import uuid

from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, PolymorphicProxySerializer, extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from apps.core.api.etags import etag_parameter, if_match_parameter, if_match_require, with_etag
from apps.core.api.schema import error_response
from apps.core.api.throttling import FetchRateThrottle, ImportRateThrottle, PersonRateThrottle
from apps.core.exceptions import ApplicationError, NotFoundError
from apps.core.ids import uuid_or_404
from apps.desks.api.base import DeskAdminApi
from apps.desks.selectors import desk_default_for_user, desk_list_for_user
from apps.references import selectors, services
from apps.references.api.serializers import (
    LibraryDocumentInputSerializer,
    LibraryDocumentListQuerySerializer,
    LibraryDocumentOutputSerializer,
    LibraryDocumentSummaryOutputSerializer,
    LibraryDocumentUpdateSerializer,
    LibraryDocumentUploadSerializer,
    ReferenceAddInputSerializer,
    ReferenceJobOutputSerializer,
    ReferenceOutputSerializer,
    ReferenceProgressOutputSerializer,
    SourceLinkOutputSerializer,
    SourceRuleInputSerializer,
    SourceRuleOutputSerializer,
    SourceRuleUpdateInputSerializer,
)

CLAIM_PARAMETER = OpenApiParameter("claim", uuid.UUID, description="Only this claim's rows.")
IF_MATCH_PARAMETER = if_match_parameter("document")
ETAG_PARAMETER = etag_parameter("document", statuses=(200, 201))
CHANGED_SINCE_READ = error_response(
    "The document changed since the If-Match ETag; nothing was saved. `extra.etag` is the current one."
)
DESK_NOT_YOURS = error_response("The `desk` named is not one of yours.")
URL_TAKEN = error_response("The library already has a document with this `url` (`extra.url`).")


def _claim_filter(request: Request):
    claim_id = request.query_params.get("claim")
    if not claim_id:
        return None
    return selectors.claim_get_for_user(
        user=request.user, claim_id=uuid_or_404(claim_id, not_found=gettext("Claim not found."))
    )


@extend_schema(parameters=[CLAIM_PARAMETER])
class ReferenceViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """References gathered for claims in your desks, best evidence first."""

    serializer_class = ReferenceOutputSerializer

    def get_queryset(self) -> QuerySet:
        return selectors.reference_list(user=self.request.user, claim=_claim_filter(self.request))


@extend_schema(parameters=[CLAIM_PARAMETER])
class SourceLinkViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Suggested sources to open by hand for claims in your desks."""

    serializer_class = SourceLinkOutputSerializer

    def get_queryset(self) -> QuerySet:
        return selectors.source_link_list(user=self.request.user, claim=_claim_filter(self.request))


def _editable_desk(request: Request, desk_id: object):
    """The desk named in the request (one of the user's), else the user's first editable desk."""
    if desk_id is not None:
        desk = desk_list_for_user(user=request.user).filter(pk=desk_id).first()
        if desk is None:
            raise NotFoundError(gettext("Desk not found."))
        return desk
    desk = desk_default_for_user(user=request.user, editor=True)
    if desk is None:
        raise ApplicationError(gettext("Only the desk's editors can add library documents."), status=403)
    return desk


class LibraryDocumentViewSet(viewsets.GenericViewSet):
    """The reference library: your desks' documents plus the shared ones; editors change them."""

    serializer_class = LibraryDocumentOutputSerializer

    def get_queryset(self) -> QuerySet:
        return selectors.library_document_list(user=self.request.user)

    def _document(self, pk: str):
        return selectors.library_document_get(
            user=self.request.user, document_id=uuid_or_404(pk, not_found=gettext("Document not found."))
        )

    @extend_schema(
        parameters=[LibraryDocumentListQuerySerializer],
        responses=PolymorphicProxySerializer(
            component_name="LibraryDocumentListRow",
            serializers=[LibraryDocumentSummaryOutputSerializer, LibraryDocumentOutputSerializer],
            resource_type_field_name=None,
            many=True,
        ),
    )
    def list(self, request: Request) -> Response:
        """The documents with each body's first characters and length; `full_text=1` for whole bodies."""
        query = LibraryDocumentListQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        if query.validated_data["full_text"]:
            page = self.paginate_queryset(self.get_queryset())
            return self.get_paginated_response(LibraryDocumentOutputSerializer(page, many=True).data)
        page = self.paginate_queryset(selectors.library_document_summaries(user=request.user))
        return self.get_paginated_response(LibraryDocumentSummaryOutputSerializer(page, many=True).data)

    @extend_schema(parameters=[ETAG_PARAMETER])
    def retrieve(self, request: Request, pk: str) -> Response:
        document = self._document(pk)
        return with_etag(LibraryDocumentOutputSerializer(document).data, document)

    @extend_schema(
        request=LibraryDocumentInputSerializer,
        parameters=[ETAG_PARAMETER],
        responses={201: LibraryDocumentOutputSerializer, 404: DESK_NOT_YOURS, 409: URL_TAKEN},
    )
    def create(self, request: Request) -> Response:
        serializer = LibraryDocumentInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        desk = _editable_desk(request, data.pop("desk", None))
        document = services.library_document_create(user=request.user, desk=desk, **data)
        return with_etag(LibraryDocumentOutputSerializer(document).data, document, status_code=status.HTTP_201_CREATED)

    @extend_schema(
        request=LibraryDocumentUploadSerializer, responses={201: LibraryDocumentOutputSerializer, 404: DESK_NOT_YOURS}
    )
    @action(
        detail=False,
        methods=["post"],
        parser_classes=[MultiPartParser, FormParser],
        throttle_classes=[PersonRateThrottle, ImportRateThrottle],
    )
    def upload(self, request: Request) -> Response:
        """Add a text, Markdown, HTML or PDF file; its main text becomes the document."""
        serializer = LibraryDocumentUploadSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        desk = _editable_desk(request, data.pop("desk", None))
        upload = data.pop("file")
        # One byte past the limit is enough to refuse the file; the rest may not fit in memory.
        content = upload.read(settings.REFERENCE_LIBRARY_MAX_BYTES + 1)
        document = services.library_document_import(
            user=request.user, desk=desk, filename=upload.name, data=content, **data
        )
        return Response(LibraryDocumentOutputSerializer(document).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        request=LibraryDocumentUpdateSerializer,
        parameters=[IF_MATCH_PARAMETER, ETAG_PARAMETER],
        responses={200: LibraryDocumentOutputSerializer, 409: URL_TAKEN, 412: CHANGED_SINCE_READ},
    )
    def partial_update(self, request: Request, pk: str) -> Response:
        document = self._document(pk)
        serializer = LibraryDocumentUpdateSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        return self._update(request, document, serializer.validated_data)

    @extend_schema(
        request=LibraryDocumentInputSerializer,
        parameters=[IF_MATCH_PARAMETER, ETAG_PARAMETER],
        responses={200: LibraryDocumentOutputSerializer, 409: URL_TAKEN, 412: CHANGED_SINCE_READ},
    )
    def update(self, request: Request, pk: str) -> Response:
        document = self._document(pk)
        serializer = LibraryDocumentInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        data.pop("desk", None)
        return self._update(request, document, data)

    def _update(self, request: Request, document, fields: dict) -> Response:
        version_named = if_match_require(request, document, what="document")
        document = services.library_document_update(
            user=request.user,
            document=document,
            expected_updated_at=document.updated_at if version_named else None,
            **fields,
        )
        return with_etag(LibraryDocumentOutputSerializer(document).data, document)

    def destroy(self, request: Request, pk: str) -> Response:
        services.library_document_delete(user=request.user, document=self._document(pk))
        return Response(status=status.HTTP_204_NO_CONTENT)


class ClaimReferencesRefreshApi(APIView):
    """Gather references for a claim again (editors, or the claim's assigned reviewer)."""

    throttle_classes = [PersonRateThrottle, FetchRateThrottle]

    @extend_schema(request=None, responses={202: ReferenceJobOutputSerializer})
    def post(self, request: Request, claim_id: str) -> Response:
        claim = selectors.claim_get_for_user(
            user=request.user, claim_id=uuid_or_404(claim_id, not_found=gettext("Claim not found."))
        )
        job = services.claim_references_refresh(claim=claim, user=request.user)
        return Response(ReferenceJobOutputSerializer(job).data, status=status.HTTP_202_ACCEPTED)


class ClaimReferenceAddApi(APIView):
    """Add evidence you found yourself to a claim's references, by its URL (editors, or the
    claim's assigned reviewer); the verdict can then cite it. Its page is read and archived in
    the background, like a gathered reference's."""

    throttle_classes = [PersonRateThrottle, FetchRateThrottle]

    @extend_schema(
        request=ReferenceAddInputSerializer,
        responses={
            201: ReferenceOutputSerializer,
            200: OpenApiResponse(ReferenceOutputSerializer, description="The claim already had this URL: that one."),
            409: error_response("The claim is rejected, or its verdict approved."),
        },
    )
    def post(self, request: Request, claim_id: str) -> Response:
        claim = selectors.claim_get_for_user(
            user=request.user, claim_id=uuid_or_404(claim_id, not_found=gettext("Claim not found."))
        )
        serializer = ReferenceAddInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        reference, created = services.claim_reference_add(claim=claim, user=request.user, **serializer.validated_data)
        return Response(
            ReferenceOutputSerializer(reference).data, status=status.HTTP_201_CREATED if created else status.HTTP_200_OK
        )


class ArticleReferenceProgressApi(APIView):
    """How many of the article's claims have their references gathered."""

    @extend_schema(responses=ReferenceProgressOutputSerializer)
    def get(self, request: Request, article_id: str) -> Response:
        article = selectors.article_get_for_user(
            user=request.user, article_id=uuid_or_404(article_id, not_found=gettext("Article not found."))
        )
        progress = selectors.article_reference_progress(article=article)
        # The fan-in summary, once every claim is finished.
        progress["summary"] = selectors.article_reference_summary(article=article) if progress["finished"] else None
        return Response(ReferenceProgressOutputSerializer(progress).data)


# --- Desk source rules (desk admins) -------------------------------------------------------------

RULE_IF_MATCH_PARAMETER = if_match_parameter("source rule")
RULE_CHANGED_SINCE_READ = error_response(
    "The rule changed since the If-Match ETag; nothing was saved. `extra.etag` is the current one."
)


def _rule_editable_fields(rule) -> dict:
    """The rule's fields as the update service takes them, for a PATCH to change some of."""
    return {
        "name": rule.name,
        "label": rule.label,
        "url_template": rule.url_template,
        "reason": rule.reason,
        "topic": rule.topic,
        "kinds": rule.kinds,
        "keywords": rule.keywords,
        "excluded_keywords": rule.excluded_keywords,
        "requires_attribution": rule.requires_attribution,
        "priority": rule.priority,
    }


class _DeskSourceRuleApi(DeskAdminApi):
    """Desk admins only, as in the web's desk settings (outsiders 404, other roles 403). Editors and
    reviewers see what they need of a rule on each claim's source links: its name, label and reason."""

    serializer_class = SourceRuleOutputSerializer

    def get_rule(self):
        return selectors.source_rule_get_for_desk(desk=self.get_desk(), rule_id=self.kwargs["rule_id"])


class DeskSourceRuleListApi(_DeskSourceRuleApi):
    """The rules that suggest source links for the desk's claims, in the order they apply: the
    desk's own and the shared ones (`shared`, read-only here); add a rule of the desk's own."""

    @extend_schema(responses=SourceRuleOutputSerializer(many=True))
    def get(self, request: Request, desk_slug: str) -> Response:
        page = self.paginate_queryset(selectors.source_rule_list_for_desk(desk=self.get_desk()))
        return self.get_paginated_response(SourceRuleOutputSerializer(page, many=True).data)

    @extend_schema(
        request=SourceRuleInputSerializer,
        parameters=[etag_parameter("source rule", statuses=(201,))],
        responses={201: SourceRuleOutputSerializer},
    )
    def post(self, request: Request, desk_slug: str) -> Response:
        serializer = SourceRuleInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        rule = services.source_rule_create(user=request.user, desk=self.get_desk(), **serializer.validated_data)
        return with_etag(SourceRuleOutputSerializer(rule).data, rule, status_code=status.HTTP_201_CREATED)


class DeskSourceRuleDetailApi(_DeskSourceRuleApi):
    """One of the desk's rules. Rules are never deleted, as in the web UI: links already attached
    keep naming their rule, so DELETE deactivates it and PATCH `is_active` turns it back on.
    Shared rules are refused with 403."""

    @extend_schema(parameters=[etag_parameter("source rule")])
    def get(self, request: Request, desk_slug: str, rule_id: str) -> Response:
        rule = self.get_rule()
        return with_etag(SourceRuleOutputSerializer(rule).data, rule)

    @extend_schema(
        request=SourceRuleUpdateInputSerializer,
        parameters=[RULE_IF_MATCH_PARAMETER, etag_parameter("source rule")],
        responses={200: SourceRuleOutputSerializer, 412: RULE_CHANGED_SINCE_READ},
    )
    def patch(self, request: Request, desk_slug: str, rule_id: str) -> Response:
        rule = self.get_rule()
        serializer = SourceRuleUpdateInputSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        changes = dict(serializer.validated_data)
        is_active = changes.pop("is_active", None)
        version_named = if_match_require(request, rule, what="source rule")
        # All or nothing: the changed fields and the switch are saved together.
        with transaction.atomic():
            if changes:
                # The fields left out are kept as read above, so the rule must still be that version.
                rule = services.source_rule_update(
                    user=request.user,
                    rule=rule,
                    expected_updated_at=rule.updated_at,
                    **{**_rule_editable_fields(rule), **changes},
                )
            if is_active is not None:
                active_set = services.source_rule_reactivate if is_active else services.source_rule_deactivate
                # After an update the rule is locked and checked already; else If-Match decides.
                expected = rule.updated_at if version_named and not changes else None
                rule = active_set(user=request.user, rule=rule, expected_updated_at=expected)
        return with_etag(SourceRuleOutputSerializer(rule).data, rule)

    @extend_schema(
        parameters=[RULE_IF_MATCH_PARAMETER, etag_parameter("source rule")],
        responses={
            200: OpenApiResponse(SourceRuleOutputSerializer, description="Deactivated (or already inactive)."),
            412: RULE_CHANGED_SINCE_READ,
        },
    )
    def delete(self, request: Request, desk_slug: str, rule_id: str) -> Response:
        rule = self.get_rule()
        version_named = if_match_require(request, rule, what="source rule")
        rule = services.source_rule_deactivate(
            user=request.user, rule=rule, expected_updated_at=rule.updated_at if version_named else None
        )
        return with_etag(SourceRuleOutputSerializer(rule).data, rule)
