"""The API's JSON parser: DRF's, with a limit on nesting.

Python's json module recurses once per level of nesting and, about a
thousand levels down, raises RecursionError: a body of `[` repeated 100,000
times was a 500. No record the API takes is more than a few levels deep, so
anything deeper than `API_JSON_MAX_DEPTH` (settings, default 32) is refused
with a 400 naming the limit, counted before the body is decoded. The body's
size is bounded before this by DATA_UPLOAD_MAX_MEMORY_SIZE (a 413,
core/api/errors.py)."""

import io
import re

from django.conf import settings
from django.utils.translation import gettext as _
from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser

# A JSON string (escapes included), or one bracket.
_STRINGS_AND_BRACKETS = re.compile(rb'"(?:[^"\\]|\\.)*"?|[\[\]{}]')
_OPENING = frozenset(b"[{")


def max_depth() -> int:
    return getattr(settings, "API_JSON_MAX_DEPTH", 32)


def nesting_depth(body: bytes, limit: int) -> int:
    """How deeply the arrays and objects of `body` nest, counted until the
    depth passes `limit`; brackets inside strings do not count."""
    depth = deepest = 0
    for match in _STRINGS_AND_BRACKETS.finditer(body):
        token = match.group()
        if len(token) != 1:  # a string
            continue
        if token[0] in _OPENING:
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > limit:
                    break
        else:
            depth -= 1
    return deepest


class DepthLimitedJSONParser(JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        body = stream.read()
        limit = max_depth()
        if nesting_depth(body, limit) > limit:
            raise ParseError(
                _("JSON parse error - nested more than %(limit)d levels deep.") % {"limit": limit}
            )
        try:
            return super().parse(io.BytesIO(body), media_type, parser_context)
        except RecursionError:
            # Not reached with the count above; kept so that a gap in it is
            # still a 400, never a 500.
            raise ParseError(_("JSON parse error - nested too deeply.")) from None
