"""What a Content-Security-Policy without 'unsafe-inline' would block in a
page: found by parsing the HTML, not by looking for a literal `<script>`."""

from html.parser import HTMLParser


class _InlineFinder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._open_script = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}=…> (an event handler attribute)")
            if name == "style":
                self.found.append(f"<{tag} style={value!r}> (a style attribute)")
            if name in {"href", "src", "action", "formaction"} and (
                value or ""
            ).strip().lower().startswith("javascript:"):
                self.found.append(f"<{tag} {name}={value!r}> (a javascript: URL)")
        if tag == "style":
            self.found.append("<style> (an inline style element)")
        if tag == "script":
            kind = (attributes.get("type") or "").lower()
            # JSON data blocks are not run, and a CSP does not govern them.
            self._open_script = not attributes.get("src") and kind not in {
                "application/json",
                "application/ld+json",
            }
            if self._open_script:
                self.found.append("<script> without src (an inline script)")

    def handle_endtag(self, tag):
        if tag == "script":
            self._open_script = False


def inline_code(html: str) -> list[str]:
    """Every inline script, style element, style attribute, event handler
    attribute and javascript: URL in `html`."""
    finder = _InlineFinder()
    finder.feed(html)
    finder.close()
    return finder.found
