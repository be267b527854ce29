import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from apps.articles.language import language_detect
from apps.articles.parsing import parse_upload, upload_max_bytes
from apps.claims.extraction import UnsupportedLanguageError, extract_claims, unsupported_language_message
from apps.core.exceptions import ApplicationError

JSON_FIELDS = ("text", "start", "end", "kind", "score", "quantities", "entities", "dates", "attribution")


class Command(BaseCommand):
    help = "Print the claims found in an article file (.txt, .md, .html). Touches no database."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", help="Article file to read")
        parser.add_argument("--json", action="store_true", help="Print a JSON array instead of a table")

    def handle(self, *args, **options) -> None:
        path = Path(options["path"])
        try:
            # One byte past the limit tells a file too large without reading all of it.
            with path.open("rb") as handle:
                data = handle.read(upload_max_bytes(settings.ARTICLE_MAX_BYTES) + 1)
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error.strerror or error}") from None
        try:
            parsed = parse_upload(data, filename=str(path), max_bytes=settings.ARTICLE_MAX_BYTES)
            claims = extract_claims(parsed.body, published_on=parsed.published_on, outlet=parsed.outlet)
        except UnsupportedLanguageError:
            # Only a refused file pays for loading the language model.
            raise CommandError(unsupported_language_message(language_detect(parsed.body))) from None
        except ApplicationError as error:
            raise CommandError(error.message) from None
        if options["json"]:
            rows = [{name: getattr(claim, name) for name in (*JSON_FIELDS, "cues", "spans")} for claim in claims]
            self.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2))
            return
        self.stdout.write(f"{len(claims)} claims in {parsed.title or path.name}")
        for number, claim in enumerate(claims, start=1):
            self.stdout.write(f"\n{number:>3}. [{claim.kind}] score {claim.score:.2f}  {claim.start}-{claim.end}")
            self.stdout.write(f"     {claim.text}")
            if claim.attribution:
                self.stdout.write(f"     attributed to: {claim.attribution}")
            for quantity in claim.quantities:
                self.stdout.write(f"     quantity: {quantity['qualifier']} {quantity['value']} {quantity['unit']}")
            for date in claim.dates:
                self.stdout.write(f"     date: {date['text']} -> {date['value']}")
