"""Small charts drawn on the server as inline SVG: no JavaScript, no external
service, printable, and readable without sight (each has a caption, and a
<desc> that says in words what it shows).

The views build the charts' data from the same QuerySets their pages list
(portal/views.py, agreements/views.py); this module only draws. Sizes are in
the viewBox's units; the stylesheet scales a chart to its column."""

import datetime
from dataclasses import dataclass

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from core.dates import DatePrecision, period_end

WIDTH = 480
ROW = 30
LABEL_WIDTH = 170


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    href: str = ""
    css: str = ""
    shown: str = ""  # the value as worded, when not the number itself

    @property
    def text(self) -> str:
        return self.shown or _number(self.value)


def spoken(bars: list[Bar]) -> str:
    """The bars in words, for the chart's text alternative: "signed 3; ..."."""
    return "; ".join(f"{bar.label} {bar.text}" for bar in bars)


def _number(value: float) -> str:
    return f"{value:g}" if value != int(value) else f"{int(value)}"


def _figure(chart_id: str, caption: str, summary: str, svg: SafeString) -> SafeString:
    return format_html(
        '<figure class="chart" id="{}"><figcaption id="{}-caption">{}</figcaption>{}'
        '<p class="visually-hidden" id="{}-desc">{}</p></figure>',
        chart_id,
        chart_id,
        caption,
        svg,
        chart_id,
        summary,
    )


def bar_chart(
    chart_id: str, caption: str, summary: str, bars: list[Bar], *, stacked: bool = False
) -> SafeString:
    """Horizontal bars, the longest the full width, each a link when it has
    one. `stacked`: each label on its own line above its bar, for labels
    too long to sit beside it."""
    top = max((bar.value for bar in bars), default=0) or 1
    left = 0 if stacked else LABEL_WIDTH
    row = ROW + 16 if stacked else ROW
    # Room after the longest bar for the longest value: "более 18 млрд
    # долларов США" is longer than "$18bn" (about 10 px a character).
    longest = max((len(bar.text) for bar in bars), default=0)
    span = WIDTH - left - max(160 if stacked else 60, 10 * longest + 12)
    rows = []
    for index, bar in enumerate(bars):
        y = index * row + (20 if stacked else 4)
        length = round(span * bar.value / top, 1)
        label_x, label_y = (0, y - 5) if stacked else (LABEL_WIDTH - 8, y + 16)
        body = format_html(
            '<title>{}: {}</title><text x="{}" y="{}" class="chart-label{}">{}</text>'
            '<rect x="{}" y="{}" width="{}" height="{}" class="chart-bar {}"></rect>'
            '<text x="{}" y="{}" class="chart-value">{}</text>',
            bar.label,
            bar.text,
            label_x,
            label_y,
            " chart-label-above" if stacked else "",
            bar.label,
            left,
            y,
            length,
            ROW - 10,
            bar.css,
            left + length + 6,
            y + 16,
            bar.text,
        )
        if bar.href:
            body = format_html('<a href="{}">{}</a>', bar.href, body)
        rows.append(format_html('<g class="chart-row" data-label="{}">{}</g>', bar.label, body))
    svg = _bar_svg(chart_id, max(1, len(bars)) * row + (20 if stacked else 4), rows)
    return _figure(chart_id, caption, summary, svg)


def _bar_svg(chart_id: str, height: float, rows: list[SafeString]) -> SafeString:
    """The chart's SVG, `rows` (each built by format_html) inside."""
    return format_html(
        '<svg class="bar-chart" viewBox="0 0 {} {}" width="{}" height="{}" '
        'aria-labelledby="{}-caption" aria-describedby="{}-desc">{}</svg>',
        WIDTH,
        height,
        WIDTH,
        height,
        chart_id,
        chart_id,
        mark_safe("".join(rows)),  # noqa: S308 - each row built by format_html
    )


@dataclass(frozen=True)
class Segment:
    label: str
    value: int
    css: str = ""


