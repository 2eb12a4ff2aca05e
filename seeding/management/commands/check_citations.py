"""Re-verify every stored citation against its source's text.

A quote must stand, character for character, at its recorded offsets. An
edited source text or a hand-changed quote breaks that; this command finds
every such citation and exits non-zero if there is one.
"""

from django.core.management.base import BaseCommand, CommandError

from evidence.models import Citation


class Command(BaseCommand):
    help = "Re-verify every stored quote against its source text; non-zero exit on any failure."

    def handle(self, *args, **options):
        failures = []
        checked = 0
        citations = Citation.objects.select_related("source", "content_type").order_by("pk")
        for citation in citations.iterator(chunk_size=2000):
            checked += 1
            if not citation.is_verified():
                failures.append(citation)
                self.stderr.write(
                    f"citation {citation.pk} ({citation.content_type.model} "
                    f"{citation.object_id}): {citation.quote[:80]!r} is not at "
                    f"{citation.start}-{citation.end} in source {citation.source.slug!r}"
                )
        if failures:
            raise CommandError(f"{len(failures)} of {checked} citations failed verification.")
        self.stdout.write(self.style.SUCCESS(f"All {checked} citations verified."))
