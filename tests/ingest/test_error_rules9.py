"""Rules added after the error analysis of heldout9 (docs/INGEST.md, "heldout9:
error analysis"), one test or more per rule and language, and the things
each rule must not propose.

Every sentence is written for the test; none is copied from a corpus
article. Relative dates resolve against the publication date each test
gives (12 June 2025 is a Thursday), so nothing here reads the clock.
"""

import functools

import pytest

from ingest.extract import extract
from ingest.extract.scope import Scope

from .proposing import CHANGE_OR_CONFIRMATION, found_dates, status_steps
from .test_stem_events import SPCA_EN, SPCA_KK, SPCA_RU, events, readings

THURSDAY = "2025-06-12"

steps = functools.partial(status_steps, fields=(*CHANGE_OR_CONFIRMATION, "party"))


def dates(text, language, published=THURSDAY):
    return found_dates(text, language, published)


# --- a timeline's "year, month" ----------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "2023, March: the memorandum is signed", ("2023, March", "2023-03")),
        ("ru", "2023 год, март — подписан меморандум", ("2023 год, март", "2023-03")),
        ("ru", "2023, март — подписан меморандум", ("2023, март", "2023-03")),
        ("kk", "2023 жыл, наурыз — меморандумға қол қойылды", ("2023 жыл, наурыз", "2023-03")),
    ],
)
def test_a_year_then_a_month_after_a_comma_is_that_month_of_that_year(language, text, expected):
    assert dates(text, language) == [expected]


def test_a_timeline_bullet_dates_its_signing_by_its_year_and_month(gazetteer):
    text = f"{SPCA_KK} тарихы:\n• 2024 жыл, сәуір — құжатқа Астанада қол қойылды;\n"
    found = events(gazetteer, text, THURSDAY, "kk")
    assert found == {("spca", "signed", "2024-04")}


def test_a_year_and_a_month_in_separate_phrases_stay_apart():
    # "In 2024, ministers met; in April ..." is no "2024, April".
    assert dates("In 2024 the ministers met twice, and in April they signed it.", "en") == [
        ("2024", "2024"),
        ("April", "2025-04"),
    ]


# --- a weekday of this, last or next week ------------------------------------------------


@pytest.mark.parametrize(
    ("language", "text", "iso"),
    [
        ("en", "the treaty was laid on Tuesday this week", "2025-06-10"),
        ("en", "the treaty was laid on Friday last week", "2025-06-06"),
        ("en", "the talks are on Monday of next week", "2025-06-16"),
        ("ru", "документ внесли во вторник на этой неделе", "2025-06-10"),
        ("ru", "на прошлой неделе в пятницу документ внесли", "2025-06-06"),
        ("kk", "құжат осы аптаның сейсенбісінде енгізілді", "2025-06-10"),
        ("kk", "құжат өткен аптаның жұмасында енгізілді", "2025-06-06"),
        ("kk", "құжат өткен аптаның бейсенбі күні енгізілді", "2025-06-05"),
    ],
)
def test_a_weekday_of_a_named_week_is_that_day_of_that_week(language, text, iso):
    assert [value for _, value in dates(text, language)] == [iso]


def test_a_weekday_with_no_week_is_still_the_last_such_day():
    assert dates("it was laid on Friday", "en") == [("on Friday", "2025-06-06")]


def test_a_kazakh_weekday_of_this_week_dates_the_laying(gazetteer):
    text = f"Осы аптаның сейсенбісінде {SPCA_KK} британ үкіметі тарапынан Парламентке ұсынылды."
    found = events(gazetteer, text, THURSDAY, "kk")
    assert found == {("spca", "ratification_pending", "2025-06-10")}


# --- today's -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "на сегодняшнем заседании",
        "в ходе сегодняшнего пленарного заседания",
        "на сегодняшний день",
    ],
)
def test_russian_todays_is_the_publication_day(text):
    assert [value for _, value in dates(text, "ru")] == [THURSDAY]


def test_todays_sitting_dates_the_chamber_vote_not_a_date_later_in_the_lead(gazetteer):
    text = (
        "На сегодняшнем пленарном заседании Мажилисом одобрен законопроект о ратификации "
        f"{SPCA_RU[:1].lower() + SPCA_RU[1:]}. Докладчик напомнил: церемония подписания "
        "состоялась в Астане 24 апреля 2024 года."
    )
    found = events(gazetteer, text, THURSDAY, "ru")
    assert ("spca", "ratification_pending", THURSDAY) in found
    assert ("spca", "ratification_pending", "2024-04-24") not in found


