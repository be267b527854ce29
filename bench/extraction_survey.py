"""What `extract_claims` makes of real news: counts over the Wikinews articles, and what a change changed.

Run from the repository root with the app's virtualenv (data in ../shared/data):

    .venv/bin/python -m bench.extraction_survey dump OUT.jsonl [--max-words 3000]
    .venv/bin/python -m bench.extraction_survey stats OUT.jsonl
    .venv/bin/python -m bench.extraction_survey diff BEFORE.jsonl AFTER.jsonl [--fields kind,attribution]

`dump` extracts every Wikinews article (../shared/data/news-articles) of fewer than --max-words
words and writes one line per article: its URL, date and claims with all their facts. Articles
the language check refuses are counted, not written. `stats` prints the measures the extraction
rounds in docs/claim-extraction.md report: claims, attributed claims, unattributed claims with a
saying verb, predictions, quantities (and those without a unit), resolved dates and the kinds.
`diff` pairs the claims of two dumps by article and text span and prints every claim whose
text or chosen facts differ, and the claims only one side has, so a rule change can be read
claim by claim. To compare against an older commit, dump from a `git worktree` of it.
"""

import argparse
import csv
import datetime as dt
import json
import os
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "news-articles"
SAYING_VERB = re.compile(r"\b(?:said|says|told|announced|reported|stated)\b", re.IGNORECASE)
# Who published every article of the data, as `Article.outlet` would name it
WIKINEWS = "Wikinews"
FACT_FIELDS = ("text", "kind", "attribution", "quantities", "entities", "dates", "cues")


def wikinews_articles(max_words: int) -> list[dict[str, str]]:
    csv.field_size_limit(sys.maxsize)
    articles = []
    for path in sorted(DATA.glob("wikinews_*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            articles.extend(row for row in csv.DictReader(handle) if len(row["text"].split()) < max_words)
    return articles


def dump(out: Path, max_words: int) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings")
    os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only-not-a-secret")
    import django

    django.setup()
    from apps.claims.extraction import UnsupportedLanguageError, extract_claims

    articles = wikinews_articles(max_words)
    refused = 0
    with out.open("w", encoding="utf-8") as handle:
        for article in articles:
            try:
                claims = extract_claims(
                    article["text"], published_on=dt.date.fromisoformat(article["date"]), outlet=WIKINEWS
                )
            except UnsupportedLanguageError:
                refused += 1
                continue
            record = {"url": article["url"], "date": article["date"], "claims": [c.as_dict() for c in claims]}
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"{len(articles) - refused} articles written to {out}; {refused} refused as not English")


def read_dump(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def survey_counts(articles: list[dict]) -> dict[str, int]:
    claims = [claim for article in articles for claim in article["claims"]]
    quantities = [quantity for claim in claims for quantity in claim["quantities"]]
    counts = {
        "articles": len(articles),
        "claims": len(claims),
        "attributed (has a source)": sum(1 for claim in claims if claim["attribution"]),
        "unattributed with said/says/told/announced/reported/stated": sum(
            1 for claim in claims if not claim["attribution"] and SAYING_VERB.search(claim["text"])
        ),
        "predictions": sum(1 for claim in claims if claim["kind"] == "prediction"),
        "quantities": len(quantities),
        "quantities without a unit": sum(1 for quantity in quantities if not quantity["unit"]),
        "resolved dates": sum(len(claim["dates"]) for claim in claims),
        "entities": sum(len(claim["entities"]) for claim in claims),
    }
    for kind, count in sorted(Counter(claim["kind"] for claim in claims).items()):
        counts[f"kind {kind}"] = count
    return counts


def stats(path: Path) -> None:
    for measure, count in survey_counts(read_dump(path)).items():
        print(f"{count:>7,}  {measure}")


def _by_span(article: dict) -> dict[tuple, dict]:
    return {tuple(map(tuple, claim["spans"])) or (claim["start"], claim["end"]): claim for claim in article["claims"]}


def diff(before_path: Path, after_path: Path, fields: tuple[str, ...]) -> None:
    before = {article["url"]: article for article in read_dump(before_path)}
    after = {article["url"]: article for article in read_dump(after_path)}
    changed = added = removed = 0
    for url in sorted(before.keys() | after.keys()):
        old = _by_span(before.get(url, {"claims": []}))
        new = _by_span(after.get(url, {"claims": []}))
        lines = []
        for span in sorted(old.keys() | new.keys()):
            if span not in new:
                removed += 1
                lines.append(f"  - {old[span]['text']}")
            elif span not in old:
                added += 1
                lines.append(f"  + {new[span]['text']}")
            elif differing := [name for name in fields if old[span][name] != new[span][name]]:
                changed += 1
                lines.append(f"  ~ {new[span]['text']}")
                for name in differing:
                    lines.append(f"      {name}: {json.dumps(old[span][name], ensure_ascii=False)}")
                    lines.append(f"      {' ' * len(name)}→ {json.dumps(new[span][name], ensure_ascii=False)}")
        if lines:
            print(url)
            print("\n".join(lines))
    print(f"{changed} claims changed, {added} only after, {removed} only before")
    old_counts, new_counts = survey_counts(list(before.values())), survey_counts(list(after.values()))
    for measure in old_counts.keys() | new_counts.keys():
        if old_counts.get(measure, 0) != new_counts.get(measure, 0):
            print(f"  {measure}: {old_counts.get(measure, 0):,} → {new_counts.get(measure, 0):,}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    dump_parser = commands.add_parser("dump", help="extract the articles and write their claims")
    dump_parser.add_argument("out", type=Path)
    dump_parser.add_argument("--max-words", type=int, default=3000)
    stats_parser = commands.add_parser("stats", help="print the measures of a dump")
    stats_parser.add_argument("dump", type=Path)
    diff_parser = commands.add_parser("diff", help="print the claims two dumps disagree on")
    diff_parser.add_argument("before", type=Path)
    diff_parser.add_argument("after", type=Path)
    diff_parser.add_argument(
        "--fields", default=",".join(FACT_FIELDS), help=f"what to compare, of {', '.join(FACT_FIELDS)}"
    )
    args = parser.parse_args()
    if args.command == "dump":
        dump(args.out, args.max_words)
    elif args.command == "stats":
        stats(args.dump)
    else:
        fields = tuple(name.strip() for name in args.fields.split(",") if name.strip())
        if unknown := set(fields) - set(FACT_FIELDS):
            parser.error(f"unknown fields: {', '.join(sorted(unknown))}")
        diff(args.before, args.after, fields)


if __name__ == "__main__":
    main()
