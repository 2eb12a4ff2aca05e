"""Rules added after the error analysis of heldout7 (docs/INGEST.md, "heldout7:
error analysis"), one test or more per rule and language.

Every sentence is written for the test; none is copied from a corpus
article. Relative dates resolve against the publication date each test
gives, so nothing here reads the clock.
"""

import pytest

from ingest.extract.dates import find_dates

from .proposing import LEAD
from .test_error_rules import SPCA_RU_GEN, steps
from .test_stem_events import SPCA_EN, SPCA_KK, SPCA_RU, events

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


# --- in force since a date: the entry into force ----------------------------------------


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", f"{SPCA_EN[0].upper()}{SPCA_EN[1:]} has been in force since yesterday."),
        ("ru", f"С 1 сентября {SPCA_RU} действует в полном объеме."),
        ("ru", f"{SPCA_RU} действует со вчерашнего дня."),
        ("kk", f"{SPCA_KK} 1 қыркүйектен бастап күшінде."),
    ],
)
def test_in_force_since_a_date_is_the_entry_into_force(gazetteer, language, text):
    assert events(gazetteer, text, "2026-09-02", language) == {("spca", "in_force", "2026-09-01")}


def test_operating_with_no_start_is_no_step_in_russian(gazetteer):
    text = f"{SPCA_RU} действует, но совместный комитет еще не собирался."
    assert events(gazetteer, text, "2026-09-02", "ru") == set()


# --- procedures completed, told noun first; whose they are ------------------------------


def test_procedures_completed_in_the_passive_are_the_ratification(gazetteer):
    text = f"{SPCA_RU} ждал ратификации. Британские внутренние процедуры были завершены в июле."
    assert steps(gazetteer, LEAD["ru"] + text, "2026-09-02", "ru") >= {
        ("spca", "ratified", "2026-07", "united-kingdom")
    }


@pytest.mark.parametrize(
    "text",
    [
        "Британские процедуры должны быть завершены в июле.",
        "Британские процедуры не завершены, хотя прошел июль.",
    ],
)
def test_procedures_to_be_completed_or_not_completed_are_no_ratification(gazetteer, text):
    found = steps(
        gazetteer, LEAD["ru"] + f"{SPCA_RU} ждет ратификации. " + text, "2026-08-02", "ru"
    )
    assert not {s for s in found if s[1] == "ratified"}


@pytest.mark.parametrize(
    ("language", "text", "party"),
    [
        (
            "en",
            "In July the British domestic procedures were completed, Astana said.",
            "united-kingdom",
        ),
        (
            "en",
            "In May the Kazakh ratification procedures were completed, London said.",
            "kazakhstan",
        ),
        ("ru", "В июле казахстанские процедуры были завершены, сообщили в Лондоне.", "kazakhstan"),
    ],
)
def test_a_nationality_on_the_procedures_names_the_party(gazetteer, language, text, party):
    lead = {
        "en": f"{SPCA_EN[0].upper()}{SPCA_EN[1:]} awaits ratification. ",
        "ru": f"{SPCA_RU} ждет ратификации. ",
    }
    found = steps(gazetteer, LEAD[language] + lead[language] + text, "2026-09-02", language)
    assert {(s[1], s[3]) for s in found if s[1] == "ratified"} == {("ratified", party)}


# --- a bill submitted by the government is before Parliament -----------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Документ был внесен правительством 3 марта и рассмотрен профильным комитетом.",
        "Правительство 3 марта внесло этот документ, и комитет его уже рассмотрел.",
    ],
)
def test_a_bill_submitted_by_the_government_is_before_parliament(gazetteer, text):
    found = events(gazetteer, f"{SPCA_RU} ждет ратификации. " + text, "2026-03-20", "ru")
    assert ("spca", "ratification_pending", "2026-03-03") in found


@pytest.mark.parametrize(
    "text",
    [
        "Документ будет внесен правительством в апреле.",
        "Документ должен быть внесен правительством до конца марта.",
        "Правительство внесет документ в парламент в апреле.",
    ],
)
def test_a_bill_the_government_will_submit_is_not_before_parliament(gazetteer, text):
    found = events(gazetteer, f"{SPCA_RU} ждет ратификации. " + text, "2026-03-20", "ru")
    assert not {e for e in found if e[1] == "ratification_pending"}


