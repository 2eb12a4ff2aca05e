"""What every viewset of the API shares: separate list and detail
serializers, `?format=csv` on lists, ETags, and JSON errors even for a CSV
request. The viewsets themselves live in each app's api.py."""

import hashlib
from collections.abc import Mapping

from django.urls import NoReverseMatch, reverse
from django.utils.cache import get_conditional_response
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import renderers, viewsets
from rest_framework.response import Response

from core.api.languages import activate_requested_language
from core.content_lang import translated_fields
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
        keys = getattr(view, "csv_fields", None) or (tuple(rows[0]) if rows else ())
        return "".join(csv_lines(keyed_columns(keys), rows)).encode(self.charset)


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

    def filter_queryset(self, queryset):
        """Drafts only for those allowed to see them; the public sees the
        rest. Here rather than in get_queryset, which a viewset may replace
        (a lighter list): every list, CSV, detail, update and delete passes
        through this, whatever queryset the viewset chose."""
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
        if self.action == "list":
            chosen.append(CSVRenderer())
        return chosen

    def list(self, request, *args, **kwargs):
        if request.accepted_renderer.format != CSVRenderer.format:
            return super().list(request, *args, **kwargs)
        return self.csv_response(request)

    def csv_response(self, request):
        """Every filtered row, streamed in chunks so that the number of queries
        grows with rows / csv_chunk_size only; or, when `page` or `page_size`
        is given, just that page."""
        queryset = self.filter_queryset(self.get_queryset())
        if {"page", "page_size"} & request.query_params.keys():
            objects = self.paginate_queryset(queryset)
        else:
            objects = queryset.iterator(chunk_size=self.csv_chunk_size)
        serializer_class = self.get_serializer_class()
        context = self.get_serializer_context()
        rows = (serializer_class(obj, context=context).data for obj in objects)
        return csv_response(csv_lines(self.csv_columns(), rows), self.basename)

    def csv_columns(self) -> tuple[CsvColumn, ...]:
        """`csv_fields`, each translated one followed by `<field>_lang`: the
        language its cell is in ("en" where a translation is missing)."""
        translated = set(translated_fields(self.get_queryset().model))
        columns = []
        for column in keyed_columns(self.csv_fields):
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

    def finalize_response(self, request, response, *args, **kwargs):
        """Conditional GET: an ETag from the rendered body, and a 304 when the
        client's If-None-Match already has it. Cheap next to the queries, and
        right for lists whose rows changed in any way."""
        response = super().finalize_response(request, response, *args, **kwargs)
        if (
            request.method in ("GET", "HEAD")
            and response.status_code == 200
            and isinstance(response, Response)
        ):
            response.render()
            etag = f'"{hashlib.sha256(response.content).hexdigest()[:40]}"'
            response["ETag"] = etag
            return get_conditional_response(request, etag=etag, response=response)
        return response


def _language_of(field: str):
    return lambda row: (row.get("languages") or {}).get(field, {}).get("lang")
