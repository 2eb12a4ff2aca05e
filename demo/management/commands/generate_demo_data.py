"""Fill a database of its own with synthetic demo data, at scale.

Deterministic: the same --agreements and --seed give the same rows (ids
aside). Everything is written in one transaction and the database is marked
as a demo one; see docs/PERFORMANCE.md, "Demo data".
"""

from django.core.management.base import BaseCommand, CommandError

from demo.services import DemoRefused, clear_demo_data, generate_demo_data


class Command(BaseCommand):
    help = (
        "Generate deterministic synthetic demo data (agreements with their status steps, "
        "quotes and sources, meetings, commitments, people, organisations, figures) into a "
        "database of its own. All records are published and have slugs starting 'demo-'; "
        "no history rows are written. A marker row records that the database holds demo "
        "data: this command refuses a database holding anything it did not make (seed or "
        "editors' records), and load_seeds refuses a database with the marker. One "
        "transaction: a failure leaves nothing behind."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--agreements",
            type=int,
            default=1000,
            help="How many agreements; everything else scales with them (default: %(default)s).",
        )
        parser.add_argument(
            "--seed",
            type=int,
            default=1,
            help="Random seed: the same seed and count give the same data (default: %(default)s).",
        )
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Remove the demo data already in this database first.",
        )
        parser.add_argument(
            "--clear",
            action="store_true",
            help="Only remove the demo data and its marker, generating nothing.",
        )
        parser.add_argument(
            "--batch-size",
            type=int,
            default=5000,
            help="Rows per table buffered before each write (default: %(default)s).",
        )

    def handle(self, *args, agreements, seed, replace, clear, batch_size, **options):
        if batch_size < 1:
            raise CommandError("--batch-size must be at least 1.")
        try:
            if clear:
                clear_demo_data()
                self.stdout.write(self.style.SUCCESS("Demo data removed."))
                return
            self.stdout.write(f"Generating demo data: {agreements:,} agreements, seed {seed}.")
            dataset = generate_demo_data(
                agreements=agreements,
                seed=seed,
                replace=replace,
                batch_size=batch_size,
                progress=self.stdout.write,
            )
        except DemoRefused as exc:
            raise CommandError(f"{exc} Nothing was written.") from None
        for table, count in dataset.counts.items():
            self.stdout.write(f"  {table:<42} {count:>10,}")
        total = sum(dataset.counts.values())
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo data generated: {total:,} rows in {dataset.seconds:.1f} s "
                f"({agreements:,} agreements, seed {seed})."
            )
        )
