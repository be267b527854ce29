from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from apps.articles import services
from apps.articles.models import SourceKind
from apps.core.exceptions import ApplicationError
from apps.desks.models import Desk


class Command(BaseCommand):
    help = "Import an article from a .txt/.md/.html file or an http(s) URL; prints its id and claims."

    def add_arguments(self, parser):
        parser.add_argument("source", help="Path to a .txt, .md or .html file, or an http(s) URL")
        parser.add_argument("--desk", help="Desk slug (default: the only desk, if there is one)")
        parser.add_argument("--user", help="Username recorded as the importer")

    def handle(self, *args, source: str, desk: str | None, user: str | None, **options):
        target_desk = self._desk(desk)
        importer = None
        if user:
            importer = get_user_model().objects.filter(username=user).first()
            if importer is None:
                raise CommandError(f"no user named {user!r}")
        try:
            if source.startswith(("http://", "https://")):
                result = services.article_import_url(desk=target_desk, user=importer, url=source)
            else:
                try:
                    with open(source, "rb") as handle:
                        data = handle.read()
                except OSError as error:
                    raise CommandError(f"cannot read {source}: {error.strerror}") from None
                result = services.article_import_file(
                    desk=target_desk,
                    user=importer,
                    data=data,
                    filename=source,
                    source_kind=SourceKind.COMMAND,
                )
        except ApplicationError as error:
            raise CommandError(error.message) from None

        article = result.article
        state = "imported" if result.created else "already imported"
        self.stdout.write(f"{article.pk}")
        self.stdout.write(f"{state}: {article.title} ({article.claims.count()} claims)")
        for claim in article.claims.order_by("start"):
            self.stdout.write(f"  [{claim.kind}] {claim.score:.2f}  {claim.text}")

    def _desk(self, slug: str | None) -> Desk:
        if slug:
            desk = Desk.objects.filter(slug=slug).first()
            if desk is None:
                raise CommandError(f"no desk with slug {slug!r}")
            return desk
        desks = list(Desk.objects.all()[:2])
        if len(desks) != 1:
            raise CommandError("name the desk with --desk SLUG")
        return desks[0]
