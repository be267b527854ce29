"""Settings for factcheck, read from the environment.

Every deploy-time value comes from an environment variable (see `.env.example`). The defaults
run the whole desk on one machine with nothing else installed: SQLite in WAL mode and kombu's
filesystem broker under `var/`. Setting DATABASE_URL / REDIS_URL switches to PostgreSQL / Redis.
"""

import datetime as dt
from pathlib import Path

import environ
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(environ.Env().str("FACTCHECK_VAR_DIR", default=str(BASE_DIR / "var")))

env = environ.Env()

# --- Django core ----------------------------------------------------------------------------
# https://docs.djangoproject.com/en/5.2/ref/settings/
DEBUG = env.bool("DJANGO_DEBUG", default=False)
SECRET_KEY = env.str("DJANGO_SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off")
    SECRET_KEY = "insecure-development-key-only-for-debug"  # noqa: S105
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

DJANGO_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]
THIRD_PARTY_APPS = [
    "rest_framework",
    "rest_framework.authtoken",
    # Counts failed sign-ins and locks out a name guessed at from one address (see "Sign-in lockout").
    "axes",
    # Two-step sign-in: authenticator-app codes (TOTP) and single-use recovery codes (see "Two-step sign-in").
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
]
LOCAL_APPS = [
    "apps.core",
    "apps.desks",
    "apps.articles",
    "apps.claims",
    "apps.references",
    "apps.reviews",
    "apps.reports",
    "apps.demo",
    "apps.web",
]
INSTALLED_APPS = DJANGO_APPS + THIRD_PARTY_APPS + LOCAL_APPS

