"""One chronological list of every dated event: signings, status steps,
meetings, and commitments' due dates and steps.

The events live in five tables; a UNION ALL of one narrow row per event lets
the database sort and page them together, so a page costs the same few
queries however many events there are.
"""

import datetime
from dataclasses import dataclass

from django.db.models import CharField, F, Value
from django.utils.translation import gettext_lazy as _

from agreements.models import (
    Agreement,
    AgreementStatus,
    Commitment,
    CommitmentStatusEvent,
    StatusEvent,
)
from core.dates import format_partial_date
from dialogue.models import Meeting

KIND_LABELS = {
    "signing": _("Signed"),
    "agreement_step": _("Status step"),
    "meeting": _("Meeting"),
    "commitment_due": _("Commitment due"),
    "commitment_step": _("Commitment step"),
}


def _rows(queryset, kind: str, date_field: str, precision_field: str):
    return (
        queryset.filter(**{f"{date_field}__isnull": False})
        .annotate(
            entry_date=F(date_field),
            entry_precision=F(precision_field),
            entry_kind=Value(kind, output_field=CharField()),
            entry_id=F("pk"),
        )
        .values("entry_date", "entry_precision", "entry_kind", "entry_id")
        .order_by()
    )


def timeline_rows(
    *,
    year: int | None = None,
    topic: str | None = None,
    newest_first=False,
    until: datetime.date | None = None,
):
    """The union of every dated event (up to `until`, the page's as_of, when
    given), as narrow rows, sorted."""
    sources = [
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
    parts = []
    for queryset, kind, date_field, precision_field, topics_path in sources:
        if year:
            queryset = queryset.filter(**{f"{date_field}__year": year})
        if topic:
            queryset = queryset.filter(**{f"{topics_path}__slug": topic})
        if until:
            queryset = queryset.filter(**{f"{date_field}__lte": until})
        parts.append(_rows(queryset, kind, date_field, precision_field))
    first, *rest = parts
    direction = "-" if newest_first else ""
    return first.union(*rest, all=True).order_by(f"{direction}entry_date", "entry_kind", "entry_id")


@dataclass
class TimelineEntry:
    date: datetime.date
    precision: str
    kind: str
    record: object

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
