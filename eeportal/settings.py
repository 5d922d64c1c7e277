"""EE Portal settings, read from the environment (DESIGN.md §7).

With nothing set, the site runs locally with zero setup: a SQLite file, Celery tasks run eagerly
in-process, e-mail printed to the console. Production sets DEBUG=false, SECRET_KEY, ALLOWED_HOSTS,
DATABASE_URL (PostgreSQL) and REDIS_URL.
"""

import warnings
from datetime import date, timedelta
from pathlib import Path

import environ
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured
from kombu import Queue

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
if (BASE_DIR / ".env").exists():
    environ.Env.read_env(BASE_DIR / ".env")

DEBUG = env.bool("DEBUG", default=True)

if DEBUG:
    SECRET_KEY = env(
        "SECRET_KEY", default="django-insecure-local-development-key-not-for-production"
    )
else:
    # A production site must never fall back to a key that is published in this repository.
    SECRET_KEY = env("SECRET_KEY", default="")
    if not SECRET_KEY:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG=false.")
    # Django's own deploy check only warns about a weak key; a weak key forges sessions, so refuse.
    if len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5:
        raise ImproperlyConfigured(
            "SECRET_KEY must be at least 50 characters with at least 5 different ones when "
            "DEBUG=false (e.g. python -c 'import secrets; print(secrets.token_urlsafe(50))')."
        )

ALLOWED_HOSTS = env.list(
    "ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"] if DEBUG else []
)
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
# The site's address as users reach it, for links in e-mails sent by tasks (no request there).
SITE_URL = env("SITE_URL", default="http://127.0.0.1:8000")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    # Its ready() lets an index name an operator class on an expression (the client search's
    # trigram index); harmless on SQLite.
    "django.contrib.postgres",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_htmx",
    "django_bootstrap5",
    "simple_history",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "csp",
    "eeportal",
    "scoring.web.apps.ScoringConfig",
    "profiles",
    "draws",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "eeportal.middleware.PrivacyHeadersMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # After sessions (a signed-in person's saved language is in theirs), before CommonMiddleware
    # (its slash redirect resolves /fr/… only once French is active): eeportal/language_choice.py.
    "eeportal.language_choice.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "eeportal.middleware.IdleTimeoutMiddleware",
    "eeportal.mfa.state.TwoFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes requires: it turns a lockout into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "eeportal.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "eeportal.context_processors.navigation",
                "eeportal.context_processors.two_factor",
                "django.template.context_processors.i18n",
                "eeportal.language_choice.language_links",
            ],
            # Every template translates: {% translate %} and {% blocktranslate %} need no load.
            "builtins": ["django.templatetags.i18n", "eeportal.templatetags.i18n_extras"],
        },
    },
]

WSGI_APPLICATION = "eeportal.wsgi.application"

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
if DATABASES["default"]["ENGINE"] not in (
    "django.db.backends.postgresql",
    "django.db.backends.sqlite3",
):
    raise ImproperlyConfigured(
        "DATABASE_URL must look like postgres://user@host:5432/name or sqlite:///path/to/file."
    )
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"
PASSWORD_RESET_TIMEOUT = env.int("PASSWORD_RESET_TIMEOUT", default=3 * 24 * 3600)

# Brute-force protection: a username tried from one address is locked after 5 failures.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=30)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_VERBOSE = False
AXES_CLIENT_IP_CALLABLE = "eeportal.client_ip.axes_client_ip"
RATELIMIT_IP_META_KEY = "eeportal.client_ip.client_ip"
# Per period ("3/h": 3 an hour); see eeportal/ratelimits.py.
# Staff and consultants are signed out after this long without a request (eeportal.middleware).
SESSION_IDLE_TIMEOUT = env.int("SESSION_IDLE_TIMEOUT", default=30 * 60)
# Two-factor sign-in (eeportal.mfa): staff and consultants must set it up within the grace
# period, counted from the later of TWO_FACTOR_ENFORCED_FROM and the day the account was made.
TWO_FACTOR_GRACE_DAYS = env.int("TWO_FACTOR_GRACE_DAYS", default=14)
TWO_FACTOR_ENFORCED_FROM = date.fromisoformat(env("TWO_FACTOR_ENFORCED_FROM", default="2026-12-04"))
OTP_TOTP_ISSUER = "EE Portal"
# Seconds a password (or code) stays fresh for exporting all clients, erasing, changing 2FA.
REAUTH_MAX_AGE = env.int("REAUTH_MAX_AGE", default=10 * 60)
# Archived files are erased this many days after they were archived (nightly,
# profiles.tasks.purge_archived_files); 2557 days is about seven years. 0: never.
ARCHIVED_RETENTION_DAYS = env.int("ARCHIVED_RETENTION_DAYS", default=2557)
CSV_IMPORT_MAX_BYTES = env.int("CSV_IMPORT_MAX_BYTES", default=20_000_000)
# An import job's outcome (problems, skipped rows' names) is kept this long, then deleted.
CLIENT_IMPORT_KEEP_DAYS = env.int("CLIENT_IMPORT_KEEP_DAYS", default=30)
RATE_LIMITS = {
    "password-reset-address": env("PASSWORD_RESET_RATE", default="3/h"),
    "password-reset-ip": env("PASSWORD_RESET_IP_RATE", default="20/h"),
    "invitation": env("INVITATION_RATE", default="30/h"),
    "invitation-file": env("INVITATION_FILE_RATE", default="3/h"),
    "calculator": env("CALCULATOR_RATE", default="60/m"),
    "two-factor": env("TWO_FACTOR_RATE", default="20/h"),
}

