"""manage.py changes_baseline: one `created` entry in the changes feed for
each public record the feed has not seen, such as those the demo generator
writes with raw SQL (no history, no signals). Safe to run again."""

from django.core.management.base import BaseCommand
from django.db import transaction

from opendata.changes import record_baseline


class Command(BaseCommand):
    help = "Add the public records the changes feed has never named to it, as created."

    def handle(self, *args, **options):
        with transaction.atomic():
            written = record_baseline()
        self.stdout.write(f"{written} records added to the changes feed.")