# --- a neuter pronoun as the subject of a passive ----------------------------------------


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("ru", f"Что такое {SPCA_RU}? Оно было подписано 24 апреля 2024 года."),
        ("en", f"What is {SPCA_EN}? It was signed on 24 April 2024."),
    ],
)
def test_it_was_signed_refers_to_the_agreement_named_before(gazetteer, language, text):
    assert events(gazetteer, text, "2025-07-10", language) == {("spca", "signed", "2024-04-24")}


def test_she_signed_is_a_person_not_the_agreement(gazetteer):
    text = f"{SPCA_RU} обсуждался долго. Она подписала письмо 3 марта."
    assert events(gazetteer, text, "2025-07-10", "ru") == set()


def test_not_operating_is_no_step_in_russian(gazetteer):
    text = f"{SPCA_RU} подписано, но пока не действует."
    assert {e[1] for e in events(gazetteer, text, "2025-07-10", "ru")} <= {"signed"}


# --- work on the text goes on: a negotiation confirmed -----------------------------------


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", f"On 5 March officials said work on the text of {SPCA_EN} is nearly done."),
        ("ru", f"5 марта посол сказал, что работа над текстом {SPCA_RU_GEN} идет по плану."),
        ("kk", f"5 наурызда елші {SPCA_KK} мәтіні бойынша жұмыс жалғасуда деп айтты."),
    ],
)
def test_work_on_the_text_going_on_confirms_the_negotiation(gazetteer, language, text):
    assert events(gazetteer, text, "2024-03-10", language) == {
        ("spca", "negotiating", "2024-03-05")
    }


def test_work_on_the_text_told_in_the_past_is_background(gazetteer):
    text = f"{SPCA_RU} подписано 24 апреля 2024 года. Работа над текстом длилась шесть лет."
    assert events(gazetteer, text, "2024-04-25", "ru") == {("spca", "signed", "2024-04-24")}


# --- a year ago today, in Russian and Kazakh ---------------------------------------------


@pytest.mark.parametrize(
    ("language", "text", "iso"),
    [
        ("kk", "Бір жыл бұрын, дәл бүгін, елшілер кездесті.", "2025-05-06"),
        ("kk", "Екі жыл бұрын бүгін елшілер кездесті.", "2024-05-06"),
        ("ru", "Год назад, день в день, послы встретились.", "2025-05-06"),
        ("ru", "Три года назад в этот же день послы встретились.", "2023-05-06"),
    ],
)
def test_years_ago_today_is_a_day(language, text, iso):
    found = find_dates(text, published="2026-05-06", language=language)
    assert [(d.value.iso(), d.value.precision) for d in found] == [(iso, "day")]


# --- Kazakh: -са followed by a past main clause is a contrast, not a condition -----------


def test_a_kazakh_sa_clause_before_a_past_main_clause_is_a_report(gazetteer):
    text = f"Былтыр сәуірде {SPCA_KK}ге қол қойылса, ақпанда {MOU_KK}ға қол қойылды."
    assert events(gazetteer, text, "2025-05-06", "kk") == {
        ("spca", "signed", "2024-04"),
        ("mou-seasonal-workers-2025", "signed", "2025-02"),
    }


@pytest.mark.parametrize(
    "text",
    [
        f"Егер {MOU_KK}ға ақпанда қол қойылса, министрлер Лондонға барады.",
        f"{MOU_KK}ға ақпанда қол қойылса, министрлер Лондонға барады.",
    ],
)
def test_a_kazakh_sa_clause_before_a_future_is_a_condition(gazetteer, text):
    found = events(gazetteer, text, "2025-02-06", "kk")
    assert not {e for e in found if e[1] == "signed"}


def test_a_kazakh_date_after_a_verb_and_a_comma_opens_the_next_clause(gazetteer):
    # «ақпанда» is nearer the first verb in characters, but opens the second clause.
    text = f"{SPCA_KK}ге былтыр қол қойылса, ақпанда {MOU_KK}ға қол қойылды."
    assert events(gazetteer, text, "2025-05-06", "kk") == {
        ("spca", "signed", "2024"),
        ("mou-seasonal-workers-2025", "signed", "2025-02"),
    }


# --- English: ratification under way; a bill sent to a chamber ---------------------------


