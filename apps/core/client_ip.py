"""The address a request came from, for counting failed sign-ins (django-axes' AXES_CLIENT_IP_CALLABLE)."""

import ipaddress

from django.conf import settings


def client_ip_address(request) -> str | None:
    """REMOTE_ADDR; behind a reverse proxy (`settings.CLIENT_IP_HEADER`), the address the proxy wrote.

    A proxy appends the address it was reached from to X-Forwarded-For, after whatever the client
    sent, so the client's own address is the CLIENT_IP_PROXY_COUNT-th from the right: the entries
    left of it are the client's to invent. A request without the header (a probe that bypassed the
    proxy) or with a malformed entry is counted under REMOTE_ADDR.
    """
    remote_addr = request.META.get("REMOTE_ADDR")
    if not settings.CLIENT_IP_HEADER:
        return remote_addr
    entries = [entry.strip() for entry in request.META.get(settings.CLIENT_IP_HEADER, "").split(",")]
    entries = [entry for entry in entries if entry]
    if len(entries) < settings.CLIENT_IP_PROXY_COUNT:
        return remote_addr
    candidate = entries[-settings.CLIENT_IP_PROXY_COUNT]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote_addr
