from django.core.management.base import BaseCommand

from apps.demo.services import demo_desk_load


class Command(BaseCommand):
    help = "Create the demo desk (an editor, two reviewers, a reference library, a demo article)."

    def handle(self, *args, **options):
        demo = demo_desk_load()
        self.stdout.write(f"Demo desk '{demo.desk.name}' ready: article {demo.article.pk}")
        self.stdout.write("Demo logins (demo data only; never load the demo on a production desk):")
        for username, password, role in demo.logins:
            self.stdout.write(f"  {role:<9} {username:<10} password: {password}")
