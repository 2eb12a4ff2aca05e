"""Generating and clearing demo data: the guards, the one transaction, the timing."""

import time
from collections.abc import Callable

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import connection, models, transaction
from django.utils import timezone

from core.content_apps import content_app_labels, editorial_app_labels
from demo.generator import DEMO_PREFIX, DemoGenerator
from demo.models import DemoDataset
from demo.writer import TableWriter, indexes_deferred
from evidence.models import cited_types
from pagecache.invalidation import bump_content_version
from seeding.models import SeedRecord

# The apps whose tables hold content, real or demo.


class DemoRefused(Exception):
    """This database is not one demo data may be written to (or cleared from)."""


def content_models() -> list[type[models.Model]]:
    """Every table of the content apps, many-to-many and history included."""
    found = []
    for label in content_app_labels():
        for model in apps.get_app_config(label).get_models(include_auto_created=True):
            found.append(model)
    return found


def _is_history(model) -> bool:
    return getattr(model, "instance_type", None) is not None


def real_records() -> list[str]:
    """What in this database generate_demo_data did not make, described.

    Demo rows all have `demo-` slugs and never have history rows or seed
    records: load_seeds writes both, and every save by an editor (admin or
    API) writes history. A database without the demo marker holding any
    content at all is someone's real data.
    """
    marked = DemoDataset.objects.exists()
    found = []
    for model in content_models():
        if model._meta.auto_created:
            continue
        label = model._meta.verbose_name_plural
        if model is SeedRecord or _is_history(model):
            count = model._default_manager.count()
            if count and model is SeedRecord:
                found.append(f"{count} {label} (written by load_seeds)")
            elif count:
                table = model._meta.db_table
                found.append(f"{count} history rows in {table} (changes by editors or load_seeds)")
            continue
        rows = model._default_manager.all()
        if marked:
            if not any(field.name == "slug" for field in model._meta.fields):
                continue
            rows = rows.exclude(slug__startswith=DEMO_PREFIX)
        count = rows.count()
        if count:
            example = (
                rows.values_list("slug", flat=True).first() if hasattr(model, "slug") else None
            )
            found.append(f"{count} {label}" + (f" (e.g. {example!r})" if example else ""))
    return found


def _refuse_if_real() -> None:
    found = real_records()
    if found:
        raise DemoRefused(
            "This database holds records that generate_demo_data did not make: "
            + "; ".join(found)
            + ". Demo data goes into a database of its own: create an empty one, point "
            "DATABASE_URL at it and migrate (docs/PERFORMANCE.md)."
        )


def _editorial_models() -> list[type[models.Model]]:
    """Editors' work that is not content (the ingestion queue), which points
    at content: emptied with it."""
    extra = set(editorial_app_labels()) - set(content_app_labels())
    return [
        model
        for label in sorted(extra)
        for model in apps.get_app_config(label).get_models(include_auto_created=True)
    ]


def _wipe() -> None:
    """Empty every content table, the editors' work that points at it, and
    the marker (only ever after _refuse_if_real)."""
    everything = (*content_models(), *_editorial_models(), DemoDataset)
    tables = [model._meta.db_table for model in everything]
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                f"TRUNCATE {', '.join(quote(table) for table in tables)} RESTART IDENTITY"
            )
        else:
            for table in tables:
                cursor.execute(f"DELETE FROM {quote(table)}")  # noqa: S608 (a model's table)


def clear_demo_data() -> None:
    """Remove the demo data and its marker; refuses if anything real is there."""
    with transaction.atomic():
        if not DemoDataset.objects.exists():
            raise DemoRefused("This database holds no demo data (no demo marker).")
        _refuse_if_real()
        _wipe()
        # Raw SQL sends no model signals: tell the page cache ourselves.
        bump_content_version()


def _write(generator, writer, agreements, started, progress) -> None:
    agreement_model = apps.get_model("agreements", "Agreement")
    step = max(1, agreements // 10)
    done = 0
    for what, rows in generator.batches():
        writer.add(rows)
        if what != "agreements":
            progress(f"  {what} generated ({time.monotonic() - started:.1f} s)")
            continue
        before, done = done, done + len(rows.get(agreement_model, ()))
        if done // step != before // step or done == agreements:
            progress(
                f"  {done:>9,} / {agreements:,} agreements, "
                f"{sum(writer.counts.values()):>11,} rows written "
                f"({time.monotonic() - started:.1f} s)"
            )
    writer.flush()


def _make_room(replace: bool, progress: Callable[[str], None]) -> None:
    """Wipe the previous demo data if asked to; refuse to add to it otherwise."""
    if DemoDataset.objects.exists():
        if not replace:
            raise DemoRefused("This database already holds demo data; --replace removes it first.")
        _wipe()
        progress("Removed the previous demo data.")


def _generated_models() -> list[type[models.Model]]:
    """The tables demo data goes into: every content table but history and seed records."""
    return [
        model for model in content_models() if not _is_history(model) and model is not SeedRecord
    ]


def _first_ids(generated) -> dict[type[models.Model], int]:
    """The id each table's first demo row gets (the rows of many-to-many
    tables get theirs from the database)."""
    return {
        model: (model._default_manager.aggregate(top=models.Max("pk"))["top"] or 0) + 1
        for model in generated
        if not model._meta.auto_created
    }


def _content_types() -> dict[type[models.Model], int]:
    """The content type id of every model citations can support."""
    cited = cited_types().values()
    return {
        model: content_type.pk
        for model, content_type in ContentType.objects.get_for_models(*cited).items()
    }


def _analyse(generated, started: float, progress: Callable[[str], None]) -> None:
    """On PostgreSQL, fresh statistics, or the planner guesses at empty tables."""
    if connection.vendor != "postgresql":
        return
    tables = ", ".join(connection.ops.quote_name(model._meta.db_table) for model in generated)
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {tables}")
    progress(f"  committed and analysed ({time.monotonic() - started:.1f} s)")


def generate_demo_data(
    *,
    agreements: int,
    seed: int,
    replace: bool = False,
    batch_size: int = 5000,
    progress: Callable[[str], None] = lambda message: None,
) -> DemoDataset:
    """Write a deterministic synthetic dataset of `agreements` agreements and
    everything around them, in one transaction, and mark the database as a
    demo one. Refuses (DemoRefused) where real records are, or demo data
    already is unless `replace`."""
    if agreements < 1:
        raise DemoRefused("--agreements must be at least 1.")
    started = time.monotonic()
    with transaction.atomic():
        _refuse_if_real()
        _make_room(replace, progress)
        generated = _generated_models()
        generator = DemoGenerator(
            agreements=agreements,
            seed=seed,
            first_ids=_first_ids(generated),
            content_types=_content_types(),
        )
        writer = TableWriter(connection, batch_size=batch_size)
        with indexes_deferred(connection, generated):
            _write(generator, writer, agreements, started, progress)
            progress(f"  all rows written ({time.monotonic() - started:.1f} s)")
        progress(f"  indexes and foreign keys built ({time.monotonic() - started:.1f} s)")
        writer.reset_sequences(generated)
        # COPY sends no model signals: tell the page cache ourselves.
        bump_content_version()
        dataset = DemoDataset.objects.create(
            agreements=agreements,
            seed=seed,
            generated_at=timezone.now(),
            seconds=round(time.monotonic() - started, 1),
            counts=dict(sorted(writer.counts.items())),
        )
    _analyse(generated, started, progress)
    dataset.seconds = round(time.monotonic() - started, 1)
    DemoDataset.objects.filter(pk=dataset.pk).update(seconds=dataset.seconds)
    return dataset
