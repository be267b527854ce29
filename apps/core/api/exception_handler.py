"""One error body for the whole API: {"message": str, "extra": {...}}."""

from django.conf import settings
from django.core.exceptions import PermissionDenied, RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.utils.translation import gettext, ngettext
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.serializers import as_serializer_error
from rest_framework.views import exception_handler

from apps.core.exceptions import ApplicationError


def api_exception_handler(exc, context):
    if isinstance(exc, RequestDataTooBig):
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        return Response(
            {
                "message": gettext("The request body is larger than %(limit)s bytes. Upload a large article as a file.")
                % {"limit": f"{limit:,}"},
                "extra": {"limit": limit},
            },
            status=status.HTTP_413_REQUEST_ENTITY_TOO_LARGE,
        )
    if isinstance(exc, TooManyFieldsSent):
        # Django refuses these while parsing the body or query string; unhandled, its HTML 400 page answered.
        limit = settings.DATA_UPLOAD_MAX_NUMBER_FIELDS
        return _limit_error(
            gettext("The request has more than %(limit)s fields; send long lists in a JSON body.")
            % {"limit": f"{limit:,}"},
            limit,
        )
    if isinstance(exc, TooManyFilesSent):
        limit = settings.DATA_UPLOAD_MAX_NUMBER_FILES
        return _limit_error(
            gettext("The request has more than %(limit)s files; upload one file at a time.") % {"limit": f"{limit:,}"},
            limit,
        )
    if isinstance(exc, ApplicationError):
        return Response({"message": exc.message, "extra": exc.extra}, status=exc.status)
    if isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(as_serializer_error(exc))
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    if isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()

    response = exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, exceptions.ValidationError):
        response.data = {"message": gettext("Validation error."), "extra": {"fields": response.data}}
    elif isinstance(exc, exceptions.Throttled):
        retry_after = response.get("Retry-After")
        extra = {} if retry_after is None else {"retry_after": int(retry_after)}
        response.data = {"message": _throttled_message(retry_after), "extra": extra}
    else:
        detail = response.data.get("detail", "") if isinstance(response.data, dict) else ""
        response.data = {"message": str(detail) or gettext("Request failed."), "extra": {}}
    if isinstance(exc, (exceptions.NotAuthenticated, exceptions.AuthenticationFailed)):
        # DRF takes the challenge from the first authentication class; session authentication
        # has none, so it would answer 403 and clients could not tell "send a valid token" from
        # "not allowed". Token is the scheme API clients use.
        response.status_code = status.HTTP_401_UNAUTHORIZED
        response["WWW-Authenticate"] = "Token"
    return response


def _limit_error(message: str, limit: int) -> Response:
    return Response({"message": message, "extra": {"limit": limit}}, status=status.HTTP_400_BAD_REQUEST)


def _throttled_message(retry_after: str | None) -> str:
    if retry_after is None:
        return gettext("Too many requests from your account; try again later.")
    seconds = int(retry_after)
    return ngettext(
        "Too many requests from your account; try again in %(seconds)s second.",
        "Too many requests from your account; try again in %(seconds)s seconds.",
        seconds,
    ) % {"seconds": seconds}
