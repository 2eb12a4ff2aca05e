"""Rules added after the first errors of heldout19 were read (docs/INGEST.md,
"heldout19"): a post's dated heading with its time of day; the law on the
ratification named with the state before it; a news item's dateline is the
article's day, not a step's; "hasn't ratified"; a written parliamentary
question. Each with what it must not propose.

Every sentence is written for the test; none is copied from a corpus
article. Relative dates resolve against the publication date each test
gives, so nothing here reads the clock.
"""

import pytest

from .proposing import status_steps as steps
from .test_stem_events import SPCA_EN, SPCA_KK, SPCA_RU

PENDING, RATIFIED, SIGNED, IN_FORCE = "ratification_pending", "ratified", "signed", "in_force"
DAY_STEP = ("status", "date")


# --- a post's heading: its day and its time ------------------------------------------------------


@pytest.mark.parametrize("heading", ["2 марта, 18:45", "2 марта, в 18:45", "18:45, 2 марта"])
def test_today_in_a_post_under_a_heading_with_its_time_is_the_headings_day(gazetteer, heading):
    text = (
        "Лента канала за неделю\n\n"
        f"{heading}\nСегодня {SPCA_RU} вступило в силу.\n\n"
        "4 марта, 10:05\nКоротко о планах на весну."
    )
    found = steps(gazetteer, text, "2026-03-06", "ru", fields=DAY_STEP)
    assert (IN_FORCE, "2026-03-02") in found
    assert (IN_FORCE, "2026-03-06") not in found


def test_a_time_alone_on_its_line_dates_nothing(gazetteer):
    text = f"18:45\nСегодня {SPCA_RU} вступило в силу."
    found = steps(gazetteer, text, "2026-03-06", "ru", fields=DAY_STEP)
    assert (IN_FORCE, "2026-03-06") in found


# --- the law on the ratification, with the state named in its title --------------------------------


def test_the_head_of_state_signing_the_law_of_the_republic_on_the_ratification(gazetteer):
    text = (
        "3 мая 2026 года Глава государства подписал Закон Республики Казахстан "
        f"«О ратификации {SPCA_RU.replace('Соглашение', 'Соглашения')}»."
    )
    found = steps(gazetteer, text, "2026-05-10", "ru", fields=("status", "date", "party"))
    assert (RATIFIED, "2026-05-03", "kazakhstan") in found


def test_a_law_of_the_republic_on_something_else_is_no_ratification(gazetteer):
    text = (
        "3 мая 2026 года Глава государства подписал Закон Республики Казахстан "
        f"«О республиканском бюджете». {SPCA_RU} ждет ратификации."
    )
    found = steps(gazetteer, text, "2026-05-10", "ru", fields=("status", "date"))
    assert (RATIFIED, "2026-05-03") not in found


# --- a news item's dateline --------------------------------------------------------------------


def test_a_dateline_of_the_articles_day_does_not_date_a_step_told_again(gazetteer):
    text = (
        f"Астана, 25 сәуір. Кеше Астанада {SPCA_KK}ге қол қойылды. "
        "Құжатқа екі елдің министрлері қол қойды."
    )
    found = steps(gazetteer, text, "2024-04-25", "kk", fields=DAY_STEP)
    assert (SIGNED, "2024-04-24") in found
    assert (SIGNED, "2024-04-25") not in found


def test_a_dateline_of_another_day_still_dates_the_paragraph(gazetteer):
    text = f"Астана, 20 сәуір. Құжатқа, яғни {SPCA_KK}ге, екі елдің министрлері қол қойды."
    found = steps(gazetteer, text, "2024-04-25", "kk", fields=DAY_STEP)
    assert (SIGNED, "2024-04-20") in found


# --- "hasn't ratified" -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        f"As of today, the Kazakh side hasn't ratified {SPCA_EN} either.",
        f"As of today, Kazakhstan has not ratified {SPCA_EN}.",
        f"As of today, Kazakhstan hasn’t yet ratified {SPCA_EN}.",
        f"{SPCA_EN} was signed in 2024. As of today, it's not ratified yet.",
    ],
)
def test_hasnt_ratified_is_the_status_still_pending(gazetteer, sentence):
    found = steps(gazetteer, sentence, "2026-04-24", "en", fields=DAY_STEP)
    assert (PENDING, "2026-04-24") in found
    assert (RATIFIED, "2026-04-24") not in found


def test_has_ratified_is_still_a_ratification(gazetteer):
    found = steps(gazetteer, f"Today Kazakhstan has ratified {SPCA_EN}.", "2026-04-24", "en")
    assert ("spca", RATIFIED, "change", "2026-04-24") in found


# --- a written parliamentary question ------------------------------------------------------------


def test_a_written_question_proposes_no_step(gazetteer):
    text = (
        "To ask the Secretary of State for Foreign Affairs, what progress his Department has "
        f"made towards ratifying {SPCA_EN}; and when he expects to lay it before Parliament."
    )
    assert steps(gazetteer, text, "2025-03-05", "en", fields=("status",)) == set()


def test_the_answer_to_a_written_question_tells_its_steps(gazetteer):
    text = (
        "To ask the Secretary of State what progress has been made on the agreement.\n"
        f"Answer: the Government laid {SPCA_EN} before Parliament on 3 March 2025."
    )
    found = steps(gazetteer, text, "2025-03-05", "en", fields=DAY_STEP)
    assert (PENDING, "2025-03-03") in found
