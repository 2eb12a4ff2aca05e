import datetime

import pytest
from django.core.exceptions import ValidationError

from core.dates import (
    DatePrecision,
    format_partial_date,
    parse_partial_date,
    serialize_partial_date,
    validate_partial_date,
)

pytestmark = pytest.mark.dates


@pytest.mark.parametrize(
    ("text", "date", "precision"),
    [
        ("2025-02-11", datetime.date(2025, 2, 11), DatePrecision.DAY),
        ("2024-04", datetime.date(2024, 4, 1), DatePrecision.MONTH),
        ("2023", datetime.date(2023, 1, 1), DatePrecision.YEAR),
    ],
)
def test_parse_and_serialize_round_trip(text, date, precision):
    assert parse_partial_date(text) == (date, precision)
    assert serialize_partial_date(date, precision) == text


@pytest.mark.parametrize("text", ["2024-13", "2024-02-30", "24-04", "April 2024", "2024/04", ""])
def test_parse_rejects_what_is_not_a_date(text):
    with pytest.raises(ValueError, match="date"):
        parse_partial_date(text)


@pytest.mark.parametrize(
    ("date", "precision", "shown"),
    [
        (datetime.date(2025, 2, 11), DatePrecision.DAY, "11 February 2025"),
        (datetime.date(2024, 3, 1), DatePrecision.MONTH, "March 2024"),
        (datetime.date(2023, 1, 1), DatePrecision.YEAR, "2023"),
        (None, DatePrecision.DAY, ""),
    ],
)
def test_display_never_claims_more_than_is_known(date, precision, shown):
    assert format_partial_date(date, precision) == shown


@pytest.mark.parametrize(
    ("date", "precision"),
    [
        (datetime.date(2024, 3, 15), DatePrecision.MONTH),
        (datetime.date(2024, 3, 1), DatePrecision.YEAR),
    ],
)
def test_a_coarse_date_must_be_the_first_of_its_period(date, precision):
    with pytest.raises(ValidationError) as error:
        validate_partial_date(date, precision)
    assert error.value.code == "precision_mismatch"


def test_an_unknown_precision_is_refused():
    with pytest.raises(ValidationError) as error:
        validate_partial_date(datetime.date(2024, 1, 1), "week")
    assert error.value.code == "invalid_precision"
