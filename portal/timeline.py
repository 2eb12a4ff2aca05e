"""One chronological list of every dated event: signings, status steps,
meetings, and commitments' due dates and steps, one year at a time.

The events live in five tables; a UNION ALL of one narrow row per event lets
the database sort and page them together. The page reads one year's window
of that union (its rows, its count by month and kind for the chart, the
nearest years with events on either side), each through the tables' date
indexes, so its work grows with one year's events, never with the whole
history.
"""

import datetime
from dataclasses import dataclass

from django.db import connection
from django.db.models import CharField, Count, F, Max, Min, Value
from django.db.models.functions import ExtractMonth
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from agreements.models import (
    Agreement,
    AgreementStatus,
    Commitment,
    CommitmentStatusEvent,
    StatusEvent,
)
from core.dates import DatePrecision, format_partial_date
from dialogue.models import Meeting
from pagecache.aggregates import counted_once_per_version

KIND_LABELS = {
    "signing": _("Signed"),
    "agreement_step": _("Status step"),
    "meeting": _("Meeting"),
    "commitment_due": _("Commitment due"),
    "commitment_step": _("Commitment step"),
}


@dataclass(frozen=True)
class TimelineFilter:
    """What a reader narrowed the timeline to: a topic, and the day the page
    is as of (nothing after it is shown)."""

    topic: str | None = None
    until: datetime.date | None = None


def _sources():
    """(events, kind, date field, precision field, path to the topics)."""
    return [
        (Agreement.objects.published(), "signing", "signed_on", "signed_on_precision", "topics"),
        (
            # A "signed" step on the day of the signing is that signing: once.
            StatusEvent.objects.published().exclude(
                status=AgreementStatus.SIGNED,
                date=F("agreement__signed_on"),
                date_precision=F("agreement__signed_on_precision"),
            ),
            "agreement_step",
            "date",
            "date_precision",
            "agreement__topics",
        ),
        (Meeting.objects.published(), "meeting", "start_on", "start_on_precision", "topics"),
        (Commitment.objects.published(), "commitment_due", "due_on", "due_on_precision", "topics"),
        (
            CommitmentStatusEvent.objects.published(),
            "commitment_step",
            "date",
            "date_precision",
            "commitment__topics",
        ),
    ]


def _parts(
    narrowed: TimelineFilter,
    start: datetime.date | None = None,
    end: datetime.date | None = None,
):
    """Each table's events in [start, end), as narrowed: (queryset, kind,
    date field, precision field)."""
    for queryset, kind, date_field, precision_field, topics_path in _sources():
        queryset = queryset.filter(**{f"{date_field}__isnull": False})
        if start:
            queryset = queryset.filter(**{f"{date_field}__gte": start})
        if end:
            queryset = queryset.filter(**{f"{date_field}__lt": end})
        if narrowed.topic:
            queryset = queryset.filter(**{f"{topics_path}__slug": narrowed.topic})
        if narrowed.until:
            queryset = queryset.filter(**{f"{date_field}__lte": narrowed.until})
        yield queryset, kind, date_field, precision_field


def _union(querysets):
    first, *rest = querysets
    return first.union(*rest, all=True)


def _year_bounds(year: int) -> tuple[datetime.date, datetime.date]:
    return datetime.date(year, 1, 1), datetime.date(year + 1, 1, 1)


def timeline_rows(
    *,
    year: int | None = None,
    topic: str | None = None,
    until: datetime.date | None = None,
    first: int | None = None,
):
    """The union of the dated events (of `year` when given; up to `until`,
    the page's as_of, when given), as narrow rows, sorted. `first`: only
    that many rows will be read from the start, so each table need give no
    more than that many (its first by date, from its date index) on a
    database that allows a LIMIT inside a UNION."""
    start, end = _year_bounds(year) if year else (None, None)
    limit_each = first is not None and connection.features.supports_slicing_ordering_in_compound
    parts = []
    for queryset, kind, date_field, precision_field in _parts(
        TimelineFilter(topic, until), start, end
    ):
        part = queryset.annotate(
            entry_date=F(date_field),
            entry_precision=F(precision_field),
            entry_kind=Value(kind, output_field=CharField()),
            entry_id=F("pk"),
        ).values("entry_date", "entry_precision", "entry_kind", "entry_id")
        # Within one table the union's order is (date, id): its kind is one value.
        parts.append(part.order_by(date_field, "pk")[:first] if limit_each else part.order_by())
    return _union(parts).order_by("entry_date", "entry_kind", "entry_id")


def _nearest_dates(
    narrowed: TimelineFilter, before: datetime.date, from_: datetime.date
) -> tuple[datetime.date | None, datetime.date | None]:
    """The latest event date before `before` and the earliest from `from_`,
    in one query: each table's MAX and MIN, which the database answers from
    the end of its date index rather than by reading the events."""
    # PostgreSQL plans a table's MAX over a join or a filter as a scan of
    # the whole table; the same question as ORDER BY ... LIMIT 1 walks the
    # date index from its end. SQLite allows no LIMIT inside a UNION, and
    # answers MAX from the index itself.
    limit_each = connection.features.supports_slicing_ordering_in_compound
    sides = []
    for side, aggregate, bounds in (
        ("before", Max, {"end": before}),
        ("from", Min, {"start": from_}),
    ):
        for queryset, _kind, date_field, _precision in _parts(narrowed, **bounds):
            queryset = queryset.annotate(side=Value(side, output_field=CharField()))
            if limit_each:
                order = f"-{date_field}" if aggregate is Max else date_field
                part = (
                    queryset.annotate(nearest=F(date_field))
                    .values("side", "nearest")
                    .order_by(order)[:1]
                )
            else:
                part = (
                    queryset.values("side")
                    .annotate(nearest=aggregate(date_field))
                    .values("side", "nearest")
                    .order_by()
                )
            sides.append(part)
    found = {"before": [], "from": []}
    for row in _union(sides):
        if row["nearest"] is not None:
            found[row["side"]].append(row["nearest"])
    return max(found["before"], default=None), min(found["from"], default=None)


