"""Plain words for readers: the editors' shorthand in notes ("source 002",
"Источник 000", "000 дереккөзі": a seed source by its file's number) becomes
the source's title, linked to it; country codes become names in the reader's
language."""

import re

from babel import Locale, UnknownLocaleError
from django.db.models import Q
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from core.content_lang import source_title
from evidence.models import Source

# English and Russian put the word first, Kazakh after the number.
SOURCE_NUMBER = re.compile(
    r"\b(?:[Ss]ources?|[Ии]сточник[а-яё]*)\s+(?P<first>\d{3})\b"
    r"|\b(?P<last>\d{3})\s+(?=дереккөз)"
)


def source_numbers(text: str) -> set[str]:
    return {m["first"] or m["last"] for m in SOURCE_NUMBER.finditer(text or "")}


def sources_by_number(numbers: set[str]) -> dict[str, Source]:
    """Published seed sources by the number their file starts with (000_...)."""
    if not numbers:
        return {}
    matches = Q()
    for number in numbers:
        matches |= Q(seed_file__startswith=f"{number}_")
    query = (
        Source.objects.published()
        .filter(matches)
        .only("slug", "title", "title_en", "title_ru", "title_kk", "language", "seed_file")
    )
    return {source.seed_file[:3]: source for source in query}


def name_sources(text: str, sources: dict[str, Source], *, link: bool = True) -> str:
    """The text with each numbered source it names replaced by its title (a
    link when `link`), escaped; a number naming no published source stays."""

    def title_of(match) -> str:
        source = sources.get(match["first"] or match["last"])
        if source is None:
            return escape(match.group(0)) if link else match.group(0)
        trailing = " " if match["last"] else ""
        if not link:
            title = source_title(source)
            if title.translation:
                return f"“{title.original}” ({_('translation')}: {title.translation}){trailing}"
            return f"“{title.original}”{trailing}"
        return format_html("“{}”{}", source_title_html(source, source.get_absolute_url()), trailing)

    if not link:
        return SOURCE_NUMBER.sub(title_of, text)
    parts, last = [], 0
    for match in SOURCE_NUMBER.finditer(text):
        parts.append(escape(text[last : match.start()]))
        parts.append(title_of(match))
        last = match.end()
    parts.append(escape(text[last:]))
    return mark_safe("".join(parts))  # noqa: S308 - every piece above is escaped


def country_name(code: str) -> str:
    """'KZ' -> 'Kazakhstan' (Казахстан, Қазақстан): the reader's language."""
    if not code:
        return ""
    try:
        locale = Locale.parse((get_language() or "en").replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        locale = Locale("en")
    return locale.territories.get(code.upper(), code)


def source_title_html(source, url: str | None = None):
    """A source's title as written, said to be in the source's language, with
    its translation into the reader's language beside it, marked as one
    (core.content_lang.source_title). `url` links the title itself."""
    title = source_title(source)
    original = (
        format_html('<a href="{}" lang="{}">{}</a>', url, title.language, title.original)
        if url
        else format_html('<span lang="{}">{}</span>', title.language, title.original)
    )
    if not title.translation:
        return original
    return format_html(
        '{} <small class="title-translation">({}: <span lang="{}">{}</span>)</small>',
        original,
        _("translation"),
        title.translation_language,
        title.translation,
    )
