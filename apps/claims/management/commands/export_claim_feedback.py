import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from apps.claims.selectors import claim_feedback_training_rows
from apps.core.exceptions import NotFoundError
from apps.desks.selectors import desk_get_by_slug


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
            try:
                desk_ids = [desk_get_by_slug(slug=slug).pk for slug in dict.fromkeys(options["desk"])]
            except NotFoundError as error:
                raise CommandError(error.message) from None
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
