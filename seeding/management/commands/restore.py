"""Restore a backup made by `backup` into an empty database, then check that
every table is identical to the backed-up one. docs/BACKUP.md."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from seeding.backup import BackupError, restore


class Command(BaseCommand):
    help = (
        "Restore a backup folder into this database, which must be empty, and verify "
        "every table against the backup's manifest."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--from",
            type=Path,
            required=True,
            dest="source",
            help="A folder written by `manage.py backup`.",
        )

    def handle(self, *args, source, **options):
        try:
            differences = restore(source)
        except BackupError as exc:
            raise CommandError(f"{exc}\nNothing was restored.") from None
        problems = [
            f"{kind}: {', '.join(tables)}" for kind, tables in differences.items() if tables
        ]
        if problems:
            raise CommandError(
                "Restored, but the database differs from the backup: " + "; ".join(problems)
            )
        self.stdout.write(self.style.SUCCESS(f"Restored {source}; every table matches the backup."))
