import logging.config
import os
from pathlib import Path

from celery import Celery
from celery.signals import setup_logging

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings")

app = Celery("factcheck")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@app.on_configure.connect
def _create_filesystem_broker_folders(sender, **kwargs):
    # kombu's filesystem transport fails on a missing folder instead of creating it.
    from django.conf import settings

    # Read from Django's settings: touching `sender.conf` here would re-enter configuration.
    options = settings.CELERY_BROKER_TRANSPORT_OPTIONS
    for key in ("data_folder_in", "data_folder_out", "processed_folder", "control_folder"):
        if options.get(key):
            Path(options[key]).mkdir(parents=True, exist_ok=True)


@setup_logging.connect
def _use_django_logging(**kwargs):
    # Connecting here stops Celery from setting up logging itself: it would put the root logger at
    # the worker's --loglevel (WARNING unless given) and give task loggers a format of their own.
    # Workers log like the web processes instead, at DJANGO_LOG_LEVEL.
    from django.conf import settings

    logging.config.dictConfig(settings.LOGGING)
