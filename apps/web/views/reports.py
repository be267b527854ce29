from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.views.decorators.http import require_GET

from apps.reports import selectors, services
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
