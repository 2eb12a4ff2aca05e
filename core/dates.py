"""Dates known only to a day, a month or a year.

Sources say "March 2024" or "last year" as often as "11 February 2025". Such a
date is stored as the first day of its period plus a precision, and this module
is the one place that parses, validates and formats them.
"""

import datetime
import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from core import l10n


class DatePrecision(models.TextChoices):
    DAY = "day", _("day")
    MONTH = "month", _("month")
    YEAR = "year", _("year")


_PARTIAL_DATE = re.compile(r"^(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?$")


def parse_partial_date(value: str) -> tuple[datetime.date, str]:
    """Parse "2024", "2024-04" or "2024-04-15" into (first day, precision).

    Raises ValueError with a message naming the accepted forms.
    """
    match = _PARTIAL_DATE.match(value.strip()) if isinstance(value, str) else None
    if not match:
        raise ValueError(f"{value!r} is not a date; write YYYY, YYYY-MM or YYYY-MM-DD")
    year = int(match["year"])
    month = int(match["month"] or 1)
    day = int(match["day"] or 1)
    try:
        date = datetime.date(year, month, day)
    except ValueError as exc:
        raise ValueError(f"{value!r} is not a real date ({exc})") from None
    if match["day"]:
        return date, DatePrecision.DAY
    if match["month"]:
        return date, DatePrecision.MONTH
    return date, DatePrecision.YEAR


def serialize_partial_date(date: datetime.date | None, precision: str) -> str | None:
    """The inverse of parse_partial_date: the date at its precision as an
    EDTF level 0 (ISO 8601) string, "2024-04-24", "2024-04" or "2024", so
    that a machine cannot mistake the first of a month for a known day.
    The one place the API's and the CSV's `*_text` values are made."""
    if date is None:
        return None
    if precision == DatePrecision.YEAR:
        return f"{date.year:04d}"
    if precision == DatePrecision.MONTH:
        return f"{date.year:04d}-{date.month:02d}"
    return date.isoformat()


def validate_partial_date(date: datetime.date | None, precision: str) -> None:
    """A month-precise date is the 1st of its month; a year-precise one, 1 January.

    Anything else would claim more than the source says, and would sort and
    compare inconsistently with the same date entered at its real precision.
    """
    if date is None:
        return
    if precision not in DatePrecision.values:
        raise ValidationError(
            _("%(precision)r is not a date precision; use day, month or year."),
            params={"precision": precision},
            code="invalid_precision",
        )
    if precision == DatePrecision.MONTH and date.day != 1:
        raise ValidationError(
            _("A date known only to the month is stored as the 1st of that month."),
            code="precision_mismatch",
        )
    if precision == DatePrecision.YEAR and (date.month, date.day) != (1, 1):
        raise ValidationError(
            _("A date known only to the year is stored as 1 January of that year."),
            code="precision_mismatch",
        )


