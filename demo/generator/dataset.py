"""Synthetic records at realistic proportions, deterministic for a seed.

Pure Python: nothing here touches the database. `DemoGenerator` yields
batches of rows (plain dicts keyed by column attname, ids included) that a
writer streams into the tables. Every row comes from one random.Random(seed)
stream, drawn in a fixed order, so the same number of agreements and the same
seed give the same rows, whatever the batch size.

Every quote is written into its source document's text as the document is
assembled, and its offsets recorded then, so each citation stands verbatim in
its source, as `evidence.quotes` requires. Every record's denormalised status is
that of its last event, as `refresh_status()` would derive it.
"""

import random
from collections.abc import Iterator

from demo import words
from demo.generator.agreements import make_agreement
from demo.generator.commitments import make_commitment
from demo.generator.context import DemoContext, Rows
from demo.generator.document import Document
from demo.generator.figures import make_figure
from demo.generator.meetings import make_meetings, make_series
from demo.generator.organisations import make_organisations
from demo.generator.people import make_people
from demo.generator.registry import Registry
from demo.generator.sources import finish_documents, new_report
from demo.generator.topics import make_topics

# Agreements reported by one pair of source documents (a news report and an
# official register); records outside the reports go into briefings.
AGREEMENTS_PER_REPORT = 25

# Proportions per agreement, from the seed data where it has enough records
# to say (commitments, figures, meetings per agreement are lower here: the
# four seed articles are about meetings, a register of agreements is not).
COMMITMENTS_PER_AGREEMENT = 0.5
FIGURES_PER_AGREEMENT = 0.2
MEETINGS_PER_AGREEMENT = 0.25
PEOPLE_PER_AGREEMENT = 0.05
ORGANISATIONS_PER_AGREEMENT = 0.02
SERIES_PER_AGREEMENT = 0.0004


class DemoGenerator:
    """The whole dataset for a number of agreements and a seed, made in
    dependency order and handed out in batches (`batches`)."""

    def __init__(
        self,
        *,
        agreements: int,
        seed: int,
        first_ids: dict[type, int],
        content_types: dict[type, int],
    ):
        self.agreement_count = agreements
        self.seed = seed
        rng = random.Random(seed)  # noqa: S311 (reproducible demo data, not secrets)
        self.ctx = DemoContext(rng, dict(first_ids), content_types)
        self.registry: Registry | None = None

    def take(self) -> Rows:
        """The rows made since the last call, sources completed first."""
        finish_documents(self.ctx)
        return self.ctx.take_rows()

    def batches(self) -> Iterator[tuple[str, Rows]]:
        """(what was made, rows) in dependency order: the records agreements
        refer to, then agreements by report, with their commitments and figures."""
        ctx, n = self.ctx, self.agreement_count
        field_topics = make_topics(ctx)
        yield "topics", self.take()
        organisations = make_organisations(ctx, max(20, round(n * ORGANISATIONS_PER_AGREEMENT)))
        yield "organisations", self.take()
        people = make_people(ctx, max(10, round(n * PEOPLE_PER_AGREEMENT)), organisations)
        yield "people", self.take()
        series = make_series(ctx, max(2, round(n * SERIES_PER_AGREEMENT)))
        meetings = make_meetings(
            ctx,
            max(5, round(n * MEETINGS_PER_AGREEMENT)),
            series,
            people,
            organisations,
            field_topics,
        )
        yield "meetings", self.take()
        self.registry = Registry(field_topics, organisations, people, meetings)
        for first in range(0, n, AGREEMENTS_PER_REPORT):
            self.make_report(first, min(AGREEMENTS_PER_REPORT, n - first))
            yield "agreements", self.take()

    def make_report(self, first: int, count: int) -> None:
        """`count` agreements from the `first`, then commitments and figures
        in proportion, all in one report's two documents."""
        ctx = self.ctx
        report = new_report(ctx, first // AGREEMENTS_PER_REPORT + 1)
        made_here = [make_agreement(ctx, self.registry, report) for _ in range(count)]
        for _ in range(ctx.share(count * COMMITMENTS_PER_AGREEMENT)):
            make_commitment(ctx, self.registry, report, made_here)
        for _ in range(ctx.share(count * FIGURES_PER_AGREEMENT)):
            self.figure(report.official)
        report.news.say(ctx.r.choice(words.BACKGROUND))

    def figure(self, document: Document) -> None:
        """A method of its own so tests can make it fail half-way through."""
        make_figure(self.ctx, self.registry, document)
