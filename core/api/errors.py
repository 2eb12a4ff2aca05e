"""The API's errors: JSON always, a 409 for deleting what other records rest
on, a 503 when the database cannot serve, and a JSON 404 for unknown paths."""

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, SuspiciousOperation
from django.db.models import ProtectedError, RestrictedError
from django.http import HttpResponsePermanentRedirect, JsonResponse
from django.urls import Resolver404, resolve
from django.utils.translation import gettext_lazy as _
from django.views import defaults
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
    if isinstance(exc, SuspiciousOperation):
        return _refused_body(exc)
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


def body_too_big_message() -> str:
    return str(_("The request body is over the limit of %(limit)d bytes.")) % {
        "limit": settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    }


def _refused_body(exc: SuspiciousOperation) -> Response:
    """A body too large (413, naming the limit), or too many form fields (400),
    as JSON: Django's own answer to these is its HTML 400 page."""
    if isinstance(exc, RequestDataTooBig):
        return Response({"detail": body_too_big_message()}, status=413)
    return Response({"detail": str(exc) or str(_("Bad request."))}, status=400)


def is_api(request) -> bool:
    return request.path_info.startswith("/api/")


def bad_request(request, exception, *args, **kwargs):
    """handler400: JSON under /api/ (a body too large, a malformed request
    refused before any view), Django's HTML page elsewhere."""
    if not is_api(request):
        return defaults.bad_request(request, exception, *args, **kwargs)
    if isinstance(exception, RequestDataTooBig):
        return JsonResponse({"detail": body_too_big_message()}, status=413)
    return JsonResponse({"detail": str(_("Bad request."))}, status=400)


def permission_denied(request, exception, *args, **kwargs):
    """handler403: JSON under /api/, Django's HTML page elsewhere."""
    if not is_api(request):
        return defaults.permission_denied(request, exception, *args, **kwargs)
    return JsonResponse(
        {"detail": str(_("You do not have permission to perform this action."))}, status=403
    )


def server_error(request, *args, **kwargs):
    """The 500 under /api/: JSON, saying no more than that it failed."""
    return JsonResponse({"detail": str(_("Server error."))}, status=500)


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
