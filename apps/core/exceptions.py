from typing import Any

from django.utils.translation import gettext


class ApplicationError(Exception):
    """A domain rule was broken; the message is safe to show to the user.

    `status` is the HTTP status the API answers with (400 unless a service says otherwise,
    e.g. 403 for acting on someone else's task, 404 for something outside the user's desks).
    """

    def __init__(self, message: str, *, extra: dict[str, Any] | None = None, status: int = 400):
        super().__init__(message)
        self.message = message
        self.extra = extra or {}
        self.status = status


class NotFoundError(ApplicationError):
    def __init__(self, message: str | None = None, *, extra: dict[str, Any] | None = None):
        super().__init__(gettext("Not found.") if message is None else message, extra=extra, status=404)


class PermissionDeniedError(ApplicationError):
    def __init__(self, message: str, *, extra: dict[str, Any] | None = None):
        super().__init__(message, extra=extra, status=403)
