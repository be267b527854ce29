"""What the everyday pages cost on a desk with years of history.

    .venv/bin/python -m bench.desk_history [--articles 5000] [--reviewers 30] [--repeat 3] [--explain 5]
        [--database-url postgres://postgres@127.0.0.1:5432/factcheck_scale] [--keep]

Builds, in a throw-away PostgreSQL database (`factcheck_scale` unless --database-url names another;
dropped and created again each run, so it must not be a database anyone else uses), one desk
with an admin, an editor and `--reviewers` reviewers, and for every article (imported over the
last three years, newest first on the dashboard) 30 claims (every tenth rejected), each with a
done reference job, 20 of them with a reference, 3 with a source link, and 8 review tasks. The
newest 2% of articles are in review (tasks new, assigned, in review with a draft, or submitted);
older tasks are approved, but for the odd one returned and never taken up again, and verdicts
cite their claim's reference; one claim in each article repeats an earlier checked one. With the
default 5,000 articles that is 150,000 claims, 100,000 references and 40,000 tasks. A second,
small desk is there so that every list has to leave rows out. The rows are synthetic and
written with bulk inserts through the models: no extraction, no reference gathering.

Then, logged in with Django's test client as the editor, a reviewer or the desk admin, it asks
for the pages and API calls people use every day, each once to warm up and `--repeat` times
measured, and prints the median wall time, the number of SQL queries and the size of the
answer. Last, it prints EXPLAIN ANALYZE for the `--explain` slowest single queries seen.

With --keep the database is left in place (for EXPLAIN by hand) and the next run with --keep
measures it again without rebuilding it, when it holds as many articles as asked for.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import SplitResult, urlsplit, urlunsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/factcheck_scale"
CLAIMS_PER_ARTICLE = 30
REFERENCES_PER_ARTICLE = 20
TASKS_PER_ARTICLE = 8
LIBRARY_DOCUMENTS = 2000
HISTORY_DAYS = 3 * 365
BATCH = 5000
# Sentences the synthetic bodies and claims are made of; a claim is one sentence of its body.
SENTENCES = [
    "The ministry said unemployment fell to {n} percent in the third quarter.",
    "Russia and China have vetoed {n} UN Security Council resolutions on Syria.",
    "The city spent {n} million dollars on the new bridge, twice the original budget.",
    "At least {n} people were killed in the floods, according to the Red Cross.",
    "The mayor said crime rose by {n} percent after the police budget was cut.",
    "Exports to the European Union grew by {n} percent last year, the trade office reported.",
]


def _database_urls(url: str, *, app_database_url: str = "") -> tuple[str, str]:
    """(the bench database's URL, the server's maintenance database to create it from).

    The bench drops the database it is given: one that is the app's own (`app_database_url`, the
    environment's DATABASE_URL) or the server's maintenance database is refused before anything
    is dropped."""
    parts = urlsplit(url)
    if parts.scheme not in ("postgres", "postgresql"):
        sys.exit("bench/desk_history.py measures PostgreSQL: give --database-url postgres://…")
    name = parts.path.lstrip("/")
    if name in ("", "postgres", "template0", "template1") or _same_database(parts, urlsplit(app_database_url)):
        sys.exit(
            f"bench/desk_history.py drops and rebuilds its database, and {name or '(none)'!r} is the app's own "
            "or the server's: give --database-url a throw-away database, e.g. …/factcheck_scale"
        )
    return url, urlunsplit((parts.scheme, parts.netloc, "/postgres", parts.query, ""))


def _same_database(one: SplitResult, other: SplitResult) -> bool:
    postgres = ("postgres", "postgresql")
    where = (one.hostname, one.port or 5432, one.path)
    return (
        one.scheme in postgres
        and other.scheme in postgres
        and where == (other.hostname, other.port or 5432, other.path)
    )


def _recreate_database(url: str, maintenance_url: str) -> None:
    import psycopg

    name = urlsplit(url).path.lstrip("/")
    with psycopg.connect(maintenance_url.replace("postgres://", "postgresql://", 1), autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def bench_database_ready(
    database_url: str, *, keep: bool, existing: Callable[[], dict | None], build: Callable[[], dict]
) -> dict:
    """Points Django at the throw-away database `database_url` and returns the measured desk's people:
    `existing()`'s when `keep` is set and the database holds the desk already, else `build()`'s in a
    database dropped, created and migrated for it."""
    url, maintenance_url = _database_urls(database_url, app_database_url=os.environ.get("DATABASE_URL", ""))
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings")
    os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only-not-a-secret")
    os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver")
    import django

    people = None
    if keep:
        django.setup()
        try:
            people = existing()
        except Exception:  # the database does not exist or is not migrated yet
            people = None
        from django.db import connections

        connections.close_all()
    from django.core.management import call_command

    if people is None:
        started = time.perf_counter()
        _recreate_database(url, maintenance_url)
        django.setup()
        call_command("migrate", verbosity=0)
        people = build()
        print(f"built the database in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    else:
        call_command("migrate", verbosity=0)
    return people


def _body_and_claim_spans(number: int, rng: random.Random) -> tuple[str, list[tuple[int, int, str]]]:
    sentences, spans, offset = [], [], 0
    for index in range(CLAIMS_PER_ARTICLE):
        sentence = rng.choice(SENTENCES).format(n=rng.randint(2, 999))
        sentence = f"{sentence[:-1]} (story {number}, line {index})."
        sentences.append(sentence)
        spans.append((offset, offset + len(sentence), sentence))
        offset += len(sentence) + 1
    return " ".join(sentences), spans


def build_desk(*, articles: int, reviewer_count: int, seed: int = 7) -> dict:
    """The desk and its history; returns the people and a few rows the measurements ask for."""
    from django.contrib.auth import get_user_model
    from django.db import connection, transaction
    from django.utils import timezone

    from apps.articles.models import Article, SourceKind
    from apps.articles.parsing import content_hash
    from apps.claims.models import Claim, ClaimKind, ClaimStatus, MatchStatus
    from apps.desks.models import Desk, Membership, Role
    from apps.references.models import (
        JobStatus,
        LibraryDocument,
        Reference,
        ReferenceJob,
        SourceLink,
        SourceRule,
        Stance,
    )
    from apps.reviews.models import RatingScale, ReviewTask, TaskStatus, Verdict, VerdictDraft

    rng = random.Random(seed)  # noqa: S311 - repeatable synthetic data, not secrets
    now = timezone.now()
    user_model = get_user_model()
    desk = Desk.objects.create(name="History desk", slug="history")
    other = Desk.objects.create(name="Other desk", slug="other")

    def member(username: str, role: str, on=desk):
        user = user_model.objects.create_user(username=username, password="bench")  # noqa: S106 - a throw-away database
        Membership.objects.create(desk=on, user=user, role=role)
        return user

    admin = member("desk-admin", Role.ADMIN)
    editor = member("editor", Role.EDITOR)
    reviewers = [member(f"reviewer{number:02}", Role.REVIEWER) for number in range(reviewer_count)]
    member("outsider", Role.EDITOR, on=other)
    ratings = list(RatingScale.objects.get(desk=None).ratings.all())
    kinds = [kind for kind in ClaimKind.values if kind != ClaimKind.PREDICTION]
    # A desk's history is finished work, but for the odd verdict returned and never taken up
    # again; the newest 2% of articles are still in review.
    finished = [TaskStatus.APPROVED] * 99 + [TaskStatus.RETURNED]
    rule = SourceRule.objects.filter(desk=None).first()
    checked_claims: list = []  # approved claims that later articles repeat
    in_progress = [TaskStatus.NEW, TaskStatus.ASSIGNED, TaskStatus.IN_REVIEW, TaskStatus.SUBMITTED]

    def insert(model, rows) -> None:
        model.objects.bulk_create(rows, batch_size=BATCH)

    for first in range(0, articles, 500):
        with transaction.atomic():
            article_rows, claim_rows, reference_rows, task_rows, verdict_rows = [], [], [], [], []
            job_rows, link_rows, draft_rows, citations = [], [], [], []
            for number in range(first, min(first + 500, articles)):
                body, spans = _body_and_claim_spans(number, rng)
                article = Article(
                    desk=desk if number % 50 else other,
                    title=f"Story {number}: {spans[0][2][:80]}",
                    outlet=rng.choice(["The Example Times", "Daily Planet", "Evening Post"]),
                    published_on=(now - dt.timedelta(days=HISTORY_DAYS * number / articles)).date(),
                    body=body,
                    content_hash=content_hash(body),
                    source_kind=rng.choice([SourceKind.PASTE, SourceKind.URL, SourceKind.UPLOAD]),
                    imported_by=editor,
                )
                article_rows.append(article)
                recent = number < articles // 50
                for index, (start, end, text) in enumerate(spans):
                    status = ClaimStatus.REJECTED if index % 10 == 9 else ClaimStatus.ACTIVE
                    claim = Claim(
                        article=article, text=text, start=start, end=end, kind=rng.choice(kinds),
                        score=rng.random(), status=status,
                    )  # fmt: skip
                    if index == 7 and checked_claims:
                        claim.matched_claim = rng.choice(checked_claims)
                        claim.match_score = 0.9
                        claim.match_status = rng.choice([MatchStatus.CONFIRMED, MatchStatus.SUGGESTED])
                    claim_rows.append(claim)
                    job_rows.append(ReferenceJob(claim=claim, status=JobStatus.DONE, attempts=1, finished_at=now))
                    if index < 3 and rule is not None:
                        link_rows.append(
                            SourceLink(
                                claim=claim, rule=rule, url=f"https://data.example.org/{number}/{index}", label="Data"
                            )
                        )
                    reference = None
                    if index < REFERENCES_PER_ARTICLE:
                        reference = Reference(
                            claim=claim, url=f"https://example.org/{number}/{index}", title=f"Source {index}",
                            publisher="Example", provider="wikipedia", score=rng.random() * 20, fetched_at=now,
                            passage=text, stance=rng.choice(Stance.values),
                        )  # fmt: skip
                        reference_rows.append(reference)
                    if index < TASKS_PER_ARTICLE:
                        status = rng.choice(in_progress if recent else finished)
                        reviewer = rng.choice(reviewers)
                        task = ReviewTask(
                            claim=claim,
                            status=status,
                            assignee=None if status == TaskStatus.NEW else reviewer,
                            assigned_by=editor,
                            due_date=(now + dt.timedelta(days=rng.randint(-20, 20))).date() if recent else None,
                        )
                        task_rows.append(task)
                        if status in (TaskStatus.SUBMITTED, TaskStatus.RETURNED, TaskStatus.APPROVED):
                            verdict = Verdict(
                                task=task, rating=rng.choice(ratings), rationale=f"Checked against source {index}.",
                                reviewer=reviewer, submitted_at=now,
                                approved_by=editor if status == TaskStatus.APPROVED else None,
                                approved_at=now if status == TaskStatus.APPROVED else None,
                            )  # fmt: skip
                            verdict_rows.append(verdict)
                            if reference is not None:
                                citations.append(Verdict.cited_references.through(verdict=verdict, reference=reference))
                            if status == TaskStatus.APPROVED and index == 0 and len(checked_claims) < 500:
                                checked_claims.append(claim)
                        elif status == TaskStatus.IN_REVIEW:
                            draft_rows.append(
                                VerdictDraft(
                                    task=task, rating=rng.choice(ratings), rationale="So far", saved_by=reviewer
                                )
                            )
            for model, rows in (
                (Article, article_rows),
                (Claim, claim_rows),
                (Reference, reference_rows),
                (ReviewTask, task_rows),
                (Verdict, verdict_rows),
                (Verdict.cited_references.through, citations),
                (VerdictDraft, draft_rows),
                (ReferenceJob, job_rows),
                (SourceLink, link_rows),
            ):
                insert(model, rows)
        print(f"  {min(first + 500, articles):,} of {articles:,} articles written", file=sys.stderr, flush=True)

    insert(
        LibraryDocument,
        [
            LibraryDocument(
                desk=desk if number % 4 else None,
                title=f"Report {number} on public spending",
                publisher="Statistics office",
                url=f"https://stats.example.org/report/{number}",
                body=" ".join(rng.choice(SENTENCES).format(n=number) for _ in range(20)),
            )
            for number in range(LIBRARY_DOCUMENTS)
        ],
    )
    # created_at is auto_now_add: spread the history over the years afterwards, article number n
    # n/articles of the way back, and its claims and tasks with it.
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE articles_article SET created_at = %s - make_interval(secs => "
            "%s * (substring(title from 'Story ([0-9]+)')::int)::float / %s)",
            [now, HISTORY_DAYS * 86400, articles],
        )
        cursor.execute("ANALYZE")
    return {"desk": desk, "admin": admin, "editor": editor, "reviewer": reviewers[0]}


def existing_desk(articles: int) -> dict | None:
    from django.contrib.auth import get_user_model

    from apps.articles.models import Article
    from apps.desks.models import Desk

    desk = Desk.objects.filter(slug="history").first()
    if desk is None or Article.objects.count() != articles:
        return None
    users = get_user_model().objects
    return {
        "desk": desk,
        "admin": users.get(username="desk-admin"),
        "editor": users.get(username="editor"),
        "reviewer": users.get(username="reviewer00"),
    }


def requests_to_measure(people: dict) -> list[tuple[str, str, str]]:
    """(who, what, path) for each page and API call people use every day."""
    from apps.articles.models import Article
    from apps.claims.models import Claim

    desk = people["desk"]
    # An article in review (the newest ones): its page has claims with tasks, verdicts and references.
    article = Article.objects.filter(desk=desk).order_by("-created_at")[3]
    late_page = max(Article.objects.filter(desk=desk).count() // 25 - 2, 2)
    claim = Claim.objects.filter(article=article, review_task__isnull=False).order_by("start").first()
    return [
        ("editor", "dashboard", "/"),
        ("editor", "dashboard, late page", f"/?page={late_page}"),
        ("reviewer", "dashboard (reviewer)", "/"),
        ("editor", "article page (30 claims)", f"/articles/{article.pk}/"),
        ("editor", "claim page", f"/claims/{claim.pk}/"),
        ("reviewer", "My queue", "/queue/"),
        ("reviewer", "My queue, overdue", "/queue/?overdue=1"),
        ("editor", "queue + approvals (editor)", "/queue/"),
        ("editor", "API articles", "/api/v1/articles/"),
        ("editor", "API articles, filtered", "/api/v1/articles/?search=bridge&source_kind=url"),
        ("editor", "API articles, late page", f"/api/v1/articles/?page={late_page // 2}"),
        ("editor", "API articles, by title", "/api/v1/articles/?ordering=title"),
        ("editor", "API claims ?article=", f"/api/v1/claims/?article={article.pk}"),
        ("editor", "API claims ?kind=&status=", "/api/v1/claims/?kind=statistic&status=active"),
        ("editor", "API claims, all", "/api/v1/claims/"),
        ("reviewer", "API tasks ?assignee=me", "/api/v1/tasks/?assignee=me"),
        ("editor", "API tasks ?status=submitted", "/api/v1/tasks/?status=submitted"),
        ("editor", "API tasks ?article=", f"/api/v1/tasks/?article={article.pk}"),
        ("editor", "API tasks ?assignee=reviewer00", "/api/v1/tasks/?assignee=reviewer00"),
        ("editor", "API references ?claim=", f"/api/v1/references/?claim={claim.pk}"),
        ("editor", "API library documents", "/api/v1/library-documents/"),
        ("editor", "API library, late page", "/api/v1/library-documents/?page=25"),
        ("editor", "export JSON", f"/api/v1/articles/{article.pk}/export/?format=json"),
        ("editor", "export CSV", f"/api/v1/articles/{article.pk}/export/?format=csv"),
        ("admin", "desk settings home", "/desks/"),
        ("admin", "desk people", f"/desks/{desk.slug}/people/"),
        ("admin", "desk ratings", f"/desks/{desk.slug}/ratings/"),
        ("admin", "desk source rules", f"/desks/{desk.slug}/source-rules/"),
        ("admin", "API desk people", f"/api/v1/desks/{desk.slug}/members/"),
        ("admin", "API desk ratings", f"/api/v1/desks/{desk.slug}/ratings/"),
    ]


def measure(people: dict, repeat: int, only: str | None) -> list[dict]:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    clients = {}
    for who in ("editor", "reviewer", "admin"):
        clients[who] = Client()
        clients[who].force_login(people[who])
    results = []
    for who, what, path in requests_to_measure(people):
        if only and only not in what:
            continue
        client = clients[who]
        client.get(path)  # warm caches, as a person clicking around would have
        seconds = []
        for _ in range(repeat):
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                response = client.get(path)
                seconds.append(time.perf_counter() - started)
        results.append(
            {
                "what": what,
                "who": who,
                "path": path,
                "status": response.status_code,
                "seconds": statistics.median(seconds),
                "queries": len(queries.captured_queries),
                "kb": len(response.content) / 1024,
                "slowest": sorted(queries.captured_queries, key=lambda query: -float(query["time"]))[:3],
            }
        )
    return results


def explain(results: list[dict], count: int) -> None:
    from django.db import connection

    seen, slowest = set(), []
    for result in results:
        for query in result["slowest"]:
            if query["sql"] not in seen and query["sql"].lstrip().upper().startswith("SELECT"):
                seen.add(query["sql"])
                slowest.append((float(query["time"]), result["what"], query["sql"]))
    for seconds, what, sql in sorted(slowest, reverse=True)[:count]:
        print(f"\n--- {seconds * 1000:.0f} ms in “{what}”:\n{sql[:1500]}")
        with connection.cursor() as cursor:
            cursor.execute(f"EXPLAIN ANALYZE {sql}")
            print("\n".join(f"    {row[0]}" for row in cursor.fetchall()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=5000, help="articles in the desk's history (default 5000)")
    parser.add_argument("--reviewers", type=int, default=30)
    parser.add_argument("--repeat", type=int, default=3, help="measured requests of each page (median shown)")
    parser.add_argument("--explain", type=int, default=5, help="EXPLAIN ANALYZE this many of the slowest queries")
    parser.add_argument("--only", help="measure only the requests whose name contains this")
    parser.add_argument("--database-url", default=DEFAULT_DATABASE_URL, help=f"default: {DEFAULT_DATABASE_URL}")
    parser.add_argument("--keep", action="store_true", help="reuse the database if it holds this desk already")
    args = parser.parse_args()

    people = bench_database_ready(
        args.database_url,
        keep=args.keep,
        existing=lambda: existing_desk(args.articles),
        build=lambda: build_desk(articles=args.articles, reviewer_count=args.reviewers),
    )

    from apps.articles.models import Article
    from apps.claims.models import Claim
    from apps.references.models import Reference
    from apps.reviews.models import ReviewTask, Verdict

    print(
        f"{Article.objects.count():,} articles, {Claim.objects.count():,} claims, "
        f"{Reference.objects.count():,} references, {ReviewTask.objects.count():,} tasks, "
        f"{Verdict.objects.count():,} verdicts, {args.reviewers} reviewers (PostgreSQL)\n"
    )
    results = measure(people, args.repeat, args.only)
    print(f"{'request':<32} {'as':<8} {'status':>6} {'seconds':>8} {'queries':>7} {'KB':>7}")
    for result in results:
        print(
            f"{result['what']:<32} {result['who']:<8} {result['status']:>6} {result['seconds']:>8.3f} "
            f"{result['queries']:>7} {result['kb']:>7.0f}"
        )
    explain(results, args.explain)
    if not args.keep:
        from django.db import connections

        connections.close_all()


if __name__ == "__main__":
    main()
