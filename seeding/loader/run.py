"""Loading the seed files into the database, and exporting it back."""

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction

from core.history import LOADER_REASON, recorded_as
from core.models import PublicationState
from evidence.models import Citation, Source
from evidence.quotes import locate_quote
from seeding.loader.errors import SeedError
from seeding.loader.handlers import SeedHandler, digest, registry
from seeding.loader.yaml_io import read_records, write_records
from seeding.models import SeedRecord
from seeding.signals import seed_load_requested


@dataclass
class FileReport:
    file: str
    model: str
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    # (slug, why): records an editor changed since the last load.
    skipped: list[tuple[str, str]] = field(default_factory=list)
    # (slug, why): records an editor changed that --force overwrote.
    overwritten: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class LoadReport:
    files: list[FileReport] = field(default_factory=list)
    dry_run: bool = False

    def total(self, outcome: str) -> int:
        return sum(len(getattr(report, outcome)) for report in self.files)

    @property
    def changed(self) -> bool:
        return bool(self.total("created") or self.total("updated"))


class LoadContext:
    """What the handlers ask of the loader while reading and writing: does a
    slug exist, which object is it, what does a source say."""

    def __init__(self, seeds_dir: Path):
        self.seeds_dir = seeds_dir
        self.sources_dir = seeds_dir / "sources"
        self._slugs: dict[type, set[str]] = {}
        self._pending: dict[type, set[str]] = defaultdict(set)
        self._objects: dict[type, dict[str, Any]] = defaultdict(dict)
        self._sources: dict[str, Source] = {}

    # Reading -------------------------------------------------------------
    def expect(self, model, slugs) -> None:
        """Slugs the file being loaded will create, for references within it."""
        self._pending[model] = set(slugs)

    def require_exists(self, model, slug: str, *, field: str) -> None:
        if model not in self._slugs:
            self._slugs[model] = set(model._default_manager.values_list("slug", flat=True))
        if slug not in self._slugs[model] and slug not in self._pending[model]:
            raise SeedError(
                f"refers to {model._meta.verbose_name} {slug!r}, which does not exist "
                "(neither in the database nor in the seed files loaded before this one)",
                field=field,
            )

    def source(self, slug: str) -> Source | None:
        if slug not in self._sources:
            found = Source.objects.filter(slug=slug).first()
            if found is None:
                return None
            self._sources[slug] = found
        return self._sources[slug]

    def verify_quote(self, source_slug: str, quote: str, *, field: str) -> str:
        """The quote as it stands in the source (the quote rule, seeds.quotes)."""
        source = self.source(source_slug)
        if source is None:
            raise SeedError(f"unknown source {source_slug!r}", field=f"{field}.source")
        location = locate_quote(source.text, quote)
        if location is None:
            shown = quote if len(quote) <= 80 else quote[:77] + "..."
            raise SeedError(
                f"the quote {shown!r} is not in the text of source {source_slug!r}",
                field=f"{field}.quote",
            )
        return location.text

    # Writing -------------------------------------------------------------
    def get(self, model, slug: str):
        cache = self._objects[model]
        if slug not in cache:
            cache[slug] = model._default_manager.get(slug=slug)
        return cache[slug]

    def remember(self, model, slug: str, obj) -> None:
        self._objects[model][slug] = obj
        self._slugs.setdefault(model, set()).add(slug)
        if model is Source:
            self._sources[slug] = obj

    def replace_citations(self, obj, citations: list[dict]) -> None:
        obj.citations.all().delete()
        content_type = ContentType.objects.get_for_model(obj)
        for position, item in enumerate(citations):
            citation = Citation(
                source=self.source(item["source"]),
                quote=item["quote"],
                field_name=item["field"],
                content_type=content_type,
                object_id=obj.pk,
                position=position,
            )
            try:
                citation.full_clean()
            except ValidationError as exc:
                raise SeedError(" ".join(exc.messages), field=f"citations[{position}]") from None
            citation.save()

    def replace_children(self, parent, children_field, children: list[dict]) -> None:
        handler = children_field.handler
        getattr(parent, children_field.attr).all().delete()
        for position, values in enumerate(children):
            child = handler.model(**{handler.parent_attr: parent})
            if handler.position_attr:
                setattr(child, handler.position_attr, position)
            where = f"{children_field.key}[{position}]"
            try:
                handler.apply_columns(child, values, self, same_file=True)
                handler.full_clean(child)
                child.save()
                handler.apply_relations(child, values, self)
            except SeedError as exc:
                raise exc.located(field_prefix=where) from None


