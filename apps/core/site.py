"""Links to the desk's own pages from outside a request: emails, webhook events, chat lines."""

from django.conf import settings


def site_url(path: str) -> str:
    """An absolute link to a page of the desk (`FACTCHECK_BASE_URL` and the path)."""
    return f"{settings.SITE_URL}{path}"
