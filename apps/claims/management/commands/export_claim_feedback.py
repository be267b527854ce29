import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from apps.claims.selectors import claim_feedback_training_rows
from apps.desks.models import Desk


class Command(BaseCommand):
    help = (
        "Write editors' check-worthiness verdicts (rejected, added and released claims) as JSON Lines "
        '{"text", "label"} for `python -m training.train member --feedback FILE`.'
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--desk", action="append", metavar="SLUG", help="only this desk (repeatable); default all")
        parser.add_argument("--output", metavar="FILE", help="write here instead of standard output")

    def handle(self, *args, **options) -> None:
        desk_ids = None
        if options["desk"]:
            slugs = set(options["desk"])
            desks = dict(Desk.objects.filter(slug__in=slugs).values_list("slug", "pk"))
            if unknown := sorted(slugs - desks.keys()):
                raise CommandError(f"No desk with slug {', '.join(unknown)}.")
            desk_ids = list(desks.values())
        rows = claim_feedback_training_rows(desk_ids=desk_ids)
        lines = "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
        if options["output"]:
            path = Path(options["output"])
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(lines, encoding="utf-8")
            except OSError as error:
                raise CommandError(f"Cannot write {path}: {error.strerror or error}") from None
        else:
            self.stdout.write(lines, ending="")
        positives = sum(1 for row in rows if row["label"])
        self.stderr.write(f"{len(rows)} rows: {positives} check-worthy, {len(rows) - positives} not.")
