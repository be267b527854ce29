from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

from apps.articles import selectors, services, tips
from apps.core.api.parsers import JSONParser
from apps.core.api.schema import error_response
from apps.core.api.throttling import ImportRateThrottle, PersonRateThrottle
from apps.desks.selectors import desk_for_import, membership_require

from .filters import ArticleFilter, TipFilter
from .serializers import (
    ArticleDetailOutputSerializer,
    ArticleImportInputSerializer,
    ArticleImportOutputSerializer,
    ArticleOutputSerializer,
    ArticleUpdateInputSerializer,
    TipCloseInputSerializer,
    TipOutputSerializer,
)


class ArticleViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.DestroyModelMixin, viewsets.GenericViewSet
):
    """Articles of your desks, newest first. Deleting one (editors) removes its claims, reviews and
    references."""

    serializer_class = ArticleOutputSerializer
    filterset_class = ArticleFilter

    def get_queryset(self):
        # The list counts claims for the page it answers with (`list`), not for the rows before it.
        if self.action == "list":
            return selectors.article_page_list(user=self.request.user)
        return selectors.article_list(user=self.request.user)

    def list(self, request, *args, **kwargs):
        page = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
        articles = selectors.article_claim_counts_attach(articles=page)
        return self.get_paginated_response(self.get_serializer(articles, many=True).data)

    def get_object(self):
        return selectors.article_get(user=self.request.user, article_id=self.kwargs["pk"])

    def get_serializer_class(self):
        return ArticleDetailOutputSerializer if self.action == "retrieve" else ArticleOutputSerializer

    @extend_schema(request=ArticleUpdateInputSerializer, responses={200: ArticleDetailOutputSerializer})
    def partial_update(self, request, pk=None):
        """Editors: record the address where the desk published its fact-check of the article, or
        correct the article's language."""
        serializer = ArticleUpdateInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        article = self.get_object()
        if "fact_check_url" in data:
            url = data["fact_check_url"]
            article = services.article_fact_check_url_set(article=article, user=request.user, url=url)
        if "language" in data:
            article = services.article_language_set(article=article, user=request.user, language=data["language"])
        article = selectors.article_get(user=request.user, article_id=article.pk)
        return Response(ArticleDetailOutputSerializer(article).data)

    def perform_destroy(self, instance):
        membership_require(user=self.request.user, desk=instance.desk, editor=True)
        services.article_delete(article=instance, user=self.request.user)

    @extend_schema(
        request=None,
        responses={
            202: ArticleDetailOutputSerializer,
            409: error_response("The article's intake has not failed (it is queued, running or done)."),
        },
    )
    @action(
        detail=True,
        methods=["post"],
        url_path="retry-intake",
        throttle_classes=[PersonRateThrottle, ImportRateThrottle],
    )
    def retry_intake(self, request, pk=None):
        """Editors: queue again the finding of claims for an article whose intake failed."""
        queued = services.article_intake_retry(article=self.get_object(), user=request.user)
        article = selectors.article_get(user=request.user, article_id=queued.pk)
        return Response(ArticleDetailOutputSerializer(article).data, status=status.HTTP_202_ACCEPTED)


class ArticleImportApi(APIView):
    """Import an article from pasted text/Markdown/HTML (`text`), an uploaded .txt/.md/.html,
    Word .docx or PDF file (`file`) or a web page (`url`). A file that cannot be read (damaged,
    encrypted, an old .doc, a zip bomb, a PDF without a text layer) is a 400 with a message.
    Importing the same article again returns the existing one with status 200 and `created: false`.

    A long article is stored at once and its claims are found in the background: the answer is
    202 with `intake_status: "queued"`; poll the article until it is `done` (or `failed`, with
    `intake_error`)."""

    parser_classes = [JSONParser, MultiPartParser, FormParser]
    throttle_classes = [PersonRateThrottle, ImportRateThrottle]

    @extend_schema(
        request=ArticleImportInputSerializer,
        responses={
            201: ArticleImportOutputSerializer,
            200: ArticleImportOutputSerializer,
            202: ArticleImportOutputSerializer,
            404: error_response("The desk named is not one of yours."),
            422: error_response("The URL could not be fetched (refused address, timeout, error page)."),
        },
    )
    def post(self, request):
        serializer = ArticleImportInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        desk = desk_for_import(user=request.user, desk_ref=data.get("desk"))
        upload = data.get("file")
        result = services.article_import(
            desk=desk,
            user=request.user,
            text=data.get("text"),
            data=upload.read(services.article_upload_max_bytes() + 1) if upload is not None else None,
            filename=upload.name if upload is not None else "",
            url=data.get("url"),
            language=data.get("language") or None,  # empty, as a form sends it: detected
        )
        article = selectors.article_get(user=request.user, article_id=result.article.pk)
        body = ArticleImportOutputSerializer(article, context={"created": result.created}).data
        if not result.created:
            answer = status.HTTP_200_OK
        elif article.intake_pending:
            answer = status.HTTP_202_ACCEPTED
        else:
            answer = status.HTTP_201_CREATED
        return Response(body, status=answer)


class TipViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    """Reader tips sent to the desks you edit (editors and desk admins): new ones first, then newest
    first. Start a check from one (an article import) or close it. The public sends tips through the
    web form only; this API has no way in for them."""

    serializer_class = TipOutputSerializer
    filterset_class = TipFilter

    def get_queryset(self):
        return tips.tip_list(user=self.request.user)

    def get_object(self):
        return tips.tip_get(user=self.request.user, tip_id=self.kwargs["pk"])

    @extend_schema(
        request=None,
        responses={
            200: TipOutputSerializer,
            409: error_response("The tip is already being checked, checked or closed."),
            422: error_response("The tip's link could not be fetched (refused address, timeout, error page)."),
        },
    )
    @action(
        detail=True,
        methods=["post"],
        url_path="start-check",
        throttle_classes=[PersonRateThrottle, ImportRateThrottle],
    )
    def start_check(self, request, pk=None):
        """Editors: import an article from the tip (its link if it has one, else its text), as any
        import does, and link the tip to it. The answer's `article` is the article's id."""
        tip = tips.tip_check_start(user=request.user, tip=self.get_object())
        return Response(TipOutputSerializer(tips.tip_get(user=request.user, tip_id=tip.pk)).data)

    @extend_schema(
        request=TipCloseInputSerializer,
        responses={200: TipOutputSerializer, 409: error_response("The tip is already checked or closed.")},
    )
    @action(detail=True, methods=["post"], url_path="close")
    def close(self, request, pk=None):
        """Editors: close the tip without a check, with an optional reason the reader is shown. A
        reader who gave an email address is told once."""
        serializer = TipCloseInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        tip = tips.tip_close(
            user=request.user, tip=self.get_object(), public_reason=serializer.validated_data.get("public_reason", "")
        )
        return Response(TipOutputSerializer(tips.tip_get(user=request.user, tip_id=tip.pk)).data)
