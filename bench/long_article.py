"""What a long article costs, from import to the pages that show it.

Run from the repository root with the app's virtualenv (data in ../shared/data):

    .venv/bin/python -m bench.long_article [--sizes 6000,40000,200000,2000000] [--database-url URL]

For each size, builds an article of at most that many bytes from Wikinews articles
(../shared/data/news-articles, each a numbered part so no two paragraphs are the same), then
in a fresh database (a throwaway SQLite file unless --database-url names another):
- imports it as an editor pasting it would (over ARTICLE_INLINE_INTAKE_MAX_BYTES the import
  only queues the intake);
- runs the intake as a worker would (claims, source links, review tasks, reference jobs);
- requests the article page, one page of the claims API and the JSON and CSV exports.
Prints seconds for each step, the number of claims, and the process's peak memory.
"""

import argparse
import csv
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "news-articles"


def article_text(size: int) -> str:
    csv.field_size_limit(sys.maxsize)
    texts = []
    for path in sorted(DATA.glob("wikinews_*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            texts.extend(row["text"] for row in csv.DictReader(handle))
    parts, length, index = [], 0, 0
    while True:
        part = f"{texts[index % len(texts)]} (Part {index + 1}.)"
        if parts and length + len(part.encode()) + 2 > size:
            return f"Long article of {size:,} bytes\n\n" + "\n\n".join(parts)
        parts.append(part)
        length += len(part.encode()) + 2
        index += 1


def timed(step):
    started = time.perf_counter()
    result = step()
    return result, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--sizes", default="6000,40000,200000,2000000", help="largest article sizes in bytes, comma-separated"
    )
    parser.add_argument("--database-url", help="default: a throwaway SQLite file")
    args = parser.parse_args()

    scratch = tempfile.TemporaryDirectory()
    os.environ["DATABASE_URL"] = args.database_url or f"sqlite:///{scratch.name}/bench.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings")
    os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only-not-a-secret")
    os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver")
    os.environ["CELERY_BROKER_URL"] = f"filesystem://{scratch.name}"
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client

    from apps.articles.services import article_import_text, article_intake_run
    from apps.claims.extraction import extract_claims
    from tests import factories

    call_command("migrate", verbosity=0)
    desk = factories.DeskFactory(name="Bench desk", slug="bench")
    editor = factories.MemberFactory(desk=desk, role="editor", username="bench-editor").user
    client = Client()
    client.force_login(editor)
    extract_claims("The UN says at least 40,000 people have been killed.")  # load the model once

    print(f"{'bytes':>9} {'claims':>6} {'import s':>8} {'intake s':>8} {'page s':>7} {'page MB':>7} "
          f"{'API s':>6} {'JSON s':>6} {'CSV s':>6}")  # fmt: skip
    for size in (int(value) for value in args.sizes.split(",")):
        text = article_text(size)
        result, import_seconds = timed(lambda text=text: article_import_text(desk=desk, user=editor, text=text))
        article = result.article
        intake_seconds = 0.0
        if article.intake_pending:
            _, intake_seconds = timed(lambda article=article: article_intake_run(article_id=str(article.pk)))
        page, page_seconds = timed(lambda article=article: client.get(f"/articles/{article.pk}/"))
        _, api_seconds = timed(lambda article=article: client.get(f"/api/v1/claims/?article={article.pk}"))
        export = f"/api/v1/articles/{article.pk}/export/"
        _, json_seconds = timed(lambda export=export: client.get(export, {"format": "json"}))
        _, csv_seconds = timed(lambda export=export: client.get(export, {"format": "csv"}))
        print(
            f"{len(text.encode()):>9,} {article.claims.count():>6,} {import_seconds:>8.2f} {intake_seconds:>8.1f} "
            f"{page_seconds:>7.2f} {len(page.content) / 1e6:>7.1f} {api_seconds:>6.2f} {json_seconds:>6.2f} "
            f"{csv_seconds:>6.2f}"
        )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory of this process: {peak:,.0f} MB")


if __name__ == "__main__":
    main()
