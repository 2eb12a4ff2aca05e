"""Rules added after the error analysis of heldout8 (docs/INGEST.md, "heldout8:
error analysis"), one test or more per rule and language.

Every sentence is written for the test; none is copied from a corpus
article. Relative dates resolve against the publication date each test
gives, so nothing here reads the clock.
"""

import pytest

from ingest.extract.dates import find_dates

from .test_error_rules7 import MOU_KK
from .test_stem_events import SPCA_EN, SPCA_KK, SPCA_RU, events

SPCA_RU_DAT = "Соглашению о стратегическом партнерстве и сотрудничестве"


# --- a Kazakh pronoun that opens the sentence ------------------------------------------


def test_a_kazakh_dative_pronoun_opening_the_sentence_is_the_object_of_the_signing(gazetteer):
    text = (
        f"Ең маңызды құжат — {SPCA_KK}. "
        "Оған 2024 жылғы 24 сәуірде Астанада, ресми рәсім барысында екі министр қол қойды."
    )
    found = events(gazetteer, text, "2025-03-02", "kk")
    assert ("spca", "signed", "2024-04-24") in found


def test_a_kazakh_subject_pronoun_with_a_passive_verb_is_the_document(gazetteer):
    text = f"Екінші құжат — {MOU_KK}. Ол 2025 жылғы ақпанда Лондонда өткен кездесуде бекітілді."
    found = events(gazetteer, text, "2025-06-01", "kk")
    assert found == {("mou-seasonal-workers-2025", "signed", "2025-02")}


def test_a_kazakh_subject_pronoun_with_an_active_verb_is_a_person(gazetteer):
    # «Ол ... қол қойды» is "he signed": the person signed something not named.
    text = f"Екінші құжат — {MOU_KK}. Ол 2025 жылғы ақпанда Лондонда басқа хатқа қол қойды."
    found = events(gazetteer, text, "2025-06-01", "kk")
    assert found == set()


# --- a paragraph dated in front ----------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        (
            "en",
            f"The road of {SPCA_EN}.\n\n11 February 2025. In London the ministers reviewed "
            "the ratification and signed the memorandum on seasonal workers.",
            {
                ("spca", "ratification_pending", "2025-02-11"),
                ("mou-seasonal-workers-2025", "signed", "2025-02-11"),
            },
        ),
        (
            "ru",
            f"Путь документа: {SPCA_RU}.\n\nФевраль 2025 года. В Лондоне министры подписали "
            "меморандум о защите прав сезонных работников.",
            {("mou-seasonal-workers-2025", "signed", "2025-02")},
        ),
        (
            "kk",
            f"{SPCA_KK} шежіресі.\n\n2025 жылғы 11 ақпан. Лондонда министрлер {MOU_KK} қол қойды.",
            {("mou-seasonal-workers-2025", "signed", "2025-02-11")},
        ),
    ],
)
def test_a_date_opening_a_paragraph_dates_its_steps(gazetteer, language, text, expected):
    found = events(gazetteer, text, "2025-04-24", language)
    assert expected <= found


def test_a_paragraph_whose_first_sentence_says_more_than_a_date_dates_nothing_else(gazetteer):
    text = (
        f"The road of {SPCA_EN}.\n\nIn February 2025 it snowed in London for a week. "
        "Later the ministers signed the memorandum on seasonal workers."
    )
    found = events(gazetteer, text, "2025-04-24", "en")
    assert ("mou-seasonal-workers-2025", "signed", "2025-02") not in found


# --- a dateline in ordinary case ---------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "en",
            f"Ministers meet in London\n\nLondon, 11 February\n\n"
            f"The delegations also reviewed the ratification of {SPCA_EN}.",
        ),
        (
            "ru",
            "Министры встретились в Лондоне\n\nЛондон, 11 февраля\n\n"
            "Делегации обсудили также ход ратификации Соглашения о стратегическом "
            "партнерстве и сотрудничестве.",
        ),
        (
            "kk",
            "Министрлер Лондонда кездесті\n\nЛондон, 11 ақпан\n\n"
            f"{SPCA_KK}ді ратификациялау барысы да қаралды.",
        ),
    ],
)
def test_a_place_and_date_line_dates_the_news_of_a_release(gazetteer, language, text):
    found = events(gazetteer, text, "2025-02-12", language)
    assert ("spca", "ratification_pending", "2025-02-11") in found


def test_a_meeting_the_body_dates_comes_before_the_dateline(gazetteer):
    text = (
        "Ministers meet in London\n\nLondon, 13 February\n\n"
        "The Strategic Dialogue took place in London on Tuesday. "
        f"The delegations also reviewed the ratification of {SPCA_EN}."
    )
    found = events(gazetteer, text, "2025-02-13", "en")
    assert found == {("spca", "ratification_pending", "2025-02-11")}


def test_a_place_line_that_says_more_is_no_dateline(gazetteer):
    text = (
        "Ministers meet in London\n\nLondon, 11 February, a cold day\n\n"
        f"The delegations also reviewed the ratification of {SPCA_EN}."
    )
    found = events(gazetteer, text, "2025-02-12", "en")
    assert found == {("spca", "ratification_pending", "2025-02-12")}


