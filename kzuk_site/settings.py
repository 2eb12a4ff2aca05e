"""Settings for the KZ–UK Tracker, read from the environment.

One module serves development, tests and production. The defaults are safe for
a developer's machine (a SQLite file in the project, DEBUG on); production sets
DEBUG=false, SECRET_KEY, ALLOWED_HOSTS and DATABASE_URL.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from kzuk_site.env import cache_from_url, env_bool, env_int, env_list

BASE_DIR = Path(__file__).resolve().parent.parent


DEBUG = env_bool("DEBUG", default=True)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY must be set when DEBUG is off. Generate one with: "
            "python -c 'from django.core.management.utils import "
            "get_random_secret_key as k; print(k())'"
        )
    # Only ever used with DEBUG on, on a developer's machine.
    SECRET_KEY = "insecure-development-key-do-not-use-in-production"  # noqa: S105

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"] if DEBUG else [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    # Before staticfiles: `runserver` then leaves static files to WhiteNoise,
    # as production does.
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "corsheaders",
    "simple_history",
    # Ours, bottom layer first: kzuk_site -> agreements -> dialogue -> seeds.
    "seeds",
    "dialogue",
    "agreements",
    "pagecache",
    # Demo data at scale, for a database of its own (docs/PERFORMANCE.md).
    "demo",
]

MIDDLEWARE = [
    # First, before the host is checked: see kzuk_site/health.py.
    "kzuk_site.health.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Static files are answered here, before sessions, locale and the rest.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # A 503 rather than a 500 when the database cannot serve (db_unavailable.py).
    "kzuk_site.db_unavailable.DatabaseUnavailableMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Records which user made each change, for the history.
    "simple_history.middleware.HistoryRequestMiddleware",
    # Inside every middleware that adds headers, so they still run on a
    # cached page; outside those that only rewrite the body, which is cached
    # as they leave it.
    "pagecache.middleware.PublicPageCacheMiddleware",
    # Bidi controls in user text stay inside it (kzuk_site/bidi.py).
    "kzuk_site.bidi.BidiBalanceMiddleware",
]

ROOT_URLCONF = "kzuk_site.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "kzuk_site" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "seeds.context_processors.as_of",
            ],
        },
    },
]

WSGI_APPLICATION = "kzuk_site.wsgi.application"
ASGI_APPLICATION = "kzuk_site.asgi.application"


def _database(url: str) -> dict:
    database = dj_database_url.parse(
        url, conn_max_age=env_int("CONN_MAX_AGE", 60), conn_health_checks=True
    )
    if database["ENGINE"] == "django.db.backends.postgresql":
        # Fail fast when the server is unreachable: a request waits this many
        # seconds at most for a connection, then answers 503 (db_unavailable.py).
        # conn_health_checks lets a worker whose connection died reconnect on
        # its next request, without a restart.
        database.setdefault("OPTIONS", {})["connect_timeout"] = env_int(
            "DATABASE_CONNECT_TIMEOUT", 3
        )
    return database


DATABASES = {
    "default": _database(os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}")
}

# Seconds a client is told to wait (Retry-After) when the database is unavailable.
DATABASE_RETRY_AFTER = env_int("DATABASE_RETRY_AFTER", 10)

if os.environ.get("TEST_DATABASE_NAME"):
    # Lets two test runs share one PostgreSQL server without colliding.
    DATABASES["default"]["TEST"] = {"NAME": os.environ["TEST_DATABASE_NAME"]}

if os.environ.get("DATABASE_REPLICA_URL"):
    # Reads go to a replica, writes and read-your-writes to the primary
    # (kzuk_site/db_router.py). Tests use the test database for both.
    DATABASES["replica"] = _database(os.environ["DATABASE_REPLICA_URL"])
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
    DATABASE_ROUTERS = ["kzuk_site.db_router.ReplicaRouter"]
    MIDDLEWARE.insert(
        MIDDLEWARE.index("django.contrib.auth.middleware.AuthenticationMiddleware") + 1,
        "kzuk_site.db_router.PrimaryReadsMiddleware",
    )

# Local memory is per process: several workers or hosts share a Redis instead,
# each site (or staging beside production) under its own key prefix.
CACHES = {
    "default": {
        **cache_from_url(os.environ.get("CACHE_URL") or "locmem://"),
        "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", ""),
    }
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", "English"),
    ("ru", "Русский"),
    ("kk", "Қазақша"),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "kzuk_site" / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # In production (`collectstatic` first) every file gets a content hash in
    # its name, so that WhiteNoise can let browsers and proxies keep it for
    # ever, and a compressed copy. In development and tests the files are
    # served as they are, without collectstatic.
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
# Decided by the environment's DEBUG, not the test runner's (which turns DEBUG
# off): with DEBUG on, tests and `make run` find static files where they are.
WHITENOISE_USE_FINDERS = DEBUG
WHITENOISE_AUTOREFRESH = DEBUG

# How long a public page may stay in the cache. Any write makes cached pages
# stale at once (pagecache), so this only bounds the cache's size; 0 turns
# the page cache off.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 600)

# Where load_seeds reads, and export_seeds writes by default.
SEEDS_DIR = Path(os.environ.get("SEEDS_DIR", BASE_DIR / "seeds"))

# The API (kzuk_site/api.py): anonymous clients read, editors with model
# permissions write.
REST_FRAMEWORK = {
    # Token first: an anonymous write is then told 401 with
    # `WWW-Authenticate: Token`, rather than a bare 403.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": [
        "rest_framework.permissions.DjangoModelPermissionsOrAnonReadOnly",
    ],
    "DEFAULT_FILTER_BACKENDS": ["kzuk_site.api_support.FilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "kzuk_site.api_support.ApiPagination",
    "DEFAULT_SCHEMA_CLASS": "kzuk_site.api_schema.ApiAutoSchema",
    "EXCEPTION_HANDLER": "kzuk_site.api_support.api_exception_handler",
    "DEFAULT_THROTTLE_CLASSES": ["kzuk_site.api_support.AnonymousThrottle"],
    "DEFAULT_THROTTLE_RATES": {"anon": os.environ.get("API_ANON_RATE", "120/minute")},
}

SPECTACULAR_SETTINGS = {
    "TITLE": "KZ–UK Tracker API",
    "DESCRIPTION": (
        "Agreements, meetings, commitments, people, organisations, sources and "
        "figures of the Kazakhstan–United Kingdom relationship, each fact backed "
        "by a verbatim quote from a source."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # Separate request and response components, so that read-only fields
    # (status, url, citations...) are not offered as inputs.
    "COMPONENT_SPLIT_REQUEST": True,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "kzuk_site.api_schema.describe_parameters",
    ],
    # One named enum per vocabulary: several models share "kind" and "status"
    # field names, and every partial date shares its precisions.
    "ENUM_NAME_OVERRIDES": {
        "DatePrecisionEnum": "seeds.dates.DatePrecision",
        "SourceKindEnum": "seeds.models.SourceKind",
        "OrganisationKindEnum": "dialogue.models.OrganisationKind",
        "MeetingKindEnum": "dialogue.models.MeetingKind",
        "MeetingStatusEnum": "dialogue.models.MeetingStatus",
        "ParticipationRoleEnum": "dialogue.models.ParticipationRole",
        "AgreementKindEnum": "agreements.models.AgreementKind",
        "AgreementStatusEnum": "agreements.models.AgreementStatus",
        "CommitmentStatusEnum": "agreements.models.CommitmentStatus",
        "RelationKindEnum": "agreements.models.RelationKind",
        "ApproximationEnum": "agreements.models.Approximation",
    },
}

# Read-only cross-origin access to the API; writes stay same-origin.
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_METHODS = ("GET", "HEAD", "OPTIONS")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}
