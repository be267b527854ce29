import signal
import subprocess
import sys
import time

from django.conf import settings
from django.core.management.base import BaseCommand


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
        # SIGTERM (a service manager, `kill`) stops the desk like Ctrl-C does.
        signal.signal(signal.SIGTERM, signal.default_int_handler)
        processes = {name: subprocess.Popen(command) for name, command in commands.items()}  # noqa: S603
        self.stdout.write(f"factcheck is running at http://{addrport}/ — press Ctrl-C to stop.")
        try:
            while all(process.poll() is None for process in processes.values()):
                time.sleep(0.5)
            stopped = [name for name, process in processes.items() if process.poll() is not None]
            self.stderr.write(f"{', '.join(stopped)} stopped; shutting down the rest.")
        except KeyboardInterrupt:
            self.stdout.write("Stopping...")
        finally:
            for process in processes.values():
                if process.poll() is None:
                    process.send_signal(signal.SIGTERM)
            for process in processes.values():
                try:
                    process.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    process.kill()
