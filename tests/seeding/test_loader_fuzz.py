"""The loader under random input (hypothesis): the project's own seed files
mutated field by field, raw-text damage (bad bytes, tabs, duplicate keys,
anchors), and documents of random shape. `load_seeds` either loads or
raises SeedError, never anything else, and after a SeedError the database is
exactly as it was.

Bounded for the suite (the `default` profile, derandomised); run it longer
with `HYPOTHESIS_PROFILE=long` (see tests/conftest.py and docs/SEEDS.md).
"""

import copy
import datetime
import shutil
from pathlib import Path

import pytest
import yaml
from django.conf import settings
from django.db import transaction
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from seeding.loader.errors import SeedError
from seeding.loader.load import load_seeds
from tests.conftest import snapshot

pytestmark = pytest.mark.django_db

DATA = Path(settings.SEEDS_DIR) / "data"
FILES = sorted(path.name for path in DATA.glob("*.yaml"))
ORIGINAL = {name: yaml.safe_load((DATA / name).read_text(encoding="utf-8")) for name in FILES}
# Function-scoped fixtures are fine here: every example is rolled back.
FUZZ = hypothesis_settings(suppress_health_check=[HealthCheck.function_scoped_fixture])

odd_text = st.one_of(
    st.text(max_size=40),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=20),
    st.sampled_from(
        [
            "",
            " ",
            "\t",
            "2024-13-45",
            "2024-02-30",
            "0000",
            "99999-01",
            "-1",
            "1e400",
            "NaN",
            "a" * 5000,
            "\u202e\u2067x",
            "\U0001f1f0\U0001f1ff",
            "<script>",
            "=1+1",
            "../etc/passwd",
            ".hidden",
            "spca",
            "kazakhstan",
        ]
    ),
)
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.dates(min_value=datetime.date(1, 1, 1)),
    st.datetimes(),
    odd_text,
)
values = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=3),
        st.dictionaries(st.one_of(odd_text, st.integers(), st.booleans()), children, max_size=3),
    ),
    max_leaves=6,
)


def _records(name):
    return ORIGINAL[name] or []


@st.composite
def mutated_seeds(draw):
    """The real seed files, with a few fields changed, removed or added."""
    # A deep copy, not a YAML round trip: the seeds with their translations
    # made that slow enough to fail Hypothesis's health check.
    files = {name: copy.deepcopy(ORIGINAL[name]) for name in FILES}
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        name = draw(st.sampled_from(FILES))
        records = files[name]
        if not records:
            continue
        record = records[draw(st.integers(min_value=0, max_value=len(records) - 1))]
        # Sometimes go one level down, into a citation or a nested record.
        nested = [
            v for v in record.values() if isinstance(v, list) and v and isinstance(v[0], dict)
        ]
        if nested and draw(st.booleans()):
            items = draw(st.sampled_from(nested))
            record = items[draw(st.integers(min_value=0, max_value=len(items) - 1))]
        keys = sorted(record, key=str)
        action = draw(st.sampled_from(["replace", "drop", "add", "wrap", "swap"]))
        key = draw(st.sampled_from(keys)) if keys else "slug"
        if action == "replace":
            record[key] = draw(values)
        elif action == "drop":
            record.pop(key, None)
        elif action == "add":
            record[draw(odd_text)] = draw(values)
        elif action == "wrap":
            record[key] = [record.get(key)]
        else:
            other = draw(st.sampled_from(_records(draw(st.sampled_from(FILES)))))
            record[key] = other.get(key) if isinstance(other, dict) else None
    return {name: yaml.safe_dump(records, allow_unicode=True) for name, records in files.items()}


RAW_DAMAGE = [
    b"\xff\xfe",
    b"\x80abc",
    b"\t",
    b"\n- slug: spca\n  slug: again\n",
    b"\n- &a {slug: x}\n- *a\n",
    b"\n- *undefined\n",
    b"\n- !!python/object:os.system {}\n",
    b"\n- slug: [1, 2\n",
    b"\n  - title: {{\n",
    b"\x00",
    b"\n- ? [complex, key]\n  : v\n",
    b"\n- slug: a\n  title: &t x\n  summary: *t\n",
    b"\n- {slug: !!binary aGVsbG8=}\n",
    b"\n- slug: x\n  signed_on: 2024-02-30\n",
    b"\n- slug: x\n  signed_on: 2024-01-01T10:00:00\n",
]


@st.composite
def damaged_seeds(draw):
    """The real seed files with bytes inserted somewhere."""
    name = draw(st.sampled_from(FILES))
    content = (DATA / name).read_bytes()
    at = draw(st.integers(min_value=0, max_value=len(content)))
    damage = draw(st.one_of(st.sampled_from(RAW_DAMAGE), st.binary(min_size=1, max_size=8)))
    return name, content[:at] + damage + content[at:]


random_documents = st.one_of(
    values,
    st.lists(st.dictionaries(st.sampled_from(["slug", "title", "name", "file"]), values)),
)


@pytest.fixture
def seeds_dir(tmp_path):
    target = tmp_path / "seeds"
    shutil.copytree(settings.SEEDS_DIR / "sources", target / "sources")
    (target / "data").mkdir()
    return target


def _write(seeds_dir: Path, files: dict[str, bytes | str]) -> None:
    for name in FILES:
        content = files.get(name, (DATA / name).read_bytes())
        path = seeds_dir / "data" / name
        if isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        else:
            path.write_bytes(content)


def _load_or_refuse_cleanly(seeds_dir: Path) -> None:
    """One example: load, and check the outcome. Rolled back either way, so
    the next example starts from the same database."""
    with transaction.atomic():
        before = snapshot()
        try:
            load_seeds(seeds_dir)
        except SeedError as error:
            assert str(error).strip()
            assert error.file, f"no file named in: {error}"
            assert snapshot() == before
        transaction.set_rollback(True)


@FUZZ
@given(files=mutated_seeds())
def test_mutated_seed_files_load_or_fail_with_a_seed_error(seeded, seeds_dir, files):
    _write(seeds_dir, files)
    _load_or_refuse_cleanly(seeds_dir)


@FUZZ
@given(damage=damaged_seeds())
def test_damaged_bytes_load_or_fail_with_a_seed_error(seeded, seeds_dir, damage):
    name, content = damage
    _write(seeds_dir, {name: content})
    _load_or_refuse_cleanly(seeds_dir)


@FUZZ
@given(name=st.sampled_from(FILES), document=random_documents)
def test_random_documents_load_or_fail_with_a_seed_error(seeded, seeds_dir, name, document):
    _write(seeds_dir, {name: yaml.safe_dump(document, allow_unicode=True)})
    _load_or_refuse_cleanly(seeds_dir)
