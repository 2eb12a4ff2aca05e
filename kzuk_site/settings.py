"""Settings for the KZ–UK Tracker, read from the environment.

One module serves development, tests and production. The defaults are safe for
a developer's machine (a SQLite file in the project, DEBUG on); production sets
DEBUG=false, SECRET_KEY, ALLOWED_HOSTS and DATABASE_URL.
"""

import ipaddress
import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from corsheaders.defaults import default_headers as corsheaders_default_headers
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from kzuk_site.env import cache_from_url, env_bool, env_int, env_list

BASE_DIR = Path(__file__).resolve().parent.parent


DEBUG = env_bool("DEBUG", default=True)

SECRET_KEY = os.environ.get("SECRET_KEY", "").strip()
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
    # Content in English, Russian and Kazakh (issue 16; core/content_lang.py):
    # a column per language, registered in each app's translation.py. Before
    # the admin, as its admin classes require.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    # Before staticfiles: `runserver` then leaves static files to WhiteNoise,
    # as production does.
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    # The XML sitemap's templates (portal/sitemaps.py).
    "django.contrib.sitemaps",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "corsheaders",
    "simple_history",
    # Hardening (issue #6): the Content-Security-Policy's system checks, and
    # the admin login's failure counter.
    "csp",
    "axes",
    # Editors' accounts (issue 18): a second factor for staff sign-in (TOTP
    # and recovery codes), API tokens that expire (accounts/).
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "accounts",
    # Ours, bottom layer first (docs/ARCHITECTURE.md): imports run upward
    # only, kzuk_site -> portal -> content apps -> seeding -> evidence -> core.
    "core",
    "pagecache",
    "evidence",
    "seeding",
    "topics",
    "people",
    "dialogue",
    "agreements",
    # Articles in, proposed facts out, reviewed by editors (above the
    # content apps: accepting a proposal writes agreements, meetings...).
    "ingest",
    # The changes feed and the bulk releases, over every content app (docs/API.md).
    "opendata",
    "portal",
    # Demo data at scale, for a database of its own (docs/PERFORMANCE.md).
    "demo",
]

