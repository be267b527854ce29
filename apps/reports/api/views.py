from django.http import HttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.generics import ListAPIView
from rest_framework.views import APIView

from apps.claims.models import Claim
from apps.reports import selectors, services
from apps.reports.search import claim_search, search_results_load

from .serializers import SearchInputSerializer, SearchResultSerializer


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
        responses={(200, "*/*"): OpenApiTypes.BINARY},
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
