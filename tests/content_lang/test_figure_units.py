"""A figure's unit in Russian and Kazakh takes the form its number asks for
("580 компаний", "2 кампуса", "21 компания"), though the unit's column is
translated: the English unit names the words, the translation is used only
for a unit with no known words."""

import decimal

import pytest
from django.utils import translation

from tests.support import factories

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("value", "unit", "language", "expected"),
    [
        (580, "companies", "ru", "580 компаний"),
        (21, "companies", "ru", "21 компания"),
        (2, "campuses", "ru", "2 кампуса"),
        (3, "campuses", "kk", "3 кампус"),
        (580, "companies", "en", "580 companies"),
    ],
)
def test_a_known_unit_agrees_with_its_number(value, unit, language, expected):
    figure = factories.figure(value=decimal.Decimal(value), unit=unit, approximation="exact")
    figure.unit_ru, figure.unit_kk = "компании", "компания"
    with translation.override(language):
        assert figure.amount_display() == expected


def test_a_unit_without_known_words_is_written_as_translated():
    figure = factories.figure(value=decimal.Decimal(5), unit="looms", approximation="exact")
    figure.unit_ru = "ткацких станков"
    with translation.override("ru"):
        assert figure.amount_display() == "5 ткацких станков"


def test_the_russian_figure_page_says_580_companies(client, seeded):
    page = client.get("/ru/figures/british-companies-in-kazakhstan-580/").content.decode()
    assert "580 компаний" in page
    assert "580 компании" not in page