MIDDLEWARE = [
    # First: probes answer before the Host check and the HTTPS redirect (see apps/core/health.py).
    "apps.core.health.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Serves collected static files with DEBUG off, from every web process (whitenoise docs).
    "apps.core.static_files.StaticFilesMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The browser's Accept-Language, among LANGUAGES; a signed-in person's own choice overrides it below.
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # request.user.is_verified(): whether this session's sign-in passed the second step (django-otp).
    "django_otp.middleware.OTPMiddleware",
    "apps.core.interface_language.InterfaceLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Inside the user and message middleware: the page it draws has the site's header.
    "apps.web.middleware.method_not_allowed_page",
    # A person whose desk requires two-step sign-in reaches only its set-up until they have it.
    "apps.web.middleware.TwoStepSetUpFirstMiddleware",
    # Last, as django-axes asks: turns a refused sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "factcheck.urls"
WSGI_APPLICATION = "factcheck.wsgi.application"
ASGI_APPLICATION = "factcheck.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "apps.desks.context_processors.desk_admin",
                "apps.reviews.context_processors.review_work",
                "apps.articles.context_processors.reader_tips",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------------
# https://django-environ.readthedocs.io/en/latest/types.html#environ-env-db-url
DATABASES = {"default": env.db_url("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'factcheck.sqlite3'}")}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the web process read while the worker writes; the init command runs per connection.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
else:
    DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("DATABASE_CONN_MAX_AGE", default=60))
    # A kept connection the database dropped (restart, failover) is replaced before the next
    # request uses it, instead of failing that request with a 500.
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    # libpq waits for an unreachable server as long as TCP does (minutes), holding a web worker and
    # the readiness probe; `?connect_timeout=` in DATABASE_URL overrides this, like `?sslmode=`.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "connect_timeout", env.int("DATABASE_CONNECT_TIMEOUT", default=5)
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Auth -----------------------------------------------------------------------------------
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
# Django's sign-in, loading each person's preferences with their user row (apps.core.interface_language).
# Sessions signed in before it name ModelBackend, which keeps them valid: their pages read the
# preference with one more query until the person signs in again.
# django-axes' backend comes first: it refuses a locked-out sign-in before any password is checked
# (it signs no one in itself).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "apps.core.interface_language.AccountPreferenceBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "dashboard"
LOGOUT_REDIRECT_URL = "login"
# --- Sign-in lockout (django-axes) ------------------------------------------------------------
# https://django-axes.readthedocs.io/en/latest/4_configuration.html
# After AXES_FAILURE_LIMIT wrong passwords for one name from one address, that name is refused from that
# address (the right password too) for AXES_COOLOFF_TIME after the last failure allowed. By name and address
# together: one reviewer mistyping does not lock out a newsroom behind one NAT address, and a guesser
# trying one name from many addresses is slowed per address. A success clears the count. Covers every
# sign-in through Django's authenticate(): the site's and the Django admin's login pages.
AXES_FAILURE_LIMIT = env.int("FACTCHECK_SIGN_IN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = dt.timedelta(minutes=env.int("FACTCHECK_SIGN_IN_LOCKOUT_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# Attempts while locked out don't restart the wait, so the page can say when it ends.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_LOCKOUT_CALLABLE = "apps.web.views.account.sign_in_locked_out"
# The client's address: REMOTE_ADDR, or behind a proxy the header it sets (apps/core/client_ip.py).
AXES_CLIENT_IP_CALLABLE = "apps.core.client_ip.client_ip_address"
# django-axes keeps a row per name and address tried, per sign-in and per refused sign-in; rows older than
# this (and finished password-reset emails) are deleted each night (`sign_in_records_prune_task`).
SIGN_IN_RECORDS_KEEP_DAYS = env.int("FACTCHECK_SIGN_IN_RECORDS_KEEP_DAYS", default=30)
# --- Two-step sign-in (django-otp) ------------------------------------------------------------
# https://django-otp-official.readthedocs.io/en/stable/overview.html
# A person who turned it on is signed in (django.contrib.auth.login) only after the second page takes a
# current authenticator code or one of their recovery codes (apps/web/views/two_step.py); until then
# the session holds only who is waiting, for TWO_STEP_PENDING_SECONDS. The name shown in authenticator apps:
OTP_TOTP_ISSUER = "factcheck"
# The Django admin lists people's devices without their secret keys or recovery codes.
OTP_ADMIN_HIDE_SENSITIVE_DATA = True
TWO_STEP_PENDING_SECONDS = 5 * 60
# Wrong codes allowed on one pending sign-in before the password is asked for again; each one also
# counts as a failed sign-in towards the lockout above.
TWO_STEP_CODE_FAILURE_LIMIT = 5
# django-otp's own slow-down (1 s, 2 s, 4 s... after a wrong code) would refuse a right code typed
# within it, as if it were wrong. Guessing is capped by the limit above and the lockout instead.
OTP_TOTP_THROTTLE_FACTOR = 0
OTP_STATIC_THROTTLE_FACTOR = 0
# Behind a reverse proxy, the header that carries the client's address (X-Forwarded-For, X-Real-IP), and
# how many proxies in front of the app append to it. Name it only if the proxy sets it: a client can
# send any header, so without a proxy every client could pick the address it is counted under.
CLIENT_IP_HEADER = None
if _client_ip_header := env.str("DJANGO_CLIENT_IP_HEADER", default=""):
    CLIENT_IP_HEADER = "HTTP_" + _client_ip_header.upper().replace("-", "_").removeprefix("HTTP_")
CLIENT_IP_PROXY_COUNT = max(1, env.int("DJANGO_CLIENT_IP_PROXY_COUNT", default=1))

# An emailed link to set a forgotten password works once, for this long (the email says how long).
PASSWORD_RESET_TIMEOUT = env.int("FACTCHECK_PASSWORD_RESET_TIMEOUT", default=24 * 60 * 60)
# Requests for that link: at most this many an hour from one client address, and for one email address
# (counted whether or not an account has it, so the refusal tells nothing); 0 turns a limit off. Past
# either, the form answers 429 with Retry-After and no email goes. Counted in the cache.
PASSWORD_RESETS_PER_CLIENT_PER_HOUR = env.int("FACTCHECK_PASSWORD_RESETS_PER_CLIENT_PER_HOUR", default=5)
PASSWORD_RESETS_PER_EMAIL_PER_HOUR = env.int("FACTCHECK_PASSWORD_RESETS_PER_EMAIL_PER_HOUR", default=3)

# --- I18N / time ----------------------------------------------------------------------------
LANGUAGE_CODE = "en"
# The languages the pages and emails are written in (one catalog per language under locale/;
# `make messages` updates them). Articles may be in any language: that is apps.core.languages.
LANGUAGES = [("en", "English"), ("es", "Español"), ("fr", "Français"), ("pt-br", "Português (Brasil)")]
# locale_overrides/ holds hand-kept corrections to Django's own catalogs (Brazilian month and weekday
# names in lower case). It comes second: `make messages` writes only the first, and its msgids are not
# in our source, so makemessages leaves it alone while compilemessages still compiles it.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale_overrides"]
# Short dates in each language's own style ("30 Nov 2026", "30 nov 2026", "30 nov. 2026"): templates write
# |date:"SHORT_DATE_FORMAT" and factcheck/formats/<locale>/formats.py says what that is. The two settings
# are the fallback where no language is active, and match English.
FORMAT_MODULE_PATH = ["factcheck.formats"]
SHORT_DATE_FORMAT = "j M Y"
SHORT_DATETIME_FORMAT = "j M Y H:i"
TIME_ZONE = env.str("DJANGO_TIME_ZONE", default="UTC")
USE_I18N = True
USE_TZ = True

# --- Static and uploads ---------------------------------------------------------------------
STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = VAR_DIR / "staticfiles"
# `collectstatic` also writes gzip copies, which WhiteNoise serves to browsers that accept them.
# Not the manifest (hashed names) storage: with DEBUG off, as the tests run, every page would need
# `collectstatic` to have run first. Plain names are cached for WHITENOISE_MAX_AGE (60 s) instead.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
# Uploaded articles are read in memory and never stored as files; the cap keeps a huge upload
# from exhausting the web worker.
ARTICLE_MAX_BYTES = env.int("FACTCHECK_ARTICLE_MAX_BYTES", default=2 * 1024 * 1024)
# Longer articles are stored at once and their claims found on a worker, so an import request
# never waits more than a couple of seconds (extraction runs at about 30 ms per KB of text).
ARTICLE_INLINE_INTAKE_MAX_BYTES = env.int("FACTCHECK_ARTICLE_INLINE_INTAKE_MAX_BYTES", default=50_000)
# The largest article takes a few minutes on one core; the limit stops a runaway, not a long one.
ARTICLE_INTAKE_TIME_LIMIT_SECONDS = env.int("FACTCHECK_ARTICLE_INTAKE_TIME_LIMIT", default=1800)
ARTICLE_INTAKE_MAX_ATTEMPTS = env.int("FACTCHECK_ARTICLE_INTAKE_MAX_ATTEMPTS", default=3)
# A queued intake whose task message has not started after this long is published again.
ARTICLE_INTAKE_STALE_SECONDS = env.int("FACTCHECK_ARTICLE_INTAKE_STALE_SECONDS", default=300)
# A request body must hold the largest article accepted however it is encoded: JSON's \uXXXX
# escapes (json.dumps' default) and a URL-encoded form's %XX take up to three times its UTF-8 bytes.
DATA_UPLOAD_MAX_MEMORY_SIZE = 3 * ARTICLE_MAX_BYTES + 64 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = ARTICLE_MAX_BYTES + 64 * 1024

# --- Security -------------------------------------------------------------------------------
# https://docs.djangoproject.com/en/5.2/howto/deployment/checklist/
# Behind a proxy that terminates TLS: the header it sets to say the request came over HTTPS, e.g.
# X-Forwarded-Proto. Name it only if the proxy always sets it (or strips it from clients).
SECURE_PROXY_SSL_HEADER = None
if _proxy_ssl_header := env.str("DJANGO_SECURE_PROXY_SSL_HEADER", default=""):
    # Named as sent (X-Forwarded-Proto) or as Django's request.META names it (HTTP_X_FORWARDED_PROTO).
    _proxy_ssl_header = _proxy_ssl_header.upper().replace("-", "_").removeprefix("HTTP_")
    SECURE_PROXY_SSL_HEADER = (f"HTTP_{_proxy_ssl_header}", "https")
SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=False)
# Off in development only: `make run` serves plain HTTP, where a browser drops secure cookies.
SESSION_COOKIE_SECURE = env.bool("DJANGO_SECURE_COOKIES", default=not DEBUG)
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
# Sent on HTTPS responses only. An hour to begin with, as Django's checklist advises: raise it
# (e.g. 31536000) once the whole site is known to work over HTTPS, since browsers then refuse HTTP.
SECURE_HSTS_SECONDS = env.int("DJANGO_SECURE_HSTS_SECONDS", default=0 if DEBUG else 3600)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", default=False)
SECURE_HSTS_PRELOAD = env.bool("DJANGO_SECURE_HSTS_PRELOAD", default=False)
# https://docs.djangoproject.com/en/5.2/ref/settings/#csrf-failure-view
CSRF_FAILURE_VIEW = "apps.web.views.errors.csrf_failure"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True

