"""The production setup: settings read from the environment, `check --deploy`, static files with
DEBUG off, logging, and the web app under gunicorn.

Settings that depend on environment variables are read in a subprocess with an environment built
here from nothing, so neither this process's settings nor the caller's DATABASE_URL, REDIS_URL
or DJANGO_* variables (CI sets some) play a part.
"""

import contextlib
import http.client
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.core.management import call_command

from apps.core.checks import allowed_hosts_check, secret_key_check

REPO_ROOT = Path(__file__).resolve().parents[2]
REAL_KEY = "pR4t-9vXq2Lm7sKz0bWc8HdYj3NfE6uTgA1oVi5Ye_Qn2Zr8xSwMk"
PRODUCTION = {
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": REAL_KEY,
    "DJANGO_ALLOWED_HOSTS": "factcheck.example.org",
    "DJANGO_CSRF_TRUSTED_ORIGINS": "https://factcheck.example.org",
    "DJANGO_SECURE_PROXY_SSL_HEADER": "X-Forwarded-Proto",
    "DJANGO_SECURE_SSL_REDIRECT": "1",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
}


def _environment(tmp_path, variables):
    return {
        "PATH": os.environ["PATH"],
        "HOME": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "factcheck.settings",
        "FACTCHECK_VAR_DIR": str(tmp_path / "var"),
        **variables,
    }


def _run(tmp_path, args, variables, extra_path=None):
    environment = _environment(tmp_path, variables)
    if extra_path:
        environment["PYTHONPATH"] = str(extra_path)
    return subprocess.run(
        [sys.executable, *args], cwd=REPO_ROOT, env=environment, capture_output=True, text=True, timeout=120
    )


# Slow enough to read as a hang, whatever else the machine is doing: on a shared machine under load, starting
# Django took gunicorn's worker past gunicorn's default 30 s timeout, and each worker it started in its place
# timed out in turn. What the tests check (pages served, a refusal to start) does not depend on either limit.
SLOW_START_SECONDS = 300


def _gunicorn(port):
    gunicorn = Path(sys.executable).with_name("gunicorn")
    return [
        str(gunicorn),
        "factcheck.wsgi",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        "1",
        "--timeout",
        str(SLOW_START_SECONDS),
        "--no-control-socket",
    ]


def _settings(tmp_path, variables, *names):
    code = (
        "import json, sys\nfrom django.conf import settings\n"
        "print(json.dumps({name: getattr(settings, name) for name in sys.argv[1:]}, default=str))"
    )
    result = _run(tmp_path, ["-c", code, *names], variables)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def _check_ids(output):
    return set(re.findall(r"\((\w+\.[EW]\d+)\)", output))


def _env_example():
    lines = (REPO_ROOT / ".env.example").read_text().splitlines()
    return dict(line.split("=", 1) for line in lines if line.strip() and not line.startswith("#"))


# --- Settings from the environment ----------------------------------------------------------


def test_behind_a_tls_proxy_cookies_are_secure_and_https_is_trusted_from_the_proxy(tmp_path):
    found = _settings(
        tmp_path,
        PRODUCTION,
        "SECURE_PROXY_SSL_HEADER",
        "SECURE_SSL_REDIRECT",
        "CSRF_TRUSTED_ORIGINS",
        "SESSION_COOKIE_SECURE",
        "CSRF_COOKIE_SECURE",
        "SECURE_HSTS_SECONDS",
        "SECURE_HSTS_INCLUDE_SUBDOMAINS",
        "SECURE_HSTS_PRELOAD",
    )

    assert found == {
        "SECURE_PROXY_SSL_HEADER": ["HTTP_X_FORWARDED_PROTO", "https"],
        "SECURE_SSL_REDIRECT": True,
        "CSRF_TRUSTED_ORIGINS": ["https://factcheck.example.org"],
        "SESSION_COOKIE_SECURE": True,
        "CSRF_COOKIE_SECURE": True,
        "SECURE_HSTS_SECONDS": 3600,
        "SECURE_HSTS_INCLUDE_SUBDOMAINS": False,
        "SECURE_HSTS_PRELOAD": False,
    }


def test_the_proxy_header_may_be_named_as_django_names_it(tmp_path):
    variables = {**PRODUCTION, "DJANGO_SECURE_PROXY_SSL_HEADER": "HTTP_X_FORWARDED_PROTO"}

    found = _settings(tmp_path, variables, "SECURE_PROXY_SSL_HEADER")

    assert found == {"SECURE_PROXY_SSL_HEADER": ["HTTP_X_FORWARDED_PROTO", "https"]}


