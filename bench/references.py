"""Benchmark: gather references for N claims x 3 providers with a real Celery worker.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres REDIS_URL=redis://127.0.0.1:6379/15 \\
        .venv/bin/python bench/references.py [--claims 500] [--concurrency 8] [--latency 0.1]

Wikipedia (search, then extracts: two requests), GDELT and Google Fact Check Tools all point at
one fake server on 127.0.0.1 that waits `--latency` seconds before every answer. A prefork
worker with `--concurrency` processes consumes the "fetch" queue from Redis and writes to a
throw-away PostgreSQL database (`factcheck_bench`, recreated each run).

The floor: a worker process handles one claim at a time, and a claim cannot finish before its
slowest provider does (Wikipedia: two sequential requests), so the minimum wall time is
ceil(claims / concurrency) x 2 x latency. The per-host politeness interval is switched off,
because every "service" here is the same local host; the result measures our own overhead.
"""

from __future__ import annotations

import argparse
import math
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))
BENCH_DB = "factcheck_bench"


def _bench_database_url() -> str:
    base = os.environ.get("DATABASE_URL", "")
    if not base.startswith(("postgres://", "postgresql://")):
        sys.exit("bench/references.py needs DATABASE_URL pointing at PostgreSQL (it creates factcheck_bench).")
    parts = urlsplit(base)
    return urlunsplit((parts.scheme, parts.netloc, f"/{BENCH_DB}", parts.query, ""))


def _recreate_database(admin_url: str) -> None:
    import psycopg

    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{BENCH_DB}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{BENCH_DB}"')