# --- REST framework -------------------------------------------------------------------------
# https://www.django-rest-framework.org/api-guide/settings/
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        # DRF's token, refused while its owner's desk requires two-step sign-in they have not set up.
        "apps.core.api.authentication.TwoStepRequiredTokenAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PARSER_CLASSES": [
        "apps.core.api.parsers.JSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "DEFAULT_PAGINATION_CLASS": "apps.core.pagination.StandardPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    # Adds the error answers (401, 403, 404...) to every operation, in the API's error shape.
    "DEFAULT_SCHEMA_CLASS": "apps.core.api.schema.ErrorDocumentingAutoSchema",
    "EXCEPTION_HANDLER": "apps.core.api.exception_handler.api_exception_handler",
    # `?format=` names an export format (html, csv, claimreview...), not a DRF renderer.
    "URL_FORMAT_OVERRIDE": None,
    "DEFAULT_THROTTLE_CLASSES": ["apps.core.api.throttling.PersonRateThrottle"],
}
# API requests per person ("number/second|minute|hour|day"; empty turns a limit off): all of them,
# imports (articles, library files) and reference fetches. Counted in the cache, below.
API_RATES = {
    "person": env.str("FACTCHECK_API_RATE", default="600/minute") or None,
    "imports": env.str("FACTCHECK_API_IMPORT_RATE", default="30/minute") or None,
    "fetches": env.str("FACTCHECK_API_FETCH_RATE", default="60/minute") or None,
}
# Reader tips (apps.articles.tips): how many one client address may send in an hour, counted in the cache.
TIPS_PER_ADDRESS_PER_HOUR = env.int("FACTCHECK_TIPS_PER_ADDRESS_PER_HOUR", default=5)
# The longest a tipster's email address is kept, in days from the tip; it is erased sooner, once the
# outcome email is sent or the tip is closed without one (the hourly `tip_emails_erase`).
TIP_EMAIL_KEEP_DAYS = env.int("FACTCHECK_TIP_EMAIL_KEEP_DAYS", default=90)
SPECTACULAR_SETTINGS = {
    "TITLE": "factcheck API",
    "DESCRIPTION": "Editorial fact-checking desk: import articles, review claims, export reports.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    # Swagger UI served from our static files: the docs work offline and load nothing from a CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}

# --- Celery ---------------------------------------------------------------------------------
# https://docs.celeryq.dev/en/stable/userguide/configuration.html
REDIS_URL = env.str("REDIS_URL", default="")
# Put before every key the desk keeps in Redis (Celery's queues, the outbound client's shared
# state), so that several desks, or the test suite's parallel workers, can share one database.
REDIS_KEY_PREFIX = env.str("FACTCHECK_REDIS_KEY_PREFIX", default="")
# The cache holds the API's request counts: in Redis every web process and machine shares them;
# without Redis each process keeps its own (Django's default, in memory).
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": f"{REDIS_KEY_PREFIX}cache",
            # An unreachable Redis costs a request a second at most, not a hung web process.
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default=REDIS_URL or "filesystem://")
CELERY_BROKER_VISIBILITY_TIMEOUT = env.int("CELERY_VISIBILITY_TIMEOUT", default=3600)
if CELERY_BROKER_URL.startswith("filesystem://"):
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(VAR_DIR / "broker" / "queue"),
        "data_folder_out": str(VAR_DIR / "broker" / "queue"),
        "processed_folder": str(VAR_DIR / "broker" / "processed"),
        "control_folder": str(VAR_DIR / "broker" / "control"),
        "store_processed": False,
    }
