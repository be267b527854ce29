"""Optimistic concurrency for API writes: ETag on the answer, If-Match on the next write."""

from django.utils.http import parse_etags, quote_etag
from rest_framework.request import Request

from apps.core.exceptions import ApplicationError


def etag_for(instance) -> str:
    """A strong ETag for a row: its last save (`BaseModel.updated_at`) to the microsecond."""
    return quote_etag(str(int(instance.updated_at.timestamp() * 1_000_000)))


def if_match_require(request: Request, instance, *, what: str) -> bool:
    """Refuse the write (412) when the request's If-Match names none of `instance`'s ETag.

    True when the client named this version, so the write must still find it when it saves
    (another request may save in between). Without If-Match the write goes ahead, as it did
    before ETags existed; `*` matches any row.
    """
    header = request.headers.get("If-Match")
    if header is None or header.strip() == "*":
        return False
    current = etag_for(instance)
    if current in {quote_etag(tag) for tag in parse_etags(header)}:
        return True
    raise ApplicationError(
        f"The {what} has changed since you read it; fetch it again and reapply your change.",
        extra={"etag": current},
        status=412,
    )
