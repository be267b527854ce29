"""How long `extract_claims` takes on real ~1,000-word news articles, on one core.

Run from the repository root with the app's virtualenv (data in ../shared/data):

    .venv/bin/python -m bench.extraction_speed [--runs 10] [--min-words 800] [--max-words 1200]

Takes every Wikinews article (../shared/data/news-articles) whose body has between
--min-words and --max-words words, pins the process to one CPU core, extracts each
once to warm up (model load, caches), then times --runs extractions per article and
prints min / median / max per article and over all of them. The budget in the claim
extraction issue is 250 ms for a 1,000-word article.
"""

import argparse
import csv
import datetime as dt
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "news-articles"


def wikinews_articles(min_words: int, max_words: int) -> list[dict[str, str]]:
    csv.field_size_limit(sys.maxsize)
    articles = []
    for path in sorted(DATA.glob("wikinews_*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                if min_words <= len(row["text"].split()) <= max_words:
                    articles.append(row)
    return articles


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--min-words", type=int, default=800)
    parser.add_argument("--max-words", type=int, default=1200)
    parser.add_argument("--core", type=int, default=0, help="the CPU core to pin the process to")
    args = parser.parse_args()

    os.sched_setaffinity(0, {args.core})
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings")
    os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only-not-a-secret")
    import django

    django.setup()
    from apps.claims.extraction import extract_claims

    articles = wikinews_articles(args.min_words, args.max_words)
    if not articles:
        raise SystemExit(f"no Wikinews article of {args.min_words}-{args.max_words} words in {DATA}")
    span = f"{args.min_words}-{args.max_words}"
    print(f"{len(articles)} Wikinews articles of {span} words, one core, {args.runs} runs each")
    medians, every_run = [], []
    for article in articles:
        published_on = dt.date.fromisoformat(article["date"])
        # As the app extracts them: with the outlet, whose own reporting is no claim.
        claims = extract_claims(article["text"], published_on=published_on, outlet="Wikinews")
        seconds = []
        for _ in range(args.runs):
            started = time.perf_counter()
            extract_claims(article["text"], published_on=published_on, outlet="Wikinews")
            seconds.append(time.perf_counter() - started)
        every_run.extend(seconds)
        medians.append(statistics.median(seconds))
        words = len(article["text"].split())
        print(
            f"  {words:>5} words {len(claims):>3} claims  min {min(seconds) * 1000:6.1f} ms  "
            f"median {statistics.median(seconds) * 1000:6.1f} ms  max {max(seconds) * 1000:6.1f} ms  "
            f"{article['title'][:50]}"
        )
    print(
        f"All: median of article medians {statistics.median(medians) * 1000:.1f} ms, "
        f"slowest article median {max(medians) * 1000:.1f} ms, slowest single run {max(every_run) * 1000:.1f} ms"
    )


if __name__ == "__main__":
    main()
