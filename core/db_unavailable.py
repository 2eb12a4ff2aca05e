"""When the database cannot serve (unreachable, read-only, full), every
request answers a clear 503 with Retry-After, fast, instead of a 500: an HTML
page on the site and in the admin, the API's JSON error on /api/.

Only those failures: a missing table or a bad query is a bug and stays a 500.
The connection settings (connect_timeout, conn_health_checks) that make the
503 fast and let a worker reconnect by itself are in settings.DATABASES.

Three places catch the error, because Django turns an exception into a
response at each layer: the API's exception handler (views under DRF), this
middleware (any other view, and template rendering), and the 500 handler
(what other middleware raised, such as the session being saved)."""

import logging
import sqlite3
import sys

import psycopg
from django.conf import settings
from django.db import Error, InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.defaults import server_error

logger = logging.getLogger("kzuk_site.db_unavailable")

UNREACHABLE = "unreachable"
READ_ONLY = "read-only"
FULL = "full"

# PostgreSQL SQLSTATEs (Appendix A): by class, then the few single codes.
_PG_CLASSES = {
    "08": UNREACHABLE,  # connection exception
    "53": FULL,  # insufficient resources: disk full, out of memory, too many connections
    "57": UNREACHABLE,  # operator intervention: shutdown, cannot connect now, crash
    "58": UNREACHABLE,  # system error: I/O error
}
_PG_CODES = {
    "25006": READ_ONLY,  # read_only_sql_transaction
    "53300": UNREACHABLE,  # too_many_connections: a restart or a pool will free one
}
# SQLite primary result codes (the low byte of the extended code).
_SQLITE_CODES = {
    sqlite3.SQLITE_BUSY: UNREACHABLE,
    sqlite3.SQLITE_LOCKED: UNREACHABLE,
    sqlite3.SQLITE_READONLY: READ_ONLY,
    sqlite3.SQLITE_IOERR: UNREACHABLE,
    sqlite3.SQLITE_FULL: FULL,
    sqlite3.SQLITE_CANTOPEN: UNREACHABLE,
}


def unavailability(exc: BaseException) -> str | None:
    """Why the database cannot serve, if `exc` says it cannot: UNREACHABLE,
    READ_ONLY or FULL; None for any other error, a bug's included."""
    # Error, not DatabaseError: Django's InterfaceError is not one of those.
    # The drivers' own errors too: one can escape Django's wrapper (seen when
    # the server closed the connection while a page's rows were being read).
    if not isinstance(exc, Error | psycopg.Error | sqlite3.Error):
        return None
    cause = exc.__cause__ or exc
    sqlstate = getattr(cause, "sqlstate", None)
    if sqlstate:
        return _PG_CODES.get(sqlstate) or _PG_CLASSES.get(sqlstate[:2])
    sqlite_code = getattr(cause, "sqlite_errorcode", None)
    if sqlite_code is not None:
        return _SQLITE_CODES.get(sqlite_code & 0xFF)
    # No code from the server: the client library could not reach it (refused,
    # timed out, the connection closed under it) or Django's connection is gone.
    if isinstance(
        exc, InterfaceError | OperationalError | psycopg.OperationalError | psycopg.InterfaceError
    ):
        return UNREACHABLE
    return None


def retry_after() -> int:
    return settings.DATABASE_RETRY_AFTER


def message() -> str:
    return _("The data is briefly unavailable. Please try again in a moment.")


def log(request, exc: BaseException, why: str) -> None:
    logger.error(
        "Database %s: %s %s answered 503: %s",
        why,
        request.method,
        request.path,
        exc,
        extra={"status_code": 503, "request": request},
    )


def response_for(request, exc: BaseException, why: str) -> HttpResponse:
    """The 503 for this request: JSON on the API, HTML elsewhere. It touches
    no database: no context processors, no user, no session."""
    log(request, exc, why)
    if request.path.startswith("/api/"):
        response = JsonResponse({"detail": message()}, status=503)
    else:
        html = render_to_string(
            "503.html", {"message": message(), "retry_after": retry_after(), "path": request.path}
        )
        response = HttpResponse(html, status=503)
    response["Retry-After"] = str(retry_after())
    # A proxy or browser must not keep the outage as the page.
    response["Cache-Control"] = "no-store"
    return response


class DatabaseUnavailableMiddleware:
    """A 503 for a view or template that met an unavailable database."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        why = unavailability(exception)
        if why is None:
            return None
        return response_for(request, exception, why)


def server_error_or_unavailable(request, *args, **kwargs):
    """handler500: Django's 500 page, unless the error being handled is the
    database being unavailable (raised outside a view, e.g. by middleware)."""
    exc = sys.exc_info()[1]
    why = unavailability(exc) if exc is not None else None
    if why is not None:
        return response_for(request, exc, why)
    if request.path_info.startswith("/api/"):
        from core.api.errors import server_error as api_server_error

        return api_server_error(request)
    return server_error(request, *args, **kwargs)
