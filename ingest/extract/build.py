"""Build the gazetteer from the curated seed YAML (plus `ingest/aliases.yaml`).

The seed data directory is an argument, not a constant: it is
`seeds/data/` today and becomes `seeding/data/` after the house move. The
seed files' English names are English-only hints; acronyms and extra
translations come from the aliases file until they move into the seed YAML.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from ingest.extract.gazetteer import Entry, Gazetteer

DEFAULT_ALIASES = Path(__file__).resolve().parent.parent / "aliases.yaml"

# seed file -> (record kind, fields that hold names, fields kept as attrs)
SEED_FILES: dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]] = {
    "agreements.yaml": (
        "agreement",
        ("title", "short_title"),
        ("kind", "parties", "signed_on", "requires_ratification", "meetings"),
    ),
    "meeting_series.yaml": ("meeting_series", ("name", "short_name"), ("established_on",)),
    "meetings.yaml": (
        "meeting",
        ("title",),
        ("kind", "series", "number", "start_on", "place", "status"),
    ),
    "people.yaml": ("person", ("name",), ("country",)),
    "organisations.yaml": ("organisation", ("name", "short_name"), ("kind", "country", "parent")),
    "figures.yaml": ("figure", ("name",), ("metric", "unit", "value", "as_of")),
    "commitments.yaml": ("commitment", ("title",), ("parties", "meeting", "due_on")),
}


def _load(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle) or []
    if not isinstance(data, list):
        raise ValueError(f"{path}: expected a list of records")
    return data


def seed_entries(data_dir: Path | str) -> Iterator[Entry]:
    """One English entry per seed record, acronym-like names in any language."""
    data_dir = Path(data_dir)
    for filename, (kind, name_fields, attr_fields) in SEED_FILES.items():
        path = data_dir / filename
        if not path.exists():
            continue
        for record in _load(path):
            attrs = {f: record.get(f) for f in attr_fields if record.get(f) is not None}
            if kind == "agreement":
                # The known steps, so that a bare negation ("not yet ratified")
                # can confirm the status that held on its date (docs/STATUS.md).
                attrs["history"] = [
                    (str(e["status"]), str(e["date"]), e.get("party"))
                    for e in record.get("status_events") or ()
                    if e.get("status") and e.get("date")
                ]
            if kind == "meeting":
                attrs["participants"] = [
                    p["person"] for p in record.get("participants") or () if p.get("person")
                ]
            names = [str(record[f]) for f in name_fields if record.get(f)]
            if kind == "person":
                # People are named by surname alone after the first mention.
                surname = names[0].split()[-1]
                if len(surname) >= 5:
                    names.append(surname)
            english = tuple(n for n in names if not n.isupper())
            acronyms = tuple(n for n in names if n.isupper())
            if english:
                yield Entry(kind, record["slug"], english, "en", attrs)
            if acronyms:
                yield Entry(kind, record["slug"], acronyms, None, attrs)


def alias_entries(
    path: Path | str, attrs_of: dict[tuple[str, str], dict[str, Any]]
) -> Iterator[Entry]:
    """Entries for the extra names in the aliases file (same attrs as the seed record)."""
    with Path(path).open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle) or {}
    for kind, records in data.items():
        for slug, by_language in (records or {}).items():
            if (kind, slug) not in attrs_of:
                raise ValueError(f"{path}: {kind} {slug!r} is not a known record")
            for language, names in by_language.items():
                yield Entry(
                    kind,
                    slug,
                    tuple(names),
                    None if language == "any" else language,
                    attrs_of[(kind, slug)],
                )


def build_gazetteer(
    data_dir: Path | str, aliases: Path | str | None = DEFAULT_ALIASES
) -> Gazetteer:
    """The gazetteer of every record in the seed data directory, with the aliases."""
    entries = list(seed_entries(data_dir))
    if not entries:
        raise ValueError(f"no seed records found in {data_dir}")
    if aliases is not None:
        attrs_of = {(e.kind, e.slug): dict(e.attrs) for e in entries}
        entries.extend(alias_entries(aliases, attrs_of))
    return Gazetteer(entries)
