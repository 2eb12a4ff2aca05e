"""Rules added after heldout23's honest figure was taken and its errors read
(docs/INGEST.md, "heldout23"): a completion of procedures that the treaty
sets as the condition of its entry into force, and «чтобы оно начало
действовать», are no steps. Each with what it must not change.

Every sentence is written for the test; none is copied from a corpus
article. Relative dates resolve against the publication date each test
gives, so nothing here reads the clock.
"""

from .proposing import status_steps as steps
from .test_stem_events import SPCA_EN, SPCA_RU


def test_procedures_complete_as_the_condition_of_entry_into_force_are_no_step(gazetteer):
    text = (
        f"{SPCA_EN} was signed in April 2024. Under its closing articles, the Agreement takes "
        "effect once both Parties have told each other that their internal procedures are "
        "complete."
    )
    found = steps(gazetteer, text, "2026-04-15", "en", fields=("status",))
    assert ("ratified",) not in found


def test_procedures_finished_when_a_note_was_sent_are_still_the_step(gazetteer):
    text = (
        f"{SPCA_EN} was signed in 2024. The UK completed ratification in July, when it sent "
        "Kazakhstan a note confirming that its procedures were finished."
    )
    found = steps(gazetteer, text, "2026-09-28", "en", fields=("status", "date"))
    assert ("ratified", "2026-07") in found


def test_for_it_to_start_working_is_a_purpose(gazetteer):
    text = (
        f"В среду в Астане подписали {SPCA_RU}. Чтобы оно начало действовать, его должны "
        "ратифицировать парламенты обеих стран."
    )
    found = steps(gazetteer, text, "2024-04-25", "ru", fields=("status",))
    assert ("in_force",) not in found
    assert ("signed",) in found
