import uuid

from apps.core.exceptions import NotFoundError


def uuid_or_404(value, *, not_found: str) -> uuid.UUID:
    """Parse an id from a URL or request body; a malformed one is simply not found (`not_found`, the
    caller's whole sentence, "Task not found.", in the reader's language)."""
    if isinstance(value, uuid.UUID):
        return value
    try:
        return uuid.UUID(str(value))
    except (TypeError, ValueError):
        raise NotFoundError(not_found) from None
