"""Rules added after heldout21's honest figure was taken and its errors read
(docs/INGEST.md, "heldout21"): a wire story's dateline in a lead that also
dates the meeting ("LONDON, Feb. 12 - ... held talks in London on
Tuesday") is the day of the report; the meeting's date is the other. With
what it must not change.

Every sentence is written for the test; none is copied from a corpus
article. Relative dates resolve against the publication date each test
gives, so nothing here reads the clock.
"""

from .proposing import status_steps as steps
from .test_stem_events import SPCA_EN

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
