"""What every public list and detail page shares: the `as_of` date, filtered
and paginated lists, and CSV downloads of a list as filtered."""

import datetime
import re
from collections.abc import Callable
from typing import Any

from django.db import models
from django.http import HttpResponseRedirect, QueryDict
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django_filters.views import FilterView

from core.counting import KeptCountPaginator
from core.csv import CsvColumn, csv_lines, csv_response
from core.models import is_public
from core.search import SearchPaginator, is_searching

_ISO_DAY = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}$")


def parse_as_of(value: str | None) -> datetime.date | None:
    """`?as_of=` as a date; None when absent or not a date (which pages and
    the API refuse before they get here: see AsOfMixin, the FilterSets)."""
    try:
        return strict_as_of(value)
    except ValueError:
        return None


def strict_as_of(value: str | None) -> datetime.date | None:
    """`?as_of=YYYY-MM-DD`, or ValueError saying what is wrong with it."""
    if value is None or value == "":
        return None
    value = value.strip()
    if not _ISO_DAY.match(value):
        raise ValueError(f"as_of={value!r} is not a date: write it as YYYY-MM-DD")
    try:
        return datetime.datetime.strptime(value, "%Y-%m-%d").date()
    except ValueError:
        raise ValueError(f"as_of={value!r} is not a real date") from None


def without_empty_parameters(request) -> str | None:
    """The address without its empty parameters (`?kind=&status=signed`, as a
    form without JavaScript sends it), or None if it has none: shared links
    stay short and one page has one address."""
    kept = QueryDict(mutable=True)
    dropped = False
    for key, values in request.GET.lists():
        filled = [value for value in values if value.strip()]
        dropped = dropped or len(filled) < len(values)
        if filled:
            kept.setlist(key, filled)
    if not dropped:
        return None
    encoded = kept.urlencode()
    return request.path + (f"?{encoded}" if encoded else "")


class AsOfMixin:
    """Reads `?as_of=YYYY-MM-DD`: every status on the page as it stood then.
    A date that is not one is refused with a page that says so (400), never
    silently ignored: a reader must not take today's status for the past's.
    A GET with empty parameters is sent to the same page without them."""

    def dispatch(self, request, *args, **kwargs):
        if request.method == "GET":
            shorter = without_empty_parameters(request)
            if shorter is not None:
                return HttpResponseRedirect(shorter)
        try:
            strict_as_of(request.GET.get("as_of"))
        except ValueError as error:
            query = request.GET.copy()
            query.pop("as_of", None)
            context = {"error": str(error), "without": f"{request.path}?{query.urlencode()}"}
            return render(request, "as_of_invalid.html", context, status=400)
        return super().dispatch(request, *args, **kwargs)

    @property
    def as_of(self) -> datetime.date | None:
        return parse_as_of(self.request.GET.get("as_of"))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["as_of"] = self.as_of
        return context


class FilteredListView(AsOfMixin, FilterView):
    """A list with the app's FilterSet, pagination, and `?format=csv`.

    Subclasses name `filterset_class`, `template_name` and `csv_columns`:
    (header, function of a row) pairs. The CSV holds every row the filters
    select, not one page, read in chunks so memory stays flat.
    """

    paginate_by = 25
    paginator_class = KeptCountPaginator
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
        if request.GET.get("format") == "csv" and self.get_csv_columns():
            return self.render_csv()
        return super().get(request, *args, **kwargs)

    def get_csv_columns(self) -> tuple[tuple[str, Callable[[Any], Any]], ...]:
        """(header, function of a row) pairs; a view whose cells depend on
        the page's `as_of` builds them here."""
        return self.csv_columns

    def render_csv(self):
        filterset = self.get_filterset(self.get_filterset_class())
        rows = filterset.qs if filterset.is_valid() else filterset.queryset.none()
        columns = [CsvColumn(header, _public(value)) for header, value in self.get_csv_columns()]
        return csv_response(csv_lines(columns, _chunked(rows)), self.csv_filename)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.request.GET.copy()
        query.pop("page", None)
        context["querystring"] = query.urlencode()
        query["format"] = "csv"
        context["csv_querystring"] = query.urlencode()
        context["filter_errors"] = bool(self.filterset.errors)
        context["active_filters"] = active_filter_count(self.request.GET)
        return context


# Parameters that are not filters a reader chose in the folded filter panel.
NOT_FOLDED_FILTERS = frozenset({"as_of", "page", "format", "search", "updated_since"})


def active_filter_count(query) -> int:
    """How many of the folded filters carry a value: the panel opens, and says
    so, when a list is filtered."""
    return sum(
        1
        for key, values in query.lists()
        if key not in NOT_FOLDED_FILTERS and any(value.strip() for value in values)
    )


def _chunked(queryset, size: int = 1000):
    """Iterate a queryset in pages, keeping its prefetches (which .iterator()
    without a chunk size would drop) and a flat memory profile."""
    from django.core.paginator import Paginator

    if not queryset.ordered:
        queryset = queryset.order_by("pk")
    paginator = Paginator(queryset, size)
    for number in paginator.page_range:
        yield from paginator.page(number).object_list


def date_columns(name: str) -> tuple[tuple[str, Callable[[Any], Any]], ...]:
    """A partial date's CSV columns: the date, its precision and whether it
    is inferred, so no download leaves out the mark (docs/STATUS.md)."""

    def precision(row):
        return getattr(row, f"{name}_precision") if getattr(row, name) else ""

    return (
        (name, lambda row: getattr(row, name)),
        (f"{name}_precision", precision),
        (f"{name}_inferred", lambda row: getattr(row, f"{name}_inferred")),
    )


def slugs(related) -> str:
    """The slugs of related records the public may see, `;`-separated."""
    return ";".join(obj.slug for obj in related.all() if is_public(obj))


def public_cell(value):
    """A CSV cell that names related records: a record by its slug, several
    `;`-separated, and a draft not at all (core.models.is_public), as if it
    were not there yet. Anything else is the value itself."""
    if isinstance(value, models.Manager):
        value = value.all()
    if isinstance(value, models.Model):
        return getattr(value, "slug", value.pk) if is_public(value) else ""
    if isinstance(value, models.QuerySet | list | tuple) and all(
        isinstance(item, models.Model) for item in value
    ):
        return ";".join(str(public_cell(item)) for item in value if is_public(item))
    return value


def _public(column: Callable[[Any], Any]) -> Callable[[Any], Any]:
    return lambda row: public_cell(column(row))


NOT_YET = _("no status recorded yet")
