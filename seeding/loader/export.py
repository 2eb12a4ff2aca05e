"""Writing the database back in the seed format (export, then load, is a no-op)."""

from pathlib import Path

from seeding.loader.context import LoadContext
from seeding.loader.handlers import registry
from seeding.loader.yaml_io import write_records


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