def _display(path: Path, seeds_dir: Path) -> str:
    try:
        return str(path.relative_to(seeds_dir.parent))
    except ValueError:
        return str(path)


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
        for handler in registry.handlers():
            report.files.append(_load_file(handler, seeds_dir, ctx, force=force))
        if dry_run:
            transaction.set_rollback(True)
    return report


def _load_file(handler: SeedHandler, seeds_dir: Path, ctx: LoadContext, *, force: bool):
    path = seeds_dir / "data" / handler.file
    display = _display(path, seeds_dir)
    report = FileReport(file=handler.file, model=str(handler.model._meta.verbose_name_plural))
    if not path.exists():
        return report
    raw_records = read_records(path, display)

    slugs: dict[str, int] = {}
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
    ctx.expect(handler.model, slugs)

    existing = handler.lookup(list(slugs))
    content_type = ContentType.objects.get_for_model(handler.model)
    seed_records = {
        record.object_id: record
        for record in SeedRecord.objects.filter(
            content_type=content_type, object_id__in=[obj.pk for obj in existing.values()]
        )
    }

    to_write: list[tuple[dict, Any, dict, Any]] = []  # (raw, obj or None, values, seed record)
    for raw in raw_records:
        slug = raw[handler.key]
        try:
            values = handler.parse(raw, ctx)
        except SeedError as exc:
            raise exc.located(file=display, line=raw.line, record=slug) from None
        obj = existing.get(slug)
        if obj is None:
            to_write.append((raw, None, values, None))
            continue
        seed_record = seed_records.get(obj.pk)
        current = handler.dump(obj)
        edited_by_someone_else = seed_record is None or digest(current) != seed_record.loaded_hash
        if current == values:
            report.unchanged.append(slug)
            if seed_record is None or seed_record.loaded_hash != digest(values):
                _remember_load(content_type, obj, handler, slug, values, seed_record)
            continue
        if edited_by_someone_else:
            why = (
                "exists in the database but was not created by load_seeds"
                if seed_record is None
                else "changed in the database since the last load"
            )
            if not force:
                report.skipped.append((slug, why))
                continue
            report.overwritten.append((slug, why))
        to_write.append((raw, obj, values, seed_record))

    # Phase 1: every record's own columns, so phase 2 can refer to any of them.
    written = []
    for raw, obj, values, seed_record in to_write:
        slug = raw[handler.key]
        try:
            created = obj is None
            if created:
                obj = handler.model()
                # Seed records are public; whether one stays so is then the
                # editors' call, which a reload leaves alone.
                if hasattr(obj, "publication"):
                    obj.publication = PublicationState.PUBLISHED
            handler.apply_columns(obj, values, ctx, same_file=False)
            handler.full_clean(obj, exclude=handler.deferred_attrs())
            obj.save()
        except SeedError as exc:
            raise exc.located(file=display, line=raw.line, record=slug) from None
        ctx.remember(handler.model, slug, obj)
        written.append((raw, obj, values, seed_record, created))

    for raw, obj, values, seed_record, created in written:
        slug = raw[handler.key]
        try:
            if any(field.same_file for field in handler.all_fields()):
                handler.apply_columns(obj, values, ctx, same_file=True)
                handler.full_clean(obj)
                obj.save()
            handler.apply_relations(obj, values, ctx)
            handler.after_write(obj, ctx)
        except SeedError as exc:
            raise exc.located(file=display, line=raw.line, record=slug) from None
        (report.created if created else report.updated).append(slug)
        _remember_load(content_type, obj, handler, slug, values, seed_record)
    return report


def _remember_load(content_type, obj, handler, slug, values, seed_record) -> None:
    if seed_record is None:
        seed_record = SeedRecord(content_type=content_type, object_id=obj.pk)
    seed_record.seed_file = handler.file
    seed_record.key = slug
    seed_record.loaded_hash = digest(values)
    seed_record.save()


def export_seeds(out_dir: Path) -> dict[str, int]:
    """Write every seeded kind of record in the seed format; returns counts."""
    out_dir = Path(out_dir)
    (out_dir / "data").mkdir(parents=True, exist_ok=True)
    (out_dir / "sources").mkdir(parents=True, exist_ok=True)
    ctx = LoadContext(out_dir)
    counts = {}
    for handler in registry.handlers():
        records = [handler.export(handler.dump(obj), ctx) for obj in handler.all_for_export()]
        write_records(out_dir / "data" / handler.file, records)
        counts[handler.file] = len(records)
    return counts
