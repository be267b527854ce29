"""Password guessing is slowed by django-axes: five wrong passwords for one name from one address pause
signing in as that name from that address for fifteen minutes, on the site's and the admin's login
pages alike, with a page saying until when. Other names and other addresses go on as before."""

import datetime as dt
import html

import pytest
from axes.exceptions import AxesBackendRequestParameterRequired
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import F
from django.http import HttpRequest
from django.test import Client
from django.urls import reverse

from apps.core.audit import audit_event_summary
from apps.core.client_ip import client_ip_address
from apps.core.models import AuditAction, AuditEvent
from tests import factories
from tests.core.test_production import PRODUCTION, _settings

pytestmark = pytest.mark.django_db

LIMIT = 5
WRONG = "wrong guess"
FIFTEEN_MINUTES = dt.timedelta(minutes=15)
PAUSED = "Logging in is paused"


@pytest.fixture
def ada():
    return factories.UserFactory(username="ada")


def _log_in(client, username="ada", password=WRONG, *, path="/login/", **extra):
    return client.post(path, {"username": username, "password": password}, **extra)


def _fail(times, client=None, **kwargs):
    client = client or Client()
    return [_log_in(client, **kwargs).status_code for _ in range(times)]


def _signed_in(client) -> bool:
    return client.get(reverse("dashboard")).status_code == 200


def test_the_defaults_are_five_failures_then_fifteen_minutes_by_name_and_address():
    assert settings.AXES_FAILURE_LIMIT == LIMIT
    assert settings.AXES_COOLOFF_TIME == FIFTEEN_MINUTES
    assert settings.AXES_LOCKOUT_PARAMETERS == [["username", "ip_address"]]
    assert settings.AUTHENTICATION_BACKENDS[0] == "axes.backends.AxesStandaloneBackend"


def test_the_fifth_wrong_password_pauses_signing_in_with_a_page_saying_until_when(ada):
    statuses = _fail(LIMIT - 1)
    assert statuses == [200] * (LIMIT - 1)

    locked = _log_in(Client())

    assert locked.status_code == 429
    text = html.unescape(locked.text)
    assert PAUSED in text
    assert "too many wrong passwords for <strong>ada</strong>" in text
    assert "Try again after" in text
    assert "in 15 minutes" in text
    assert 14 * 60 <= int(locked["Retry-After"]) <= 15 * 60
    assert reverse("password_reset") in text


def test_the_right_password_is_refused_while_paused_and_works_after_the_wait(ada):
    _fail(LIMIT)
    client = Client()

    refused = _log_in(client, password=factories.PASSWORD)
    assert refused.status_code == 429
    assert not _signed_in(client)

    # Fifteen minutes later: the attempts are that old.
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - settings.AXES_COOLOFF_TIME - dt.timedelta(seconds=1))
    assert _log_in(client, password=factories.PASSWORD).status_code == 302
    assert _signed_in(client)


def test_attempts_while_paused_do_not_restart_the_wait(ada):
    _fail(LIMIT)
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - dt.timedelta(minutes=10))

    again = _log_in(Client())
    assert again.status_code == 429
    assert "in 5 minutes" in again.text


def test_another_address_or_another_name_is_not_paused(ada):
    factories.UserFactory(username="bea")
    _fail(LIMIT)

    elsewhere = Client()
    assert _log_in(elsewhere, password=factories.PASSWORD, REMOTE_ADDR="203.0.113.9").status_code == 302
    assert _signed_in(elsewhere)
    colleague = Client()
    assert _log_in(colleague, username="bea", password=factories.PASSWORD).status_code == 302
    assert _signed_in(colleague)


def test_signing_in_clears_the_count(ada):
    _fail(LIMIT - 1)
    assert _log_in(Client(), password=factories.PASSWORD).status_code == 302

    assert _fail(LIMIT - 1) == [200] * (LIMIT - 1)


def test_the_admin_login_is_covered_too(root):
    assert _fail(LIMIT - 1, username="root", path="/admin/login/") == [200] * (LIMIT - 1)
    assert _log_in(Client(), username="root", path="/admin/login/").status_code == 429
    assert _log_in(Client(), username="root", password="x", path="/admin/login/").status_code == 429


def test_a_lockout_is_recorded_once_in_the_audit_trail(ada):
    _fail(LIMIT + 2)

    event = AuditEvent.objects.get()
    assert event.action == AuditAction.SIGN_IN_LOCKED
    assert event.actor is None
    assert event.details == {
        "model": "user",
        "object_id": str(ada.pk),
        "name": "ada",
        "ip_address": "127.0.0.1",
        "failures": LIMIT,
    }
    assert WRONG not in str(event.details)
    assert audit_event_summary(event) == (
        "Sign-in to the user \u201cada\u201d locked after 5 failed attempts from 127.0.0.1"
    )


def test_a_name_no_account_has_is_paused_and_recorded_as_tried():
    _fail(LIMIT, username="nobody")
    assert AuditEvent.objects.get().details["name"] == "nobody"
    assert AuditEvent.objects.get().details["object_id"] == ""


