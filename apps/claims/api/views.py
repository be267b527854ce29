import uuid

from django.utils.translation import gettext
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import exceptions, mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from apps.articles.selectors import article_get
from apps.claims import selectors, services
from apps.claims.models import ClaimKind, ClaimStatus
from apps.core.api.audit import ClaimHistoryEventOutputSerializer
from apps.core.api.etags import etag_parameter, if_match_parameter, if_match_require, with_etag
from apps.core.api.idempotency import IDEMPOTENCY_KEY_PARAMETER, KEY_REUSED, REPLAYED_PARAMETER, idempotent
from apps.core.api.params import language_query_param, uuid_query_param
from apps.core.api.schema import error_response
from apps.core.audit import audit_claim_events, audit_earlier_claims
from apps.core.exceptions import NotFoundError

from .serializers import (
    ArticleExtractionOutputSerializer,
    ClaimCreateInputSerializer,
    ClaimEditInputSerializer,
    ClaimFeedbackRowSerializer,
    ClaimMergeInputSerializer,
    ClaimOutputSerializer,
    ClaimRejectInputSerializer,
    ClaimSplitInputSerializer,
)

IF_MATCH_PARAMETER = if_match_parameter("claim")
ETAG_PARAMETER = etag_parameter("claim")
CHANGED_SINCE_READ = error_response(
    "The claim changed since the If-Match ETag; nothing was saved. `extra.etag` is the current one."
)
UNDER_REVIEW = error_response("The claim is under review (`extra.task_status`); return or finish the review first.")


