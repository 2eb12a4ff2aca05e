"""Loading the seed files into the database: an upsert by slug, all or
nothing, that leaves editors' changes alone unless forced."""

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction

from core.history import LOADER_REASON, one_bulk_write, recorded_as
from core.models import PublicationState
from seeding.loader.context import LoadContext
from seeding.loader.errors import SeedError
from seeding.loader.handlers import SeedHandler, digest, registry
from seeding.loader.report import FileReport, LoadReport
from seeding.loader.yaml_io import LineDict, read_records
from seeding.models import SeedRecord
from seeding.signals import seed_load_requested


@dataclass
class PlannedWrite:
    """A record of the file that must be written: new (`obj` is None) or
    differing from the database."""

    raw: LineDict
    slug: str
    values: dict[str, Any]
    obj: models.Model | None
    seed_record: SeedRecord | None
    created: bool = False


@dataclass
class FileLoad:
    """One seed file being loaded: where it is, how it reads, what it touches."""

    handler: SeedHandler
    display: str
    content_type: ContentType
    report: FileReport

    def locate(self, exc: SeedError, planned: PlannedWrite) -> SeedError:
        return exc.located(file=self.display, line=planned.raw.line, record=planned.slug)


def load_seeds(seeds_dir: Path, *, dry_run: bool = False, force: bool = False) -> LoadReport:
    """Upsert every seed record by slug, all or nothing.

    Raises SeedError, with nothing written, on the first bad input. With
    `dry_run` everything is done, checked and counted, then rolled back.
    """
    for _receiver, reason in seed_load_requested.send(sender=load_seeds):
        if reason:
            raise SeedError(f"refusing to load the seeds: {reason}")
    seeds_dir = Path(seeds_dir)
    report = LoadReport(dry_run=dry_run)
    ctx = LoadContext(seeds_dir)
    with transaction.atomic(), recorded_as(LOADER_REASON):
        with one_bulk_write():
            for handler in registry.handlers():
                report.files.append(_load_file(handler, ctx, force=force))
        if dry_run:
            transaction.set_rollback(True)
    return report


def _load_file(handler: SeedHandler, ctx: LoadContext, *, force: bool) -> FileReport:
    path = ctx.seeds_dir / "data" / handler.file
    load = FileLoad(
        handler=handler,
        display=_display(path, ctx.seeds_dir),
        content_type=ContentType.objects.get_for_model(handler.model),
        report=FileReport(file=handler.file, model=str(handler.model._meta.verbose_name_plural)),
    )
    if not path.exists():
        return load.report
    raw_records = read_records(path, load.display)
    slugs = _slugs_by_line(raw_records, handler, load.display)
    ctx.expect(handler.model, slugs)
    planned = _plan(load, raw_records, ctx, force=force)
    # Every record's own columns first, so that the relations written next
    # may refer to any record of the file.
    for write in planned:
        _write_columns(load, write, ctx)
    for write in planned:
        _write_relations(load, write, ctx)
    return load.report


def _display(path: Path, seeds_dir: Path) -> str:
    try:
        return str(path.relative_to(seeds_dir.parent))
    except ValueError:
        return str(path)


def _slugs_by_line(raw_records: list[LineDict], handler: SeedHandler, display: str) -> dict:
    """Each record's slug and its line; a missing or repeated slug stops the load."""
    slugs: dict[str, int | None] = {}
    for index, raw in enumerate(raw_records):
        slug = raw.get(handler.key)
        label = slug if isinstance(slug, str) else f"#{index + 1}"
        if not isinstance(slug, str) or not slug.strip():
            raise SeedError("is required", file=display, line=raw.line, record=label, field="slug")
        if slug in slugs:
            raise SeedError(
                f"duplicate slug: also used by the record on line {slugs[slug]}",
                file=display,
                line=raw.line,
                record=slug,
                field=handler.key,
            )
        slugs[slug] = raw.line
    return slugs


def _plan(
    load: FileLoad, raw_records: list[LineDict], ctx: LoadContext, *, force: bool
) -> list[PlannedWrite]:
    """Parse every record and decide what to do with it: create, update,
    leave unchanged, or skip (an editor changed it since the last load)."""
    handler = load.handler
    existing = handler.lookup([raw[handler.key] for raw in raw_records])
    seed_records = {
        record.object_id: record
        for record in SeedRecord.objects.filter(
            content_type=load.content_type, object_id__in=[obj.pk for obj in existing.values()]
        )
    }
    planned = []
    for raw in raw_records:
        slug = raw[handler.key]
        try:
            values = handler.parse(raw, ctx)
        except SeedError as exc:
            raise exc.located(file=load.display, line=raw.line, record=slug) from None
        obj = existing.get(slug)
        write = PlannedWrite(raw, slug, values, obj, seed_records.get(obj.pk) if obj else None)
        if obj is None or _needs_writing(load, write, force=force):
            planned.append(write)
    return planned


def _needs_writing(load: FileLoad, write: PlannedWrite, *, force: bool) -> bool:
    """Compare an existing record with its seed: unchanged records are only
    counted, an editor's change is reported and left alone unless forced."""
    current = load.handler.dump(write.obj)
    seed_record = write.seed_record
    if current == write.values:
        load.report.unchanged.append(write.slug)
        if seed_record is None or seed_record.loaded_hash != digest(write.values):
            _remember_load(load, write.obj, write.slug, write.values, seed_record)
        return False
    if seed_record is None or digest(current) != seed_record.loaded_hash:
        why = (
            "exists in the database but was not created by load_seeds"
            if seed_record is None
            else "changed in the database since the last load"
        )
        if not force:
            load.report.skipped.append((write.slug, why))
            return False
        load.report.overwritten.append((write.slug, why))
    return True


def _write_columns(load: FileLoad, write: PlannedWrite, ctx: LoadContext) -> None:
    handler = load.handler
    try:
        if write.obj is None:
            write.obj = handler.model()
            write.created = True
            # Seed records are public; whether one stays so is then the
            # editors' call, which a reload leaves alone.
            if hasattr(write.obj, "publication"):
                write.obj.publication = PublicationState.PUBLISHED
        handler.apply_columns(write.obj, write.values, ctx, same_file=False)
        handler.full_clean(write.obj, exclude=handler.deferred_attrs())
        write.obj.save()
    except SeedError as exc:
        raise load.locate(exc, write) from None
    ctx.remember(handler.model, write.slug, write.obj)


def _write_relations(load: FileLoad, write: PlannedWrite, ctx: LoadContext) -> None:
    handler = load.handler
    try:
        if any(field.same_file for field in handler.all_fields()):
            handler.apply_columns(write.obj, write.values, ctx, same_file=True)
            handler.full_clean(write.obj)
            write.obj.save()
        handler.apply_relations(write.obj, write.values, ctx)
        handler.after_write(write.obj, ctx)
    except SeedError as exc:
        raise load.locate(exc, write) from None
    (load.report.created if write.created else load.report.updated).append(write.slug)
    _remember_load(load, write.obj, write.slug, write.values, write.seed_record)


def _remember_load(
    load: FileLoad,
    obj: models.Model,
    slug: str,
    values: dict[str, Any],
    seed_record: SeedRecord | None,
) -> None:
    if seed_record is None:
        seed_record = SeedRecord(content_type=load.content_type, object_id=obj.pk)
    seed_record.seed_file = load.handler.file
    seed_record.key = slug
    seed_record.loaded_hash = digest(values)
    seed_record.save()
