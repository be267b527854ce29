"""The suite runs in parallel (pytest-xdist, `make test`): each worker keeps its own database, Redis
keys and var/ folder (tests/conftest.py)."""

import os
from pathlib import Path

import pytest
from django.db import connection

from factcheck.celery import app as celery_app


@pytest.mark.django_db
def test_a_worker_keeps_its_database_redis_keys_and_var_folder_apart(settings):
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if worker is None:  # a serial run (`-n 0`) has nothing to keep apart
        return

    assert settings.REDIS_KEY_PREFIX.endswith(f"{worker}:")
    assert settings.VAR_DIR.name == worker
    assert Path(celery_app.conf.broker_transport_options.get("data_folder_in", settings.VAR_DIR)).is_relative_to(
        settings.VAR_DIR
    )
    if settings.CELERY_BROKER_URL.startswith("redis"):
        assert celery_app.conf.broker_transport_options["global_keyprefix"] == settings.REDIS_KEY_PREFIX
    if connection.vendor != "sqlite":  # SQLite's test database is in this process's memory
        assert connection.settings_dict["NAME"].endswith(f"_{worker}")


@pytest.mark.django_db
def test_a_worker_database_is_copied_from_one_template_with_every_migration_applied():
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    assert executor.migration_plan(executor.loader.graph.leaf_nodes()) == []
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if connection.vendor == "postgresql" and worker:
        template = connection.settings_dict["NAME"].removesuffix(f"_{worker}") + "_template"
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [template])
            assert cursor.fetchone() == (1,)
