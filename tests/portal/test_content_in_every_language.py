"""Every Russian and Kazakh page in the sitemap is in Russian or Kazakh
(issue 16): a text node with English words must be inside an element that
says it is English (`lang="en"`: a fallback marked "not yet translated", a
quote, a source's title as written). What may be in Latin letters anywhere
is a short list of proper nouns and codes, below, each with its reason.

The seeds are loaded once for the session (tests/conftest.py); the walk
reads every page of one language in one test, so the whole walk costs one
database and a few hundred requests."""

import re
from html.parser import HTMLParser

import pytest

pytestmark = pytest.mark.django_db

# Written in Latin letters in Russian and Kazakh texts too.
ALLOWED_WORDS = frozenset(
    {
        # Abbreviations and codes the Russian- and Kazakh-language press keep.
        "SPCA",
        "UK",
        "KZ",
        "API",
        "CSV",
        "JSON",
        "Atom",
        "XML",
        "EDTF",
        "GBP",
        "USD",
        "COP",  # COP29
        "GLAA",
        "IISS",
        "MoU",
        "SHA",
        "zip",
        # Names the press and the organisations themselves write in Latin
        # (seeding/translations/README.md, "Conventions").
        "Kazinform",
        "Chevening",
        "Yorkshire",
        "Vektor",
        "Management",
        "Ltd",
        "Creative",
        "Marketing",
        "Services",
        # The site's own name, the same in every language.
        "Tracker",
    }
)
# Not the page's prose: URLs and paths, e-mail addresses, file names, slugs;
# and an English text that says so in words where no `lang` can
# («[на английском] …», «[ағылшынша] …», core.content_lang.marked_text), up
# to the end of its node or a « · ». (The notes' quotations of English
# sources, «in March», are marked lang="en" by {% tr %}: no exception.)
NOT_WORDS = re.compile(
    r"(https?://\S+|(?<!\w)/[\w/.-]+|\S+@\S+|\S+\.(xml|csv|json|txt|zip)\b"
    r"|\b[a-z0-9]+(-[a-z0-9]+)+\b"
    r"|\[(на английском|ағылшынша)\][^·]*"
    # Names of standards and files, written so in every language.
    r"|Frictionless Data|Popolo|Creative Commons Attribution|CHANGELOG)"
)
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’]{2,}")
# Elements whose text a reader does not read as the page's prose.
SKIPPED = frozenset({"script", "style", "template", "code", "kbd", "samp"})
VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
)


class EnglishTextFinder(HTMLParser):
    """Text nodes with Latin words outside any element marked `lang="en"`
    (or any other language than the page's)."""

    def __init__(self, page_language: str):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str | None]] = []
        self.page_language = page_language
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        self.stack.append((tag, dict(attrs).get("lang")))

    def handle_startendtag(self, tag, attrs):
        pass

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                return

    def _language(self) -> str:
        for _tag, lang in reversed(self.stack):
            if lang:
                return lang
        return self.page_language

    def handle_data(self, data):
        if any(tag in SKIPPED for tag, _lang in self.stack):
            return
        if self._language() != self.page_language:
            return
        words = [
            word
            for word in LATIN_WORD.findall(NOT_WORDS.sub(" ", data))
            if word.strip("'’") not in ALLOWED_WORDS
        ]
        if words:
            self.found.append(f"{' '.join(words[:6])} | {' '.join(data.split())[:100]}")


def _sitemap_pages(client, language: str) -> list[str]:
    xml = client.get("/sitemap.xml").content.decode()
    pages = sorted(set(re.findall(rf"<loc>https?://[^/<]+(/{language}/[^<]*)</loc>", xml)))
    pages += sorted(
        set(re.findall(rf'hreflang="{language}" href="https?://[^/"]+(/{language}/[^"]*)"', xml))
    )
    return sorted(set(pages))


@pytest.mark.parametrize("language", ["ru", "kk"])
def test_every_page_in_the_sitemap_is_in_its_language(seeded, client, language):
    pages = _sitemap_pages(client, language)
    assert len(pages) > 50, pages
    problems = []
    for path in pages:
        response = client.get(path)
        assert response.status_code == 200, path
        finder = EnglishTextFinder(language)
        finder.feed(response.content.decode())
        problems += [f"{path}: {text}" for text in finder.found]
    assert not problems, "\n".join(problems[:60]) + f"\n({len(problems)} in all)"


def test_the_finder_sees_english_outside_lang_en_only():
    finder = EnglishTextFinder("ru")
    finder.feed(
        '<p>Соглашение <span lang="en">Roadmap <b>signed</b></span> SPCA, UK, '
        "https://example.org/a <i>not translated</i></p>"
    )
    assert finder.found == ["not translated | not translated"]