def period_end(date: datetime.date | None, precision: str) -> datetime.date | None:
    """The last day a partial date could mean: "February 2020" ends on the
    29th, "2020" on 31 December. Something due in February 2020 is late only
    once February is over."""
    if date is None:
        return None
    if precision == DatePrecision.YEAR:
        return datetime.date(date.year, 12, 31)
    if precision == DatePrecision.MONTH:
        following = datetime.date(date.year + date.month // 12, date.month % 12 + 1, 1)
        return following - datetime.timedelta(days=1)
    return date


def period_ends_before(name: str, day: datetime.date):
    """A query: the partial date `name` (with its `name_precision`) is over
    before `day`, at its precision: "February 2020" once March has come,
    "2020" once 2021 has. The database twin of `period_end(...) < day`, for
    records that do not store their period's end."""
    Q = models.Q
    return (
        Q(**{f"{name}_precision": DatePrecision.DAY, f"{name}__lt": day})
        | Q(**{f"{name}_precision": DatePrecision.MONTH, f"{name}__lt": day.replace(day=1)})
        | Q(
            **{
                f"{name}_precision": DatePrecision.YEAR,
                f"{name}__lt": datetime.date(day.year, 1, 1),
            }
        )
    )


def due_conditions(ends_before, day: datetime.date, soon_days: int):
    """(overdue, due soon) as queries, by one rule for everything that falls
    due: overdue when its period ended before `day`; due soon when it has not
    but ends within `soon_days` days after it (inclusive). `ends_before(d)`
    is the query "its period ended before d". Whether it is still open is
    the caller's to add."""
    soon_until = day + datetime.timedelta(days=soon_days + 1)
    return ends_before(day), ~ends_before(day) & ends_before(soon_until)


def months_before(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` calendar months earlier (the month's last day
    when it is shorter: 31 March less one month is 28 or 29 February)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    if year < datetime.MINYEAR:
        # Before the calendar's first day (an as_of in year 1): nothing is older.
        return datetime.date.min
    first = datetime.date(year, month + 1, 1)
    last = period_end(first, DatePrecision.MONTH)
    return first.replace(day=min(day.day, last.day))


def format_partial_date(date: datetime.date | None, precision: str, role: str = "plain") -> str:
    """'11 February 2025', 'April 2024' or '2023': never more precise than
    known, in the active language and in the form the phrase around it wants
    (`role`: "since" gives "с апреля 2024 г."; see core.l10n)."""
    return l10n.format_date(date, precision, role)


def partial_date(name: str, verbose_name: str):
    """Class decorator adding a partial date's four columns to a model.

    `signed_on` (the first day of the period), `signed_on_precision`,
    `signed_on_inferred` and `signed_on_note` (why, when taken from context
    rather than stated in the source), and a `signed_on_display` property.
    Every partial date has the same shape and help text, and `clean()` checks
    them all (see PartialDatesMixin).
    Pair it with `precision_constraint()` in Meta for the database check.
    """

    def add_fields(model):
        model.add_to_class(
            name,
            models.DateField(
                verbose_name,
                null=True,
                blank=True,
                help_text=_("First day of the period when only the month or year is known."),
            ),
        )
        model.add_to_class(
            f"{name}_precision",
            models.CharField(
                _("precision"),
                max_length=5,
                choices=DatePrecision.choices,
                default=DatePrecision.DAY,
                help_text=_("How much of the date the source gives."),
            ),
        )
        model.add_to_class(
            f"{name}_inferred",
            models.BooleanField(
                _("inferred"),
                default=False,
                help_text=_("Taken from context rather than stated in the source."),
            ),
        )
        model.add_to_class(
            f"{name}_note",
            models.CharField(
                _("date note"),
                max_length=500,
                blank=True,
                help_text=_("Why the date is what it is, when it is inferred."),
            ),
        )
        model.partial_dates = (*getattr(model, "partial_dates", ()), name)
        # `signed_on_display`, for templates: "April 2024".
        setattr(model, f"{name}_display", property(lambda obj: obj.display_date(name)))
        return model

    return add_fields


def precision_constraint(model_label: str, name: str) -> models.CheckConstraint:
    """The database's own check that a partial date's precision is a known one."""
    return models.CheckConstraint(
        condition=models.Q(**{f"{name}_precision__in": DatePrecision.values}),
        name=f"{model_label}_{name}_precision_valid",
    )


def end_after_start_constraint(
    model_label: str, start: str = "start_on", end: str = "end_on"
) -> models.CheckConstraint:
    """A period that ends, if it does, no earlier than it starts."""
    return models.CheckConstraint(
        condition=models.Q(**{f"{start}__isnull": True})
        | models.Q(**{f"{end}__isnull": True})
        | models.Q(**{f"{end}__gte": models.F(start)}),
        name=f"{model_label}_end_after_start",
    )


def marked_inferred(shown: str, inferred: bool) -> str:
    """A date as plain text, with " (inferred)" when taken from context: the
    one wording of the mark outside HTML (core.templatetags.tracker.dated
    is the same in HTML)."""
    return f"{shown} ({_('inferred')})" if shown and inferred else shown


class PartialDatesMixin:
    """Validates every partial date a model declares with @partial_date."""

    partial_dates: tuple[str, ...] = ()

    def clean(self):
        super().clean()
        errors = {}
        for name in self.partial_dates:
            try:
                validate_partial_date(getattr(self, name), getattr(self, f"{name}_precision"))
            except ValidationError as exc:
                errors[name] = exc.messages
        if errors:
            raise ValidationError(errors)

    def display_date(self, name: str, role: str = "plain") -> str:
        return format_partial_date(getattr(self, name), getattr(self, f"{name}_precision"), role)

    def display_date_marked(self, name: str, role: str = "plain") -> str:
        """`display_date` with " (inferred)" when the date is taken from
        context: for plain text (page descriptions, feed titles, a chart's
        titles), where the pages' template tag (`dated`) cannot go."""
        return marked_inferred(
            self.display_date(name, role), getattr(self, f"{name}_inferred", False)
        )
