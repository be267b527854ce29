"""A real Celery worker for the end-to-end tests: another process, on the real Redis broker and
the test database (which must therefore be a server both can reach)."""

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.db import connection

from factcheck.celery import app as celery_app

REPO_ROOT = Path(__file__).resolve().parents[2]


def worker_database_url() -> str:
    """The test database, as the worker's DATABASE_URL."""
    settings = connection.settings_dict
    host = settings.get("HOST") or "127.0.0.1"
    port = settings.get("PORT") or 5432
    user = settings.get("USER") or "postgres"
    return f"postgres://{user}@{host}:{port}/{settings['NAME']}"


@contextmanager
def celery_worker(*, queues: tuple[str, ...], env: dict[str, str], log_dir: Path) -> Iterator[subprocess.Popen]:
    """A worker consuming `queues` (emptied first, so no earlier test's message reaches it), with
    `env` over this process's environment and the test database; stopped on leaving."""
    with celery_app.connection_for_write() as broker:
        for queue in queues:
            broker.default_channel.queue_purge(queue)
    command = [
        sys.executable, "-m", "celery", "-A", "factcheck", "worker", "--queues", ",".join(queues),
        "--concurrency", "2", "--pool", "prefork", "--loglevel", "INFO", "--without-heartbeat",
        "--without-gossip", "--without-mingle",
    ]  # fmt: skip
    # Output to a file: a full pipe would block the worker.
    log_path = log_dir / "worker.log"
    with open(log_path, "wb") as log:
        process = subprocess.Popen(
            command,
            cwd=REPO_ROOT,
            env={**os.environ, "DATABASE_URL": worker_database_url(), **env},
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            yield process
        finally:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
    # Shown by pytest when the test fails.
    print(log_path.read_text(errors="replace")[-20000:])
