"""The charts of this app's pages, drawn by core.charts from what the pages
list: an agreement's tracks, one lane per party; a figure's values of its
measure over time."""

import datetime

from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from core.charts import Bar, Point, bar_chart, span_end, spoken, time_chart
from core.content_lang import marked_text, source_title_text
from core.dates import format_partial_date, marked_inferred
from core.l10n import format_date


def tracks_chart(agreement, tracks: list, as_of: datetime.date | None) -> str:
    """Each party's steps on its own lane, dated at their precision (a month
    a span), inferred dates and confirmations drawn apart, a line at today
    (or the page's date) and, after it, the step each party is expected to
    take next. Steps recorded for both sides are on every lane."""
    lanes = [marked_text(track.party, "name") for track in tracks]
    marker_day = as_of or timezone.localdate()
    points = []
    for lane, track in zip(lanes, tracks, strict=True):
        points += [_step_point(agreement, lane, event) for event in track.events]
        if track.next_step and track.events:
            points.append(
                Point(
                    lane,
                    marker_day,
                    _("Next expected step: %(step)s") % {"step": track.next_step_label},
                    expected=True,
                )
            )
    if as_of:
        marker_label = _("The page's date: %(date)s") % {"date": format_partial_date(as_of, "day")}
    else:
        marker_label = _("Today: %(date)s") % {"date": format_partial_date(marker_day, "day")}
    return time_chart(
        "chart-tracks",
        _("Each party's steps over time"),
        format_html_join(
            " ",
            "{}",
            (
                (_track_in_words(agreement, lane, track),)
                for lane, track in zip(lanes, tracks, strict=True)
            ),
        ),
        lanes,
        points,
        marker=(marker_day, marker_label),
    )


def _step_point(agreement, lane: str, event) -> Point:
    # The lane names the party: a name (an editor's text, which may hold
    # bidi controls) never shares a text node with the chart's own words.
    what = event.get_step_display() if event.step else agreement.status_label(event.status)
    when = event.display_date_marked("date")
    if event.is_confirmation:
        what = _("confirmed still %(status)s") % {"status": what}
    css = " ".join(
        name
        for name, applies in (
            ("chart-inferred", event.date_inferred),
            ("chart-confirmation", event.is_confirmation),
        )
        if applies
    )
    return Point(
        lane,
        event.date,
        f"{when}: {what}",
        span_end(event.date, event.date_precision),
        css,
    )


def _track_in_words(agreement, lane: str, track) -> SafeString:
    """One party's track in a sentence, its name isolated in a <bdi>."""
    party = format_html("<bdi>{}</bdi>", lane)
    if not track.events:
        return format_html(_("{party}: no step recorded."), party=party)
    where = track.step_label or agreement.status_label(track.standing.status)
    words = str(where)
    if track.standing.since:
        since = format_date(track.standing.since, track.standing.since_precision, "since")
        since = marked_inferred(since, track.since_inferred)
        words += " " + _("since %(date)s") % {"date": since}
    if track.next_step:
        words += "; " + _("next expected step: %(step)s") % {"step": track.next_step_label}
    return format_html(_("{party}: {words}."), party=party, words=words)


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
            other.amount_display(),
        )
        for other in ordered
    ]
    summary = _("%(name)s over time: %(list)s.") % {
        "name": marked_text(figure, "name"),
        "list": spoken(bars) or _("none"),
    }
    return bar_chart("chart-figure", _("Every value of this measure"), summary, bars, stacked=True)


def _source_of(figure) -> str:
    citations = [citation for citation in figure.citations.all() if citation.source_id]
    if not citations:
        return marked_text(figure, "name")
    source = citations[0].source
    # The publisher in the reader's language; a title as written (evidence).
    return marked_text(source, "publisher") if source.publisher else source_title_text(source)
