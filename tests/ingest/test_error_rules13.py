"""Rules added after the error analysis of heldout13 (docs/INGEST.md, "heldout13:
error analysis"): negations in forms the rules did not know, the UK's
completion told as its note, and two date forms. Each with what it must not
propose.

Every sentence is written for the test; none is copied from a corpus
article. Relative dates resolve against the publication date each test
gives, so nothing here reads the clock.
"""

import pytest

from .proposing import found_dates as dates
from .proposing import status_steps as steps
from .test_stem_events import SPCA_EN, SPCA_KK, SPCA_RU

# The SPCA's known history has it pending from the UK's review of July 2024,
# so a negation after that confirms `ratification_pending`.
AFTER_THE_REVIEW = "2025-09-10"


# --- negations: "neither ... has ratified", a laying or a note not yet done ----------------------


@pytest.mark.parametrize(
    "text",
    [
        f"Neither parliament has ratified {SPCA_EN}.",
        f"{SPCA_EN} was signed long ago, yet none of the two legislatures has ratified it.",
        f"{SPCA_EN} has still not been ratified.",
    ],
)
def test_neither_has_ratified_confirms_the_pending_status(gazetteer, text):
    found = steps(gazetteer, text, AFTER_THE_REVIEW, "en")
    assert ("spca", "ratification_pending", "confirmation", AFTER_THE_REVIEW) in found
    assert not any(status == "ratified" for _, status, _, _ in found)


def test_neither_in_another_sense_is_no_negation(gazetteer):
    text = f"Neither minister spoke to the press after the parliament ratified {SPCA_EN} on 3 June."
    found = steps(gazetteer, text, AFTER_THE_REVIEW, "en")
    assert ("spca", "ratified", "change", "2025-06-03") in found


def test_a_treaty_not_yet_laid_confirms_the_uks_pending_step(gazetteer):
    text = f"As of today {SPCA_EN} has still not been laid before Parliament in London."
    found = steps(gazetteer, text, AFTER_THE_REVIEW, "en", fields=("status", "event", "party"))
    assert ("ratification_pending", "confirmation", "united-kingdom") in found
    assert not any(event == "change" for _, event, _ in found)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", f"London has not yet sent its note on the completion of procedures for {SPCA_EN}."),
        ("ru", f"Британская сторона пока не направила ноту о завершении процедур по {SPCA_RU}."),
        ("ru", f"Нота о ратификации {SPCA_RU} из Лондона пока не поступила."),
        (
            "kk",
            f"Британ тарабы {SPCA_KK} бойынша рәсімдердің аяқталғаны туралы нотасын әлі жолдаған жоқ.",
        ),
    ],
)
def test_a_note_of_completion_not_yet_sent_is_no_ratification(gazetteer, language, text):
    found = steps(gazetteer, text, AFTER_THE_REVIEW, language)
    assert ("spca", "ratification_pending", "confirmation", AFTER_THE_REVIEW) in found
    assert not any(status == "ratified" for _, status, _, _ in found)


# --- the UK's completion told as its note -------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "ru",
            f"Лондон 14 июля направил ноту о том, что внутренняя ратификация {SPCA_RU} "
            "британской стороной завершена.",
        ),
        (
            "kk",
            f"Британ тарабы {SPCA_KK} бойынша рәсімдерін 14 шілдеде нота жолдау арқылы аяқтады.",
        ),
        ("kk", f"Ұлыбритания {SPCA_KK} бойынша рәсімдерін шілденің 14-інде аяқтады."),
    ],
)
def test_a_note_that_ratification_is_complete_is_the_ratification(gazetteer, language, text):
    assert ("spca", "ratified", "change", "2026-07-14") in steps(
        gazetteer, text, "2026-07-20", language
    )


def test_a_note_saying_ratification_is_not_complete_is_no_ratification(gazetteer):
    text = f"Лондон 14 июля направил ноту о том, что ратификация {SPCA_RU} пока не завершена."
    found = steps(gazetteer, text, "2026-07-20", "ru")
    assert not any(status == "ratified" for _, status, _, _ in found)


# --- dates: a day with no month, a Russian day in words with its year ----------------------------


@pytest.mark.parametrize(
    ("text", "published", "value"),
    [
        (
            "the lower house voted on the fifteenth, with a large majority",
            "2026-04-30",
            "2026-04-15",
        ),
        ("the committee met on the 28th and", "2026-05-03", "2026-04-28"),
        ("signed it on the first.", "2026-02-10", "2026-02-01"),
    ],
)
def test_on_a_day_with_no_month_is_that_day_of_the_articles_month_or_the_last(
    text, published, value
):
    assert [v for _, v in dates(text, "en", published)] == [value]


@pytest.mark.parametrize(
    "text",
    ["the office on the fifth floor", "on the first day of talks", "on the second reading"],
)
def test_an_ordinal_that_is_no_day_is_no_date(text):
    assert dates(text, "en", "2026-04-30") == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("двадцать четвертого апреля 2024 года", "2024-04-24"),
        ("первого сентября 2026 г.", "2026-09-01"),
        ("одиннадцатого февраля 2025", "2025-02-11"),
    ],
)
def test_a_russian_day_in_words_with_its_year_is_that_day(text, value):
    assert dates(text, "ru", "2026-10-01") == [(text, value)]


def test_a_russian_day_in_words_dates_the_signing(gazetteer):
    text = f"{SPCA_RU} было подписано в Астане двадцать четвертого апреля 2024 года."
    assert ("spca", "signed", "change", "2024-04-24") in steps(gazetteer, text, "2026-04-15", "ru")
