"""The quote rule: a citation's quote must stand in its source's text.

Written once and called by Citation.clean(), the loader, the admin and the
API. Editors paste quotes from web pages, which turn straight quotation marks
into typographic ones and re-wrap lines, so the match forgives exactly those
two differences and nothing else; the stored quote is then the source's own
characters, so what the site shows is verbatim.

Sources come in any language (issue 16). Russian and Kazakh quotes verify like
English ones: the Cyrillic quotation marks «» fold with the others, and both
texts are compared in Unicode NFC, so that a «й» or «ё» typed as a letter
plus a combining mark matches the same letter written as one character.
Nothing else is forgiven: «е» is not «ё», Kazakh «қ» is not «к», and «і»
(Cyrillic) is not «i» (Latin).
"""

import re
import unicodedata
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


def _nfc_with_map(text: str) -> tuple[str, list[int], list[int]]:
    """`text` in NFC, with the start and end offsets in `text` of the
    character cluster each character of the result came from (a base
    character and the combining marks after it compose as one)."""
    if unicodedata.is_normalized("NFC", text):
        return text, list(range(len(text))), list(range(1, len(text) + 1))
    clusters: list[tuple[int, int]] = []
    for offset, char in enumerate(text):
        if clusters and unicodedata.combining(char):
            clusters[-1] = (clusters[-1][0], offset + 1)
        else:
            clusters.append((offset, offset + 1))
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for start, end in clusters:
        for char in unicodedata.normalize("NFC", text[start:end]):
            chars.append(char)
            starts.append(start)
            ends.append(end)
    return "".join(chars), starts, ends


def locate_quote(source_text: str, quote: str) -> QuoteLocation | None:
    """Where `quote` stands in `source_text`, or None if it does not.

    An exact match wins; otherwise both are compared in NFC, with white-space
    runs and typographic quotation marks treated as equal. The first
    occurrence is taken.
    """
    quote = quote.strip()
    if not quote:
        return None
    start = source_text.find(quote)
    if start != -1:
        return QuoteLocation(start, start + len(quote), quote)

    composed, cluster_starts, cluster_ends = _nfc_with_map(source_text)
    haystack, offsets = _normalise_with_map(composed)
    needle = _WHITESPACE_RUN.sub(
        " ", unicodedata.normalize("NFC", quote).translate(_EQUIVALENT_MARKS)
    )
    found = haystack.find(needle)
    if found == -1:
        return None
    # The last normalised character may stand for a run of white space; a
    # stripped needle never ends in one, so it is one real character.
    start = cluster_starts[offsets[found]]
    end = cluster_ends[offsets[found + len(needle) - 1]]
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


# A BCP 47 language tag, as far as the site needs it: "en", "kk", "ru",
# "zh-Hans", "en-GB".
_LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")


def validate_language_code(value: str) -> None:
    if value and not _LANGUAGE_CODE.match(value):
        raise ValidationError(
            _("%(value)r is not a language code such as en, ru or kk.") % {"value": value},
            code="bad_language_code",
        )
