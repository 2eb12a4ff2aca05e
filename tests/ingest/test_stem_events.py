"""The stem reader (ingest/extract/events.py): event words by their roots, in any
voice or part of speech, read with the negation, plan or noun around them.

Every sentence here is written for the test in wordings no phrase cue lists;
none is copied from a corpus article. The dates are absolute or resolved
against a fixed publication date, so nothing here reads the clock.
"""

import pytest

from ingest.extract import extract
from ingest.extract.dates import find_dates
from ingest.extract.events import find_triggers, stem_cues
from ingest.extract.tokens import tokenize

from .proposing import LEAD
from .test_quality_rules import events as _events

SPCA_EN = "the Strategic Partnership and Cooperation Agreement"
SPCA_RU = "Соглашение о стратегическом партнерстве и сотрудничестве"
SPCA_KK = "Стратегиялық әріптестік және ынтымақтастық туралы келісім"


def events(gazetteer, text, published, language):
    return _events(gazetteer, LEAD[language] + text, published, language)


def readings(text, language):
    """(event root, status, change/confirmation) of each stem cue, blockers as None."""
    return [
        (c.cue.name, c.cue.status, c.cue.event if c.cue.status else None)
        for c in stem_cues(text, tokenize(text, language), language)
    ]


# --- the root, whatever the voice and the part of speech ------------------------------


@pytest.mark.parametrize(
    ("language", "text", "event"),
    [
        ("en", "The ministers concluded the pact.", "sign"),
        ("en", "The pact was concluded.", "sign"),
        ("en", "Their signatures are on the pact.", "sign"),
        ("en", "The ministers penned the pact.", "sign"),
        ("ru", "Министры подписали пакт.", "sign"),
        ("ru", "Пакт подписан министрами.", "sign"),
        ("ru", "Подписание пакта состоялось.", "sign"),
        ("kk", "Министрлер пактіге қол қойды.", "sign"),
        ("kk", "Пактіге қол қойылды.", "sign"),
        ("kk", "Пактіге қолтаңба қойылды.", "sign"),
        ("en", "Parliament ratified the pact.", "ratify"),
        ("ru", "Пакт ратифицирован.", "ratify"),
        ("kk", "Пакт ратификацияланды.", "ratify"),
    ],
)
def test_an_event_word_is_found_by_its_root_in_any_voice(language, text, event):
    triggers = find_triggers(tokenize(text, language), language)
    assert [t.event for t in triggers] == [event]


# --- passive voice -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", f"On 24 April 2024 {SPCA_EN} was concluded by the two foreign ministers."),
        ("ru", f"{SPCA_RU} было заключено министрами двух стран 24 апреля 2024 года."),
        ("kk", f"{SPCA_KK} 2024 жылғы 24 сәуірде екі министрдің қолтаңбасымен бекітілді."),
    ],
)
def test_a_passive_signing_in_unlisted_words_is_the_signing(gazetteer, language, text):
    found = events(gazetteer, text, "2024-04-30", language)
    assert found == {("spca", "signed", "2024-04-24")}


# --- nominalisation ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", f"The signature of {SPCA_EN} on 24 April 2024 capped six years of work."),
        ("ru", f"Подписание {SPCA_RU[0].lower() + SPCA_RU[1:]} 24 апреля 2024 года подвело итог."),
    ],
)
def test_a_dated_noun_of_signing_is_the_signing(gazetteer, language, text):
    assert events(gazetteer, text, "2024-04-30", language) == {("spca", "signed", "2024-04-24")}


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", f"Diplomats spoke about the signing of {SPCA_EN} at a reception."),
        ("ru", f"Дипломаты вспоминали подписание {SPCA_RU[0].lower() + SPCA_RU[1:]} на приёме."),
    ],
)
def test_an_undated_noun_of_signing_tells_no_step(gazetteer, language, text):
    assert events(gazetteer, text, "2024-10-01", language) == set()


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", f"On 3 June the delegations looked at where the ratification of {SPCA_EN} stands."),
        (
            "ru",
            f"3 июня делегации обсудили ход ратификации {SPCA_RU[0].lower() + SPCA_RU[1:][:-1]}я.",
        ),
        ("kk", f"3 маусымда делегациялар {SPCA_KK}нің ратификациялану барысын пысықтады."),
    ],
)
def test_a_ratification_spoken_of_as_a_process_is_pending(gazetteer, language, text):
    found = events(gazetteer, text, "2025-06-05", language)
    assert found == {("spca", "ratification_pending", "2025-06-03")}


