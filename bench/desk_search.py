"""What search costs on a desk with years of history, with and without its GIN indexes.

    .venv/bin/python -m bench.desk_history --keep --only "API claims, all" --repeat 1 --explain 0 \\
        --database-url postgres://postgres@127.0.0.1:5432/factcheck_scale
    .venv/bin/python -m bench.desk_search [--database-url postgres://postgres@127.0.0.1:5432/factcheck_scale]
        [--repeat 3]

Reads the database `bench/desk_history.py --keep` left (150,000 claims by default) and asks, as
the desk's editor, for the search page and API with a few kinds of query: a rare word, words every
sixth claim holds, a phrase with an exclusion, exclusions alone (refused with a 400: nothing to
look for) and within a filter (approved only; every date, the worst case), and filters alone.
Each is asked once to warm up and `--repeat` times measured (median wall time, SQL queries, size
of the answer), then again with the three search indexes dropped inside a transaction that is
rolled back, so the database is left as it was.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/factcheck_scale"
SEARCHES = [
    ("a word no claim holds", {"q": "tsunami"}),
    ("a rare word (one article)", {"q": "{rare}"}),
    ("a common word (1 claim in 6)", {"q": "vetoed"}),
    ("phrase and exclusion", {"q": '"security council" -china'}),
    ("common word, approved only", {"q": "bridge", "approved": "on"}),
    ("exclusions only (refused)", {"q": "-russia -bridge"}),
    ("exclusions, approved only", {"q": "-russia -bridge", "approved": "on"}),
    ("exclusions, any date", {"q": "-russia -bridge", "published_after": "2000-01-01"}),
    ("filters only: approved, 2024", {"approved": "on", "published_after": "2024-01-01"}),
]
INDEXES = ("claims_claim_search_document", "articles_article_search_document", "reviews_verdict_search_document")


def measure(client, repeat: int, rare: str) -> list[tuple[str, str, float, int, int, int]]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    rows = []
    for what, params in SEARCHES:
        params = {key: value.format(rare=rare) for key, value in params.items()}
        for where, path in (("page", "/search/"), ("API", "/api/v1/search/")):
            url = f"{path}?{urlencode(params)}"
            client.get(url)
            seconds = []
            for _ in range(repeat):
                with CaptureQueriesContext(connection) as queries:
                    started = time.perf_counter()
                    response = client.get(url)
                    seconds.append(time.perf_counter() - started)
            expected = 400 if "refused" in what else 200
            if response.status_code != expected:
                sys.exit(f"{url} answered {response.status_code}, not {expected}")
            found = 0 if expected != 200 else _found(response, where)
            rows.append((what, where, statistics.median(seconds), len(queries), len(response.content) // 1024, found))
    return rows


def _found(response, where: str) -> int:
    return response.context["results"].paginator.count if where == "page" else response.json()["count"]


def show(title: str, rows) -> None:
    print(f"\n{title}\n{'search':<32} {'where':<5} {'seconds':>8} {'queries':>7} {'KB':>5} {'found':>8}")
    for what, where, seconds, queries, kb, found in rows:
        print(f"{what:<32} {where:<5} {seconds:>8.3f} {queries:>7} {kb:>5} {found:>8,}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url", default=DEFAULT_DATABASE_URL, help=f"default: {DEFAULT_DATABASE_URL}")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    os.environ["DATABASE_URL"] = args.database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings")
    os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only-not-a-secret")
    os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver")
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.db import connection, transaction
    from django.test import Client
    from django.test.utils import setup_test_environment

    from apps.articles.models import Article
    from apps.claims.models import Claim

    setup_test_environment()  # so that responses carry their context
    client = Client()
    client.force_login(get_user_model().objects.get(username="editor"))
    rare_article = Article.objects.filter(desk__slug="history").order_by("created_at").first()
    # The story number in one article's title ("Story 4321: ..."): the rare case, as most
    # searches for an earlier check are.
    rare = rare_article.title.split(":")[0].split()[-1]
    print(f"{Claim.objects.count():,} claims; the rare word is {rare!r}")
    show("With the search indexes", measure(client, args.repeat, rare))
    with transaction.atomic():
        with connection.cursor() as cursor:
            for index in INDEXES:
                cursor.execute(f'DROP INDEX "{index}"')
        show("Without them (dropped in a transaction, then rolled back)", measure(client, args.repeat, rare))
        transaction.set_rollback(True)


if __name__ == "__main__":
    main()
