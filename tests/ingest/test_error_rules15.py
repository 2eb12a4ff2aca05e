"""Rules added after the error analysis of heldout15 (docs/INGEST.md, "heldout15:
error analysis"): dates named by what the text said before ("that April",
"the first of this month", a CV's «2024 ж., 24 сәуір»), an occasion behind a
numbered item's label, and steps in words the cues did not know. Each with
what it must not propose.

Every sentence is written for the test; none is copied from a corpus
article. Relative dates resolve against the publication date each test
gives, so nothing here reads the clock.
"""

import pytest

from .proposing import found_dates as dates
from .proposing import status_steps as steps
from .test_stem_events import SPCA_KK, SPCA_RU

PENDING, RATIFIED = "ratification_pending", "ratified"


# --- dates ----------------------------------------------------------------------------------------


def test_that_april_is_the_april_named_before():
    text = "The talks began in April 2022. The text was agreed that April, after a long night."
    assert ("that April", "2022-04") in dates(text, "en", "2026-04-15")


def test_that_april_with_no_april_before_it_is_no_date():
    assert dates("It was signed that April.", "en", "2026-04-15") == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("entered into force on the first of this month, so", "2026-09-01"),
        ("was laid on the 12th of last month and", "2026-08-12"),
    ],
)
def test_a_day_of_this_or_last_month(text, value):
    assert [v for _, v in dates(text, "en", "2026-09-28")] == [value]


def test_a_cv_line_gives_year_day_and_month_in_that_order():
    assert dates("• 2024 ж., 24 сәуір, Астана.", "kk", "2025-06-02") == [
        ("2024 ж., 24 сәуір", "2024-04-24")
    ]


def test_a_dated_line_with_its_place_dates_the_item_below(gazetteer):
    text = f"• 2024 ж., 24 сәуір, Астана. {SPCA_KK} қол қою рәсімі, ілеспе аударма."
    found = steps(gazetteer, text, "2025-06-02", "kk", fields=("target", "status", "date"))
    assert ("spca", "signed", "2024-04-24") in found


def test_an_occasion_reaches_back_over_a_numbered_items_label(gazetteer):
    text = (
        "2.1.\nВчера в Лондоне стороны провели заседание Стратегического диалога.\n"
        "2.2.\nНа полях заседания подписан меморандум о защите прав казахстанских "
        "сезонных работников."
    )
    found = steps(gazetteer, text, "2025-02-12", "ru", lead=False)
    assert ("mou-seasonal-workers-2025", "signed", "change", "2025-02-11") in found


# --- words for steps ------------------------------------------------------------------------------


def test_the_law_with_its_quoted_title_signed_by_the_head_of_state(gazetteer):
    text = (
        "20.05.2026 — Закон РК «О ратификации Соглашения о стратегическом партнерстве "
        "и сотрудничестве...» подписан Главой государства."
    )
    found = steps(gazetteer, text, "2026-06-01", "ru", fields=("status", "date", "party"))
    assert (RATIFIED, "2026-05-20", "kazakhstan") in found


@pytest.mark.parametrize(
    ("text", "published"),
    [
        (f"Британская сторона свою часть процедур по {SPCA_RU} пока не завершила.", "2026-05-19"),
        (f"На сегодня {SPCA_RU} в британский парламент пока не внесено.", "2026-05-19"),
    ],
)
def test_negations_in_new_words_confirm_the_pending_step(gazetteer, text, published):
    found = steps(gazetteer, text, "2026-05-19", "ru", fields=("status", "event", "date"))
    assert (PENDING, "confirmation", published) in found
    assert not any(status == RATIFIED for status, _, _ in found)


@pytest.mark.parametrize(
    "text",
    [
        f"После выборов в июле 2024 года текст {SPCA_RU} дополнительно изучался новым кабинетом.",
        f"В июле 2024 года британская сторона заново изучала текст {SPCA_RU}.",
    ],
)
def test_a_further_study_of_the_text_holds_the_ratification_up(gazetteer, text):
    found = steps(gazetteer, text, "2025-02-13", "ru", fields=("status", "date"))
    assert (PENDING, "2024-07") in found


@pytest.mark.parametrize(
    ("text", "status", "date"),
    [
        (
            f"2024 жылғы шілдеде жаңа үкімет {SPCA_KK} мәтінін басынан аяғына дейін қайта "
            "қарап шықты.",
            PENDING,
            "2024-07",
        ),
        (
            f"Британ тарабы {SPCA_KK} бойынша өз нотасын биыл шілде айында жолдады.",
            RATIFIED,
            "2026-07",
        ),
    ],
)
def test_kazakh_steps_with_more_words_between(gazetteer, text, status, date):
    found = steps(gazetteer, text, "2026-11-10", "kk", fields=("status", "date"))
    assert (status, date) in found


@pytest.mark.parametrize(
    "text",
    [
        "2024 жылғы наурызда аса маңызды минералдар жөніндегі жол картасы қабылданды.",
        "2024 жылғы наурызда бекітілген аса маңызды минералдар жөніндегі жол картасы іске асып жатыр.",
    ],
)
def test_a_roadmap_adopted_is_a_roadmap_made(gazetteer, text):
    found = steps(gazetteer, text, "2025-02-12", "kk", fields=("target", "status", "date"))
    assert ("roadmap-critical-minerals-2024", "signed", "2024-03") in found


def test_the_said_agreement_is_not_the_memorandum_named_last(gazetteer):
    text = (
        f"2025 жылғы 11 ақпанда тараптар {SPCA_KK} талқылады; сол күні маусымдық "
        "жұмысшылардың құқықтарын қорғау туралы меморандумға қол қойылды.\n"
        "Аталған келісімге 2024 жылғы 24 сәуірде Астанада қол қойылған."
    )
    found = steps(gazetteer, text, "2025-06-02", "kk", fields=("target", "status", "date"))
    assert ("spca", "signed", "2024-04-24") in found
    assert ("mou-seasonal-workers-2025", "signed", "2024-04-24") not in found
