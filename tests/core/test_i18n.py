"""The interface in English, Russian and Kazakh: every message translated,
and the compiled catalogues in step with the .po files editors change."""

import re
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import translation

LOCALE = Path(__file__).resolve().parents[2] / "locale"


def _entries(po_path: Path) -> list[tuple[str, str]]:
    """(msgid, msgstr) of every singular, non-header entry of a .po file."""
    text = po_path.read_text(encoding="utf-8")
    entries = []
    for block in text.split("\n\n"):
        if "msgid_plural" in block:
            continue
        match = re.search(r'^msgid ((?:".*"\n?)+)msgstr ((?:".*"\n?)+)', block, re.MULTILINE)
        if not match:
            continue
        msgid, msgstr = (
            "".join(re.findall(r'"(.*)"', part))
            .encode()
            .decode("unicode_escape")
            .encode("latin-1")
            .decode("utf-8")
            for part in match.groups()
        )
        context = re.search(r'^msgctxt "(.*)"', block, re.MULTILINE)
        if msgid and not context and not block.lstrip().startswith("#~"):
            entries.append((msgid, msgstr))
    return entries


@pytest.mark.parametrize("language", ["ru", "kk"])
def test_every_message_is_translated_and_compiled(language):
    entries = _entries(LOCALE / language / "LC_MESSAGES" / "django.po")
    assert len(entries) > 300
    untranslated = [msgid for msgid, msgstr in entries if not msgstr]
    assert untranslated == []
    with translation.override(language):
        stale = [msgid for msgid, msgstr in entries if translation.gettext(msgid) != msgstr]
    assert stale == [], "the .mo file is out of date: run `manage.py compilemessages`"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "expected"), [("en", "Agreements"), ("ru", "Соглашения"), ("kk", "Келісімдер")]
)
def test_pages_speak_the_chosen_language(client, language, expected):
    with translation.override(language):
        url = reverse("agreements:agreement-list")
    content = client.get(url).content.decode()
    assert f'<html lang="{language}">' in content
    assert expected in content


@pytest.mark.django_db
def test_the_switcher_sets_the_language_and_returns_to_the_page(client):
    response = client.post(reverse("set_language"), {"language": "ru", "next": "/timeline/"})
    assert response.status_code == 302
    assert response["Location"] == "/ru/timeline/"
    assert "Хронология" in client.get("/ru/timeline/").content.decode()


def test_dates_follow_the_language():
    import datetime

    from core.dates import format_partial_date

    with translation.override("ru"):
        assert (
            format_partial_date(datetime.date(2025, 2, 11), "day")
            == "11 февраля 2025\N{NO-BREAK SPACE}г."
        )
