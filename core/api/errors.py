"""The API's errors: JSON always, a 409 for deleting what other records rest
on, a 503 when the database cannot serve, and a JSON 404 for unknown paths."""

from django.db.models import ProtectedError, RestrictedError
from django.http import HttpResponsePermanentRedirect, JsonResponse
from django.urls import Resolver404, resolve
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt
from rest_framework import status
from rest_framework.response import Response

from core import db_unavailable


def api_exception_handler(exc, context):
    """DRF's handler, plus a 409 for deleting what other records rest on (a
    source with citations, an organisation that is an event's party), and a
    503 when the database cannot serve (core/db_unavailable.py)."""
    why = db_unavailable.unavailability(exc)
    if why is not None:
        db_unavailable.log(context["request"], exc, why)
        return Response(
            {"detail": db_unavailable.message()},
            status=status.HTTP_503_SERVICE_UNAVAILABLE,
            headers={
                "Retry-After": str(db_unavailable.retry_after()),
                "Cache-Control": "no-store",
            },
        )
    if isinstance(exc, ProtectedError | RestrictedError):
        blocking = sorted({str(obj._meta.verbose_name) for obj in exc.protected_objects})
        return Response(
            {
                "detail": _("Other records refer to this one: %(kinds)s. Remove those first.")
                % {"kinds": ", ".join(blocking)}
            },
            status=status.HTTP_409_CONFLICT,
        )
    # Imported here: rest_framework.views reads the settings that name this module.
    from rest_framework.views import exception_handler

    return exception_handler(exc, context)


# Exempt: it changes nothing, and a write to a mistyped path must get this
# JSON 404 rather than the CSRF middleware's HTML 403.
@csrf_exempt
def api_not_found(request, unknown_path=""):
    """The JSON 404 for any /api/v1/ path no endpoint answers. A path that
    only lacks its trailing slash is redirected, as APPEND_SLASH would."""
    if request.method in ("GET", "HEAD") and not request.path.endswith("/"):
        try:
            match = resolve(request.path + "/")
        except Resolver404:
            match = None
        if match is not None and match.func is not api_not_found:
            return HttpResponsePermanentRedirect(request.get_full_path(force_append_slash=True))
    return JsonResponse({"detail": str(_("Not found."))}, status=404)