else:
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "visibility_timeout": CELERY_BROKER_VISIBILITY_TIMEOUT,
        "unacked_restore_interval": env.int("CELERY_UNACKED_RESTORE_INTERVAL", default=10),
    }
    if REDIS_KEY_PREFIX and CELERY_BROKER_URL.startswith(("redis", "sentinel")):
        CELERY_BROKER_TRANSPORT_OPTIONS["global_keyprefix"] = REDIS_KEY_PREFIX
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# Beat's crontab hours are the site's hours, the zone the daily digest's "today" is taken in
# (timezone.localdate). Celery falls back to Django's TIME_ZONE when this is unset, but its
# documented default is UTC; saying so here keeps the two from drifting apart.
CELERY_TIMEZONE = TIME_ZONE
# Hard limit well below the visibility timeout, or Redis redelivers a task that is still running.
CELERY_TASK_SOFT_TIME_LIMIT = env.int("CELERY_TASK_SOFT_TIME_LIMIT", default=120)
CELERY_TASK_TIME_LIMIT = env.int("CELERY_TASK_TIME_LIMIT", default=180)
CELERY_TASK_DEFAULT_QUEUE = "default"
# Outbound fetching has its own queue so a slow site cannot stall CPU work; evidence
# extraction is CPU work. The first matching route wins.
CELERY_TASK_ROUTES = {
    "apps.references.tasks.reference_evidence_task": {"queue": "default"},
    "apps.desks.tasks.webhook_delivery_send_task": {"queue": "fetch"},
    "apps.references.tasks.*": {"queue": "fetch"},
}
CELERY_BEAT_SCHEDULE = {
    "articles-requeue-stale-intakes": {
        "task": "apps.articles.tasks.article_intakes_requeue_stale_task",
        "schedule": 60.0,
    },
    "articles-requeue-stale-tip-emails": {
        "task": "apps.articles.tasks.tip_emails_requeue_stale_task",
        "schedule": 300.0,
    },
    "articles-erase-tip-emails": {
        "task": "apps.articles.tasks.tip_emails_erase_task",
        "schedule": 3600.0,
    },
    "references-requeue-stale-jobs": {
        "task": "apps.references.tasks.reference_jobs_requeue_stale_task",
        "schedule": 60.0,
    },
    "reviews-requeue-stale-notifications": {
        "task": "apps.reviews.tasks.notifications_requeue_stale_task",
        "schedule": 300.0,
    },
    "reviews-prune-notifications": {
        "task": "apps.reviews.tasks.notifications_prune_task",
        "schedule": crontab(hour=3, minute=30),
    },
    "desks-requeue-stale-webhook-deliveries": {
        "task": "apps.desks.tasks.webhook_deliveries_requeue_stale_task",
        "schedule": 300.0,
    },
    "core-prune-sign-in-records": {
        "task": "apps.core.tasks.sign_in_records_prune_task",
        "schedule": crontab(hour=3, minute=50),
    },
    "core-requeue-stale-password-reset-emails": {
        "task": "apps.core.tasks.password_reset_emails_requeue_stale_task",
        "schedule": 300.0,
    },
    "desks-prune-webhook-deliveries": {
        "task": "apps.desks.tasks.webhook_deliveries_prune_task",
        "schedule": crontab(hour=3, minute=40),
    },
    # Each reviewer's overdue claims, and each editor's desks' overdue claims, once a day at the hour
    # in TIME_ZONE (DJANGO_TIME_ZONE).
    "reviews-overdue-digest": {
        "task": "apps.reviews.tasks.overdue_digest_task",
        "schedule": crontab(hour=env.int("FACTCHECK_OVERDUE_DIGEST_HOUR", default=7), minute=0),
    },
    # Re-checks stored links for dead pages.
    "references-recheck-links": {
        "task": "apps.references.tasks.references_links_recheck_task",
        "schedule": 6 * 3600.0,
    },
}
CELERY_WORKER_HIJACK_ROOT_LOGGER = False
# Keep retrying a broker that is not up yet (Redis starting beside the worker) rather than exit.
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True

