"""The test database, migrated and seeded once and then copied.

Migrating from nothing takes about twenty seconds (Django renders the models
anew for each of several hundred operations) and loading the seeds two more.
Every pytest process used to pay that: each xdist worker of each pass, the
external pass and the date pass. Now the first process to need the database
builds it and keeps a copy, a *template*, under a lock; the others copy the
template (SQLite's backup, PostgreSQL's CREATE DATABASE ... TEMPLATE), which
takes a fraction of a second.

A template is used only while it matches what built it: its key is a digest
of every file that shapes the database (the code, its migrations, the seed
folder, the pinned requirements, this module), the database engine and the
moved clock of a date pass. Any change to them builds a new one.
"""

import fcntl
import hashlib
import os
import sqlite3
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from io import StringIO
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.test.utils import setup_databases, teardown_databases

# Where a template file (SQLite) and the locks live; .ci/run names one folder
# for all its passes. Unset, each checkout has its own folder in /tmp.
TEMPLATES_DIR_VARIABLE = "TEST_DB_TEMPLATES"
# What does not shape the database: the tests themselves (but for this
# module and the root conftest, which build it), docs, caches, and every
# hidden folder (git, the virtual environments).
_SKIPPED_DIRS = {
    "tests", "docs", "bench", "node_modules", "staticfiles", "media", "__pycache__", "screenshots",
}  # fmt: skip
_SHAPING_SUFFIXES = {".py", ".yaml", ".yml", ".json", ".txt", ".md", ".html", ".sql"}


def set_up(*, clock: str | None, verbosity: int) -> Callable[[], None]:
    """Make the test database ready, seeded, and return its teardown."""
    if set(settings.DATABASES) != {"default"}:
        # A replica mirrors the default: copies of both are not worth the care.
        return _build(verbosity)
    key = f"{_clock_tag(clock)}-{_key(clock)}"
    with _locked(key):
        if not _has_template(key):
            teardown = _build(verbosity)
            _keep_as_template(key)
            return teardown
        return _copy_template(key)


def _clock_tag(clock: str | None) -> str:
    """Passes with other clocks keep templates of their own side by side."""
    return "clock" + hashlib.sha1(clock.encode()).hexdigest()[:8] if clock else "now"


def _build(verbosity: int) -> Callable[[], None]:
    old_config = setup_databases(verbosity=verbosity, interactive=False, aliases={"default"})
    call_command("load_seeds", "--seeds-dir", str(settings.SEEDS_DIR), stdout=StringIO())
    return lambda: teardown_databases(old_config, verbosity=verbosity)


def _key(clock: str | None) -> str:
    digest = hashlib.sha256()
    engine = settings.DATABASES["default"]["ENGINE"]
    for part in (engine, clock or "", sys.version, str(settings.SEEDS_DIR)):
        digest.update(part.encode() + b"\0")
    root = Path(settings.BASE_DIR)
    for path in _shaping_files(root):
        digest.update(f"{path.relative_to(root)}".encode() + b"\0" + path.read_bytes() + b"\0")
    digest.update(Path(__file__).read_bytes())
    digest.update((Path(settings.BASE_DIR) / "tests" / "conftest.py").read_bytes())
    return digest.hexdigest()[:32]


def _shaping_files(root: Path) -> Iterator[Path]:
    for folder, subfolders, files in os.walk(root):
        subfolders[:] = sorted(
            name for name in subfolders if name not in _SKIPPED_DIRS and not name.startswith(".")
        )
        for name in sorted(files):
            path = Path(folder, name)
            if path.suffix in _SHAPING_SUFFIXES and "corpus" not in path.parts:
                yield path


def _templates_dir() -> Path:
    configured = os.environ.get(TEMPLATES_DIR_VARIABLE)
    if configured:
        folder = Path(configured)
    else:
        checkout = hashlib.sha1(str(settings.BASE_DIR).encode()).hexdigest()[:10]
        folder = Path(tempfile.gettempdir()) / f"kzuk-test-templates-{checkout}"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@contextmanager
