"""Write the database out in the seed format (docs/SEEDS.md).

The output is a folder with data/ and sources/, which load_seeds reads back
with no change: export then load is a no-op.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from seeding.loader.export import export_seeds


class Command(BaseCommand):
    help = "Write every seeded record in the seed format to a folder (data/ and sources/)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            type=Path,
            required=True,
            help="Folder to write into; its data/*.yaml and source texts are replaced.",
        )

    def handle(self, *args, output, **options):
        if output.exists() and not output.is_dir():
            raise CommandError(f"{output} exists and is not a folder.")
        counts = export_seeds(output)
        for file, count in counts.items():
            self.stdout.write(f"{file:<22} {count:>5} records")
        self.stdout.write(
            self.style.SUCCESS(f"Exported {sum(counts.values())} records to {output}.")
        )
