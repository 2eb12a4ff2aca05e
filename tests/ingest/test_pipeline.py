"""The extractor end to end: text in, proposals out."""

import pytest

from ingest.corpus import load_split
from ingest.extract import extract
from ingest.extract.html import html_to_article
from ingest.extract.proposals import AGREEMENT_STATUSES

from .conftest import CORPUS
from .test_text import HTML


def status_events(proposals):
    return [
        (p.target, p.status, p.event, p.date, p.date_precision, p.party)
        for p in proposals
        if p.kind == "status_event"
    ]


def test_an_english_signing_today_is_a_dated_status_event(gazetteer):
    text = (
        "ASTANA – Kazakhstan and the United Kingdom today signed the Strategic Partnership "
        "and Cooperation Agreement, the foreign ministers of the two countries said.\n"
        "The document covers trade, energy, education and science.\n"
    )
    proposals = extract(text, published="2024-04-24", language="en", gazetteer=gazetteer)
    (event,) = [p for p in proposals if p.kind == "status_event"]
    assert event.target == "spca"
    assert event.status == "signed"
    assert event.event == "change"
    assert event.date == "2024-04-24"
    assert event.date_precision == "day"
    assert text[event.start : event.end] == event.quote
    assert "today signed the Strategic Partnership and Cooperation Agreement" in event.quote
    assert "cue en_signed" in event.reason and 0 < event.confidence <= 1


def test_the_language_is_detected_when_not_given(gazetteer):
    text = "Казахстан и Великобритания сегодня подписали Соглашение о стратегическом партнерстве и сотрудничестве."
    assert status_events(extract(text, published="2024-04-24", gazetteer=gazetteer)) == [
        ("spca", "signed", "change", "2024-04-24", "day", None)
    ]


def test_kazakh_signing_with_a_full_kazakh_date(gazetteer):
    text = "Қазақстан мен Ұлыбритания 2024 жылғы 24 сәуірде Стратегиялық әріптестік және ынтымақтастық туралы келісімге қол қойды."
    assert status_events(
        extract(text, published="2024-05", language="kk", gazetteer=gazetteer)
    ) == [("spca", "signed", "change", "2024-04-24", "day", None)]


def test_a_date_belongs_to_its_nearest_cue(gazetteer):
    """ "reviewed the ratification ..., which was signed in April last year": April
    dates the signing; the review takes the meeting's date."""
    text = (
        "The two countries held the eighth meeting of the Kazakhstan-UK Strategic Dialogue in London on Feb. 11.\n"
        "They also reviewed the ratification process of the Strategic Partnership and Cooperation Agreement, which was signed in April last year.\n"
    )
    events = status_events(
        extract(text, published="2025-02-12", language="en", gazetteer=gazetteer)
    )
    assert ("spca", "signed", "change", "2024-04", "month", None) in events
    assert ("spca", "ratification_pending", "confirmation", "2025-02-11", "day", None) in events


def test_an_anaphor_refers_to_the_agreement_named_before(gazetteer):
    text = (
        "Kazakhstan and the UK signed the Strategic Partnership and Cooperation Agreement in April 2024.\n"
        "In March 2025 the document was laid before Parliament in London.\n"
    )
    events = status_events(extract(text, published="2025-04", language="en", gazetteer=gazetteer))
    assert (
        "spca",
        "ratification_pending",
        "change",
        "2025-03",
        "month",
        "united-kingdom",
    ) in events


def test_ratification_by_kazakhstan_has_a_party(gazetteer):
    text = "Мажилис Казахстана вчера ратифицировал Соглашение о стратегическом партнерстве и сотрудничестве с Великобританией."
    assert status_events(
        extract(text, published="2025-06-05", language="ru", gazetteer=gazetteer)
    ) == [("spca", "ratified", "change", "2025-06-04", "day", "kazakhstan")]


def test_a_plan_date_never_dates_a_status(gazetteer):
    """ "set to sign in June": the agreement is being negotiated as of the article."""
    text = "Kazakhstan and the UK are set to sign the Strategic Partnership and Cooperation Agreement in June."
    assert status_events(
        extract(text, published="2024-03-10", language="en", gazetteer=gazetteer)
    ) == [("spca", "negotiating", "change", "2024-03-10", "day", None)]


def test_an_unknown_agreement_is_a_new_agreement(gazetteer):
    text = "Kazakhstan and the United Kingdom today signed a memorandum of understanding on cooperation in higher education."
    proposals = extract(text, published="2025-06-10", language="en", gazetteer=gazetteer)
    assert [(p.kind, p.status, p.date) for p in proposals if p.kind != "person"] == [
        ("new_agreement", "signed", "2025-06-10")
    ]
    assert proposals[0].title.startswith(
        "Memorandum of understanding on cooperation in higher education"
    )


@pytest.mark.parametrize(
    "text",
    [
        "Kazakhstan and Uzbekistan today signed a Treaty on Strategic Partnership and Cooperation in Tashkent.",
        "Казахстан и Узбекистан сегодня подписали соглашение о стратегическом партнерстве и сотрудничестве.",
        "Қазақстан мен Өзбекстан бүгін стратегиялық әріптестік және ынтымақтастық туралы келісімге қол қойды.",
    ],
)
def test_an_agreement_between_other_countries_proposes_nothing(gazetteer, text):
    assert extract(text, published="2024-04-24", gazetteer=gazetteer) == []


