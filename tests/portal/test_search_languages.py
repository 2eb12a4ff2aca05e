"""Search finds what a reader types in Russian and Kazakh: the translated
titles, names and summaries are searched beside the English, on both
databases, in any case; PostgreSQL also matches Russian word forms."""

import re

import pytest
from django.db import connection

pytestmark = pytest.mark.django_db


def _first(client, prefix: str, query: str) -> tuple[str, str]:
    html = client.get(f"{prefix}/search/", {"q": query}).content.decode()
    main = html.split('<main id="main"', 1)[1]
    kind = re.search(r'<h2 id="results-([a-z]+)">', main)
    link = re.search(r'<ol class="search-results">\s*<li><a href="([^"]+)"', main)
    assert kind and link, f"nothing found for {query!r}"
    return kind.group(1), link.group(1)


@pytest.mark.parametrize(
    ("prefix", "query", "kind", "link"),
    [
        ("/ru", "стратегическом партнерстве", "agreements", "/ru/agreements/spca/"),
        ("/ru", "Стратегическом", "agreements", "/ru/agreements/spca/"),
        ("/ru", "Василенко", "people", "/ru/people/roman-vassilenko/"),
        ("/ru", "критически важные минералы", "topics", "/ru/topics/critical-minerals/"),
        ("/kk", "әріптестік", "agreements", "/kk/agreements/spca/"),
        ("/kk", "аса маңызды минералдар", "topics", "/kk/topics/critical-minerals/"),
        # A Russian title found from an English page too: the words, not the
        # page's language, decide.
        ("", "партнерстве", "agreements", "/agreements/spca/"),
    ],
)
def test_russian_and_kazakh_words_find_the_record(client, seeded, prefix, query, kind, link):
    assert _first(client, prefix, query) == (kind, link)


def test_the_api_search_finds_a_russian_title(client, seeded):
    rows = client.get("/api/v1/agreements/", {"search": "партнерстве"}).json()["results"]
    assert [row["slug"] for row in rows][:1] == ["spca"]


def test_russian_word_forms_match_on_postgresql(client, seeded):
    if connection.vendor != "postgresql":
        pytest.skip("word forms need PostgreSQL's 'russian' stemmer; SQLite matches as typed")
    # The title says "Соглашение о стратегическом партнерстве"; a reader types
    # other cases of the same words.
    assert _first(client, "/ru", "соглашения стратегического партнерства") == (
        "agreements",
        "/ru/agreements/spca/",
    )
