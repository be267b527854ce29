"""System checks: the Celery settings that keep work from being lost or run twice, and the settings
without which a production deploy is unsafe or unreachable.

On Redis a message that is not acknowledged within the visibility timeout is handed to another
worker, so a task still running then runs twice (celery docs, "Redis: visibility timeout").
Hard time limits and retry delays must therefore stay well below it, and the timeout must be
the same everywhere it is configured (celery #7651: the shortest value wins).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.checks import Error, Warning, register, run_checks
from django.core.management.base import SystemCheckError


def _visibility_timeouts() -> dict[str, Any]:
    found = {"CELERY_BROKER_VISIBILITY_TIMEOUT": getattr(settings, "CELERY_BROKER_VISIBILITY_TIMEOUT", None)}
    for name in ("CELERY_BROKER_TRANSPORT_OPTIONS", "CELERY_RESULT_BACKEND_TRANSPORT_OPTIONS"):
        options = getattr(settings, name, None) or {}
        if "visibility_timeout" in options:
            found[f"{name}['visibility_timeout']"] = options["visibility_timeout"]
    return {key: value for key, value in found.items() if value is not None}


@register("celery")
def celery_reliability_check(app_configs: Any = None, **kwargs: Any) -> list:
    errors: list = []
    broker = str(getattr(settings, "CELERY_BROKER_URL", ""))
    if not broker.startswith(("redis://", "rediss://")):
        return errors  # the filesystem broker has no visibility timeout
    timeouts = _visibility_timeouts()
    if len(set(timeouts.values())) > 1:
        errors.append(
            Error(
                f"Celery visibility timeouts disagree: {timeouts}.",
                hint="Set the same value everywhere; Redis uses the shortest one.",
                id="core.E001",
            )
        )
    visibility = min(timeouts.values()) if timeouts else 3600
    hard = getattr(settings, "CELERY_TASK_TIME_LIMIT", None)
    soft = getattr(settings, "CELERY_TASK_SOFT_TIME_LIMIT", None)
    if hard is None:
        errors.append(Error("CELERY_TASK_TIME_LIMIT is not set.", id="core.E002"))
    elif hard >= visibility:
        errors.append(
            Error(
                f"CELERY_TASK_TIME_LIMIT ({hard}s) must be below the visibility timeout ({visibility}s).",
                hint="Otherwise Redis redelivers a task that is still running and it runs twice.",
                id="core.E003",
            )
        )
    if hard is not None and soft is not None and soft >= hard:
        errors.append(
            Error(f"CELERY_TASK_SOFT_TIME_LIMIT ({soft}s) must be below the hard limit ({hard}s).", id="core.E004")
        )
    # Read from settings, not from the task objects: touching the Celery app here would
    # configure it from inside Django's check framework.
    longest_retry = max(
        int(getattr(settings, "REFERENCE_RETRY_BACKOFF_MAX_SECONDS", 0)),
        int(getattr(settings, "REFERENCE_ARCHIVE_RECHECK_SECONDS", 0)),
        int(getattr(settings, "WEBHOOK_RETRY_BACKOFF_MAX_SECONDS", 0)),
    )
    if hard is not None and longest_retry + hard >= visibility:
        errors.append(
            Error(
                f"A retry countdown of up to {longest_retry}s plus the {hard}s time limit reaches the "
                f"visibility timeout ({visibility}s).",
                hint="Retried tasks wait unacknowledged in the worker; lower the countdowns.",
                id="core.E005",
            )
        )
    intake_hard = int(getattr(settings, "ARTICLE_INTAKE_TIME_LIMIT_SECONDS", 0)) + 60
    if intake_hard >= visibility:
        errors.append(
            Error(
                f"The article intake task's hard time limit ({intake_hard}s) must be below the visibility "
                f"timeout ({visibility}s).",
                hint="Lower FACTCHECK_ARTICLE_INTAKE_TIME_LIMIT or raise CELERY_VISIBILITY_TIMEOUT.",
                id="core.E006",
            )
        )
    if getattr(settings, "CELERY_TASK_REJECT_ON_WORKER_LOST", False) and not getattr(
        settings, "CELERY_TASK_ACKS_LATE", False
    ):
        errors.append(
            Warning("CELERY_TASK_REJECT_ON_WORKER_LOST has no effect without CELERY_TASK_ACKS_LATE.", id="core.W001")
        )
    return errors


# Keys that are in this repository for anyone to read: .env.example's placeholder and the
# key settings.py falls back to in DEBUG. Sessions and password resets signed with them can be forged.
PUBLISHED_SECRET_KEYS = {"change-me", "insecure-development-key-only-for-debug"}
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1", "[::1]", "testserver"}


@register("security")
def secret_key_check(app_configs: Any = None, **kwargs: Any) -> list:
    if settings.DEBUG:
        return []
    if settings.SECRET_KEY in PUBLISHED_SECRET_KEYS or settings.SECRET_KEY.startswith("django-insecure-"):
        return [
            Error(
                "DJANGO_SECRET_KEY is a published placeholder, and DJANGO_DEBUG is off.",
                hint="Set DJANGO_SECRET_KEY to a long random value, e.g. the output of "
                "`python -c 'import secrets; print(secrets.token_urlsafe(50))'`.",
                id="core.E007",
            )
        ]
    return []


@register("security", deploy=True)
def allowed_hosts_check(app_configs: Any = None, **kwargs: Any) -> list:
    if settings.DEBUG or not set(settings.ALLOWED_HOSTS) <= LOCAL_HOSTS:
        return []
    return [
        Error(
            f"ALLOWED_HOSTS names only this machine ({', '.join(settings.ALLOWED_HOSTS)}): a request for the "
            "site's public name is answered 400 Bad Request.",
            hint="Set DJANGO_ALLOWED_HOSTS to the host names the proxy passes on, e.g. factcheck.example.org.",
            id="core.E008",
        )
    ]


@register("staticfiles", deploy=True)
def static_files_collected_check(app_configs: Any = None, **kwargs: Any) -> list:
    if settings.DEBUG or Path(settings.STATIC_ROOT).is_dir():
        return []
    return [
        Warning(
            f"STATIC_ROOT ({settings.STATIC_ROOT}) does not exist: pages are served without their styles and scripts.",
            hint="Run `manage.py collectstatic --no-input` on each web machine (`make serve` does).",
            id="core.W002",
        )
    ]


@register("security", deploy=True)
def https_redirect_check(app_configs: Any = None, **kwargs: Any) -> list:
    if not settings.SECURE_SSL_REDIRECT or settings.SECURE_PROXY_SSL_HEADER:
        return []
    return [
        Warning(
            "SECURE_SSL_REDIRECT is on but no proxy header says a request came over HTTPS: behind a proxy that "
            "terminates TLS, every request is redirected to HTTPS again, forever.",
            hint="Set DJANGO_SECURE_PROXY_SSL_HEADER to the header the proxy sets, e.g. X-Forwarded-Proto (unless "
            "gunicorn itself serves TLS).",
            id="core.W003",
        )
    ]


def refuse_to_serve_with_deploy_errors() -> None:
    """Raise SystemCheckError if `check --deploy` finds errors (not warnings) while DEBUG is off.

    A WSGI server runs no system checks: without this a published secret key would be served, and
    host names that are all this machine's would show only as every request failing with 400.
    """
    if settings.DEBUG:
        return
    errors = [
        message
        for message in run_checks(include_deployment_checks=True)
        if message.is_serious() and not message.is_silenced()
    ]
    if errors:
        raise SystemCheckError("manage.py check --deploy finds errors:\n" + "\n".join(map(str, errors)))