@dataclass(frozen=True)
class StackedBar:
    """A column made of counted parts stacked (events of each kind in a
    month), its total written above it and its short label below."""

    label: str
    segments: tuple[Segment, ...]
    href: str = ""
    short: str = ""  # the label under the column, when the full one is too long

    @property
    def total(self) -> int:
        return sum(segment.value for segment in self.segments)


COLUMN_AREA = 100


def stacked_column_chart(
    chart_id: str, caption: str, summary: str, bars: list[StackedBar], legend: list[Segment]
) -> SafeString:
    """Columns of counts side by side, each split into its parts and a link
    when it has one: short enough that what follows the chart (a list)
    still starts on a phone's first screen. `legend` names each part's
    colour (its label and css)."""
    top = max((bar.total for bar in bars), default=0) or 1
    slot = (WIDTH - 8) / max(1, len(bars))
    base = 22 + COLUMN_AREA  # below the totals written above the columns
    columns = [
        _column(bar, round(4 + index * slot, 1), slot, top, base) for index, bar in enumerate(bars)
    ]
    svg = _bar_svg(chart_id, base + 24, columns)
    key = format_html_join(
        "",
        '<li><span class="chart-key {}" aria-hidden="true"></span>{}</li>',
        ((segment.css, segment.label) for segment in legend),
    )
    return _figure(
        chart_id, caption, summary, format_html('{}<ul class="chart-legend">{}</ul>', svg, key)
    )


def _column(bar: StackedBar, left: float, slot: float, top: int, base: int) -> SafeString:
    """One column in its slot: its parts stacked up from `base`, in
    proportion to `top`, its total above and its label below."""
    width = round(slot * 0.7, 1)
    x = round(left + (slot - width) / 2, 1)
    middle = round(x + width / 2, 1)
    y = float(base)
    parts = []
    for segment in bar.segments:
        if not segment.value:
            continue
        height = round(COLUMN_AREA * segment.value / top, 1)
        y = round(y - height, 1)
        parts.append(
            format_html(
                '<rect x="{}" y="{}" width="{}" height="{}" class="chart-bar {}">'
                "<title>{}: {}</title></rect>",
                x,
                y,
                width,
                height,
                segment.css,
                segment.label,
                segment.value,
            )
        )
    body = format_html(
        '<title>{}: {}</title>{}<text x="{}" y="{}" class="chart-value chart-centred">{}</text>'
        '<text x="{}" y="{}" class="chart-tick">{}</text>',
        bar.label,
        bar.total,
        mark_safe("".join(parts)),  # noqa: S308 - each part built by format_html
        middle,
        y - 5,
        bar.total,
        middle,
        base + 18,
        bar.short or bar.label,
    )
    if bar.href:
        body = format_html('<a href="{}">{}</a>', bar.href, body)
    return format_html('<g class="chart-row" data-label="{}">{}</g>', bar.label, body)


@dataclass(frozen=True)
class Point:
    lane: str
    date: datetime.date
    label: str
    # A month or a year known only to that precision: drawn as a span.
    until: datetime.date | None = None
    css: str = ""
    # A step expected but not taken: drawn hollow, just after the marker line.
    expected: bool = False


def span_end(day: datetime.date, precision: str) -> datetime.date | None:
    """A Point's `until`: the last day of the month or year a partial date
    stands for; None for a known day, which is a point."""
    return None if precision == DatePrecision.DAY else period_end(day, precision)


@dataclass(frozen=True)
class _Axis:
    """Whole years from the first event's to the last's, across the chart."""

    start: datetime.date
    end: datetime.date

    @classmethod
    def around(cls, points: list[Point], marker: datetime.date | None = None) -> "_Axis":
        days = [point.date for point in points] + ([marker] if marker else [])
        first = min(days)
        last = max([(point.until or point.date) for point in points] + days)
        return cls(datetime.date(first.year, 1, 1), datetime.date(last.year + 1, 1, 1))

    def x(self, day: datetime.date) -> float:
        span = WIDTH - LABEL_WIDTH - 20
        total = (self.end - self.start).days or 1
        return round(LABEL_WIDTH + span * (day - self.start).days / total, 1)


