"""manage.py release: a data package that frictionless accepts, Popolo
people and organisations, a changelog against the previous release, and
errors that leave nothing behind."""

import csv
import datetime
import hashlib
import json
import os

import pytest
from django.core.management import CommandError, call_command
from frictionless import Package, validate

from core.models import PublicationState
from opendata.release import make_release, releases
from tests.support import factories

pytestmark = pytest.mark.django_db

DAY = datetime.date(2026, 3, 1)


def test_the_seed_data_makes_a_valid_package(seeded, tmp_path):
    call_command("release", "--out", str(tmp_path), "--version", "1.0")
    package_path = tmp_path / "1.0" / "datapackage.json"
    report = validate(str(package_path))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:10]
    package = Package(str(package_path))
    assert package.version == "1.0" and package.licenses[0]["name"] == "CC-BY-4.0"
    agreements = package.get_resource("agreements")
    assert agreements.schema.primary_key == ["slug"]
    events = package.get_resource("status-events").schema
    assert {
        "fields": ["agreement"],
        "reference": {"resource": "agreements", "fields": ["slug"]},
    } in [dict(key) for key in events.foreign_keys]
    assert events.get_field("date").type == "date"
    with open(tmp_path / "1.0" / "agreements.csv", encoding="utf-8") as file:
        slugs = {row["slug"] for row in csv.DictReader(file)}
    assert "spca" in slugs
    rows = json.loads((tmp_path / "1.0" / "agreements.json").read_text())
    assert {row["slug"] for row in rows} == slugs


def test_popolo_people_organisations_and_offices(tmp_path):
    embassy = factories.organisation(slug="embassy", name="British Embassy Astana")
    person = factories.person(slug="envoy", name="A. Envoy")
    factories.post(person, title="Ambassador", organisation=embassy)
    factories.person(slug="hidden", publication=PublicationState.DRAFT)
    make_release(tmp_path, "1", DAY)
    popolo = json.loads((tmp_path / "1" / "popolo.json").read_text())
    assert [p["id"] for p in popolo["persons"]] == ["envoy"]
    assert {"id": "embassy", "name": "British Embassy Astana"}.items() <= popolo["organizations"][
        0
    ].items()
    assert popolo["memberships"] == [
        {"person_id": "envoy", "role": "Ambassador", "organization_id": "embassy"}
    ]


def test_the_changelog_counts_what_was_added_changed_and_removed(tmp_path):
    kept = factories.topic(slug="energy", name="Energy")
    gone = factories.topic(slug="mining", name="Mining")
    make_release(tmp_path, "1", DAY)
    first = (tmp_path / "1" / "CHANGELOG.md").read_text()
    assert "first release" in first

    kept.name = "Energy and climate"
    kept.save()
    gone.delete()
    factories.topic(slug="education")
    make_release(tmp_path, "2", DAY + datetime.timedelta(days=1))
    log = (tmp_path / "2" / "CHANGELOG.md").read_text()
    assert "Changes since release 1." in log
    assert "| topics | 1 | 1 | 1 |" in log
    assert "- topics, added: education" in log
    assert "- topics, changed: energy" in log
    assert "- topics, removed: mining" in log


def test_the_zip_and_its_checksum_are_listed(tmp_path):
    factories.topic()
    make_release(tmp_path, "2026.1", DAY)
    [release] = releases(tmp_path)
    archive = tmp_path / "2026.1.zip"
    assert release == {
        "version": "2026.1",
        "created": "2026-03-01",
        "file": "2026.1.zip",
        "size": archive.stat().st_size,
        "sha256": hashlib.sha256(archive.read_bytes()).hexdigest(),
    }


def test_a_version_already_released_is_refused_and_nothing_is_left(tmp_path):
    make_release(tmp_path, "1", DAY)
    before = sorted(os.listdir(tmp_path))
    with pytest.raises(CommandError, match=r"Version 1 is already released in"):
        call_command("release", "--out", str(tmp_path), "--version", "1")
    assert sorted(os.listdir(tmp_path)) == before


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes anywhere")
def test_an_unwritable_directory_is_named(tmp_path):
    tmp_path.chmod(0o500)
    try:
        with pytest.raises(CommandError, match=f"{tmp_path} is not writable"):
            call_command("release", "--out", str(tmp_path))
    finally:
        tmp_path.chmod(0o700)


def test_a_missing_directory_is_named(tmp_path):
    with pytest.raises(CommandError, match="nowhere does not exist or is not a directory"):
        call_command("release", "--out", str(tmp_path / "nowhere"))
    (tmp_path / "a-file").write_text("")
    with pytest.raises(CommandError, match="a-file does not exist or is not a directory"):
        call_command("release", "--out", str(tmp_path / "a-file"))


def test_a_failure_half_way_leaves_nothing(tmp_path, monkeypatch):
    from opendata import release

    def broken(work, previous, version):  # the disk fills, say, at the last file
        raise OSError("No space left on device")

    monkeypatch.setattr(release, "changelog", lambda *args: broken(*args))
    with pytest.raises(OSError):
        make_release(tmp_path, "1", DAY)
    assert os.listdir(tmp_path) == []
