"""The Celery reliability system checks (apps/core/checks.py)."""

from apps.core.checks import celery_reliability_check


def _ids(errors):
    return {error.id for error in errors}


def test_default_settings_pass(settings):
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:6379/0"
    settings.CELERY_BROKER_VISIBILITY_TIMEOUT = 3600
    settings.CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 3600}
    settings.CELERY_TASK_TIME_LIMIT = 180
    settings.CELERY_TASK_SOFT_TIME_LIMIT = 120

    assert celery_reliability_check() == []


def test_hard_limit_at_or_above_the_visibility_timeout_is_an_error(settings):
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:6379/0"
    settings.CELERY_BROKER_VISIBILITY_TIMEOUT = 300
    settings.CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 300}
    settings.CELERY_TASK_TIME_LIMIT = 300
    settings.CELERY_TASK_SOFT_TIME_LIMIT = 200

    assert "core.E003" in _ids(celery_reliability_check())


def test_retry_delay_plus_hard_limit_must_fit_in_the_visibility_timeout(settings):
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:6379/0"
    settings.CELERY_BROKER_VISIBILITY_TIMEOUT = 300
    settings.CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 300}
    settings.CELERY_TASK_TIME_LIMIT = 200
    settings.CELERY_TASK_SOFT_TIME_LIMIT = 100
    settings.REFERENCE_RETRY_BACKOFF_MAX_SECONDS = 120
    settings.ARTICLE_INTAKE_TIME_LIMIT_SECONDS = 120

    assert _ids(celery_reliability_check()) == {"core.E005"}


def test_the_long_article_intake_limit_must_fit_in_the_visibility_timeout(settings):
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:6379/0"
    settings.CELERY_BROKER_VISIBILITY_TIMEOUT = 1800
    settings.CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 1800}
    settings.CELERY_TASK_TIME_LIMIT = 180
    settings.CELERY_TASK_SOFT_TIME_LIMIT = 120
    settings.ARTICLE_INTAKE_TIME_LIMIT_SECONDS = 1800

    assert _ids(celery_reliability_check()) == {"core.E006"}


def test_disagreeing_visibility_timeouts_and_soft_above_hard(settings):
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:6379/0"
    settings.CELERY_BROKER_VISIBILITY_TIMEOUT = 3600
    settings.CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 600}
    settings.CELERY_TASK_TIME_LIMIT = 100
    settings.CELERY_TASK_SOFT_TIME_LIMIT = 150

    assert {"core.E001", "core.E004"} <= _ids(celery_reliability_check())


def test_filesystem_broker_is_not_checked(settings):
    settings.CELERY_BROKER_URL = "filesystem://"
    settings.CELERY_TASK_TIME_LIMIT = 10**6

    assert celery_reliability_check() == []
