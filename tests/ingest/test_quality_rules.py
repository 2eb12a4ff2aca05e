"""The general rules added for quality (issue 14), one test or more each, per language.

Every text here is written for the test; none is copied from a corpus article.
"""

import pytest

from ingest.extract import extract

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
