"""Backing up and restoring the whole site: the curated data in the seed
format (human-readable, reviewable) plus a dump of the database (every
table, users and history included), and a digest of every table so that a
restore can prove it is identical. See docs/BACKUP.md."""

import datetime
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from django.apps import apps
from django.db import connection

from core.content_apps import content_app_labels
from seeding.loader.export import export_seeds

MANIFEST = "manifest.json"
SQLITE_DUMP = "database.sqlite3"
POSTGRES_DUMP = "database.pgdump"
# Tables whose rows only say something about this process, not the site.
TRANSIENT_TABLES = {"sqlite_sequence"}


class BackupError(Exception):
    """A backup or restore that cannot go ahead, with what to do about it."""


def table_digests() -> dict[str, dict]:
    """Every table's row count and a SHA-256 of its rows, sorted: two equal
    results mean two databases hold the same data."""
    digests = {}
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names(cursor)):
            if table in TRANSIENT_TABLES:
                continue
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608 - a table name from introspection
            rows = sorted(json.dumps([_plain(value) for value in row]) for row in cursor.fetchall())
            digest = hashlib.sha256("\n".join(rows).encode()).hexdigest()
            digests[table] = {"rows": len(rows), "sha256": digest}
    return digests


def _plain(value):
    if isinstance(value, memoryview | bytes):
        return bytes(value).hex()
    if isinstance(value, bool | int | str) or value is None:
        return value
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    return str(value)


def content_rows() -> dict[str, int]:
    """Rows in the tables that make a database 'in use': our content and the users."""
    counts = {}
    models = [
        model for label in content_app_labels() for model in apps.get_app_config(label).get_models()
    ]
    models.append(apps.get_model("auth", "User"))
    existing = set(connection.introspection.table_names())
    for model in models:
        if model._meta.db_table in existing:
            count = model._base_manager.count()
            if count:
                counts[model._meta.db_table] = count
    return counts


def backup(target: Path) -> dict:
    """Write the seed export, the database dump and the manifest to `target`
    (a new or empty folder); returns the manifest."""
    target = Path(target)
    if target.exists() and any(target.iterdir()):
        raise BackupError(f"{target} is not empty; back up into a new folder.")
    target.mkdir(parents=True, exist_ok=True)
    export_seeds(target / "seeds")
    vendor = connection.vendor
    if vendor == "sqlite":
        dump = SQLITE_DUMP
        connection.ensure_connection()
        destination = sqlite3.connect(target / dump)
        try:
            # The online backup API: a consistent copy while the site runs.
            connection.connection.backup(destination)
        finally:
            destination.close()
    elif vendor == "postgresql":
        dump = POSTGRES_DUMP
        _run_postgres_tool("pg_dump", "--format=custom", "--no-owner", f"--file={target / dump}")
    else:
        raise BackupError(f"backing up a {vendor} database is not supported.")
    manifest = {
        "created_at": datetime.datetime.now(datetime.UTC).isoformat(),
        "vendor": vendor,
        "database": dump,
        "seeds": "seeds",
        "tables": table_digests(),
    }
    (target / MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True), encoding="utf-8")
    return manifest


def restore(source: Path) -> dict[str, list[str]]:
    """Restore a backup into this (empty) database, then compare every table
    with the manifest; returns the tables that differ (empty when identical)."""
    source = Path(source)
    try:
        manifest = json.loads((source / MANIFEST).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BackupError(f"{source} holds no {MANIFEST}: not a backup folder.") from None
    except json.JSONDecodeError as exc:
        raise BackupError(f"{source / MANIFEST} is not valid JSON ({exc}).") from None
    if manifest.get("vendor") != connection.vendor:
        raise BackupError(
            f"this backup is of a {manifest.get('vendor')} database; the database configured "
            f"here is {connection.vendor}. Restore it into a {manifest.get('vendor')} database."
        )
    dump = source / manifest["database"]
    if not dump.is_file():
        raise BackupError(f"the database dump {dump} is missing.")
    in_use = content_rows()
    if in_use:
        listed = ", ".join(f"{table} ({count} rows)" for table, count in sorted(in_use.items()))
        raise BackupError(
            "the database is not empty: "
            f"{listed}. Restore only into a new database (create it, then run restore; "
            "migrations are not needed)."
        )
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        origin = sqlite3.connect(dump)
        try:
            origin.backup(connection.connection)
        finally:
            origin.close()
    else:
        # Nothing of ours is in the database; --clean drops what `migrate`
        # may have created, so the dump's schema and rows go in whole.
        connection.close()
        _run_postgres_tool(
            "pg_restore", "--clean", "--if-exists", "--no-owner", "--exit-on-error",
            "--single-transaction", str(dump), database_flag="--dbname",
        )  # fmt: skip
    restored = table_digests()
    expected = manifest["tables"]
    return {
        "missing": sorted(set(expected) - set(restored)),
        "extra": sorted(set(restored) - set(expected)),
        "different": sorted(t for t in expected if t in restored and expected[t] != restored[t]),
    }


def _run_postgres_tool(tool: str, *args: str, database_flag: str = "--dbname") -> None:
    executable = shutil.which(tool)
    if executable is None:
        raise BackupError(f"{tool} is not installed (it comes with the PostgreSQL client tools).")
    settings = connection.settings_dict
    command = [executable, *args]
    for flag, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if settings.get(key):
            command.append(f"{flag}={settings[key]}")
    command.append(f"{database_flag}={settings['NAME']}")
    env = dict(os.environ)
    if settings.get("PASSWORD"):
        env["PGPASSWORD"] = settings["PASSWORD"]
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603 - fixed arguments
    if result.returncode != 0:
        raise BackupError(f"{tool} failed: {result.stderr.strip() or result.returncode}")
