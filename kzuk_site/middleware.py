"""Refuses query strings too large to be a real request, before anything
parses them: a 400 naming the limit, JSON under /api/ and a small HTML page
elsewhere. Every list's filters fit well inside the limits; a client sending
thousands of parameters only makes the server parse, validate and query for
nothing."""

from collections import Counter
from urllib.parse import unquote_plus

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext as _


class QueryStringLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        problem = query_string_problem(request.META.get("QUERY_STRING", ""))
        if problem is None:
            return self.get_response(request)
        if request.path_info.startswith("/api/"):
            return JsonResponse({"detail": problem}, status=400)
        # No request for the template: its context processors would read the query.
        html = render_to_string(
            "query_string_refused.html", {"problem": problem, "path": request.path}
        )
        return HttpResponse(html, status=400)


def query_string_problem(query_string: str) -> str | None:
    """What is wrong with a query string, in words naming the limit; None if
    it is within every limit (settings.QUERY_STRING_LIMITS)."""
    limits = settings.QUERY_STRING_LIMITS
    # Percent-encoded, so characters are bytes.
    if len(query_string) > limits["MAX_LENGTH"]:
        return _("The query string is %(length)d bytes long; the limit is %(limit)d bytes.") % {
            "length": len(query_string),
            "limit": limits["MAX_LENGTH"],
        }
    # Split as Django's QueryDict does: on "&" only, empty pieces ignored.
    pairs = [pair for pair in query_string.split("&") if pair]
    if len(pairs) > limits["MAX_PARAMETERS"]:
        return _("The query string has %(count)d parameters; the limit is %(limit)d.") % {
            "count": len(pairs),
            "limit": limits["MAX_PARAMETERS"],
        }
    names = Counter(unquote_plus(pair.partition("=")[0]) for pair in pairs)
    name, count = names.most_common(1)[0] if names else ("", 0)
    if count > limits["MAX_VALUES_PER_NAME"]:
        return _("The parameter “%(name)s” is given %(count)d times; the limit is %(limit)d.") % {
            "name": name,
            "count": count,
            "limit": limits["MAX_VALUES_PER_NAME"],
        }
    return None
