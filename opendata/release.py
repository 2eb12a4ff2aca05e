"""A versioned data package of everything public: one CSV and one JSON file
per resource, as the API's lists give them to an anonymous reader, described
by a Frictionless datapackage.json; people and organisations also as Popolo
JSON; a CHANGELOG.md against the previous release in the same directory; and
the whole as a zip with its SHA-256. Written in a temporary directory beside
the target and renamed into place, so a failure leaves nothing half-written."""

import csv
import datetime
import hashlib
import json
import os
import shutil
import tempfile
import zipfile
from pathlib import Path

from django.contrib.auth.models import AnonymousUser
from django.db import models
from rest_framework.test import APIRequestFactory

from opendata.resources import RESOURCES, Resource

LICENCE = {
    "name": "CC-BY-4.0",
    "title": "Creative Commons Attribution 4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
}
VERSION_CHARS = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_")
JSON_PAGE = 500


class ReleaseError(Exception):
    """A release that cannot be made, in words naming what and where."""


def make_release(out: Path, version: str | None, today: datetime.date) -> Path:
    out = Path(out)
    version = version or today.isoformat()
    if not version or set(version) - VERSION_CHARS or version.startswith("."):
        raise ReleaseError(f"The version {version!r} may hold only letters, digits, '.', '-', '_'.")
    if not out.is_dir():
        raise ReleaseError(f"The output directory {out} does not exist or is not a directory.")
    if not os.access(out, os.W_OK):
        raise ReleaseError(f"The output directory {out} is not writable.")
    target = out / version
    if target.exists() or (out / f"{version}.zip").exists():
        raise ReleaseError(f"Version {version} is already released in {out}.")
    previous = latest_release(out)
    try:
        work = Path(tempfile.mkdtemp(prefix=f".{version}-", dir=out))
    except OSError as exc:
        raise ReleaseError(f"Cannot write in the output directory {out}: {exc.strerror}.") from exc
    try:
        _write_package(work, version, today)
        (work / "CHANGELOG.md").write_text(changelog(previous, work, version), encoding="utf-8")
        archive = work.with_name(work.name + ".zip")
        _zip(work, archive, version)
        digest = _sha256(archive)
        work.rename(target)
        archive.rename(out / f"{version}.zip")
        (out / f"{version}.zip.sha256").write_text(f"{digest}  {version}.zip\n")
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        work.with_name(work.name + ".zip").unlink(missing_ok=True)
        raise
    return target


def releases(out: Path) -> list[dict]:
    """The releases in `out`, newest first: version, date, the zip's size and SHA-256."""
    found = []
    for package in Path(out).glob("*/datapackage.json"):
        version = package.parent.name
        archive = package.parent.with_name(f"{version}.zip")
        checksum = archive.with_name(archive.name + ".sha256")
        if version.startswith(".") or not archive.is_file() or not checksum.is_file():
            continue
        meta = json.loads(package.read_text(encoding="utf-8"))
        found.append(
            {
                "version": version,
                "created": meta.get("created", "")[:10],
                "file": archive.name,
                "size": archive.stat().st_size,
                "sha256": checksum.read_text().split()[0],
            }
        )
    return sorted(found, key=lambda release: (release["created"], release["version"]), reverse=True)


def latest_release(out: Path) -> Path | None:
    found = releases(out)
    return Path(out) / found[0]["version"] if found else None


def _view(resource: Resource):
    # An anonymous reader, with no throttle: the release reads every page.
    return resource.viewset.as_view({"get": "list"}, throttle_classes=())


def _get(resource: Resource, query: dict):
    request = APIRequestFactory().get(f"/api/v1/{resource.name}/", query)
    request.user = AnonymousUser()
    return _view(resource)(request)


def _write_package(work: Path, version: str, today: datetime.date) -> None:
    described = []
    for resource in RESOURCES:
        response = _get(resource, {"format": "csv"})
        with open(work / f"{resource.name}.csv", "wb") as file:
            for chunk in response.streaming_content:
                file.write(chunk if isinstance(chunk, bytes) else chunk.encode())
        with open(work / f"{resource.name}.json", "w", encoding="utf-8") as file:
            _write_json_rows(resource, file)
        with open(work / f"{resource.name}.csv", encoding="utf-8", newline="") as file:
            header = next(csv.reader(file))
        described.append(_describe(resource, header))
    (work / "popolo.json").write_text(
        json.dumps(popolo(work), ensure_ascii=False, indent=1), encoding="utf-8"
    )
    package = {
        "profile": "tabular-data-package",
        "name": "kz-uk-tracker",
        "title": "KZ–UK Tracker: agreements, commitments, meetings and their sources",
        "version": version,
        # A datetime, as the standard asks; the release is of the day.
        "created": f"{today.isoformat()}T00:00:00Z",
        "licenses": [LICENCE],
        "resources": described,
    }
    (work / "datapackage.json").write_text(json.dumps(package, indent=1), encoding="utf-8")


def _write_json_rows(resource: Resource, file) -> None:
    """The list's rows as one JSON array, a page at a time: a large
    database's rows never sit in memory all at once."""
    file.write("[")
    page, first = 1, True
    while True:
        # The full rows (expand=all): a release is the whole record, not
        # the API list's lean default.
        query = {"page": page, "page_size": JSON_PAGE, "expand": "all"}
        data = _get(resource, query).data
        for row in data["results"]:
            file.write("\n" if first else ",\n")
            json.dump(row, file, ensure_ascii=False)
            first = False
        if not data["next"]:
            break
        page += 1
    file.write("\n]\n")


