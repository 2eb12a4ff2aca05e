"""The charts on the pages show the pages' own data: the dashboard's counts
by status, a figure's values beside each other, the timeline's events as
filtered."""

import re

import pytest

pytestmark = pytest.mark.django_db


def _chart(html: str, chart_id: str) -> str:
    match = re.search(rf'<figure class="chart" id="{chart_id}">.*?</figure>', html, re.S)
    assert match, f"no {chart_id}"
    return match.group(0)


def _bars(chart: str) -> dict[str, tuple[float, str]]:
    """label: (width, value shown)"""
    return {
        label: (float(width), value)
        for label, width, value in re.findall(
            r'data-label="([^"]+)">.*?width="([\d.]+)".*?class="chart-value">([^<]+)<', chart
        )
    }


def test_the_dashboard_draws_agreements_and_commitments_by_status(client, seeded):
    from agreements.models import Agreement, Commitment

    html = client.get("/").content.decode()
    agreements = _chart(html, "chart-agreements")
    bars = _bars(agreements)
    signed = Agreement.objects.published().filter(status="signed").count()
    pending = Agreement.objects.published().filter(status="ratification_pending").count()
    assert bars["signed"][1] == str(signed)
    assert bars["ratification pending"][1] == str(pending)
    assert abs(bars["signed"][0] / bars["ratification pending"][0] - signed / pending) < 0.01
    assert '<a href="/agreements/?status=signed">' in agreements
    assert f"signed {signed}; ratification pending {pending}" in agreements

    commitments = _bars(_chart(html, "chart-commitments"))
    for status, label in (("announced", "announced"), ("fulfilled", "fulfilled")):
        count = Commitment.objects.published().filter(status=status).count()
        assert commitments[label][1] == str(count)


def test_the_dashboard_charts_follow_as_of(client, seeded):
    html = client.get("/", {"as_of": "2023-12-31"}).content.decode()
    chart = _chart(html, "chart-agreements")
    assert "ratification pending" not in _bars(chart)
    assert 'href="/agreements/?status=signed&amp;as_of=2023-12-31"' in chart


def test_a_figure_page_draws_every_value_of_its_measure(client, seeded):
    html = client.get("/figures/british-companies-in-kazakhstan-580/").content.decode()
    chart = _chart(html, "chart-figure")
    values = sorted(value for _, value in _bars(chart).values())
    # Each value as exact as its source: the 550 is "around 550".
    assert values == ["580 companies", "about 550 companies"]
    # The page's own figure is marked; the other links to its page.
    assert 'class="chart-bar chart-current"' in chart
    assert '<a href="/figures/british-companies-in-kazakhstan-550/">' in chart


def _month_bars(chart: str) -> dict[str, tuple[int, str]]:
    """month label: (total shown, link)"""
    return {
        label: (int(total), href)
        for label, href, total in re.findall(
            r'data-label="([^"]+)">(?:<a href="([^"]*)">)?.*?class="chart-value[^"]*">(\d+)<', chart
        )
    }


def _months(rows) -> list[str]:
    return [
        "Year only" if row["entry_precision"] == "year" else row["entry_date"].strftime("%B")
        for row in rows
    ]


def test_the_timeline_draws_its_year_by_month_and_kind(client, seeded):
    from collections import Counter

    from portal.timeline import timeline_rows

    html = client.get("/timeline/", {"year": "2024"}).content.decode()
    chart = _chart(html, "chart-timeline")
    rows = list(timeline_rows(year=2024))
    by_month = Counter(_months(rows))
    bars = _month_bars(chart)
    assert {label: total for label, (total, _href) in bars.items() if total} == by_month
    assert f"{len(rows)} events in 2024" in chart
    # Each part of a bar is the month's events of one kind, named in the legend.
    parts = {(month, row["entry_kind"]) for row, month in zip(rows, _months(rows), strict=True)}
    assert chart.count('class="chart-bar kind-') == len(parts)
    for kind in {kind for _month, kind in parts}:
        assert f'class="chart-key kind-{kind}"' in chart
    in_2023 = _chart(client.get("/timeline/", {"year": "2023"}).content.decode(), "chart-timeline")
    assert "events in 2023" in in_2023 and "events in 2024" not in in_2023


def test_a_month_s_bar_leads_to_the_page_where_that_month_begins(client, db):
    import datetime

    from tests.support import factories

    # 130 meetings in March and 20 in May: May begins on the second page.
    for day in range(130):
        factories.meeting(start_on=datetime.date(2023, 3, 1 + day % 28))
    for day in range(20):
        factories.meeting(start_on=datetime.date(2023, 5, 1 + day))
    bars = _month_bars(_chart(client.get("/timeline/").content.decode(), "chart-timeline"))
    assert bars["March"] == (130, "/timeline/?year=2023#month-3")
    assert bars["May"] == (20, "/timeline/?year=2023&amp;page=2#month-5")
    assert bars["April"] == (0, "")
    second = client.get("/timeline/", {"year": "2023", "page": "2"}).content.decode()
    assert '<li id="month-5">' in second
    assert "150 results" in second and "page 2 of 2" in second


def test_a_signing_and_its_signed_step_on_the_same_day_appear_once(client, seeded):
    html = client.get("/timeline/").content.decode()
    entries = re.findall(r"<li>\s*<strong>([^<]+)</strong>.*?</li>", html, re.S)
    items = re.findall(r"<li>\s*<strong>[^<]+</strong>.*?</li>", html, re.S)
    mou = [item for item in items if "/agreements/mou-seasonal-workers-2025/" in item]
    assert len(mou) == 1 and "11 February 2025" in mou[0] and "Signed" in mou[0]
    assert entries
