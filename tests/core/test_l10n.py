"""Dates and figures in each language (core/l10n.py, issue 16 item 5)."""

import datetime
from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils import translation

from core.dates import format_partial_date
from core.l10n import format_amount, format_date, format_number

NBSP = "\N{NO-BREAK SPACE}"
APRIL_24 = datetime.date(2024, 4, 24)
APRIL = datetime.date(2024, 4, 1)
YEAR = datetime.date(2024, 1, 1)


def plain(text: str) -> str:
    """Compare with ordinary spaces; the no-break spaces are checked apart."""
    return text.replace(NBSP, " ")


# (language, role, day, month, year)
DATES = [
    ("en", "plain", "24 April 2024", "April 2024", "2024"),
    ("en", "since", "24 April 2024", "April 2024", "2024"),
    ("ru", "plain", "24 апреля 2024 г.", "апрель 2024 г.", "2024 г."),
    ("ru", "since", "24 апреля 2024 г.", "апреля 2024 г.", "2024 г."),
    ("ru", "on", "24 апреля 2024 г.", "апрель 2024 г.", "2024 г."),
    ("ru", "of", "24 апреля 2024 г.", "апреля 2024 г.", "2024 г."),
    ("ru", "as_of", "24 апреля 2024 г.", "апрель 2024 г.", "2024 г."),
    ("ru", "confirmed", "24 апреля 2024 г.", "апрель 2024 г.", "2024 г."),
    ("kk", "plain", "2024 жылғы 24 сәуір", "2024 жылғы сәуір", "2024 ж."),
    ("kk", "since", "2024 жылғы 24 сәуірден", "2024 жылғы сәуірден", "2024 жылдан"),
    ("kk", "on", "2024 жылғы 24 сәуірде", "2024 жылғы сәуірде", "2024 жылы"),
    ("kk", "of", "2024 жылғы 24 сәуірдегі", "2024 жылғы сәуірдегі", "2024 жылғы"),
    ("kk", "as_of", "2024 жылғы 24 сәуірдегі", "2024 жылғы сәуірдегі", "2024 жылғы"),
    ("kk", "confirmed", "2024 жылғы 24 сәуірде", "2024 жылғы сәуірде", "2024 жылы"),
]


@pytest.mark.parametrize(("language", "role", "day", "month", "year"), DATES)
def test_every_precision_in_every_language(language, role, day, month, year):
    with translation.override(language):
        shown = [
            plain(format_partial_date(date, precision, role))
            for date, precision in ((APRIL_24, "day"), (APRIL, "month"), (YEAR, "year"))
        ]
    assert shown == [day, month, year]


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("ru", "январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь"),
        (
            "kk",
            "қаңтар ақпан наурыз сәуір мамыр маусым шілде тамыз қыркүйек қазан қараша желтоқсан",
        ),
    ],
)
def test_months_are_lowercase_in_russian_and_kazakh(language, expected):
    names = [
        plain(format_date(datetime.date(2024, month, 1), "month", lang=language)).split()
        for month in range(1, 13)
    ]
    months = [words[0] if language == "ru" else words[2] for words in names]
    assert " ".join(months) == expected


def test_kazakh_suffixes_follow_each_months_last_sound():
    since = [
        plain(format_date(datetime.date(2024, month, 1), "month", "since", "kk")).split()[-1]
        for month in range(1, 13)
    ]
    assert since == [
        "қаңтардан",
        "ақпаннан",
        "наурыздан",
        "сәуірден",
        "мамырдан",
        "маусымнан",
        "шілдеден",
        "тамыздан",
        "қыркүйектен",
        "қазаннан",
        "қарашадан",
        "желтоқсаннан",
    ]


def test_the_year_and_its_abbreviation_do_not_break_apart():
    assert format_date(APRIL_24, "day", lang="ru").endswith(f"2024{NBSP}г.")
    assert format_date(APRIL_24, "day", lang="kk").startswith(f"2024{NBSP}жылғы")


def test_an_unknown_role_is_named():
    with pytest.raises(ValueError, match="'sinse' is not a date role"):
        format_date(APRIL_24, "day", "sinse", "en")


def test_no_date_is_empty():
    assert format_date(None, "day", "since", "ru") == ""


# The phrases as readers see them: the words from the .po files, the date's
# form from core.l10n.
PHRASES = [
    ("en", "since", "month", "since April 2024"),
    ("ru", "since", "month", "с апреля 2024 г."),
    ("kk", "since", "month", "2024 жылғы сәуірден бері"),
    ("ru", "since", "year", "с 2024 г."),
    ("kk", "since", "year", "2024 жылдан бері"),
    ("kk", "since", "day", "2024 жылғы 24 сәуірден бері"),
    ("en", "confirmed", "day", "last confirmed 24 April 2024"),
    ("ru", "confirmed", "day", "последнее подтверждение — 24 апреля 2024 г."),
    ("kk", "confirmed", "day", "соңғы рет 2024 жылғы 24 сәуірде расталған"),
]
TEMPLATES = {
    "since": "{% blocktranslate %}since {{ date }}{% endblocktranslate %}",
    "confirmed": "{% blocktranslate %}last confirmed {{ date }}{% endblocktranslate %}",
}


