"""Rules added after the error analysis of heldout14 (docs/INGEST.md, "heldout14:
error analysis"): the day an entry is written under, weekdays beside dates,
two steps in one sentence, steps told by the law's signature or the note,
a second look at the text, a bare season, a foreign focus. Each with what it
must not propose.

Every sentence is written for the test; none is copied from a corpus
article. Relative dates resolve against the publication date each test
gives, so nothing here reads the clock.
"""

import pytest

from .proposing import found_dates as dates
from .proposing import status_steps as steps
from .test_stem_events import SPCA_EN, SPCA_KK, SPCA_RU

PENDING, RATIFIED = "ratification_pending", "ratified"


# --- the writer's day: an entry under its own dated heading --------------------------------------


def test_today_under_a_dated_heading_is_that_day_not_the_publication(gazetteer):
    text = f"Tuesday 3 March 2026.\nToday the government laid {SPCA_EN} before Parliament."
    found = steps(gazetteer, text, "2026-03-10", "en", fields=("status", "date"))
    assert (PENDING, "2026-03-03") in found
    assert (PENDING, "2026-03-10") not in found


def test_a_diary_entry_in_kazakh_counts_today_from_its_heading(gazetteer):
    text = (
        "5 мамыр, сейсенбі. Кешке жаңалықтарды оқыдым. "
        f"Мәжіліс бүгін {SPCA_KK} ратификациялау туралы заңды мақұлдапты."
    )
    found = steps(gazetteer, text, "2026-05-10", "kk", fields=("status", "date"))
    assert (PENDING, "2026-05-05") in found
    assert (PENDING, "2026-05-10") not in found


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", f"Tuesday 3 March 2026.\nYesterday the government laid {SPCA_EN} before Parliament.", "2026-03-02"),
        ("ru", f"3 марта 2026 года, вторник.\nНеделю назад правительство внесло {SPCA_RU} в Парламент.", "2026-02-24"),
    ],
)  # fmt: skip
def test_every_day_counted_from_the_writer_is_counted_from_the_entrys_heading(
    gazetteer, language, text, expected
):
    found = steps(gazetteer, text, "2026-03-10", language, fields=("status", "date"))
    assert (PENDING, expected) in found


def test_today_with_no_dated_heading_is_still_the_publication_day(gazetteer):
    text = f"Today the government laid {SPCA_EN} before Parliament."
    found = steps(gazetteer, text, "2026-03-10", "en", fields=("status", "date"))
    assert (PENDING, "2026-03-10") in found


# --- weekdays beside a date ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "text", "published", "expected"),
    [
        ("kk", "17 наурыз, сейсенбі.", "2026-04-16", [("17 наурыз", "2026-03-17")]),
        ("ru", "15 апреля, среда.", "2026-04-30", [("15 апреля", "2026-04-15")]),
        (
            "en",
            "the bill passed on Wednesday the fifteenth, with a majority",
            "2026-04-30",
            [("on Wednesday the fifteenth", "2026-04-15")],
        ),
    ],
)
def test_a_weekday_beside_a_date_names_that_date(language, text, published, expected):
    assert dates(text, language, published) == expected


def test_a_weekday_before_an_ordinal_that_is_no_date_stays_a_weekday():
    assert dates("on Wednesday the sixth floor was closed", "en", "2026-04-30") == [
        ("on Wednesday", "2026-04-29")
    ]


# --- two steps in one sentence -------------------------------------------------------------------


def test_the_contrastive_a_gives_each_chamber_its_own_date(gazetteer):
    text = (
        f"{SPCA_RU} прошло обе палаты. "
        "Сенат одобрил его в конце мая, а Мажилис поддержал его еще 14 апреля."
    )
    found = steps(gazetteer, text, "2026-06-10", "ru", fields=("status", "date"))
    assert {(PENDING, "2026-05"), (PENDING, "2026-04-14")} <= found


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "en",
            f"The ministers reviewed {SPCA_EN} when the Strategic Dialogue met on 11 February "
            "2025, and a memorandum on Kazakh seasonal workers was signed at that meeting.",
        ),
        (
            "ru",
            "11 февраля 2025 года в Лондоне прошло заседание Стратегического диалога. "
            "Там же был подписан меморандум о защите прав казахстанских сезонных работников.",
        ),
    ],
)
def test_a_step_at_that_meeting_takes_the_meetings_date(gazetteer, language, text):
    found = steps(gazetteer, text, "2025-05-20", language)
    assert ("mou-seasonal-workers-2025", "signed", "change", "2025-02-11") in found


