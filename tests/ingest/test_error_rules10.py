"""Rules added after the error analysis of heldout10 (docs/INGEST.md, "heldout10:
error analysis"): broad causes, each with the things it must not propose.

Every sentence is written for the test; none is copied from a corpus
article. Relative dates resolve against the publication date each test
gives, so nothing here reads the clock.
"""

import pytest

from .proposing import found_dates as dates
from .proposing import status_steps as steps
from .test_stem_events import SPCA_EN, SPCA_KK, SPCA_RU, events

# --- a bare negation confirms the status that held on its date ------------------------------


def test_not_yet_ratified_days_after_the_signing_confirms_signed(gazetteer):
    text = (
        f"The ministers put their names to {SPCA_EN} in Astana on 24 April 2024. "
        "Neither legislature has ratified it yet."
    )
    found = steps(gazetteer, text, "2024-05-02", "en")
    assert ("spca", "signed", "confirmation", "2024-05-02") in found
    assert ("spca", "ratification_pending", "confirmation", "2024-05-02") not in found


def test_a_russian_negation_before_the_british_review_confirms_signed(gazetteer):
    found = steps(gazetteer, f"{SPCA_RU} пока не ратифицировано.", "2024-06-03", "ru")
    assert found == {("spca", "signed", "confirmation", "2024-06-03")}


def test_not_in_force_after_both_ratifications_confirms_ratified(gazetteer):
    text = (
        f"{SPCA_KK} бойынша Мемлекет басшысы ратификациялау туралы заңға 2026 жылғы "
        "12 мамырда қол қойды. Ұлыбритания ратификациялау рәсімдерін 2026 жылғы 14 шілдеде "
        "аяқтады. Келісім әлі күшіне енген жоқ."
    )
    found = steps(gazetteer, text, "2026-08-03", "kk")
    assert ("spca", "ratified", "confirmation", "2026-08-03") in found
    assert ("spca", "ratification_pending", "confirmation", "2026-08-03") not in found


def test_not_in_force_after_one_ratification_stays_pending(gazetteer):
    text = (
        f"President Tokayev signed the law ratifying {SPCA_EN} on 12 May 2026. "
        "The agreement has not yet entered into force."
    )
    found = steps(gazetteer, text, "2026-06-01", "en")
    assert ("spca", "ratification_pending", "confirmation", "2026-06-01") in found


def test_not_yet_ratified_while_ratification_is_pending_stays_pending(gazetteer):
    found = steps(gazetteer, f"{SPCA_EN} has not yet been ratified.", "2025-06-12", "en")
    assert found == {("spca", "ratification_pending", "confirmation", "2025-06-12")}


# --- a question proposes nothing ------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", f"So has {SPCA_EN} entered into force?"),
        ("ru", f"Вступило ли {SPCA_RU} в силу?"),
        ("kk", f"{SPCA_KK} күшіне енді ме?"),
    ],
)
def test_a_question_is_no_step(gazetteer, language, text):
    assert events(gazetteer, text, "2026-09-03", language) == set()


def test_the_answer_after_a_question_is_a_step(gazetteer):
    text = f"So has {SPCA_EN} entered into force? It entered into force on 1 September 2026."
    assert events(gazetteer, text, "2026-09-03", "en") == {("spca", "in_force", "2026-09-01")}


# --- a date taken by a step the history rules out dates the other steps -------------------------


def test_the_date_next_to_signed_the_law_dates_the_ratification(gazetteer):
    text = (
        "On 12 May 2026 President Tokayev signed the Law of the Republic of Kazakhstan "
        f"ratifying {SPCA_EN}."
    )
    assert events(gazetteer, text, "2026-05-20", "en") == {("spca", "ratified", "2026-05-12")}


def test_a_signing_its_history_allows_keeps_its_date(gazetteer):
    text = f"{SPCA_EN} was signed on 24 April 2024 and ratified by the Senate later."
    found = events(gazetteer, text, "2026-05-20", "en")
    assert ("spca", "signed", "2024-04-24") in found


# --- a step told at a known meeting, and "also" after it ------------------------------------


def test_a_review_at_a_known_round_of_a_series_takes_its_date(gazetteer):
    text = (
        f"At the eighth Strategic Dialogue the delegations reviewed the ratification of {SPCA_EN}."
    )
    found = events(gazetteer, text, "2025-03-05", "en")
    assert found == {("spca", "ratification_pending", "2025-02-11")}


def test_a_kazakh_review_at_the_eighth_dialogue_takes_its_date(gazetteer):
    text = f"Стратегиялық диалогтың сегізінші отырысында {SPCA_KK}ді ратификациялау барысы қаралды."
    found = events(gazetteer, text, "2025-03-05", "kk")
    assert found == {("spca", "ratification_pending", "2025-02-11")}


