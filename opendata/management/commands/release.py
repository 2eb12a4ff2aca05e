"""manage.py release --out DIR [--version V]: a versioned data package of
everything public (opendata/release.py, docs/API.md "Releases")."""

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from opendata.release import ReleaseError, make_release


class Command(BaseCommand):
    help = "Write a versioned data package (CSV, JSON, datapackage.json, Popolo) into --out."

    def create_parser(self, prog_name, subcommand, **kwargs):
        # The release's --version, in place of Django's (the program's version).
        kwargs.setdefault("conflict_handler", "resolve")
        return super().create_parser(prog_name, subcommand, **kwargs)

    def add_arguments(self, parser):
        parser.add_argument("--out", required=True, help="The directory releases are kept in.")
        parser.add_argument("--version", dest="release_version", help="Default: today's date.")

    def handle(self, *args, out, release_version=None, **options):
        try:
            target = make_release(out, release_version, timezone.localdate())
        except ReleaseError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"Release {target.name} written to {target} (and {target.name}.zip).")
