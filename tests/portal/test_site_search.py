"""The search page finds what people type: acronyms, figures by value,
topics, people by name and office, and names misspelt, first. The same on
SQLite and PostgreSQL over the seed data."""

import re

import pytest

from core.search import acronym_pattern
from portal.typos import closest_names

pytestmark = pytest.mark.django_db


def _first(client, query: str) -> tuple[str, str, str]:
    """The first kind on the results page, its first record's link, and the
    correction shown, if any."""
    html = client.get("/search/", {"q": query}).content.decode()
    main = html.split('<main id="main"', 1)[1]
    kind = re.search(r'<h2 id="results-([a-z]+)">', main).group(1)
    link = re.search(r'<ol class="search-results">\s*<li><a href="([^"]+)"', main).group(1)
    corrected = re.search(r"showing what matches “([^”]+)”", main)
    return kind, link, corrected.group(1) if corrected else ""


@pytest.mark.parametrize(
    ("query", "kind", "link"),
    [
        ("SPCA", "agreements", "/agreements/spca/"),
        ("spca", "agreements", "/agreements/spca/"),
        ("580", "figures", "/figures/british-companies-in-kazakhstan-580/"),
        ("critical minerals", "topics", "/topics/critical-minerals/"),
        ("Vassilenko", "people", "/people/roman-vassilenko/"),
    ],
)
def test_what_people_type_finds_the_right_record_first(client, seeded, query, kind, link):
    assert _first(client, query) == (kind, link, "")


@pytest.mark.parametrize(
    ("typed", "meant", "link"),
    [
        ("Vasilenko", "Vassilenko", "/people/roman-vassilenko/"),
        ("Vassilenco", "Vassilenko", "/people/roman-vassilenko/"),
        ("critcal minerals", "Critical minerals", "/topics/critical-minerals/"),
    ],
)
def test_a_misspelt_name_finds_what_was_meant_and_says_so(client, seeded, typed, meant, link):
    _kind, found, corrected = _first(client, typed)
    assert (found, corrected.casefold()) == (link, meant.casefold())
    assert meant.casefold() in [name.casefold() for name in closest_names(typed)]


def test_nothing_like_any_name_suggests_nothing(client, seeded):
    assert closest_names("zzzzqqq") == []
    html = client.get("/search/", {"q": "zzzzqqq"}).content.decode()
    assert "Nothing matches" in html


def test_an_acronym_is_initials_of_consecutive_words_skipping_small_ones():
    pattern = re.compile(acronym_pattern("spca"), re.I)
    assert pattern.search("Strategic Partnership and Cooperation Agreement")
    assert pattern.search("The (Strategic Partnership and Cooperation Agreement), 2024")
    assert not pattern.search("Strategic Partnership for Climate")
    assert not pattern.search("Agreement on Strategic Partnership and Cooperation between")


def test_initials_are_tried_only_when_no_word_matches(client, seeded):
    from agreements.models import AGREEMENT_SEARCH, Agreement
    from core.search import search_counted

    records, count = search_counted(Agreement.objects.published(), AGREEMENT_SEARCH, "spca")
    assert count == 1 and records[0].slug == "spca"
    # "roadmap" is a word of a title: no reading as initials.
    records, count = search_counted(Agreement.objects.published(), AGREEMENT_SEARCH, "roadmap")
    assert [record.slug for record in records] == ["roadmap-critical-minerals-2024"]


def test_people_are_found_by_the_offices_they_held(client, seeded):
    html = client.get("/search/", {"q": "Deputy Minister of Foreign Affairs"}).content.decode()
    people = html.split('id="results-people"', 1)[1].split("</section>", 1)[0]
    assert 'href="/people/roman-vassilenko/"' in people
