"""The test database every test starts from is a copy of one migrated and
seeded once (tests/support/db_template.py): the copy must be the whole of
it, and a change to what shapes the database must build a new one."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from agreements.models import Agreement
from tests.support import db_template


def test_the_test_database_has_every_migration_applied(db):
    executor = MigrationExecutor(connection)
    assert executor.migration_plan(executor.loader.graph.leaf_nodes()) == []


def test_the_test_database_holds_the_seeds(seeded):
    assert Agreement.objects.filter(slug="spca").exists()


@pytest.mark.parametrize(
    "path",
    [
        "agreements/migrations/0001_initial.py",
        "agreements/models.py",
        "seeding/data/agreements.yaml",
        "requirements.txt",
    ],
)
def test_what_shapes_the_database_is_in_the_templates_key(path):
    shaping = {
        p.relative_to(settings.BASE_DIR).as_posix()
        for p in db_template._shaping_files(Path(settings.BASE_DIR))
    }
    assert path in shaping


def test_the_tests_and_the_docs_are_not_in_the_key():
    shaping = [
        p.relative_to(settings.BASE_DIR).parts[0]
        for p in db_template._shaping_files(Path(settings.BASE_DIR))
    ]
    assert "tests" not in shaping and "docs" not in shaping and ".venv" not in shaping


def test_another_clock_keeps_a_template_of_its_own():
    assert db_template._clock_tag(None) != db_template._clock_tag("2099-12-31T12:00:00Z")


def test_another_seed_folder_builds_a_template_of_its_own(settings, tmp_path):
    before = db_template._key(None)
    settings.SEEDS_DIR = tmp_path
    assert db_template._key(None) != before


@pytest.mark.external
def test_the_end_of_a_ci_run_can_drop_the_templates(tmp_path):
    """`.ci/run` ends with `python -m tests.support.db_template`; with a
    folder of its own the command names no template of this run's."""
    env = {**os.environ, db_template.TEMPLATES_DIR_VARIABLE: str(tmp_path)}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    finished = subprocess.run(
        [sys.executable, "-m", "tests.support.db_template"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert finished.returncode == 0, finished.stderr