def test_without_a_proxy_header_no_forwarded_header_is_trusted_and_nothing_redirects(tmp_path):
    variables = {key: value for key, value in PRODUCTION.items() if not key.startswith("DJANGO_SECURE_")}

    found = _settings(tmp_path, variables, "SECURE_PROXY_SSL_HEADER", "SECURE_SSL_REDIRECT")

    assert found == {"SECURE_PROXY_SSL_HEADER": None, "SECURE_SSL_REDIRECT": False}


def test_development_keeps_plain_http_cookies_and_no_hsts(tmp_path):
    found = _settings(tmp_path, {"DJANGO_DEBUG": "1"}, "SESSION_COOKIE_SECURE", "SECURE_HSTS_SECONDS")

    assert found == {"SESSION_COOKIE_SECURE": False, "SECURE_HSTS_SECONDS": 0}


def test_hsts_and_cookie_security_can_be_set(tmp_path):
    variables = {
        **PRODUCTION,
        "DJANGO_SECURE_HSTS_SECONDS": "31536000",
        "DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS": "1",
        "DJANGO_SECURE_HSTS_PRELOAD": "1",
        "DJANGO_SECURE_COOKIES": "0",
    }

    found = _settings(
        tmp_path,
        variables,
        "SECURE_HSTS_SECONDS",
        "SECURE_HSTS_INCLUDE_SUBDOMAINS",
        "SECURE_HSTS_PRELOAD",
        "SESSION_COOKIE_SECURE",
    )

    assert found == {
        "SECURE_HSTS_SECONDS": 31536000,
        "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
        "SECURE_HSTS_PRELOAD": True,
        "SESSION_COOKIE_SECURE": False,
    }


def test_postgres_connections_are_health_checked_time_out_and_keep_their_ssl_options(tmp_path):
    url = "postgres://factcheck:db-password@db.internal:5432/factcheck?sslmode=verify-full&sslrootcert=/etc/ca.pem"

    database = _settings(tmp_path, {**PRODUCTION, "DATABASE_URL": url}, "DATABASES")["DATABASES"]["default"]

    assert database["CONN_HEALTH_CHECKS"] is True
    assert database["CONN_MAX_AGE"] == 60
    assert database["OPTIONS"] == {"sslmode": "verify-full", "sslrootcert": "/etc/ca.pem", "connect_timeout": 5}


def test_a_connect_timeout_in_the_database_url_wins(tmp_path):
    url = "postgres://factcheck@db.internal:5432/factcheck?connect_timeout=2"

    database = _settings(tmp_path, {**PRODUCTION, "DATABASE_URL": url}, "DATABASES")["DATABASES"]["default"]

    assert database["OPTIONS"]["connect_timeout"] == 2


def test_a_redis_key_prefix_puts_the_celery_queues_under_it(tmp_path):
    options = "CELERY_BROKER_TRANSPORT_OPTIONS"

    prefixed = _settings(tmp_path, {**PRODUCTION, "FACTCHECK_REDIS_KEY_PREFIX": "desk-a:"}, options, "REDIS_KEY_PREFIX")
    unprefixed = _settings(tmp_path, PRODUCTION, options)[options]

    assert prefixed["REDIS_KEY_PREFIX"] == "desk-a:"
    assert prefixed[options] == {**unprefixed, "global_keyprefix": "desk-a:"}
    assert "global_keyprefix" not in unprefixed