def default_year(narrowed: TimelineFilter) -> int | None:
    """The year a reader lands on: that of the latest event up to today (or
    the page's as_of); with none yet, the year of the first one to come."""
    today = narrowed.until or timezone.localdate()
    latest, coming = _nearest_dates(narrowed, today + datetime.timedelta(days=1), today)
    day = latest or coming
    return day.year if day else None


def neighbour_years(narrowed: TimelineFilter, year: int) -> tuple[int | None, int | None]:
    """The nearest years before and after `year` that have events."""
    start, end = _year_bounds(year)
    earlier, later = _nearest_dates(narrowed, start, end)
    return (earlier.year if earlier else None, later.year if later else None)


def counts_by_month(narrowed: TimelineFilter, year: int) -> dict[tuple[int | None, str], int]:
    """{(month, kind): events} for one year, month None for events known
    only to the year: the chart's data and the year's count.

    Counting reads every event of the year (tens of thousands at 100,000
    agreements), so it is done once per content version
    (pagecache.aggregates)."""
    return counted_once_per_version(
        "timeline-by-month",
        (year, narrowed.topic, narrowed.until),
        lambda: _count_by_month(narrowed, year),
    )


def _count_by_month(narrowed: TimelineFilter, year: int) -> dict[tuple[int | None, str], int]:
    start, end = _year_bounds(year)
    rows = _union(
        queryset.annotate(
            entry_month=ExtractMonth(date_field),
            entry_precision=F(precision_field),
            entry_kind=Value(kind, output_field=CharField()),
        )
        .values("entry_month", "entry_precision", "entry_kind")
        .annotate(total=Count("pk"))
        .order_by()
        for queryset, kind, date_field, precision_field in _parts(narrowed, start, end)
    )
    counts: dict[tuple[int | None, str], int] = {}
    for row in rows:
        month = None if row["entry_precision"] == DatePrecision.YEAR else row["entry_month"]
        key = (month, row["entry_kind"])
        counts[key] = counts.get(key, 0) + row["total"]
    return counts


@dataclass
class TimelineEntry:
    date: datetime.date
    precision: str
    kind: str
    record: object

    # Set on the first entry of each month on a page (see month_anchors).
    anchor: str = ""

    @property
    def date_display(self) -> str:
        return format_partial_date(self.date, self.precision)

    @property
    def kind_label(self) -> str:
        return KIND_LABELS[self.kind]

    @property
    def inferred(self) -> bool:
        """Whether the date is inferred (from context, a dateline...) rather
        than stated: marked wherever a date is shown."""
        return bool(getattr(self.record, f"{_DATE_FIELDS[self.kind]}_inferred", False))


_DATE_FIELDS = {
    "signing": "signed_on",
    "agreement_step": "date",
    "meeting": "start_on",
    "commitment_due": "due_on",
    "commitment_step": "date",
}

_LOADERS = {
    "signing": lambda ids: Agreement.objects.in_bulk(ids),
    "agreement_step": lambda ids: StatusEvent.objects.select_related("agreement", "party").in_bulk(
        ids
    ),
    "meeting": lambda ids: Meeting.objects.select_related("series").in_bulk(ids),
    "commitment_due": lambda ids: Commitment.objects.in_bulk(ids),
    "commitment_step": lambda ids: CommitmentStatusEvent.objects.select_related(
        "commitment", "party"
    ).in_bulk(ids),
}


def hydrate(rows) -> list[TimelineEntry]:
    """Turn one page of narrow rows into entries, one query per kind present."""
    rows = list(rows)
    ids_by_kind: dict[str, list[int]] = {}
    for row in rows:
        ids_by_kind.setdefault(row["entry_kind"], []).append(row["entry_id"])
    records = {kind: _LOADERS[kind](ids) for kind, ids in ids_by_kind.items()}
    return [
        TimelineEntry(
            date=row["entry_date"],
            precision=row["entry_precision"],
            kind=row["entry_kind"],
            record=records[row["entry_kind"]][row["entry_id"]],
        )
        for row in rows
    ]


def month_anchor(month: int | None) -> str:
    """The fragment a month's first entry carries, for the chart's links;
    events known only to the year have their own."""
    return f"month-{month}" if month else "year-only"


def mark_months(entries: list[TimelineEntry]) -> list[TimelineEntry]:
    """Give the first entry of each month on the page its month's anchor."""
    seen = set()
    for entry in entries:
        month = None if entry.precision == DatePrecision.YEAR else entry.date.month
        if month not in seen:
            seen.add(month)
            entry.anchor = month_anchor(month)
    return entries
