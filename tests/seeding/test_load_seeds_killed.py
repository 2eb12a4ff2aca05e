"""load_seeds killed part way (SIGKILL, no chance to clean up) leaves the
database exactly as it was: a first load into an empty database, and a
reload over existing data.

The loader runs as `manage.py load_seeds` in a subprocess, on a database of
its own (a SQLite file; in the PostgreSQL run also a PostgreSQL database
beside the test database), over generated seeds. It stops itself (SIGSTOP)
right after its HALT_AFTERth write of an organisation, so the test kills it
at a known point, however fast or slow the machine: it has certainly
written (SQLite's rollback journal exists, or PostgreSQL gave its
transaction an id) and certainly not finished."""

import hashlib
import shutil
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest
import yaml
from django.conf import settings
from django.db import connection

from loadtest.server import ROOT, app_env, manage
from tests.conftest import _our_tables
from tests.support.waiting import wait_for

# Generated organisations, each with a verified quote; the loader stops
# itself after writing HALT_AFTER of them, well before the last.
RECORDS = 200
HALT_AFTER = 50
# load_seeds, with a database hook that counts the statements writing an
# organisation and, after the HALT_AFTERth, writes the marker file and stops
# the process (still in its transaction) for the test to kill.
HALTING_LOADER = """
import os, signal, sys
from pathlib import Path
import django
django.setup()
from django.core.management import call_command
from django.db import connection

halt_after, marker, seeds_dir = int(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
writes = 0

def halt_after_writes(execute, sql, params, many, context):
    global writes
    result = execute(sql, params, many, context)
    if sql.lstrip().upper().startswith(("INSERT", "UPDATE")) and "dialogue_organisation" in sql:
        writes += 1
        if writes == halt_after:
            marker.write_text("written")
            os.kill(os.getpid(), signal.SIGSTOP)
    return result

connection.execute_wrappers.append(halt_after_writes)
call_command("load_seeds", "--seeds-dir", seeds_dir)
"""
QUOTE = (
    "Kazakhstan and the United Kingdom (UK) have built a strong and productive "
    "partnership over the past three decades"
)

# Each test here starts a process, a server or a browser.
pytestmark = pytest.mark.external


def _write_seeds(seeds_dir: Path, description: str) -> None:
    """The project's sources, and RECORDS generated organisations citing one."""
    if not (seeds_dir / "sources").exists():
        shutil.copytree(settings.SEEDS_DIR / "sources", seeds_dir / "sources")
        (seeds_dir / "data").mkdir(parents=True)
        shutil.copy(settings.SEEDS_DIR / "data" / "sources.yaml", seeds_dir / "data")
    organisations = [
        {
            "slug": f"generated-{number}",
            "name": f"Generated organisation {number}",
            "kind": "other",
            "country": "KZ",
            "description": description,
            "citations": [{"source": "uk-kazakh-relations-holistic-approach-2023", "quote": QUOTE}],
        }
        for number in range(RECORDS)
    ]
    (seeds_dir / "data" / "organisations.yaml").write_text(yaml.safe_dump(organisations))


class SqliteTarget:
    def __init__(self, template: Path, path: Path):
        shutil.copy(template, path)
        self.path = path
        self.url = f"sqlite:///{path}"

    def rows(self, table: str) -> list:
        # Opening it read-write rolls back a killed writer's hot journal, as
        # the next process to use the database would.
        with sqlite3.connect(self.path) as db:
            return db.execute(f'SELECT * FROM "{table}"').fetchall()

    def writing(self) -> bool:
        return Path(f"{self.path}-journal").exists()

    def drop(self) -> None:
        self.path.unlink(missing_ok=True)


