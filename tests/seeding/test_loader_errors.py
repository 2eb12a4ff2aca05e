"""Bad seed input stops load_seeds with an error naming the file, the record
and the field, and leaves the database exactly as it was."""

from pathlib import Path

import pytest
import yaml
from django.core.management.base import CommandError

pytestmark = pytest.mark.django_db


def _replace(path: Path, old: str, new: str, count: int = 1):
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}: the test's premise is stale"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


@pytest.fixture
def loaded_copy(seeds_copy, seeded):
    """A copy of the seed folder the database already holds (the seeds are
    loaded once for the session), so 'as it was' is not just 'empty'."""
    return seeds_copy


BAD_INPUTS = {
    "malformed YAML": (
        "agreements.yaml",
        "- slug: spca\n",
        "- slug: spca\n  title: [unclosed\n",
        ["agreements.yaml", "malformed YAML"],
    ),
    "unknown field": (
        "agreements.yaml",
        '  short_title: "Strategic Partnership and Cooperation Agreement"\n',
        '  short_title: "Strategic Partnership and Cooperation Agreement"\n  signed_in: London\n',
        ["agreements.yaml", "record 'spca'", "field 'signed_in'", "unknown field"],
    ),
    "bad date": (
        "agreements.yaml",
        'signed_on: "2024-04"\n  requires_ratification',
        'signed_on: "2024-13"\n  requires_ratification',
        ["agreements.yaml", "record 'spca'", "field 'signed_on'", "'2024-13' is not a real date"],
    ),
    # Found by tests/seeding/test_loader_fuzz.py: YAML itself raised a bare ValueError.
    "unquoted impossible date": (
        "agreements.yaml",
        'signed_on: "2024-04"\n  requires_ratification',
        "signed_on: 2024-02-30\n  requires_ratification",
        ["agreements.yaml", "line ", "malformed YAML", "'2024-02-30' is not a real date"],
    ),
    "date in a form that gives no precision": (
        "agreements.yaml",
        'signed_on: "2024-04"\n  requires_ratification',
        'signed_on: "April 2024"\n  requires_ratification',
        ["record 'spca'", "field 'signed_on'", "YYYY, YYYY-MM or YYYY-MM-DD"],
    ),
    "unknown choice": (
        "agreements.yaml",
        "  kind: agreement\n",
        "  kind: pact\n",
        ["record 'spca'", "field 'kind'", "'pact' is not one of: treaty, agreement"],
    ),
    "unknown status in a nested event": (
        "agreements.yaml",
        "    - status: negotiating\n",
        "    - status: haggling\n",
        ["record 'spca'", "field 'status_events[0].status'", "'haggling' is not one of"],
    ),
    "quote not found in its source": (
        "agreements.yaml",
        'quote: "The two countries are set to sign an Agreement on Strategic Partnership and Cooperation"',
        'quote: "The two countries signed an Agreement on Strategic Partnership and Cooperation"',
        [
            "record 'spca'",
            "field 'status_events[0].citations[0].quote'",
            "is not in the text of source 'uk-kazakh-relations-holistic-approach-2023'",
        ],
    ),
    "reference to a slug that does not exist": (
        "agreements.yaml",
        '  parties: [kazakhstan, united-kingdom]\n  signed_on: "2024-04"\n  requires',
        '  parties: [kazakhstan, great-britain]\n  signed_on: "2024-04"\n  requires',
        [
            "record 'spca'",
            "field 'parties[1]'",
            "organisation 'great-britain', which does not exist",
        ],
    ),
    "citation of an unknown source": (
        "agreements.yaml",
        '  citations:\n    - source: uk-kazakh-relations-holistic-approach-2023\n      quote: "The two countries are set to sign an Agreement on Strategic Partnership and Cooperation, further',
        '  citations:\n    - source: the-times\n      quote: "The two countries are set to sign an Agreement on Strategic Partnership and Cooperation, further',
        ["record 'spca'", "field 'citations[0].source'", "unknown source 'the-times'"],
    ),
    "duplicate slug": (
        "topics.yaml",
        "- slug: economy\n",
        "- slug: politics\n",
        ["topics.yaml", "record 'politics'", "field 'slug'", "duplicate slug"],
    ),
}


