"""HTML to article text, with trafilatura.

trafilatura is a maintained main-content extractor (menus, footers, share
buttons and comments are left out). The text it returns is what the draft
Source stores, verbatim: every offset a proposal carries is an offset into
that text, so nothing may rewrite it after this step.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Article:
    text: str
    title: str | None = None
    published: str | None = None  # as the page gives it, YYYY-MM-DD, if found
    language: str | None = None


def looks_like_html(data: str) -> bool:
    head = data.lstrip()[:500].casefold()
    return head.startswith(("<!doctype html", "<html")) or "<body" in head or "<p>" in head


def html_to_article(html: str) -> Article:
    """The main text of an HTML page, its title and, when the page states it, its date.

    Raises ValueError when no article text can be found, so the command can
    say so rather than store an empty Source.
    """
    # Imported here: trafilatura pulls in lxml and friends (about 0.3 s),
    # which plain-text ingestion does not need.
    import trafilatura

    document = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_links=False,
        favor_precision=True,
    )
    if document is None:
        raise ValueError("no article text found in the HTML")
    data = document.as_dict() if hasattr(document, "as_dict") else dict(document)
    text = (data.get("text") or "").strip()
    if not text:
        raise ValueError("no article text found in the HTML")
    return Article(
        text=text + "\n",
        title=data.get("title") or None,
        published=data.get("date") or None,
        language=data.get("language") or None,
    )


def html_to_text(html: str) -> str:
    """The article text of an HTML page (see `html_to_article`)."""
    return html_to_article(html).text
