"""Due soon, derived as of any date (docs/STATUS.md, section 3): something
not fulfilled whose due date, at its precision, ends within
STATUS_DUE_SOON_DAYS days after the date asked. A database annotation
beside is_overdue, so lists filter and sort on it a page at a time."""

import datetime

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from agreements.models import Commitment, CommitmentStatus, CommitmentStatusEvent
from agreements.status_rules import EventKind
from core.dates import DatePrecision
from tests.support import factories

TODAY = datetime.datetime(2026, 6, 15, 12, tzinfo=datetime.UTC)
pytestmark = [pytest.mark.django_db, pytest.mark.dates, pytest.mark.time_machine(TODAY)]

D = datetime.date
WINDOW = datetime.timedelta(days=90)


def _commitment(due, precision, *events, **fields):
    commitment = factories.commitment(
        due_on=D.fromisoformat(due), due_on_precision=precision, **fields
    )
    for status, date, kind in events:
        CommitmentStatusEvent.objects.create(
            commitment=commitment, status=status, date=D.fromisoformat(date), kind=kind
        )
    commitment.refresh_status()
    return commitment


def _flags(record, as_of):
    annotated = Commitment.objects.with_freshness(as_of).get(pk=record.pk)
    return annotated.is_due_soon, annotated.is_overdue


ANNOUNCED = (CommitmentStatus.ANNOUNCED, "2019-06-01", EventKind.CHANGE)


@pytest.mark.parametrize(
    ("due", "precision", "last_day"),
    [
        ("2020-02-01", DatePrecision.MONTH, D(2020, 2, 29)),
        ("2020-01-01", DatePrecision.YEAR, D(2020, 12, 31)),
        ("2020-02-10", DatePrecision.DAY, D(2020, 2, 10)),
    ],
)
def test_due_soon_from_ninety_days_before_its_period_ends_until_it_is_overdue(
    due, precision, last_day
):
    commitment = _commitment(due, precision, ANNOUNCED)
    first_day = last_day - WINDOW
    assert _flags(commitment, first_day - datetime.timedelta(days=1)) == (False, False)
    assert _flags(commitment, first_day) == (True, False)
    assert _flags(commitment, last_day) == (True, False)
    assert _flags(commitment, last_day + datetime.timedelta(days=1)) == (False, True)


def test_the_window_s_first_day_at_each_precision_by_the_calendar():
    # "February 2020" is due at the end of February: 90 days before is 1 December.
    month = _commitment("2020-02-01", DatePrecision.MONTH, ANNOUNCED)
    assert _flags(month, D(2019, 11, 30))[0] is False
    assert _flags(month, D(2019, 12, 1))[0] is True
    # "2020" is due on 31 December: 90 days before is 2 October.
    year = _commitment("2020-01-01", DatePrecision.YEAR, ANNOUNCED)
    assert _flags(year, D(2020, 10, 1))[0] is False
    assert _flags(year, D(2020, 10, 2))[0] is True


def test_fulfilled_or_dropped_is_never_due_soon():
    for status in (CommitmentStatus.FULFILLED, CommitmentStatus.DROPPED):
        done = _commitment(
            "2020-02-01",
            DatePrecision.MONTH,
            ANNOUNCED,
            (status, "2019-12-15", EventKind.CHANGE),
        )
        assert _flags(done, D(2019, 12, 10))[0] is True  # not yet, then
        assert _flags(done, D(2020, 1, 10))[0] is False


def test_without_a_due_date_nothing_is_due_soon():
    assert _flags(factories.commitment(), D(2020, 1, 1)) == (False, False)


@override_settings(STATUS_DUE_SOON_DAYS=30)
def test_the_window_is_a_setting():
    commitment = _commitment("2020-02-01", DatePrecision.MONTH, ANNOUNCED)
    assert _flags(commitment, D(2020, 1, 29))[0] is False
    assert _flags(commitment, D(2020, 1, 30))[0] is True


@pytest.mark.time_machine(datetime.datetime(2026, 8, 1, 12, tzinfo=datetime.UTC))
def test_without_as_of_due_soon_is_judged_today():
    soon = _commitment("2026-09-01", DatePrecision.MONTH, ANNOUNCED)
    later = _commitment("2027-01-01", DatePrecision.MONTH, ANNOUNCED)
    assert _flags(soon, None) == (True, False)
    assert _flags(later, None) == (False, False)


def test_the_filter_and_the_badge_on_the_list_the_detail_and_the_dashboard(client, api_client):
    soon = _commitment("2020-02-01", DatePrecision.MONTH, ANNOUNCED, title="A job fair")
    _commitment("2021-02-01", DatePrecision.MONTH, ANNOUNCED, title="A later fair")
    as_of = "as_of=2020-01-15"
    badge = "Due soon: by February 2020"
    listed = client.get(f"{reverse('agreements:commitment-list')}?due_soon=true&{as_of}")
    page = listed.content.decode()
    assert badge in page and "A job fair" in page and "A later fair" not in page
    detail = client.get(f"{soon.get_absolute_url()}?{as_of}").content.decode()
    assert badge in detail
    assert badge in client.get(f"/?{as_of}").content.decode()
    rows = api_client.get(f"/api/v1/commitments/?due_soon=true&{as_of}").json()["results"]
    assert [(row["slug"], row["is_due_soon"]) for row in rows] == [(soon.slug, True)]
    others = api_client.get(f"/api/v1/commitments/?due_soon=false&{as_of}").json()["results"]
    assert soon.slug not in [row["slug"] for row in others]
    detail = api_client.get(f"/api/v1/commitments/{soon.slug}/?as_of=2020-03-01").json()
    assert (detail["is_due_soon"], detail["is_overdue"]) == (False, True)


def test_due_soon_sorts_in_the_database():
    soon = _commitment("2020-02-01", DatePrecision.MONTH, ANNOUNCED)
    later = _commitment("2021-02-01", DatePrecision.MONTH, ANNOUNCED)
    ordered = Commitment.objects.with_freshness(D(2020, 1, 1)).order_by("-is_due_soon", "pk")
    assert list(ordered) == [soon, later]


def _rows(count):
    for number in range(count):
        month = D(2020, 1 + number % 9, 1)
        _commitment(month.isoformat(), DatePrecision.MONTH, ANNOUNCED)
        factories.meeting(status="planned", start_on=month, start_on_precision="month")


@pytest.mark.parametrize("path", ["agreements:commitment-list", "dialogue:meeting-list"])
def test_the_lists_queries_do_not_grow_with_the_page(client, django_assert_max_num_queries, path):
    url = f"{reverse(path)}?as_of=2020-03-15"
    _rows(2)
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    _rows(20)
    with django_assert_max_num_queries(len(few)):
        page = client.get(url).content.decode()
    # The rows of January to March 2020 are flagged, overdue or due soon.
    assert page.count('class="flag flag-') >= 10
