from django.core.management.base import BaseCommand, CommandError

from apps.articles import services
from apps.articles.models import SourceKind
from apps.core.exceptions import ApplicationError
from apps.desks.selectors import desk_get_by_slug, desk_only, user_get_by_username


class Command(BaseCommand):
    help = "Import an article from a .txt/.md/.html/.docx/.pdf file or an http(s) URL; prints its id and claims."

    def add_arguments(self, parser):
        parser.add_argument("source", help="Path to a .txt, .md, .html, .docx or .pdf file, or an http(s) URL")
        parser.add_argument("--desk", help="Desk slug (default: the only desk, if there is one)")
        parser.add_argument("--user", help="Username recorded as the importer")

    def handle(self, *args, source: str, desk: str | None, user: str | None, **options):
        try:
            target_desk = desk_get_by_slug(slug=desk) if desk else desk_only()
            importer = user_get_by_username(username=user) if user else None
            if source.startswith(("http://", "https://")):
                # Here nobody waits on a web request, so even a long article is done before the
                # command prints its claims.
                result = services.article_import_url(desk=target_desk, user=importer, url=source, intake_inline=True)
            else:
                try:
                    # One byte past the limit tells a file too large without reading all of it.
                    with open(source, "rb") as handle:
                        data = handle.read(services.article_upload_max_bytes() + 1)
                except OSError as error:
                    raise CommandError(f"cannot read {source}: {error.strerror}") from None
                result = services.article_import_file(
                    desk=target_desk,
                    user=importer,
                    data=data,
                    filename=source,
                    source_kind=SourceKind.COMMAND,
                    intake_inline=True,
                )
        except ApplicationError as error:
            raise CommandError(error.message) from None

        article = result.article
        state = "imported" if result.created else "already imported"
        self.stdout.write(f"{article.pk}")
        self.stdout.write(f"{state}: {article.title} ({article.claims.count()} claims)")
        for claim in article.claims.order_by("start"):
            self.stdout.write(f"  [{claim.kind}] {claim.score:.2f}  {claim.text}")
