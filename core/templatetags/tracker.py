"""Template helpers every public page uses."""

import datetime
import itertools
from urllib.parse import urlencode

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from core import l10n
from core.dates import DatePrecision
from core.models import PREFETCHED, is_public

register = template.Library()


@register.filter
def with_as_of(url: str, as_of) -> str:
    """Carry the page's `as_of` date over to a link."""
    if not as_of:
        return url
    url, hash_mark, fragment = url.partition("#")
    separator = "&" if "?" in url else "?"
    return f"{url}{separator}{urlencode({'as_of': as_of.isoformat()})}{hash_mark}{fragment}"


@register.simple_tag(takes_context=True)
def path_without(context, *names) -> str:
    """This page's address without the named parameters (and the page
    number), keeping every other filter."""
    request = context["request"]
    query = request.GET.copy()
    for name in (*names, "page"):
        query.pop(name, None)
    encoded = query.urlencode()
    return f"{request.path}?{encoded}" if encoded else request.path


register.filter("is_public", is_public)


@register.filter
def published(records):
    """Only the records the public may see, from an already fetched list."""
    return [record for record in records if is_public(record)]


@register.simple_tag(takes_context=True)
def nav_link(context, url_name: str, label: str):
    url = reverse(url_name)
    path = context["request"].path
    current = path == url if url == "/" else path.startswith(url)
    return format_html(
        '<a href="{}"{}>{}</a>',
        with_as_of(url, context.get("as_of")),
        mark_safe(' aria-current="page"') if current else "",
        label,
    )


@register.simple_tag
def status_badge(value: str, label: str = ""):
    if not value:
        return format_html('<span class="status status-none">{}</span>', _("no status yet"))
    # Each badge leads to what its status means (portal/glossary.py).
    return format_html(
        '<a class="status status-{}" href="{}#status-{}">{}</a>',
        value,
        reverse("portal:glossary"),
        value,
        label or value,
    )


@register.simple_tag
def shown_status(obj, value=None):
    """The badge for a status-tracked record: `obj.shown_status` (the status
    as of the page's date, set by the view) or the value given."""
    if value is None:
        value = getattr(obj, "shown_status", obj.status)
    return status_badge(value, obj.status_label(value) if value else "")


@register.simple_tag
def dated(value, precision=DatePrecision.DAY, inferred=False, empty="—", role="plain"):
    """A partial date as every page shows it: never more precise than known,
    in the form its phrase takes in the page's language (`role`, core/l10n.py),
    and marked "(inferred)" when taken from context rather than stated by a
    source (docs/STATUS.md). Every date a page shows goes through here (or
    `date_of`), so the mark cannot be left out of one list."""
    if value is None:
        return empty
    text = l10n.format_date(value, precision or DatePrecision.DAY, role)
    if not inferred:
        return text
    return format_html("{}{}", text, inferred_mark(inferred))


@register.simple_tag
def inferred_mark(inferred):
    """The mark alone, for a date set apart (in bold, say): " (inferred)"."""
    if not inferred:
        return ""
    return format_html(' <span class="muted inferred">({})</span>', _("inferred"))


@register.simple_tag
def date_of(obj, name: str, empty="—", role="plain"):
    """`dated` for a record's partial date by name: `{% date_of agreement "signed_on" %}`."""
    return dated(
        getattr(obj, name, None),
        getattr(obj, f"{name}_precision", DatePrecision.DAY),
        getattr(obj, f"{name}_inferred", False),
        empty,
        role,
    )


@register.simple_tag
def date_as(role: str, date, precision: str = "day") -> str:
    """A date in the form the phrase around it takes in the page's language:
    `{% date_as "since" standing.since standing.since_precision as date %}`
    then `{% blocktranslate %}since {{ date }}{% endblocktranslate %}`
    gives "с апреля 2024 г." and "2024 жылғы сәуірден бері" (core/l10n.py).
    (`dated` and `date_of` add the inferred mark.)"""
    return l10n.format_date(date, precision or "day", role)


@register.simple_tag
def overdue_since(commitment) -> str:
    """The first period a commitment was late in, at the precision it was
    due (due in February 2020, overdue since March 2020), to follow "since"."""
    if commitment.due_by is None:
        return ""
    first_late = commitment.due_by + datetime.timedelta(days=1)
    return l10n.format_date(first_late, commitment.due_on_precision, "since")


@register.filter
def end_sentence(text):
    """A full stop after the text, unless a date's "г." already ends it."""
    ended = l10n.end_sentence(str(text))
    # Safe text (already escaped) stays safe: only a dot is added.
    return mark_safe(ended) if hasattr(text, "__html__") else ended  # noqa: S308


@register.filter
def tidy_full_stops(text):
    """One full stop where a date's abbreviation ends a sentence."""
    tidied = l10n.tidy_full_stops(str(text))
    return mark_safe(tidied) if hasattr(text, "__html__") else tidied  # noqa: S308


@register.simple_tag
def figure_value(figure) -> str:
    """A figure's value in the page's language, with its unit and how exact
    it is: "£2.8bn", "2,8 млрд фунтов стерлингов", "2,8 млрд фунт стерлинг".
    Isolated (<bdi>): the unit is an editor's text, in any direction."""
    if figure.value is None:
        return format_html("<bdi>{}</bdi>", figure.value_text)
    return format_html("<bdi>{}</bdi>", figure.amount_display())


@register.inclusion_tag("_status_line.html")
def status_line(obj, as_of=None):
    """A status with since when, when last confirmed, and whether it is
    overdue or stale (docs/STATUS.md): the same words on every page."""
    return {
        "obj": obj,
        "standing": obj.standing_shown(as_of),
        "stale_months": settings.STATUS_STALE_AFTER_MONTHS,
    }


@register.inclusion_tag("evidence/_citations.html")
def citations(obj, heading_level=None):
    """The quotes behind a record, each linking to its place in its source."""
    # Fetched with others' (evidence.models.fetch_citations), or prefetched.
    fetched = getattr(obj, PREFETCHED.format("citations"), None)
    return {
        "citations": [
            c for c in (obj.citations.all() if fetched is None else fetched) if is_public(c.source)
        ],
        "heading_level": heading_level,
    }


@register.simple_tag
def highlighted_text(source, citations):
    """The source's text with every cited quote marked, anchored (#q-<id>)
    and linked to the fact it supports. Overlapping quotes are marked once,
    more strongly, and link to the narrowest quote's fact."""
    text = source.text
    starts: dict[int, list] = {}
    boundaries = {0, len(text)}
    for citation in citations:
        starts.setdefault(citation.start, []).append(citation)
        boundaries.update((citation.start, citation.end))
    points = sorted(boundaries)
    active: list = []
    parts: list[str] = []
    for begin, end in itertools.pairwise(points):
        active = [c for c in active if c.end > begin]
        for citation in starts.get(begin, ()):
            parts.append(f'<span id="q-{citation.pk}" class="anchor"></span>')
            active.append(citation)
        segment = escape(text[begin:end])
        if not active:
            parts.append(segment)
            continue
        narrowest = min(active, key=lambda c: c.end - c.start)
        cited = narrowest.cited_object
        css = "overlap" if len(active) > 1 else ""
        if cited is not None and hasattr(cited, "get_absolute_url") and is_public(cited):
            parts.append(
                f'<mark class="{css}"><a href="{escape(cited.get_absolute_url())}" '
                f'title="{escape(str(cited))}">{segment}</a></mark>'
            )
        else:
            parts.append(f'<mark class="{css}">{segment}</mark>')
    return mark_safe("".join(parts))  # noqa: S308 - every piece of text above is escaped
