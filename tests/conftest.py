import fcntl
import importlib
import os

import pytest
from django.apps import apps as global_apps
from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.db.models.signals import post_migrate
from django.test import Client
from django.utils import translation
from rest_framework.test import APIClient

from apps.core import http
from tests import factories
from tests.browser import CHROMIUM


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _site_language_after_each_test():
    """Each test starts in the site's language. LocaleMiddleware activates a request's language in
    the thread and leaves it there, so a page asked for in Spanish would otherwise leave the next
    test's messages (a service refusal, an email) in Spanish."""
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _api_request_counts_per_test(settings):
    """Each test starts with no API requests counted: the counts live in the cache, which here is
    this process's memory, emptied after each test (a test of the Redis cache sets its own)."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "tests"}}
    in_memory = caches["default"]
    yield
    in_memory.clear()  # not whichever cache the test set: that may be a Redis others share


@pytest.fixture
def in_process_http_state(settings):
    """The outbound client's politeness state kept in this process, no wait between requests, and
    nothing left for the next test."""
    settings.HTTP_SHARED_STATE_URL = ""
    settings.HTTP_HOST_MIN_INTERVAL_SECONDS = 0
    settings.HTTP_HOST_MIN_INTERVALS = {}
    http._local_store.clear()
    yield
    http._local_store.clear()


@pytest.fixture
def desk(db):
    return factories.DeskFactory(name="World desk", slug="world")


@pytest.fixture
def other_desk(db):
    return factories.DeskFactory(name="Sports desk", slug="sports")


@pytest.fixture
def editor(desk):
    return factories.MemberFactory(desk=desk, role="editor", username="edith").user


@pytest.fixture
def desk_admin(desk):
    return factories.MemberFactory(desk=desk, role="admin", username="ada").user


@pytest.fixture
def reviewer(desk):
    return factories.MemberFactory(desk=desk, role="reviewer", username="rachel").user


@pytest.fixture
def second_reviewer(desk):
    return factories.MemberFactory(desk=desk, role="reviewer", username="roger").user


@pytest.fixture
def outsider(other_desk):
    return factories.MemberFactory(desk=other_desk, role="editor", username="oscar").user


@pytest.fixture
def root(db):
    """A site administrator, for the Django admin's tests."""
    return get_user_model().objects.create_superuser("root", "root@example.org", "x")


@pytest.fixture
def root_client(root):
    client = Client()
    client.force_login(root)
    return client