@extend_schema_view(
    list=extend_schema(
        parameters=[
            OpenApiParameter("article", uuid.UUID, description="Only this article's claims."),
            OpenApiParameter("status", str, enum=ClaimStatus.values, description="Only claims in this status"),
            OpenApiParameter("kind", str, enum=ClaimKind.values, description="Only claims of this kind"),
            OpenApiParameter(
                "language",
                str,
                description='Only claims of articles in this language, a BCP 47 tag ("es"; "pt" also finds "pt-BR")',
            ),
        ]
    )
)
class ClaimViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Claims of your desks' articles. Editors can add a claim for any passage (POST), and
    reject, release, edit, merge or split claims; each change is kept as training feedback.
    `matched_claim` is an earlier checked claim this one repeats, with its verdict; editors
    confirm or dismiss suggested matches."""

    serializer_class = ClaimOutputSerializer

    def get_queryset(self):
        params = self.request.query_params
        return selectors.claim_list(
            user=self.request.user,
            article=uuid_query_param(params.get("article"), "article"),
            status=_choice_query_param(params.get("status"), "status", ClaimStatus.values),
            kind=_choice_query_param(params.get("kind"), "kind", ClaimKind.values),
            language=language_query_param(params.get("language")),
        )

    def get_object(self):
        return selectors.claim_get(user=self.request.user, claim_id=self.kwargs["pk"])

    @extend_schema(parameters=[ETAG_PARAMETER])
    def retrieve(self, request, pk=None):
        claim = self.get_object()
        return with_etag(ClaimOutputSerializer(claim).data, claim)

    @extend_schema(
        request=ClaimCreateInputSerializer,
        parameters=[IDEMPOTENCY_KEY_PARAMETER, REPLAYED_PARAMETER],
        responses={
            201: ClaimOutputSerializer,
            409: error_response("The article's claims are still being found; add the claim once they are listed."),
            422: KEY_REUSED,
        },
    )
    def create(self, request):
        data = _validated(ClaimCreateInputSerializer, request)

        def create_claim() -> Response:
            article = article_get(user=request.user, article_id=data["article"])
            claim = services.claim_create_from_span(
                article=article, user=request.user, start=data["start"], end=data["end"], text=data.get("text", "")
            )
            return Response(ClaimOutputSerializer(claim).data, status=status.HTTP_201_CREATED)

        return idempotent(request, payload=data, respond=create_claim)

    @extend_schema(
        request=ClaimRejectInputSerializer,
        responses={
            200: ClaimOutputSerializer,
            409: error_response("The claim has a verdict waiting for approval or approved (`extra.task_status`)."),
        },
    )
    @action(detail=True, methods=["post"])
    def reject(self, request, pk=None):
        data = _validated(ClaimRejectInputSerializer, request)
        claim = services.claim_reject(claim=self.get_object(), user=request.user, reason=data["reason"])
        return Response(ClaimOutputSerializer(claim).data)

    @extend_schema(request=None, responses=ClaimOutputSerializer)
    @action(detail=True, methods=["post"])
    def release(self, request, pk=None):
        claim = services.claim_release(claim=self.get_object(), user=request.user)
        return Response(ClaimOutputSerializer(claim).data)

    @extend_schema(
        request=ClaimEditInputSerializer,
        parameters=[IF_MATCH_PARAMETER, ETAG_PARAMETER],
        responses={200: ClaimOutputSerializer, 409: UNDER_REVIEW, 412: CHANGED_SINCE_READ},
    )
    @action(detail=True, methods=["post"])
    def edit(self, request, pk=None):
        data = _validated(ClaimEditInputSerializer, request)
        claim = self.get_object()
        version_named = if_match_require(request, claim, what="claim")
        claim = services.claim_update(
            claim=claim,
            user=request.user,
            text=data["text"],
            expected_updated_at=claim.updated_at if version_named else None,
        )
        return with_etag(ClaimOutputSerializer(claim).data, claim)

    @extend_schema(request=ClaimMergeInputSerializer, responses={200: ClaimOutputSerializer, 409: UNDER_REVIEW})
    @action(detail=True, methods=["post"])
    def merge(self, request, pk=None):
        data = _validated(ClaimMergeInputSerializer, request)
        claims = [self.get_object()]
        claims += [selectors.claim_get(user=request.user, claim_id=claim_id) for claim_id in data["claims"]]
        merged = services.claim_merge(claims=claims, user=request.user, text=data.get("text", ""))
        return Response(ClaimOutputSerializer(merged).data)

    @extend_schema(
        request=ClaimSplitInputSerializer,
        responses={
            201: ClaimOutputSerializer(many=True),
            400: error_response("A part is outside the article or empty: `extra.part` is its index in `parts`."),
            409: UNDER_REVIEW,
        },
    )
    @action(detail=True, methods=["post"], pagination_class=None)
    def split(self, request, pk=None):
        data = _validated(ClaimSplitInputSerializer, request)
        parts = [dict(part) for part in data["parts"]]
        created = services.claim_split(claim=self.get_object(), user=request.user, parts=parts)
        return Response(ClaimOutputSerializer(created, many=True).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=None, responses=ClaimOutputSerializer)
    @action(detail=True, methods=["post"], url_path="match-confirm")
    def match_confirm(self, request, pk=None):
        claim = services.claim_match_confirm(claim=self.get_object(), user=request.user)
        return Response(ClaimOutputSerializer(selectors.claim_get(user=request.user, claim_id=claim.pk)).data)

    @extend_schema(request=None, responses=ClaimOutputSerializer)
    @action(detail=True, methods=["post"], url_path="match-dismiss")
    def match_dismiss(self, request, pk=None):
        claim = services.claim_match_dismiss(claim=self.get_object(), user=request.user)
        return Response(ClaimOutputSerializer(claim).data)

    @extend_schema(responses=ClaimHistoryEventOutputSerializer(many=True))
    @action(detail=True, methods=["get"])
    def history(self, request, pk=None):
        """The claim's audit trail, newest first: who added, edited, rejected, assigned, reviewed,
        returned or approved it, and when, with old and new values; its article's own events
        (imported, fact-check address set) are included, and so are those of the claims merged
        into it, each naming its merged claim (`merged_claim`), and those of the claim split into it and
        others, naming that claim (`split_claim`). Any member of the claim's desk."""
        claim = self.get_object()
        earlier = audit_earlier_claims(claim_id=claim.pk)
        events = self.paginate_queryset(
            audit_claim_events(claim_id=claim.pk, article_id=claim.article_id, earlier_claim_ids=earlier)
        )
        serializer = ClaimHistoryEventOutputSerializer(events, many=True, context={"earlier_claims": earlier})
        return self.get_paginated_response(serializer.data)

    @extend_schema(
        parameters=[OpenApiParameter("article", uuid.UUID, required=True, description="The article's id.")],
        responses={
            200: ArticleExtractionOutputSerializer,
            404: error_response("No such article on your desks, or it has not been through extraction."),
        },
    )
    @action(detail=False, methods=["get"])
    def extraction(self, request):
        """How automatic extraction went for one article (e.g. refused as not English)."""
        article_id = uuid_query_param(request.query_params.get("article"), "article")
        if article_id is None:
            raise exceptions.ValidationError({"article": gettext("This query parameter is required.")})
        article = article_get(user=request.user, article_id=article_id)
        extraction = selectors.article_extraction_get(article=article)
        if extraction is None:
            raise NotFoundError(gettext("This article has not been through extraction."))
        return Response(ArticleExtractionOutputSerializer(extraction).data)

    @extend_schema(
        parameters=[OpenApiParameter("desk", str, description="Only this desk (slug); default every desk you edit")],
        responses={200: ClaimFeedbackRowSerializer(many=True), 404: error_response("No desk of yours has that slug.")},
    )
    @action(detail=False, methods=["get"], pagination_class=None)
    def feedback(self, request):
        """Editors' check-worthiness verdicts as training rows, oldest first: each rejected claim
        (label false) and each claim added or released into the queue (true), one row per claim
        with its latest verdict. The same rows as `manage.py export_claim_feedback`; editors only."""
        desk_ids = selectors.claim_feedback_desk_ids(user=request.user, desk_slug=request.query_params.get("desk"))
        rows = selectors.claim_feedback_training_rows(desk_ids=desk_ids)
        return Response(ClaimFeedbackRowSerializer(rows, many=True).data)


def _choice_query_param(value: str | None, name: str, choices: list[str]) -> str | None:
    """A filter the API does not understand is refused: ignoring it would answer as if it matched."""
    if value is not None and value not in choices:
        raise exceptions.ValidationError({name: gettext("One of %(choices)s.") % {"choices": ", ".join(choices)}})
    return value


def _validated(serializer_class, request) -> dict:
    serializer = serializer_class(data=request.data)
    serializer.is_valid(raise_exception=True)
    return serializer.validated_data
