"""Project-wide pieces of the REST API that settings.REST_FRAMEWORK names:
pagination, the throttles, the exception handler; and the JSON 404
for unknown /api/v1/ paths. The schema class is in api_schema.py, apart,
because drf-spectacular imports rest_framework.views, which imports this."""

import functools

from django.core.paginator import Paginator as DjangoPaginator
from django.db.models import ProtectedError, RestrictedError
from django.http import HttpResponsePermanentRedirect, JsonResponse
from django.urls import Resolver404, resolve
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework import status
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.throttling import AnonRateThrottle, UserRateThrottle

from kzuk_site import db_unavailable
from seeds.search import SearchPaginator, is_searching

MAX_PAGE_SIZE = 500


class FilterBackend(DjangoFilterBackend):
    """django-filter's backend, keeping the FilterSet on the view, where the
    pagination finds how many matches the search filter counted."""

    def get_filterset(self, request, queryset, view):
        view.filterset = super().get_filterset(request, queryset, view)
        return view.filterset


class ApiPagination(PageNumberPagination):
    """`page` and `page_size` (1 to 500, default 50).

    A bad value is a 400 naming the parameter rather than DRF's silent
    fallback to the default size: a client asking for 1000 rows and getting
    500 would believe it had them all. A page past the last is a 404.
    """

    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = MAX_PAGE_SIZE

    def get_page_size(self, request):
        raw = request.query_params.get(self.page_size_query_param)
        if raw is None:
            return self.page_size
        size = _whole_number(raw)
        if size is None or not 1 <= size <= self.max_page_size:
            raise ValidationError(
                {
                    self.page_size_query_param: [
                        _("A whole number from 1 to %(max)d.") % {"max": self.max_page_size}
                    ]
                }
            )
        return size

    def paginate_queryset(self, queryset, request, view=None):
        raw = request.query_params.get(self.page_query_param)
        if raw is not None and raw not in self.last_page_strings:
            number = _whole_number(raw)
            if number is None or number < 1:
                raise ValidationError(
                    {self.page_query_param: [_("A whole number from 1, or 'last'.")]}
                )
        if is_searching(request.query_params):
            # Counted only so far (SearchPaginator), and already, by the search filter.
            search = getattr(view, "filterset", None) and view.filterset.filters.get("search")
            known = getattr(search, "match_count", None)
            self.django_paginator_class = functools.partial(SearchPaginator, known_count=known)
        else:
            self.django_paginator_class = DjangoPaginator
        return super().paginate_queryset(queryset, request, view)

    def get_paginated_response_schema(self, schema):
        paginated = super().get_paginated_response_schema(schema)
        described = {
            "count": (
                "How many records the filters select, over all pages. With `search`, "
                "counted up to 1001 only: 1001 means more than 1000."
            ),
            "next": "The next page's URL; null on the last page.",
            "previous": "The previous page's URL; null on the first page.",
            "results": "This page's records.",
        }
        for name, description in described.items():
            paginated["properties"][name]["description"] = description
        return paginated

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.page_size_query_param:
                parameter["schema"].update(minimum=1, maximum=self.max_page_size)
                parameter["description"] = (
                    f"Rows per page, 1 to {self.max_page_size} (default {self.page_size})."
                )
            elif parameter["name"] == self.page_query_param:
                parameter["schema"]["minimum"] = 1
                parameter["description"] = "Page number, from 1."
        return parameters


def _whole_number(raw: str) -> int | None:
    raw = raw.strip()
    if not raw.isascii() or not raw.isdigit() or len(raw) > 9:
        return None
    return int(raw)


class AnonymousThrottle(AnonRateThrottle):
    """AnonRateThrottle, reading its rate when asked rather than at import,
    so that a changed REST_FRAMEWORK setting (a test's, an operator's) holds."""

    def get_rate(self):
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)


class SignedInThrottle(UserRateThrottle):
    """The signed-in clients' throttle, by user, read like AnonymousThrottle.
    Anonymous requests pass: AnonymousThrottle counts those."""

    def get_rate(self):
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)

    def allow_request(self, request, view):
        if not request.user or not request.user.is_authenticated:
            return True
        return super().allow_request(request, view)


def api_exception_handler(exc, context):
    """DRF's handler, plus a 409 for deleting what other records rest on (a
    source with citations, an organisation that is an event's party), and a
    503 when the database cannot serve (kzuk_site/db_unavailable.py)."""
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
