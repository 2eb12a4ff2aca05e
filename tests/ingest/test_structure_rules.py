"""Rules added after the heldout12 analysis (docs/INGEST.md, "What changed after
the heldout12 analysis: reading structure"): a date that opens a card or a
timeline's line dates it, an article about one agreement lends it to the
dated steps that name nothing, and an answer in a transcript takes the
agreement its question asks about. Each with what it must not propose.

Every sentence is written for the test; none is copied from a corpus article.
"""

import functools

from .proposing import status_steps
from .test_stem_events import SPCA_EN, SPCA_KK, SPCA_RU

# The articles here open with their own lead.
steps = functools.partial(status_steps, lead=False, fields=("target", "status", "date"))


# --- a date that opens a card dates the card ---------------------------------------------------

CARDS_EN = (
    f"Kazakhstan and the United Kingdom: how {SPCA_EN} travelled\n\n"
    "Panel 1. 24.04.2024 — signing ceremony in Astana.\n\n"
    "Panel 2. 12.05.2026 — a busy morning in Akorda. The President signed the ratification law.\n\n"
    "Panel 3. 01.09.2026 — the agreement entered into force.\n"
)
CARDS_RU = (
    f"Казахстан и Великобритания: как шло {SPCA_RU}\n\n"
    "Слайд 1. 24.04.2024 — церемония подписания в Астане.\n\n"
    "Слайд 2. 12.05.2026 — утро в Акорде. Глава государства подписал закон о ратификации.\n\n"
    "Слайд 3. 01.09.2026 — соглашение вступило в силу.\n"
)
CARDS_KK = (
    f"Қазақстан мен Ұлыбритания: {SPCA_KK} жолы\n\n"
    "1-слайд. 24.04.2024 — Астанада қол қойылды.\n\n"
    "2-слайд. 01.09.2026 — келісім күшіне енді.\n"
)


def test_a_card_that_opens_with_a_date_dates_its_step_en(gazetteer):
    found = steps(gazetteer, CARDS_EN, "2026-09-10", "en")
    assert ("spca", "signed", "2024-04-24") in found
    assert ("spca", "ratified", "2026-05-12") in found
    assert ("spca", "in_force", "2026-09-01") in found


def test_a_card_that_opens_with_a_date_dates_its_step_ru(gazetteer):
    found = steps(gazetteer, CARDS_RU, "2026-09-10", "ru")
    assert ("spca", "signed", "2024-04-24") in found
    assert ("spca", "ratified", "2026-05-12") in found
    assert ("spca", "in_force", "2026-09-01") in found


def test_a_card_that_opens_with_a_date_dates_its_step_kk(gazetteer):
    found = steps(gazetteer, CARDS_KK, "2026-09-10", "kk")
    assert ("spca", "signed", "2024-04-24") in found
    assert ("spca", "in_force", "2026-09-01") in found


def test_a_date_inside_a_sentence_does_not_date_the_next_one(gazetteer):
    # The date is not set off at the start of the line: the next sentence's
    # ratification is not dated by it.
    text = (
        f"Kazakhstan and the United Kingdom signed {SPCA_EN} in Astana on 24.04.2024 — "
        "a long day in the capital. The President signed the ratification law.\n"
    )
    found = steps(gazetteer, text, "2026-09-10", "en")
    assert not any(status == "ratified" and date == "2024-04-24" for _, status, date in found)


def test_a_timeline_about_other_countries_proposes_nothing(gazetteer):
    text = (
        "Norway and Chile: a timeline of their fisheries agreement\n\n"
        "Card 1. 14.03.2025 — signing ceremony in Oslo.\n\n"
        "Card 2. 02.06.2026 — the agreement entered into force.\n"
    )
    assert steps(gazetteer, text, "2026-07-01", "en") == set()


def test_a_card_about_a_memorandum_is_not_the_headline_treaty(gazetteer):
    # The treaty was signed on 24 April 2024; a card of that day about "a
    # memorandum" tells another document's signing, not the treaty's.
    text = (
        f"Kazakhstan and the United Kingdom: {SPCA_EN} and what came with it\n\n"
        "Card 1. 24.04.2024 — a memorandum on school exchanges was signed in Astana.\n"
    )
    found = steps(gazetteer, text, "2026-09-10", "en")
    assert not any(target == "spca" for target, _, _ in found)


def test_a_card_naming_another_agreement_keeps_its_own_target(gazetteer):
    text = (
        f"Kazakhstan and the United Kingdom: {SPCA_EN} and the seasonal workers\n\n"
        "Card 1. 11.02.2025 — the memorandum on protecting the rights of Kazakh "
        "seasonal workers was signed in London.\n"
    )
    found = steps(gazetteer, text, "2026-09-10", "en")
    assert ("mou-seasonal-workers-2025", "signed", "2025-02-11") in found
    assert not any(target == "spca" and status == "signed" for target, status, _ in found)


# --- an article that calls its treaty only "the agreement" -------------------------------------


