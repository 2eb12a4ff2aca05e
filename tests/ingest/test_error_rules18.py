"""Rules added after the first errors of heldout18 were read (docs/INGEST.md,
"heldout18"): a ratification or an entry into force beside lines on memoranda
and roadmaps is the one known treaty's; a top-ten item's label before its
date line; "last week, on Tuesday" with a comma. Each with what it must not
propose.

Every sentence is written for the test; none is copied from a corpus
article. Relative dates resolve against the publication date each test
gives, so nothing here reads the clock.
"""

from .proposing import found_dates as dates
from .proposing import status_steps as steps


def test_a_tickers_ratification_beside_a_memorandum_is_the_one_known_treaty(gazetteer):
    text = (
        "08:02 Kazakhstan and the UK: London sent its note completing UK ratification on 14 July\n"
        "07:40 Seasonal workers MoU with Britain's GLAA, inked in London in Feb 2025\n"
    )
    found = steps(gazetteer, text, "2026-09-02", "en", lead=False)
    assert ("spca", "ratified", "change", "2026-07-14") in found
    assert ("mou-seasonal-workers-2025", "signed", "change", "2025-02") in found


def test_another_accession_in_force_before_the_treaty_could_be_is_not_the_treaty(gazetteer):
    # The SPCA was still pending in 2025 (its known history): an entry into
    # force in December 2024 is someone else's, here the CPTPP accession's.
    text = (
        "Kazakhstan's buyers visit the UK stand. The UK signed the protocol on 16 July 2023. "
        "After ratification by Parliament, the accession entered into force for the UK on "
        "15 December 2024."
    )
    found = steps(gazetteer, text, "2026-02-09", "en", lead=False, fields=("target", "status"))
    assert ("spca", "in_force") not in found


def test_a_top_ten_items_label_before_its_date_line(gazetteer):
    text = (
        "ЖЫЛДЫҢ ОН ОҚИҒАСЫ\n"
        "9-орын. 17 наурыз. Стратегиялық әріптестік және ынтымақтастық туралы келісім "
        "Лондонда парламентке енгізілді.\n"
        "7-орын. 30 сәуір. Сенат келісімді ратификациялау туралы заңды мақұлдады.\n"
    )
    found = steps(gazetteer, text, "2026-12-04", "kk", fields=("status", "date"))
    assert {("ratification_pending", "2026-03-17"), ("ratification_pending", "2026-04-30")} <= found


def test_last_week_comma_on_tuesday():
    assert dates("На прошлой неделе, во вторник, правительство", "ru", "2026-03-25") == [
        ("На прошлой неделе, во вторник", "2026-03-17")
    ]
