"""load_seeds: idempotent, all-or-nothing, and careful with editors' work."""

from io import StringIO
from pathlib import Path

import pytest
import yaml
from django.core.management import call_command

from agreements.models import Agreement, AgreementStatus, Commitment, Figure, StatusEvent
from dialogue.models import Meeting, MeetingSeries
from evidence.models import Citation, Source
from people.models import Organisation, Person
from seeding.models import SeedRecord
from tests.conftest import OUR_APPS, empty_our_tables
from tests.support.natural_snapshot import natural_snapshot
from topics.models import Topic

pytestmark = pytest.mark.django_db


def _totals(output: str) -> str:
    return output.strip().splitlines()[-1]


def _edit_yaml(path: Path, slug: str, **changes):
    records = yaml.safe_load(path.read_text(encoding="utf-8"))
    record = next(record for record in records if record["slug"] == slug)
    record.update(changes)
    path.write_text(yaml.safe_dump(records, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_the_first_load_creates_every_record(load):
    output = load()
    assert "0 updated, 0 unchanged, 0 skipped" in _totals(output)
    created = int(_totals(output).split(":")[1].split()[0])
    assert created == sum(
        model.objects.count()
        for model in (
            Source,
            Topic,
            Organisation,
            Person,
            MeetingSeries,
            Meeting,
            Agreement,
            Commitment,
            Figure,
        )
    )
    assert Source.objects.count() == 4
    assert SeedRecord.objects.count() == created


def test_a_second_run_changes_nothing(seeded, load, db_snapshot):
    before = db_snapshot()
    output = load()
    assert "Seeds loaded: 0 created, 0 updated" in output
    assert "0 skipped" in _totals(output)
    assert db_snapshot() == before


def test_a_dry_run_reports_the_same_counts_and_writes_nothing(load, db_snapshot):
    before = db_snapshot()
    output = load("--dry-run")
    assert "Dry run, nothing written" in output
    assert db_snapshot() == before
    assert Agreement.objects.count() == 0
    real = load()
    assert _totals(output).split(":")[1] == _totals(real).split(":")[1]


def test_a_changed_seed_record_is_updated_and_only_it(seeds_copy, load):
    load(seeds_dir=seeds_copy)
    _edit_yaml(seeds_copy / "data" / "agreements.yaml", "spca", signed_at="Astana")
    output = load(seeds_dir=seeds_copy)
    assert "0 created, 1 updated" in _totals(output)
    assert Agreement.objects.get(slug="spca").signed_at == "Astana"


def test_new_status_events_in_the_seed_update_the_current_status(seeds_copy, load):
    load(seeds_dir=seeds_copy)
    path = seeds_copy / "data" / "agreements.yaml"
    records = yaml.safe_load(path.read_text(encoding="utf-8"))
    spca = next(record for record in records if record["slug"] == "spca")
    spca["status_events"].append(
        {
            "status": "ratified",
            "date": "2025-03",
            "party": "united-kingdom",
            "citations": [spca["status_events"][-1]["citations"][0]],
        }
    )
    path.write_text(yaml.safe_dump(records, allow_unicode=True, sort_keys=False), encoding="utf-8")
    load(seeds_dir=seeds_copy)
    spca = Agreement.objects.get(slug="spca")
    assert spca.status == AgreementStatus.RATIFIED
    assert spca.status_since_display == "March 2025"


def test_an_editors_change_is_reported_and_left_alone(seeds_copy, load):
    load(seeds_dir=seeds_copy)
    Agreement.objects.filter(slug="spca").update(summary="Edited by an analyst.")
    _edit_yaml(seeds_copy / "data" / "agreements.yaml", "spca", signed_at="Astana")

    output = load(seeds_dir=seeds_copy)

    assert "skipped spca: changed in the database since the last load" in output
    assert "1 skipped" in _totals(output)
    spca = Agreement.objects.get(slug="spca")
    assert spca.summary == "Edited by an analyst."
    assert spca.signed_at == ""


def test_an_editors_change_to_a_nested_record_is_noticed_too(seeded, load):
    event = StatusEvent.objects.filter(agreement__slug="spca").last()
    event.note = "Corrected by an editor."
    event.save()
    output = load()
    assert "skipped spca" in output
    event.refresh_from_db()
    assert event.note == "Corrected by an editor."


def test_an_editors_new_citation_is_noticed(seeded, load):
    from tests.support import factories

    spca = Agreement.objects.get(slug="spca")
    factories.citation(spca, Source.objects.first(), "Kazakhstan")
    assert "skipped spca" in load()


def test_force_overwrites_the_editors_change_and_says_so(seeds_copy, load):
    load(seeds_dir=seeds_copy)
    Agreement.objects.filter(slug="spca").update(summary="Edited by an analyst.")
    output = load("--force", seeds_dir=seeds_copy)
    assert "overwrote spca: changed in the database since the last load" in output
    assert Agreement.objects.get(slug="spca").summary != "Edited by an analyst."
    # Once overwritten, the record is the loader's again.
    assert "Seeds loaded: 0 created, 0 updated" in load(seeds_dir=seeds_copy)


def test_a_record_an_editor_created_with_a_seed_slug_is_not_taken_over(seeds_copy, load):
    Topic.objects.create(slug="energy", name="Energy (editor's)")
    output = load(seeds_dir=seeds_copy)
    assert "skipped energy: exists in the database but was not created by load_seeds" in output
    assert Topic.objects.get(slug="energy").name == "Energy (editor's)"


def test_when_the_seed_catches_up_with_the_editor_the_record_is_unchanged(seeds_copy, load):
    load(seeds_dir=seeds_copy)
    Topic.objects.filter(slug="energy").update(name="Energy policy")
    _edit_yaml(seeds_copy / "data" / "topics.yaml", "energy", name="Energy policy")
    output = load(seeds_dir=seeds_copy)
    assert "skipped" not in output.replace("0 skipped", "")
    # ...and from then on the loader owns it again.
    _edit_yaml(seeds_copy / "data" / "topics.yaml", "energy", name="Energy")
    assert "1 updated" in _totals(load(seeds_dir=seeds_copy))


def test_export_then_load_is_a_no_op(seeded, load, tmp_path, db_snapshot):
    out = StringIO()
    call_command("export_seeds", "--output", str(tmp_path / "export"), stdout=out)
    assert "Exported" in out.getvalue()
    before = db_snapshot()
    output = load(seeds_dir=tmp_path / "export")
    assert "Seeds loaded: 0 created, 0 updated" in output
    assert "0 skipped" in _totals(output)
    assert db_snapshot() == before


def test_export_writes_the_source_texts_verbatim(seeded, tmp_path):
    call_command("export_seeds", "--output", str(tmp_path / "export"), stdout=StringIO())
    for source in Source.objects.all():
        exported = (tmp_path / "export" / "sources" / source.seed_file).read_bytes()
        assert exported == source.text.encode("utf-8")


# The changes feed's log (opendata) records when each write happened: a
# reload is new writes of the same data, so it is left out of the comparison.
EXPORTED_APPS = tuple(label for label in OUR_APPS if label != "opendata")


def test_an_export_loads_into_an_empty_database_identically(seeded, load, tmp_path):
    before = natural_snapshot(EXPORTED_APPS)
    assert len(before["agreements.Agreement"]) == Agreement.objects.count() > 0
    call_command("export_seeds", "--output", str(tmp_path / "export"), stdout=StringIO())
    empty_our_tables()
    assert all(rows == [] for rows in natural_snapshot(EXPORTED_APPS).values())
    load(seeds_dir=tmp_path / "export")
    after = natural_snapshot(EXPORTED_APPS)
    # Every table, row by row (ids and timestamps aside: tests/support/natural_snapshot.py).
    assert after.keys() == before.keys()
    for table in before:
        assert after[table] == before[table], table


def test_the_export_keeps_partial_dates_and_every_status_event(seeded, tmp_path):
    call_command("export_seeds", "--output", str(tmp_path / "export"), stdout=StringIO())
    exported = yaml.safe_load((tmp_path / "export" / "data" / "agreements.yaml").read_text())
    spca = next(record for record in exported if record["slug"] == "spca")
    assert spca["signed_on"] == "2024-04"
    assert [event["status"] for event in spca["status_events"]] == [
        "negotiating",
        "signed",
        "ratification_pending",
        "ratification_pending",
    ]


def test_check_citations_passes_on_the_seeds_and_fails_on_a_moved_quote(seeded):
    out = StringIO()
    call_command("check_citations", stdout=out)
    assert f"All {Citation.objects.count()} citations verified" in out.getvalue()

    citation = Citation.objects.first()
    Citation.objects.filter(pk=citation.pk).update(start=citation.start + 1, end=citation.end + 1)
    err = StringIO()
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="1 of"):
        call_command("check_citations", stdout=StringIO(), stderr=err)
    assert f"citation {citation.pk}" in err.getvalue()


def test_the_source_files_are_loaded_verbatim(seeded):
    from django.conf import settings

    for source in Source.objects.all():
        on_disk = (settings.SEEDS_DIR / "sources" / source.seed_file).read_bytes()
        assert source.text.encode("utf-8") == on_disk