# --- "Russian" as a language -------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The firm is hiring a Russian speaker.",
        "Staff need to be Russian-speaking.",
        "The interview was given in Russian.",
        "A Russian-language version is online.",
    ],
)
def test_russian_as_a_language_is_no_third_country(text):
    assert Scope(text, "en").third == 0


@pytest.mark.parametrize(
    "text",
    ["Russia signed a treaty.", "A Russian delegation arrived.", "The Russian Federation agreed."],
)
def test_russia_and_russian_things_are_a_third_country(text):
    assert Scope(text, "en").third == 1


def test_an_article_about_the_steppe_with_a_russian_speaker_still_proposes(gazetteer):
    # No word for the UK: the article is in scope by the agreement it names.
    text = (
        "An engineer from Aberdeen measures the wind of the Kazakh steppe. Earlier this month "
        "the two governments signed a memorandum of understanding on critical minerals and "
        "green hydrogen in Astana. His firm is looking for a Russian speaker."
    )
    proposals = extract(text, published="2023-03-28", language="en", gazetteer=gazetteer)
    found = {(p.target, p.status, p.date) for p in proposals if p.kind == "status_event"}
    assert found == {("mou-critical-minerals-green-hydrogen-2023", "signed", "2023-03")}


def test_an_article_that_names_russia_the_country_proposes_nothing(gazetteer):
    text = (
        "Russia and Kazakhstan discussed energy. Earlier this month the two governments "
        "signed a memorandum of understanding on critical minerals in Astana."
    )
    assert extract(text, published="2023-03-28", language="en", gazetteer=gazetteer) == []


# --- a step inside a condition -----------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", f"{SPCA_EN} will apply only once both parliaments have ratified it."),
        ("en", f"Investors will gain if the two states have ratified {SPCA_EN} by then."),
        ("ru", f"{SPCA_RU} заработает, если оно ратифицировано обеими сторонами."),
        ("kk", f"Егер {SPCA_KK} екі елде де ратификацияланған болса, жаңа кезең басталады."),
    ],
)
def test_a_ratification_inside_a_condition_is_no_step(gazetteer, language, text):
    found = events(gazetteer, text, THURSDAY, language)
    assert not {f for f in found if f[1] == "ratified"}


def test_once_again_is_repetition_not_a_condition():
    assert readings("The pact was once again ratified by the chamber.", "en") == [
        ("stem_ratify", "ratified", "change")
    ]


# --- a step someone wrongly believed or reported -----------------------------------------


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", f"Our headline gave the impression that {SPCA_EN} had been ratified."),
        ("en", f"An earlier version wrongly said that {SPCA_EN} was ratified in May."),
        ("ru", f"Заголовок создал впечатление, что {SPCA_RU} уже ратифицировано."),
        ("ru", f"Ранее ошибочно сообщалось, что {SPCA_RU} ратифицировано в мае."),
        ("kk", f"Тақырып {SPCA_KK} ратификацияланды деген қате әсер қалдырды."),
    ],
)
def test_a_step_wrongly_believed_or_reported_is_no_step(gazetteer, language, text):
    found = events(gazetteer, text, THURSDAY, language)
    assert not {f for f in found if f[1] == "ratified"}


def test_the_correction_after_a_colon_is_a_step(gazetteer):
    text = (
        f"Речь идет о {SPCA_RU[:1].lower() + SPCA_RU[1:]}. Это неверно: Сенат одобрил закон "
        "о ратификации 5 июня."
    )
    found = events(gazetteer, text, THURSDAY, "ru")
    assert ("spca", "ratification_pending", "2025-06-05") in found


# --- the law the head of state has not yet signed ----------------------------------------


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", f"The President has not yet signed the law ratifying {SPCA_EN}."),
        ("ru", f"{SPCA_RU} одобрено палатами в мае, но закон пока не подписан Президентом."),
        (
            "kk",
            f"{SPCA_KK} палаталарда мамырда мақұлданды. Мемлекет басшысы ратификациялау туралы заңға "
            "әлі қол қойған жоқ.",
        ),
    ],
)
def test_a_ratification_law_not_yet_signed_is_kazakhstans_pending_ratification(
    gazetteer, language, text
):
    found = steps(gazetteer, text, THURSDAY, language)
    assert ("spca", "ratification_pending", "confirmation", THURSDAY, "kazakhstan") in found
    assert not {f for f in found if f[1] in ("ratified", "negotiating")}


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", f"The President is expected to sign the law ratifying {SPCA_EN} next week."),
        ("ru", f"Президент планирует подписать закон о ратификации: {SPCA_RU} уже одобрено."),
    ],
)
def test_a_ratification_law_to_be_signed_is_no_step(gazetteer, language, text):
    found = steps(gazetteer, text, THURSDAY, language)
    assert not {f for f in found if f[1] in ("ratified", "negotiating")}