def test_a_treaty_called_only_by_its_kind_is_the_one_known_treaty(gazetteer):
    text = (
        "ЖҮРГІЗУШІ: Бүгін Қазақстан мен Ұлыбритания арасындағы келісім туралы.\n\n"
        "ҚОНАҚ: Лондон 2026 жылғы 14 шілдеде ішкі рәсімдерін аяқтады.\n"
    )
    assert ("spca", "ratified", "2026-07-14") in steps(gazetteer, text, "2026-07-20", "kk")


def test_a_step_before_the_treaty_was_signed_is_not_the_known_treaty(gazetteer):
    # The only known treaty was signed in 2024: a ratification in 2019 is another's.
    text = (
        "Kazakhstan and the United Kingdom: a note on an older agreement.\n\n"
        "The agreement was ratified on 3 June 2019.\n"
    )
    assert not any(t == "spca" for t, _, _ in steps(gazetteer, text, "2026-07-20", "en"))


def test_a_kind_word_after_another_documents_own_name_is_not_the_known_treaty(gazetteer):
    # The UK joins a trade bloc; Kazakhstan is only mentioned. "agreement"
    # follows the bloc's own capitalised name: it is that document, not ours.
    text = (
        "Kazakhstan watched as the United Kingdom joined the Coral Sea Trade "
        "Partnership agreement.\n\n"
        "The accession protocol entered into force on 15 December 2024.\n"
    )
    assert steps(gazetteer, text, "2024-12-16", "en") == set()


# --- an answer takes the agreement its question asks about ------------------------------------


def test_an_answer_takes_the_agreement_the_question_names_ru(gazetteer):
    text = (
        "Казахстан и Великобритания: вопросы читателей.\n\n"
        "ЧИТАТЕЛЬ: А что с большим соглашением о партнерстве?\n\n"
        "РЕДАКЦИЯ: Подписать его подписали, но оно пока не ратифицировано.\n"
    )
    found = steps(gazetteer, text, "2025-06-10", "ru")
    assert ("spca", "ratification_pending", "2025-06-10") in found


def test_an_answer_takes_the_agreement_the_question_names_en(gazetteer):
    text = (
        "Kazakhstan and the United Kingdom: a phone-in.\n\n"
        f"CALLER: Can you tell me where {SPCA_EN} stands?\n\n"
        "MINISTER: Britain completed its procedures on 14 July 2026.\n"
    )
    assert ("spca", "ratified", "2026-07-14") in steps(gazetteer, text, "2026-07-20", "en")


def test_an_answer_to_a_question_about_a_memorandum_gives_the_treaty_nothing(gazetteer):
    # A ratification is a treaty's; a question about a memorandum lends none.
    text = (
        "Kazakhstan and the United Kingdom: a phone-in.\n\n"
        "CALLER: What about the memorandum on seasonal workers?\n\n"
        "MINISTER: Britain completed its procedures on 14 July 2026.\n"
    )
    found = steps(gazetteer, text, "2026-07-20", "en")
    assert not any(status == "ratified" for _, status, _ in found)


def test_an_answer_about_the_roadmap_is_not_the_headline_treaty(gazetteer):
    # The roadmap was signed in March 2024, the treaty in April: "it was signed
    # in April 2024" answers about the roadmap, so it is no step of the treaty.
    text = (
        f"Kazakhstan and the United Kingdom: questions on {SPCA_EN}.\n\n"
        "CALLER: And the roadmap on minerals, when was that done?\n\n"
        "MINISTER: It was signed in April 2024.\n"
    )
    found = steps(gazetteer, text, "2026-07-20", "en")
    assert ("spca", "signed", "2024-04") not in found


# --- a date a citation gives a document ---------------------------------------------------------

LEAD = {
    "en": "Kazakhstan and the United Kingdom: a note for importers.\n\n",
    "ru": "Казахстан и Великобритания: справка для импортеров.\n\n",
}


def test_a_cited_date_dates_the_step_before_it_ru(gazetteer):
    text = LEAD["ru"] + (
        f"{SPCA_RU} ратифицировано Законом Республики Казахстан от 12 мая 2026 года "
        "и вступило в силу 1 сентября 2026 года.\n"
    )
    found = steps(gazetteer, text, "2026-11-01", "ru")
    assert ("spca", "ratified", "2026-05-12") in found
    assert ("spca", "in_force", "2026-09-01") in found
    assert ("spca", "in_force", "2026-05-12") not in found


def test_a_cited_date_dates_the_step_before_it_en(gazetteer):
    text = LEAD["en"] + (
        f"{SPCA_EN} was ratified by a Law dated 12 May 2026 and took effect on 1 September 2026.\n"
    )
    found = steps(gazetteer, text, "2026-11-01", "en")
    assert ("spca", "in_force", "2026-05-12") not in found


def test_a_dated_signing_of_another_paper_is_not_the_articles_one_agreement(gazetteer):
    text = (
        f"Kazakhstan and the United Kingdom: {SPCA_EN}, a summary.\n\n"
        "Card 1. 24.04.2024 — the ministers also signed another, separate letter.\n"
    )
    found = steps(gazetteer, text, "2026-09-10", "en")
    assert ("spca", "signed", "2024-04-24") not in found
