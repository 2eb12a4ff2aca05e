"""The general rules added for recall on 5 December 2026, one test or more each, per language.

Found by error analysis on heldout3 and heldout4 (both development material
since). Every text here is written for the test; none is copied from a
corpus article.
"""

import pytest

from ingest.extract.cues import find_cues
from ingest.extract.dates import find_dates

from .test_quality_rules import events

# --- cues ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "text", "name", "status"),
    [
        # One country finishing "its own procedures" is its ratification.
        (
            "en",
            "Britain completed its own procedures last month.",
            "en_completed_procedures",
            "ratified",
        ),
        (
            "ru",
            "Лондон сообщил о завершении внутренних процедур.",
            "ru_completed_procedures",
            "ratified",
        ),
        (
            "kk",
            "Британ тарапы ішкі рәсімдерін шілдеде аяқтап, Астанаға хабарлады.",
            "kk_completed_procedures",
            "ratified",
        ),
        ("kk", "Екі тарап та рәсімдерін толық аяқтаған.", "kk_completed_procedures", "ratified"),
        # ... and waiting for that completion is pending.
        (
            "ru",
            "Стороны ожидают завершения внутренних процедур.",
            "ru_not_completed",
            "ratification_pending",
        ),
        (
            "en",
            "The British ratification has not yet been completed.",
            "en_not_completed",
            "ratification_pending",
        ),
        (
            "en",
            "Ratification is still not complete in London.",
            "en_not_completed",
            "ratification_pending",
        ),
        # Confirmations worded as a look at how things stand.
        (
            "en",
            "Ministers reviewed how the ratification is going.",
            "en_discussed_ratification",
            "ratification_pending",
        ),
        (
            "en",
            "The two sides took stock of progress with ratification.",
            "en_discussed_ratification",
            "ratification_pending",
        ),
        # A government's review of the agreement named in full.
        (
            "en",
            "London ordered a further review of the Strategic Partnership and Cooperation Agreement.",
            "en_review_of_text",
            "ratification_pending",
        ),
        # A chamber passing "the law" without saying which.
        (
            "en",
            "The Mazhilis passed the bill on Wednesday.",
            "en_chamber_approved_law",
            "ratification_pending",
        ),
        (
            "en",
            "The law was approved by the Senate in June.",
            "en_chamber_approved_law",
            "ratification_pending",
        ),
        # Russian verb first: «одобрили Мажилис и Сенат», and subject first.
        (
            "ru",
            "Летом документ одобрили Мажилис и Сенат.",
            "ru_chamber_approved",
            "ratification_pending",
        ),
        (
            "ru",
            "Сенаторы на заседании одобрили документ.",
            "ru_chamber_approved",
            "ratification_pending",
        ),
        # A draft law named as «проект закона», brought "for consideration".
        (
            "ru",
            "Правительство направило в парламент проект закона «О ратификации Соглашения».",
            "ru_ratification_bill",
            "ratification_pending",
        ),
        (
            "ru",
            "Кабмин внес на рассмотрение Мажилиса пакет документов.",
            "ru_ratification_bill",
            "ratification_pending",
        ),
        # The active participle of ratifying (a past step told in the pluperfect).
        ("kk", "Қазақстан келісімді былтыр ратификациялаған болатын.", "kk_ratified", "ratified"),
        ("en", "The foreign ministers put pen to paper in London.", "en_signed", "signed"),
        ("ru", "Соглашение вступило в действие в понедельник.", "ru_in_force", "in_force"),
    ],
)
def test_recall_cues(language, text, name, status):
    cues = find_cues(text, language)
    assert [(c.cue.name, c.status) for c in cues] == [(name, status)]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        # "after ratifying ... will enter into force" is a forecast, not a ratification.
        ("kk", "Құжат тараптар ратификациялағаннан кейін күшіне енеді."),
        # Completing "the procedures" for a visa is not a ratification.
        ("en", "Travellers completed the procedures for their visas."),
        # Approving a budget is not a chamber's ratification step.
        ("ru", "Мажилис принял бюджет на следующий год."),
    ],
)
def test_near_misses_are_not_cues(language, text):
    assert [c.cue.name for c in find_cues(text, language)] == []


