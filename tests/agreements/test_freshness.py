"""Overdue and stale, derived as of any date (docs/STATUS.md, section 3):
database annotations the lists filter on, at each date precision."""

import datetime

import pytest
from django.test import override_settings

from agreements.models import Agreement, Commitment, CommitmentStatus, CommitmentStatusEvent
from agreements.status_rules import EventKind
from core.dates import DatePrecision, months_before, period_end
from tests.support import factories

# "Today", where a rule needs it (no as_of), is this day, whatever the day the
# suite runs (docs/TESTING.md): time-machine moves the clock, ticking from there.
TODAY = datetime.datetime(2026, 6, 15, 12, tzinfo=datetime.UTC)
pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(TODAY)]

D = datetime.date


def _commitment(due, precision, *events):
    commitment = factories.commitment(due_on=D.fromisoformat(due), due_on_precision=precision)
    for status, date, kind in events:
        CommitmentStatusEvent.objects.create(
            commitment=commitment, status=status, date=D.fromisoformat(date), kind=kind
        )
    commitment.refresh_status()
    return commitment


def _flags(record, as_of):
    annotated = type(record).objects.with_freshness(as_of).get(pk=record.pk)
    return annotated.is_overdue, annotated.is_stale


ANNOUNCED = (CommitmentStatus.ANNOUNCED, "2019-06-01", EventKind.CHANGE)


@pytest.mark.parametrize(
    ("due", "precision", "last_day_on_time"),
    [
        ("2020-02-01", DatePrecision.MONTH, D(2020, 2, 29)),
        ("2020-01-01", DatePrecision.YEAR, D(2020, 12, 31)),
        ("2020-02-10", DatePrecision.DAY, D(2020, 2, 10)),
    ],
)
def test_overdue_only_once_the_period_it_was_due_in_is_over(due, precision, last_day_on_time):
    commitment = _commitment(due, precision, ANNOUNCED)
    assert commitment.due_by == last_day_on_time
    assert _flags(commitment, last_day_on_time)[0] is False
    assert _flags(commitment, last_day_on_time + datetime.timedelta(days=1))[0] is True


def test_fulfilled_before_the_date_asked_is_not_overdue():
    commitment = _commitment(
        "2020-02-01",
        DatePrecision.MONTH,
        ANNOUNCED,
        (CommitmentStatus.FULFILLED, "2020-05-01", EventKind.CHANGE),
    )
    assert _flags(commitment, D(2020, 4, 30))[0] is True  # late, not yet fulfilled
    assert _flags(commitment, D(2020, 5, 1))[0] is False
    assert _flags(commitment, None)[0] is False


def test_without_a_due_date_nothing_is_overdue():
    commitment = factories.commitment()
    assert _flags(commitment, D(2099, 12, 31))[0] is False


def test_stale_after_twelve_months_without_evidence_and_a_confirmation_freshens_it():
    commitment = _commitment("2030-01-01", DatePrecision.YEAR, ANNOUNCED)
    assert _flags(commitment, D(2020, 6, 1))[1] is False
    assert _flags(commitment, D(2020, 6, 2))[1] is True
    CommitmentStatusEvent.objects.create(
        commitment=commitment,
        status=CommitmentStatus.ANNOUNCED,
        date=D(2020, 5, 1),
        kind=EventKind.CONFIRMATION,
    )
    commitment.refresh_status()
    assert commitment.status_since == D(2019, 6, 1)
    assert _flags(commitment, D(2020, 6, 2))[1] is False


@override_settings(STATUS_STALE_AFTER_MONTHS=3)
def test_the_stale_period_is_a_setting():
    commitment = _commitment("2030-01-01", DatePrecision.YEAR, ANNOUNCED)
    assert _flags(commitment, D(2019, 9, 1))[1] is False
    assert _flags(commitment, D(2019, 9, 2))[1] is True


def test_settled_statuses_are_never_stale():
    commitment = _commitment(
        "2030-01-01",
        DatePrecision.YEAR,
        (CommitmentStatus.FULFILLED, "2010-01-01", EventKind.CHANGE),
    )
    assert _flags(commitment, D(2026, 1, 1)) == (False, False)


def test_the_seed_job_fair_is_overdue_today_and_not_before_its_month(seeded):
    fair = Commitment.objects.get(slug="job-fair-kazakh-students-london-2020")
    assert _flags(fair, D(2019, 12, 31))[0] is False
    assert _flags(fair, D(2020, 3, 1))[0] is True
    assert _flags(fair, None)[0] is True
    assert fair.overdue_since_display == "March 2020"


def test_the_seed_spca_is_stale_since_a_year_after_its_confirmation(seeded):
    spca = Agreement.objects.get(slug="spca")
    assert Agreement.objects.with_freshness(D(2026, 2, 11)).get(pk=spca.pk).is_stale is False
    assert Agreement.objects.with_freshness(D(2026, 2, 12)).get(pk=spca.pk).is_stale is True


def test_flags_filter_in_the_database():
    late = _commitment("2020-02-01", DatePrecision.MONTH, ANNOUNCED)
    _commitment("2031-02-01", DatePrecision.MONTH, ANNOUNCED)
    overdue = Commitment.objects.with_freshness(D(2021, 1, 1)).filter(is_overdue=True)
    assert list(overdue) == [late]


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (D(2026, 3, 31), 1, D(2026, 2, 28)),
        (D(2024, 3, 31), 1, D(2024, 2, 29)),
        (D(2026, 1, 15), 12, D(2025, 1, 15)),
        (D(2026, 1, 15), 13, D(2024, 12, 15)),
    ],
)
def test_months_before_keeps_the_day_within_the_month(day, months, expected):
    assert months_before(day, months) == expected


def test_period_end_of_each_precision():
    assert period_end(D(2024, 2, 1), DatePrecision.MONTH) == D(2024, 2, 29)
    assert period_end(D(2024, 12, 1), DatePrecision.MONTH) == D(2024, 12, 31)
    assert period_end(D(2024, 1, 1), DatePrecision.YEAR) == D(2024, 12, 31)
    assert period_end(None, DatePrecision.DAY) is None