def _lane_y(index: int) -> int:
    return index * ROW + ROW // 2 + 4


def _mark(point: Point, axis: _Axis, y: int) -> SafeString:
    if point.expected:
        # Its date is unknown: after the marker line, never past the lane's end.
        shape = format_html(
            '<circle cx="{}" cy="{}" r="5" class="chart-point chart-expected {}"></circle>',
            min(axis.x(point.date) + 10, WIDTH - 25),
            y,
            point.css,
        )
    elif point.until:
        shape = format_html(
            '<rect x="{}" y="{}" width="{}" height="10" rx="5" class="chart-span {}"></rect>',
            axis.x(point.date),
            y - 5,
            max(3.0, round(axis.x(point.until) - axis.x(point.date), 1)),
            point.css,
        )
    else:
        shape = format_html(
            '<circle cx="{}" cy="{}" r="5" class="chart-point {}"></circle>',
            axis.x(point.date),
            y,
            point.css,
        )
    return format_html("<g><title>{}</title>{}</g>", point.label, shape)


def _lanes(lanes: list[str]) -> SafeString:
    return format_html_join(
        "",
        '<text x="{}" y="{}" class="chart-label">{}</text>'
        '<line x1="{}" x2="{}" y1="{}" y2="{}" class="chart-lane"></line>',
        (
            (LABEL_WIDTH - 8, _lane_y(i) + 4, lane, LABEL_WIDTH, WIDTH - 20, _lane_y(i), _lane_y(i))
            for i, lane in enumerate(lanes)
        ),
    )


def _marker_line(axis: _Axis, day: datetime.date, label: str, bottom: int) -> SafeString:
    return format_html(
        '<g class="chart-marker"><title>{}</title>'
        '<line x1="{}" x2="{}" y1="0" y2="{}" class="chart-marker-line"></line></g>',
        label,
        axis.x(day),
        axis.x(day),
        bottom,
    )


def time_chart(
    chart_id: str,
    caption: str,
    summary: str,
    lanes: list[str],
    points: list[Point],
    *,
    marker: tuple[datetime.date, str] | None = None,
) -> SafeString:
    """Events on one time axis, a lane for each; a date known only to the
    month or the year is a span over that month or year. `marker`: a day to
    draw as a vertical line across the lanes (today, or the date the page is
    as of), with its label."""
    if not points:
        return SafeString("")
    axis = _Axis.around(points, marker[0] if marker else None)
    marks = [_mark(point, axis, _lane_y(lanes.index(point.lane))) for point in points]
    axis_y = len(lanes) * ROW + 8
    if marker:
        marks.append(_marker_line(axis, marker[0], marker[1], axis_y))
    years = format_html_join(
        "",
        '<text x="{}" y="{}" class="chart-year">{}</text>',
        ((axis.x(datetime.date(year, 1, 1)), axis_y + 12, year) for year in _years(axis)),
    )
    height = axis_y + 20
    svg = format_html(
        '<svg class="time-chart" viewBox="0 0 {} {}" width="{}" height="{}" role="img" '
        'aria-labelledby="{}-caption" aria-describedby="{}-desc">{}{}{}</svg>',
        WIDTH,
        height,
        WIDTH,
        height,
        chart_id,
        chart_id,
        _lanes(lanes),
        mark_safe("".join(marks)),  # noqa: S308 - each mark built by format_html
        years,
    )
    return _figure(chart_id, caption, summary, svg)


def _years(axis: _Axis) -> list[int]:
    """The years to label on the axis: every one, or every few when many."""
    years = list(range(axis.start.year, axis.end.year))
    step = max(1, len(years) // 8)
    return years[::step]