def _tree_cpu_seconds(pid: int) -> float:
    """User + system CPU of a process and its live children, from /proc (Linux)."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0.0
    pending = [pid]
    while pending:
        current = pending.pop()
        try:
            fields = Path(f"/proc/{current}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / ticks
            for task in Path(f"/proc/{current}/task").iterdir():
                pending.extend(int(child) for child in (task / "children").read_text().split())
        except (FileNotFoundError, ProcessLookupError):
            continue
    return total


def _routes(latency: float):
    from tests.fakes import FakeResponse
    from tests.fakes.wikipedia import api_handler

    wikipedia = api_handler()
    gdelt_answer = {
        "articles": [
            {
                "url": "https://news.example.com/veto",
                "title": "Russia and China veto three Security Council draft resolutions",
                "seendate": "20121206T101500Z",
                "domain": "news.example.com",
                "language": "English",
                "sourcecountry": "United Kingdom",
            }
        ]
    }
    factcheck_answer = {
        "claims": [
            {
                "text": "Russia and China vetoed three UN resolutions on Syria",
                "claimant": "Example",
                "claimReview": [
                    {
                        "publisher": {"name": "Example Check", "site": "check.example.org"},
                        "url": "https://check.example.org/veto",
                        "title": "Three vetoes",
                        "textualRating": "True",
                        "languageCode": "en",
                    }
                ],
            }
        ]
    }

    def slow(handler):
        def respond(request):
            response = handler(request)
            response.delay = latency
            return response

        return respond

    return {
        "/w/api.php": slow(wikipedia),
        "/gdelt": slow(lambda request: FakeResponse.json(gdelt_answer)),
        "/factcheck": slow(lambda request: FakeResponse.json(factcheck_answer)),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--claims", type=int, default=500)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--latency", type=float, default=0.1)
    args = parser.parse_args()
    if not os.environ.get("REDIS_URL"):
        sys.exit("bench/references.py needs REDIS_URL (the worker consumes from Redis).")

    admin_url = os.environ["DATABASE_URL"]
    database_url = _bench_database_url()
    _recreate_database(admin_url)

    from tests.fakes import FakeServer

    server = FakeServer(_routes(args.latency)).start()
    env = {
        **os.environ,
        "DJANGO_DEBUG": "1",
        "DATABASE_URL": database_url,
        "FACTCHECK_REFERENCE_PROVIDERS": "wikipedia,gdelt,google_factcheck",
        "WIKIPEDIA_API_URL": server.url("/w/api.php"),
        "GDELT_API_URL": server.url("/gdelt"),
        "GOOGLE_FACTCHECK_API_URL": server.url("/factcheck"),
        "GOOGLE_FACTCHECK_API_KEY": "bench",
        "FACTCHECK_HTTP_ALLOWED_PRIVATE_HOSTS": server.host,
        "FACTCHECK_HTTP_HOST_MIN_INTERVAL": "0",
        "DJANGO_LOG_LEVEL": "WARNING",
    }
    os.environ.update(env)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    settings.HTTP_HOST_MIN_INTERVALS.clear()
    call_command("migrate", verbosity=0)

    from apps.articles.models import Article, SourceKind
    from apps.claims.models import Claim, ClaimKind
    from apps.desks.models import Desk
    from apps.references.models import JobStatus, Reference, ReferenceJob
    from apps.references.services import article_references_enqueue
    from factcheck.celery import app as celery_app

    desk = Desk.objects.create(name="Bench", slug="bench")
    text = "Russia and China have vetoed three UN Security Council resolutions aimed at isolating Assad."

    def article_with_claims(count: int, label: str) -> Article:
        article = Article.objects.create(
            desk=desk,
            title=f"Bench {label}",
            body=text,
            content_hash=label,
            source_kind=SourceKind.COMMAND,
        )
        Claim.objects.bulk_create(
            Claim(article=article, text=text, start=0, end=len(text), kind=ClaimKind.EVENT, score=0.9)
            for _ in range(count)
        )
        return article

    with celery_app.connection_for_write() as broker:
        broker.default_channel.queue_purge("fetch")
    command = [
        sys.executable, "-m", "celery", "-A", "factcheck", "worker", "--queues", "fetch",
        "--concurrency", str(args.concurrency), "--pool", "prefork", "--loglevel", "WARNING",
        "--without-heartbeat", "--without-gossip", "--without-mingle", "--hostname", "bench@%h",
    ]  # fmt: skip
    worker = subprocess.Popen(command, cwd=REPO_ROOT, env=env, start_new_session=True)

    def wait(article: Article, timeout: float) -> float:
        total = Claim.objects.filter(article=article).count()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            finished = ReferenceJob.objects.filter(
                claim__article=article, status__in=[JobStatus.DONE, JobStatus.FAILED]
            ).count()
            if finished == total:
                return time.monotonic()
            time.sleep(0.05)
        raise SystemExit(f"timed out: {finished} of {total} claims finished")

    try:
        # Warm-up: the worker's processes have started and imported everything.
        warm = article_with_claims(args.concurrency, "warm-up")
        article_references_enqueue(article=warm)
        wait(warm, timeout=120)
        requests_before = len(server.requests)

        article = article_with_claims(args.claims, "bench")
        worker_cpu_before = _tree_cpu_seconds(worker.pid)
        own_cpu_before = time.process_time()
        started = time.monotonic()
        article_references_enqueue(article=article)
        finished = wait(article, timeout=max(600, args.claims))
        elapsed = finished - started
        worker_cpu = _tree_cpu_seconds(worker.pid) - worker_cpu_before
        own_cpu = time.process_time() - own_cpu_before
    finally:
        os.killpg(worker.pid, signal.SIGTERM)
        worker.wait(timeout=30)
        server.stop()

    jobs = ReferenceJob.objects.filter(claim__article=article)
    failed = jobs.filter(status=JobStatus.FAILED).count()
    references = Reference.objects.filter(claim__article=article).count()
    requests = len(server.requests) - requests_before
    floor = math.ceil(args.claims / args.concurrency) * 2 * args.latency
    serial_floor = math.ceil(args.claims / args.concurrency) * 4 * args.latency
    print(f"claims: {args.claims}, providers: 3 (4 requests a claim), worker concurrency: {args.concurrency}")
    print(f"latency per request: {args.latency * 1000:.0f} ms, requests served: {requests}")
    print(f"references stored: {references}, failed jobs: {failed}")
    print(f"wall time: {elapsed:.2f} s ({args.claims / elapsed:.1f} claims/s)")
    print(f"minimum the concurrency allows: {floor:.2f} s -> ratio {elapsed / floor:.2f}x")
    print(f"(with providers asked one after another the floor would be {serial_floor:.2f} s)")
    print(
        f"CPU during the run: worker {worker_cpu:.1f} s, fake server and poller {own_cpu:.1f} s, "
        f"on {os.cpu_count()} cores (load average {os.getloadavg()[0]:.1f})"
    )


if __name__ == "__main__":
    main()
