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


def test_the_timeline_draws_its_events_by_kind_with_the_filters(client, seeded):
    from portal.timeline import timeline_rows

    html = client.get("/timeline/").content.decode()
    chart = _chart(html, "chart-timeline")
    total = timeline_rows().count()
    assert chart.count("<circle") + chart.count('class="chart-span') == total
    assert f"{total} events from" in chart
    for lane in ("Signed", "Status step", "Meeting"):
        assert f'class="chart-label">{lane}</text>' in chart
    filtered = _chart(client.get("/timeline/", {"year": "2024"}).content.decode(), "chart-timeline")
    in_2024 = timeline_rows(year=2024).count()
    assert filtered.count("<circle") + filtered.count('class="chart-span') == in_2024 < total
    assert ">2024</text>" in filtered and ">2023</text>" not in filtered


def test_a_signing_and_its_signed_step_on_the_same_day_appear_once(client, seeded):
    html = client.get("/timeline/").content.decode()
    entries = re.findall(r"<li>\s*<strong>([^<]+)</strong>.*?</li>", html, re.S)
    items = re.findall(r"<li>\s*<strong>[^<]+</strong>.*?</li>", html, re.S)
    mou = [item for item in items if "/agreements/mou-seasonal-workers-2025/" in item]
    assert len(mou) == 1 and "11 February 2025" in mou[0] and "Signed" in mou[0]
    assert entries
