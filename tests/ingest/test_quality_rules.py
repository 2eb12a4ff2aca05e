"""The general rules added for quality (issue 14), one test or more each, per language.

Every text here is written for the test; none is copied from a corpus article.
"""

import pytest

from ingest.extract import extract
from ingest.extract.cues import find_cues, has_forecast

from .test_pipeline import status_events


def events(gazetteer, text, published, language):
    proposals = extract(text, published=published, language=language, gazetteer=gazetteer)
    return {(e[0], e[1], e[3]) for e in status_events(proposals)}


# --- the sentence's date goes to the step that stays --------------------------------


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "en",
            "Kazakhstan and the UK signed the Strategic Partnership and Cooperation Agreement "
            "in Astana yesterday, ending a negotiation that had lasted six years.",
        ),
        (
            "ru",
            "Вчера Казахстан и Великобритания подписали Соглашение о стратегическом "
            "партнерстве и сотрудничестве, завершив переговоры о нем.",
        ),
    ],
)
def test_a_signing_keeps_the_date_of_a_negotiation_it_ends(gazetteer, language, text):
    assert events(gazetteer, text, "2024-04-25", language) == {("spca", "signed", "2024-04-24")}


# --- the agreement's known history --------------------------------------------------


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "en",
            "Yesterday in London Kazakhstan and the UK signed a roadmap for cooperation in "
            "critical minerals up to 2030.",
        ),
        (
            "kk",
            "Кеше Лондонда Қазақстан мен Ұлыбритания 2030 жылға дейінгі сыни минералдар "
            "саласындағы ынтымақтастық жөніндегі жол картасына қол қойды.",
        ),
    ],
)
def test_a_signing_years_after_the_known_one_is_not_that_agreement(gazetteer, language, text):
    # The 2024 roadmap was signed in March 2024: a signing in 2027 is another roadmap.
    assert events(gazetteer, text, "2027-02-11", language) == set()


def test_a_signing_in_the_known_month_is_kept(gazetteer):
    text = (
        "The roadmap for cooperation in critical minerals between Kazakhstan and the UK was "
        "signed in London on 12 March."
    )
    assert events(gazetteer, text, "2024-03-14", "en") == {
        ("roadmap-critical-minerals-2024", "signed", "2024-03-12")
    }


def test_negotiations_after_the_known_signing_are_not_that_agreements(gazetteer):
    text = (
        "Kazakhstan and the UK signed the Strategic Partnership and Cooperation Agreement in "
        "April 2024. Negotiations on the agreement continued in London yesterday."
    )
    assert events(gazetteer, text, "2025-06-11", "en") == {("spca", "signed", "2024-04")}


# --- ratification steps that do not name the agreement ------------------------------


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        (
            "en",
            "The UK and Kazakhstan took two years to prepare the Strategic Partnership and "
            "Cooperation Agreement. Kazakhstan ratified it in May.",
            ("spca", "ratified", "2026-05"),
        ),
        (
            "ru",
            "Соглашение о стратегическом партнерстве и сотрудничестве между Казахстаном и "
            "Великобританией охватывает торговлю. "
            "Британская сторона пока не завершила внутригосударственные процедуры.",
            ("spca", "ratification_pending", "2026-06-10"),
        ),
        (
            "kk",
            "Қазақстан мен Ұлыбритания арасындағы Стратегиялық әріптестік және ынтымақтастық "
            "туралы келісім саудаға арналған. "
            "Қазақстан мамырда ратификациялады.",
            ("spca", "ratified", "2026-05"),
        ),
    ],
)
def test_a_ratification_step_without_a_name_is_about_the_articles_agreement(
    gazetteer, language, text, expected
):
    assert expected in events(gazetteer, text, "2026-06-10", language)


def test_a_forecast_never_borrows_the_articles_agreement(gazetteer):
    text = (
        "The Strategic Partnership and Cooperation Agreement between Kazakhstan and the UK "
        "covers trade. Officials expect the internal procedures to be completed next year."
    )
    assert events(gazetteer, text, "2026-06-10", "en") == set()


def test_a_signing_without_a_name_borrows_nothing(gazetteer):
    # "signed" is not a treaty-only word: a contract, a letter, a law...
    text = (
        "The Strategic Partnership and Cooperation Agreement between Kazakhstan and the UK "
        "covers trade. Several contracts were signed in Almaty on Friday."
    )
    assert events(gazetteer, text, "2026-06-10", "en") == set()


# --- cues: completion, negation, obligation, the law, parliament --------------------


