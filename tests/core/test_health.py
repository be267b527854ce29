"""/healthz and /readyz for the load balancer and the orchestrator (apps/core/health.py)."""

import logging

import pytest
import redis
from django.db import OperationalError
from django.db.backends.base.base import BaseDatabaseWrapper

# Probes reach a process by its address, a host name the site does not serve.
PROBE_HOST = "10.0.3.7:8000"


def _unreachable_database(*args, **kwargs):
    raise OperationalError('connection to server at "db.internal" (10.0.9.9), port 5432 failed: timeout expired')


def test_liveness_answers_without_the_database(client):
    # No django_db mark: any query would fail the test.
    response = client.get("/healthz", HTTP_HOST=PROBE_HOST)

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-store" in response["Cache-Control"]


def test_liveness_answers_while_the_database_is_down(client, monkeypatch):
    monkeypatch.setattr(BaseDatabaseWrapper, "cursor", _unreachable_database)

    assert client.get("/healthz", HTTP_HOST=PROBE_HOST).status_code == 200


@pytest.mark.django_db
def test_readiness_checks_the_database(client, settings):
    settings.CELERY_BROKER_URL = "filesystem://"

    response = client.get("/readyz", HTTP_HOST=PROBE_HOST)

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": "ok"}}
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_readiness_checks_a_redis_broker(client, settings, monkeypatch):
    settings.CELERY_BROKER_URL = "redis://redis.internal:6379/0"
    pinged = []
    monkeypatch.setattr(redis.Redis, "ping", lambda self: pinged.append(True) or True)

    response = client.get("/readyz", HTTP_HOST=PROBE_HOST)

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": "ok", "broker": "ok"}}
    assert pinged


def test_an_unreachable_database_is_503_without_saying_where_it_is(client, settings, monkeypatch, caplog):
    settings.CELERY_BROKER_URL = "filesystem://"
    monkeypatch.setattr(BaseDatabaseWrapper, "cursor", _unreachable_database)

    with caplog.at_level(logging.WARNING, logger="apps.core.health"):
        response = client.get("/readyz", HTTP_HOST=PROBE_HOST)

    assert response.status_code == 503
    assert response.json() == {"status": "failing", "checks": {"database": "failing"}}
    assert b"db.internal" not in response.content
    assert "no-store" in response["Cache-Control"]
    # The operator's log says what went wrong.
    assert any("db.internal" in record.getMessage() for record in caplog.records)


@pytest.mark.django_db
def test_an_unreachable_broker_is_503_without_saying_where_it_is(client, settings):
    # Nothing listens on port 1: the connection is refused at once, on this machine.
    settings.CELERY_BROKER_URL = "redis://:broker-password@127.0.0.1:1/0"

    response = client.get("/readyz", HTTP_HOST=PROBE_HOST)

    assert response.status_code == 503
    assert response.json() == {"status": "failing", "checks": {"database": "ok", "broker": "failing"}}
    assert b"127.0.0.1" not in response.content
    assert b"broker-password" not in response.content


def test_probes_over_plain_http_are_not_redirected_to_https(client, settings):
    settings.SECURE_SSL_REDIRECT = True

    response = client.get("/healthz", HTTP_HOST=PROBE_HOST)

    assert response.status_code == 200


def test_a_head_probe_gets_no_body(client):
    response = client.head("/healthz", HTTP_HOST=PROBE_HOST)

    assert response.status_code == 200
    assert response.content == b""


@pytest.mark.django_db
def test_other_methods_and_paths_are_left_to_the_site(client):
    assert client.post("/healthz").status_code == 404
    assert client.get("/healthz/extra").status_code == 404
