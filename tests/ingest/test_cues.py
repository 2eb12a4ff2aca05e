import pytest

from ingest.extract.cues import find_cues, party_for


def cues(text, language):
    return [(c.status, c.event, c.cue.name) for c in find_cues(text, language)]


@pytest.mark.parametrize(
    ("language", "text", "status", "event"),
    [
        ("en", "The two countries signed the agreement.", "signed", "change"),
        ("en", "The agreement was initialled in Astana.", "negotiating", "change"),
        ("en", "The Senate ratified the agreement.", "ratified", "change"),
        ("en", "The agreement entered into force on 1 June.", "in_force", "change"),
        (
            "en",
            "The treaty was laid before Parliament on Monday.",
            "ratification_pending",
            "change",
        ),
        ("en", "The two countries are set to sign an agreement.", "negotiating", "change"),
        ("en", "Ratification is still pending.", "ratification_pending", "confirmation"),
        ("en", "They reviewed the ratification process.", "ratification_pending", "confirmation"),
        ("en", "The agreement has not yet been ratified.", "ratification_pending", "confirmation"),
        ("en", "in the spirit of the recently signed agreement", "signed", "confirmation"),
        (
            "en",
            "It was submitted to the Mazhilis for ratification.",
            "ratification_pending",
            "change",
        ),
        ("en", "The agreement remains in force.", "in_force", "confirmation"),
        (
            "en",
            "The agreement has not yet entered into force.",
            "ratification_pending",
            "confirmation",
        ),
        ("ru", "Стороны подписали соглашение.", "signed", "change"),
        ("ru", "Мажилис принял закон о ратификации соглашения.", "ratification_pending", "change"),
        ("ru", "Соглашение остается в силе.", "in_force", "confirmation"),
        ("ru", "Мажилис ратифицировал соглашение.", "ratified", "change"),
        ("ru", "Соглашение вступило в силу.", "in_force", "change"),
        ("ru", "Стороны готовятся подписать соглашение.", "negotiating", "change"),
        (
            "ru",
            "Стороны обсудили ход ратификации соглашения.",
            "ratification_pending",
            "confirmation",
        ),
        ("ru", "Соглашение еще не ратифицировано.", "ratification_pending", "confirmation"),
        ("kk", "Тараптар келісімге қол қойды.", "signed", "change"),
        ("kk", "Мәжіліс келісімді ратификациялады.", "ratified", "change"),
        ("kk", "Келісім күшіне енді.", "in_force", "change"),
        ("kk", "Тараптар келісімге таяу арада қол қоюға дайын.", "negotiating", "change"),
        (
            "kk",
            "Келісімді ратификациялау процесі талқыланды.",
            "ratification_pending",
            "confirmation",
        ),
        ("kk", "Келісім әлі ратификацияланбаған.", "ratification_pending", "confirmation"),
    ],
)
def test_cue_maps_to_status_and_event(language, text, status, event):
    found = cues(text, language)
    assert [(s, e) for s, e, _ in found] == [(status, event)], found


def test_higher_priority_wins_where_cues_overlap():
    # "sign" alone would be a signing; "set to sign" is a negotiation.
    assert cues("They are set to sign.", "en")[0][0] == "negotiating"
    # "ratified" alone would be a change; "not yet ratified" confirms it is pending.
    assert cues("It has not yet been ratified.", "en")[0][:2] == (
        "ratification_pending",
        "confirmation",
    )
    # Signing the ratification law is Kazakhstan's ratification, not a signing.
    assert (
        cues("Tokayev signed the law on ratification of the agreement.", "en")[0][0] == "ratified"
    )
    assert cues("Тоқаев келісімді ратификациялау туралы заңға қол қойды.", "kk")[0][0] == "ratified"


def test_forecasts_propose_nothing():
    assert cues("The agreement will enter into force next year.", "en") == []
    assert cues("Соглашение вступит в силу после ратификации.", "ru") == []
    assert cues("Келісім күшіне енеді.", "kk") == []
    assert cues("a sign of trust", "en") == []


@pytest.mark.parametrize(
    ("language", "text", "party"),
    [
        ("en", "The Mazhilis ratified the agreement.", "kazakhstan"),
        ("en", "The treaty was laid before Parliament in London.", "united-kingdom"),
        ("ru", "Мажилис ратифицировал соглашение.", "kazakhstan"),
        ("kk", "Мәжіліс келісімді ратификациялады.", "kazakhstan"),
        ("en", "The two countries signed the agreement.", None),  # a joint step has no party
    ],
)
def test_party_of_a_one_country_step(language, text, party):
    cue = find_cues(text, language)[0]
    assert party_for(text, cue, language, 0, len(text)) == party