MIDDLEWARE = [
    # First, before the host is checked: see kzuk_site/health.py.
    "kzuk_site.health.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Compresses what every middleware below leaves in the body (they read
    # and rewrite it uncompressed), and adds `Vary: Accept-Encoding`. Not for
    # responses that may carry a secret (BREACH): kzuk_site/compression.py.
    "kzuk_site.compression.GZipUnlessSecretMiddleware",
    # Hardening (issue #6). Outside everything that can answer, so that every
    # response carries the policy.
    "csp.middleware.CSPMiddleware",
    # Static files are answered here, before sessions, locale and the rest.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # A 503 rather than a 500 when the database cannot serve (db_unavailable.py).
    "core.db_unavailable.DatabaseUnavailableMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    # Django's LocaleMiddleware, with the language in public pages' addresses.
    "kzuk_site.language.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # request.user.is_verified(): signed in with a second factor.
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Hardening (issue #6): refuses a query string too large to serve before
    # any view parses it; inside the middleware above, so that its 400 has
    # every header, and is in the reader's language.
    "kzuk_site.middleware.QueryStringLimitMiddleware",
    # Records which user made each change, for the history.
    "simple_history.middleware.HistoryRequestMiddleware",
    # Before the page cache, which answers without the middleware below it;
    # django-axes only acts on the admin's login, which is never cached.
    "axes.middleware.AxesMiddleware",
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
                "core.context_processors.as_of",
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
# The content's languages (issue 16, docs/READERS.md "Languages of the
# content"): English is the source; a missing translation falls back to it,
# and core/content_lang.py marks every such fallback.
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_LANGUAGES = ("en", "ru", "kk")
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT") or BASE_DIR / "staticfiles")
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
SEEDS_DIR = Path(os.environ.get("SEEDS_DIR", BASE_DIR / "seeding"))
# Where `manage.py release --out` writes the data releases that /data/ lists.
RELEASES_DIR = Path(os.environ.get("RELEASES_DIR", BASE_DIR / "releases"))

# The API (kzuk_site/api.py): anonymous clients read, editors with model
# permissions write.
REST_FRAMEWORK = {
    # Token first: an anonymous write is then told 401 with
    # `WWW-Authenticate: Token`, rather than a bare 403.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "accounts.authentication.ExpiringTokenAuthentication",
        "accounts.authentication.VerifiedSessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": [
        "rest_framework.permissions.DjangoModelPermissionsOrAnonReadOnly",
    ],
    "DEFAULT_FILTER_BACKENDS": ["core.api.pagination.FilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "core.api.pagination.ApiPagination",
    "DEFAULT_SCHEMA_CLASS": "core.api.schema.ApiAutoSchema",
    "EXCEPTION_HANDLER": "core.api.errors.api_exception_handler",
    # JSON nested past API_JSON_MAX_DEPTH is a 400, not a RecursionError.
    "DEFAULT_PARSER_CLASSES": [
        "core.api.parsers.DepthLimitedJSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    # Anonymous clients by IP address; signed-in clients (editors' scripts)
    # by user, at a higher rate, so that a leaked token cannot hammer the site.
    "DEFAULT_THROTTLE_CLASSES": [
        "core.api.throttles.AnonymousThrottle",
        "core.api.throttles.SignedInThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon": os.environ.get("API_ANON_RATE", "120/minute"),
        "user": os.environ.get("API_USER_RATE", "1200/minute"),
    },
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
        "core.api.schema.describe_parameters",
        "core.api.schema.add_links",
        "core.api.schema.anonymous_reads",
        "core.api.schema.empty_means_unset",
    ],
    # One named enum per vocabulary: several models share "kind" and "status"
    # field names, and every partial date shares its precisions.
    "ENUM_NAME_OVERRIDES": {
        "DatePrecisionEnum": "core.dates.DatePrecision",
        "SourceKindEnum": "evidence.models.SourceKind",
        "OrganisationKindEnum": "people.models.OrganisationKind",
        "MeetingKindEnum": "dialogue.models.MeetingKind",
        "MeetingStatusEnum": "dialogue.models.MeetingStatus",
        "ParticipationRoleEnum": "dialogue.models.ParticipationRole",
        "AgreementKindEnum": "agreements.models.AgreementKind",
        "AgreementStatusEnum": "agreements.models.AgreementStatus",
        "CommitmentStatusEnum": "agreements.models.CommitmentStatus",
        "RelationKindEnum": "agreements.models.RelationKind",
        "ApproximationEnum": "agreements.models.Approximation",
        "EventKindEnum": "agreements.status_rules.EventKind",
        "TrackStepEnum": "agreements.status_rules.TrackStep",
    },
}

# The Atom feeds' ids: `tag:` URIs (RFC 4151), the same wherever the site is
# served. Change it only with a new authority or date: readers key entries on it.
FEED_TAG_PREFIX = os.environ.get("FEED_TAG_PREFIX", "tag:kz-uk-tracker,2025:")

# How long any cache may keep an anonymous API read (Cache-Control: public).
API_CACHE_SECONDS = env_int("API_CACHE_SECONDS", 60)

# Read-only cross-origin access to the API; writes stay same-origin.
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_METHODS = ("GET", "HEAD", "OPTIONS")
# A browser client may read the validators and send them back: without these
# it could not revalidate (a 304 for an unchanged answer).
CORS_EXPOSE_HEADERS = ("ETag", "Last-Modified")
CORS_ALLOW_HEADERS = (*corsheaders_default_headers, "if-none-match", "if-modified-since")

# Every record about a request names its client by core.client_ip's rule,
# the same address the throttles and the login lockout count.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"client_ip": {"()": "core.client_ip.ClientIpLogFilter"}},
    "formatters": {
        "with_client": {"format": "%(levelname)s %(name)s [client %(client_ip)s] %(message)s"}
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["client_ip"],
            "formatter": "with_client",
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}

# --- Who a request came from (core/client_ip.py, docs/DEPLOY.md) ----------
# The socket's address, unless the site stands behind proxies named here:
# then the client's address is read from X-Forwarded-For, counting from the
# right. Never both; by default none, so a client's own X-Forwarded-For
# changes nothing.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES", [])
if TRUSTED_PROXY_COUNT and TRUSTED_PROXIES:
    raise ImproperlyConfigured(
        "Set TRUSTED_PROXY_COUNT or TRUSTED_PROXIES, not both: they are two ways of "
        "saying which proxies stand in front of the site."
    )
if TRUSTED_PROXY_COUNT < 0:
    raise ImproperlyConfigured(f"TRUSTED_PROXY_COUNT={TRUSTED_PROXY_COUNT} should be 0 or more.")
for _proxy in TRUSTED_PROXIES:
    try:
        ipaddress.ip_network(_proxy, strict=False)
    except ValueError:
        raise ImproperlyConfigured(
            f"TRUSTED_PROXIES: {_proxy!r} is not an address or a network "
            "(e.g. 10.0.0.5, 10.0.0.0/24, 2001:db8::/32)."
        ) from None


# --- Hardening (issue #6): HTTPS, cookies, response headers ---------------
# Production (DEBUG off) defaults to the strict choice; each can be relaxed
# from the environment for a deployment that needs it (TLS ended at a proxy).
# `manage.py check --deploy` reports nothing with these defaults
# (tests/site/test_security_settings.py).

# Behind a proxy that ends TLS, Django sees plain HTTP: name the header the
# proxy sets, e.g. SECURE_PROXY_SSL_HEADER="X-Forwarded-Proto: https". Only
# for a proxy that overwrites that header, or clients could claim HTTPS.
if os.environ.get("SECURE_PROXY_SSL_HEADER"):
    _header, _, _value = os.environ["SECURE_PROXY_SSL_HEADER"].partition(":")
    if not _header.strip() or not _value.strip():
        raise ImproperlyConfigured(
            f"SECURE_PROXY_SSL_HEADER={os.environ['SECURE_PROXY_SSL_HEADER']!r} should be "
            "'Header-Name: value', e.g. 'X-Forwarded-Proto: https'."
        )
    SECURE_PROXY_SSL_HEADER = (
        "HTTP_" + _header.strip().upper().replace("-", "_"),
        _value.strip(),
    )
# Off when the proxy itself redirects HTTP to HTTPS.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=not DEBUG)
# A year in production; browsers then refuse plain HTTP for that long.
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 365 * 24 * 60 * 60)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
# Preloading is a promise to browser vendors that is slow to take back (every
# subdomain on HTTPS for good), so it is the operator's explicit choice; until
# then Django's reminder (security.W021) is silenced, deliberately.
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", default=False)
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", default=not DEBUG)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", default=not DEBUG)
# Not HttpOnly: the Swagger UI reads the CSRF cookie to send editors' writes.
CSRF_COOKIE_SAMESITE = "Lax"
# Origins a form may be posted from when they differ from the Host, e.g.
# behind a proxy: "https://tracker.example".
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
LANGUAGE_COOKIE_SECURE = SESSION_COOKIE_SECURE
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"

# --- Hardening (issue #6): Content-Security-Policy (django-csp 4) --------
# Nothing inline, nothing from elsewhere: our pages, the admin and the API
# docs load only their own files. The API docs' inline bits are moved into
# files (kzuk_site/templates/drf_spectacular/, the Swagger UI's split view).
# img-src allows data: for the icons Swagger UI's styles embed. Pages that
# need more widen it for themselves alone: Redoc (kzuk_site/api.py), the
# admin's history page (core/admin_base.py).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "worker-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    },
}

