"""Optimistic concurrency: a row's version is its last save, and a write that read an older
version is refused instead of overwriting what someone else saved meanwhile."""

import datetime as dt

from django.db.models import Model, QuerySet
from django.utils.http import quote_etag

from apps.core.exceptions import ApplicationError, NotFoundError


def etag_for(instance) -> str:
    """A strong ETag for a row: its last save (`BaseModel.updated_at`) to the microsecond."""
    return quote_etag(str(int(instance.updated_at.timestamp() * 1_000_000)))


def changed_since_read_error(*, what: str, current) -> ApplicationError:
    return ApplicationError(
        f"The {what} has changed since you read it; fetch it again and reapply your change.",
        extra={"etag": etag_for(current)},
        status=412,
    )


def lock_at_version(queryset: QuerySet, pk, *, expected_updated_at: dt.datetime, what: str) -> Model:
    """The row, locked for the caller's transaction, if it is still the version the caller read;
    412 (naming the current ETag) when it was saved since, 404 when it is gone."""
    # Only the row itself: PostgreSQL refuses to lock the nullable side of a select_related join.
    current = queryset.select_for_update(of=("self",)).filter(pk=pk).first()
    if current is None:
        raise NotFoundError(f"{what.capitalize()} not found.")
    if current.updated_at != expected_updated_at:
        raise changed_since_read_error(what=what, current=current)
    return current
