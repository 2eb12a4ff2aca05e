import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.utils import translation

OUR_APPS = ("seeds", "dialogue", "agreements")


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


@pytest.fixture
def seeded(load):
    """The database with the project's own seed data loaded."""
    return load()


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
