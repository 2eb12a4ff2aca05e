"""Back up the whole site into a folder: the curated data in the seed format
(seeds/), a dump of the database (every table, users and history included)
and a manifest with a digest of every table. docs/BACKUP.md."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from seeding.backup import BackupError, backup


class Command(BaseCommand):
    help = "Back up the seed data and the database into a new folder (restore reads it back)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--to",
            type=Path,
            required=True,
            dest="target",
            help="A new or empty folder to write the backup into.",
        )

    def handle(self, *args, target, **options):
        try:
            manifest = backup(target)
        except BackupError as exc:
            raise CommandError(f"{exc}\nNo backup was made.") from None
        rows = sum(table["rows"] for table in manifest["tables"].values())
        self.stdout.write(
            self.style.SUCCESS(
                f"Backed up {len(manifest['tables'])} tables ({rows} rows, "
                f"{manifest['vendor']}) and the seed export to {target}."
            )
        )
