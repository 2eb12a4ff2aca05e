"""Load the seed files (seeds/data/*.yaml, seeds/sources/*.txt) into the database.

Idempotent: records are upserted by slug, in one transaction, and a second
run with nothing changed writes nothing. A record an editor changed since the
last load is reported and left alone unless --force.
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from seeding.loader.errors import SeedError
from seeding.loader.load import load_seeds


class Command(BaseCommand):
    help = (
        "Load the seed data (docs/SEEDS.md) into the database, all or nothing. "
        "Prints what was created, updated, left unchanged and skipped."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--seeds-dir",
            type=Path,
            default=settings.SEEDS_DIR,
            help="Folder holding data/ and sources/ (default: %(default)s).",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Check everything and report what would change, then write nothing.",
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Overwrite records that an editor changed since the last load.",
        )

    def handle(self, *args, seeds_dir, dry_run, force, **options):
        if not (seeds_dir / "data").is_dir():
            raise CommandError(f"{seeds_dir / 'data'} is not a folder of seed files.")
        try:
            report = load_seeds(seeds_dir, dry_run=dry_run, force=force)
        except SeedError as exc:
            raise CommandError(f"{exc}\nNothing was written.") from None

        for file_report in report.files:
            self.stdout.write(
                f"{file_report.file:<22} {len(file_report.created):>4} created "
                f"{len(file_report.updated):>4} updated {len(file_report.unchanged):>4} unchanged "
                f"{len(file_report.skipped):>4} skipped"
            )
            for slug, why in file_report.skipped:
                self.stdout.write(
                    self.style.WARNING(f"  skipped {slug}: {why}; --force overwrites it")
                )
            for slug, why in file_report.overwritten:
                self.stdout.write(self.style.WARNING(f"  overwrote {slug}: {why}"))

        totals = ", ".join(
            f"{report.total(outcome)} {outcome}"
            for outcome in ("created", "updated", "unchanged", "skipped")
        )
        if dry_run:
            self.stdout.write(self.style.SUCCESS(f"Dry run, nothing written: {totals}."))
        else:
            self.stdout.write(self.style.SUCCESS(f"Seeds loaded: {totals}."))
