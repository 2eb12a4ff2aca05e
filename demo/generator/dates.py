"""The demo data's calendar, and dates known to the day, month or year."""

import datetime
from typing import NamedTuple

from core.dates import DatePrecision
from core.l10n import EN_MONTHS

# From the year after diplomatic relations began to a fixed last day, so that
# what is generated never depends on when.
FIRST_DAY = datetime.date(1993, 1, 1)
LAST_DAY = datetime.date(2026, 6, 30)

UTC = datetime.UTC
DAY, MONTH, YEAR = DatePrecision.DAY, DatePrecision.MONTH, DatePrecision.YEAR
PRECISION_WEIGHTS = ((DAY, 55), (MONTH, 33), (YEAR, 12))

# The demo's sources are English; month 1 is January.
MONTHS = ("", *EN_MONTHS)


class PartialDate(NamedTuple):
    """A date as stored (truncated to its precision), or None if unknown."""

    day: datetime.date | None
    precision: str


UNDATED = PartialDate(None, DAY)


def truncate(day: datetime.date, precision: str) -> datetime.date:
    if precision == YEAR:
        return day.replace(month=1, day=1)
    if precision == MONTH:
        return day.replace(day=1)
    return day


def when(day: datetime.date, precision: str) -> str:
    """The date as a source words it, never more precise than known."""
    if precision == DAY:
        return f"on {day.day} {MONTHS[day.month]} {day.year}"
    if precision == MONTH:
        return f"in {MONTHS[day.month]} {day.year}"
    return f"in {day.year}"
