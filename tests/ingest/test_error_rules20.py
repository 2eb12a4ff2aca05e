"""Rules added after heldout20's honest figure was taken and its errors read
(docs/INGEST.md, "heldout20"): a date line of its own over a paragraph (an
exhibition's panels, a report's sections) dates the paragraph's steps;
«күшіне енуі үшін» is a purpose, not a step; «ратификационных процедур»
names the procedure, it does not tell its end. Each with what it must not
propose.

Every sentence is written for the test; none is copied from a corpus
article. Relative dates resolve against the publication date each test
gives, so nothing here reads the clock.
"""

from .proposing import status_steps as steps
from .test_stem_events import SPCA_EN, SPCA_KK, SPCA_RU

SIGNED, RATIFIED, IN_FORCE = "signed", "ratified", "in_force"
PENDING = "ratification_pending"


def _panels(second_panel: str) -> str:
    return (
        "Көрме туралы\n\n"
        "2024 жыл, сәуір\n"
        f"{SPCA_KK}ге Астанада қол қойылды. Фотода — рәсімнен кейінгі сәт.\n\n"
        f"{second_panel}\n"
    )


def test_a_date_line_over_a_paragraph_dates_its_steps(gazetteer):
    found = steps(gazetteer, _panels("Көрменің келесі бөлімі."), "2025-09-10", "kk")
    assert ("spca", SIGNED, "change", "2024-04") in found


def test_a_step_with_its_own_date_keeps_it_under_a_date_line(gazetteer):
    text = (
        f"Көрме туралы\n\n2024 жыл, сәуір\nАл {SPCA_KK} 2026 жылғы 12 мамырда ратификацияланды.\n"
    )
    found = steps(gazetteer, text, "2026-09-10", "kk", fields=("status", "date"))
    assert (RATIFIED, "2026-05-12") in found
    assert (RATIFIED, "2024-04") not in found


def test_entering_into_force_as_a_purpose_is_no_step(gazetteer):
    panel = "Келісім күшіне енуі үшін оны екі елдің парламенттері ратификациялауы керек."
    text = _panels("").replace("рәсімнен кейінгі сәт.", f"рәсімнен кейінгі сәт. {panel}")
    found = steps(gazetteer, text, "2025-09-10", "kk", fields=("status",))
    assert (IN_FORCE,) not in found


def test_the_ratification_procedures_named_are_not_their_end(gazetteer):
    text = (
        f"{SPCA_RU} подписано в 2024 году. Сроки ратификационных процедур в Великобритании "
        "остаются неопределёнными."
    )
    found = steps(gazetteer, text, "2024-09-16", "ru", fields=("status",))
    assert (RATIFIED,) not in found
    assert (SIGNED,) in found


# --- a step under way, and the other side's status beside fresh news ------------------------------


def test_still_completing_its_procedures_is_the_ratification_under_way(gazetteer):
    text = f"{SPCA_EN} was signed in 2024. The Kazakh side is still completing its procedures."
    found = steps(gazetteer, text, "2026-03-18", "en", fields=("status", "event", "party"))
    assert (PENDING, "confirmation", "kazakhstan") in found
    assert not any(status == RATIFIED for status, _event, _party in found)


def test_completed_its_procedures_is_still_the_end_of_them(gazetteer):
    text = f"{SPCA_EN} was signed in 2024. Kazakhstan completed its procedures on 3 March."
    found = steps(gazetteer, text, "2026-03-18", "en", fields=("status", "date"))
    assert (RATIFIED, "2026-03-03") in found


def test_one_sides_fresh_step_does_not_swallow_the_other_sides_status(gazetteer):
    text = (
        f"Yesterday the Government laid {SPCA_EN} before Parliament. "
        "The Kazakh side is still completing its procedures."
    )
    found = steps(gazetteer, text, "2026-03-18", "en", fields=("status", "date", "party"))
    assert (PENDING, "2026-03-17", "united-kingdom") in found
    assert (PENDING, "2026-03-18", "kazakhstan") in found