# --- Article intake -------------------------------------------------------------------------
# Later workflow stages plug into import here, so `articles` and `claims` never import the apps
# after them. Each step is called as step(article=...), is idempotent, and runs in the caller's
# transaction. The "claims changed" steps also run when an editor adds, splits, rewords or
# releases claims.
ARTICLE_CLAIMS_CHANGED_STEPS = [
    "apps.references.services.article_source_links_attach",
    "apps.reviews.services.article_review_tasks_create",
    "apps.references.services.article_references_enqueue",
]
ARTICLE_INTAKE_STEPS = ["apps.claims.services.article_claims_extract", *ARTICLE_CLAIMS_CHANGED_STEPS]
# Questions earlier stages ask of later ones, named here for the same reason.
# Each check returns why a member cannot leave the desk yet ("" when they can).
MEMBERSHIP_REMOVAL_CHECKS = ["apps.reviews.selectors.membership_removal_problem"]
# Whether a person belongs to a desk that requires two-step sign-in (apps.core.two_step asks it).
TWO_STEP_REQUIRED_CHECK = "apps.desks.selectors.two_step_required_for"
# Whether a user is the assigned reviewer of a claim (may refresh its references).
CLAIM_ASSIGNEE_CHECK = "apps.reviews.selectors.claim_is_assigned_to"
# Whether claim extraction refused an article as not English (run again when corrected to English).
ARTICLE_EXTRACTION_REFUSED_CHECK = "apps.claims.selectors.article_extraction_refused"
# Whether readers have been shown a reference as a published verdict's citation (its address and
# passage are then kept in the Django admin).
REFERENCE_PUBLISHED_CITATION_CHECK = "apps.reviews.selectors.reference_cited_as_published"

