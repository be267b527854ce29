import uuid

from rest_framework import exceptions


def uuid_query_param(value: str | None, name: str) -> uuid.UUID | None:
    """A query parameter that must be an id, or None when it is absent; a malformed one is a 400 naming it."""
    if value in (None, ""):
        return None
    try:
        return uuid.UUID(value)
    except ValueError:
        raise exceptions.ValidationError({name: "Must be a UUID."}) from None