@pytest.mark.parametrize(
    ("language", "text", "name", "status"),
    [
        (
            "en",
            "Britain completed its domestic procedures in July.",
            "en_completed_procedures",
            "ratified",
        ),
        (
            "en",
            "The UK has not yet completed its ratification procedures.",
            "en_not_completed",
            "ratification_pending",
        ),
        (
            "en",
            "Its ratification, still outstanding, was discussed.",
            "en_not_completed",
            "ratification_pending",
        ),
        (
            "en",
            "The President signed the ratification law on Monday.",
            "en_law_ratification",
            "ratified",
        ),
        (
            "en",
            "The ratification law was signed by the President in May.",
            "en_law_ratification",
            "ratified",
        ),
        (
            "en",
            "The Mazhilis approved the ratification bill.",
            "en_approved_ratification_bill",
            "ratification_pending",
        ),
        (
            "en",
            "Preparations for signing the agreement are well advanced.",
            "en_set_to_sign",
            "negotiating",
        ),
        ("en", "Both sides are ready to conclude the agreement.", "en_set_to_sign", "negotiating"),
        ("en", "The ministers put their names to a memorandum.", "en_signed", "signed"),
        (
            "ru",
            "Казахстан завершил внутригосударственные процедуры в мае.",
            "ru_completed_procedures",
            "ratified",
        ),
        (
            "ru",
            "Британская сторона свои процедуры пока не завершила.",
            "ru_not_completed",
            "ratification_pending",
        ),
        (
            "ru",
            "Документ находился на рассмотрении британского парламента.",
            "ru_not_completed",
            "ratification_pending",
        ),
        ("ru", "Токаев подписал соответствующий закон.", "ru_signed_the_law", "ratified"),
        (
            "ru",
            "Законопроект был внесён правительством в нижнюю палату.",
            "ru_ratification_bill",
            "ratification_pending",
        ),
        (
            "ru",
            "Закон Мажилис одобрил в апреле.",
            "ru_approved_ratification_bill",
            "ratification_pending",
        ),
        ("ru", "Меморандум, заключённый в марте.", "ru_signed", "signed"),
        (
            "kk",
            "Қазақстан мемлекетішілік рәсімдерді толық аяқтады.",
            "kk_completed_procedures",
            "ratified",
        ),
        (
            "kk",
            "Британ тарапы ратификациялау рәсімін әлі аяқтаған жоқ.",
            "kk_not_completed",
            "ratification_pending",
        ),
        ("kk", "Құжат әлі Парламенттің қарауында.", "kk_not_completed", "ratification_pending"),
        ("kk", "Заңды Мәжіліс сәуірде мақұлдады.", "kk_law_approved", "ratification_pending"),
        (
            "kk",
            "«Келісімді ратификациялау туралы» Қазақстан Республикасының Заңына қол қойды.",
            "kk_law_ratification",
            "ratified",
        ),
    ],
)
def test_cues_for_completion_negation_the_law_and_parliament(language, text, name, status):
    cues = find_cues(text, language)
    assert [(c.cue.name, c.status) for c in cues] == [(name, status)]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "The agreement must be ratified by both countries."),
        ("en", "A treaty cannot be ratified until 21 sitting days have passed."),
        ("ru", "Соглашение должно быть ратифицировано парламентами."),
        ("kk", "Келісім екі елдің парламенттерінде ратификациялануы тиіс."),
    ],
)
def test_an_obligation_to_ratify_is_no_step(language, text):
    assert find_cues(text, language) == []
    assert has_forecast(text, language, 0, len(text))


def test_a_forecast_sentence_borrows_no_agreement_in_russian(gazetteer):
    text = (
        "Соглашение о стратегическом партнерстве и сотрудничестве между Казахстаном и "
        "Великобританией подписано. Оно вступит в силу, когда стороны завершат "
        "внутригосударственные процедуры."
    )
    assert ("spca", "ratification_pending") not in {
        (t, s) for t, s, _ in events(gazetteer, text, "2026-04-16", "ru")
    }


# --- a step told twice ---------------------------------------------------------------


def test_an_undated_retelling_of_a_dated_step_is_dropped(gazetteer):
    text = (
        "Kazakhstan and the United Kingdom signed the Strategic Partnership and Cooperation "
        "Agreement in Astana yesterday.\nThe document was signed by the two foreign ministers."
    )
    assert events(gazetteer, text, "2024-04-25", "en") == {("spca", "signed", "2024-04-24")}


def test_an_undated_confirmation_stays_next_to_a_dated_change(gazetteer):
    text = (
        "The British government yesterday laid the Strategic Partnership and Cooperation "
        "Agreement with Kazakhstan before Parliament.\n"
        "Kazakhstan has not yet ratified the agreement either."
    )
    found = events(gazetteer, text, "2026-03-18", "en")
    assert ("spca", "ratification_pending", "2026-03-17") in found
    assert ("spca", "ratification_pending", "2026-03-18") in found


@pytest.mark.parametrize(
    ("language", "text", "name"),
    [
        ("en", "The new government ordered an additional review of the text.", "en_review_of_text"),
        (
            "ru",
            "Британская сторона провела дополнительную экспертизу документа.",
            "ru_review_of_text",
        ),
        ("kk", "Британ тарапы қосымша сараптама жүргізді.", "kk_review_of_text"),
    ],
)
def test_a_governments_review_of_the_signed_text_holds_ratification_up(language, text, name):
    assert [(c.cue.name, c.status) for c in find_cues(text, language)] == [
        (name, "ratification_pending")
    ]


# --- the gazetteer: spellings ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("the UK-Kazakhstan Strategic Partnership and Co-operation Agreement", "spca"),
        ("the critical minerals road map", "roadmap-critical-minerals-2024"),
        ("a road map on critical minerals", "roadmap-critical-minerals-2024"),
    ],
)
def test_british_spellings_and_road_map_in_two_words(gazetteer, text, slug):
    assert slug in {m.slug for m in gazetteer.find(text, "en") if m.kind == "agreement"}
