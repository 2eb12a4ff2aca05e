"""The changes feed through the loader's bulk writes: one entry per record
a load touched, worked out at its end, and a consumer following the feed
through loads and reloads still mirrors the API exactly."""

from collections import Counter
from pathlib import Path

import pytest
import yaml

from opendata.models import Change
from tests.opendata.test_changes import Mirror, the_api

pytestmark = pytest.mark.django_db


def _rename(path: Path, slug: str, title: str) -> None:
    records = yaml.safe_load(path.read_text(encoding="utf-8"))
    next(record for record in records if record["slug"] == slug)["title"] = title
    path.write_text(yaml.safe_dump(records, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_a_first_load_names_each_public_record_once_as_created(seeds_copy, load):
    load(seeds_dir=seeds_copy)
    entries = Counter(Change.objects.values_list("resource", "object_id", "action"))
    assert entries
    assert {action for _resource, _pk, action in entries} == {"created"}
    assert set(entries.values()) == {1}


def test_a_mirror_follows_the_seed_loads_exactly(seeds_copy, load, api_client, unthrottled):
    load(seeds_dir=seeds_copy)
    mirror = Mirror(api_client, page_size=100)
    mirror.catch_up()

    written = Change.objects.count()
    load(seeds_dir=seeds_copy)
    assert Change.objects.count() == written  # nothing changed, nothing named

    # An agreement some meeting shows: its new title must reach the meeting.
    shown = _agreements_shown_on_meetings(mirror.records)
    assert shown
    slug = sorted(shown)[0]
    _rename(seeds_copy / "data" / "agreements.yaml", slug, "Renamed agreement")
    load(seeds_dir=seeds_copy)
    mirror.catch_up()
    assert mirror.records == the_api(api_client)
    assert _agreements_shown_on_meetings(mirror.records)[slug] == {"Renamed agreement"}


def _agreements_shown_on_meetings(records) -> dict[str, set[str]]:
    shown: dict[str, set[str]] = {}
    for (resource, _slug), record in records.items():
        if resource == "meetings":
            for agreement in record["agreements"]:
                shown.setdefault(agreement["slug"], set()).add(agreement["title"])
    return shown
