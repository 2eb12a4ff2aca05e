"""Plain text cannot say its language with `lang` (issue 16): in the
`<title>`, the meta and Open Graph tags, the Atom feeds, the charts' labels
and a select's options, an English fallback on a Russian or Kazakh page is
prefixed «[на английском]» / «[ағылшынша]» (core.content_lang.marked_text),
so it is never silently English."""

import html

import pytest
from django.utils import translation

from agreements.models import Agreement, Figure
from core.content_lang import marked_label, marked_text
from tests.support import factories
from topics.models import Topic

pytestmark = pytest.mark.django_db


def test_a_translation_is_given_as_it_is():
    agreement = factories.agreement(title="Roadmap", title_ru="Дорожная карта")
    assert marked_text(agreement, "title", "ru") == "Дорожная карта"
    assert marked_text(agreement, "title", "en") == "Roadmap"


def test_an_english_fallback_is_marked_in_the_pages_language():
    agreement = factories.agreement(title="Roadmap")
    assert marked_text(agreement, "title", "ru") == "[на английском] Roadmap"
    assert marked_text(agreement, "title", "kk") == "[ағылшынша] Roadmap"
    with translation.override("kk"):
        assert marked_text(agreement, "title") == "[ағылшынша] Roadmap"


def test_nothing_is_marked_when_there_is_nothing():
    agreement = factories.agreement(title="Roadmap", short_title="")
    assert marked_text(agreement, "short_title", "ru") == ""


def test_a_label_is_the_short_title_else_the_title():
    agreement = factories.agreement(title="Roadmap", short_title="RM", short_title_ru="ДК")
    assert marked_label(agreement, "ru") == "ДК"
    agreement.short_title_en = ""
    assert marked_label(agreement, "kk") == "[ағылшынша] Roadmap"


def _untranslate(model, slug, *fields):
    model.objects.filter(slug=slug).update(
        **{f"{f}_{lang}": None for f in fields for lang in ("ru", "kk")}
    )


def test_the_title_meta_and_og_tags_mark_an_english_fallback(seeded, client):
    _untranslate(Agreement, "spca", "title", "summary")
    page = html.unescape(client.get("/ru/agreements/spca/").content.decode())
    assert "<title>[на английском] Agreement on Strategic Partnership" in page
    assert '<meta property="og:title" content="[на английском] Agreement on Strategic' in page
    assert '<meta name="description" content="' in page
    description = page.split('<meta name="description" content="')[1].split('"')[0]
    # The summary, not yet translated, after the status line.
    assert "). [на английском] Agreement on Strategic Partnership" in description


def test_a_translated_title_is_not_marked(seeded, client):
    page = html.unescape(client.get("/kk/agreements/spca/").content.decode())
    assert "<title>Қазақстан Республикасы мен Ұлыбритания" in page
    assert "[ағылшынша]" not in page.split("</head>")[0]


def test_the_atom_feed_marks_an_english_fallback(seeded, client):
    _untranslate(Agreement, "spca", "title", "short_title")
    feed = html.unescape(client.get("/kk/agreements/spca/feed/").content.decode())
    assert "[ағылшынша] Strategic Partnership and Cooperation Agreement" in feed


def test_a_chart_label_marks_an_english_fallback(seeded, client):
    _untranslate(Figure, "kz-uk-trade-turnover-2025-gbp", "name")
    page = html.unescape(client.get("/ru/figures/kz-uk-trade-turnover-2025-gbp/").content.decode())
    assert "[на английском] " in page.split('id="chart-figure"')[1].split("</figure>")[0]


def test_a_select_option_marks_an_english_fallback(seeded, client):
    topic = Topic.objects.published().get(slug="politics")
    Topic.objects.filter(pk=topic.pk).update(name_ru=None)
    page = html.unescape(client.get("/ru/agreements/").content.decode())
    assert f">[на английском] {topic.name_en}</option>" in page
