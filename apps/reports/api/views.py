from django.http import HttpResponse, StreamingHttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.generics import ListAPIView
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from apps.claims.models import Claim
from apps.desks.api.base import DeskEditorApi
from apps.reports import selectors, services
from apps.reports.desk_report import desk_report_build, report_period_parse
from apps.reports.fact_checks import fact_check_feed
from apps.reports.search import claim_search, search_results_load

from .serializers import (
    DeskReportInputSerializer,
    DeskReportOutputSerializer,
    FactCheckFeedInputSerializer,
    SearchInputSerializer,
    SearchResultSerializer,
)

# What each download is, by the media type its format answers with: clients and schema-driven tests
# read a JSON export as the object or list it is, not as an opaque file.
JSON_OBJECTS = {"type": "array", "items": {"type": "object"}}
ARTICLE_EXPORT_RESPONSES = {
    (200, "application/json"): {
        "type": "object",
        "properties": {"article": {"type": "object"}, "claims": {"type": "array", "items": {"type": "object"}}},
        "required": ["article", "claims"],
    },
    (200, "application/ld+json"): JSON_OBJECTS,
    (200, "text/csv"): OpenApiTypes.STR,
    (200, "text/html"): OpenApiTypes.STR,
    (200, "text/markdown"): OpenApiTypes.STR,
    (200, "application/pdf"): OpenApiTypes.BINARY,
}
FACT_CHECK_FEED_RESPONSES = {
    (200, "application/json"): JSON_OBJECTS,
    (200, "application/ld+json"): JSON_OBJECTS,
    (200, "text/csv"): OpenApiTypes.STR,
}


class ArticleExportApi(APIView):
    """Download an article's checked report: html, md, pdf, csv, csv-excel (the same CSV with a
    UTF-8 byte-order mark, which Excel needs to read accented and non-Latin text), json or
    claimreview (JSON-LD of the approved verdicts)."""

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "format",
                str,
                enum=sorted(services.FORMATS),
                default="json",
                description="csv-excel is the csv export with a UTF-8 byte-order mark, for Microsoft Excel; "
                "csv has none, for programs that parse it.",
            )
        ],
        responses=ARTICLE_EXPORT_RESPONSES,
    )
    def get(self, request, article_id):
        report = selectors.report_get(user=request.user, article_id=article_id)
        export = services.report_export(report=report, export_format=request.query_params.get("format", "json"))
        response = HttpResponse(export.content, content_type=export.content_type)
        response["Content-Disposition"] = f'attachment; filename="{export.filename}"'
        return response


class SearchApi(ListAPIView):
    """Search your desks' claims: their text and attribution, their article's title, outlet and
    byline, and their published verdict's rationale (while a verdict is being corrected, the one
    published, as the exports show it). `q` reads like a web search ("a phrase",
    -excluded; on PostgreSQL, words meet their stems and `or` joins alternatives). Results come
    most relevant first, then by the article's publication date, newest first. Without `q` the
    filters alone choose; with neither, the list is empty. Words left out need a word to look for
    or a filter: `q=-russia` alone is a 400 saying so."""

    serializer_class = SearchResultSerializer

    @extend_schema(parameters=[SearchInputSerializer])
    def get(self, request):
        return self.list(request)

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # the schema generator asks for the model
            return Claim.objects.none()
        arguments = SearchInputSerializer(data=self.request.query_params)
        arguments.is_valid(raise_exception=True)
        filters = dict(arguments.validated_data)
        return claim_search(user=self.request.user, query=filters.pop("q"), **filters)

    def paginate_queryset(self, queryset):
        return search_results_load(claims=super().paginate_queryset(queryset))


class DeskReportApi(DeskEditorApi):
    """The desk's figures for a period: articles imported, claims found and published, verdicts by
    rating, corrections, how long checks take, open and overdue work, and each reviewer's share.
    For the desk's editors and admins."""

    serializer_class = DeskReportOutputSerializer

    @extend_schema(parameters=[DeskReportInputSerializer], responses=DeskReportOutputSerializer)
    def get(self, request: Request, desk_slug: str) -> Response:
        period = report_period_parse(since=request.query_params.get("since"), until=request.query_params.get("until"))
        report = desk_report_build(desk=self.get_desk(), period=period)
        return Response(DeskReportOutputSerializer(report).data)


class DeskFactCheckFeedApi(DeskEditorApi):
    """The desk's published fact-checks, one per claim with a published verdict of its own, oldest
    first publication first: csv (cells that would start a spreadsheet formula are prefixed with
    "'"), json (a list), or claimreview (a JSON-LD list of schema.org ClaimReview). Streamed, so a
    large desk's feed is not built in memory. For the desk's editors and admins."""

    @extend_schema(parameters=[FactCheckFeedInputSerializer], responses=FACT_CHECK_FEED_RESPONSES)
    def get(self, request: Request, desk_slug: str) -> StreamingHttpResponse:
        period = report_period_parse(
            since=request.query_params.get("since"), until=request.query_params.get("until"), open_ended=True
        )
        feed = fact_check_feed(
            desk=self.get_desk(), period=period, feed_format=request.query_params.get("format", "json")
        )
        response = StreamingHttpResponse(feed.pieces, content_type=feed.content_type)
        response["Content-Disposition"] = f'attachment; filename="{feed.filename}"'
        return response