# --- a day of this year, last year or next year ------------------------------------------


@pytest.mark.parametrize(
    ("language", "text", "iso"),
    [
        ("en", "the Senate voted on 30 April this year", "2026-04-30"),
        ("en", "it was signed on 2 March last year", "2025-03-02"),
        ("ru", "Сенат одобрил закон 30 апреля текущего года", "2026-04-30"),
        ("ru", "подписан 2 марта прошлого года", "2025-03-02"),
        ("kk", "Сенат заңды биылғы 30 сәуірде мақұлдады", "2026-04-30"),
        ("kk", "келісімге былтыр 2 наурызда қол қойылды", "2025-03-02"),
    ],
)
def test_a_day_of_a_year_told_relatively_keeps_its_day(language, text, iso):
    [date] = find_dates(text, published="2026-05-12", language=language)
    assert (date.value.iso(), date.value.precision) == (iso, "day")


def test_the_senate_vote_on_a_day_of_the_current_year_is_dated_by_that_day(gazetteer):
    text = f"{SPCA_RU}: закон был одобрен Сенатом 30 апреля текущего года."
    found = events(gazetteer, text, "2026-05-12", "ru")
    assert found == {("spca", "ratification_pending", "2026-04-30")}


# --- ratification work going on ------------------------------------------------------------


def test_kazakh_ratification_work_going_on_confirms_the_pending_ratification(gazetteer):
    text = f"Елші {SPCA_KK}ді ратификациялау жұмысы екі елде де жалғасып жатқанын айтты."
    found = events(gazetteer, text, "2025-01-21", "kk")
    assert found == {("spca", "ratification_pending", "2025-01-21")}


def test_kazakh_ratification_work_to_go_on_is_a_plan(gazetteer):
    text = f"Елші {SPCA_KK}ді ратификациялау жұмысы келесі жылы жалғасуы мүмкін екенін айтты."
    found = events(gazetteer, text, "2025-01-21", "kk")
    assert found == set()


# --- the head of state signing the law the chambers passed --------------------------------


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "en",
            f"{SPCA_EN} entered into force today. The Mazhilis and the Senate passed the law, "
            "and the President signed it in May.",
        ),
        (
            "ru",
            f"{SPCA_RU} вступило в силу. Мажилис и Сенат одобрили закон, "
            "а глава государства подписал его в мае.",
        ),
        (
            "kk",
            f"{SPCA_KK} бүгін күшіне енді. Біздің тарапта Мәжіліс пен Сенат заңды мақұлдады, "
            "Мемлекет басшысы заңға мамырда қол қойды.",
        ),
    ],
)
def test_the_head_of_state_signing_the_law_the_chambers_passed_is_the_ratification(
    gazetteer, language, text
):
    found = events(gazetteer, text, "2026-09-01", language)
    assert found == {("spca", "in_force", "2026-09-01"), ("spca", "ratified", "2026-05")}


def test_a_law_the_chambers_only_debated_is_not_the_ratification(gazetteer):
    text = (
        f"{SPCA_EN} entered into force today. The Senate debated a tax law in May, "
        "which the President signed."
    )
    found = events(gazetteer, text, "2026-09-01", "en")
    assert found == {("spca", "in_force", "2026-09-01")}


# --- «Соглашение действует» ---------------------------------------------------------------


def test_the_agreement_as_the_subject_of_deystvuet_confirms_it_in_force(gazetteer):
    text = (
        f"Вчера в Лондоне прошло заседание комиссии по {SPCA_RU_DAT}. "
        "В протоколе стороны записали, что Соглашение действует в полном объеме."
    )
    found = events(gazetteer, text, "2026-11-18", "ru")
    assert found == {("spca", "in_force", "2026-11-17")}


@pytest.mark.parametrize(
    "sentence",
    ["Комиссия действует с прошлого года.", "Порядок действует для всех сторон."],
)
def test_deystvuet_with_another_subject_says_nothing(gazetteer, sentence):
    text = f"Вчера в Лондоне прошло заседание комиссии по {SPCA_RU_DAT}. {sentence}"
    found = events(gazetteer, text, "2026-11-18", "ru")
    assert found == set()


# --- Parliament receiving the text --------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", f"{SPCA_EN} was discussed. The British Parliament received the text in March."),
        ("ru", f"{SPCA_RU} обсуждали. Британский парламент получил текст в марте."),
        ("kk", f"{SPCA_KK} талқыланды. Ұлыбритания парламенті наурызда мәтінін алды."),
    ],
)
def test_the_british_parliament_receiving_the_text_is_the_laying(gazetteer, language, text):
    found = events(gazetteer, text, "2026-05-12", language)
    assert found == {("spca", "ratification_pending", "2026-03")}


def test_parliament_to_receive_the_text_is_a_plan(gazetteer):
    text = f"{SPCA_EN} was discussed. The British Parliament will receive the text in June."
    found = events(gazetteer, text, "2026-05-12", "en")
    assert found == set()
