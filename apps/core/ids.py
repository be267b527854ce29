import uuid

from apps.core.exceptions import NotFoundError


def uuid_or_404(value, *, what: str = "Object") -> uuid.UUID:
    """Parse an id from a URL or request body; a malformed one is simply not found."""
    if isinstance(value, uuid.UUID):
        return value
    try:
        return uuid.UUID(str(value))
    except (TypeError, ValueError):
        raise NotFoundError(f"{what} not found.") from None
