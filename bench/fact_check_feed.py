"""What the fact-check feed and the desk report cost on a desk with 100,000 published checks.

    .venv/bin/python -m bench.fact_check_feed [--checks 100000] [--repeat 1] [--keep]
        [--database-url postgres://postgres@127.0.0.1:5432/factcheck_feed]

Builds, in a throw-away PostgreSQL database (`factcheck_feed` unless --database-url names another;
dropped and created again each run, so it must not be a database anyone else uses), a desk with
an editor and 20 reviewers whose `--checks` published checks were made over the last three years:
one article imported every few minutes, 12 claims each (the last rejected, one never sent to
review), the other 10 assigned, submitted and approved within two days, with the audit events the
review services write (assigned, submitted, approved). One check in 20 was returned once and
resubmitted, one in 100 was corrected after publication, one in 1,000 is under correction now
(the feed shows its published finding). One article in 50 is in German and one in 50 in
Spanish, so rating labels vary by language. A second desk holds a twentieth as many checks, which
every query has to leave out. Rows are synthetic and written with bulk inserts through the models.

Then, as the desk's editor with Django's test client, it asks `--repeat` times (after one warm-up)
for the feed in each format over the whole history, reading the streamed answer to its end, and
prints the median time to the first byte, the total time, the rows, the size, the SQL queries,
and the time of the first, median and last chunk query (keyset pagination should keep them
equal). Then the desk report, API and page, for the default 30 days and for the whole history.
Last, EXPLAIN (ANALYZE, BUFFERS) of the first and the last chunk query of the JSON feed.

With --keep the database is left in place and the next run with --keep measures it again
without rebuilding it, when it holds as many checks as asked for.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.desk_history import bench_database_ready

DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/factcheck_feed"
CLAIMS_PER_ARTICLE = 12
CHECKS_PER_ARTICLE = 10
REVIEWERS = 20
HISTORY_DAYS = 3 * 365
OTHER_DESK_SHARE = 20
ARTICLES_PER_TRANSACTION = 500
FORMATS = ("csv", "json", "claimreview")
MEDIAN_KEYS = ("first_byte", "first_row", "total", "sql", "cpu")
SENTENCES = [
    "The ministry said unemployment fell to {n} percent in the third quarter.",
    "Russia and China have vetoed {n} UN Security Council resolutions on Syria.",
    "The city spent {n} million dollars on the new bridge, twice the original budget.",
    "At least {n} people were killed in the floods, according to the Red Cross.",
    "The mayor said crime rose by {n} percent after the police budget was cut.",
    "Exports to the European Union grew by {n} percent last year, the trade office reported.",
]


def build(*, checks: int, seed: int = 11) -> dict:
    """Both desks and their history; returns the main desk and its editor."""
    from django.contrib.auth import get_user_model
    from django.db import connection

    from apps.desks.models import Desk, Membership, Role

    rng = random.Random(seed)  # noqa: S311 - repeatable synthetic data, not secrets
    user_model = get_user_model()
    desk = Desk.objects.create(name="Feed desk", slug="feed")
    other = Desk.objects.create(name="Other desk", slug="other")

    def member(username: str, role: str, on) -> object:
        user = user_model.objects.create_user(username=username, password="bench")  # noqa: S106 - a throw-away database
        Membership.objects.create(desk=on, user=user, role=role)
        return user

    editor = member("editor", Role.EDITOR, desk)
    reviewers = [member(f"reviewer{number:02}", Role.REVIEWER, desk) for number in range(REVIEWERS)]
    other_editor = member("other-editor", Role.EDITOR, other)
    other_reviewer = member("other-reviewer", Role.REVIEWER, other)
    _build_desk(desk=desk, editor=editor, reviewers=reviewers, checks=checks, rng=rng)
    _build_desk(desk=other, editor=other_editor, reviewers=[other_reviewer], checks=checks // OTHER_DESK_SHARE, rng=rng)
    # Articles' and claims' created_at are auto_now_add: move them to the import time afterwards.
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE articles_article SET created_at = to_timestamp(substring(title from '@([0-9.]+)$')::float)"
        )
        cursor.execute(
            "UPDATE claims_claim SET created_at = article.created_at FROM articles_article article "
            "WHERE article.id = claims_claim.article_id"
        )
        cursor.execute("ANALYZE")
    return {"desk": desk, "editor": editor}


def _build_desk(*, desk, editor, reviewers: list, checks: int, rng: random.Random) -> None:
    from django.db import transaction
    from django.utils import timezone

    from apps.articles.models import Article, SourceKind
    from apps.articles.parsing import content_hash
    from apps.claims.models import Claim, ClaimKind, ClaimStatus
    from apps.core.models import AuditAction, AuditEvent
    from apps.reviews.models import RatingScale, ReviewTask, TaskStatus, Verdict, VerdictCorrection

    now = timezone.now()
    ratings = list(RatingScale.objects.get(desk=None).ratings.all())
    articles = -(-checks // CHECKS_PER_ARTICLE)
    made = 0
    events: list = []

    def event(action, *, at, actor, claim, details=None) -> None:
        events.append(
            AuditEvent(
                occurred_at=at,
                desk_id=desk.pk,
                article_id=claim.article.pk,
                claim_id=claim.pk,
                actor=actor,
                actor_name=actor.get_username(),
                action=action,
                details=details or {},
            )
        )

    for first in range(0, articles, ARTICLES_PER_TRANSACTION):
        rows: dict[type, list] = {model: [] for model in (Article, Claim, ReviewTask, Verdict, VerdictCorrection)}
        events.clear()
        for number in range(first, min(first + ARTICLES_PER_TRANSACTION, articles)):
            imported = now - dt.timedelta(days=HISTORY_DAYS * (articles - number) / articles)
            sentences = [
                f"{rng.choice(SENTENCES).format(n=rng.randint(2, 999))[:-1]} (story {number}, line {index})."
                for index in range(CLAIMS_PER_ARTICLE)
            ]
            body = " ".join(sentences)
            language = "de" if number % 50 == 1 else "es" if number % 50 == 2 else "en"
            article = Article(
                desk=desk,
                # The import time rides in the title until created_at is set from it.
                title=f"Story {number} of {desk.slug} @{imported.timestamp()}",
                outlet=rng.choice(["The Example Times", "Daily Planet", "Evening Post"]),
                published_on=imported.date(),
                source_url=f"https://news.example.org/{desk.slug}/{number}",
                body=body,
                content_hash=content_hash(body),
                source_kind=SourceKind.URL,
                imported_by=editor,
                language=language,
            )
            rows[Article].append(article)
            offset = 0
            for index, text in enumerate(sentences):
                rejected = index == CLAIMS_PER_ARTICLE - 1
                claim = Claim(
                    article=article,
                    text=text,
                    start=offset,
                    end=offset + len(text),
                    kind=rng.choice(ClaimKind.values),
                    score=rng.random(),
                    status=ClaimStatus.REJECTED if rejected else ClaimStatus.ACTIVE,
                )
                offset += len(text) + 1
                rows[Claim].append(claim)
                if index >= CHECKS_PER_ARTICLE or made >= checks:
                    continue
                made += 1
                reviewer = rng.choice(reviewers)
                assigned = imported + dt.timedelta(minutes=rng.randint(5, 240))
                submitted = assigned + dt.timedelta(minutes=rng.randint(30, 2 * 24 * 60))
                event(
                    AuditAction.REVIEW_ASSIGNED, at=assigned, actor=editor, claim=claim,
                    details={"assignee": reviewer.get_username(), "previous_assignee": None},
                )  # fmt: skip
                rating = rng.choice(ratings)
                if made % 20 == 0:  # returned once, resubmitted
                    event(AuditAction.VERDICT_SUBMITTED, at=submitted, actor=reviewer, claim=claim)
                    event(AuditAction.VERDICT_RETURNED, at=submitted + dt.timedelta(hours=2), actor=editor, claim=claim)
                    submitted += dt.timedelta(hours=rng.randint(3, 30))
                event(AuditAction.VERDICT_SUBMITTED, at=submitted, actor=reviewer, claim=claim)
                approved = submitted + dt.timedelta(minutes=rng.randint(10, 24 * 60))
                event(AuditAction.VERDICT_APPROVED, at=approved, actor=editor, claim=claim)
                under_correction = made % 1000 == 0
                task = ReviewTask(
                    claim=claim, status=TaskStatus.RETURNED if under_correction else TaskStatus.APPROVED,
                    assignee=reviewer, assigned_by=editor, verdict_revision=2,
                )  # fmt: skip
                verdict = Verdict(
                    task=task, rating=rating, rationale=f"Checked against the source of line {index}.",
                    reviewer=reviewer, submitted_at=submitted, approved_by=None if under_correction else editor,
                    approved_at=None if under_correction else approved, first_approved_at=approved,
                )  # fmt: skip
                rows[ReviewTask].append(task)
                rows[Verdict].append(verdict)
                if made % 100 == 0 or under_correction:
                    reopened = approved + dt.timedelta(days=rng.randint(1, 30))
                    corrected = None if under_correction else reopened + dt.timedelta(hours=rng.randint(1, 48))
                    new_rating = rng.choice(ratings)
                    rows[VerdictCorrection].append(
                        VerdictCorrection(
                            verdict=verdict,
                            note="The office revised its figure.",
                            reopened_by=editor,
                            reopened_at=reopened,
                            previous_rating=rating,
                            previous_rating_label=rating.label,
                            previous_rationale="As first published.",
                            previous_reviewer=reviewer,
                            previous_approved_by=editor,
                            previous_approved_at=approved,
                            previous_submitted_at=submitted,
                            corrected_by=None if under_correction else editor,
                            corrected_at=corrected,
                            rating=None if under_correction else new_rating,
                            rating_label="" if under_correction else new_rating.label,
                            rationale="" if under_correction else "Revised with the new figure.",
                        )
                    )
        with transaction.atomic():
            for model, model_rows in rows.items():
                model.objects.bulk_create(model_rows, batch_size=5000)
            AuditEvent.objects.bulk_create(events, batch_size=5000)
        print(f"  {desk.slug}: {made:,} of {checks:,} checks written", file=sys.stderr, flush=True)


def existing(checks: int) -> dict | None:
    from django.contrib.auth import get_user_model

    from apps.desks.models import Desk
    from apps.reviews.models import Verdict

    desk = Desk.objects.filter(slug="feed").first()
    if desk is None or Verdict.objects.filter(task__claim__article__desk=desk).count() != checks:
        return None
    return {"desk": desk, "editor": get_user_model().objects.get(username="editor")}


def _chunk_queries(queries: list[dict]) -> list[dict]:
    """The feed's chunk queries: the claims read in publication order."""
    return [query for query in queries if 'FROM "claims_claim"' in query["sql"] and "LIMIT 500" in query["sql"]]