# --- dates --------------------------------------------------------------------------


@pytest.mark.dates
@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("2023 жылдың қарашасында", "2023-11"),
        ("2024 жылдың сәуірінде қол қойылды", "2024-04"),
        ("өткен жылдың мамырында", "2024-05"),
        ("биылғы шілдесінде", "2025-07"),
    ],
)
def test_kazakh_possessive_month_forms(text, iso):
    # "in the April of 2024": the month takes the possessive before the case.
    found = [
        (d.value.iso(), d.value.precision)
        for d in find_dates(text, published="2025-09-01", language="kk")
        if d.value.precision == "month"
    ]
    assert found == ([(iso, "month")] if iso else [])


# --- targets and dates in the pipeline ------------------------------------------------


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        (
            "en",
            "Talks on a UK partnership treaty\n\nThe Strategic Partnership and Cooperation "
            "Agreement between Kazakhstan and the UK has been discussed for years. Negotiations on the text began in 2019.",
            {("spca", "negotiating", "2019")},
        ),
        (
            "ru",
            "Соглашение о стратегическом партнерстве и сотрудничестве между Казахстаном и "
            "Великобританией обсуждается давно. "
            "Переговоры по тексту начались в 2019 году.",
            {("spca", "negotiating", "2019")},
        ),
    ],
)
def test_the_text_refers_to_the_agreement_named_before(gazetteer, language, text, expected):
    assert events(gazetteer, text, "2023-05-02", language) == expected


def test_an_indefinite_memorandum_in_the_lead_is_the_headlines(gazetteer):
    text = (
        "New memorandum on Kazakh seasonal workers\n\n"
        "Farm workers from Kazakhstan get more protection under a memorandum signed in "
        "London on Tuesday."
    )
    assert events(gazetteer, text, "2025-02-13", "en") == {
        ("mou-seasonal-workers-2025", "signed", "2025-02-11")
    }


def test_an_indefinite_memorandum_of_another_kind_borrows_nothing(gazetteer):
    # The headline names a treaty; "a memorandum" in the lead is some other document.
    text = (
        "Astana and London sign partnership treaty\n\n"
        "Officials also signed a memorandum on sport in Astana on Tuesday."
    )
    assert ("spca", "signed", "2024-04-23") not in events(gazetteer, text, "2024-04-24", "en")


def test_a_year_qualifying_the_name_is_not_the_steps_date(gazetteer):
    text = (
        "Kazakhstan and the UK met in Astana on Tuesday, with the unfinished ratification "
        "of their 2024 Strategic Partnership and Cooperation Agreement on the agenda."
    )
    assert events(gazetteer, text, "2026-06-10", "en") == {
        ("spca", "ratification_pending", "2026-06-09")
    }


def test_a_leads_date_dates_a_meeting_named_in_the_next_sentence(gazetteer):
    # The confirmation is undated; the meeting it happened at is dated by the lead.
    text = (
        "Seasonal workers memorandum signed\n\n"
        "Сейсенбі күні Лондонда Қазақстан мен Ұлыбритания маусымдық жұмысшылардың құқықтарын қорғау туралы меморандумға "
        "қол қойылды. Стратегиялық диалог отырысында Стратегиялық әріптестік және "
        "ынтымақтастық туралы келісімді ратификациялау барысы да қаралды."
    )
    assert events(gazetteer, text, "2025-02-13", "kk") == {
        ("mou-seasonal-workers-2025", "signed", "2025-02-11"),
        ("spca", "ratification_pending", "2025-02-11"),
    }


def test_a_chamber_passing_the_law_dates_and_targets_the_articles_treaty(gazetteer):
    text = (
        "Kazakhstan's Parliament moved on the Strategic Partnership and Cooperation Agreement "
        "with Britain. The Senate had passed the law at the end of March."
    )
    assert events(gazetteer, text, "2026-04-20", "en") == {
        ("spca", "ratification_pending", "2026-03")
    }