# English and Canadian French (issue 15). The catalogue is eeportal/locale/fr (one for the whole
# project: `make messages` extracts it, compiled .mo files are committed so `make run` needs no
# gettext). The language of a page comes from its URL (/fr/…), see eeportal/language_choice.py.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("fr", "Français")]
LOCALE_PATHS = [BASE_DIR / "eeportal" / "locale"]
# Dates as this site writes them in each language (English keeps ISO dates, French "5 août 2026").
FORMAT_MODULE_PATH = ["eeportal.formats"]
LANGUAGE_COOKIE_NAME = "ee_language"
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
LANGUAGE_COOKIE_SECURE = not DEBUG
LANGUAGE_COOKIE_SAMESITE = "Lax"
TIME_ZONE = "America/Toronto"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
if DEBUG:
    # Locally static files come from the app folders; STATIC_ROOT exists only after collectstatic.
    warnings.filterwarnings("ignore", message="No directory at", module="whitenoise.base")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# Client documents (issue 13, DESIGN.md §10): their own storage alias, never served as media.
# The file system by default, in a private folder no URL maps to; any S3-compatible store when
# DOCUMENTS_S3_BUCKET is set. Downloads go only through the view that checks who asks.
DOCUMENTS_ROOT = env("DOCUMENTS_ROOT", default=str(BASE_DIR / "private" / "documents"))
DOCUMENTS_S3_BUCKET = env("DOCUMENTS_S3_BUCKET", default="")
if DOCUMENTS_S3_BUCKET:
    STORAGES["documents"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": DOCUMENTS_S3_BUCKET,
            "endpoint_url": env("AWS_S3_ENDPOINT_URL", default=None),
            "region_name": env("AWS_S3_REGION_NAME", default=None),
            "access_key": env("AWS_ACCESS_KEY_ID", default=None),
            "secret_key": env("AWS_SECRET_ACCESS_KEY", default=None),
            "location": env("DOCUMENTS_S3_PREFIX", default="documents"),
            # Private objects: a leaked object key alone opens nothing.
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }
else:
    STORAGES["documents"] = {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        # No base_url: the storage has no public address, so nothing can link to a file.
        "OPTIONS": {"location": DOCUMENTS_ROOT, "base_url": None, "file_permissions_mode": 0o600},
    }
DOCUMENTS_MAX_UPLOAD_BYTES = env.int("DOCUMENTS_MAX_UPLOAD_BYTES", 10 * 1024 * 1024)

EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="EE Portal <no-reply@eeportal.local>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

REDIS_URL = env("REDIS_URL", default="")

# Shared by every web replica when Redis is there (API throttle counts must not be per process).
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    if REDIS_URL
    else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
}
# Sessions are read from Redis and written through to the database: one query less on every
# signed-in request. Only with Redis: in each process's own memory, a session ended in one
# process would live on in the others.
SESSION_ENGINE = f"django.contrib.sessions.backends.{'cached_db' if REDIS_URL else 'db'}"