@pytest.mark.parametrize("case", BAD_INPUTS.values(), ids=BAD_INPUTS.keys())
def test_bad_input_is_named_and_nothing_is_written(case, loaded_copy, load, db_snapshot):
    file, old, new, expected = case
    _replace(loaded_copy / "data" / file, old, new)
    # A valid change earlier in the load order must be rolled back too.
    _replace(loaded_copy / "data" / "topics.yaml", "name: Energy", "name: Energy policy")
    before = db_snapshot()

    with pytest.raises(CommandError) as error:
        load(seeds_dir=loaded_copy)

    message = str(error.value)
    for fragment in expected:
        assert fragment in message
    assert "Nothing was written." in message
    assert db_snapshot() == before


@pytest.mark.parametrize(
    ("citations", "message"),
    [(None, "is required"), ([], "needs at least one quote from a source")],
    ids=["missing", "empty"],
)
def test_a_fact_without_a_quote_is_refused(citations, message, loaded_copy, load, db_snapshot):
    path = loaded_copy / "data" / "figures.yaml"
    records = yaml.safe_load(path.read_text(encoding="utf-8"))
    if citations is None:
        del records[0]["citations"]
    else:
        records[0]["citations"] = citations
    path.write_text(yaml.safe_dump(records, allow_unicode=True), encoding="utf-8")
    before = db_snapshot()
    with pytest.raises(CommandError) as error:
        load(seeds_dir=loaded_copy)
    assert f"record {records[0]['slug']!r}, field 'citations': {message}" in str(error.value)
    assert db_snapshot() == before


def test_the_error_gives_the_line_of_the_record(seeds_copy, load):
    path = seeds_copy / "data" / "agreements.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    line = next(i for i, text in enumerate(lines, 1) if text == "- slug: spca")
    _replace(path, "  kind: agreement\n", "  kind: pact\n")
    with pytest.raises(CommandError, match=rf"agreements.yaml, line {line}, record 'spca'"):
        load(seeds_dir=seeds_copy)


def test_a_missing_source_text_file_is_named(seeds_copy, load):
    (seeds_copy / "sources" / "003_07c11b91523fe377.txt").unlink()
    with pytest.raises(CommandError, match=r"sources\.yaml.*field 'file': there is no file"):
        load(seeds_dir=seeds_copy)


def test_a_file_that_is_not_a_list_of_records_is_refused(seeds_copy, load):
    (seeds_copy / "data" / "topics.yaml").write_text("slug: energy\nname: Energy\n")
    with pytest.raises(CommandError, match=r"topics\.yaml: the file must hold a list of records"):
        load(seeds_dir=seeds_copy)


def test_a_value_of_the_wrong_type_is_named(seeds_copy, load):
    _replace(seeds_copy / "data" / "meetings.yaml", "  number: 8\n", "  number: eighth\n")
    with pytest.raises(
        CommandError, match="record 'strategic-dialogue-8', field 'number': expected a whole number"
    ):
        load(seeds_dir=seeds_copy)


def test_an_unquoted_yes_no_value_is_caught(seeds_copy, load):
    # YAML 1.1 reads a bare NO (Norway) as false: a classic trap, caught.
    _replace(seeds_copy / "data" / "organisations.yaml", "  country: GB\n", "  country: NO\n")
    with pytest.raises(CommandError, match="field 'country': expected text, got bool"):
        load(seeds_dir=seeds_copy)


def test_a_seeds_dir_without_data_is_refused(tmp_path, load):
    with pytest.raises(CommandError, match="is not a folder of seed files"):
        load(seeds_dir=tmp_path)
