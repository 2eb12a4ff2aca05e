"""What every part of the generator shares: the one random stream, the next
id of each table, the rows made since the last batch, and the source
documents still being written.

Every row comes from `r`, drawn in a fixed order: the same seed and number of
agreements give the same rows. Code that draws from it must keep its order.
"""

import datetime
import random
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from core.models import PublicationState
from demo.generator.dates import (
    DAY,
    FIRST_DAY,
    LAST_DAY,
    PRECISION_WEIGHTS,
    UTC,
    PartialDate,
    truncate,
)
from demo.generator.document import Document

DEMO_PREFIX = "demo-"
PUBLISHED = PublicationState.PUBLISHED

Rows = defaultdict[type, list[dict[str, Any]]]


class Weighted(NamedTuple):
    """Values and how often each is drawn, relative to the others."""

    values: tuple
    weights: tuple

    @classmethod
    def of(cls, pairs) -> "Weighted":
        values, weights = zip(*pairs, strict=True)
        return cls(values, weights)

    def draw(self, r: random.Random):
        return r.choices(self.values, self.weights)[0]


PRECISIONS = Weighted.of(PRECISION_WEIGHTS)


def _no_rows() -> Rows:
    return defaultdict(list)


@dataclass(slots=True)
class DemoContext:
    r: random.Random
    first_ids: dict[type, int]
    content_types: dict[type, int]
    next_ids: dict[type, int] = field(init=False)
    rows: Rows = field(default_factory=_no_rows)
    # Documents opened since the last batch: their Source rows are written
    # when the batch is taken, once their text is final.
    open_documents: list[Document] = field(default_factory=list)
    briefing: Document | None = None
    briefing_citations: int = 0
    documents_made: int = 0

    def __post_init__(self) -> None:
        self.next_ids = dict(self.first_ids)

    def new_id(self, model) -> int:
        pk = self.next_ids[model]
        self.next_ids[model] = pk + 1
        return pk

    def ordinal(self, model, pk: int) -> int:
        """The record's number in this dataset, for slugs: ids aside, the
        same data whatever ids the database hands out."""
        return pk - self.first_ids[model] + 1

    def add(self, model, row: dict[str, Any]) -> None:
        self.rows[model].append(row)

    def take_rows(self) -> Rows:
        """The rows made since the last call."""
        rows, self.rows = self.rows, _no_rows()
        return rows

    def stamps(self, day: datetime.date) -> tuple[datetime.datetime, datetime.datetime]:
        """When the record was entered and last changed: after what it records."""
        r = self.r
        created = datetime.datetime(day.year, day.month, day.day, 8, tzinfo=UTC)
        created += datetime.timedelta(days=r.randrange(0, 20), minutes=r.randrange(0, 600))
        last = datetime.datetime(LAST_DAY.year, LAST_DAY.month, LAST_DAY.day, 18, tzinfo=UTC)
        created = min(created, last)
        updated = min(created + datetime.timedelta(days=r.randrange(0, 90)), last)
        return created, updated

    def partial_date(self, day: datetime.date, after: datetime.date | None = None) -> PartialDate:
        """A random precision, unless truncating would put the date before
        `after`, which must stay earlier."""
        precision = PRECISIONS.draw(self.r)
        stored = truncate(day, precision)
        if after is not None and stored < after:
            return PartialDate(day, DAY)
        return PartialDate(stored, precision)

    def random_day(self, start=FIRST_DAY, end=LAST_DAY) -> datetime.date:
        span = (end - start).days
        return start + datetime.timedelta(days=self.r.randrange(max(span, 1)))

    def share(self, expected: float) -> int:
        """`expected` on average, as a whole number."""
        whole = int(expected)
        return whole + (1 if self.r.random() < expected - whole else 0)