# --- "it": the bill a chamber passed ------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "en",
            f"The Senate had the bill on {SPCA_EN} before it: it was approved by the senators "
            "on 5 June.",
        ),
        (
            "en",
            f"The ratification bill on {SPCA_EN} went to the upper house. It was approved by "
            "the Senate on 5 June.",
        ),
        (
            "ru",
            f"Законопроект о ратификации, {SPCA_RU[:1].lower() + SPCA_RU[1:]}, поступил в Сенат. "
            "Он был одобрен сенаторами 5 июня.",
        ),
        (
            "kk",
            f"{SPCA_KK}ді ратификациялау туралы заң жобасы Сенатқа жіберілді. Оны сенаторлар "
            "5 маусымда мақұлдады.",
        ),
    ],
)
def test_a_pronoun_for_the_bill_makes_the_chamber_vote_a_step(gazetteer, language, text):
    found = steps(gazetteer, text, THURSDAY, language)
    assert ("spca", "ratification_pending", "change", "2025-06-05", "kazakhstan") in found


def test_a_pronoun_with_no_bill_before_it_is_no_chamber_vote(gazetteer):
    text = (
        f"Senators talked about {SPCA_EN} and the budget. The budget debate was long. "
        "It was approved by the Senate on 5 June."
    )
    found = events(gazetteer, text, THURSDAY, "en")
    assert ("spca", "ratification_pending", "2025-06-05") not in found


# --- a bare negation: as of writing, unless someone is reported saying it -----------------


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "en",
            "The Strategic Dialogue was held in London yesterday.\n\n"
            f"A reminder for readers: {SPCA_EN} has not yet been ratified by either side.",
        ),
        (
            "ru",
            "Стратегический диалог прошел вчера в Лондоне.\n\n"
            f"Напоминаем читателям: {SPCA_RU} пока не ратифицировано ни одной из сторон.",
        ),
        (
            "kk",
            "Стратегиялық диалог кеше Лондонда өтті.\n\n"
            f"Оқырмандарға еске саламыз: {SPCA_KK} әлі ратификацияланбаған.",
        ),
    ],
)
def test_a_bare_negation_is_dated_as_of_writing_not_by_the_meeting(gazetteer, language, text):
    found = events(gazetteer, text, THURSDAY, language)
    assert ("spca", "ratification_pending", THURSDAY) in found
    assert ("spca", "ratification_pending", "2025-06-11") not in found


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "en",
            "The Strategic Dialogue was held in London yesterday. The minister said that "
            f"{SPCA_EN} has not yet been ratified by either side.",
        ),
        (
            "ru",
            "Стратегический диалог прошел вчера в Лондоне. Министр отметил, что "
            f"{SPCA_RU} пока не ратифицировано.",
        ),
    ],
)
def test_a_negation_someone_is_reported_saying_takes_the_meetings_date(gazetteer, language, text):
    found = events(gazetteer, text, THURSDAY, language)
    assert ("spca", "ratification_pending", "2025-06-11") in found
    assert ("spca", "ratification_pending", THURSDAY) not in found


# --- an agreement the article never names ------------------------------------------------


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "en",
            "Q. What is the state of the agreement between London and Astana?\n"
            "A. It has not been ratified yet. It was signed in April 2024 and is now with "
            "both governments.",
        ),
        (
            "ru",
            "— Как обстоят дела с соглашением между Лондоном и Астаной?\n"
            "— Оно пока не ратифицировано. Оно было подписано в апреле 2024 года.",
        ),
    ],
)
def test_an_unnamed_agreement_is_the_one_its_dated_signing_identifies(gazetteer, language, text):
    found = events(gazetteer, text, THURSDAY, language)
    assert found == {("spca", "ratification_pending", THURSDAY), ("spca", "signed", "2024-04")}


def test_an_unnamed_agreement_signed_when_no_known_one_was_names_nothing(gazetteer):
    text = (
        "Q. What is the state of the agreement between London and Astana?\n"
        "A. It has not been ratified yet. It was signed in June 2019."
    )
    assert events(gazetteer, text, THURSDAY, "en") == set()


def test_another_countrys_agreement_signed_then_names_nothing(gazetteer):
    text = (
        "Kazakhstan and Germany signed an agreement on raw materials in April 2024. "
        "It has not been ratified yet."
    )
    assert events(gazetteer, text, THURSDAY, "en") == set()
