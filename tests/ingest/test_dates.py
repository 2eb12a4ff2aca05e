import pytest

from ingest.extract.dates import PartialDate, find_dates

# Relative dates (today, last week) resolve against the article's date, never the clock's.
pytestmark = pytest.mark.dates


def read(text, published, language):
    return [
        (m.text, m.value.iso(), m.value.precision)
        for m in find_dates(text, published=published, language=language)
    ]


def one(text, published, language):
    found = read(text, published, language)
    assert len(found) == 1, found
    return found[0][1:]


@pytest.mark.parametrize(
    ("language", "text", "published", "expected"),
    [
        # English: each precision, and the relative words.
        ("en", "signed on 24 April 2024", "2025-01-01", ("2024-04-24", "day")),
        ("en", "signed on April 24, 2024", "2025-01-01", ("2024-04-24", "day")),
        ("en", "held in London on Feb. 11", "2025-02-12", ("2025-02-11", "day")),
        ("en", "signed in April 2024", "2025-02", ("2024-04", "month")),
        ("en", "signed in April last year", "2025-02-12", ("2024-04", "month")),
        ("en", "established in 2013", "2025-02", ("2013", "year")),
        ("en", "they signed it today", "2024-04-24", ("2024-04-24", "day")),
        ("en", "they met yesterday", "2024-04-24", ("2024-04-23", "day")),
        ("en", "the visit last April", "2025-02-12", ("2024-04", "month")),
        ("en", "they met on Saturday", "2024-04-24", ("2024-04-20", "day")),
        ("en", "trade grew last year", "2023-03-18", ("2022", "year")),
        ("en", "a change of government in July", "2025-02", ("2024-07", "month")),
        # Russian: inflected month names.
        ("ru", "подписали 24 апреля 2024 года", "2025-01-01", ("2024-04-24", "day")),
        ("ru", "подписано в апреле", "2024-04-24", ("2024-04", "month")),
        ("ru", "подписано в апреле 2024 года", "2025-01-01", ("2024-04", "month")),
        ("ru", "подписано в апреле прошлого года", "2025-02-12", ("2024-04", "month")),
        ("ru", "встреча состоялась вчера", "2024-04-24", ("2024-04-23", "day")),
        ("ru", "сегодня подписали", "2024-04-24", ("2024-04-24", "day")),
        ("ru", "товарооборот в прошлом году", "2024-04-24", ("2023", "year")),
        ("ru", "встретились в субботу", "2024-04-24", ("2024-04-20", "day")),
        ("ru", "11 февраля в Лондоне состоялось заседание", "2025-02-12", ("2025-02-11", "day")),
        ("ru", "в 2023 году", "2024-04-24", ("2023", "year")),
        # Kazakh: case endings on month names.
        ("kk", "бүгін қол қойды", "2024-04-24", ("2024-04-24", "day")),
        ("kk", "кеше кездесті", "2024-04-24", ("2024-04-23", "day")),
        ("kk", "сәуірде қол қойылды", "2024-05-02", ("2024-04", "month")),
        ("kk", "2024 жылғы 24 сәуірде қол қойылды", "2025-01-01", ("2024-04-24", "day")),
        ("kk", "2024 жылғы наурызда қол қойылған", "2025-02", ("2024-03", "month")),
        ("kk", "өткен жылдың сәуір айында", "2025-02-12", ("2024-04", "month")),
        ("kk", "сәуірдің 24-інде", "2024-05-01", ("2024-04-24", "day")),
        ("kk", "2023 жылы", "2024-04-24", ("2023", "year")),
        ("kk", "былтыр", "2024-04-24", ("2023", "year")),
        ("kk", "сенбі күні кездесті", "2024-04-24", ("2024-04-20", "day")),
    ],
)
def test_dates_in_each_language(language, text, published, expected):
    assert one(text, published, language) == expected


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "they signed it today"),
        ("en", "they met yesterday"),
        ("en", "they met on Saturday"),
        ("ru", "вчера подписали"),
        ("kk", "бүгін қол қойды"),
        ("kk", "кеше кездесті"),
    ],
)
def test_a_relative_day_never_invents_a_day(language, text):
    """An article dated only by month cannot say which day "today" was."""
    assert one(text, "2024-04", language) == ("2024-04", "month")
    assert one(text, "2024", language) == ("2024", "year")


def test_a_month_without_a_year_takes_the_articles_year_when_only_that_is_known():
    assert one("signed in March", "2023", "en") == ("2023-03", "month")


def test_past_by_default_future_when_the_clause_says_so():
    assert one("the talks were held in June", "2025-02-12", "en") == ("2024-06", "month")
    assert one("the next round will be held in June", "2025-02-12", "en") == ("2025-06", "month")
    assert one("заседание состоится в июне", "2025-02-12", "ru") == ("2025-06", "month")


def test_may_the_verb_is_not_a_month():
    assert read("The process may take some time", "2025-02", "en") == []
    assert one("signed in May", "2025-06-01", "en") == ("2025-05", "month")


def test_kazan_the_city_is_not_october():
    assert read("Қазан қаласында кездесті", "2024-11-02", "kk") == []
    assert one("қазан айында кездесті", "2024-11-02", "kk") == ("2024-10", "month")


def test_one_mention_is_read_once():
    """ "24 April 2024" is one day, not a day, a month and a year."""
    assert read("on 24 April 2024 and in 2023", "2025-01-01", "en") == [
        ("24 April 2024", "2024-04-24", "day"),
        ("2023", "2023", "year"),
    ]


def test_partial_date_round_trip_and_precision():
    assert PartialDate.parse("2024").precision == "year"
    assert PartialDate.parse("2024-04").iso() == "2024-04"
    assert PartialDate.parse("2024-04-24").coarsen("month") == PartialDate(2024, 4)
    assert PartialDate(2024, 4).coarsen("day") == PartialDate(2024, 4)
    with pytest.raises(ValueError):
        PartialDate.parse("2024-04-31")
    with pytest.raises(ValueError):
        PartialDate.parse("April 2024")


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "they met last week"),
        ("ru", "встреча прошла на прошлой неделе"),
        ("kk", "өткен аптада кездесті"),
    ],
)
def test_last_week_is_a_month_not_a_day(language, text):
    assert one(text, "2024-04-24", language) == ("2024-04", "month")
    assert one(text, "2024-05-03", language) == ("2024-04", "month")
