"""The texts readers see that were English-only at first (issue 16): places,
the notes of inferred dates, worded values, participants' and offices' notes,
and sources' titles and publishers. Loaded from the seeds in every language,
shown on the pages and in the API like the other translated fields, English
marked where a translation is missing."""

import pytest
from rest_framework.test import APIClient

from agreements.models import Agreement, Figure, StatusEvent
from dialogue.models import Meeting, Participation
from evidence.models import Source

pytestmark = pytest.mark.django_db


def test_load_seeds_loads_the_new_translations_with_their_review(seeded):
    meeting = Meeting.objects.get(slug="strategic-dialogue-8")
    assert (meeting.place_en, meeting.place_ru, meeting.place_kk) == ("London", "Лондон", "Лондон")
    assert meeting.start_on_note_ru.startswith("Согласно источнику 002")
    assert meeting.translation_review["place_ru"] == "reviewed"

    agreement = Agreement.objects.get(slug="mou-critical-minerals-green-hydrogen-2023")
    assert agreement.signed_at_kk == "Астана"
    assert "«in March»" in agreement.signed_on_note_ru

    event = StatusEvent.objects.filter(agreement__slug="spca").order_by("date").first()
    assert event.date_note_kk.startswith("Жанама түрде")

    figure = Figure.objects.get(slug="kz-uk-trade-turnover-2025-gbp")
    assert figure.value_text_ru == "2,8 млрд фунтов стерлингов"
    # A currency code is the same in every language: no translation.
    assert (figure.unit, figure.unit_ru) == ("GBP", None)

    participation = Participation.objects.get(note_en="Guest of honour.")
    assert participation.note_ru == "Почетный гость."
    assert participation.translation_review == {"note_kk": "machine", "note_ru": "machine"}

    source = Source.objects.get(slug="kazinform-2019-idrissov-leeds-visit")
    assert (source.publisher_ru, source.publisher_kk) == ("Kazinform", "ҚазАқпарат")
    assert source.translation_review["publisher_kk"] == "reviewed"
    assert source.title_en.startswith("Kazakh Ambassador Erlan Idrissov")


def test_a_meeting_page_shows_its_place_and_date_note_in_russian(seeded, client):
    page = client.get("/ru/meetings/strategic-dialogue-8/").content.decode()
    assert "Лондон" in page
    # The source's words quoted as written, said to be English; then translated.
    assert '«<span lang="en">in London on Feb. 11</span>» (пер.: «в Лондоне 11 февраля»)' in page
    assert "held 'in London on Feb. 11'" not in page


def test_participants_notes_are_in_kazakh(seeded, client):
    meeting = Participation.objects.get(note_en="Guest of honour.").meeting
    page = client.get(f"/kk/meetings/{meeting.slug}/").content.decode()
    assert "Құрметті қонақ" in page
    assert "Guest of honour." not in page


def test_an_agreement_page_shows_where_it_was_signed_and_why_the_date(seeded, client):
    page = client.get("/kk/agreements/mou-critical-minerals-green-hydrogen-2023/").content.decode()
    assert "Астана" in page
    assert "(аудармасы: «наурызда»)" in page


def test_a_figure_page_shows_the_worded_value_in_russian(seeded, client):
    page = client.get("/ru/figures/kz-uk-trade-turnover-2025-gbp/").content.decode()
    assert "2,8 млрд фунтов стерлингов" in page
    assert "<q><bdi>£2.8 billion" not in page  # the quote from the source stays English


def test_a_source_page_shows_its_publisher_and_notes_in_kazakh(seeded, client):
    page = client.get("/kk/sources/kazinform-2019-idrissov-leeds-visit/").content.decode()
    assert "ҚазАқпарат" in page
    assert "Тақырыпты редакция берген" in page


def test_a_missing_translation_of_a_place_is_english_marked_as_such(seeded, client):
    Meeting.objects.filter(slug="strategic-dialogue-8").update(place_kk=None)
    page = client.get("/kk/meetings/strategic-dialogue-8/").content.decode()
    assert '<span lang="en">London</span> <small class="untranslated">' in page


def test_the_api_gives_the_place_and_notes_in_the_language_asked(seeded):
    body = APIClient().get("/api/v1/meetings/strategic-dialogue-8/?lang=kk").json()
    assert body["place"] == "Лондон"
    assert body["languages"]["place"] == {"lang": "kk", "fallback": False, "review": "reviewed"}
    assert body["start_on_note"].startswith("002 дереккөзі бойынша")
    source = APIClient().get("/api/v1/sources/kazinform-2019-idrissov-leeds-visit/?lang=ru").json()
    assert source["publisher"] == "Kazinform"
    assert source["languages"]["title"]["lang"] == "ru"


def test_a_source_title_is_shown_as_written_with_a_marked_translation(seeded, client):
    page = client.get("/ru/sources/kazinform-2019-idrissov-leeds-visit/").content.decode()
    assert (
        '<h1><span lang="en">Kazakh Ambassador Erlan Idrissov visits Leeds to develop '
        "partnerships between Yorkshire and Kazakhstan</span> "
        '<small class="title-translation">(перевод: <span lang="ru">Посол Казахстана '
        "Ерлан Идрисов посетил Лидс" in page
    )
    english = client.get("/sources/kazinform-2019-idrissov-leeds-visit/").content.decode()
    assert "title-translation" not in english


def test_a_source_in_the_readers_language_needs_no_translation(seeded, client):
    source = Source.objects.get(slug="kazinform-2019-idrissov-leeds-visit")
    Source.objects.filter(pk=source.pk).update(
        title="Ерлан Ыдырысов Лидске барды", language="kk", title_kk="Аударма"
    )
    page = client.get(f"/kk/sources/{source.slug}/").content.decode()
    assert '<h1><span lang="kk">Ерлан Ыдырысов Лидске барды</span></h1>' in page
    assert "Аударма" not in page


def test_a_named_source_in_a_note_keeps_its_title_and_marks_the_translation(seeded, client):
    page = client.get("/ru/meetings/strategic-dialogue-8/").content.decode()
    assert (
        '“<a href="/ru/sources/news-2025-02-12-strategic-dialogue-8/" lang="en">Kazakhstan '
        "and the UK hold the eighth meeting of their Strategic Dialogue in London</a> "
        '<small class="title-translation">(перевод: <span lang="ru">Казахстан и '
        "Великобритания провели" in page
    )


def test_quotes_are_never_translated_by_the_content_columns(seeded):
    from core.content_lang import translated_fields
    from evidence.models import Citation

    assert translated_fields(Citation) == ()


def test_the_sources_csv_gives_each_title_as_written(seeded, client):
    response = client.get("/ru/sources/", {"format": "csv"})
    text = b"".join(response.streaming_content).decode("utf-8")
    assert "Kazakh Ambassador Erlan Idrissov visits Leeds" in text
    assert "Посол Казахстана Ерлан Идрисов" not in text