# --- Reference providers --------------------------------------------------------------------
REFERENCE_PROVIDERS = env.list("FACTCHECK_REFERENCE_PROVIDERS", default=["local_library", "wikipedia"])
WIKIPEDIA_API_URL = env.str("WIKIPEDIA_API_URL", default="https://en.wikipedia.org/w/api.php")
FACTCHECK_CONTACT = env.str("FACTCHECK_CONTACT", default="factcheck-admin@example.org")
HTTP_USER_AGENT = env.str(
    "FACTCHECK_USER_AGENT",
    default=f"factcheck/1.0 (editorial fact-checking desk; {FACTCHECK_CONTACT})",
)
HTTP_TIMEOUT_SECONDS = env.float("FACTCHECK_HTTP_TIMEOUT", default=10.0)
HTTP_MAX_RESPONSE_BYTES = env.int("FACTCHECK_HTTP_MAX_BYTES", default=5 * 1024 * 1024)
# Hosts the outbound fetcher may reach even though they are not globally routable (tests point
# this at their fake servers on 127.0.0.1). Empty in production.
HTTP_ALLOWED_PRIVATE_HOSTS = env.list("FACTCHECK_HTTP_ALLOWED_PRIVATE_HOSTS", default=[])
HTTP_ALLOWED_PORTS = env.list("FACTCHECK_HTTP_ALLOWED_PORTS", cast=int, default=[80, 443])
HTTP_TOTAL_TIMEOUT_SECONDS = env.float("FACTCHECK_HTTP_TOTAL_TIMEOUT", default=30.0)
HTTP_MAX_REDIRECTS = env.int("FACTCHECK_HTTP_MAX_REDIRECTS", default=5)
HTTP_RETRIES = env.int("FACTCHECK_HTTP_RETRIES", default=2)
HTTP_RETRY_BACKOFF_SECONDS = env.float("FACTCHECK_HTTP_RETRY_BACKOFF", default=0.5)
# Longer waits (e.g. a big Retry-After) are not slept in-process: the task retries later instead.
HTTP_RETRY_MAX_DELAY_SECONDS = env.float("FACTCHECK_HTTP_RETRY_MAX_DELAY", default=10.0)
# Politeness: the least time between two requests to one host, shared by all workers in Redis.
# GDELT asks for one request per 5 s; Save Page Now allows 4 captures a minute without keys.
HTTP_SHARED_STATE_URL = env.str("FACTCHECK_HTTP_SHARED_STATE_URL", default=REDIS_URL)
HTTP_HOST_MIN_INTERVAL_SECONDS = env.float("FACTCHECK_HTTP_HOST_MIN_INTERVAL", default=1.0)
HTTP_HOST_MIN_INTERVALS = {"api.gdeltproject.org": 6.0, "web.archive.org": 15.0}
HTTP_ROBOTS_USER_AGENT = "factcheck"
HTTP_CACHE_SECONDS = env.int("FACTCHECK_HTTP_CACHE_SECONDS", default=7 * 24 * 3600)
WIKIPEDIA_ARTICLE_URL = env.str("WIKIPEDIA_ARTICLE_URL", default="https://en.wikipedia.org/wiki/{title}")
# A claim's job gives up after this many deliveries, so a task that kills its worker every time
# (requeued by task_reject_on_worker_lost) cannot loop forever.
REFERENCE_JOB_MAX_ATTEMPTS = env.int("FACTCHECK_REFERENCE_JOB_MAX_ATTEMPTS", default=3)
# A job still pending this long after it was enqueued lost its message; the sweeper re-sends it.
REFERENCE_JOB_STALE_SECONDS = env.int("FACTCHECK_REFERENCE_JOB_STALE_SECONDS", default=300)
# A retry waits unacknowledged in the worker, so this plus the hard time limit must stay below the
# broker's visibility timeout (checked by apps/core/checks.py).
REFERENCE_RETRY_BACKOFF_MAX_SECONDS = env.int("FACTCHECK_REFERENCE_RETRY_BACKOFF_MAX", default=120)
REFERENCE_MAX_PER_PROVIDER = env.int("FACTCHECK_REFERENCE_MAX_PER_PROVIDER", default=5)
REFERENCE_LIBRARY_MAX_BYTES = env.int("FACTCHECK_REFERENCE_LIBRARY_MAX_BYTES", default=10 * 1024 * 1024)
# ReliefWeb needs a pre-approved appname; Google Fact Check Tools needs an API key. Without them
# those providers report "not configured" instead of sending made-up credentials.
RELIEFWEB_API_URL = env.str("RELIEFWEB_API_URL", default="https://api.reliefweb.int/v2/reports")
RELIEFWEB_APPNAME = env.str("RELIEFWEB_APPNAME", default="")
GOOGLE_FACTCHECK_API_URL = env.str(
    "GOOGLE_FACTCHECK_API_URL", default="https://factchecktools.googleapis.com/v1alpha1/claims:search"
)
GOOGLE_FACTCHECK_API_KEY = env.str("GOOGLE_FACTCHECK_API_KEY", default="")
GDELT_API_URL = env.str("GDELT_API_URL", default="https://api.gdeltproject.org/api/v2/doc/doc")
WIKIDATA_API_URL = env.str("WIKIDATA_API_URL", default="https://www.wikidata.org/w/api.php")
# Internet Archive: availability lookups are anonymous; Save Page Now uses S3-style keys if set.
WAYBACK_AVAILABILITY_URL = env.str("WAYBACK_AVAILABILITY_URL", default="https://archive.org/wayback/available")
WAYBACK_SAVE_URL = env.str("WAYBACK_SAVE_URL", default="https://web.archive.org/save")
WAYBACK_ACCESS_KEY = env.str("WAYBACK_ACCESS_KEY", default="")
WAYBACK_SECRET_KEY = env.str("WAYBACK_SECRET_KEY", default="")
# Off unless set: archiving sends every reference URL to archive.org, a deploy-time decision.
REFERENCE_ARCHIVE_ENABLED = env.bool("FACTCHECK_REFERENCE_ARCHIVE", default=False)
REFERENCE_ARCHIVE_RECHECK_SECONDS = env.int("FACTCHECK_REFERENCE_ARCHIVE_RECHECK_SECONDS", default=300)
# Off unless set: fetch the pages that news and fact-check searches return (robots.txt honoured)
# and look for evidence in their main text; their search results carry only a title.
REFERENCE_FETCH_DOCUMENTS = env.bool("FACTCHECK_REFERENCE_FETCH_DOCUMENTS", default=False)
# Parsing fetched pages is CPU work: it runs on the default queue, apart from the fetch queue.
# Beat re-checks stored links for dead pages; a small GET cap is enough to see a page answer.
REFERENCE_LINK_RECHECK_DAYS = env.int("FACTCHECK_REFERENCE_LINK_RECHECK_DAYS", default=7)
REFERENCE_LINK_RECHECK_BATCH = env.int("FACTCHECK_REFERENCE_LINK_RECHECK_BATCH", default=200)
REFERENCE_LINK_CHECK_MAX_BYTES = 256 * 1024

