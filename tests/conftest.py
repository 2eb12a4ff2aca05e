import os
import shutil
from io import StringIO
from pathlib import Path

import hypothesis
import pytest
import time_machine
from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.utils import translation

from core.content_apps import content_app_labels
from tests.support import db_template

# The content apps, the demo data's bookkeeping and the changes feed's log.
OUR_APPS = (*content_app_labels(), "demo", "opendata")

# Property tests (the loader's fuzzing): a few derandomised examples in the
# suite, so CI is fast and repeatable; `HYPOTHESIS_PROFILE=long` explores
# for real, with a fresh seed each run.
hypothesis.settings.register_profile(
    "default", max_examples=10, derandomize=True, deadline=None, database=None
)
hypothesis.settings.register_profile("long", max_examples=1000, deadline=None)
hypothesis.settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


@pytest.fixture(autouse=True)
def _fresh_page_cache():
    """Each test's transaction is rolled back, and the content version with
    it: pages another test cached would come back under the same number."""
    cache.clear()


@pytest.fixture(autouse=True)
def english_by_default():
    """A request in another language leaves it active in the thread: reset it."""
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def load(db):
    """Run load_seeds and return its output."""

    def run(*args, seeds_dir: Path | None = None):
        out = StringIO()
        call_command(
            "load_seeds", "--seeds-dir", str(seeds_dir or settings.SEEDS_DIR), *args, stdout=out
        )
        return out.getvalue()

    return run


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    """PostgreSQL test databases commit without waiting for the disk: a crash
    would lose only a test run's rows, and the many commits of transactional
    tests (flushes, live servers, loads) stop waiting on each flush."""
    database = settings.DATABASES["default"]
    if database["ENGINE"].endswith("postgresql"):
        options = database.setdefault("OPTIONS", {})
        options["options"] = f"{options.get('options', '')} -c synchronous_commit=off".strip()


@pytest.fixture(scope="session")
def django_db_setup(
    request, django_test_environment, django_db_modify_db_settings, django_db_blocker
):
    """The test database starts with the project's seed data: every test runs
    in a transaction that is rolled back, so each one sees the seeds as
    loaded. (Transactional tests, such as the browser's, flush the database
    afterwards and load what they need themselves; pytest-django runs them
    after all the others.) The first process migrates and seeds it and keeps
    a copy that the others, and later passes, start from (db_template)."""
    with django_db_blocker.unblock():
        teardown = db_template.set_up(
            clock=request.config.getoption("--clock"), verbosity=request.config.option.verbose
        )
    yield
    with django_db_blocker.unblock():
        teardown()


@pytest.fixture
def seeded(db):
    """The database with the project's own seed data (loaded for the session)."""


@pytest.fixture(autouse=True)
def _empty_unless_seeded(request):
    """The rule of this suite: a database test sees the seed data if it asks
    for `seeded`, and an empty database of ours otherwise."""
    marker = request.node.get_closest_marker("django_db")
    uses_db = marker is not None or "db" in request.fixturenames
    transactional = (marker is not None and marker.kwargs.get("transaction")) or (
        "transactional_db" in request.fixturenames or "live_server" in request.fixturenames
    )
    if uses_db and not transactional and "seeded" not in request.fixturenames:
        request.getfixturevalue("empty_db")


@pytest.fixture
def empty_db(db):
    """No records of ours at all, for tests that build their own. Raw deletes
    in the test's transaction: no history is written, and the rollback at
    the end of the test brings the seeds back."""
    empty_our_tables()


def empty_our_tables() -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        for table in _our_tables():
            cursor.execute(f"DELETE FROM {connection.ops.quote_name(table)}")


def _our_tables() -> list[str]:
    tables = []
    for label in OUR_APPS:
        for model in apps.get_app_config(label).get_models():
            tables.append(model._meta.db_table)
            for field in model._meta.local_many_to_many:
                tables.append(field.remote_field.through._meta.db_table)
    return tables


@pytest.fixture
def seeds_copy(tmp_path) -> Path:
    """A writable copy of the seed folder, for tests that break or change it."""
    target = tmp_path / "seeds"
    shutil.copytree(settings.SEEDS_DIR / "data", target / "data")
    shutil.copytree(settings.SEEDS_DIR / "sources", target / "sources")
    return target


def snapshot() -> dict:
    """Every row of every table of ours, including many-to-many tables: two
    equal snapshots mean the database was left exactly as it was."""
    state = {}
    for label in OUR_APPS:
        for model in apps.get_app_config(label).get_models():
            state[model._meta.label] = sorted(model.objects.values_list(), key=repr)
            for field in model._meta.local_many_to_many:
                through = field.remote_field.through
                state[through._meta.label] = sorted(through.objects.values_list(), key=repr)
    return state


@pytest.fixture
def db_snapshot():
    return snapshot


def pytest_addoption(parser):
    parser.addoption(
        "--clock",
        default=os.environ.get("TEST_CLOCK") or None,
        help="Run with the process's clock moved to this date or time (ISO 8601), "
        "ticking from there: `make test-dates` runs the `dates` tests at 2099-12-31.",
    )


def pytest_configure(config):
    """With --clock, every date and time the tests and the code read (datetime,
    date.today, time.time) is moved there for the whole run; a test that fixes
    its own clock (time_machine) still gets the date it asked for."""
    clock = config.getoption("--clock")
    if clock:
        config._moved_clock = time_machine.travel(clock, tick=True)
        config._moved_clock.start()


def pytest_unconfigure(config):
    moved = getattr(config, "_moved_clock", None)
    if moved is not None:
        moved.stop()


def pytest_report_header(config):
    clock = config.getoption("--clock")
    return [f"clock moved to {clock}"] if clock else []


def pytest_collection_modifyitems(config, items):
    """Mark `external` by construction what starts a browser or a live
    server, and `dates` what fixes its own clock, so that no such test can be
    left out of its marker."""
    for item in items:
        fixtures = getattr(item, "fixturenames", ())
        in_browser_folder = "browser" in item.path.parts
        if in_browser_folder or "live_server" in fixtures:
            item.add_marker(pytest.mark.external)
        if "time_machine" in fixtures or item.get_closest_marker("time_machine"):
            item.add_marker(pytest.mark.dates)
