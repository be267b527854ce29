import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from apps.articles.parsing import decode_text
from apps.claims.checkworthiness import CHECK_WORTHY_THRESHOLD, score_sentences
from apps.core.exceptions import ApplicationError


class Command(BaseCommand):
    help = "Score one sentence per line for check-worthiness; prints one JSON object a line."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", help="Text file with one sentence per line")

    def handle(self, *args, **options) -> None:
        path = Path(options["path"])
        limit = settings.ARTICLE_MAX_BYTES
        try:
            # One byte past the limit tells a file too large without reading all of it.
            with path.open("rb") as handle:
                data = handle.read(limit + 1)
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error.strerror or error}") from None
        if len(data) > limit:
            raise CommandError(f"{path} is larger than {limit:,} bytes, the limit for an article.")
        try:
            text = decode_text(data, max_bytes=settings.ARTICLE_MAX_BYTES)
        except ApplicationError as error:
            raise CommandError(error.message) from None
        sentences = [line.strip() for line in text.splitlines() if line.strip()]
        for sentence, score in zip(sentences, score_sentences(sentences), strict=True):
            row = {"text": sentence, "score": score, "check_worthy": score >= CHECK_WORTHY_THRESHOLD}
            self.stdout.write(json.dumps(row, ensure_ascii=False))