def _read_feed(client, path: str, feed_format: str) -> dict:
    """One request for the feed, read to its end: its timings, size and queries."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        started, cpu_started = time.perf_counter(), time.process_time()
        response = client.get(path)
        first_byte, first_row, size, lines = None, None, 0, 0
        for piece in response.streaming_content:
            if piece and first_byte is None:
                first_byte = time.perf_counter() - started
            size += len(piece)
            # CSV: a header line, then a line a row; JSON: a line an item, each an object.
            lines += piece.count(b"\n" if feed_format == "csv" else b'\n{"')
            if first_row is None and lines > (1 if feed_format == "csv" else 0):
                first_row = time.perf_counter() - started
        total, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    chunks = _chunk_queries(queries.captured_queries)
    return {
        "status": response.status_code,
        "first_byte": first_byte,
        "first_row": first_row,
        "total": total,
        # On a busy machine the wall time is mostly waiting for a core: the time the database took
        # to answer (as this client saw it) and this process's own CPU time tell more.
        "sql": sum(float(query["time"]) for query in queries.captured_queries),
        "cpu": cpu,
        "mb": size / 1e6,
        "rows": lines - (1 if feed_format == "csv" else 0),
        "queries": len(queries.captured_queries),
        # The last query finds no more rows: the chunks with rows are those before it.
        "chunks": chunks[:-1] or chunks,
    }


def measure_feed(client, desk, *, repeat: int) -> tuple[list[dict], list[str]]:
    results, chunk_sql = [], []
    for feed_format in FORMATS:
        path = f"/api/v1/desks/{desk.slug}/fact-checks/?format={feed_format}"
        _read_feed(client, path, feed_format)  # warm-up
        runs = [_read_feed(client, path, feed_format) for _ in range(repeat)]
        result = {key: statistics.median(run[key] for run in runs) for key in MEDIAN_KEYS}
        last = runs[-1]
        result.update(
            format=feed_format,
            status=last["status"],
            mb=last["mb"],
            rows=last["rows"],
            queries=last["queries"],
            chunk_ms=[float(query["time"]) * 1000 for query in last["chunks"]],
        )
        results.append(result)
        if feed_format == "json":
            chunk_sql = [last["chunks"][0]["sql"], last["chunks"][-1]["sql"]]
    return results, chunk_sql


def measure_report(client, desk, *, repeat: int) -> list[dict]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    whole = "?since=2000-01-01"
    results = []
    for what, path in (
        ("API report, last 30 days", f"/api/v1/desks/{desk.slug}/report/"),
        ("API report, whole history", f"/api/v1/desks/{desk.slug}/report/{whole}"),
        ("report page, last 30 days", f"/desks/{desk.slug}/report/"),
        ("report page, whole history", f"/desks/{desk.slug}/report/{whole}"),
    ):
        client.get(path)
        seconds, sql_seconds, cpu_seconds = [], [], []
        for _ in range(repeat):
            with CaptureQueriesContext(connection) as queries:
                started, cpu_started = time.perf_counter(), time.process_time()
                response = client.get(path)
                seconds.append(time.perf_counter() - started)
                cpu_seconds.append(time.process_time() - cpu_started)
            sql_seconds.append(sum(float(query["time"]) for query in queries.captured_queries))
        slowest = max(queries.captured_queries, key=lambda query: float(query["time"]))
        results.append(
            {
                "what": what,
                "status": response.status_code,
                "seconds": statistics.median(seconds),
                "sql": statistics.median(sql_seconds),
                "cpu": statistics.median(cpu_seconds),
                "queries": len(queries.captured_queries),
                "slowest_ms": float(slowest["time"]) * 1000,
            }
        )
    return results


def explain(chunk_sql: list[str]) -> None:
    from django.db import connection

    for which, sql in zip(("first", "last"), chunk_sql, strict=True):
        print(f"\n--- EXPLAIN ANALYZE, the {which} chunk query (with rows) of the JSON feed:")
        with connection.cursor() as cursor:
            cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}")
            print("\n".join(f"    {row[0]}" for row in cursor.fetchall()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--checks", type=int, default=100_000, help="published checks of the desk (default 100000)")
    parser.add_argument("--repeat", type=int, default=1, help="measured requests of each (median shown)")
    parser.add_argument("--database-url", default=DEFAULT_DATABASE_URL, help=f"default: {DEFAULT_DATABASE_URL}")
    parser.add_argument("--keep", action="store_true", help="reuse the database if it holds this desk already")
    parser.add_argument("--no-explain", action="store_true", help="leave out EXPLAIN ANALYZE")
    args = parser.parse_args()

    people = bench_database_ready(
        args.database_url,
        keep=args.keep,
        existing=lambda: existing(args.checks),
        build=lambda: build(checks=args.checks),
    )

    from django.test import Client

    from apps.articles.models import Article
    from apps.claims.models import Claim
    from apps.core.models import AuditEvent
    from apps.reviews.models import Verdict

    desk = people["desk"]
    print(
        f"{Article.objects.count():,} articles, {Claim.objects.count():,} claims, "
        f"{Verdict.objects.count():,} verdicts ({Verdict.objects.filter(task__claim__article__desk=desk).count():,} "
        f"on the measured desk), {AuditEvent.objects.count():,} audit events (PostgreSQL)\n"
    )
    client = Client()
    client.force_login(people["editor"])
    feed, chunk_sql = measure_feed(client, desk, repeat=args.repeat)
    print(
        f"{'feed, whole history':<20} {'status':>6} {'1st byte s':>10} {'1st row s':>9} {'total s':>8} {'rows':>8} "
        f"{'MB':>6} {'queries':>7} {'SQL s':>6} {'CPU s':>6}  chunk query ms (first / median / last)"
    )
    for result in feed:
        chunk_ms = result["chunk_ms"]
        print(
            f"{result['format']:<20} {result['status']:>6} {result['first_byte']:>10.3f} {result['first_row']:>9.3f} "
            f"{result['total']:>8.2f} "
            f"{result['rows']:>8,} {result['mb']:>6.1f} {result['queries']:>7} {result['sql']:>6.1f} "
            f"{result['cpu']:>6.1f}  "
            f"{chunk_ms[0]:.0f} / {statistics.median(chunk_ms):.0f} / {chunk_ms[-1]:.0f}"
        )
    print(
        f"\n{'desk report':<28} {'status':>6} {'seconds':>9} {'SQL s':>6} {'CPU s':>6} {'queries':>8} "
        f"{'slowest query ms':>17}"
    )
    for result in measure_report(client, desk, repeat=max(args.repeat, 3)):
        print(
            f"{result['what']:<28} {result['status']:>6} {result['seconds']:>9.3f} {result['sql']:>6.2f} "
            f"{result['cpu']:>6.2f} {result['queries']:>8} {result['slowest_ms']:>17.0f}"
        )
    if not args.no_explain:
        explain(chunk_sql)
    from django.db import connections

    connections.close_all()


if __name__ == "__main__":
    main()
