"""og:locale and og:locale:alternate on every page (issue 16): the page's
language as language_TERRITORY, the other two as alternates."""

import pytest

pytestmark = pytest.mark.django_db

PAGES = ("/", "/agreements/", "/agreements/spca/", "/sources/", "/glossary/")
EXPECTED = {
    "": ("en_GB", {"ru_RU", "kk_KZ"}),
    "/ru": ("ru_RU", {"en_GB", "kk_KZ"}),
    "/kk": ("kk_KZ", {"en_GB", "ru_RU"}),
}


def _locales(page: str) -> tuple[list[str], set[str]]:
    main, alternates = [], set()
    for line in page.splitlines():
        line = line.strip()
        if line.startswith('<meta property="og:locale" content="'):
            main.append(line.split('content="')[1].split('"')[0])
        elif line.startswith('<meta property="og:locale:alternate" content="'):
            alternates.add(line.split('content="')[1].split('"')[0])
    return main, alternates


@pytest.mark.parametrize("prefix", EXPECTED)
@pytest.mark.parametrize("path", PAGES)
def test_every_page_names_its_locale_and_the_alternates(seeded, client, prefix, path):
    response = client.get(f"{prefix}{path}")
    assert response.status_code == 200
    locale, alternates = EXPECTED[prefix]
    assert _locales(response.content.decode()) == ([locale], alternates)
