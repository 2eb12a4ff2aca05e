"""Rules added after the error analysis of heldout7 (docs/INGEST.md, "heldout7:
error analysis"), one test or more per rule and language.

Every sentence is written for the test; none is copied from a corpus
article. Relative dates resolve against the publication date each test
gives, so nothing here reads the clock.
"""

import pytest

from .test_stem_events import SPCA_RU, events

MOU_EN = "the memorandum on seasonal workers"
MOU_RU = "меморандум о защите прав сезонных работников"
MOU_KK = "маусымдық жұмысшылардың құқықтарын қорғау туралы меморандум"


# --- only treaties are ratified ---------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", f"In February the ministries signed {MOU_EN}. It has not been ratified yet."),
        ("ru", f"В феврале министерства подписали {MOU_RU}. Документ пока не ратифицирован."),
        ("kk", f"Ақпанда министрліктер {MOU_KK} қол қойды. Құжат әлі ратификацияланбаған."),
    ],
)
def test_a_memorandum_is_no_antecedent_of_a_ratification(gazetteer, language, text):
    found = events(gazetteer, text, "2025-06-05", language)
    assert found == {("mou-seasonal-workers-2025", "signed", "2025-02")}


def test_a_ratification_after_a_memorandum_refers_to_the_treaty_named_before(gazetteer):
    text = (
        f"{SPCA_RU} ждет ратификации. Вчера министры подписали также {MOU_RU}. "
        "Документ пока не ратифицирован."
    )
    found = events(gazetteer, text, "2025-06-05", "ru")
    assert ("spca", "ratification_pending", "2025-06-05") in found
    assert not {e for e in found if e[0] != "spca" and e[1] != "signed"}


# --- a name told without a break wins over one spread around it ------------------------


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "ru",
            "Новая дорожная карта продолжает меморандум по критическим минералам, "
            "заключенный в марте 2023 года.",
        ),
        (
            "en",
            "The roadmap extends the memorandum of understanding on critical minerals, "
            "concluded in March 2023.",
        ),
    ],
)
def test_an_unbroken_name_wins_over_a_gapped_one(gazetteer, language, text):
    assert events(gazetteer, text, "2024-03-15", language) == {
        ("mou-critical-minerals-green-hydrogen-2023", "signed", "2023-03")
    }
