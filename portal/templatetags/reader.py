"""Tags for what a page tells search engines and link previews about itself
(docs/READERS.md): its canonical address, description and JSON-LD."""

import json

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from core.l10n import localized_url, page_name, strip_language
from portal import plain as plain_words
from portal import seo

register = template.Library()

# In JSON inside <script>, these could end the element or open a comment.
JSON_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


class CaptureNode(template.Node):
    # Declared so that {% block %} tags inside stay overridable by children.
    child_nodelists = ("nodelist",)

    def __init__(self, nodelist, name):
        self.nodelist, self.name = nodelist, name

    def render(self, context):
        # The output of a template, escaped as it rendered: safe to show again.
        rendered = " ".join(self.nodelist.render(context).split())
        context[self.name] = mark_safe(rendered)  # noqa: S308 - escaped as it rendered
        return ""


@register.tag
def capture(parser, token):
    """`{% capture as name %}...{% endcapture %}`: render once, use twice (the
    page's title in <title> and in its Open Graph tags)."""
    bits = token.split_contents()
    if len(bits) != 3 or bits[1] != "as":
        raise template.TemplateSyntaxError("Use {% capture as name %}...{% endcapture %}.")
    nodelist = parser.parse(("endcapture",))
    parser.delete_first_token()
    return CaptureNode(nodelist, bits[2])


@register.simple_tag
def describe(record) -> str:
    return seo.describe(record)


@register.simple_tag(takes_context=True)
def canonical_url(context) -> str:
    """The page's address without its query, but for the page number of a list
    past its first page: filters and dates are views of the same page."""
    request = context["request"]
    url = request.build_absolute_uri(request.path)
    page = request.GET.get("page", "")
    if page.isdigit() and int(page) > 1:
        url += f"?page={int(page)}"
    return url


@register.simple_tag(takes_context=True)
def language_alternates(context) -> str:
    """This page in every language (`<link rel="alternate" hreflang>`), the
    English one at the root also the default for any other language; the
    same address as the canonical link, in each language."""
    request = context["request"]
    if page_name(strip_language(request.path_info), getattr(request, "urlconf", None)) is None:
        return ""
    canonical = canonical_url(context)
    links = [(code, localized_url(canonical, code)) for code, _name in settings.LANGUAGES]
    links.append(("x-default", localized_url(canonical, settings.LANGUAGE_CODE)))
    return format_html_join("\n  ", '<link rel="alternate" hreflang="{}" href="{}">', links)


@register.simple_tag
def open_graph_locales() -> str:
    """`og:locale` for the page's language and `og:locale:alternate` for the
    others, on every page (a page is served in all three)."""
    from core.content_lang import OPEN_GRAPH_LOCALES, active_content_language, content_languages

    current = active_content_language()
    tags = [("og:locale", OPEN_GRAPH_LOCALES[current])]
    tags += [
        ("og:locale:alternate", OPEN_GRAPH_LOCALES[code])
        for code in content_languages()
        if code != current
    ]
    return format_html_join("\n  ", '<meta property="{}" content="{}">', tags)


@register.simple_tag(takes_context=True)
def json_ld(context) -> str:
    data = _page_data(context)
    if not data:
        return ""
    # ASCII only: a bidi control in a record's text stays an escape, so the
    # page's bidi balancing (kzuk_site/bidi.py) never touches the JSON.
    text = json.dumps(data, ensure_ascii=True, sort_keys=True).translate(JSON_ESCAPES)
    # JSON with every <, > and & escaped: nothing in it is markup.
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # noqa: S308


def _page_data(context) -> dict | None:
    request = context["request"]
    url = canonical_url(context)
    record = context.get("object")
    if record is not None and hasattr(record, "_meta"):
        return seo.structured_data(record, url)
    view_name = getattr(request.resolver_match, "view_name", "")
    if view_name == "portal:dashboard":
        search = request.build_absolute_uri(reverse("portal:search"))
        return {
            "@context": "https://schema.org",
            "@type": "WebSite",
            "name": context.get("site_name", ""),
            "url": url,
            "potentialAction": {
                "@type": "SearchAction",
                "target": f"{search}?q={{query}}",
                "query-input": "required name=query",
            },
        }
    if "csv_querystring" in context:
        return _dataset(context, url)
    return None


def _dataset(context, url: str) -> dict:
    """A list with a CSV download is a dataset: its rows, as CSV."""
    request = context["request"]
    return {
        "@context": "https://schema.org",
        "@type": "Dataset",
        "name": context.get("page_title", ""),
        "description": context.get("page_description", ""),
        "url": url,
        "isAccessibleForFree": True,
        "distribution": {
            "@type": "DataDownload",
            "encodingFormat": "text/csv",
            "contentUrl": request.build_absolute_uri(request.path) + "?format=csv",
        },
    }


@register.simple_tag(takes_context=True)
def plain(context, text) -> str:
    """A note or summary with the numbered sources it names as their titles.
    The sources are read once per page, for every note on it."""
    text = text or ""
    numbers = plain_words.source_numbers(text)
    if not numbers:
        return text
    known = context.render_context.setdefault("numbered_sources", {})
    missing = numbers - known.keys()
    if missing:
        known.update(dict.fromkeys(missing))
        known.update(plain_words.sources_by_number(missing))
    return plain_words.name_sources(text, {k: v for k, v in known.items() if v is not None})


register.filter("country", plain_words.country_name)
