"""A figure's chart: every value of its measure, drawn by core.charts from
the figures its page lists."""

import datetime

from django.utils.text import Truncator
from django.utils.translation import gettext as _

from core.charts import Bar, bar_chart, spoken
from core.l10n import format_amount


def figure_values(figure, same_metric: list) -> str:
    """Every value of the figure's measure, oldest first; values of the same
    date from different sources one under another, the page's own marked."""
    ordered = sorted(same_metric, key=lambda other: (other.as_of or datetime.date.min, other.slug))
    bars = [
        Bar(
            Truncator(f"{other.as_of_display or '—'} · {_source_of(other)}").chars(44),
            float(other.value),
            "" if other.pk == figure.pk else other.get_absolute_url(),
            "chart-current" if other.pk == figure.pk else "",
            format_amount(other.value, other.unit, other.approximation),
        )
        for other in ordered
    ]
    summary = _("%(name)s over time: %(list)s.") % {
        "name": figure.name,
        "list": spoken(bars) or _("none"),
    }
    return bar_chart("chart-figure", _("Every value of this measure"), summary, bars, stacked=True)


def _source_of(figure) -> str:
    citations = [citation for citation in figure.citations.all() if citation.source_id]
    if not citations:
        return figure.name
    source = citations[0].source
    return source.publisher or source.title