class PostgresTarget:
    def __init__(self, template: str, name: str):
        self.server = _server_url()
        self.name = name
        with psycopg.connect(self.server + "/postgres", autocommit=True) as db:
            db.execute(f'DROP DATABASE IF EXISTS "{name}"')
            db.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
        self.url = f"{self.server}/{name}"

    def rows(self, table: str) -> list:
        with psycopg.connect(self.url) as db:
            return db.execute(f'SELECT * FROM "{table}"').fetchall()

    def writing(self) -> bool:
        with psycopg.connect(self.server + "/postgres", autocommit=True) as db:
            (count,) = db.execute(
                "SELECT count(*) FROM pg_stat_activity "
                "WHERE datname = %s AND backend_xid IS NOT NULL",
                (self.name,),
            ).fetchone()
        return count > 0

    def drop(self) -> None:
        with psycopg.connect(self.server + "/postgres", autocommit=True) as db:
            db.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


def _server_url() -> str:
    db = connection.settings_dict
    credentials = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{credentials}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}"


def _digest(target) -> tuple[str, int]:
    """A hash of every row of every table of ours, and how many rows."""
    digest, count = hashlib.sha256(), 0
    for table in sorted(_our_tables()):
        rows = sorted(map(repr, target.rows(table)))
        count += len(rows)
        digest.update(f"{table}:{len(rows)}\n".encode())
        for row in rows:
            digest.update(row.encode() + b"\n")
    return digest.hexdigest(), count


def _load(target, seeds_dir: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "manage.py", "load_seeds", "--seeds-dir", str(seeds_dir)],
        cwd=ROOT,
        env=app_env(target.url),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )


def _load_and_kill(target, seeds_dir: Path) -> None:
    marker = seeds_dir.parent / "halted"
    marker.unlink(missing_ok=True)
    env = {**app_env(target.url), "DJANGO_SETTINGS_MODULE": "kzuk_site.settings"}
    process = subprocess.Popen(
        [sys.executable, "-c", HALTING_LOADER, str(HALT_AFTER), str(marker), str(seeds_dir)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    wait_for(
        marker.exists,
        f"load_seeds stopping after {HALT_AFTER} organisations",
        timeout=300,
        still_running=lambda: process.poll() is None,
    )
    assert target.writing(), "load_seeds stopped without an open transaction"
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL


@pytest.fixture(scope="module")
def seeds_dir(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("generated") / "seeds"
    _write_seeds(path, "First version.")
    return path


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def migrated(request, tmp_path_factory):
    """A migrated, empty database to copy: a SQLite file or a PostgreSQL template."""
    if request.param == "sqlite":
        path = tmp_path_factory.mktemp("sqlite") / "template.sqlite3"
        manage(app_env(f"sqlite:///{path}"), "migrate", "--noinput")
        yield ("sqlite", path)
        return
    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
        pytest.skip("PostgreSQL: runs when the suite runs on PostgreSQL (DATABASE_URL)")
    name = f"{connection.settings_dict['NAME']}_killed_template"
    with psycopg.connect(_server_url() + "/postgres", autocommit=True) as db:
        db.execute(f'DROP DATABASE IF EXISTS "{name}"')
        db.execute(f'CREATE DATABASE "{name}"')
    manage(app_env(f"{_server_url()}/{name}"), "migrate", "--noinput")
    yield ("postgresql", name)
    with psycopg.connect(_server_url() + "/postgres", autocommit=True) as db:
        db.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def target(migrated, tmp_path, db):
    kind, template = migrated
    if kind == "sqlite":
        made = SqliteTarget(template, tmp_path / "db.sqlite3")
    else:
        made = PostgresTarget(template, f"{connection.settings_dict['NAME']}_killed")
    yield made
    made.drop()


def test_a_first_load_killed_part_way_leaves_the_database_empty(target, seeds_dir):
    before = _digest(target)
    assert before[1] == 0
    _load_and_kill(target, seeds_dir)
    assert _digest(target) == before


def test_a_reload_killed_part_way_leaves_the_data_as_it_was(target, seeds_dir, tmp_path):
    reloaded = tmp_path / "seeds"
    shutil.copytree(seeds_dir, reloaded)
    first = _load(target, seeds_dir)
    output = first.communicate(timeout=600)[0].decode()
    assert first.returncode == 0, output
    before = _digest(target)
    assert before[1] > RECORDS

    # Every organisation changes: the reload rewrites each one.
    _write_seeds(reloaded, "Second version.")
    _load_and_kill(target, reloaded)
    assert _digest(target) == before
