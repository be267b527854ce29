"""Idempotency-Key for API writes that create something: a client retrying after a timeout gets
the first answer again instead of a second copy (the header of the IETF httpapi draft)."""

import datetime as dt
import hashlib
import json
from collections.abc import Callable
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext
from drf_spectacular.utils import OpenApiParameter
from rest_framework.request import Request
from rest_framework.response import Response

from apps.core.api.schema import error_response
from apps.core.exceptions import ApplicationError
from apps.core.models import IdempotencyKey

HEADER = "Idempotency-Key"
KEY_LIFETIME = dt.timedelta(hours=24)
MAX_KEY_LENGTH = IdempotencyKey._meta.get_field("key").max_length

IDEMPOTENCY_KEY_PARAMETER = OpenApiParameter(
    HEADER,
    # Printable ASCII with at least one character that is not a space (the key is stripped).
    {"type": "string", "minLength": 1, "maxLength": MAX_KEY_LENGTH, "pattern": "^[ -~]*[!-~][ -~]*$"},
    OpenApiParameter.HEADER,
    description=(
        "A unique value (a UUID, say) per intended write. Sending it again within 24 hours answers "
        "what the first request answered, with `Idempotent-Replayed: true`, and writes nothing."
    ),
)
REPLAYED_PARAMETER = OpenApiParameter(
    "Idempotent-Replayed",
    str,
    OpenApiParameter.HEADER,
    response=[201],
    description="`true` when this is the stored answer to an earlier request with the same Idempotency-Key.",
)
KEY_REUSED = error_response("The Idempotency-Key was already used with a different body; nothing was written.")


def idempotent(request: Request, *, payload: dict[str, Any], respond: Callable[[], Response]) -> Response:
    """`respond()`, or the answer it gave the first time this user sent this request's key.

    Without the header this is just `respond()`. With it, the key is inserted first and
    `respond()` runs in the same transaction: a concurrent request with the same key waits on
    the unique constraint and then replays the answer, and a write that fails leaves no key, so
    the retry runs it again. `payload` is the validated body; the same key with another payload
    is refused (422).
    """
    key = request.headers.get(HEADER)
    if key is None:
        return respond()
    key = key.strip()
    # Control characters too: PostgreSQL cannot store a NUL, which would be a 500.
    if not 0 < len(key) <= MAX_KEY_LENGTH or not key.isprintable():
        raise ApplicationError(
            gettext("The %(header)s header must be 1 to %(length)s printable characters.")
            % {"header": HEADER, "length": MAX_KEY_LENGTH},
            extra={"header": HEADER},
        )
    fingerprint = hashlib.sha256(json.dumps(payload, sort_keys=True, cls=DjangoJSONEncoder).encode()).hexdigest()
    scope = {"user": request.user, "request": f"{request.method} {request.path}", "key": key}
    # Lazy clean-up, in its own short transaction so that no lock is held while `respond()` runs.
    IdempotencyKey.objects.filter(created_at__lt=timezone.now() - KEY_LIFETIME).delete()
    with transaction.atomic():
        try:
            with transaction.atomic():
                record = IdempotencyKey.objects.create(**scope, fingerprint=fingerprint)
        except IntegrityError:
            return _replay(IdempotencyKey.objects.get(**scope), fingerprint=fingerprint)
        response = respond()
        record.response_status = response.status_code
        record.response_body = response.data
        record.save(update_fields=["response_status", "response_body", "updated_at"])
    return response


def _replay(record: IdempotencyKey, *, fingerprint: str) -> Response:
    if record.fingerprint != fingerprint:
        raise ApplicationError(
            gettext(
                "This %(header)s was already used for a request with a different body; "
                "send a new key for a new request."
            )
            % {"header": HEADER},
            extra={"header": HEADER},
            status=422,
        )
    return Response(record.response_body, status=record.response_status, headers={"Idempotent-Replayed": "true"})
