"""The content in three languages (issue 16 item 1): a column per language,
the English text when a translation is missing, marked as such, never
silently; the original column stays English whoever saves."""

import pytest
from django.utils import translation

from agreements.models import Agreement, Commitment, CommitmentStatusEvent, Figure, StatusEvent
from core.content_lang import Picked, pick, translated_fields
from dialogue.models import Meeting, MeetingSeries, Participation
from evidence.models import Source
from people.models import Organisation, Person, Post
from tests.support import factories

pytestmark = pytest.mark.django_db


def test_every_field_of_the_issue_has_a_column_per_language():
    assert set(translated_fields(Agreement)) == {
        "title",
        "short_title",
        "summary",
        "signed_at",
        "signed_on_note",
    }
    assert "name" in translated_fields(Organisation)
    assert "name" in translated_fields(Person)
    assert "title" in translated_fields(Post)
    for language in ("en", "ru", "kk"):
        Agreement._meta.get_field(f"title_{language}")


def test_places_date_notes_worded_values_participants_and_sources_have_languages():
    """The texts readers see that were English-only at first (issue 16)."""
    expected = {
        Meeting: {"place", "start_on_note", "end_on_note"},
        MeetingSeries: {"established_on_note"},
        Participation: {"note"},
        StatusEvent: {"note", "date_note"},
        CommitmentStatusEvent: {"note", "date_note"},
        Commitment: {"due_on_note"},
        Figure: {"value_text", "unit", "as_of_note"},
        Post: {"note", "start_on_note", "end_on_note"},
        Source: {"title", "publisher", "published_on_note", "note"},
    }
    for model, fields in expected.items():
        assert fields <= set(translated_fields(model)), model
        # The history records every language too.
        assert fields <= set(translated_fields(model.history.model)), model


def test_pick_gives_the_language_asked_or_english_marked_as_a_fallback():
    agreement = factories.agreement(title="Roadmap", title_ru="Дорожная карта")
    agreement.translation_review = {"title_ru": "reviewed"}

    assert pick(agreement, "title", "en") == Picked("Roadmap", "en", False, "source")
    russian = pick(agreement, "title", "ru")
    assert (russian.text, russian.language, russian.fallback, russian.review) == (
        "Дорожная карта",
        "ru",
        False,
        "reviewed",
    )
    kazakh = pick(agreement, "title", "kk")
    assert (kazakh.text, kazakh.language, kazakh.fallback) == ("Roadmap", "en", True)


def test_a_translation_with_no_review_entry_counts_as_machine():
    agreement = factories.agreement(title="Roadmap", title_kk="Жол картасы")
    assert pick(agreement, "title", "kk").review == "machine"


def test_a_blank_translation_is_missing_not_an_empty_title():
    agreement = factories.agreement(title="Roadmap", title_ru="   ")
    assert pick(agreement, "title", "ru").fallback is True


def test_saving_in_russian_keeps_the_original_column_english():
    agreement = factories.agreement(title="Roadmap")
    with translation.override("ru"):
        agreement = Agreement.objects.get(pk=agreement.pk)
        agreement.title_ru = "Дорожная карта"
        agreement.save()
    stored = Agreement.objects.values_list("title", flat=True).get(pk=agreement.pk)
    assert Agreement.objects.values_list("title_en", flat=True).get(pk=agreement.pk) == "Roadmap"
    assert stored == "Roadmap"
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT title FROM agreements_agreement WHERE id = %s", [agreement.pk])
        assert cursor.fetchone()[0] == "Roadmap"


def test_the_history_records_every_language():
    agreement = factories.agreement(title="Roadmap")
    agreement.title_kk = "Жол картасы"
    agreement.save()
    latest = agreement.history.first()
    assert (latest.title_en, latest.title_kk) == ("Roadmap", "Жол картасы")


@pytest.mark.parametrize(
    ("language", "expected", "unexpected"),
    [
        ("ru", "Дорожная карта", 'lang="en"'),
        ("kk", '<span lang="en">Roadmap</span>', "Дорожная карта"),
    ],
)
def test_the_detail_page_shows_the_translation_or_english_marked(
    client, language, expected, unexpected
):
    agreement = factories.agreement(
        slug="roadmap", title="Roadmap", title_ru="Дорожная карта", summary="A plan."
    )
    agreement.translation_review = {"title_ru": "reviewed"}
    agreement.save()
    html = client.get(
        agreement.get_absolute_url(), HTTP_ACCEPT_LANGUAGE=language, follow=True
    ).content.decode()
    heading = html.split("<h1>", 1)[1].split("</h1>", 1)[0]
    assert expected in heading
    assert unexpected not in heading
    if language == "kk":
        assert "әлі аударылмаған" in heading  # "not yet translated", in Kazakh
        # The summary has no Kazakh either: English, said to be English.
        assert '<span lang="en">A plan.</span>' in html


def test_an_unchecked_translation_says_it_is_a_machine_translation(client):
    agreement = factories.agreement(slug="roadmap", title="Roadmap", title_ru="Дорожная карта")
    html = client.get(
        agreement.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="ru", follow=True
    ).content.decode()
    heading = html.split("<h1>", 1)[1].split("</h1>", 1)[0]
    assert "Дорожная карта" in heading
    assert "машинный перевод" in heading


def test_english_pages_carry_no_marks(client):
    agreement = factories.agreement(slug="roadmap", title="Roadmap", title_ru="Дорожная карта")
    html = client.get(agreement.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "<h1>Roadmap</h1>" in html
    assert "untranslated" not in html


def test_queries_on_a_translated_field_read_the_english_column_in_any_language():
    """core.content_lang.query_the_source_columns: modeltranslation would
    rewrite these to the active language's column."""
    factories.agreement(title="Roadmap", title_ru="Дорожная карта")
    factories.agreement(title="Accord")
    with translation.override("ru"):
        assert Agreement.objects.filter(title__icontains="road").count() == 1
        assert list(Agreement.objects.order_by("title").values_list("title", flat=True)) == [
            "Accord",
            "Roadmap",
        ]
        assert Agreement.objects.filter(title_ru__icontains="карта").count() == 1


@pytest.mark.parametrize(
    ("language", "title", "party"),
    [
        ("ru", "Соглашение о стратегическом партнерстве и сотрудничестве", "Великобритания"),
        ("kk", "Стратегиялық әріптестік және ынтымақтастық туралы келісім", "Ұлыбритания"),
    ],
)
def test_the_spca_page_is_in_the_readers_language(seeded, client, language, title, party):
    spca = Agreement.objects.get(slug="spca")
    html = client.get(
        spca.get_absolute_url(), HTTP_ACCEPT_LANGUAGE=language, follow=True
    ).content.decode()
    assert title in html
    assert party in html
    assert pick(spca, "summary", language).text in html
    # Every translated text of the seeds is there: nothing falls back.
    assert "untranslated" not in html


def test_an_update_of_either_english_column_sets_both():
    agreement = factories.agreement(title="Roadmap")
    Agreement.objects.filter(pk=agreement.pk).update(title="Road map")
    assert Agreement.objects.values_list("title", "title_en").get(pk=agreement.pk) == (
        "Road map",
        "Road map",
    )
    Agreement.objects.filter(pk=agreement.pk).update(title_en="Roadmap")
    assert Agreement.objects.values_list("title", "title_en").get(pk=agreement.pk) == (
        "Roadmap",
        "Roadmap",
    )
