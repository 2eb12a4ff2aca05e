"""The quote rule: a citation's quote must stand in its source's text.

Written once and called by Citation.clean(), the loader, the admin and the
API. Editors paste quotes from web pages, which turn straight quotation marks
into typographic ones and re-wrap lines, so the match forgives exactly those
two differences and nothing else; the stored quote is then the source's own
characters, so what the site shows is verbatim.
"""

import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Marks that a copy-paste may swap for one another.
_EQUIVALENT_MARKS = str.maketrans(
    {
        "\u2018": "'",  # left single quotation mark
        "\u2019": "'",  # right single quotation mark, also the typographic apostrophe
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u00ab": '"',  # «
        "\u00bb": '"',  # »
        "\u2033": '"',
    }
)
_WHITESPACE_RUN = re.compile(r"\s+")


@dataclass(frozen=True)
class QuoteLocation:
    start: int
    end: int
    text: str  # the source's own characters between start and end


def _normalise_with_map(text: str) -> tuple[str, list[int]]:
    """Fold marks and collapse white-space runs, keeping for each character of
    the result the offset it came from in the original."""
    folded = text.translate(_EQUIVALENT_MARKS)
    chars: list[str] = []
    offsets: list[int] = []
    for match in re.finditer(r"\s+|\S", folded):
        chars.append(" " if match.group().isspace() else match.group())
        offsets.append(match.start())
    return "".join(chars), offsets


def locate_quote(source_text: str, quote: str) -> QuoteLocation | None:
    """Where `quote` stands in `source_text`, or None if it does not.

    An exact match wins; otherwise white-space runs and typographic
    quotation marks are treated as equal. The first occurrence is taken.
    """
    quote = quote.strip()
    if not quote:
        return None
    start = source_text.find(quote)
    if start != -1:
        return QuoteLocation(start, start + len(quote), quote)

    haystack, offsets = _normalise_with_map(source_text)
    needle = _WHITESPACE_RUN.sub(" ", quote.translate(_EQUIVALENT_MARKS))
    found = haystack.find(needle)
    if found == -1:
        return None
    start = offsets[found]
    last = offsets[found + len(needle) - 1]
    # The last normalised character may stand for a run of white space; a
    # stripped needle never ends in one, so `last` is one real character.
    end = last + 1
    return QuoteLocation(start, end, source_text[start:end])


def require_quote(source_text: str, quote: str) -> QuoteLocation:
    """locate_quote, raising a ValidationError on the quote when it is absent."""
    location = locate_quote(source_text, quote)
    if location is None:
        shown = quote if len(quote) <= 80 else quote[:77] + "..."
        raise ValidationError(
            {"quote": _("The quote %(quote)r is not in the source's text.") % {"quote": shown}},
            code="quote_not_in_source",
        )
    return location