# --- the law signed by the head of state, the note sent ------------------------------------------


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("ru", f"Закон о ратификации {SPCA_RU} подписан Главой государства 20 мая 2026 г."),
        (
            "kk",
            f"Парламент {SPCA_KK} ратификациялау туралы заңды қабылдады. "
            "Заңға Мемлекет басшысы 2026 жылғы 20 мамырда қол қойды.",
        ),
    ],
)
def test_the_head_of_state_signing_the_law_is_kazakhstans_ratification(gazetteer, language, text):
    found = steps(gazetteer, text, "2026-06-01", language, fields=("status", "date", "party"))
    assert (RATIFIED, "2026-05-20", "kazakhstan") in found


def test_a_law_that_must_still_be_signed_is_no_ratification(gazetteer):
    text = f"Закон о ратификации {SPCA_RU} должен быть подписан Президентом."
    found = steps(gazetteer, text, "2026-06-01", "ru")
    assert not any(status == RATIFIED for _, status, _, _ in found)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("ru", f"Британская сторона направила свое уведомление по {SPCA_RU} 3 августа."),
        ("kk", f"Британ тарабы {SPCA_KK} бойынша өз нотасын 3 тамызда жолдады."),
    ],
)
def test_the_note_sent_is_a_ratification(gazetteer, language, text):
    found = steps(gazetteer, text, "2026-08-20", language, fields=("status", "date"))
    assert (RATIFIED, "2026-08-03") in found


# --- a second look at the text, a part completed -------------------------------------------------


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", f"In August 2024 the new ministers chose to look at {SPCA_EN} again."),
        ("ru", f"В августе 2024 года новое правительство решило заново изучить текст {SPCA_RU}."),
        ("kk", f"2024 жылғы тамызда жаңа үкімет {SPCA_KK} мәтінін қайта қарап шықты."),
    ],
)
def test_a_second_look_at_the_text_holds_the_ratification_up(gazetteer, language, text):
    found = steps(gazetteer, text, "2025-01-15", language, fields=("status", "date"))
    assert (PENDING, "2024-08") in found


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("ru", f"Новое правительство решило заново изучить текст {SPCA_RU}."),
        ("kk", f"Жаңа үкімет {SPCA_KK} мәтінін қайта қарап шықты."),
    ],
)
def test_an_undated_second_look_is_background_not_todays_news(gazetteer, language, text):
    assert not steps(gazetteer, text, "2025-01-15", language)


def test_completing_their_part_is_the_ratification(gazetteer):
    text = f"Kazakhstan's parliament and president completed their part of {SPCA_EN} in June 2026."
    found = steps(gazetteer, text, "2026-10-01", "en", fields=("status", "date"))
    assert (RATIFIED, "2026-06") in found


def test_the_senators_approving_the_law_on_ratifying_is_a_chamber_step(gazetteer):
    text = f"On 30 April senators approved the law on ratifying {SPCA_EN}."
    found = steps(gazetteer, text, "2026-05-02", "en", fields=("status", "date"))
    assert (PENDING, "2026-04-30") in found
    assert not any(status == RATIFIED for status, _ in found)


# --- what tells no step --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", f"The Senate approved {SPCA_EN} in the spring."),
        ("ru", f"Сенат одобрил {SPCA_RU} весной."),
        ("kk", f"Сенат {SPCA_KK} көктемде мақұлдаған."),
    ],
)
def test_a_step_dated_by_a_bare_season_is_not_dated_to_the_article(gazetteer, language, text):
    found = steps(gazetteer, text, "2026-09-10", language, fields=("status", "date"))
    assert (PENDING, "2026-09-10") not in found


def test_a_kazakh_verbal_noun_in_the_genitive_tells_no_ratification(gazetteer):
    text = f"Оқушылар {SPCA_KK} мысалында оны ратификациялаудың мәнін талқылады."
    found = steps(gazetteer, text, "2025-03-05", "kk")
    assert not any(status == RATIFIED for _, status, _, _ in found)


def test_the_day_of_entry_into_force_named_is_no_entry_into_force(gazetteer):
    text = (
        f"Британ тарабы {SPCA_KK} бойынша рәсімдерін әлі аяқтаған жоқ, "
        "сондықтан келісімнің күшіне енген күні белгісіз."
    )
    found = steps(gazetteer, text, "2026-06-10", "kk", fields=("status", "event"))
    assert (PENDING, "confirmation") in found
    assert not any(status == "in_force" for status, _ in found)


# --- a foreign focus: postings abroad do not silence the tracked agreement ------------------------


def test_a_sentence_naming_the_agreement_in_full_survives_a_foreign_focus(gazetteer):
    text = (
        "He served in Moscow, Tashkent and Ankara before a spell on the Kazakhstan desk in London.\n"
        f"On 24 April 2024 {SPCA_EN} was signed in Astana.\n"
        "In 2019 a transit treaty with Uzbekistan was signed in Tashkent."
    )
    found = steps(gazetteer, text, "2026-10-06", "en", lead=False)
    assert found == {("spca", "signed", "change", "2024-04-24")}
