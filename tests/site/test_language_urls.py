"""The language in the address (kzuk_site/language.py, issue 16 item 4):
English at the root, /ru/ and /kk/ for the public pages; the API, admin,
robots.txt, the sitemap and security.txt unprefixed; old links redirected for
readers who prefer another language; hreflang alternates on every page and in
the sitemap; the switcher keeping the page and its filters."""

import re
import xml.etree.ElementTree as ET

import pytest
from django.core.cache import cache

pytestmark = pytest.mark.django_db

PAGES = [
    "/",
    "/agreements/",
    "/agreements/spca/",
    "/commitments/",
    "/commitments/cardiff-university-campus-kazakhstan/",
    "/figures/",
    "/figures/british-companies-in-kazakhstan-580/",
    "/timeline/",
    "/meetings/",
    "/meetings/strategic-dialogue-8/",
    "/meeting-series/kz-uk-strategic-dialogue/",
    "/people/",
    "/people/roman-vassilenko/",
    "/organisations/",
    "/organisations/united-kingdom/",
    "/topics/",
    "/topics/critical-minerals/",
    "/sources/",
    "/sources/kazinform-2025-02-strategic-dialogue-8/",
    "/search/?q=strategic",
    "/glossary/",
]
PREFIX = {"en": "", "ru": "/ru", "kk": "/kk"}
HOST = "http://testserver"


def _links(html: str) -> dict[str, str]:
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))


def _canonical(html: str) -> str:
    return re.search(r'<link rel="canonical" href="([^"]+)">', html)[1]


@pytest.mark.parametrize("language", ["en", "ru", "kk"])
@pytest.mark.parametrize("page", PAGES)
def test_every_page_in_every_language(client, seeded, page, language):
    response = client.get(PREFIX[language] + page)
    assert response.status_code == 200, page
    assert response["Content-Language"] == language
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    path = page.split("?")[0]
    # The canonical address is this language's; the alternates name all three
    # and the English page at the root as the default, each the same page.
    assert _canonical(html) == f"{HOST}{PREFIX[language]}{path}"
    assert _links(html) == {
        "en": f"{HOST}{path}",
        "ru": f"{HOST}/ru{path}",
        "kk": f"{HOST}/kk{path}",
        "x-default": f"{HOST}{path}",
    }


def test_the_alternates_keep_the_page_number_like_the_canonical_link(client, seeded):
    html = client.get("/ru/timeline/?page=2&topic=energy").content.decode()
    assert _canonical(html) == f"{HOST}/ru/timeline/?page=2"
    assert _links(html)["kk"] == f"{HOST}/kk/timeline/?page=2"


def test_links_on_a_russian_page_stay_in_russian(client, seeded):
    html = client.get("/ru/agreements/").content.decode()
    assert 'href="/ru/agreements/spca/"' in html
    assert 'href="/ru/timeline/"' in html
    assert 'href="/agreements/spca/"' not in html


@pytest.mark.parametrize(
    ("language", "next_url", "expected"),
    [
        (
            "ru",
            "/agreements/?status=signed&as_of=2024-06-01",
            "/ru/agreements/?status=signed&as_of=2024-06-01",
        ),
        (
            "kk",
            "/ru/agreements/spca/?as_of=2024-06-01#tracks",
            "/kk/agreements/spca/?as_of=2024-06-01#tracks",
        ),
        (
            "en",
            "/kk/commitments/?overdue=true&topic=energy",
            "/commitments/?overdue=true&topic=energy",
        ),
        ("ru", "/ru/", "/ru/"),
        ("en", "/ru/", "/"),
        # Not a page: left as it is.
        ("ru", "/api/v1/agreements/", "/api/v1/agreements/"),
    ],
)
def test_the_switcher_keeps_the_page_and_its_filters(client, language, next_url, expected):
    response = client.post("/i18n/setlang/", {"language": language, "next": next_url})
    assert response.status_code == 302
    assert response["Location"] == expected
    assert response.cookies["django_language"].value == language


def test_the_switcher_refuses_another_sites_address(client):
    response = client.post("/i18n/setlang/", {"language": "ru", "next": "https://evil.example/"})
    assert response["Location"] == "/ru/"


def test_an_old_link_takes_a_reader_who_chose_russian_to_the_russian_page(
    client, seeded, django_assert_max_num_queries
):
    client.cookies["django_language"] = "ru"
    # Decided before any view or the page cache: no query.
    with django_assert_max_num_queries(0):
        response = client.get("/agreements/?status=signed&sort=title")
    assert response.status_code == 302
    assert response["Location"] == "/ru/agreements/?status=signed&sort=title"
    assert {"Accept-Language", "Cookie"} <= {v.strip() for v in response["Vary"].split(",")}


def test_an_old_link_follows_the_browsers_language_until_the_reader_chooses(client, seeded):
    response = client.get("/agreements/spca/", HTTP_ACCEPT_LANGUAGE="kk,ru;q=0.8")
    assert (response.status_code, response["Location"]) == (302, "/kk/agreements/spca/")
    # Choosing English in the switcher keeps the English page.
    client.cookies["django_language"] = "en"
    english = client.get("/agreements/spca/", HTTP_ACCEPT_LANGUAGE="kk")
    assert english.status_code == 200
    assert english["Content-Language"] == "en"


