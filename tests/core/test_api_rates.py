"""How many API requests one person may make: all of them, and imports and reference fetches apart.
Refusals are documented 429s that say when to try again, in the reader's language, and save
nothing; the counts are shared through Redis when it is the cache, and a Redis outage lets
requests through rather than refusing them."""

import logging
import uuid

import pytest
import redis
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from apps.articles.models import Article
from apps.core.api import throttling
from apps.references.models import JobStatus
from tests.api_contract import assert_documented
from tests.factories import ClaimFactory, ReferenceJobFactory

pytestmark = pytest.mark.django_db

IMPORT_URL = "/api/v1/articles/import/"


def _import(client, number: int, **headers):
    text = f"Russia and China have vetoed {number} UN Security Council resolutions on Syria since October 2011."
    return client.post(IMPORT_URL, {"text": text}, format="json", **headers)


@pytest.fixture
def clock(monkeypatch):
    """The throttles' clock, moved by hand."""
    now = [1_000_000.0]
    monkeypatch.setattr(throttling.PersonRateThrottle, "timer", lambda self: now[0])
    return now


def test_imports_past_the_rate_are_refused_with_when_to_try_again(settings, editor_api, clock):
    settings.API_RATES = {"person": "100/minute", "imports": "3/minute", "fetches": None}
    for number in range(3):
        assert _import(editor_api, number).status_code == 201
    clock[0] += 20

    refused = _import(editor_api, 3)

    assert refused.status_code == 429
    assert int(refused["Retry-After"]) == 40
    assert refused.json() == {
        "message": "Too many requests from your account; try again in 40 seconds.",
        "extra": {"retry_after": 40},
    }
    assert_documented(refused)
    assert Article.objects.count() == 3
    assert editor_api.get("/api/v1/articles/").status_code == 200  # other requests go on

    clock[0] += 40
    assert _import(editor_api, 3).status_code == 201


def test_one_persons_requests_do_not_spend_anothers(settings, editor_api, desk_admin_api, clock):
    settings.API_RATES = {"person": "2/minute", "imports": None, "fetches": None}
    assert [editor_api.get("/api/v1/articles/").status_code for _ in range(3)] == [200, 200, 429]

    assert desk_admin_api.get("/api/v1/articles/").status_code == 200


def test_a_token_and_a_session_of_one_account_share_its_count(settings, editor, clock):
    settings.API_RATES = {"person": "2/minute", "imports": None, "fetches": None}
    with_token = APIClient()
    with_token.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=editor).key}")
    in_session = APIClient()
    in_session.force_login(editor)

    assert with_token.get("/api/v1/articles/").status_code == 200
    assert in_session.get("/api/v1/articles/").status_code == 200
    assert with_token.get("/api/v1/articles/").status_code == 429
    assert in_session.get("/api/v1/articles/").status_code == 429


def test_the_refusal_is_in_the_readers_language(settings, editor_api, clock):
    settings.API_RATES = {"person": "1/minute", "imports": None, "fetches": None}
    editor_api.get("/api/v1/articles/")

    refused = editor_api.get("/api/v1/articles/", HTTP_ACCEPT_LANGUAGE="es")

    assert refused.status_code == 429
    assert refused.json()["message"] == "Demasiadas solicitudes desde su cuenta; vuelva a intentarlo en 60 segundos."


def test_gathering_references_again_has_its_own_rate(settings, desk, editor_api, clock):
    settings.API_RATES = {"person": "100/minute", "imports": "1/minute", "fetches": "2/minute"}
    claim = ClaimFactory(article__desk=desk)
    ReferenceJobFactory(claim=claim, status=JobStatus.DONE, attempts=1)
    url = reverse("api:claim-refresh-references", args=[claim.id])
    assert _import(editor_api, 1).status_code == 201  # the import rate is spent, not the fetch rate

    answers = [editor_api.post(url).status_code for _ in range(3)]

    assert answers == [202, 202, 429]


def test_a_rate_left_empty_is_no_limit(settings, editor_api, clock):
    settings.API_RATES = {"person": None, "imports": None, "fetches": None}

    assert {_import(editor_api, number).status_code for number in range(40)} == {201}


def test_every_operation_that_needs_credentials_documents_the_refusal():
    from tests.api_contract import api_schema

    operations = [
        (path, method, operation)
        for path, methods in api_schema()["paths"].items()
        for method, operation in methods.items()
        if operation.get("security") and {} not in operation["security"]
    ]

    assert operations
    for path, method, operation in operations:
        refusal = operation["responses"].get("429")
        assert refusal is not None, f"{method.upper()} {path} does not document 429"
        assert refusal["headers"]["Retry-After"]["schema"]["type"] == "integer"


@pytest.mark.redis
def test_the_counts_live_in_redis_for_every_web_process(settings, editor_api, clock):
    prefix = f"rates-test-{uuid.uuid4()}"
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": settings.REDIS_URL,
            "KEY_PREFIX": prefix,
        }
    }
    settings.API_RATES = {"person": "2/minute", "imports": None, "fetches": None}
    server = redis.Redis.from_url(settings.REDIS_URL)
    try:
        assert editor_api.get("/api/v1/articles/").status_code == 200

        assert server.keys(f"{prefix}:*throttle_person_*")  # where another web process reads it
        assert editor_api.get("/api/v1/articles/").status_code == 200
        assert editor_api.get("/api/v1/articles/").status_code == 429
    finally:
        for key in server.scan_iter(f"{prefix}:*"):
            server.delete(key)


def test_an_unreachable_cache_lets_requests_through(settings, editor_api, caplog):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens on port 1
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
    settings.API_RATES = {"person": "1/minute", "imports": "1/minute", "fetches": None}

    with caplog.at_level(logging.WARNING, logger="apps.core.api.throttling"):
        answers = [_import(editor_api, number).status_code for number in range(2)]

    assert answers == [201, 201]
    assert Article.objects.count() == 2
    assert "the cache is unreachable" in caplog.text
