from urllib.parse import urlsplit

from django import template

register = template.Library()


@register.filter
def web_url(value: str) -> str:
    """The URL if it is http(s), else "": links from outside services and imported articles
    must never become `javascript:` or `data:` hrefs."""
    url = str(value or "").strip()
    return url if urlsplit(url).scheme.lower() in ("http", "https") else ""
