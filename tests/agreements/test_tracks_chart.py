"""The agreement page's tracks as a picture (issue #15): each party's steps
on its own lane at their dates and precision, inferred dates and
confirmations drawn apart, a line at today or the page's date, and each
party's next expected step after it, all said in words too."""

import datetime
import re
import xml.etree.ElementTree as ET

import pytest

from core.charts import LABEL_WIDTH, WIDTH, Point, time_chart

pytestmark = [pytest.mark.django_db]
SVG = "{http://www.w3.org/2000/svg}"


def _chart(client, url: str) -> tuple[ET.Element, str]:
    html = client.get(url).content.decode()
    match = re.search(r'<figure class="chart" id="chart-tracks">.*?</figure>', html, re.S)
    assert match, "no tracks chart on the page"
    figure = match.group(0)
    svg = re.search(r"<svg .*?</svg>", figure, re.S).group(0)
    # Parsed as XML: a chart that is not well-formed fails here.
    root = ET.fromstring(svg.replace("<svg ", f'<svg xmlns="{SVG[1:-1]}" ', 1))
    summary = re.search(r'id="chart-tracks-desc">(.*?)</p>', figure, re.S).group(1)
    return root, summary


def _lane_ys(root: ET.Element) -> dict[str, float]:
    labels = [text for text in root.iter(f"{SVG}text") if text.get("class") == "chart-label"]
    lines = [line for line in root.iter(f"{SVG}line") if line.get("class") == "chart-lane"]
    return {text.text: float(line.get("y1")) for text, line in zip(labels, lines, strict=True)}


def _centre_y(shape: ET.Element) -> float:
    if shape.tag == f"{SVG}rect":
        return float(shape.get("y")) + float(shape.get("height")) / 2
    return float(shape.get("cy", "nan"))


def _marks(root: ET.Element) -> dict[str, ET.Element]:
    """Each mark's shape by "lane: title" (the lane whose line it sits on),
    or by its title alone when it sits on no lane (the date line)."""
    lanes = {y: name for name, y in _lane_ys(root).items()}
    marks = {}
    for group in root.iter(f"{SVG}g"):
        title = group.find(f"{SVG}title")
        shapes = [child for child in group if child.tag != f"{SVG}title"]
        if title is not None and shapes:
            lane = lanes.get(_centre_y(shapes[0]))
            marks[f"{lane}: {title.text}" if lane else title.text] = shapes[0]
    return marks


def _x(day: datetime.date, first_year: int, last_year: int) -> float:
    start, end = datetime.date(first_year, 1, 1), datetime.date(last_year + 1, 1, 1)
    return LABEL_WIDTH + (WIDTH - LABEL_WIDTH - 20) * (day - start).days / (end - start).days


def test_each_party_has_its_lane_with_its_steps_where_their_dates_are(seeded, client):
    root, _ = _chart(client, "/agreements/spca/?as_of=2025-06-01")
    lanes = _lane_ys(root)
    assert set(lanes) == {"Kazakhstan", "United Kingdom"}
    marks = _marks(root)
    # The UK's review began in July 2024, a month known from context: a span
    # over July on the UK's lane only, drawn as inferred.
    pending = marks["United Kingdom: July 2024 (inferred): ratification pending"]
    assert pending.tag == f"{SVG}rect"
    assert "chart-inferred" in pending.get("class")
    assert float(pending.get("y")) + 5 == lanes["United Kingdom"]
    axis = (2023, 2025)  # the seed's first step is in 2023; the page's date in 2025
    assert abs(float(pending.get("x")) - _x(datetime.date(2024, 7, 1), *axis)) < 0.2
    month_wide = _x(datetime.date(2024, 7, 31), *axis) - _x(datetime.date(2024, 7, 1), *axis)
    assert abs(float(pending.get("width")) - month_wide) < 0.2
    assert not any(title.startswith("Kazakhstan: July 2024") for title in marks)
    # The signing was both sides' step: on both lanes.
    signed = [title for title in marks if title.endswith(": signed")]
    assert {title.split(":")[0] for title in signed} == {"Kazakhstan", "United Kingdom"}
    # The Strategic Dialogue only confirmed the status: a ring, not a change.
    confirmations = [m for t, m in marks.items() if "confirmed still" in t]
    assert confirmations and all("chart-confirmation" in m.get("class") for m in confirmations)


def test_the_next_expected_steps_come_after_the_pages_date(seeded, client):
    root, summary = _chart(client, "/agreements/spca/?as_of=2025-06-01")
    marks = _marks(root)
    line = marks["The page's date: 1 June 2025"]
    assert abs(float(line.get("x1")) - _x(datetime.date(2025, 6, 1), 2023, 2025)) < 0.2
    expected = {
        "United Kingdom: Next expected step: laid before Parliament": "United Kingdom",
        "Kazakhstan: Next expected step: ratification law passed by the Mazhilis": "Kazakhstan",
    }
    lanes = _lane_ys(root)
    for title, lane in expected.items():
        mark = marks[title]
        assert "chart-expected" in mark.get("class")
        assert float(mark.get("cx")) > float(line.get("x1"))
        assert float(mark.get("cy")) == lanes[lane]
    assert "<bdi>United Kingdom</bdi>: ratification pending since July 2024 (inferred)" in summary
    assert "next expected step: laid before Parliament" in summary


def test_before_the_signing_the_chart_shows_only_what_had_happened(seeded, client):
    root, summary = _chart(client, "/agreements/spca/?as_of=2024-03-01")
    titles = set(_marks(root))
    steps = {title for title in titles if "Next expected" not in title and ": 20" in title}
    assert steps == {
        "Kazakhstan: 2023 (inferred): negotiating",
        "United Kingdom: 2023 (inferred): negotiating",
    }
    assert "United Kingdom: Next expected step: signed" in titles
    assert "The page's date: 1 March 2024" in titles
    assert "since April 2024" not in summary


@pytest.mark.dates
@pytest.mark.time_machine(datetime.datetime(2026, 6, 15, 12, tzinfo=datetime.UTC))
def test_without_a_date_the_line_is_today(seeded, client):
    root, _ = _chart(client, "/agreements/spca/")
    line = _marks(root)["Today: 15 June 2026"]
    assert abs(float(line.get("x1")) - _x(datetime.date(2026, 6, 15), 2023, 2026)) < 0.2


def test_an_expected_step_stays_inside_its_lane_however_late_the_line():
    points = [
        Point("UK", datetime.date(2024, 4, 24), "signed"),
        Point("UK", datetime.date(2099, 12, 31), "next", expected=True),
    ]
    svg = time_chart(
        "t", "Tracks", "x", ["UK"], points, marker=(datetime.date(2099, 12, 31), "today")
    )
    cx = float(re.search(r'<circle cx="([\d.]+)"[^>]*chart-expected', svg)[1])
    assert cx <= WIDTH - 20
    # The axis reaches the marker's year: its line is near the axis' end.
    line = float(re.search(r'<line x1="([\d.]+)"[^>]*chart-marker-line', svg)[1])
    assert abs(line - _x(datetime.date(2099, 12, 31), 2024, 2099)) < 0.2