def test_the_api_counts_requests_in_redis_under_the_prefix_and_rates_come_from_the_environment(tmp_path):
    variables = {**PRODUCTION, "FACTCHECK_REDIS_KEY_PREFIX": "desk-a:", "FACTCHECK_API_IMPORT_RATE": "5/hour"}
    production = _settings(tmp_path, {**variables, "FACTCHECK_API_FETCH_RATE": ""}, "CACHES", "API_RATES")
    development = _settings(tmp_path, {"DJANGO_DEBUG": "1"}, "CACHES", "API_RATES")

    cache = production["CACHES"]["default"]
    assert cache["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
    assert (cache["LOCATION"], cache["KEY_PREFIX"]) == (PRODUCTION["REDIS_URL"], "desk-a:cache")
    assert production["API_RATES"] == {"person": "600/minute", "imports": "5/hour", "fetches": None}
    assert development["CACHES"]["default"]["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache"
    assert development["API_RATES"] == {"person": "600/minute", "imports": "30/minute", "fetches": "60/minute"}


# --- System checks --------------------------------------------------------------------------


def test_the_env_example_as_shipped_refuses_to_run_with_its_placeholder_key(tmp_path):
    result = _run(tmp_path, ["manage.py", "check"], _env_example())

    assert result.returncode != 0
    assert _check_ids(result.stderr) == {"core.E007"}


def test_check_deploy_with_the_env_example_and_a_real_key_leaves_only_the_hsts_opt_ins(tmp_path):
    # Both are the operator's call: includeSubDomains binds every subdomain of the site's host to
    # HTTPS, and preloading is for a domain submitted to the browsers' list.
    variables = {**_env_example(), "DJANGO_SECRET_KEY": REAL_KEY}
    (tmp_path / "var" / "staticfiles").mkdir(parents=True)

    result = _run(tmp_path, ["manage.py", "check", "--deploy"], variables)

    assert result.returncode == 0, result.stderr
    assert _check_ids(result.stderr) == {"security.W005", "security.W021"}


def test_check_and_check_deploy_are_clean_in_production_with_hsts_opted_in(tmp_path):
    variables = {**PRODUCTION, "DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS": "1", "DJANGO_SECURE_HSTS_PRELOAD": "1"}
    (tmp_path / "var" / "staticfiles").mkdir(parents=True)

    for command in (["manage.py", "check"], ["manage.py", "check", "--deploy"]):
        result = _run(tmp_path, command, variables)
        assert result.returncode == 0, result.stderr
        assert "System check identified no issues (0 silenced)." in result.stdout, result.stderr


def test_check_deploy_stops_on_missing_allowed_hosts_and_says_when_static_files_are_not_collected(tmp_path):
    variables = {key: value for key, value in PRODUCTION.items() if key != "DJANGO_ALLOWED_HOSTS"}

    result = _run(tmp_path, ["manage.py", "check", "--deploy"], variables)

    assert result.returncode != 0
    assert {"core.E008", "core.W002"} <= _check_ids(result.stderr)
    assert "DJANGO_ALLOWED_HOSTS" in result.stderr


def test_check_deploy_warns_that_an_https_redirect_without_a_proxy_header_loops_behind_a_proxy(tmp_path):
    variables = {key: value for key, value in PRODUCTION.items() if key != "DJANGO_SECURE_PROXY_SSL_HEADER"}
    (tmp_path / "var" / "staticfiles").mkdir(parents=True)

    result = _run(tmp_path, ["manage.py", "check", "--deploy"], variables)

    assert "core.W003" in _check_ids(result.stderr)


@pytest.mark.parametrize("key", ["change-me", "django-insecure-0123456789abcdefghijklmnopqrstuvwxyz0123456789abcd"])
def test_a_published_secret_key_is_an_error_with_debug_off(settings, key):
    settings.DEBUG = False
    settings.SECRET_KEY = key

    assert [error.id for error in secret_key_check()] == ["core.E007"]

    settings.DEBUG = True
    assert secret_key_check() == []


def test_a_public_host_name_satisfies_the_allowed_hosts_check(settings):
    settings.DEBUG = False
    settings.ALLOWED_HOSTS = ["localhost", "factcheck.example.org"]

    assert allowed_hosts_check() == []


# --- Static files, logging, the WSGI server -------------------------------------------------


def test_collected_static_files_are_served_compressed_with_debug_off(client, settings, tmp_path):
    settings.STATIC_ROOT = tmp_path / "static"
    call_command("collectstatic", interactive=False, verbosity=0)

    stylesheet = client.get("/static/css/app.css", HTTP_ACCEPT_ENCODING="gzip")
    api_docs_script = client.get("/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js")

    assert stylesheet.status_code == 200
    assert stylesheet["Content-Encoding"] == "gzip"
    assert api_docs_script.status_code == 200
    assert "javascript" in api_docs_script["Content-Type"]


def test_a_checkout_without_collected_static_files_gives_no_warning_per_process(client, settings, tmp_path, recwarn):
    settings.STATIC_ROOT = tmp_path / "never-collected"

    client.get("/healthz")  # the first request loads the middleware

    assert [str(warning.message) for warning in recwarn] == []


FAILING_VIEW_URLS = """
from django.urls import include, path

def failing(request):
    raise RuntimeError("the view failed")

urlpatterns = [path("failing/", failing), path("", include("factcheck.urls"))]
"""

REQUESTS = """
import django
from django.conf import settings
django.setup()
settings.ROOT_URLCONF = "failing_urls"
from django.test import Client
client = Client(raise_request_exception=False, HTTP_HOST="factcheck.example.org", HTTP_X_FORWARDED_PROTO="https")
print(client.get("/failing/").status_code, client.get("/missing/").status_code)
"""


@pytest.mark.parametrize(("level", "not_found_logged"), [("INFO", True), ("ERROR", False)])
def test_server_errors_are_logged_with_their_traceback_at_any_level(tmp_path, level, not_found_logged):
    (tmp_path / "failing_urls.py").write_text(FAILING_VIEW_URLS)

    result = _run(tmp_path, ["-c", REQUESTS], {**PRODUCTION, "DJANGO_LOG_LEVEL": level}, extra_path=tmp_path)

    assert result.stdout.split() == ["500", "404"], result.stderr
    assert "ERROR django.request: Internal Server Error: /failing/" in result.stderr
    assert "Traceback" in result.stderr
    assert "RuntimeError: the view failed" in result.stderr
    assert ("Not Found: /missing/" in result.stderr) is not_found_logged
    assert result.stderr.count("Internal Server Error: /failing/") == 1
    assert REAL_KEY not in result.stderr


WORKER = """
import logging
import django
django.setup()
from factcheck.celery import app

# What `celery worker` does at start, here without a --loglevel (Celery's default is WARNING).
app.log.setup_logging_subsystem(loglevel="WARNING")
logging.getLogger("apps.articles.services").info("intake of article 7 done")

@app.task(name="failing_task")
def failing_task():
    raise RuntimeError("the task failed")

failing_task.apply()
"""


def test_workers_log_at_the_django_log_level_and_log_failed_tasks(tmp_path):
    result = _run(tmp_path, ["-c", WORKER], {**PRODUCTION, "DJANGO_LOG_LEVEL": "INFO"})

    assert result.returncode == 0, result.stderr
    assert "INFO apps.articles.services: intake of article 7 done" in result.stderr
    assert "ERROR celery.app.trace: Task failing_task[" in result.stderr
    assert "RuntimeError: the task failed" in result.stderr


def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(port, path, headers):
    # http.client follows no redirect: a 301 to https://factcheck.example.org must not go out.
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=SLOW_START_SECONDS)
    try:
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def test_gunicorn_serves_pages_static_files_and_probes_with_debug_off(tmp_path):
    collected = _run(tmp_path, ["manage.py", "collectstatic", "--no-input", "--verbosity", "0"], PRODUCTION)
    assert collected.returncode == 0, collected.stderr
    port = _free_port()
    environment = _environment(tmp_path, PRODUCTION)
    server = subprocess.Popen(_gunicorn(port), cwd=REPO_ROOT, env=environment, stderr=subprocess.PIPE, text=True)
    site = {"Host": "factcheck.example.org", "X-Forwarded-Proto": "https"}
    try:
        deadline = time.monotonic() + SLOW_START_SECONDS
        while True:
            try:
                liveness = _get(port, "/healthz", {"Host": f"127.0.0.1:{port}"})
                break
            except ConnectionRefusedError:
                assert server.poll() is None, "gunicorn exited"
                assert time.monotonic() < deadline, "gunicorn did not start"
                time.sleep(0.2)
        login_page = _get(port, "/login/", site)
        stylesheet = _get(port, "/static/css/app.css", site)
        plain_http = _get(port, "/static/css/app.css", {"Host": "factcheck.example.org"})
    finally:
        server.send_signal(signal.SIGTERM)
        server.communicate(timeout=30)

    assert liveness == (200, b'{"status": "ok"}')
    assert login_page[0] == 200
    assert b"/static/css/app.css" in login_page[1]
    assert stylesheet[0] == 200
    assert b"--ink" in stylesheet[1]
    # No proxy said it was HTTPS: Django sends the browser there.
    assert plain_http[0] == 301


@pytest.mark.parametrize(
    ("variables", "error"),
    [
        ({**PRODUCTION, "DJANGO_SECRET_KEY": "change-me"}, "core.E007"),
        ({key: value for key, value in PRODUCTION.items() if key != "DJANGO_ALLOWED_HOSTS"}, "core.E008"),
    ],
)
def test_gunicorn_refuses_to_start_while_check_deploy_finds_errors(tmp_path, variables, error):
    port = _free_port()
    server = subprocess.Popen(
        _gunicorn(port), cwd=REPO_ROOT, env=_environment(tmp_path, variables), stderr=subprocess.PIPE, text=True
    )
    try:
        # Until it exits, however long a busy machine makes its worker's start: a page served is the failure.
        deadline = time.monotonic() + SLOW_START_SECONDS
        while server.poll() is None:
            with contextlib.suppress(ConnectionError):
                _get(port, "/healthz", {"Host": f"127.0.0.1:{port}"})
                raise AssertionError("gunicorn served a page")
            assert time.monotonic() < deadline, "gunicorn neither served nor exited"
            time.sleep(0.2)
    finally:
        if server.poll() is None:
            server.send_signal(signal.SIGTERM)
        stderr = server.communicate(timeout=30)[1]

    assert server.returncode != 0
    assert error in stderr
