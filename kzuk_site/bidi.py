"""Bidi controls in editors' and sources' text are kept, but cannot escape it.

`<bdi>` and `unicode-bidi: isolate` (site.css) isolate each piece of user
text, and browsers implement that isolation with the same controls a text
can hold: an unterminated isolate initiator (U+2066-2068) in a name takes
the element's own closing mark, and a stray U+2069 ends the isolation early,
so a right-to-left override after it reorders the rest of the line. Each run
of text on a page is therefore balanced before it is sent: a stray closer is
dropped and every open isolate, embedding or override is closed where the run
ends. The controls are invisible, so the text still reads as typed.
"""

import re

ISOLATE_OPENERS = "\u2066\u2067\u2068"  # LRI, RLI, FSI
ISOLATE_CLOSER = "\u2069"  # PDI
EMBEDDING_OPENERS = "\u202a\u202b\u202d\u202e"  # LRE, RLE, LRO, RLO
EMBEDDING_CLOSER = "\u202c"  # PDF
_CONTROLS = re.compile(f"[{ISOLATE_OPENERS}{ISOLATE_CLOSER}{EMBEDDING_OPENERS}{EMBEDDING_CLOSER}]")
# The text between two tags (a page's own markup never holds these controls).
_TEXT_RUN = re.compile(r"(?<=>)[^<>]+(?=<)")


def balance_bidi(text: str) -> str:
    """`text` with every bidi isolate, embedding and override it opens closed
    at its end, and closers that match nothing dropped."""
    if not _CONTROLS.search(text):
        return text
    out: list[str] = []
    # One stack per isolate level: the embeddings opened inside it.
    isolates: list[list[str]] = [[]]
    for char in text:
        if char in ISOLATE_OPENERS:
            isolates.append([])
        elif char == ISOLATE_CLOSER:
            if len(isolates) == 1:
                continue
            isolates.pop()
        elif char in EMBEDDING_OPENERS:
            isolates[-1].append(char)
        elif char == EMBEDDING_CLOSER:
            if not isolates[-1]:
                continue
            isolates[-1].pop()
        out.append(char)
    while isolates:
        out.append(EMBEDDING_CLOSER * len(isolates.pop()))
        if isolates:
            out.append(ISOLATE_CLOSER)
    return "".join(out)


def balance_html(html: str) -> str:
    """Every run of text between two tags of `html`, balanced."""
    if not _CONTROLS.search(html):
        return html
    return _TEXT_RUN.sub(lambda match: balance_bidi(match.group()), html)


class BidiBalanceMiddleware:
    """Balances the bidi controls of every HTML page (see the module's docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            not response.streaming
            and response.get("Content-Type", "").startswith("text/html")
            and not response.has_header("Content-Encoding")
        ):
            charset = response.charset or "utf-8"
            content = response.content.decode(charset)
            balanced = balance_html(content)
            if balanced is not content:
                response.content = balanced.encode(charset)
                if response.has_header("Content-Length"):
                    response["Content-Length"] = str(len(response.content))
        return response
