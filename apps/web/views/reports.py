from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from apps.core.exceptions import ApplicationError
from apps.reports import selectors, services
from apps.reports.desk_report import desk_report_build, desk_report_desk_get, report_period_parse
from apps.web.errors import application_errors


@login_required
@require_GET
@application_errors()
def article_export(request, article_id, export_format):
    report = selectors.report_get(user=request.user, article_id=article_id)
    export = services.report_export(report=report, export_format=export_format)
    response = HttpResponse(export.content, content_type=export.content_type)
    response["Content-Disposition"] = f'attachment; filename="{export.filename}"'
    return response


@login_required
@require_GET
@application_errors()
def desk_report(request, slug):
    """The desk report for the period in the query (the last 30 days by default). A malformed period
    keeps the form as typed, with the error, and answers 400 with the default period's figures."""
    desk = desk_report_desk_get(user=request.user, slug=slug)
    typed = {"since": request.GET.get("since", ""), "until": request.GET.get("until", "")}
    try:
        period = report_period_parse(**typed)
        period_error = ""
    except ApplicationError as error:
        period = report_period_parse(since=None, until=None)
        period_error = error.message
    report = desk_report_build(desk=desk, period=period)
    return render(
        request,
        "reports/desk_report.html",
        {
            "desk": desk,
            "report": report,
            "period_error": period_error,
            "since_value": typed["since"] if period_error else period.since.isoformat(),
            "until_value": typed["until"] if period_error else period.until.isoformat(),
        },
        status=400 if period_error else 200,
    )
