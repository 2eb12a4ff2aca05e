"""Rules added after the error analysis of heldout11 (docs/INGEST.md, "heldout11:
error analysis"): broad causes, each with the things it must not propose.

Every sentence is written for the test; none is copied from a corpus
article. Relative dates resolve against the publication date each test
gives, so nothing here reads the clock.
"""

import pytest

from .proposing import found_dates as dates
from .proposing import status_steps as steps
from .test_stem_events import SPCA_EN, SPCA_KK, SPCA_RU

# --- dates: a weekday before its date, days in words, the year before last -------------------


@pytest.mark.parametrize(
    ("language", "text", "published", "expected"),
    [
        # 14 May 2026 is a Thursday; counted back from 21 May, "Thursday" alone would be 21 May.
        ("en", "on Thursday, 14 May", "2026-05-21", [("14 May", "2026-05-14")]),
        ("en", "on Thursday the 14th of May", "2026-05-21", [("14th of May", "2026-05-14")]),
        ("ru", "в четверг, 14 мая", "2026-05-21", [("14 мая", "2026-05-14")]),
    ],
)
def test_a_weekday_followed_by_its_date_gives_way_to_the_date(language, text, published, expected):
    assert dates(text, language, published) == expected


def test_a_weekday_alone_is_still_read():
    assert dates("on Thursday", "en", "2026-05-21") == [("on Thursday", "2026-05-21")]


def test_a_weekday_and_a_date_joined_by_a_word_stay_two_dates():
    found = dates("on Monday and on 14 May", "en", "2026-05-21")
    assert ("on Monday", "2026-05-18") in found and ("14 May", "2026-05-14") in found


@pytest.mark.parametrize(
    ("language", "text", "published", "value"),
    [
        ("en", "the third of March this year", "2026-06-01", "2026-03-03"),
        ("en", "the twelfth of June last year", "2026-06-01", "2025-06-12"),
        ("ru", "третьего марта этого года", "2026-06-01", "2026-03-03"),
        ("ru", "Двенадцатого июня прошлого года", "2026-06-01", "2025-06-12"),
    ],
)
def test_a_day_in_words_with_a_relative_year_is_a_day(language, text, published, value):
    assert [v for _, v in dates(text, language, published)] == [value]


def test_the_year_before_last_in_russian():
    assert dates("в мае позапрошлого года", "ru", "2026-08-01") == [
        ("в мае позапрошлого года", "2024-05")
    ]
    assert [v for _, v in dates("в позапрошлом году", "ru", "2026-08-01")] == ["2024"]


def test_a_ratification_signed_on_a_weekday_and_date_takes_the_date(gazetteer):
    text = f"The President signed the law ratifying {SPCA_EN} on Tuesday, 12 May."
    found = steps(gazetteer, text, "2026-05-27", "en")
    assert ("spca", "ratified", "change", "2026-05-12") in found
    assert not any(date == "2026-05-26" for *_, date in found)


# --- scope: one country named, and a Kazakhstan-UK agreement by its full name ----------------


def test_an_article_naming_only_the_uk_and_the_agreement_is_in_scope(gazetteer):
    text = (
        "Graduates back from farms in Britain met the college staff.\n"
        f"{SPCA_EN} entered into force on 1 September 2026."
    )
    found = steps(gazetteer, text, "2026-10-01", "en", lead=False)
    assert ("spca", "in_force", "change", "2026-09-01") in found


def test_an_article_naming_only_kazakhstan_and_the_agreement_is_in_scope(gazetteer):
    text = f"Наш Президент отметил, что {SPCA_RU} вступило в силу 1 сентября 2026 года в Астане."
    found = steps(gazetteer, text, "2026-10-01", "ru", lead=False)
    assert ("spca", "in_force", "change", "2026-09-01") in found


def test_one_country_and_no_kazakhstan_uk_agreement_is_out_of_scope(gazetteer):
    text = "A British firm signed a supply agreement in London on 3 March 2026."
    assert steps(gazetteer, text, "2026-04-01", "en", lead=False) == set()


def test_one_country_and_a_third_is_out_of_scope(gazetteer):
    text = f"London and Tokyo said {SPCA_EN} entered into force on 1 September 2026."
    assert steps(gazetteer, text, "2026-10-01", "en", lead=False) == set()


# --- the government's second look at a signed text ---------------------------------------------


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "en",
            f"When the cabinet changed in August 2024 the ministers took a fresh look at "
            f"the text of {SPCA_EN}.",
        ),
        (
            "en",
            f"In August 2024 the incoming government chose to look again at the text of {SPCA_EN}.",
        ),
        (
            "ru",
            f"В августе 2024 года британская сторона провела дополнительный анализ текста "
            f"документа «{SPCA_RU}».",
        ),
        (
            "kk",
            f"{SPCA_KK} бойынша 2024 жылғы тамызда британ тарапы құжатты қосымша сараптамаға алды.",
        ),
    ],
)
def test_a_second_look_at_the_text_holds_ratification_up(gazetteer, language, text):
    found = steps(gazetteer, text, "2024-10-01", language)
    assert ("spca", "ratification_pending", "change", "2024-08") in found


def test_a_second_look_still_to_come_is_no_step(gazetteer):
    text = f"The new ministers will look again at the text of {SPCA_EN} in the autumn."
    assert steps(gazetteer, text, "2024-08-01", "en") == set()


# --- a ratification not completed, with words between -----------------------------------------


def test_ratification_on_one_side_not_completed_confirms_pending(gazetteer):
    text = (
        f"The Senate passed the law ratifying {SPCA_EN} in April 2026. Ratification on the "
        "British side has not been completed, and London must still send its note."
    )
    found = steps(gazetteer, text, "2026-05-20", "en")
    assert ("spca", "ratification_pending", "confirmation", "2026-05-20") in found


