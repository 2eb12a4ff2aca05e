"""Rules added after heldout21's honest figure was taken and its errors read
(docs/INGEST.md, "heldout21"): a wire story's dateline in a lead that also
dates the meeting ("LONDON, Feb. 12 - ... held talks in London on
Tuesday") is the day of the report; the meeting's date is the other.
Entering into force as a condition («күшіне енген жағдайда», «... кезде»)
or a purpose («чтобы документ вступил в силу»), seen in heldout20 and
heldout21, is no step. Each with what it must not change.

Every sentence is written for the test; none is copied from a corpus
article. Relative dates resolve against the publication date each test
gives, so nothing here reads the clock.
"""

from .proposing import status_steps as steps
from .test_stem_events import SPCA_EN, SPCA_KK, SPCA_RU

SPCA_KK_DATIVE = f"{SPCA_KK}ге"

REVIEW = (
    "The delegation was led by a deputy foreign minister.\n\n"
    f"The delegations went through the ratification of {SPCA_EN}."
)


def test_a_wire_dateline_beside_the_meetings_day_gives_way_to_it(gazetteer):
    text = (
        "LONDON, Feb. 12 - Kazakhstan and the United Kingdom held the eighth round of their "
        f"Strategic Dialogue in London on Tuesday, with trade high on the agenda.\n\n{REVIEW}"
    )
    found = steps(gazetteer, text, "2025-02-12", "en", lead=False, fields=("status", "date"))
    assert ("ratification_pending", "2025-02-11") in found
    assert ("ratification_pending", "2025-02-12") not in found


def test_a_wire_dateline_alone_still_dates_the_news(gazetteer):
    text = (
        "LONDON, Feb. 12 - Kazakhstan and the United Kingdom held the eighth round of their "
        f"Strategic Dialogue in London, with trade high on the agenda.\n\n{REVIEW}"
    )
    found = steps(gazetteer, text, "2025-02-13", "en", lead=False, fields=("status", "date"))
    assert ("ratification_pending", "2025-02-12") in found


# --- entering into force as a condition or a purpose ----------------------------------------------


def test_when_or_in_case_it_enters_into_force_is_no_step(gazetteer):
    for condition in ("жағдайда", "кезде"):
        text = (
            f"{SPCA_KK_DATIVE} 2024 жылы қол қойылды. "
            f"Келісім күшіне енген {condition} біз клиенттерге шолу жібереміз."
        )
        found = steps(gazetteer, text, "2026-05-20", "kk", fields=("status",))
        assert ("in_force",) not in found, condition
        assert ("signed",) in found


def test_entered_into_force_in_kazakh_is_still_a_step(gazetteer):
    text = f"{SPCA_KK_DATIVE} 2024 жылы қол қойылды. Келісім 1 маусымда күшіне енген."
    found = steps(gazetteer, text, "2026-06-20", "kk", fields=("status", "date"))
    assert ("in_force", "2026-06-01") in found


def test_for_the_document_to_enter_into_force_is_a_purpose(gazetteer):
    text = (
        f"{SPCA_RU} подписано в 2024 году. Чтобы документ вступил в силу, его должны "
        "ратифицировать обе стороны."
    )
    found = steps(gazetteer, text, "2025-03-03", "ru", fields=("status",))
    assert ("in_force",) not in found
