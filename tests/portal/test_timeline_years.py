"""The timeline shows one year at a time: the reader lands on the latest year
with events up to today (or the page's as_of), and steps to the nearest
years that have any; its work is one year's, however long the history."""

import datetime

import pytest

from tests.support import factories

pytestmark = pytest.mark.django_db


def _meetings(*days: str) -> None:
    for day in days:
        factories.meeting(start_on=datetime.date.fromisoformat(day))


def _page(client, **query) -> str:
    response = client.get("/timeline/", query)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.time_machine(datetime.datetime(2024, 6, 1, 12, tzinfo=datetime.UTC))
def test_a_reader_lands_on_the_latest_year_up_to_today_and_steps_between_years(client):
    _meetings("2019-05-02", "2022-03-04", "2024-02-10", "2027-09-01")
    page = _page(client)
    assert "<h1>Timeline: 2024</h1>" in page
    assert "10 February 2024" in page
    assert "4 March 2022" not in page and "1 September 2027" not in page
    # The nearest years with events, not the next calendar years.
    assert '<a href="/timeline/?year=2022">← Earlier: 2022</a>' in page
    assert '<a href="/timeline/?year=2027">Later: 2027 →</a>' in page
    earlier = _page(client, year="2022")
    assert "4 March 2022" in earlier and "10 February 2024" not in earlier
    assert "?year=2019" in earlier and "?year=2024" in earlier


def test_as_of_ends_the_timeline_and_picks_its_year(client):
    _meetings("2021-05-02", "2023-03-04", "2023-11-20")
    page = _page(client, as_of="2023-06-30")
    assert "<h1>Timeline: 2023</h1>" in page
    assert "4 March 2023" in page and "20 November 2023" not in page
    assert "Later:" not in page  # nothing after the as_of date
    assert "as_of=2023-06-30" in page.split('class="year-steps"')[1].split("</nav>")[0]


@pytest.mark.time_machine(datetime.datetime(2020, 1, 15, 12, tzinfo=datetime.UTC))
def test_with_only_events_to_come_the_reader_lands_on_the_first_of_them(client):
    _meetings("2022-03-04", "2025-01-01")
    page = _page(client)
    assert "<h1>Timeline: 2022</h1>" in page and "Earlier:" not in page


def test_a_year_without_events_says_so_and_offers_the_nearest(client):
    _meetings("2015-05-02", "2018-03-04")
    page = _page(client, year="2016")
    assert "No dated events match these filters." in page
    assert "?year=2015" in page and "?year=2018" in page


def test_no_events_at_all(client):
    page = _page(client)
    assert "No dated events match these filters." in page
    assert 'class="year-steps"' not in page and "chart-timeline" not in page


def test_a_page_of_a_year_costs_the_same_queries_however_many_years(
    client, django_assert_max_num_queries
):
    for year in range(2000, 2024):
        _meetings(f"{year}-03-04", f"{year}-07-09")
    client.get("/timeline/", {"year": "2010"})  # warm the per-process caches
    with django_assert_max_num_queries(8):
        page = _page(client, year="2010")
    assert page.count("<li") - page.count('<li><span class="chart-key') >= 2
