"""Rules added after the error analysis of heldout17 (docs/INGEST.md, "heldout17:
error analysis"): dates counted back ("the day before yesterday", "eight days
ago", «неделю назад»), written "24/4/2024" or «11 февраля (2025)», "that day";
the Russian and Kazakh acronyms of the SPCA; a genitive plural the cues did not
read; a rule of entry into force; a hope. Each with what it must not propose.

Every sentence is written for the test; none is copied from a corpus
article. Relative dates resolve against the publication date each test
gives, so nothing here reads the clock.
"""

import pytest

from .proposing import found_dates as dates
from .proposing import status_steps as steps
from .test_stem_events import SPCA_EN, SPCA_RU

PENDING, RATIFIED = "ratification_pending", "ratified"


@pytest.mark.parametrize(
    ("language", "text", "published", "expected"),
    [
        ("en", "it happened the day before yesterday", "2026-07-16", [("the day before yesterday", "2026-07-14")]),
        ("en", "passed eight days ago, on the Wednesday", "2026-04-23", [("eight days ago", "2026-04-15")]),
        ("en", "passed 3 days ago", "2026-04-23", [("3 days ago", "2026-04-20")]),
        ("en", "signed 24/4/2024 in Astana", "2025-01-01", [("24/4/2024", "2024-04-24")]),
        ("ru", "одобрил неделю назад", "2026-05-07", [("неделю назад", "2026-04-30")]),
        ("ru", "11 февраля (2025) — подписан", "2026-12-01", [("11 февраля (2025)", "2025-02-11")]),
        ("ru", "Март (2023) — подписан", "2026-12-01", [("Март (2023)", "2023-03")]),
    ],
)  # fmt: skip
def test_dates_counted_back_or_written_otherwise(language, text, published, expected):
    assert dates(text, language, published) == expected


def test_that_day_is_the_day_the_sentence_before_gave(gazetteer):
    text = (
        f"Senators voted on {SPCA_EN} in the Senate hall on April 30, 2026.\n"
        "The upper chamber approved the ratification bill that day with no votes against."
    )
    found = steps(gazetteer, text, "2026-05-12", "en", fields=("status", "date"))
    assert (PENDING, "2026-04-30") in found
    assert (PENDING, "2026-05-12") not in found


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("ru", "Справка: Мажилис принял закон о ратификации СПС 15.04.2026."),
        ("kk", "Мәжіліс СӘЫК-ті ратификациялау туралы заңды 15.04.2026 қабылдады."),
    ],
)
def test_the_acronym_in_russian_and_kazakh(gazetteer, language, text):
    found = steps(gazetteer, text, "2026-05-07", language, fields=("target", "status", "date"))
    assert ("spca", PENDING, "2026-04-15") in found


def test_the_progress_of_domestic_procedures_reviewed_confirms_the_pending_step(gazetteer):
    text = (
        f"11 февраля 2025 года стороны рассмотрели ход внутригосударственных процедур по {SPCA_RU}."
    )
    found = steps(gazetteer, text, "2026-03-25", "ru", fields=("status", "event", "date"))
    assert (PENDING, "confirmation", "2025-02-11") in found


def test_the_stages_of_procedures_traced_in_a_thesis_are_no_step(gazetteer):
    text = f"В диссертации прослежены этапы внутригосударственных процедур по {SPCA_RU}."
    assert not steps(gazetteer, text, "2026-08-05", "ru")


def test_the_uk_named_as_subject_keeps_its_completion_beside_kazakhstans(gazetteer):
    text = (
        f"Посольство уведомляет, что Соединенное Королевство завершило внутригосударственные "
        f"процедуры по {SPCA_RU}. Казахстан ратифицировал его законом от 12 мая 2026 года."
    )
    found = steps(gazetteer, text, "2026-07-14", "ru", fields=("status", "date", "party"))
    assert (RATIFIED, "2026-07-14", "united-kingdom") in found
    assert (RATIFIED, "2026-05-12", "kazakhstan") in found


def test_a_rule_of_entry_into_force_is_no_entry_into_force(gazetteer):
    text = f"{SPCA_RU} вступает в силу в первый день второго месяца после обмена нотами."
    found = steps(gazetteer, text, "2026-07-14", "ru", fields=("status",))
    assert ("in_force",) not in found


def test_a_procedure_one_hopes_will_end_is_no_ratification(gazetteer):
    text = "Ұлыбритания рәсімі жаз соңына дейін аяқталады деп үміттенемін."
    found = steps(gazetteer, text, "2026-06-20", "kk", fields=("status",))
    assert (RATIFIED,) not in found


def test_went_back_for_a_second_look_holds_the_ratification_up(gazetteer):
    text = f"On the British side the text of {SPCA_EN} went back for a second look in July 2024."
    found = steps(gazetteer, text, "2025-02-13", "en", fields=("status", "date"))
    assert (PENDING, "2024-07") in found
