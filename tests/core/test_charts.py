"""The SVG charts draw what they are given: a bar's length in proportion,
its label and value, links, a month as a span, and text that cannot break
out of the SVG."""

import datetime
import re

from core.charts import Bar, Point, bar_chart, time_chart


def _rects(svg: str) -> dict[str, float]:
    """Each bar's label and width."""
    return {
        label: float(width)
        for label, width in re.findall(
            r'<g class="chart-row" data-label="([^"]+)">.*?<rect x="[\d.]+" y="[\d.]+" '
            r'width="([\d.]+)"',
            svg,
        )
    }


def test_bars_are_in_proportion_labelled_and_linked():
    svg = bar_chart(
        "c",
        "Agreements by status",
        "Agreements by status: signed 3; pending 1.",
        [Bar("signed", 3, "/agreements/?status=signed", "status-signed"), Bar("pending", 1)],
    )
    widths = _rects(svg)
    assert abs(widths["signed"] - 3 * widths["pending"]) < 0.5
    assert '<a href="/agreements/?status=signed">' in svg
    assert "<title>signed: 3</title>" in svg
    assert '<figcaption id="c-caption">Agreements by status</figcaption>' in svg
    assert (
        'aria-describedby="c-desc"' in svg and 'id="c-desc">Agreements by status: signed 3' in svg
    )
    # A bar without a link is not one.
    assert svg.count("<a ") == 1


def test_text_is_escaped_inside_the_svg():
    svg = bar_chart("c", "<b>", "x", [Bar('</svg><script>alert(1)</script>"', 1)])
    assert "<script>" not in svg and "</svg><script>" not in svg
    assert "&lt;/svg&gt;" in svg


def test_a_month_is_a_span_and_a_day_a_point_at_its_date():
    points = [
        Point("Meetings", datetime.date(2024, 1, 1), "day"),
        Point("Meetings", datetime.date(2024, 7, 1), "July", until=datetime.date(2024, 7, 31)),
    ]
    svg = time_chart("t", "Events", "Two events.", ["Meetings"], points)
    circle = re.search(r'<circle cx="([\d.]+)"', svg)
    span = re.search(r'<rect x="([\d.]+)" y="[\d.]+" width="([\d.]+)"', svg)
    assert circle and span
    # The axis runs from 1 January 2024 to 1 January 2025: the day at its start,
    # July about half way, a month about a twelfth of the axis wide.
    start, end = 170, 480 - 20
    assert float(circle.group(1)) == start
    assert abs(float(span.group(1)) - (start + (end - start) * 182 / 366)) < 1
    assert abs(float(span.group(2)) - (end - start) * 30 / 366) < 1
    assert '<text x="170.0" y="' in svg and ">2024</text>" in svg
    assert 'role="img"' in svg


def test_no_points_no_chart():
    assert time_chart("t", "Events", "", ["Meetings"], []) == ""


def test_columns_stack_their_parts_in_proportion_on_one_base_line():
    from core.charts import Segment, StackedBar, stacked_column_chart

    svg = stacked_column_chart(
        "t",
        "Events in 2024 by month",
        "6 events in 2024.",
        [
            StackedBar(
                "March",
                (Segment("Signed", 1, "kind-signing"), Segment("Meeting", 3, "kind-meeting")),
                "/timeline/?year=2024#month-3",
                "Mar",
            ),
            StackedBar("April", (Segment("Signed", 2, "kind-signing"),), "", "Apr"),
            StackedBar("May", (Segment("Signed", 0, "kind-signing"),), "", "May"),
        ],
        [Segment("Signed", 0, "kind-signing"), Segment("Meeting", 0, "kind-meeting")],
    )
    rects = [
        (css, float(y), float(height))
        for y, height, css in re.findall(
            r'<rect x="[\d.]+" y="([\d.]+)" width="[\d.]+" height="([\d.]+)" class="chart-bar ([^"]+)"',
            svg,
        )
    ]
    # March: one signing under three meetings; April: two signings. No rect for a zero.
    (signed, s_y, s_h), (meeting, m_y, m_h), (april, a_y, a_h) = rects
    assert (signed, meeting, april) == ("kind-signing", "kind-meeting", "kind-signing")
    assert abs(m_h - 3 * s_h) < 0.5 and abs(a_h - 2 * s_h) < 0.5
    assert abs((m_y + m_h) - s_y) < 0.2  # stacked: the meetings sit on the signing
    assert abs((s_y + s_h) - (a_y + a_h)) < 0.2  # every column on one base line
    assert '<a href="/timeline/?year=2024#month-3">' in svg and svg.count("<a ") == 1
    assert "<title>Meeting: 3</title>" in svg and "<title>March: 4</title>" in svg
    assert ">Mar</text>" in svg and ">4</text>" in svg
    assert 'class="chart-key kind-meeting"' in svg and ">Meeting</li>" in svg
