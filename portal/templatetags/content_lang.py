"""The content in the reader's language (issue 16, core/content_lang.py).

`{% tr agreement "title" %}` shows the field in the active language. A
missing translation shows the English text, said to be English
(`lang="en"`) and marked "not yet translated"; a translation that no editor
has checked is marked "machine translation" (`brief=True` leaves that mark
out where a list would repeat it on every line). `prose=True` passes the text
through `{% plain %}` first, as the summaries and notes are.
"""

import re

from django import template
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from core.content_lang import (
    SOURCE_LANGUAGE,
    ReviewState,
    marked_text,
    pick,
    source_title_text,
)
from portal.plain import source_title_html
from portal.templatetags.reader import plain

register = template.Library()

# A quotation in Latin letters inside a Russian or Kazakh text: the notes
# quote their English sources as written, in «…», and give a translation
# marked «пер.:» or «аудармасы:» (seeding/translations/README.md). Matched in
# the escaped HTML, so no tag is inside and none is cut.
ENGLISH_QUOTATION = re.compile(r"«([^«»<>]*[A-Za-z][^«»<>]*)»")
CYRILLIC = re.compile("[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]")


def english_quotations_marked(html: str) -> str:
    """`html` (escaped) with each «English quotation» said to be English,
    `«<span lang="en">in March</span>»`, for screen readers and browsers."""

    def mark(match):
        quoted = match.group(1)
        if CYRILLIC.search(quoted):
            return match.group(0)
        return f'«<span lang="en">{quoted}</span>»'

    return mark_safe(ENGLISH_QUOTATION.sub(mark, html))  # noqa: S308 - html is escaped


@register.simple_tag(takes_context=True)
def tr(context, obj, field: str, prose: bool = False, brief: bool = False) -> str:
    if obj is None:
        return ""
    picked = pick(obj, field)
    body = conditional_escape(plain(context, picked.text) if prose else picked.text)
    if picked.fallback:
        return format_html(
            '<span lang="en">{}</span> <small class="untranslated">({})</small>',
            body,
            _("not yet translated"),
        )
    if picked.language != SOURCE_LANGUAGE:
        body = english_quotations_marked(body)
    if picked.review == ReviewState.MACHINE and not brief:
        return format_html(
            '{} <small class="machine-translation">({})</small>', body, _("machine translation")
        )
    return format_html("{}", body)


@register.filter
def language_name(code: str) -> str:
    """A language code ("ru") as its name in the reader's language
    ("Russian", "русский", "орыс"); the code itself when it is not known."""
    from babel import Locale, UnknownLocaleError

    from core.content_lang import active_content_language

    try:
        return Locale.parse(code.replace("-", "_")).get_display_name(active_content_language())
    except (ValueError, UnknownLocaleError, AttributeError):
        return code


@register.simple_tag(name="source_title")
def source_title_tag(source, url: str | None = None) -> str:
    if source is None:
        return ""
    return source_title_html(source, url)


@register.filter
def marked(obj, field: str) -> str:
    """`{{ agreement|marked:"title" }}`: plain text in the reader's language,
    an English fallback prefixed «[на английском]» (core.content_lang.marked_text)."""
    if obj is None:
        return ""
    return marked_text(obj, field)


@register.filter
def field_label(obj, name: str) -> str:
    """A field's name as the reader's language calls it ("дата" for
    start_on); the name itself when the record has no such field."""
    from django.core.exceptions import FieldDoesNotExist

    try:
        return obj._meta.get_field(name).verbose_name
    except (FieldDoesNotExist, AttributeError):
        return name


@register.filter
def title_as_text(source) -> str:
    """A source's title as written, for plain text (core.content_lang.source_title_text)."""
    return source_title_text(source)