def _signed_in_client(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def editor_client(editor):
    return _signed_in_client(editor)


@pytest.fixture
def reviewer_client(reviewer):
    return _signed_in_client(reviewer)


@pytest.fixture
def second_reviewer_client(second_reviewer):
    return _signed_in_client(second_reviewer)


@pytest.fixture
def outsider_client(outsider):
    return _signed_in_client(outsider)


def _client_for(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


@pytest.fixture
def editor_api(editor):
    return _client_for(editor)


@pytest.fixture
def desk_admin_api(desk_admin):
    return _client_for(desk_admin)


@pytest.fixture
def reviewer_api(reviewer):
    return _client_for(reviewer)


@pytest.fixture
def outsider_api(outsider):
    return _client_for(outsider)


@pytest.fixture
def anonymous_api():
    return APIClient()


SEED_DIR = os.path.join(os.path.dirname(__file__), "..", "..", "shared", "seed")


@pytest.fixture
def seed_bytes():
    """The sample article, read from ../shared/seed (never copied into the project)."""
    directory = os.environ.get("FACTCHECK_SEED_DIR", SEED_DIR)
    names = sorted(n for n in os.listdir(directory) if n.endswith(".txt"))
    with open(os.path.join(directory, names[0]), "rb") as handle:
        return handle.read()


# --- Parallel workers (pytest-xdist) ------------------------------------------------------------
# `make test` runs the suite in several processes. pytest-django gives each its own test database
# (test_<name>_gw0, ...; SQLite's is in memory anyway). Each worker also gets its own Redis keys
# and var/ folder (the filesystem broker) through its environment, set here before it starts, so
# that the settings read them, and so does every process a test starts (a real Celery worker).


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_setupnodes(config, specs):
    for spec in specs:
        spec.env["FACTCHECK_REDIS_KEY_PREFIX"] = f"{os.environ.get('FACTCHECK_REDIS_KEY_PREFIX', '')}{spec.id}:"
        spec.env["FACTCHECK_VAR_DIR"] = os.path.join(os.environ.get("FACTCHECK_VAR_DIR", "var"), spec.id)


# --- One migration for all workers ------------------------------------------------------------
# Migrating a test database costs about 25 s of CPU (Django renders the model states of 129
# migrations), which every worker paid at once. On PostgreSQL the first worker to get the lock now
# migrates a template database and every worker copies it (CREATE DATABASE ... TEMPLATE, about a
# second). The template is named after the workers' databases and replaced by the next run.


def _copied_from_one_migrated_template(create_test_db, run_folder):
    def create_from_template(self, verbosity=1, autoclobber=False, serialize=True, keepdb=False):
        from django.conf import settings

        worker_database = self._get_test_db_name()
        template = worker_database.removesuffix(f"_{os.environ['PYTEST_XDIST_WORKER']}") + "_template"
        with open(run_folder / "test-database.lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            if not (run_folder / "test-database.ready").exists():
                self.connection.settings_dict["TEST"]["NAME"] = template
                try:
                    create_test_db(self, verbosity, autoclobber=True, serialize=False, keepdb=False)
                finally:
                    self.connection.settings_dict["TEST"]["NAME"] = worker_database
                self.connection.close()
                (run_folder / "test-database.ready").touch()
            with self._nodb_cursor() as cursor:
                cursor.execute(f"DROP DATABASE IF EXISTS {self.connection.ops.quote_name(worker_database)}")
                cursor.execute(
                    f"CREATE DATABASE {self.connection.ops.quote_name(worker_database)} "
                    f"TEMPLATE {self.connection.ops.quote_name(template)}"
                )
        self.connection.close()
        settings.DATABASES[self.connection.alias]["NAME"] = worker_database
        self.connection.settings_dict["NAME"] = worker_database
        if serialize:
            self.connection._test_serialized_contents = self.serialize_db_to_string()
        self.connection.ensure_connection()
        return worker_database

    return create_from_template


@pytest.fixture(autouse=True, scope="session")
def _workers_copy_one_migrated_database(tmp_path_factory):
    from django.conf import settings

    if "PYTEST_XDIST_WORKER" not in os.environ or settings.DATABASES["default"]["ENGINE"] != (
        "django.db.backends.postgresql"
    ):
        yield
        return
    from django.db.backends.postgresql.creation import DatabaseCreation

    create_test_db = DatabaseCreation.create_test_db
    run_folder = tmp_path_factory.getbasetemp().parent
    DatabaseCreation.create_test_db = _copied_from_one_migrated_template(create_test_db, run_folder)
    yield
    DatabaseCreation.create_test_db = create_test_db


# --- Service-backed tests -----------------------------------------------------------------------
# Tests marked `postgres` or `redis` need that server. Locally they skip with the reason; CI sets
# FACTCHECK_REQUIRE_SERVICES=1 so a missing service fails the run instead of hiding the tests.


def _redis_unavailable_reason() -> str | None:
    url = os.environ.get("REDIS_URL")
    if not url:
        return "REDIS_URL is not set"
    import redis

    try:
        redis.Redis.from_url(url, socket_connect_timeout=2).ping()
    except redis.RedisError as error:
        return f"Redis at {url} is unreachable: {error}"
    return None


def _postgres_unavailable_reason() -> str | None:
    from django.conf import settings

    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
        return "DATABASE_URL does not point at PostgreSQL"
    return None


def _chromium_unavailable_reason() -> str | None:
    if not os.path.exists(CHROMIUM):
        return "Chromium is not installed (apt-get install chromium)"
    return None


_REQUIREMENTS = {
    "redis": _redis_unavailable_reason,
    "postgres": _postgres_unavailable_reason,
    "browser": _chromium_unavailable_reason,
}


def pytest_runtest_setup(item):
    for marker, check in _REQUIREMENTS.items():
        if item.get_closest_marker(marker) is None:
            continue
        reason = check()
        if reason is None:
            continue
        if os.environ.get("FACTCHECK_REQUIRE_SERVICES") == "1":
            pytest.fail(f"{marker} test cannot run and FACTCHECK_REQUIRE_SERVICES=1: {reason}")
        pytest.skip(reason)


# --- Emptying the database after a transactional test ------------------------------------------
# Django empties every table after a transactional test with one TRUNCATE, which on PostgreSQL makes
# new files for each table and index: about 1.5 s here, paid by every browser and worker test.
# Deleting the rows leaves the same empty tables in about 20 ms; the foreign keys Django makes on
# PostgreSQL are deferred to the commit, so the order of the deletes does not matter. A test that asks
# for its sequences reset gets the TRUNCATE, which restarts them.


def _rows_deleted_instead_of_truncated(truncate):
    def sql_flush(self, style, tables, *, reset_sequences=False, allow_cascade=False):
        if reset_sequences or not tables:
            return truncate(self, style, tables, reset_sequences=reset_sequences, allow_cascade=allow_cascade)
        return [f"{style.SQL_KEYWORD('DELETE FROM')} {style.SQL_FIELD(self.quote_name(table))};" for table in tables]

    return sql_flush


@pytest.fixture(autouse=True, scope="session")
def _fast_flush_on_postgresql():
    from django.conf import settings

    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
        yield
        return
    from django.db.backends.postgresql.operations import DatabaseOperations

    truncate = DatabaseOperations.sql_flush
    DatabaseOperations.sql_flush = _rows_deleted_instead_of_truncated(truncate)
    yield
    DatabaseOperations.sql_flush = truncate


# --- Shipped defaults after transactional tests ------------------------------------------------
# Data migrations ship the default rating scale and source rules. A transactional test ends by
# flushing every table, which removes them for every test after it in the same worker, transactional
# or not; Django's flush then sends post_migrate, so they are put back there, and each test finds them
# as a fresh database has them. (Restoring them before each transactional test only, as this once did,
# left a plain test that ran after one without the standard scale.)

SHIPPED_DEFAULTS = [
    ("apps.reviews.migrations.0002_default_rating_scale", "create_default_scale"),
    ("apps.references.migrations.0003_default_source_rules", "create_rules"),
    ("apps.references.migrations.0009_source_rule_catalogue", "create_catalogue"),
    ("apps.references.migrations.0011_election_rules_excluded_keywords", "exclude_un_votes"),
    ("apps.references.migrations.0017_source_rules_council_refugees_agreements", "create_rules"),
    ("apps.references.migrations.0018_source_rules_for_speakers", "create_rules"),
]


def _shipped_defaults_back(sender, using, apps=global_apps, **kwargs):
    # post_migrate comes once per app, and every table exists by then: one app's is enough. A migrate
    # passes its own model states as `apps`; a flush passes none.
    if sender.name != "apps.references":
        return
    if apps.get_model("reviews", "RatingScale").objects.using(using).filter(desk=None).exists():
        return  # a migrate, not a flush: the data migrations have just made them
    for module, function in SHIPPED_DEFAULTS:
        getattr(importlib.import_module(module), function)(apps, None)


post_migrate.connect(_shipped_defaults_back, dispatch_uid="tests.shipped_defaults_back")
