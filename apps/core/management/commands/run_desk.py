import signal
import sys

from django.conf import settings
from django.core.management.base import BaseCommand

from apps.core.processes import Supervisor


class Command(BaseCommand):
    help = "Run the web app and a Celery worker (with the periodic scheduler) until Ctrl-C."

    def add_arguments(self, parser):
        parser.add_argument("--addrport", default="127.0.0.1:8000")
        parser.add_argument("--concurrency", type=int, default=2)

    def handle(self, *args, addrport: str, concurrency: int, **options):
        settings.VAR_DIR.mkdir(parents=True, exist_ok=True)
        for folder in ("queue", "processed"):
            (settings.VAR_DIR / "broker" / folder).mkdir(parents=True, exist_ok=True)
        commands = {
            "web": [sys.executable, "manage.py", "runserver", addrport, "--noreload"],
            "worker": [
                sys.executable, "-m", "celery", "-A", "factcheck", "worker", "--beat",
                "--schedule", str(settings.VAR_DIR / "celerybeat-schedule"),
                "--queues", "default,fetch", "--concurrency", str(concurrency), "--loglevel", "INFO",
            ],
        }  # fmt: skip
        supervisor = Supervisor(commands)
        # Ctrl-C and SIGTERM (a service manager, `kill`) both stop the desk; a second one
        # while stopping kills what is left instead of waiting.
        signal.signal(signal.SIGINT, supervisor.request_stop)
        signal.signal(signal.SIGTERM, supervisor.request_stop)
        self.stdout.write(f"factcheck is running at http://{addrport}/ — press Ctrl-C to stop.")
        exited = supervisor.run()
        if exited:
            self.stderr.write(f"{', '.join(exited)} stopped; the rest were stopped too.")
        else:
            self.stdout.write("Stopped.")
