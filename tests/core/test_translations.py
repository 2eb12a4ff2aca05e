"""Russian and Kazakh are complete: no message left empty or marked fuzzy
(a guess gettext made from a similar string), and the compiled catalogues
say what the sources say."""

import gettext
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

from tests.support.environment import require

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


def _msgids(catalogue: Path) -> set[str]:
    return {
        _joined(entry, "msgid")
        for entry in _entries(catalogue.read_text(encoding="utf-8"))
        if not entry.lstrip().startswith("#~")
    }


@pytest.mark.external
def test_every_translatable_string_in_code_and_templates_is_in_the_catalogues(tmp_path):
    """makemessages, run on a copy of the working tree (tracked files and new
    ones not ignored), finds no message the catalogues lack and none they
    keep that the code no longer has: a new string fails here until it is
    added and translated (docs/TESTING.md)."""
    require(
        "The makemessages check",
        None if shutil.which("xgettext") else "no xgettext: apt-get install gettext",
    )
    root = Path(settings.BASE_DIR)
    listed = (
        subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            cwd=root,
            capture_output=True,
            check=True,
        )
        .stdout.decode()
        .split("\0")
    )
    copy = tmp_path / "tree"
    for name in filter(None, listed):
        if (root / name).is_file():
            (copy / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(root / name, copy / name)
    command = [sys.executable, "manage.py", "makemessages", "--no-obsolete"]
    for language in LANGUAGES:
        command += ["-l", language]
    made = subprocess.run(command, cwd=copy, capture_output=True, text=True, check=False)
    assert made.returncode == 0, made.stderr
    for language in LANGUAGES:
        relative = _catalogue(language).relative_to(root)
        found, kept = _msgids(copy / relative), _msgids(root / relative)
        assert sorted(found - kept) == [], f"{language}: new, untranslated (makemessages)"
        assert sorted(kept - found) == [], f"{language}: no longer in the code (--no-obsolete)"
