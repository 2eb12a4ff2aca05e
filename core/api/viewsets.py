"""What every viewset of the API shares: separate list and detail
serializers, `?format=csv` on lists, ETags, and JSON errors even for a CSV
request. The viewsets themselves live in each app's api.py."""

import hashlib
from collections.abc import Mapping

from django.conf import settings
from django.db.models import Count, Max
from django.urls import NoReverseMatch, reverse
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date
from django.utils.translation import get_language
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import renderers, viewsets
from rest_framework.response import Response

from core.api import shape
from core.api.languages import LANGUAGES_FIELD, activate_requested_language
from core.content_lang import translated_fields
from core.counting import kept_for_query
from core.csv import CsvColumn, csv_lines, csv_response, keyed_columns


class CSVRenderer(renderers.BaseRenderer):
    """`?format=csv`. List endpoints stream their rows themselves (see
    ApiViewSet.list); this renders anything else handed to it, such as a page."""

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        view = (renderer_context or {}).get("view")
        rows = data.get("results", [data]) if isinstance(data, Mapping) else list(data or [])
        if hasattr(view, "csv_columns"):
            columns = view.csv_columns()
        else:
            keys = getattr(view, "csv_fields", None) or (tuple(rows[0]) if rows else ())
            columns = keyed_columns(keys)
        return "".join(csv_lines(columns, rows)).encode(self.charset)


def api_url(request, basename: str, obj) -> str | None:
    """The API URL of `obj` under the route `basename`, by slug when it has
    one, else by id; None when the API has no such route."""
    lookup = {"slug": obj.slug} if hasattr(obj, "slug") else {"pk": obj.pk}
    try:
        path = reverse(f"api:{basename}-detail", kwargs=lookup)
    except NoReverseMatch:
        return None
    return request.build_absolute_uri(path) if request is not None else path


def summaries(plural: str, singular: str):
    """One-line summaries of a resource's operations, for the schema."""
    return extend_schema_view(
        list=extend_schema(summary=f"List {plural}"),
        # "an agreement" -> "One agreement, by slug": the article goes.
        retrieve=extend_schema(summary=f"One {singular.split(' ', 1)[-1]}, by slug"),
        create=extend_schema(summary=f"Add {singular}"),
        update=extend_schema(summary=f"Replace {singular}"),
        partial_update=extend_schema(summary=f"Change {singular}"),
        destroy=extend_schema(summary=f"Delete {singular}"),
    )