@pytest.mark.parametrize(
    ("language", "text", "reading"),
    [
        ("en", "The ratification was completed in May.", ("stem_ratify", "ratified", "change")),
        ("en", "Ratification is a long road.", None),
        (
            "kk",
            "Ратификация әлі аяқталған жоқ.",
            ("stem_ratify", "ratification_pending", "confirmation"),
        ),
    ],
)
def test_a_noun_of_ratification_needs_a_word_that_says_how_it_stands(language, text, reading):
    assert readings(text, language) == ([reading] if reading else [])


# --- back-reference ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "en",
            f"Talks on {SPCA_EN} took six years. The ministers finally signed it on 24 April 2024.",
        ),
        (
            "ru",
            f"Работа над текстом шла шесть лет: это {SPCA_RU}. "
            "Министры скрепили его своими подписями 24 апреля 2024 года.",
        ),
        (
            "kk",
            f"{SPCA_KK} алты жыл бойы әзірленді. Министрлер оған 2024 жылғы 24 сәуірде қол қойды.",
        ),
    ],
)
def test_a_pronoun_object_refers_to_the_agreement_named_before(gazetteer, language, text):
    assert ("spca", "signed", "2024-04-24") in events(gazetteer, text, "2024-04-30", language)


# --- future, plans and negation -------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "text", "status"),
    [
        # A signing planned is the negotiation; a ratification planned is no step.
        ("en", f"The two governments expect to conclude {SPCA_EN} soon.", "negotiating"),
        ("ru", f"{SPCA_RU}, как ожидается, подпишут весной.", "negotiating"),
        ("kk", f"Тараптар {SPCA_KK}ді жақын арада бекітуге ниетті.", "negotiating"),
        ("en", f"Both parliaments are expected to ratify {SPCA_EN} next year.", None),
        ("ru", f"Парламенты ратифицируют {SPCA_RU[0].lower() + SPCA_RU[1:]} в будущем году.", None),
        ("kk", f"{SPCA_KK} ратификацияланғаннан кейін жаңа кезең басталады.", None),
        ("ru", f"{SPCA_RU} начнёт действовать с осени.", None),
    ],
)
def test_a_plan_is_a_negotiation_or_nothing(gazetteer, language, text, status):
    found = events(gazetteer, text, "2024-03-10", language)
    assert found == ({("spca", status, "2024-03-10")} if status else set())


@pytest.mark.parametrize(
    ("language", "text", "status"),
    [
        ("en", f"London has not ratified {SPCA_EN}.", "ratification_pending"),
        (
            "ru",
            f"Лондон до сих пор не ратифицировал {SPCA_RU[0].lower() + SPCA_RU[1:]}.",
            "ratification_pending",
        ),
        ("kk", f"Лондон {SPCA_KK}ді ратификацияламады.", "ratification_pending"),
    ],
)
def test_a_negated_step_confirms_the_status_before_it(gazetteer, language, text, status):
    found = events(gazetteer, text, "2025-06-05", language)
    assert found == {("spca", status, "2025-06-05")}


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", f"The ministers did not conclude {SPCA_EN} at the meeting."),
        ("ru", f"Министры так и не подписали {SPCA_RU[0].lower() + SPCA_RU[1:]}."),
        ("kk", f"Министрлер {SPCA_KK}ге қол қоймады."),
    ],
)
def test_a_signing_not_done_confirms_the_negotiation(gazetteer, language, text):
    # Before the SPCA's known signing (April 2024): a negotiation after it is ruled out.
    assert events(gazetteer, text, "2024-03-10", language) == {
        ("spca", "negotiating", "2024-03-10")
    }


def test_a_negation_further_back_belongs_to_another_verb():
    """'did not object to its ratification' says nothing about the ratification."""
    text = "Neither House objected; no member spoke against its ratification."
    assert readings(text, "en") == []


def test_may_the_month_is_no_modal():
    text = f"In May the President signed {SPCA_EN}."
    assert readings(text, "en") == [("stem_sign", "signed", "change")]


