"""manage.py ingest PATH --published YYYY[-MM[-DD]]: a draft Source and the
facts proposed from it, for an editor to review in the admin."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ingest.services import LANGUAGES, Article, Ingested, IngestError, as_json, ingest_article


class Command(BaseCommand):
    help = (
        "Store an article (plain text or HTML) as a draft source and propose the facts it "
        "states, each with its verified quote, for review in the admin."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="A plain-text or HTML file.")
        parser.add_argument("--url", default="", help="Where the article was published.")
        parser.add_argument(
            "--published",
            required=True,
            help="The article's date: YYYY, YYYY-MM or YYYY-MM-DD.",
        )
        parser.add_argument("--publisher", default="", help="As the article names itself.")
        parser.add_argument("--title", default="", help="The first line (or HTML title) if not.")
        parser.add_argument(
            "--language", default="", help=f"{', '.join(LANGUAGES)}; detected when not given."
        )
        parser.add_argument("--format", choices=("text", "json"), default="text")
        parser.add_argument("--dry-run", action="store_true", help="Print, store nothing.")

    def handle(self, *args, **options):
        path = Path(options["path"])
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise CommandError(f"{path}: cannot read it ({exc.strerror})") from None
        article = Article(
            data=data,
            name=str(path),
            published=options["published"],
            url=options["url"],
            publisher=options["publisher"],
            title=options["title"],
            language=options["language"],
        )
        try:
            result = ingest_article(article, dry_run=options["dry_run"])
        except IngestError as exc:
            raise CommandError(str(exc)) from None
        if options["format"] == "json":
            payload = {
                "source": result.source.slug,
                "proposals": [as_json(p) for p in result.proposals],
            }
            self.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2))
        else:
            self._print_text(result, dry_run=options["dry_run"])

    def _print_text(self, result: Ingested, *, dry_run: bool) -> None:
        source = result.source
        state = "not stored (dry run)" if dry_run else "stored as a draft"
        self.stdout.write(f"Source {source.slug} ({source.language}, {state})")
        self.stdout.write(f"{len(result.proposals)} proposals")
        for number, p in enumerate(result.proposals, 1):
            about = p.target or (f"new: {p.title}" if p.title else "-")
            facts = " ".join(
                part
                for part in (p.status, p.event and f"({p.event})", p.date, p.date_precision)
                if part
            )
            if p.kind == "figure":
                facts = " ".join(x for x in (p.value, p.multiplier, p.unit, p.date) if x)
            self.stdout.write(f"{number}. {p.kind} {about} {facts} [{p.confidence:.2f}]")
            self.stdout.write(f"   “{p.quote}” [{p.start}:{p.end}]")
            self.stdout.write(f"   because: {p.reason}")