# --- Hardening (issue #6): request limits ---------------------------------
# kzuk_site/middleware.py answers 400 past these. A list with every value of
# every filter chosen (every topic, every party...) is about 1.4 KB today, with
# room to grow: tests/site/test_abuse.py checks that it is served.
QUERY_STRING_LIMITS = {
    "MAX_LENGTH": env_int("QUERY_STRING_MAX_LENGTH", 4096),
    "MAX_PARAMETERS": env_int("QUERY_STRING_MAX_PARAMETERS", 200),
    "MAX_VALUES_PER_NAME": env_int("QUERY_STRING_MAX_VALUES_PER_NAME", 100),
}

# --- /.well-known/security.txt (RFC 9116; docs/SECURITY.md) --------------
# Who receives vulnerability reports: mailto: or https: URIs, comma-separated.
# A status with no evidence for this many months is shown as stale: the
# tracker says how sure it is, not only what it last heard.
STATUS_STALE_AFTER_MONTHS = int(os.environ.get("STATUS_STALE_AFTER_MONTHS", "12"))
# Something due (a commitment's due date, a planned meeting's date) whose
# period ends within this many days of the date asked is "due soon".
STATUS_DUE_SOON_DAYS = int(os.environ.get("STATUS_DUE_SOON_DAYS", "90"))
# Where a reader reports an error in the data: a mailto: or an issue tracker's URL.
REPORT_ERROR_URL = os.environ.get("REPORT_ERROR_URL", "mailto:corrections@kzuk-tracker.example")