class ApiViewSet(viewsets.ModelViewSet):
    """A resource: list (JSON or CSV) and detail for anyone, writes for
    users with the model permission (settings.REST_FRAMEWORK).

    Subclasses set `queryset` from a QuerySet method, `serializer_class`
    (detail and writes), `list_serializer_class` when a list row is smaller,
    `filterset_class` and `csv_fields` (the serializer's fields a CSV row
    holds, in order).
    """

    list_serializer_class = None
    csv_fields: tuple[str, ...] = ()

    def get_shape(self) -> tuple[str, ...] | None:
        """The fields a read answers with (core.api.shape): a lean list row or
        the full record, as `fields=` and `expand=` choose; a CSV's columns
        (`fields=` may narrow them). None for writes: the full record."""
        if not hasattr(self, "_shape"):
            self._shape = self._choose_shape()
        return self._shape

    def _choose_shape(self):
        if self.request.method not in ("GET", "HEAD") or self.action not in ("list", "retrieve"):
            return None
        params = self.request.query_params
        if self._wants_csv():
            # Any of the record's fields may be named (an unknown one is a
            # 400); those that are not CSV columns, nested ones, are left out.
            only = shape.chosen_fields(self.get_serializer_class(), params, lean=False)
            named = bool(shape._names(params, shape.FIELDS))
            columns = tuple(name for name in self.csv_fields if not named or name in only)
            # The `<field>_lang` columns read the row's `languages`.
            if LANGUAGES_FIELD in shape.field_names(self.get_serializer_class()):
                return (*columns, LANGUAGES_FIELD)
            return columns
        return shape.chosen_fields(self.get_serializer_class(), params, lean=self.action == "list")

    def _wants_csv(self) -> bool:
        renderer = getattr(self.request, "accepted_renderer", None)
        return renderer is not None and renderer.format == CSVRenderer.format

    def get_serializer_context(self):
        context = super().get_serializer_context()
        context["shape"] = self.get_shape()
        return context

    def filter_queryset(self, queryset):
        """Drafts only for those allowed to see them; the public sees the
        rest. Here rather than in get_queryset, which a viewset may replace
        (a lighter list): every list, CSV, detail, update and delete passes
        through this, whatever queryset the viewset chose. A read's chosen
        shape drops the prefetches none of its fields reads."""
        chosen = self.get_shape()
        if chosen is not None:
            queryset = shape.trimmed(
                queryset, shape.relations_read(self.get_serializer_class(), chosen)
            )
        if hasattr(queryset, "visible_to"):
            queryset = queryset.visible_to(self.request.user)
        # FilterSets that narrow lists only (as of a date, say) read this.
        self.request.listing = self.action == "list"
        return super().filter_queryset(queryset)

    def initial(self, request, *args, **kwargs):
        # The content language (?lang= or Accept-Language): an unknown
        # ?lang= is a 400 before anything else is done.
        activate_requested_language(request)
        super().initial(request, *args, **kwargs)

    # Rows fetched (with their prefetches) per round trip when streaming CSV.
    csv_chunk_size = 500

    def get_serializer_class(self):
        if self.action == "list" and self.list_serializer_class is not None:
            return self.list_serializer_class
        return super().get_serializer_class()

    def get_renderers(self):
        chosen = super().get_renderers()
        # A method the resource does not take (TRACE...) has no action: it
        # must reach its 405, not a 404 for `format=csv` naming no renderer.
        if self.action in ("list", None):
            chosen.append(CSVRenderer())
        return chosen

    def list(self, request, *args, **kwargs):
        if request.accepted_renderer.format != CSVRenderer.format:
            return super().list(request, *args, **kwargs)
        return self.csv_response(request)

    def csv_response(self, request):
        """Every filtered row, streamed in chunks so that the number of queries
        grows with rows / csv_chunk_size only; or, when `page` or `page_size`
        is given, just that page. Its validators come before any row is read
        (csv_validators), so an unchanged CSV is a 304 with no rows fetched."""
        queryset = self.filter_queryset(self.get_queryset())
        etag, last_modified = self.csv_validators(request, queryset)
        # By the ETag alone: a deleted row leaves no later date for
        # If-Modified-Since to see.
        unchanged = get_conditional_response(request, etag=etag)
        if unchanged is not None:
            return self._with_cache_headers(request, unchanged)
        if {"page", "page_size"} & request.query_params.keys():
            objects = self.paginate_queryset(queryset)
        else:
            objects = queryset.iterator(chunk_size=self.csv_chunk_size)
        serializer_class = self.get_serializer_class()
        context = self.get_serializer_context()
        # One serializer for every row, as a JSON list's child is: a
        # serializer per row built (deep-copied) its fields again each time,
        # most of a CSV page's time.
        serializer = serializer_class(context=context)
        rows = (serializer.to_representation(obj) for obj in objects)
        response = csv_response(csv_lines(self.csv_columns(), rows), self.basename)
        response["ETag"] = etag
        if last_modified is not None:
            response["Last-Modified"] = http_date(last_modified)
        return response

    def csv_validators(self, request, queryset) -> tuple[str, float | None]:
        """A weak ETag for a streamed CSV, whose body is not known before it
        is sent: a digest of what decides it (the query, who may see drafts,
        and the selected rows' count and latest change, one aggregate query),
        and that latest change as Last-Modified. A row added, changed or
        deleted changes the count or the latest change (a change only to a
        related record, such as a party's slug, does not: hence weak). The
        aggregate reads every selected row, so it is kept until the content
        changes (core.counting)."""
        selected = queryset.order_by()
        totals = kept_for_query(
            "csv-validators",
            selected,
            lambda: selected.aggregate(rows=Count("pk"), latest=Max("updated_at")),
            nothing={"rows": 0, "latest": None},
        )
        latest = totals["latest"]
        decided_by = (
            request.get_full_path(),
            # The content's language may come from Accept-Language.
            get_language(),
            self.request.user.is_authenticated,
            totals["rows"],
            latest.isoformat() if latest else "",
        )
        digest = hashlib.sha256(repr(decided_by).encode()).hexdigest()[:40]
        return f'W/"{digest}"', latest.timestamp() if latest else None

    def csv_columns(self) -> tuple[CsvColumn, ...]:
        """The chosen CSV fields (all of `csv_fields` unless `fields=` names
        some), each translated one followed by `<field>_lang`: the language
        its cell is in ("en" where a translation is missing)."""
        translated = set(translated_fields(self.get_queryset().model))
        columns = []
        names = tuple(name for name in self.get_shape() if name != LANGUAGES_FIELD)
        for column in keyed_columns(names):
            columns.append(column)
            if column.header in translated:
                columns.append(CsvColumn(f"{column.header}_lang", _language_of(column.header)))
        return tuple(columns)

    def handle_exception(self, exc):
        response = super().handle_exception(exc)
        # An error is a JSON body, even when the client asked for CSV.
        if getattr(self.request, "accepted_renderer", None) is not None and (
            self.request.accepted_renderer.format == CSVRenderer.format
        ):
            self.request.accepted_renderer = renderers.JSONRenderer()
            self.request.accepted_media_type = renderers.JSONRenderer.media_type
        return response

    def paginate_queryset(self, queryset):
        page = super().paginate_queryset(queryset)
        self._last_modified = _latest_change(page or ())
        return page

    def get_object(self):
        found = super().get_object()
        self._last_modified = _latest_change((found,))
        return found

    def finalize_response(self, request, response, *args, **kwargs):
        """Conditional GET: an ETag from the rendered body, and a 304 when the
        client's If-None-Match already has it. Cheap next to the queries, and
        right for lists whose rows changed in any way.

        Last-Modified is the latest `updated_at` of the records shown, for
        clients that show or log it; it is not used to answer 304 (only the
        ETag is): a deleted row, or a changed quote or party, leaves no later
        date behind."""
        response = super().finalize_response(request, response, *args, **kwargs)
        if (
            request.method in ("GET", "HEAD")
            and response.status_code == 200
            and isinstance(response, Response)
        ):
            response.render()
            etag = f'"{hashlib.sha256(response.content).hexdigest()[:40]}"'
            response["ETag"] = etag
            last_modified = getattr(self, "_last_modified", None)
            if last_modified is not None:
                response["Last-Modified"] = http_date(last_modified.timestamp())
            response = get_conditional_response(request, etag=etag, response=response)
        if request.method in ("GET", "HEAD") and response.status_code in (200, 304):
            self._with_cache_headers(request, response)
        return response

    def _with_cache_headers(self, request, response):
        """Anonymous reads are the same for everyone: any cache may keep them
        for API_CACHE_SECONDS. What a signed-in client reads may hold drafts:
        its own, revalidated each time."""
        if request.user.is_authenticated:
            patch_cache_control(response, private=True, no_cache=True)
        else:
            patch_cache_control(response, public=True, max_age=settings.API_CACHE_SECONDS)
        # The answer depends on who asks (drafts): shared caches key on it.
        # The language may come from Accept-Language (or the cookie).
        patch_vary_headers(response, ("Authorization", "Cookie", "Accept-Language"))
        return response


def _latest_change(records):
    changes = [record.updated_at for record in records if getattr(record, "updated_at", None)]
    return max(changes, default=None)


def _language_of(field: str):
    return lambda row: (row.get("languages") or {}).get(field, {}).get("lang")