@pytest.mark.parametrize(("language", "role", "precision", "expected"), PHRASES)
def test_the_phrases_read_right(language, role, precision, expected):
    date = {"day": APRIL_24, "month": APRIL, "year": YEAR}[precision]
    template = Template(
        "{% load i18n tracker %}{% date_as role date precision as date %}" + TEMPLATES[role]
    )
    with translation.override(language):
        text = template.render(Context({"role": role, "date": date, "precision": precision}))
    assert plain(text) == expected


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "Overdue since March 2020"),
        ("ru", "Просрочено с марта 2020 г."),
        ("kk", "2020 жылғы наурыздан бері мерзімі өткен"),
    ],
)
def test_overdue_since_is_the_month_after_the_deadline(language, expected):
    class Commitment:
        due_by = datetime.date(2020, 2, 29)
        due_on_precision = "month"

    template = Template(
        "{% load i18n tracker %}{% overdue_since commitment as date %}"
        "{% blocktranslate %}Overdue since {{ date }}{% endblocktranslate %}"
    )
    with translation.override(language):
        text = template.render(Context({"commitment": Commitment()}))
    assert plain(text) == expected


@pytest.mark.parametrize(
    ("value", "en", "ru"),
    [
        (Decimal("2000"), "2,000", "2000"),
        (Decimal("20000"), "20,000", "20 000"),
        (Decimal("1234567.25"), "1,234,567.25", "1 234 567,25"),
        (Decimal("2.5000"), "2.5", "2,5"),
        (Decimal("-12000"), "-12,000", "-12 000"),
        (Decimal("0"), "0", "0"),
    ],
)
def test_numbers_use_each_languages_separators(value, en, ru):
    assert format_number(value, "en") == en
    assert plain(format_number(value, "ru")) == ru
    assert plain(format_number(value, "kk")) == ru


# (value, unit, approximation, English, Russian, Kazakh)
AMOUNTS = [
    (
        "2800000000",
        "GBP",
        "exact",
        "£2.8bn",
        "2,8 млрд фунтов стерлингов",
        "2,8 млрд фунт стерлинг",
    ),
    (
        "18000000000",
        "USD",
        "over",
        "over $18bn",
        "более 18 млрд долларов США",
        "18 млрд АҚШ долларынан астам",
    ),
    (
        "450000000",
        "GBP",
        "about",
        "about £450m",
        "около 450 млн фунтов стерлингов",
        "шамамен 450 млн фунт стерлинг",
    ),
    (
        "550",
        "companies",
        "about",
        "about 550 companies",
        "около 550 компаний",
        "шамамен 550 компания",
    ),
    ("580", "companies", "exact", "580 companies", "580 компаний", "580 компания"),
    ("21", "companies", "exact", "21 companies", "21 компания", "21 компания"),
    ("3", "companies", "exact", "3 companies", "3 компании", "3 компания"),
    (
        "3",
        "companies",
        "at_least",
        "at least 3 companies",
        "не менее 3 компаний",
        "кемінде 3 компания",
    ),
    ("1", "GBP", "exact", "£1", "1 фунт стерлингов", "1 фунт стерлинг"),
    ("2", "GBP", "exact", "£2", "2 фунта стерлингов", "2 фунт стерлинг"),
    ("10", "rank", "top", "in the top 10", "в топ-10", "алғашқы 10 қатарында"),
    ("2", "rank", "rank", "rank 2", "2-е место", "2-орын"),
    # Never rounded: a value the scale cannot write exactly stays whole.
    (
        "2845123000",
        "GBP",
        "exact",
        "£2,845,123,000",
        "2 845 123 000 фунтов стерлингов",
        "2 845 123 000 фунт стерлинг",
    ),
    ("30", "percent", "at_most", "at most 30%", "не более 30 %", "ең көбі 30 пайыз"),
    (
        "2000000",
        "tonnes",
        "over",
        "over 2 million tonnes",
        "более 2 млн тонн",
        "2 млн тоннадан астам",
    ),
    ("33", "years", "exact", "33 years", "33 года", "33 жыл"),
    ("9000", "deposits", "exact", "9,000 deposits", "9000 месторождений", "9000 кен орны"),
    # A unit without words of its own is shown as recorded.
    ("550", "widgets", "over", "over 550 widgets", "более 550 widgets", "550-ден астам widgets"),
    ("40", "widgets", "under", "under 40 widgets", "менее 40 widgets", "40-тан аз widgets"),
]


@pytest.mark.parametrize(("value", "unit", "approximation", "en", "ru", "kk"), AMOUNTS)
def test_figures_in_every_language(value, unit, approximation, en, ru, kk):
    shown = [
        plain(format_amount(Decimal(value), unit, approximation, lang))
        for lang in ("en", "ru", "kk")
    ]
    assert shown == [en, ru, kk]


def test_a_scale_word_stays_with_its_number():
    assert format_amount(Decimal("2800000000"), "GBP", lang="ru").startswith(f"2,8{NBSP}млрд ")


def test_one_full_stop_after_a_dates_abbreviation():
    from core.l10n import end_sentence, tidy_full_stops

    assert (
        tidy_full_stops(f"Статус: подписано с июля 2024{NBSP}г..")
        == f"Статус: подписано с июля 2024{NBSP}г."
    )
    assert tidy_full_stops(f"Мерзімі: 2024{NBSP}ж..") == f"Мерзімі: 2024{NBSP}ж."
    assert (
        end_sentence(f"событие от 11 февраля 2025{NBSP}г.") == f"событие от 11 февраля 2025{NBSP}г."
    )
    assert end_sentence("the event of 11 February 2025") == "the event of 11 February 2025."
