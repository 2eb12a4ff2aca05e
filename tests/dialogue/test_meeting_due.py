"""A meeting still planned for a date now past, with no record that it took
place, reads as overdue; one planned within the window reads as due soon
(docs/STATUS.md, section 3). Derived as of any date, in the database."""

import datetime

import pytest
from django.urls import reverse

from core.dates import DatePrecision
from dialogue.models import Meeting, MeetingStatus
from tests.support import factories

TODAY = datetime.datetime(2026, 6, 15, 12, tzinfo=datetime.UTC)
pytestmark = [pytest.mark.django_db, pytest.mark.dates, pytest.mark.time_machine(TODAY)]

D = datetime.date
DAY = datetime.timedelta(days=1)
FAIR = "job-fair-kazakh-students-london-2020-02"


def _flags(meeting, as_of):
    annotated = Meeting.objects.with_due(as_of).get(pk=meeting.pk)
    return annotated.is_overdue, annotated.is_due_soon


@pytest.mark.parametrize(
    ("start", "precision", "last_day"),
    [
        (D(2020, 2, 1), DatePrecision.MONTH, D(2020, 2, 29)),
        (D(2020, 1, 1), DatePrecision.YEAR, D(2020, 12, 31)),
        (D(2020, 2, 10), DatePrecision.DAY, D(2020, 2, 10)),
    ],
)
def test_a_planned_meeting_is_overdue_once_its_period_is_over(start, precision, last_day):
    meeting = factories.meeting(
        status=MeetingStatus.PLANNED, start_on=start, start_on_precision=precision
    )
    window_opens = last_day - datetime.timedelta(days=90)
    assert _flags(meeting, window_opens - DAY) == (False, False)
    assert _flags(meeting, window_opens) == (False, True)
    assert _flags(meeting, last_day) == (False, True)
    assert _flags(meeting, last_day + DAY) == (True, False)


@pytest.mark.parametrize(
    "status", [MeetingStatus.HELD, MeetingStatus.CANCELLED, MeetingStatus.POSTPONED]
)
def test_only_a_meeting_still_planned_can_be_overdue(status):
    meeting = factories.meeting(status=status, start_on=D(2020, 2, 1))
    assert _flags(meeting, D(2021, 1, 1)) == (False, False)
    assert _flags(meeting, D(2020, 1, 1)) == (False, False)


def test_a_planned_meeting_without_a_date_is_neither():
    meeting = factories.meeting(status=MeetingStatus.PLANNED, start_on=None)
    assert _flags(meeting, D(2099, 1, 1)) == (False, False)


def test_without_as_of_it_is_judged_today():
    past = factories.meeting(status=MeetingStatus.PLANNED, start_on=D(2026, 5, 1))
    soon = factories.meeting(
        status=MeetingStatus.PLANNED, start_on=D(2026, 7, 1), start_on_precision="month"
    )
    assert _flags(past, None) == (True, False)
    assert _flags(soon, None) == (False, True)


def test_the_seed_job_fair_reads_as_overdue_today_and_not_before_its_month(
    seeded, client, api_client
):
    fair = Meeting.objects.get(slug=FAIR)
    assert _flags(fair, D(2019, 12, 31)) == (False, True)
    assert _flags(fair, D(2020, 3, 1)) == (True, False)
    assert _flags(fair, None) == (True, False)
    words = "Planned for February 2020; no record that it took place"
    assert words in client.get(reverse("dialogue:meeting-detail", args=(FAIR,))).content.decode()
    listed = client.get(reverse("dialogue:meeting-list") + "?overdue=true").content.decode()
    assert words in listed and "Tokayev" not in listed
    before = client.get(reverse("dialogue:meeting-detail", args=(FAIR,)) + "?as_of=2019-12-31")
    page = before.content.decode()
    assert words not in page and "Due soon: by February 2020" in page
    assert api_client.get(f"/api/v1/meetings/{FAIR}/").json()["is_overdue"] is True
    rows = api_client.get("/api/v1/meetings/?overdue=true").json()["results"]
    assert [row["slug"] for row in rows] == [FAIR]
    held = api_client.get("/api/v1/meetings/?overdue=false").json()["results"]
    assert FAIR not in [row["slug"] for row in held] and held
    assert all(row["is_overdue"] is False for row in held)


def test_the_dashboard_counts_the_planned_meetings_past_their_date(seeded, client):
    page = client.get("/").content.decode()
    assert "<strong>1</strong>planned meetings with no record that they took place" in page
    as_of = client.get("/?as_of=2019-12-31").content.decode()
    assert "<strong>0</strong>planned meetings with no record that they took place" in as_of