# --- Email ------------------------------------------------------------------------------------
# https://django-environ.readthedocs.io/en/latest/types.html#environ-env-email-url
# EMAIL_URL is smtp://user:password@host:25, smtp+tls://...:587, smtp+ssl://...:465,
# consolemail:// or filemail://. Unset, each message is written as a file under var/mail/, so a
# desk on one machine runs (and shows what it would send) with no mail server.
if env.str("EMAIL_URL", default=""):
    vars().update(env.email_url("EMAIL_URL"))
else:
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = VAR_DIR / "mail"
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="factcheck <factcheck@localhost>")
# An SMTP server that stops answering would otherwise hold a worker until its hard time limit.
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=20)
# Links in emails are absolute: the address people reach the desk at, without a trailing slash.
SITE_URL = env.str("FACTCHECK_BASE_URL", default="http://127.0.0.1:8000").rstrip("/")
# A failed send is tried again with backoff (SMTP trouble), up to this many attempts in all.
NOTIFICATION_MAX_ATTEMPTS = env.int("FACTCHECK_NOTIFICATION_MAX_ATTEMPTS", default=5)
NOTIFICATION_RETRY_BACKOFF_MAX_SECONDS = env.int("FACTCHECK_NOTIFICATION_RETRY_BACKOFF_MAX", default=600)
# An email still unsent this long after it was queued lost its message; the sweeper sends it again.
NOTIFICATION_STALE_SECONDS = env.int("FACTCHECK_NOTIFICATION_STALE_SECONDS", default=900)
# How long a sent, skipped or failed email's row stays in the outbox (the Django admin shows them).
NOTIFICATION_KEEP_DAYS = env.int("FACTCHECK_NOTIFICATION_KEEP_DAYS", default=90)

