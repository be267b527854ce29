"""Links to the desk's own pages from outside a request: emails, webhook events, chat lines."""

from django.conf import settings

# The name the pages and emails give the site (base.html's brand).
SITE_NAME = "factcheck"


def site_url(path: str) -> str:
    """An absolute link to a page of the desk (`FACTCHECK_BASE_URL` and the path)."""
    return f"{settings.SITE_URL}{path}"
