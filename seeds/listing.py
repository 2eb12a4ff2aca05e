"""What every public list and detail page shares: the `as_of` date, filtered
and paginated lists, and CSV downloads of a list as filtered."""

import csv
import datetime
import re
from collections.abc import Callable, Iterable
from typing import Any

from django.http import StreamingHttpResponse
from django.utils.translation import gettext_lazy as _
from django_filters.views import FilterView

from seeds.search import SearchPaginator, is_searching

# A cell starting with one of these is a formula to a spreadsheet; an
# apostrophe in front makes it text (OWASP, "CSV injection").
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
# A plain number ("-3.5", "-2.8E+9") is no formula, and an apostrophe would
# turn a negative figure into text.
PLAIN_NUMBER = re.compile(r"-?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?")


def safe_cell(value: Any) -> str:
    """A CSV cell that a spreadsheet will show as text, never run as a formula.
    The one rule for every CSV the site writes, pages and API alike."""
    if value is None:
        return ""
    text = str(value)
    if text.startswith(FORMULA_PREFIXES) and not PLAIN_NUMBER.fullmatch(text):
        return "'" + text
    return text


def parse_as_of(value: str | None) -> datetime.date | None:
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(value.strip())
    except ValueError:
        return None


class AsOfMixin:
    """Reads `?as_of=YYYY-MM-DD`: every status on the page as it stood then."""

    @property
    def as_of(self) -> datetime.date | None:
        return parse_as_of(self.request.GET.get("as_of"))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["as_of"] = self.as_of
        return context


class _Echo:
    def write(self, value):
        return value


class FilteredListView(AsOfMixin, FilterView):
    """A list with the app's FilterSet, pagination, and `?format=csv`.

    Subclasses name `filterset_class`, `template_name` and `csv_columns`:
    (header, function of a row) pairs. The CSV holds every row the filters
    select, not one page, read in chunks so memory stays flat.
    """

    paginate_by = 25
    strict = True
    csv_columns: tuple[tuple[str, Callable[[Any], Any]], ...] = ()
    csv_filename = "export"

    def get_paginator(self, queryset, per_page, **kwargs):
        # A search's matches are counted only so far: see SearchPaginator.
        if is_searching(self.request.GET):
            # Counted already, up to the same limit, by the search filter.
            known = getattr(self.filterset.filters.get("search"), "match_count", None)
            return SearchPaginator(queryset, per_page, known_count=known, **kwargs)
        return super().get_paginator(queryset, per_page, **kwargs)

    def get(self, request, *args, **kwargs):
        if request.GET.get("format") == "csv" and self.csv_columns:
            return self.render_csv()
        return super().get(request, *args, **kwargs)

    def render_csv(self):
        filterset = self.get_filterset(self.get_filterset_class())
        rows = filterset.qs if filterset.is_valid() else filterset.queryset.none()
        writer = csv.writer(_Echo())
        response = StreamingHttpResponse(
            self._csv_lines(writer, rows), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="{self.csv_filename}.csv"'
        return response

    def _csv_lines(self, writer, rows: Iterable) -> Iterable[str]:
        yield writer.writerow([header for header, _ in self.csv_columns])
        for row in _chunked(rows):
            yield writer.writerow([safe_cell(getter(row)) for _, getter in self.csv_columns])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.request.GET.copy()
        query.pop("page", None)
        context["querystring"] = query.urlencode()
        query["format"] = "csv"
        context["csv_querystring"] = query.urlencode()
        context["filter_errors"] = bool(self.filterset.errors)
        return context


def _chunked(queryset, size: int = 1000):
    """Iterate a queryset in pages, keeping its prefetches (which .iterator()
    without a chunk size would drop) and a flat memory profile."""
    from django.core.paginator import Paginator

    if not queryset.ordered:
        queryset = queryset.order_by("pk")
    paginator = Paginator(queryset, size)
    for number in paginator.page_range:
        yield from paginator.page(number).object_list


def slugs(related) -> str:
    return ";".join(obj.slug for obj in related.all())


NOT_YET = _("no status recorded yet")