_TYPES = (
    (models.BooleanField, "boolean"),
    (models.DateTimeField, "datetime"),
    (models.DateField, "date"),
    (models.DecimalField, "number"),
    (models.FloatField, "number"),
    (models.IntegerField, "integer"),
    (models.AutoField, "integer"),
)


def _describe(resource: Resource, header: list[str]) -> dict:
    """The CSV's schema, column by column as written (`header`): the
    viewset's CSV fields and the language of each translated one."""
    model = resource.model
    key = "slug" if resource.by_slug else "id"
    fields, foreign = [], []
    for name in header:
        field = _model_field(model, name)
        kind = "string"
        for field_class, frictionless_type in _TYPES:
            if isinstance(field, field_class) and not field.is_relation:
                kind = frictionless_type
                break  # the most specific first: a DateTimeField is a DateField
        spec = {"name": name, "type": kind}
        if kind == "datetime":
            spec["format"] = "any"  # ISO 8601 with microseconds and a Z
        if field is not None and field.many_to_many:
            spec["description"] = "Slugs, separated by ';'."
        fields.append(spec)
        target = (
            _resource_of(field.related_model) if field is not None and field.many_to_one else None
        )
        if target is not None:
            foreign.append(
                {"fields": name, "reference": {"resource": target.name, "fields": "slug"}}
            )
    schema = {"fields": fields, "primaryKey": key}
    if foreign:
        schema["foreignKeys"] = foreign
    return {
        "name": resource.name,
        "path": f"{resource.name}.csv",
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "description": str(resource.description),
        "schema": schema,
    }


def _model_field(model, name):
    try:
        return model._meta.get_field(name)
    except Exception:
        return None


def _resource_of(model) -> Resource | None:
    return next((r for r in RESOURCES if r.model is model and r.by_slug), None)


def popolo(work: Path) -> dict:
    """People, organisations and their offices as Popolo
    (persons, organizations, memberships), from the release's own JSON."""
    people = json.loads((work / "people.json").read_text(encoding="utf-8"))
    organisations = json.loads((work / "organisations.json").read_text(encoding="utf-8"))
    memberships = []
    for person in people:
        for post in person.get("posts") or ():
            membership = {"person_id": person["slug"], "role": post.get("title", "")}
            if post.get("organisation"):
                membership["organization_id"] = post["organisation"]
            for ours, theirs in (("start_on", "start_date"), ("end_on", "end_date")):
                if post.get(ours):
                    membership[theirs] = _popolo_date(post[ours], post.get(f"{ours}_precision"))
            memberships.append(membership)
    return {
        "persons": [
            {"id": p["slug"], "name": p["name"], "summary": p.get("description", "")}
            for p in people
        ],
        "organizations": [
            {
                "id": o["slug"],
                "name": o["name"],
                "classification": o.get("kind", ""),
                **({"parent_id": o["parent"]} if o.get("parent") else {}),
            }
            for o in organisations
        ],
        "memberships": memberships,
    }


def _popolo_date(day: str, precision: str | None) -> str:
    """Popolo dates are ISO 8601 at their precision: "2024", "2024-04"."""
    return {"year": day[:4], "month": day[:7]}.get(precision or "day", day)


def changelog(previous: Path | None, work: Path, version: str) -> str:
    lines = [f"# Release {version}", ""]
    if previous is None:
        lines.append("The first release in this directory: every record is new.")
        lines.append("")
    else:
        lines += [f"Changes since release {previous.name}.", ""]
    lines += ["| resource | added | changed | removed |", "|---|---|---|---|"]
    details = []
    for resource in RESOURCES:
        now = _rows(work / f"{resource.name}.csv", resource)
        before = _rows(previous / f"{resource.name}.csv", resource) if previous else {}
        added = sorted(now.keys() - before.keys())
        removed = sorted(before.keys() - now.keys())
        changed = sorted(
            key
            for key in now.keys() & before.keys()
            if _unstamped(now[key]) != _unstamped(before[key])
        )
        lines.append(f"| {resource.name} | {len(added)} | {len(changed)} | {len(removed)} |")
        if previous is not None:
            for label, keys in (("added", added), ("changed", changed), ("removed", removed)):
                if keys:
                    shown = ", ".join(keys[:50]) + (
                        f" and {len(keys) - 50} more" if len(keys) > 50 else ""
                    )
                    details.append(f"- {resource.name}, {label}: {shown}")
    return "\n".join([*lines, "", *details]) + "\n"


def _rows(path: Path, resource: Resource) -> dict[str, dict]:
    if not path.is_file():
        return {}
    key = "slug" if resource.by_slug else "id"
    with open(path, encoding="utf-8", newline="") as file:
        return {row[key]: row for row in csv.DictReader(file)}


def _unstamped(row: dict) -> dict:
    """A row without its update time: a save that changed nothing is no change."""
    return {name: value for name, value in row.items() if name != "updated_at"}


def _zip(work: Path, archive: Path, version: str) -> None:
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as bundle:
        for path in sorted(work.iterdir()):
            bundle.write(path, f"kz-uk-tracker-{version}/{path.name}")


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