def _locked(key: str):
    """One process builds the template; the others wait for it, then copy."""
    with open(_templates_dir() / f"{key}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _is_postgresql() -> bool:
    return connection.vendor == "postgresql"


def _has_template(key: str) -> bool:
    if _is_postgresql():
        return _postgresql_template_key(key) == key
    return _sqlite_template(key).exists()


def _keep_as_template(key: str) -> None:
    if _is_postgresql():
        _keep_postgresql_template(key)
    else:
        _keep_sqlite_template(key)


def _copy_template(key: str) -> Callable[[], None]:
    """The test database as a copy of the template: settings and connection
    point at it as Django's own set-up would have left them."""
    creation = connection.creation
    old_name = settings.DATABASES["default"]["NAME"]
    test_name = creation._get_test_db_name()
    if _is_postgresql():
        _create_postgresql_copy(test_name, key)
    connection.close()
    settings.DATABASES["default"]["NAME"] = test_name
    connection.settings_dict["NAME"] = test_name
    if not _is_postgresql():
        _restore_sqlite_copy(key)
    connection.ensure_connection()
    _warm_content_types()
    return lambda: creation.destroy_test_db(old_name, verbosity=0)


def _warm_content_types() -> None:
    """Migrating and seeding leave every content type in Django's cache; a
    copy starts cold, and the query budgets are of a process past its first
    requests. One query fills it."""
    from django.contrib.contenttypes.models import ContentType

    ContentType.objects.clear_cache()
    ContentType.objects.get_for_models(*apps.get_models(), for_concrete_models=False)


# SQLite: the test database lives in memory; the template is a file.


def _sqlite_template(key: str) -> Path:
    return _templates_dir() / f"{key}.sqlite3"


def _keep_sqlite_template(key: str) -> None:
    clock_tag = key.split("-")[0]
    for stale in _templates_dir().glob(f"{clock_tag}-*.sqlite3"):
        stale.unlink(missing_ok=True)
    partial = _sqlite_template(key).with_suffix(".partial")
    connection.ensure_connection()
    target = sqlite3.connect(partial)
    try:
        connection.connection.backup(target)
    finally:
        target.close()
    partial.replace(_sqlite_template(key))


def _restore_sqlite_copy(key: str) -> None:
    connection.ensure_connection()
    source = sqlite3.connect(_sqlite_template(key))
    try:
        source.backup(connection.connection)
    finally:
        source.close()


# PostgreSQL: one template database a checkout (and clock), its key kept as
# the database's comment, so a stale one is replaced rather than added to.


def _postgresql_template_name(key: str) -> str:
    clock_tag = key.split("-")[0]
    return f"{_postgresql_templates_prefix()}_{clock_tag}"


def _postgresql_templates_prefix() -> str:
    seed = f"{settings.BASE_DIR}|{os.environ.get(TEMPLATES_DIR_VARIABLE, '')}"
    return "kzuk_template_" + hashlib.sha1(seed.encode()).hexdigest()[:12]


def _postgresql_template_key(key: str) -> str | None:
    with connection.creation._nodb_cursor() as cursor:
        cursor.execute(
            "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = %s",
            [_postgresql_template_name(key)],
        )
        row = cursor.fetchone()
    return row[0] if row else None


def _keep_postgresql_template(key: str) -> None:
    # A database is copied only while no one is connected to it.
    source = connection.settings_dict["NAME"]
    connection.close()
    name = connection.ops.quote_name(_postgresql_template_name(key))
    with connection.creation._nodb_cursor() as cursor:
        cursor.execute(f"DROP DATABASE IF EXISTS {name}")
        cursor.execute(f"CREATE DATABASE {name} TEMPLATE {connection.ops.quote_name(source)}")
        # The key is hexadecimal digits and a tag: nothing to escape.
        cursor.execute(f"COMMENT ON DATABASE {name} IS '{key}'")
    connection.ensure_connection()


def _create_postgresql_copy(test_name: str, key: str) -> None:
    name = connection.ops.quote_name(test_name)
    template = connection.ops.quote_name(_postgresql_template_name(key))
    with connection.creation._nodb_cursor() as cursor:
        cursor.execute(f"DROP DATABASE IF EXISTS {name}")
        cursor.execute(f"CREATE DATABASE {name} TEMPLATE {template}")


def drop_postgresql_templates() -> None:
    """For the end of a CI run: the templates are not test databases, and
    Django's teardown does not know of them."""
    with connection.creation._nodb_cursor() as cursor:
        cursor.execute(
            "SELECT datname FROM pg_database WHERE starts_with(datname, %s)",
            [_postgresql_templates_prefix() + "_"],
        )
        for (name,) in cursor.fetchall():
            cursor.execute(f"DROP DATABASE IF EXISTS {connection.ops.quote_name(name)}")


if __name__ == "__main__":
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kzuk_site.settings")
    django.setup()
    if _is_postgresql():
        drop_postgresql_templates()