def test_the_page_is_in_the_readers_language(ada):
    _fail(LIMIT)
    locked = _log_in(Client(), headers={"accept-language": "es"})
    assert locked.status_code == 429
    assert "Se pausó el inicio de sesión" in html.unescape(locked.text)


def test_a_site_administrator_unlocks_by_deleting_the_attempt_in_the_admin(ada, root_client):
    _fail(LIMIT)
    attempt = AccessAttempt.objects.get(username="ada")

    assert root_client.get(reverse("admin:axes_accessattempt_changelist")).status_code == 200
    assert root_client.get(reverse("admin:axes_accessattempt_add")).status_code == 403
    root_client.post(reverse("admin:axes_accessattempt_delete", args=[attempt.pk]), {"post": "yes"})

    assert not AccessAttempt.objects.exists()
    client = Client()
    assert _log_in(client, password=factories.PASSWORD).status_code == 302


class _Request:
    def __init__(self, **meta):
        self.META = meta


def test_without_a_proxy_header_the_address_is_the_connections(settings):
    settings.CLIENT_IP_HEADER = None
    request = _Request(REMOTE_ADDR="10.0.0.5", HTTP_X_FORWARDED_FOR="198.51.100.7")
    assert client_ip_address(request) == "10.0.0.5"


def test_behind_a_proxy_the_address_is_the_one_the_proxy_wrote(settings):
    settings.CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    settings.CLIENT_IP_PROXY_COUNT = 1
    # Whatever the client sent before the proxy's own entry is ignored.
    spoofed = _Request(REMOTE_ADDR="10.0.0.5", HTTP_X_FORWARDED_FOR="1.2.3.4, 198.51.100.7")
    assert client_ip_address(spoofed) == "198.51.100.7"
    assert client_ip_address(_Request(REMOTE_ADDR="10.0.0.5", HTTP_X_FORWARDED_FOR="198.51.100.7")) == "198.51.100.7"
    settings.CLIENT_IP_PROXY_COUNT = 2
    assert client_ip_address(spoofed) == "1.2.3.4"
    # No header (a probe that bypassed the proxy) or a malformed one: the connection's address.
    assert client_ip_address(_Request(REMOTE_ADDR="10.0.0.5")) == "10.0.0.5"
    settings.CLIENT_IP_PROXY_COUNT = 1
    assert client_ip_address(_Request(REMOTE_ADDR="10.0.0.5", HTTP_X_FORWARDED_FOR="not-an-ip")) == "10.0.0.5"


def test_behind_a_proxy_guesses_from_one_client_count_together_whatever_it_claims(ada, settings):
    settings.CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    settings.CLIENT_IP_PROXY_COUNT = 1
    for attempt in range(LIMIT - 1):
        _log_in(Client(), HTTP_X_FORWARDED_FOR=f"10.9.9.{attempt}, 198.51.100.7")
    assert _log_in(Client(), HTTP_X_FORWARDED_FOR="8.8.8.8, 198.51.100.7").status_code == 429
    # Another client behind the same proxy (the same REMOTE_ADDR) signs in.
    assert _log_in(Client(), password=factories.PASSWORD, HTTP_X_FORWARDED_FOR="198.51.100.8").status_code == 302


def test_the_test_clients_login_works_given_a_request_as_axes_documents(ada):
    """Axes refuses authenticate() without a request; the suite signs in with force_login, and a test
    that needs the password checked passes a request to the test client's login()."""
    client = Client()
    assert client.login(request=HttpRequest(), username="ada", password=factories.PASSWORD)
    assert _signed_in(client)
    with pytest.raises(AxesBackendRequestParameterRequired):
        Client().login(username="ada", password=factories.PASSWORD)


def test_the_lockout_and_proxy_settings_come_from_the_environment(tmp_path):
    found = _settings(
        tmp_path,
        {
            **PRODUCTION,
            "DJANGO_CLIENT_IP_HEADER": "X-Real-IP",
            "DJANGO_CLIENT_IP_PROXY_COUNT": "2",
            "FACTCHECK_SIGN_IN_FAILURE_LIMIT": "8",
            "FACTCHECK_SIGN_IN_LOCKOUT_MINUTES": "30",
            "FACTCHECK_PASSWORD_RESET_TIMEOUT": "3600",
        },
        "CLIENT_IP_HEADER",
        "CLIENT_IP_PROXY_COUNT",
        "AXES_FAILURE_LIMIT",
        "AXES_COOLOFF_TIME",
        "PASSWORD_RESET_TIMEOUT",
    )
    assert found == {
        "CLIENT_IP_HEADER": "HTTP_X_REAL_IP",
        "CLIENT_IP_PROXY_COUNT": 2,
        "AXES_FAILURE_LIMIT": 8,
        "AXES_COOLOFF_TIME": "0:30:00",
        "PASSWORD_RESET_TIMEOUT": 3600,
    }
