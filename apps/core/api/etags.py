"""ETag on the answer, If-Match on the next write (see apps/core/etags.py for the versions)."""

from django.utils.http import parse_etags, quote_etag
from drf_spectacular.utils import OpenApiParameter
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response

from apps.core.etags import changed_since_read_error, etag_for


def if_match_require(request: Request, instance, *, what: str) -> bool:
    """Refuse the write (412) when the request's If-Match names none of `instance`'s ETag.

    True when the client named this version, so the write must still find it when it saves
    (another request may save in between). Without If-Match the write goes ahead, as it did
    before ETags existed; `*` matches any row.
    """
    header = request.headers.get("If-Match")
    if header is None or header.strip() == "*":
        return False
    if etag_for(instance) in {quote_etag(tag) for tag in parse_etags(header)}:
        return True
    raise changed_since_read_error(what=what, current=instance)


def with_etag(data, instance, *, status_code: int = status.HTTP_200_OK) -> Response:
    response = Response(data, status=status_code)
    response["ETag"] = etag_for(instance)
    return response


def if_match_parameter(what: str) -> OpenApiParameter:
    return OpenApiParameter(
        "If-Match",
        str,
        OpenApiParameter.HEADER,
        description=f"The ETag you read; a {what} changed since is refused with 412 instead of overwritten.",
    )


def etag_parameter(what: str, *, statuses: tuple[int, ...] = (200,)) -> OpenApiParameter:
    description = f"The {what}'s version, for If-Match."
    return OpenApiParameter("ETag", str, OpenApiParameter.HEADER, response=list(statuses), description=description)
