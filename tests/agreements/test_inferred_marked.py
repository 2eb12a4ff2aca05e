"""Every inferred date is marked as such wherever it is shown (docs/STATUS.md,
"Inferred dates"): lists, details, the timeline, CSV and the API. On the seed
data: the SPCA's change to ratification pending (July 2024, inferred) and the
meeting at COP29 (November 2024, inferred)."""

import csv
import datetime
import io

import pytest
from django.template import Context, Template
from django.urls import reverse

from agreements.models import Agreement, StatusEvent
from agreements.status_rules import EventKind
from core.dates import DatePrecision
from tests.support import factories

pytestmark = pytest.mark.django_db

MARK = '<span class="muted inferred">(inferred)</span>'
SPCA_SINCE = f"since July 2024 {MARK}"
COP29 = "tokayev-starmer-cop29-2024"
COP29_DATE = f"November 2024 {MARK}"


def _page(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def _csv(client, url) -> dict[str, dict]:
    response = client.get(url)
    assert response.status_code == 200, url
    rows = csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode()))
    return {row["slug"]: row for row in rows}


def test_the_tag_marks_an_inferred_date_and_only_that():
    template = Template(
        '{% load tracker %}{% dated day "month" True %}|{% dated day "month" False %}|'
        '{% dated None "day" True %}|{% date_of record "start_on" %}'
    )
    record = type(
        "Dated",
        (),
        {"start_on": datetime.date(2024, 11, 1), "start_on_precision": "month"}
        | {"start_on_inferred": True},
    )()
    shown = template.render(Context({"day": datetime.date(2024, 7, 1), "record": record}))
    assert shown == f"July 2024 {MARK}|July 2024|—|November 2024 {MARK}"


def test_the_spca_s_inferred_since_is_marked_on_the_list_the_detail_and_the_dashboard(
    client, seeded
):
    assert SPCA_SINCE in _page(client, reverse("agreements:agreement-list"))
    detail = _page(client, reverse("agreements:agreement-detail", args=("spca",)))
    assert SPCA_SINCE in detail
    # The UK's track, where the change happened, says so too.
    assert f"July 2024 {MARK}</td>" in detail
    assert f"July 2024 {MARK}</td>" in _page(client, "/")


@pytest.mark.dates
def test_the_mark_follows_as_of_on_the_list_and_the_detail(client, seeded):
    on_day = "?as_of=2024-12-01"
    assert SPCA_SINCE in _page(client, reverse("agreements:agreement-list") + on_day)
    assert SPCA_SINCE in _page(
        client, reverse("agreements:agreement-detail", args=("spca",)) + on_day
    )
    # Signed in April 2024 (stated): no mark on the status as it stood in May.
    may = _page(
        client, reverse("agreements:agreement-detail", args=("spca",)) + "?as_of=2024-05-01"
    )
    assert "since April 2024</span>" in may


def test_cop29_s_inferred_month_is_marked_on_the_meeting_list_detail_and_timeline(client, seeded):
    assert COP29_DATE in _page(client, reverse("dialogue:meeting-list"))
    assert "(inferred: " in _page(client, reverse("dialogue:meeting-detail", args=(COP29,)))
    timeline = _page(client, reverse("portal:timeline") + "?year=2024")
    assert f"November 2024</strong> {MARK}" in timeline
    assert f"July 2024</strong> {MARK}" in timeline  # the SPCA's step


def test_the_csv_downloads_carry_the_inferred_columns(client, seeded):
    agreements = _csv(client, reverse("agreements:agreement-list") + "?format=csv")
    spca = agreements["spca"]
    assert (spca["status_since"], spca["status_since_precision"]) == ("2024-07-01", "month")
    assert spca["status_since_inferred"] == "true"
    assert spca["status_confirmed_on_inferred"] == "true"  # 11 February: year from the dateline
    assert spca["signed_on_inferred"] == "false"
    as_of = _csv(client, reverse("agreements:agreement-list") + "?format=csv&as_of=2024-05-01")
    assert (as_of["spca"]["status"], as_of["spca"]["status_since_inferred"]) == ("signed", "false")
    meetings = _csv(client, reverse("dialogue:meeting-list") + "?format=csv")
    assert meetings[COP29]["start_on_inferred"] == "true"
    figures = _csv(client, reverse("agreements:figure-list") + "?format=csv")
    assert "as_of_inferred" in next(iter(figures.values()))


def test_the_api_says_which_dates_are_inferred(api_client, seeded):
    spca = api_client.get("/api/v1/agreements/spca/").json()
    assert spca["status_since"] == "2024-07-01"
    assert spca["status_since_inferred"] is True
    assert spca["status_confirmed_on_inferred"] is True
    assert all("date_inferred" in step for step in spca["status_history"])
    july = [step for step in spca["status_history"] if step["date"] == "2024-07-01"]
    assert [step["date_inferred"] for step in july] == [True]
    tracks = {track["party"]: track for track in spca["tracks"]}
    assert tracks["united-kingdom"]["since_inferred"] is True
    assert tracks["kazakhstan"]["since_inferred"] is False  # signed April 2024, as stated
    listed = api_client.get("/api/v1/agreements/?as_of=2024-12-01").json()["results"]
    row = next(row for row in listed if row["slug"] == "spca")
    assert (row["status_as_of_date"], row["status_as_of_date_inferred"]) == ("2024-07-01", True)
    assert "signed_on_inferred" in row
    meetings = api_client.get("/api/v1/meetings/?year=2024").json()["results"]
    assert next(row for row in meetings if row["slug"] == COP29)["start_on_inferred"] is True
    commitments = api_client.get("/api/v1/commitments/").json()["results"]
    assert all("due_on_inferred" in row and "status_since_inferred" in row for row in commitments)


def test_refresh_status_stores_whether_since_and_last_confirmed_are_inferred():
    agreement = factories.agreement()
    day = datetime.date
    for date, status, kind, inferred in (
        (day(2024, 4, 1), "signed", EventKind.CHANGE, False),
        (day(2024, 7, 1), "ratification_pending", EventKind.CHANGE, True),
        (day(2025, 2, 11), "ratification_pending", EventKind.CONFIRMATION, False),
    ):
        StatusEvent.objects.create(
            agreement=agreement,
            date=date,
            date_precision=DatePrecision.DAY,
            status=status,
            kind=kind,
            date_inferred=inferred,
        )
    agreement.refresh_status()
    stored = Agreement.objects.get(pk=agreement.pk)
    assert (stored.status_since_inferred, stored.status_confirmed_on_inferred) == (True, False)
    runs = list(stored.status_events.values_list("run_since_inferred", flat=True))
    assert runs == [False, True, True]
    annotated = Agreement.objects.with_status_as_of(day(2024, 8, 1)).get(pk=agreement.pk)
    shown = annotated.standing_shown(day(2024, 8, 1))
    assert (shown.since_inferred, shown.confirmed_on_inferred) == (True, True)


def test_the_feed_titles_mark_an_inferred_date(client, seeded):
    feed = _page(client, reverse("agreements:agreement-feed", args=("spca",)))
    assert "July 2024 (inferred)</title>" in feed
    assert "April 2024</title>" in feed


def test_the_page_description_marks_an_inferred_since(client, seeded):
    detail = _page(client, reverse("agreements:agreement-detail", args=("spca",)))
    assert (
        'content="Agreement signed April 2024. Status: ratification pending since July 2024 (inferred).'
        in detail
    )