def test_an_english_reader_and_a_search_engine_get_the_english_page(client, seeded):
    for headers in ({}, {"HTTP_ACCEPT_LANGUAGE": "en-GB,en;q=0.9"}):
        response = client.get("/agreements/spca/", **headers)
        assert response.status_code == 200
        assert response["Content-Language"] == "en"
        # The page varies with what decides the redirect.
        assert {"Accept-Language", "Cookie"} <= {v.strip() for v in response["Vary"].split(",")}


def test_a_prefixed_address_is_its_language_whatever_the_reader_prefers(client, seeded):
    client.cookies["django_language"] = "kk"
    response = client.get("/ru/agreements/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert response["Content-Language"] == "ru"


def test_english_lives_at_the_root(client, seeded):
    response = client.get("/en/agreements/?status=signed")
    assert (response.status_code, response["Location"]) == (301, "/agreements/?status=signed")
    assert client.get("/en/nothing-here/").status_code == 404


def test_feeds_are_not_redirected(client, seeded):
    client.cookies["django_language"] = "ru"
    assert client.get("/feeds/status-changes/").status_code == 200
    russian = client.get("/ru/feeds/status-changes/")
    assert russian.status_code == 200
    assert russian["Content-Language"] == "ru"


@pytest.mark.parametrize("path", ["/ru/api/v1/", "/ru/admin/", "/ru/robots.txt", "/ru/sitemap.xml"])
def test_what_is_not_a_page_has_no_language_prefix(client, path):
    assert client.get(path).status_code == 404


def test_the_api_still_speaks_the_readers_language_unprefixed(client, seeded):
    response = client.get("/api/v1/agreements/", HTTP_ACCEPT_LANGUAGE="ru")
    assert response.status_code == 200
    assert response["Content-Language"] == "ru"
    # A machine's choice is explicit (docs/API.md, "Languages"): ?lang= or
    # Accept-Language, not a cookie left by browsing the site.
    assert client.get("/api/v1/agreements/", {"lang": "kk"})["Content-Language"] == "kk"
    client.cookies["django_language"] = "kk"
    assert client.get("/api/v1/agreements/")["Content-Language"] == "en"


def test_robots_names_the_one_sitemap(client):
    body = client.get("/robots.txt", HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert f"Sitemap: {HOST}/sitemap.xml" in body


def test_the_sitemap_lists_every_page_in_every_language_with_its_alternates(client, seeded):
    root = ET.fromstring(client.get("/sitemap.xml").content)
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    entries = {
        url.find("s:loc", ns).text: {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", ns)
        }
        for url in root.findall("s:url", ns)
    }
    spca = {
        "en": f"{HOST}/agreements/spca/",
        "ru": f"{HOST}/ru/agreements/spca/",
        "kk": f"{HOST}/kk/agreements/spca/",
        "x-default": f"{HOST}/agreements/spca/",
    }
    for language in ("en", "ru", "kk"):
        assert entries[spca[language]] == spca
    assert entries[f"{HOST}/ru/"]["kk"] == f"{HOST}/kk/"
    # Every address has its three languages and the default.
    assert all(set(links) == {"en", "ru", "kk", "x-default"} for links in entries.values())
    english = [loc for loc in entries if not re.match(rf"{HOST}/(ru|kk)/", loc)]
    assert len(entries) == 3 * len(english)


def test_a_cached_russian_page_is_never_served_for_english(client, seeded, settings):
    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()
    russian = client.get("/ru/agreements/spca/")
    assert russian["X-Page-Cache"] == "miss"
    assert client.get("/ru/agreements/spca/")["X-Page-Cache"] == "hit"
    english = client.get("/agreements/spca/")
    assert english["Content-Language"] == "en"
    assert '<html lang="en">' in english.content.decode()
    assert english["X-Page-Cache"] == "miss"
    kazakh = client.get("/kk/agreements/spca/")
    assert '<html lang="kk">' in kazakh.content.decode()


@pytest.mark.parametrize("language", ["ru", "kk"])
def test_a_dates_abbreviation_is_the_sentences_full_stop(client, seeded, language):
    for page in (
        "/agreements/spca/?as_of=2025-06-01",
        "/commitments/cardiff-university-campus-kazakhstan/",
    ):
        html = client.get(f"/{language}{page}").content.decode().replace("\N{NO-BREAK SPACE}", " ")
        assert not re.search(r"\s(г|ж)\.\.", html), page


def test_overdue_since_reads_in_each_languages_grammar(client, seeded):
    page = "commitments/?overdue=true"
    russian = client.get(f"/ru/{page}").content.decode().replace("\N{NO-BREAK SPACE}", " ")
    kazakh = client.get(f"/kk/{page}").content.decode().replace("\N{NO-BREAK SPACE}", " ")
    assert "Просрочено с марта 2020 г." in russian
    assert "2020 жылғы наурыздан бері мерзімі өткен" in kazakh