# --- chambers and Parliament -----------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "text", "party"),
    [
        ("en", f"On 15 April the Senate voted for the bill on {SPCA_EN}.", "kazakhstan"),
        (
            "ru",
            f"15 апреля депутаты Мажилиса поддержали законопроект о ратификации {SPCA_RU[0].lower() + SPCA_RU[1:]}.",
            "kazakhstan",
        ),
        ("en", f"On 15 April ministers laid {SPCA_EN} before both Houses.", "united-kingdom"),
    ],
)
def test_a_chamber_or_parliament_step_is_pending_ratification(gazetteer, language, text, party):
    proposals = [
        p
        for p in extract(
            LEAD[language] + text, published="2026-04-20", language=language, gazetteer=gazetteer
        )
        if p.kind == "status_event"
    ]
    assert [(p.target, p.status, p.date, p.party) for p in proposals] == [
        ("spca", "ratification_pending", "2026-04-15", party)
    ]


def test_a_verb_of_approval_without_a_chamber_or_a_law_is_no_step():
    assert readings("Председатель Сената принял посла.", "ru") == []


def test_two_chambers_with_one_verb_are_two_steps(gazetteer):
    text = (
        f"{SPCA_KK}ді ратификациялау туралы заң жобасын Мәжіліс 15 сәуірде, "
        "ал Сенат 29 сәуірде мақұлдаған еді."
    )
    found = events(gazetteer, text, "2026-05-14", "kk")
    assert found == {
        ("spca", "ratification_pending", "2026-04-15"),
        ("spca", "ratification_pending", "2026-04-29"),
    }


@pytest.mark.dates
@pytest.mark.parametrize(
    ("text", "iso", "precision"),
    [
        ("Since the first of September the pact has applied.", "2026-09-01", "day"),
        ("On the twenty-first of April 2024 the ministers met.", "2024-04-21", "day"),
        ("It was the first of many steps.", None, None),
    ],
)
def test_a_day_in_words_is_a_day(text, iso, precision):
    found = [
        (d.value.iso(), d.value.precision)
        for d in find_dates(text, published="2026-09-10", language="en")
    ]
    assert found == ([(iso, precision)] if iso else [])


@pytest.mark.parametrize(
    ("text", "events_found"),
    [
        ("The two governments entered into the pact in 2023.", ["sign"]),
        ("It builds on the pact that both sides entered into in 2023.", ["sign"]),
        ("The pact entered into force in 2023.", ["force"]),
        ("The sides entered into talks in 2023.", []),
    ],
)
def test_entered_into_an_agreement_is_a_signing(text, events_found):
    triggers = find_triggers(tokenize(text, "en"), "en")
    assert [t.event for t in triggers] == events_found


@pytest.mark.parametrize(
    ("language", "text", "reading"),
    [
        # A plan or a negation is read between the commas around the event word...
        (
            "en",
            "According to the ministry, Kazakhstan ratified the pact.",
            ("stem_ratify", "ratified", "change"),
        ),
        (
            "en",
            "The pact lay unsigned until April, when it was signed.",
            ("stem_sign", "signed", "change"),
        ),
        # ... except in a that-clause, which belongs to the verb before it.
        (
            "ru",
            "Депутаты выразили надежду, что ратификация завершится в этом году.",
            ("stem_ratify", None, None),
        ),
        # A step in a "before" clause has not happened.
        ("en", "It must be ratified before it takes effect.", ("stem_force", None, None)),
    ],
)
def test_the_mood_is_read_within_the_phrase(language, text, reading):
    assert reading in readings(text, language)
    assert not [r for r in readings(text, language) if r[1] and r != reading]


@pytest.mark.parametrize(
    ("language", "text", "statuses"),
    [
        # Parliament's «бекіту» is its approval, never a signing.
        ("kk", "Сенат заңды бекітті.", ["ratification_pending"]),
        ("kk", "Министрлер меморандумды бекітті.", ["signed"]),
        # A vote spoken of as a noun is background.
        ("en", "After its approval by the Senate, the law went to the President.", []),
        ("en", "The Senate approved the law.", ["ratification_pending"]),
    ],
)
def test_a_chamber_approves_and_ministers_sign(language, text, statuses):
    assert [r[1] for r in readings(text, language) if r[1]] == statuses
