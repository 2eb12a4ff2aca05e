"""The settings module reads the environment, with safe defaults."""

import ast
import os
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection

from tests.support.processes import ROOT, settings_in_subprocess

# Each test here starts a process, a server or a browser.
pytestmark = pytest.mark.external


@pytest.mark.parametrize("secret_key", [None, "", "   "])
def test_secret_key_is_required_when_debug_is_off(secret_key):
    result = settings_in_subprocess({"DEBUG": "false", "SECRET_KEY": secret_key}, "s.DEBUG")
    assert result.returncode != 0
    assert "ImproperlyConfigured: SECRET_KEY must be set when DEBUG is off" in result.stderr
    # The message says how to make one.
    assert "get_random_secret_key" in result.stderr


def test_the_secret_key_is_the_environment_s_and_never_the_development_one():
    key = "k" * 60
    result = settings_in_subprocess({"DEBUG": "false", "SECRET_KEY": key}, "s.SECRET_KEY")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == key
    development = settings_in_subprocess({"DEBUG": "true", "SECRET_KEY": None}, "s.SECRET_KEY")
    assert development.stdout.strip().startswith("insecure-development-key")


def test_production_settings_come_from_the_environment():
    result = settings_in_subprocess(
        {
            "DEBUG": "false",
            "SECRET_KEY": "x" * 50,
            "ALLOWED_HOSTS": "tracker.example, www.tracker.example",
            "DATABASE_URL": "postgres://u:p@db.internal:5432/tracker",
        },
        "s.DEBUG, s.ALLOWED_HOSTS, s.DATABASES['default']['ENGINE'], s.DATABASES['default']['NAME']",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == (
        "False ['tracker.example', 'www.tracker.example'] django.db.backends.postgresql tracker"
    )


def test_a_postgresql_connection_gives_up_after_the_connect_timeout():
    """How fast a request fails while the database is unreachable (503, not a
    hang): the outage test shows the 503, this the bound on the wait."""
    url = "postgres://u:p@db.internal:5432/tracker"
    expression = "s.DATABASES['default']['OPTIONS']['connect_timeout']"
    default = settings_in_subprocess({"DATABASE_URL": url}, expression)
    assert default.stdout.strip() == "3", default.stderr
    chosen = settings_in_subprocess(
        {"DATABASE_URL": url, "DATABASE_CONNECT_TIMEOUT": "2"}, expression
    )
    assert chosen.stdout.strip() == "2", chosen.stderr


def test_the_default_database_is_a_sqlite_file_in_the_project():
    result = settings_in_subprocess(
        {"DATABASE_URL": None, "DEBUG": None}, "s.DATABASES['default']['NAME']"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(ROOT / "db.sqlite3")


def test_a_malformed_boolean_is_refused_with_its_name():
    result = settings_in_subprocess({"DEBUG": "maybe"}, "s.DEBUG")
    assert result.returncode != 0
    assert "DEBUG='maybe' is not a boolean" in result.stderr


@pytest.mark.django_db
def test_the_suite_runs_on_the_database_it_was_given():
    url = os.environ.get("DATABASE_URL", "")
    expected = "postgresql" if url.startswith(("postgres://", "postgresql://")) else "sqlite"
    assert connection.vendor == expected


@pytest.mark.django_db
def test_the_migrations_match_the_models():
    out = StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)
    assert "No changes detected" in out.getvalue()


def test_the_cache_comes_from_cache_url():
    result = settings_in_subprocess(
        {"CACHE_URL": "redis://cache.internal:6379/1", "CACHE_KEY_PREFIX": "tracker"},
        "s.CACHES['default']",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(
        {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://cache.internal:6379/1",
            "KEY_PREFIX": "tracker",
        }
    )


def test_without_cache_url_each_process_caches_in_local_memory():
    result = settings_in_subprocess({"CACHE_URL": None}, "s.CACHES['default']['BACKEND']")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "django.core.cache.backends.locmem.LocMemCache"


def test_an_unknown_cache_url_stops_start_up_naming_it():
    result = settings_in_subprocess({"CACHE_URL": "memcached://m:11211"}, "s.CACHES")
    assert result.returncode != 0
    assert "CACHE_URL='memcached://m:11211' has an unknown scheme" in result.stderr


def test_production_serves_hashed_compressed_static_files():
    result = settings_in_subprocess(
        {"DEBUG": "false", "SECRET_KEY": "x" * 50},
        "repr((s.STORAGES['staticfiles']['BACKEND'], "
        "s.MIDDLEWARE[s.MIDDLEWARE.index('csp.middleware.CSPMiddleware') + 1]))",
    )
    assert result.returncode == 0, result.stderr
    # Right after the headers every response needs, before everything else.
    assert result.stdout.strip() == str(
        (
            "whitenoise.storage.CompressedManifestStaticFilesStorage",
            "whitenoise.middleware.WhiteNoiseMiddleware",
        )
    )


def test_development_serves_static_files_without_collectstatic():
    result = settings_in_subprocess({"DEBUG": None}, "s.STORAGES['staticfiles']['BACKEND']")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "django.contrib.staticfiles.storage.StaticFilesStorage"


def test_a_replica_url_adds_the_replica_its_router_and_middleware():
    result = settings_in_subprocess(
        {
            "DATABASE_URL": "postgres://u:p@primary.internal:5432/tracker",
            "DATABASE_REPLICA_URL": "postgres://u:p@replica.internal:5432/tracker",
            "CONN_MAX_AGE": "120",
        },
        "repr((s.DATABASES['replica'], s.DATABASE_ROUTERS, "
        "s.MIDDLEWARE[s.MIDDLEWARE.index('django.contrib.auth.middleware.AuthenticationMiddleware') + 1]))",
    )
    assert result.returncode == 0, result.stderr
    replica, routers, after_auth = ast.literal_eval(result.stdout)
    assert replica["HOST"] == "replica.internal"
    assert replica["CONN_MAX_AGE"] == 120
    assert replica["CONN_HEALTH_CHECKS"] is True
    assert replica["TEST"] == {"MIRROR": "default"}
    assert routers == ["kzuk_site.db_router.ReplicaRouter"]
    assert after_auth == "kzuk_site.db_router.PrimaryReadsMiddleware"


def test_without_a_replica_there_is_one_database_and_no_router():
    result = settings_in_subprocess(
        {"DATABASE_REPLICA_URL": None},
        "repr((list(s.DATABASES), getattr(s, 'DATABASE_ROUTERS', []), "
        "'kzuk_site.db_router.PrimaryReadsMiddleware' in s.MIDDLEWARE))",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "(['default'], [], False)"
