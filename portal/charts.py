"""The site-wide pages' charts, built from the same QuerySets as the pages
that show them and drawn by core.charts: the dashboard's agreements and
commitments by status, the timeline's events on one axis. (A figure's values
over time: agreements/charts.py.)"""

from django.db.models import Count
from django.urls import reverse
from django.utils.translation import gettext as _

from agreements.models import Commitment, CommitmentStatus
from core.charts import Bar, Point, bar_chart, span_end, spoken, time_chart
from core.dates import format_partial_date
from portal.timeline import KIND_LABELS

# Points drawn on the timeline's chart at most; past that, the first ones.
TIMELINE_POINTS = 2000


def _list_url(name: str, status: str, as_of) -> str:
    url = f"{reverse(name)}?status={status}"
    return url + (f"&as_of={as_of.isoformat()}" if as_of else "")


def agreements_by_status(status_counts, as_of) -> str:
    """`status_counts`: the dashboard's (value, label, total) rows."""
    bars = [
        Bar(
            str(label),
            total,
            _list_url("agreements:agreement-list", value, as_of),
            f"status-{value}",
        )
        for value, label, total in status_counts
    ]
    summary = _("Agreements by status: %(list)s.") % {"list": _spoken(bars)}
    return bar_chart("chart-agreements", _("Agreements by status"), summary, bars)


def commitments_by_status(as_of) -> str:
    commitments = Commitment.objects.published()
    field = "status"
    if as_of:
        commitments, field = commitments.with_status_as_of(as_of), "status_as_of"
    counts = {
        row[field] or "": row["total"]
        for row in commitments.values(field).annotate(total=Count("pk")).order_by()
    }
    bars = [
        Bar(
            str(label),
            counts[value],
            _list_url("agreements:commitment-list", value, as_of),
            f"status-{value}",
        )
        for value, label in CommitmentStatus.choices
        if counts.get(value)
    ]
    summary = _("Commitments by status: %(list)s.") % {"list": _spoken(bars)}
    return bar_chart("chart-commitments", _("Commitments by status"), summary, bars)


def _spoken(bars: list[Bar]) -> str:
    return spoken(bars) or _("none")


def timeline_chart(rows) -> str:
    """The timeline's events, as filtered, on one axis, a lane for each kind."""
    rows = list(rows[:TIMELINE_POINTS])
    lanes = [
        str(label)
        for kind, label in KIND_LABELS.items()
        if any(r["entry_kind"] == kind for r in rows)
    ]
    points = [
        Point(
            str(KIND_LABELS[row["entry_kind"]]),
            row["entry_date"],
            _point_label(row),
            span_end(row["entry_date"], row["entry_precision"]),
            f"kind-{row['entry_kind']}",
        )
        for row in rows
    ]
    counts = "; ".join(f"{lane} {sum(1 for p in points if p.lane == lane)}" for lane in lanes)
    if points:
        first, last = points[0].date, max(p.until or p.date for p in points)
        summary = _("%(count)s events from %(start)s to %(end)s: %(lanes)s.") % {
            "count": len(points),
            "start": first.year,
            "end": last.year,
            "lanes": counts,
        }
    else:
        summary = ""
    return time_chart("chart-timeline", _("The events on one time axis"), summary, lanes, points)


def _point_label(row) -> str:
    when = format_partial_date(row["entry_date"], row["entry_precision"])
    return f"{KIND_LABELS[row['entry_kind']]}: {when}"
