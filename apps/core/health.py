"""Health endpoints for the load balancer and the orchestrator.

`/healthz` (liveness) says the process answers and touches nothing else, so an outage of the
database does not get every web process restarted. `/readyz` (readiness) checks what requests
need: the database, and the broker when it is Redis (the filesystem broker is a local folder).
A failed check answers 503 and is named, never described: the body is public, so the error
(which names hosts) goes to the log only.

A middleware answers them, first in MIDDLEWARE: probes reach a process by its address (`Host:
10.0.3.7:8000`) over plain HTTP, which ALLOWED_HOSTS and SECURE_SSL_REDIRECT would refuse, and
they need no session, user or CSRF token.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

import redis
from django.conf import settings
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.cache import add_never_cache_headers

logger = logging.getLogger(__name__)

# A probe that hangs is as bad as a failed one: the orchestrator's own timeout is a few seconds.
BROKER_TIMEOUT_SECONDS = 2.0


def database_check() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")


def broker_check() -> None:
    client = redis.Redis.from_url(
        settings.CELERY_BROKER_URL,
        socket_connect_timeout=BROKER_TIMEOUT_SECONDS,
        socket_timeout=BROKER_TIMEOUT_SECONDS,
    )
    try:
        client.ping()
    finally:
        client.close()


def readiness_checks() -> dict[str, Callable[[], None]]:
    checks = {"database": database_check}
    if str(settings.CELERY_BROKER_URL).startswith(("redis://", "rediss://")):
        checks["broker"] = broker_check
    return checks


def readiness_results() -> dict[str, str]:
    """Run every readiness check; each one is "ok" or "failing"."""
    results = {}
    for name, check in readiness_checks().items():
        try:
            check()
        except Exception as error:  # any failure at all means this process cannot serve requests
            logger.warning("Readiness check %r failed: %s: %s", name, type(error).__name__, error)
            results[name] = "failing"
        else:
            results[name] = "ok"
    return results


def _answer(body: dict, status: int) -> HttpResponse:
    response = JsonResponse(body, status=status)
    add_never_cache_headers(response)
    return response


def liveness_response() -> HttpResponse:
    return _answer({"status": "ok"}, 200)


def readiness_response() -> HttpResponse:
    results = readiness_results()
    ready = all(result == "ok" for result in results.values())
    return _answer({"status": "ok" if ready else "failing", "checks": results}, 200 if ready else 503)


HEALTH_ENDPOINTS = {"/healthz": liveness_response, "/readyz": readiness_response}


class HealthCheckMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        endpoint = HEALTH_ENDPOINTS.get(request.path_info)
        if endpoint is None or request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        response = endpoint()
        if request.method == "HEAD":
            # Django's handler leaves a HEAD response's body to the server, and gunicorn warns on each.
            response.content = b""
        return response
