import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings")
application = get_wsgi_application()

# Imported once Django is set up; gunicorn's worker then fails to boot, and gunicorn exits.
from apps.core.checks import refuse_to_serve_with_deploy_errors  # noqa: E402

refuse_to_serve_with_deploy_errors()
