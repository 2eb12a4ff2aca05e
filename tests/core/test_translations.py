"""Russian and Kazakh are complete: no message left empty or marked fuzzy
(a guess gettext made from a similar string), and the compiled catalogues
say what the sources say."""

import gettext
import re
from pathlib import Path

import pytest
from django.conf import settings

LANGUAGES = [code for code, _ in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def _catalogue(language: str) -> Path:
    return settings.LOCALE_PATHS[0] / language / "LC_MESSAGES" / "django.po"


def _entries(text: str) -> list[str]:
    # Entries are separated by blank lines; the header is the first.
    return [block for block in text.split("\n\n")[1:] if "msgid" in block]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_is_translated_and_none_is_a_guess(language):
    entries = _entries(_catalogue(language).read_text(encoding="utf-8"))
    assert entries
    live = [entry for entry in entries if not entry.lstrip().startswith("#~")]
    fuzzy = [entry for entry in live if re.search(r"^#,.*\bfuzzy\b", entry, re.M)]
    empty = [entry for entry in live if any(not text for text in _translations(entry))]
    assert not fuzzy, fuzzy[:3]
    assert not empty, empty[:3]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_compiled_catalogue_matches_its_source(language):
    source = _catalogue(language)
    compiled = gettext.GNUTranslations(source.with_suffix(".mo").open("rb"))
    for entry in _entries(source.read_text(encoding="utf-8")):
        if entry.lstrip().startswith("#~") or "msgid_plural" in entry or "msgctxt" in entry:
            continue
        msgid = _joined(entry, "msgid")
        msgstr = _joined(entry, "msgstr")
        assert compiled.gettext(msgid) == msgstr, f"{language}: {msgid!r} (run compilemessages)"


def _translations(entry: str) -> list[str]:
    keywords = re.findall(r"^(msgstr(?:\[\d\])?) ", entry, re.M)
    return [_joined(entry, re.escape(keyword)) for keyword in keywords]


def _joined(entry: str, keyword: str) -> str:
    match = re.search(rf'^{keyword} "(.*)"\n((?:".*"\n?)*)', entry + "\n", re.M)
    parts = [match.group(1), *re.findall(r'^"(.*)"$', match.group(2), re.M)]
    return "".join(parts).encode().decode("unicode_escape").encode("latin-1").decode()