def test_also_after_a_sentence_naming_the_meeting_takes_its_date(gazetteer):
    text = (
        "Меморандум о трудовой миграции подписан на восьмом заседании Стратегического "
        f"диалога. Стороны также обсудили ход ратификации {SPCA_RU[:-1]}я, "
        "подписанного в прошлом году."
    )
    found = events(gazetteer, text, "2025-03-05", "ru")
    assert ("spca", "ratification_pending", "2025-02-11") in found
    assert ("spca", "ratification_pending", "2025-03-05") not in found


def test_a_round_the_tracker_does_not_know_dates_nothing(gazetteer):
    text = (
        f"At the twelfth Strategic Dialogue the delegations reviewed the ratification of {SPCA_EN}."
    )
    found = events(gazetteer, text, "2025-03-05", "en")
    assert found == {("spca", "ratification_pending", "2025-03-05")}


def test_the_same_day_reaches_back_over_an_undated_sentence(gazetteer):
    text = (
        "Ақпанның 11-інде Лондонда еңбек көші-қоны туралы меморандумға қол қойылды. "
        "Меморандум маусымдық жұмысшыларға арналған. "
        f"Сол күні {SPCA_KK}ді ратификациялау барысы да талқыланды."
    )
    found = events(gazetteer, text, "2025-03-05", "kk")
    assert ("spca", "ratification_pending", "2025-02-11") in found


def test_the_same_day_does_not_reach_into_another_paragraph(gazetteer):
    text = (
        "Ақпанның 11-інде Лондонда еңбек көші-қоны туралы меморандумға қол қойылды.\n\n"
        "Меморандум маусымдық жұмысшыларға арналған. "
        f"Сол күні {SPCA_KK}ді ратификациялау барысы да талқыланды."
    )
    found = events(gazetteer, text, "2025-03-05", "kk")
    assert ("spca", "ratification_pending", "2025-02-11") not in found


# --- a step that happens once, told at two precisions ---------------------------------------


def test_a_vaguer_telling_of_the_entry_into_force_goes(gazetteer):
    text = (
        "The partnership treaty that took effect this week has a long history.\n\n"
        f"1 September 2026 — {SPCA_EN} enters into force."
    )
    found = events(gazetteer, text, "2026-09-03", "en")
    assert found == {("spca", "in_force", "2026-09-01")}


def test_a_signing_told_by_month_and_by_day_is_one_step(gazetteer):
    text = (
        f"{SPCA_EN} was signed in April 2024.\n\n24 April 2024 — the agreement is signed in Astana."
    )
    found = events(gazetteer, text, "2025-06-12", "en")
    assert found == {("spca", "signed", "2024-04-24")}


def test_two_chamber_votes_of_one_month_stay_two_steps(gazetteer):
    text = (
        f"The Mazhilis passed the bill on the ratification of {SPCA_EN} in April 2026. "
        "The Senate approved the bill on 30 April 2026."
    )
    found = events(gazetteer, text, "2026-05-05", "en")
    assert ("spca", "ratification_pending", "2026-04") in found
    assert ("spca", "ratification_pending", "2026-04-30") in found


# --- negated layings, considerations and notices ---------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        f"Eighteen months later, {SPCA_EN} has still not been laid before Parliament.",
        f"The Parliament of Kazakhstan has not yet considered {SPCA_EN}.",
        f"On {SPCA_EN}, Whitehall has not yet notified Astana that its procedures are complete.",
    ],
)
def test_a_step_before_parliament_not_yet_taken_confirms_pending(gazetteer, text):
    found = steps(gazetteer, text, "2025-11-20", "en")
    assert found == {("spca", "ratification_pending", "confirmation", "2025-11-20")}


def test_a_committee_that_considered_the_agreement_is_no_step(gazetteer):
    text = f"The committee considered {SPCA_EN} on 3 March 2026."
    assert events(gazetteer, text, "2026-03-05", "en") == set()


def test_procedures_said_to_be_complete_are_the_ratification(gazetteer):
    text = f"On {SPCA_EN}, London said on 14 July 2026 that its procedures are complete."
    assert ("spca", "ratified", "2026-07-14") in events(gazetteer, text, "2026-07-20", "en")


# --- Russian: a submission to the chambers, and the entry into force negated ----------------


def test_a_submission_to_the_chambers_of_parliament_is_before_parliament(gazetteer):
    text = (
        f"Британская сторона 17 марта 2026 года внесла {SPCA_RU} "
        "на рассмотрение палат Парламента Соединенного Королевства."
    )
    found = events(gazetteer, text, "2026-04-01", "ru")
    assert found == {("spca", "ratification_pending", "2026-03-17")}


