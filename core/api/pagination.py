"""The API's pagination and filter backend (settings.REST_FRAMEWORK)."""

import functools

from django.utils.translation import gettext_lazy as _
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import PageNumberPagination

from core.counting import KeptCountPaginator
from core.search import SearchPaginator, is_searching

MAX_PAGE_SIZE = 500


class FilterBackend(DjangoFilterBackend):
    """django-filter's backend, keeping the FilterSet on the view, where the
    pagination finds how many matches the search filter counted."""

    def get_filterset(self, request, queryset, view):
        view.filterset = super().get_filterset(request, queryset, view)
        return view.filterset

    def filter_queryset(self, request, queryset, view):
        # One record asked for with no filter named (the usual detail
        # request): what the FilterSet would give, without making it. A
        # filter that is named still applies, as on a list (`as_of`...).
        if getattr(view, "action", None) == "retrieve":
            filterset_class = self.get_filterset_class(view, queryset)
            unfiltered = getattr(filterset_class, "unfiltered", None)
            if unfiltered is not None and not _names_a_filter(
                request.query_params, filterset_class.base_filters
            ):
                return unfiltered(queryset)
        return super().filter_queryset(request, queryset, view)


def _names_a_filter(params, filters) -> bool:
    # By prefix too: a filter whose widget reads several parameters names
    # them `<filter>_min`, `<filter>_after`...
    return any(key.startswith(name) for key in params for name in filters)


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
            # Any number of digits: a page past the last is a 404, however far.
            number = _whole_number(raw, max_digits=None)
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
            self.django_paginator_class = KeptCountPaginator
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
                parameter["schema"] = {
                    "oneOf": [
                        {"type": "integer", "minimum": 1},
                        {"type": "string", "enum": list(self.last_page_strings)},
                    ]
                }
                parameter["description"] = (
                    "Page number, from 1, or `last`. A page past the last is a 404."
                )
        return parameters


def _whole_number(raw: str, max_digits: int | None = 9) -> int | None:
    raw = raw.strip()
    if not raw.isascii() or not raw.isdigit():
        return None
    if max_digits is not None and len(raw) > max_digits:
        return None
    # Past nine digits no page exists; Django's paginator need not parse it.
    return int(raw) if len(raw) <= 9 else 10**9