# --- Celery (DESIGN.md §5) -----------------------------------------------------------------
CELERY_BROKER_URL = REDIS_URL or "memory://"
# Without Redis the zero-setup site runs tasks in-process; with it, real workers share the work.
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_IGNORE_RESULT = True
# Redelivery instead of loss: a task is acknowledged only when it has finished, and a worker
# killed mid-task hands the message back to the broker.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_DEFAULT_QUEUE = "celery"
CELERY_TASK_QUEUES = [Queue("celery"), Queue("reevaluate")]
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", 3600)}
CELERY_TIMEZONE = TIME_ZONE
# A dead broker must fail a publish in seconds (the page says the run is pending), not hang.
CELERY_BROKER_TRANSPORT_OPTIONS["socket_connect_timeout"] = 3
CELERY_BEAT_SCHEDULE = {
    "resume-stalled-runs": {"task": "draws.tasks.resume_stalled_runs", "schedule": 60.0},
    # After midnight in Toronto (CELERY_TIMEZONE), so "today" is the new day for every client.
    "nightly-rescore": {
        "task": "profiles.tasks.nightly_rescore",
        "schedule": crontab(hour=3, minute=30),
    },
    # After midnight in Toronto too: a document expiring "today" is still valid today.
    "expire-documents": {
        "task": "profiles.tasks.expire_documents",
        "schedule": crontab(hour=3, minute=15),
    },
    "forget-old-client-imports": {
        "task": "profiles.tasks.forget_old_client_imports",
        "schedule": crontab(hour=4, minute=0),
    },
    # In the quiet hours: files archived longer than ARCHIVED_RETENTION_DAYS are erased.
    "purge-archived-files": {
        "task": "profiles.tasks.purge_archived_files",
        "schedule": crontab(hour=3, minute=0),
    },
    # Monday morning, after that night's re-score: each consultant's next 14 days.
    "weekly-reminders": {
        "task": "profiles.tasks.send_weekly_reminders",
        "schedule": crontab(day_of_week="mon", hour=7, minute=0),
    },
}

# --- Re-evaluation (DESIGN.md §5) -----------------------------------------------------------
REEVALUATION_CHUNK_SIZE = env.int("REEVALUATION_CHUNK_SIZE", default=2000)
REEVALUATION_ACTIVE_RUNS = env.int("REEVALUATION_ACTIVE_RUNS", default=2)
# A chunk queued this long ago and still not done is sent again (its worker may have died).
REEVALUATION_STALLED_AFTER = env.int("REEVALUATION_STALLED_AFTER", default=600)
# A chunk that raised this many times is given up: its clients count as failed, the run fails.
REEVALUATION_MAX_ATTEMPTS = env.int("REEVALUATION_MAX_ATTEMPTS", default=3)
# Digest e-mails go out only for draws held this recently (not for a re-imported history).
REEVALUATION_NOTIFY_WITHIN_DAYS = env.int("REEVALUATION_NOTIFY_WITHIN_DAYS", default=14)

# --- REST framework -------------------------------------------------------------------------
REST_FRAMEWORK = {
    # Token first: DRF answers an unauthenticated request with 401 and the first class's
    # WWW-Authenticate challenge ("Token"); SessionAuthentication has none, which made it 403.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticatedOrReadOnly"],
    # DRF's parsers, with a JSON one that refuses nesting deeper than 32 levels: Python's json
    # recursed into 1,000 nested brackets and the API answered 500 (scoring/json_input.py).
    "DEFAULT_PARSER_CLASSES": [
        "scoring.web.api_parsers.JSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    # Rates for views that opt in with a throttle scope; no throttle applies by default.
    "DEFAULT_THROTTLE_RATES": {"crs": env("CRS_API_RATE", default="120/min")},
    # How many proxies in front of the site append to X-Forwarded-For. Without it DRF keys the
    # throttle on the whole client-supplied header, which anyone can change per request.
    "NUM_PROXIES": env.int("NUM_PROXIES", default=0),
}
SPECTACULAR_SETTINGS = {
    "TITLE": "EE Portal API",
    "DESCRIPTION": "Express Entry draws, CRS scoring and client standings.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    # Swagger UI served from our own static files, never a CDN (DESIGN.md §7).
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # Two "person" choice sets: a fact's (client or spouse) and a document's (also a child).
    "ENUM_NAME_OVERRIDES": {
        "PersonEnum": "profiles.choices.Person",
        "DocumentPersonEnum": "profiles.models.documents.DocumentItem.Person",
    },
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "eeportal.api_errors.add_error_responses",
    ],
}

# --- Production hardening (`manage.py check --deploy` passes with DEBUG=false) ---------------
if not DEBUG:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    # Load balancers probe over plain HTTP inside the private network.
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"

# Content-Security-Policy (django-csp 4): every script, style, font and fetch comes from this
# site, nothing inline (no style="", no on...= handler, no <script> without src; htmx is told
# not to inject its indicator <style> in base.html). Images may also be data: URIs, for the 2FA
# QR code. frame-ancestors 'none' says in CSP what X_FRAME_OPTIONS says to older browsers.
# /api/docs/ (Swagger UI) loosens it for itself only, in eeportal.urls.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        # One "Task … succeeded" line per task drowns make run's output in eager mode.
        "celery.app.trace": {"level": "WARNING"},
    },
}
