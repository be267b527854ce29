from django.http import JsonResponse
from django.urls import Resolver404, resolve
from django.utils.translation import gettext
from django.views.decorators.csrf import csrf_exempt


# API clients authenticate by token and send no CSRF token (DRF's views are exempt too); without
# this, Django's CSRF check answered their writes to a mistyped path with the site's HTML page.
@csrf_exempt
def api_not_found(request, path: str = ""):
    """Unknown API paths answer in the API's error shape rather than with the site's HTML page.

    This route is the last under /api/v1/, so it also catches a path missing its final slash,
    which Django would otherwise redirect (and cannot redirect a POST); the answer names the
    right address instead."""
    message = gettext("There is no API endpoint at %(path)s.") % {"path": request.path}
    if not request.path.endswith("/"):
        try:
            resolved = resolve(request.path + "/")
        except Resolver404:
            resolved = None
        if resolved is not None and resolved.func is not api_not_found:
            message = gettext(
                "There is no API endpoint at %(path)s. Did you mean %(path)s/ (with the final slash)?"
            ) % {"path": request.path}
    return JsonResponse({"message": message, "extra": {}}, status=404)
