from django.core.management.base import BaseCommand, CommandError

from apps.articles.selectors import article_get_unscoped
from apps.core.exceptions import ApplicationError
from apps.reports import services
from apps.reports.selectors import report_build


class Command(BaseCommand):
    help = "Export an article's checked report (html, pdf, md, csv, csv-excel, json or claimreview)."

    def add_arguments(self, parser):
        parser.add_argument("article_id")
        parser.add_argument("--format", default="json", choices=[*sorted(services.FORMATS), "markdown", "jsonld"])
        parser.add_argument("-o", "--output", help="File to write (default: standard output)")

    def handle(self, *args, article_id: str, format: str, output: str | None, **options):
        try:
            report = report_build(article=article_get_unscoped(article_id=article_id))
            export = services.report_export(report=report, export_format=format)
        except ApplicationError as error:
            raise CommandError(error.message) from None
        if output:
            try:
                content = export.content if isinstance(export.content, bytes) else export.content.encode("utf-8")
                with open(output, "wb") as handle:
                    handle.write(content)
            except OSError as error:
                raise CommandError(f"cannot write {output}: {error.strerror}") from None
            self.stderr.write(f"wrote {output}")
        elif isinstance(export.content, bytes):
            raise CommandError(f"{format} is binary; write it to a file with -o FILE")
        else:
            self.stdout.write(export.content, ending="")