def test_a_sentence_about_a_third_country_proposes_nothing_in_a_kz_uk_article(gazetteer):
    text = (
        "Kazakhstan and the UK continue to expand their cooperation.\n"
        "Separately, Kazakhstan and Uzbekistan signed a Strategic Partnership and Cooperation Agreement today.\n"
    )
    assert (
        status_events(extract(text, published="2024-04-24", language="en", gazetteer=gazetteer))
        == []
    )


def test_figures_meetings_and_people(gazetteer):
    text = (
        "The eighth meeting of the Kazakhstan-UK Strategic Dialogue was held in London on Feb. 11, chaired by Roman Vassilenko.\n"
        "The annual trade turnover between the two countries stands at £2.8bn, and 580 British companies work in Kazakhstan.\n"
    )
    proposals = extract(text, published="2025-02-12", language="en", gazetteer=gazetteer)
    meetings = [(p.target, p.date) for p in proposals if p.kind == "meeting"]
    figures = [(p.value, p.unit, p.multiplier, p.target) for p in proposals if p.kind == "figure"]
    people = [p.target for p in proposals if p.kind == "person"]
    assert meetings == [("strategic-dialogue-8", "2025-02-11")]
    assert ("2.8", "GBP", "billion", "kz-uk-trade-turnover-2025-gbp") in figures
    assert ("580", "companies", None, "british-companies-in-kazakhstan-580") in figures
    assert people == ["roman-vassilenko"]


def test_html_input_gives_offsets_into_the_stored_text(gazetteer):
    article = html_to_article(HTML)
    proposals = extract(article.text, published=article.published, gazetteer=gazetteer)
    (event,) = [p for p in proposals if p.kind == "status_event"]
    assert (event.target, event.status, event.date) == ("spca", "signed", "2024-04-24")
    assert article.text[event.start : event.end] == event.quote


def test_every_dev_proposal_quotes_its_text_exactly(gazetteer):
    for article in load_split(CORPUS, "dev"):
        proposals = extract(
            article.text,
            published=article.published,
            language=article.language,
            gazetteer=gazetteer,
        )
        for p in proposals:
            assert article.text[p.start : p.end] == p.quote, (article.id, p)
            if p.kind == "status_event":
                assert p.status in AGREEMENT_STATUSES
                assert p.event in ("change", "confirmation")


def test_a_short_form_after_the_full_name_is_the_same_agreement(gazetteer):
    text = (
        "Kazakhstan and the UK signed the Strategic Partnership and Cooperation Agreement in Astana in April 2024.\n"
        "The partnership agreement still awaits ratification by the British Parliament, officials said.\n"
    )
    events = status_events(
        extract(text, published="2025-03-01", language="en", gazetteer=gazetteer)
    )
    assert events == [
        ("spca", "signed", "change", "2024-04", "month", None),
        ("spca", "ratification_pending", "confirmation", "2025-03-01", "day", "united-kingdom"),
    ]


def test_a_reference_by_parties_is_not_a_new_agreement(gazetteer):
    text = "The agreement between Kazakhstan and the UK, signed in Astana last April, still awaits ratification."
    proposals = extract(text, published="2025-03-01", language="en", gazetteer=gazetteer)
    assert [p for p in proposals if p.kind == "new_agreement"] == []


@pytest.mark.parametrize(
    ("language", "published", "text", "expected"),
    [
        (
            "en",
            "2025-03-05",
            "The UK laid the Strategic Partnership and Cooperation Agreement with Kazakhstan before Parliament on 3 March 2025.",
            ("spca", "ratification_pending", "change", "2025-03-03", "day", "united-kingdom"),
        ),
        (
            "ru",
            "2025-06-02",
            "Президент Казахстана Касым-Жомарт Токаев подписал закон «О ратификации Соглашения о стратегическом партнерстве и сотрудничестве между Республикой Казахстан и Соединенным Королевством Великобритании и Северной Ирландии».",
            ("spca", "ratified", "change", "2025-06-02", "day", "kazakhstan"),
        ),
        (
            "kk",
            "2025-07-02",
            "Қазақстан мен Ұлыбритания арасындағы Стратегиялық әріптестік және ынтымақтастық туралы келісім 2025 жылғы 1 шілдеде күшіне енді.",
            ("spca", "in_force", "change", "2025-07-01", "day", None),
        ),
    ],
)
def test_ratification_steps_in_each_language(gazetteer, language, published, text, expected):
    assert status_events(
        extract(text, published=published, language=language, gazetteer=gazetteer)
    ) == [expected]


def test_a_headline_gives_way_to_the_dated_report_in_the_body(gazetteer):
    text = (
        "Kazakhstan, UK Sign Strategic Partnership Agreement\n"
        "ASTANA – Murat Nurtleu and David Cameron signed the Strategic Partnership and Cooperation Agreement on Wednesday.\n"
    )
    events = status_events(
        extract(text, published="2024-04-25", language="en", gazetteer=gazetteer)
    )
    assert events == [("spca", "signed", "change", "2024-04-24", "day", None)]
