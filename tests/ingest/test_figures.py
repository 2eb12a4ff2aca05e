from decimal import Decimal

import pytest

from ingest.extract.figures import find_figures


@pytest.mark.parametrize(
    ("language", "text", "value", "unit", "multiplier"),
    [
        ("en", "trade reached 1.2 billion dollars", "1.2", "USD", "billion"),
        ("en", "turnover of £2.8bn", "2.8", "GBP", "billion"),
        ("en", "investments exceeding $18 billion", "18", "USD", "billion"),
        ("en", "580 companies operate", "580", "companies", None),
        ("en", "580 British-affiliated enterprises", "580", "companies", None),
        ("en", "9,000 deposits", "9000", "deposits", None),
        ("en", "up 20 percent", "20", "percent", None),
        ("en", "over 2 million tons", "2", "tonnes", "million"),
        ("ru", "товарооборот 2,8 млрд фунтов", "2.8", "GBP", "billion"),
        ("ru", "1,2 млрд долларов США", "1.2", "USD", "billion"),
        ("ru", "около 550 компаний", "550", "companies", None),
        ("ru", "на 20%", "20", "percent", None),
        ("kk", "1,2 млрд доллар", "1.2", "USD", "billion"),
        ("kk", "1 200 студент", "1200", "students", None),
        ("kk", "9 мың кен орны", "9", "deposits", "thousand"),
        ("kk", "20 пайызға өсті", "20", "percent", None),
    ],
)
def test_figures_with_unit_and_multiplier(language, text, value, unit, multiplier):
    figures = find_figures(text, language)
    assert [(f.value, f.unit, f.multiplier) for f in figures] == [(value, unit, multiplier)]
    assert text[figures[0].start : figures[0].end] == figures[0].text


def test_amount_combines_value_and_multiplier():
    (figure,) = find_figures("£2.8bn", "en")
    assert figure.amount == Decimal("2800000000")


def test_years_ranks_and_bare_numbers_are_not_figures():
    assert find_figures("in 2023 it ranked 11th among the top 10 investors", "en") == []