def test_ratification_under_way_is_pending(gazetteer):
    text = f"On 9 June London said ratification of {SPCA_EN} is still under way."
    assert events(gazetteer, text, "2026-06-10", "en") == {
        ("spca", "ratification_pending", "2026-06-09")
    }


def test_a_bill_sent_to_the_mazhilis_is_before_parliament(gazetteer):
    text = f"On 3 March the bill on ratification of {SPCA_EN} was sent to the Mazhilis."
    assert steps(gazetteer, LEAD["en"] + text, "2026-03-20", "en") == {
        ("spca", "ratification_pending", "2026-03-03", "kazakhstan")
    }


# --- Kazakh: the process after which, the process finished, in force ---------------------


def test_after_the_ratification_process_is_background(gazetteer):
    text = f"Ратификациялау үдерісінен кейін {SPCA_KK} 1 қыркүйекте күшіне енді."
    assert events(gazetteer, text, "2026-11-18", "kk") == {("spca", "in_force", "2026-09-01")}


def test_the_ratification_process_finished_is_no_pending_step(gazetteer):
    text = f"{SPCA_KK} бойынша ратификациялау үдерісі екі елде де аяқталды."
    found = events(gazetteer, text, "2026-07-15", "kk")
    assert {e[1] for e in found} == {"ratified"}


def test_in_force_confirmed_in_kazakh(gazetteer):
    text = f"Кеше тараптар {SPCA_KK} толық күшінде екенін растады."
    assert events(gazetteer, text, "2026-11-18", "kk") == {("spca", "in_force", "2026-11-17")}


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("kk", f"Кеше келісім күшінде екені, ал {MOU_KK} қайта қаралатыны айтылды."),
        ("en", f"Yesterday officials said the treaty is in force and {MOU_EN} will be revised."),
    ],
)
def test_a_memorandum_named_alone_is_not_what_is_in_force(gazetteer, language, text):
    found = events(gazetteer, text, "2026-11-18", language)
    assert not {e for e in found if e[0] == "mou-seasonal-workers-2025"}


# --- "at the same meeting": the occasion the sentence before dated ----------------------


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", f"The envoys met in Rome on 11 February. At the same meeting {MOU_EN} was signed."),
        ("ru", f"Послы встретились в Риме 11 февраля. На той же встрече подписан {MOU_RU}."),
        ("kk", f"Елшілер 11 ақпанда Римде кездесті. Сол кездесуде {MOU_KK}ға қол қойылды."),
    ],
)
def test_the_same_meeting_takes_the_date_of_the_sentence_before(gazetteer, language, text):
    assert events(gazetteer, text, "2025-06-05", language) == {
        ("mou-seasonal-workers-2025", "signed", "2025-02-11")
    }


def test_a_sentence_with_its_own_date_keeps_it(gazetteer):
    text = f"The envoys met on 3 March. At the same meeting on 11 February {MOU_EN} was signed."
    assert events(gazetteer, text, "2025-06-05", "en") == {
        ("mou-seasonal-workers-2025", "signed", "2025-02-11")
    }


# --- the UK's 21 sitting days ran out: a British confirmation ----------------------------


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "en",
            f"{SPCA_EN[0].upper()}{SPCA_EN[1:]} waits in London. In April the 21 sitting days "
            "in which MPs could have objected ran out.",
        ),
        ("ru", f"{SPCA_RU} ждет ратификации. В апреле 21 заседательный день истек без возражений."),
        ("kk", f"{SPCA_KK} Лондонда. 21 отырыс күні сәуірде қарсылықсыз аяқталды."),
    ],
)
def test_the_sitting_days_ending_is_a_british_confirmation(gazetteer, language, text):
    assert steps(gazetteer, LEAD[language] + text, "2026-05-20", language) == {
        ("spca", "ratification_pending", "2026-04", "united-kingdom")
    }


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Ministers may not ratify until 21 sitting days have passed."),
        ("ru", "У палат есть 21 заседательный день, чтобы возразить."),
        ("kk", "Ұлыбританияда 21 отырыс күні өтуі керек."),
    ],
)
def test_the_sitting_days_as_a_rule_are_no_step(gazetteer, language, text):
    found = steps(gazetteer, LEAD[language] + text, "2026-05-20", language)
    assert not {s for s in found if s[3] == "united-kingdom"}