SECURITY_CONTACT = env_list("SECURITY_CONTACT", ["mailto:security@kzuk-tracker.example"])
# `Expires` is this many days ahead of each request (RFC 9116: under a year).
SECURITY_TXT_DAYS = env_int("SECURITY_TXT_DAYS", 180)
if not 1 <= SECURITY_TXT_DAYS <= 365:
    raise ImproperlyConfigured(f"SECURITY_TXT_DAYS={SECURITY_TXT_DAYS} should be 1 to 365.")
# The disclosure policy's public address, if it has one (a `Policy:` line).
SECURITY_POLICY_URL = os.environ.get("SECURITY_POLICY_URL", "")

# --- Request bodies (docs/API.md) -----------------------------------------
# A body over DATA_UPLOAD_MAX_MEMORY_SIZE is a 413 from the API (JSON), a 400
# elsewhere; JSON nested deeper than API_JSON_MAX_DEPTH is a 400.
DATA_UPLOAD_MAX_MEMORY_SIZE = env_int("DATA_UPLOAD_MAX_MEMORY_SIZE", 2_621_440)
API_JSON_MAX_DEPTH = env_int("API_JSON_MAX_DEPTH", 32)

# --- Editors' accounts (accounts/, docs/SECURITY.md) ----------------------
# Staff sign in to the admin with a password and a second factor (an
# authenticator app's code, or a recovery code): required by default with
# DEBUG off. Enrol with `manage.py enrol_two_factor <username>`.
ADMIN_REQUIRE_2FA = env_bool("ADMIN_REQUIRE_2FA", default=not DEBUG)
# The issuer an authenticator app shows beside the code.
OTP_TOTP_ISSUER = os.environ.get("OTP_TOTP_ISSUER", "KZ-UK Tracker")
# Days an API token made by `manage.py create_api_token` stays valid.
API_TOKEN_DAYS = env_int("API_TOKEN_DAYS", 90)

# --- Hardening (issue #6): admin login attempts (django-axes) -------------
# After AXES_FAILURE_LIMIT wrong passwords for one username from one address,
# that pair is locked out for the cooling-off period: a guesser cannot go
# on, and nobody else can lock a person out from another address.
AUTHENTICATION_BACKENDS = [
    # First: it refuses a locked-out pair before the password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 30))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "kzuk_site.lockout.lockout_response"
# The address by the same rule as the API's throttles and the logs.
AXES_CLIENT_IP_CALLABLE = "core.client_ip.client_ip"
