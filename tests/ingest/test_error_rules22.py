"""Rules added after heldout22's honest figure was taken and its errors read
(docs/INGEST.md, "heldout22"): being committed to a step is a plan, not the
step. With what it must not change.

Every sentence is written for the test; none is copied from a corpus
article. Relative dates resolve against the publication date each test
gives, so nothing here reads the clock.
"""

from .proposing import found_dates as dates
from .proposing import status_steps as steps
from .test_stem_events import SPCA_EN


def test_committed_to_ratifying_is_no_ratification(gazetteer):
    text = (
        f"{SPCA_EN} was signed in April 2024. The minister said both sides remained "
        "committed to ratifying quickly."
    )
    found = steps(gazetteer, text, "2025-03-06", "en", fields=("status",))
    assert ("ratified",) not in found


def test_a_ratification_told_beside_a_commitment_after_it_stands(gazetteer):
    text = f"Kazakhstan ratified {SPCA_EN} on 12 May 2026 and remains committed to the partnership."
    found = steps(gazetteer, text, "2026-05-20", "en", fields=("status", "date"))
    assert ("ratified", "2026-05-12") in found


# --- a review given to the text ------------------------------------------------------------------


def test_putting_the_document_through_another_review_is_a_step_of_the_ratification(gazetteer):
    text = (
        f"{SPCA_EN} was signed in April 2024. After last July's election the incoming "
        "government put the document through yet another review."
    )
    found = steps(gazetteer, text, "2025-03-27", "en", fields=("status", "date"))
    assert ("ratification_pending", "2024-07") in found


def test_a_timelines_line_giving_the_acronym_a_further_review(gazetteer):
    text = (
        f"The story of {SPCA_EN} (SPCA).\n"
        "• July 2024 — The new government puts the SPCA through an additional review.\n"
    )
    found = steps(gazetteer, text, "2025-06-10", "en", fields=("status", "date"))
    assert ("ratification_pending", "2024-07") in found


def test_a_review_given_to_another_text_is_not_the_treatys(gazetteer):
    text = (
        f"{SPCA_EN} was signed in April 2024. In July 2024 the ministry gave its school "
        "curriculum an additional review."
    )
    found = steps(gazetteer, text, "2025-03-27", "en", fields=("status", "date"))
    assert ("ratification_pending", "2024-07") not in found


# --- "wrapped up its own ratification", "mid-May" ----------------------------------------------


def test_wrapping_up_its_own_ratification_is_the_ratification(gazetteer):
    text = (
        f"{SPCA_EN} was signed in 2024. The UK wrapped up its own ratification at the end of May."
    )
    found = steps(gazetteer, text, "2026-07-01", "en", fields=("status", "date"))
    assert ("ratified", "2026-05") in found


def test_mid_may_is_may_and_the_verb_may_is_no_date():
    assert dates("the vote came in mid-May", "en", "2026-07-01") == [("May", "2026-05")]
    assert dates("they may vote soon", "en", "2026-07-01") == []