def test_a_completed_ratification_is_not_a_negation(gazetteer):
    text = f"Ratification of {SPCA_EN} on the British side was completed on 14 July 2026."
    found = steps(gazetteer, text, "2026-07-20", "en")
    assert not any(event == "confirmation" for _, _, event, _ in found)


# --- the step before ", while" / «, а» is not the next document's ------------------------------


def test_a_contrasting_clause_keeps_its_own_document_in_russian(gazetteer):
    text = (
        "Меморандум по критическим минералам был подписан в 2023 году, а дорожную карту по "
        "критическим минералам министры утвердили в марте 2024 года."
    )
    found = steps(gazetteer, text, "2025-01-10", "ru")
    assert ("mou-critical-minerals-green-hydrogen-2023", "signed", "change", "2023") in found
    assert ("roadmap-critical-minerals-2024", "signed", "change", "2024-03") in found


def test_a_contrasting_clause_keeps_its_own_document_in_english(gazetteer):
    text = (
        "The memorandum on critical minerals was signed in 2023, while the critical minerals "
        "roadmap was agreed in March 2024."
    )
    found = steps(gazetteer, text, "2025-01-10", "en")
    assert ("mou-critical-minerals-green-hydrogen-2023", "signed", "change", "2023") in found
    assert ("roadmap-critical-minerals-2024", "signed", "change", "2024-03") in found


def test_a_chamber_approving_a_law_is_no_signing(gazetteer):
    text = f"Сенат утвердил закон о ратификации документа «{SPCA_RU}» 30 апреля 2026 года."
    found = steps(gazetteer, text, "2026-05-04", "ru")
    assert not any(status == "signed" for _, status, _, _ in found)


# --- short and generic names ---------------------------------------------------------------


def test_the_short_russian_name_is_the_agreement(gazetteer):
    text = "Соглашение о стратегическом партнерстве с Великобританией пока не ратифицировано."
    found = steps(gazetteer, text, "2025-06-02", "ru")
    assert ("spca", "ratification_pending", "confirmation", "2025-06-02") in found


def test_a_generic_english_name_and_put_their_names_to(gazetteer):
    text = (
        "The two foreign ministers put their names to a broad treaty on strategic partnership "
        "and cooperation on 24 April 2024."
    )
    found = steps(gazetteer, text, "2024-04-26", "en")
    assert ("spca", "signed", "change", "2024-04-24") in found


def test_the_ministry_by_its_short_name_and_the_glaa_name_the_memorandum(gazetteer):
    text = (
        "Минтруда и британское агентство GLAA заключили меморандум о взаимопонимании "
        "11 февраля 2025 года."
    )
    found = steps(gazetteer, text, "2025-03-01", "ru")
    assert ("mou-seasonal-workers-2025", "signed", "change", "2025-02-11") in found


# --- a date in a relative clause belongs to that clause ------------------------------------


def test_a_date_inside_a_relative_clause_dates_its_step(gazetteer):
    text = (
        f"{SPCA_EN}, which the foreign ministers signed in April 2024, entered into force on "
        "1 September 2026."
    )
    found = steps(gazetteer, text, "2026-10-05", "en")
    assert ("spca", "signed", "change", "2024-04") in found
    assert ("spca", "in_force", "change", "2026-09-01") in found
    assert ("spca", "in_force", "change", "2024-04") not in found


def test_a_russian_participle_and_the_year_before_last(gazetteer):
    text = f"{SPCA_RU}, подписанное в апреле позапрошлого года, вступило в силу 1 сентября."
    found = steps(gazetteer, text, "2026-10-05", "ru")
    assert ("spca", "signed", "change", "2024-04") in found


# --- fresh news restated, and a Kazakh expectation ---------------------------------------------


def test_fresh_news_restated_undated_is_one_step(gazetteer):
    text = (
        f"{SPCA_EN} entered into force on 1 September 2026. Exporters say a treaty that is "
        "finally in force gives them certainty."
    )
    found = steps(gazetteer, text, "2026-09-12", "en")
    assert found == {("spca", "in_force", "change", "2026-09-01")}


def test_in_force_months_later_is_still_a_confirmation(gazetteer):
    text = (
        f"{SPCA_EN} entered into force on 1 September 2026. Exporters say a treaty that is "
        "in force gives them certainty."
    )
    found = steps(gazetteer, text, "2027-01-15", "en")
    assert ("spca", "in_force", "confirmation", "2027-01-15") in found


def test_a_kazakh_expectation_of_completion_is_no_step(gazetteer):
    text = f"{SPCA_KK} бойынша вице-министр Лондондағы рәсімнің күзде аяқталатынын күтетінін айтты."
    found = steps(gazetteer, text, "2026-05-02", "kk")
    assert not any(status == "ratified" for _, status, _, _ in found)


def test_a_russian_year_in_words_is_a_year_of_this_century():
    assert dates("в марте двадцать пятого года", "ru", "2026-08-01") == [
        ("в марте двадцать пятого года", "2025-03")
    ]
    # An ordinal day before a month stays a day ("двадцать пятого марта").
    assert dates("двадцать пятого марта", "ru", "2026-08-01") == [
        ("двадцать пятого марта", "2026-03-25")
    ]


def test_a_signing_dated_by_a_year_in_words(gazetteer):
    text = (
        f"{SPCA_RU} вступило в силу 1 сентября 2026 года. Документ, который министры "
        "подписали в апреле двадцать четвертого года, стал обязательным."
    )
    found = steps(gazetteer, text, "2026-09-02", "ru")
    assert ("spca", "signed", "change", "2024-04") in found
