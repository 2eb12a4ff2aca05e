"""The site-wide pages' charts, built from the same QuerySets as the pages
that show them and drawn by core.charts: the dashboard's agreements and
commitments by status, the timeline's year by month and kind. (A figure's values
over time: agreements/charts.py.)"""

from django.urls import reverse
from django.utils.dates import MONTHS, MONTHS_3
from django.utils.translation import gettext as _

from agreements.models import CommitmentStatus
from core.charts import Bar, Segment, StackedBar, bar_chart, spoken, stacked_column_chart
from portal.timeline import KIND_LABELS, month_anchor


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


def commitments_by_status(counts: dict[str, int], as_of) -> str:
    """`counts`: {status: commitments} as of the page's date."""
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


def timeline_chart(year: int, counts: dict, page_url, per_page: int) -> str:
    """One year's events by month, each month's column split by kind of event
    and linking to the page of the list where that month begins. `counts`:
    portal.timeline.counts_by_month; `page_url(page)`: that page's address."""
    months = [(None, _("Year only"), _("Year")), *((m, MONTHS[m], _short(m)) for m in MONTHS)]
    kinds = [kind for kind in KIND_LABELS if any(k == kind for (_m, k) in counts)]
    bars, before = [], 0
    for month, label, short in months:
        segments = tuple(
            Segment(str(KIND_LABELS[kind]), counts.get((month, kind), 0), f"kind-{kind}")
            for kind in kinds
        )
        total = sum(segment.value for segment in segments)
        if month is None and not total:
            continue  # no event known only to the year: no row for them
        page = before // per_page + 1
        href = f"{page_url(page)}#{month_anchor(month)}" if total else ""
        bars.append(StackedBar(str(label), segments, href, str(short)))
        before += total
    if not before:
        return ""
    by_kind = "; ".join(
        f"{KIND_LABELS[kind]} {sum(v for (_m, k), v in counts.items() if k == kind)}"
        for kind in kinds
    )
    by_month = "; ".join(f"{bar.label} {bar.total}" for bar in bars if bar.total)
    summary = _("%(count)s events in %(year)s: %(kinds)s. By month: %(months)s.") % {
        "count": before,
        "year": year,
        "kinds": by_kind,
        "months": by_month,
    }
    legend = [Segment(str(KIND_LABELS[kind]), 0, f"kind-{kind}") for kind in kinds]
    caption = _("Events in %(year)s by month") % {"year": year}
    return stacked_column_chart("chart-timeline", caption, summary, bars, legend)


def _short(month: int) -> str:
    """A month's name in three letters, as a column's label: "Jan", «Янв», «Қаң»."""
    return str(MONTHS_3[month]).capitalize()
