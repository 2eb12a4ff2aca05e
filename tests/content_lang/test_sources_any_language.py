"""Sources in any language (issue 16 item 3): Russian and Kazakh quotes
verify exactly like English ones (NFC, «», the Kazakh letters), and nothing
else is forgiven; a quote's translation is shown marked and is not evidence."""

import unicodedata

import pytest
from django.core.exceptions import ValidationError

from evidence.models import Citation
from evidence.quotes import locate_quote
from tests.support import factories

RUSSIAN = (
    "Заместитель министра заявил: «Мы готовы к новому этапу сотрудничества». "
    "Её слова подтвердил мой коллега."
)
KAZAKH = (
    "Сыртқы істер министрінің орынбасары: «Қазақстан мен Ұлыбритания әріптестігі "
    "жаңа кезеңге өтті», деді. Үкіметаралық комиссия һәм диалог жалғасады."
)


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        (RUSSIAN, "«Мы готовы к новому этапу сотрудничества»"),
        # Straight quotation marks for «», a line break for a space.
        (RUSSIAN, '"Мы готовы к новому\nэтапу сотрудничества"'),
        # «Её» and «мой» typed as letters plus combining marks (NFD).
        (RUSSIAN, unicodedata.normalize("NFD", "Её слова подтвердил мой коллега.")),
        (KAZAKH, "«Қазақстан мен Ұлыбритания әріптестігі жаңа кезеңге өтті»"),
        (KAZAKH, "Үкіметаралық комиссия һәм диалог жалғасады."),
    ],
)
def test_russian_and_kazakh_quotes_are_found(text, quote):
    location = locate_quote(text, quote)
    assert location is not None
    # What is stored is the source's own characters.
    assert location.text == text[location.start : location.end]
    assert unicodedata.normalize("NFC", location.text).replace("«", "").replace("»", "") in (
        unicodedata.normalize("NFC", text)
    )


def test_a_source_written_decomposed_still_gives_its_own_characters():
    decomposed = unicodedata.normalize("NFD", RUSSIAN)
    location = locate_quote(decomposed, "Её слова подтвердил мой коллега.")
    assert location is not None
    assert location.text == decomposed[location.start : location.end]
    assert unicodedata.normalize("NFC", location.text) == "Её слова подтвердил мой коллега."


@pytest.mark.parametrize(
    ("text", "near_miss"),
    [
        (RUSSIAN, "«Мы готовы к новому этапу сотрудничества»!"),  # a mark the text lacks
        (RUSSIAN, "Ее слова подтвердил мой коллега."),  # е for ё
        (RUSSIAN, "«Мы готовы к новому этапу сотрудничестве»"),  # one letter
        (KAZAKH, "«Казақстан мен Ұлыбритания әріптестігі"),  # к for қ
        (KAZAKH, "Қазақстан мен Ұлыбритания әрiптестігі"),  # Latin i for Kazakh і
        (KAZAKH, "Укіметаралық комиссия"),  # у for ү
    ],
)
def test_a_near_miss_in_russian_or_kazakh_fails(text, near_miss):
    assert locate_quote(text, near_miss) is None


@pytest.mark.django_db
def test_a_kazakh_citation_is_stored_verbatim_and_its_translation_is_not_checked():
    source = factories.source(text=KAZAKH, language="kk")
    agreement = factories.agreement()
    citation = factories.citation(agreement, source, '"Қазақстан мен Ұлыбритания әріптестігі')
    assert citation.quote == "«Қазақстан мен Ұлыбритания әріптестігі"
    # A translation that is nowhere in the source is fine: it is not evidence.
    citation.quote_translation = "Kazakhstan and the United Kingdom's partnership"
    citation.quote_translation_language = "en"
    citation.full_clean()
    citation.save()
    assert citation.is_verified()


@pytest.mark.django_db
def test_a_translation_must_say_its_language():
    source = factories.source(text=RUSSIAN, language="ru")
    citation = factories.citation(factories.agreement(), source, "Мы готовы")
    citation.quote_translation = "We are ready"
    with pytest.raises(ValidationError) as error:
        citation.full_clean()
    assert "quote_translation_language" in error.value.message_dict


@pytest.mark.django_db
def test_a_language_code_is_checked():
    source = factories.source(text=RUSSIAN)
    source.language = "Russian"
    with pytest.raises(ValidationError) as error:
        source.full_clean()
    assert "language" in error.value.message_dict


@pytest.mark.django_db
def test_the_source_page_names_its_language_and_marks_the_translation(client):
    source = factories.source(slug="ru-source", text=RUSSIAN, language="ru", title="Интервью")
    agreement = factories.agreement()
    citation = factories.citation(agreement, source, "Мы готовы к новому этапу")
    Citation.objects.filter(pk=citation.pk).update(
        quote_translation="We are ready for a new stage", quote_translation_language="en"
    )
    html = client.get(source.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "<dd>Russian</dd>" in html
    assert '<blockquote lang="ru">' in html
    assert "Translation, not evidence" in html
    assert '<span lang="en">We are ready for a new stage</span>' in html
    kazakh_page = client.get(
        source.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="kk", follow=True
    ).content.decode()
    assert "<dd>орыс тілі</dd>" in kazakh_page or "<dd>орыс</dd>" in kazakh_page


@pytest.mark.django_db
def test_a_seed_quote_may_carry_a_translation(seeds_copy, load):
    path = seeds_copy / "data" / "agreements.yaml"
    text = path.read_text(encoding="utf-8")
    old = '      quote: "the Strategic Partnership and Cooperation Agreement, which was signed in April 2024"\n'
    assert old in text, "the test's premise is stale"
    path.write_text(
        text.replace(
            old,
            old + '      translation: "Соглашение о стратегическом партнерстве и сотрудничестве, '
            'подписанное в апреле 2024 года"\n'
            "      translation_language: ru\n",
            1,
        ),
        encoding="utf-8",
    )
    load(seeds_dir=seeds_copy)
    citation = Citation.objects.get(quote_translation__startswith="Соглашение")
    assert citation.quote_translation_language == "ru"
    assert citation.quote.startswith("the Strategic Partnership")
