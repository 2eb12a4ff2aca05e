"""Rules added after heldout22's honest figure was taken and its errors read
(docs/INGEST.md, "heldout22"): being committed to a step is a plan, not the
step. With what it must not change.

Every sentence is written for the test; none is copied from a corpus
article. Relative dates resolve against the publication date each test
gives, so nothing here reads the clock.
"""

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