# --- Outgoing webhooks ------------------------------------------------------------------------
# docs/architecture.md, "Webhooks". Deliveries go through the outbound client above (its address
# policy and allowed ports), without following redirects; its spacing between requests and a
# Retry-After's hold apply to each endpoint URL (Slack and Teams limit each webhook URL), not the host.
WEBHOOK_TIMEOUT_SECONDS = env.float("FACTCHECK_WEBHOOK_TIMEOUT", default=10.0)
# A delivery is tried this many times in all (5xx, 429, timeouts, connection errors), with
# exponential backoff from WEBHOOK_RETRY_BACKOFF_SECONDS up to WEBHOOK_RETRY_BACKOFF_MAX_SECONDS.
WEBHOOK_MAX_ATTEMPTS = env.int("FACTCHECK_WEBHOOK_MAX_ATTEMPTS", default=6)
WEBHOOK_RETRY_BACKOFF_SECONDS = env.int("FACTCHECK_WEBHOOK_RETRY_BACKOFF", default=30)
WEBHOOK_RETRY_BACKOFF_MAX_SECONDS = env.int("FACTCHECK_WEBHOOK_RETRY_BACKOFF_MAX", default=600)
# A 429 or 503 answer's Retry-After is honoured up to this long (a wait beyond the backoff's
# maximum is not held by Celery: the sweeper publishes the delivery when it is due).
WEBHOOK_RETRY_AFTER_MAX_SECONDS = env.int("FACTCHECK_WEBHOOK_RETRY_AFTER_MAX", default=3600)
# Asking to redeliver a delivery again within this many seconds returns the redelivery just made
# (a double click), as does asking while it is still being sent.
WEBHOOK_REDELIVER_REPEAT_SECONDS = 60
# An endpoint whose deliveries fail this many times in a row (each after all its attempts) is
# turned off, with the reason shown to the desk's admins, until one of them turns it on again.
WEBHOOK_DISABLE_AFTER_FAILURES = env.int("FACTCHECK_WEBHOOK_DISABLE_AFTER_FAILURES", default=10)
# A delivery still pending this long after it was queued lost its message; the sweeper sends it again.
WEBHOOK_STALE_SECONDS = env.int("FACTCHECK_WEBHOOK_STALE_SECONDS", default=900)
WEBHOOK_DELIVERY_KEEP_DAYS = env.int("FACTCHECK_WEBHOOK_DELIVERY_KEEP_DAYS", default=30)
# How many of an endpoint's latest deliveries its page shows (the API pages through all kept).
WEBHOOK_DELIVERY_LOG_LENGTH = 50

# --- Logging --------------------------------------------------------------------------------
# Everything goes to stderr for the service manager to collect; the worker uses this too
# (factcheck/celery.py), so DJANGO_LOG_LEVEL sets the level of web and worker processes alike.
LOG_LEVEL = env.str("DJANGO_LOG_LEVEL", default="INFO").upper()
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        # Django's default gives "django" a fixed INFO level and a console of its own in DEBUG;
        # records it passes reach the root's handler whatever the root's level. Only ours, then.
        "django": {"handlers": [], "level": LOG_LEVEL, "propagate": True},
    },
}