def test_a_submission_to_come_is_no_step(gazetteer):
    text = f"{SPCA_RU} будет внесено на рассмотрение палат Парламента осенью."
    assert events(gazetteer, text, "2026-04-01", "ru") == set()


def test_in_force_not_yet_in_that_order_is_a_negation(gazetteer):
    text = f"На момент публикации {SPCA_RU} в силу ещё не вступило."
    found = steps(gazetteer, text, "2025-06-12", "ru")
    assert found == {("spca", "ratification_pending", "confirmation", "2025-06-12")}


# --- went over, expectations ---------------------------------------------------------------


def test_going_over_the_ratification_is_a_review_not_the_ratification(gazetteer):
    text = f"On 11 February 2025 officials went over the ratification schedule of {SPCA_EN}."
    found = events(gazetteer, text, "2025-02-20", "en")
    assert found == {("spca", "ratification_pending", "2025-02-11")}


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "ru",
            f"Дипломаты ожидают, что британская сторона направит ноту о завершении процедур по {SPCA_RU[:-1]}ю.",
        ),
        (
            "en",
            f"Officials expect that London will have completed its ratification procedures for {SPCA_EN}.",
        ),
        ("kk", f"Ұлыбритания {SPCA_KK} бойынша рәсімдерді аяқтап, нота жібереді деп күтілуде."),
    ],
)
def test_a_step_someone_expects_is_no_step(gazetteer, language, text):
    assert events(gazetteer, text, "2026-05-01", language) == set()


def test_a_completion_reported_is_still_a_step(gazetteer):
    text = f"По данным МИД, британская сторона 14 июля 2026 года завершила процедуры по {SPCA_RU[:-1]}ю."
    found = events(gazetteer, text, "2026-07-20", "ru")
    assert ("spca", "ratified", "2026-07-14") in found


# --- relative clauses, the treaty formula, years in names -----------------------------------


def test_a_relative_clause_keeps_its_own_date(gazetteer):
    text = (
        f"The committee examined {SPCA_EN}, done at Astana on 24 April 2024, which was laid "
        "before Parliament on 17 March 2026."
    )
    found = events(gazetteer, text, "2026-03-25", "en")
    assert found == {
        ("spca", "signed", "2024-04-24"),
        ("spca", "ratification_pending", "2026-03-17"),
    }


def test_done_at_a_lower_case_word_is_no_signature(gazetteer):
    text = f"The legal review of {SPCA_EN} was done at the ministry in March 2025."
    assert events(gazetteer, text, "2025-06-12", "en") == set()


def test_a_year_that_ends_a_statutes_name_is_no_date():
    text = "laid under the Constitutional Reform and Governance Act 2010 on 17 March 2026"
    assert dates(text, "en", "2026-03-25") == [("17 March 2026", "2026-03-17")]


# --- days in words -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("ru", "первого сентября", "2026-09-01"),
        ("ru", "двадцать четвертого апреля", "2026-04-24"),
        ("ru", "тридцатого апреля", "2026-04-30"),
        ("ru", "1-го числа этого месяца", "2026-09-01"),
        ("ru", "первого числа прошлого месяца", "2026-08-01"),
        ("kk", "осы айдың бірінші жұлдызында", "2026-09-01"),
        ("kk", "өткен айдың 12-сінде", "2026-08-12"),
        ("kk", "осы айдың жиырма бесінші күні", "2026-09-25"),
    ],
)
def test_a_day_in_words_or_of_a_named_month(language, text, expected):
    assert [iso for _, iso in dates(text, language, "2026-09-10")] == [expected]


def test_first_before_a_noun_is_no_day():
    assert dates("первого заседания комиссии", "ru", "2026-09-10") == []


def test_a_kazakh_first_of_this_month_dates_the_entry_into_force(gazetteer):
    text = f"Осы айдың бірінші жұлдызында {SPCA_KK} күшіне енді."
    assert events(gazetteer, text, "2026-09-10", "kk") == {("spca", "in_force", "2026-09-01")}


# --- a weekday the history rules out describes the sentence's other date --------------------


def test_a_weekday_beside_a_year_ago_today_does_not_lose_the_signing(gazetteer):
    text = (
        "A year ago today, on a Wednesday afternoon in the capital, the two ministers "
        f"put their names to {SPCA_EN}."
    )
    found = events(gazetteer, text, "2025-04-24", "en")
    assert found == {("spca", "signed", "2024-04-24")}


def test_a_weekday_alone_that_the_history_rules_out_is_still_no_signing(gazetteer):
    text = f"On Wednesday the two ministers put their names to {SPCA_EN}."
    assert events(gazetteer, text, "2025-04-24", "en") == set()
