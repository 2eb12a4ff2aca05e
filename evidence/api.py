"""API viewsets for sources and citations."""

from drf_spectacular.utils import extend_schema, extend_schema_view

from core.api.viewsets import ApiViewSet
from evidence.filters import CitationFilterSet, SourceFilterSet
from evidence.models import Citation, Source
from evidence.serializers import CitationSerializer, SourceListSerializer, SourceSerializer


@extend_schema_view(
    list=extend_schema(
        summary="List sources", description="The source documents, without their text."
    ),
    retrieve=extend_schema(summary="A source, with its full text"),
    create=extend_schema(summary="Add a source"),
    update=extend_schema(summary="Replace a source"),
    partial_update=extend_schema(summary="Change a source"),
    destroy=extend_schema(summary="Delete a source that no citation quotes"),
)
class SourceViewSet(ApiViewSet):
    """The documents every fact is quoted from."""

    queryset = Source.objects.for_api()
    serializer_class = SourceSerializer
    list_serializer_class = SourceListSerializer
    filterset_class = SourceFilterSet
    lookup_field = "slug"
    csv_fields = (
        "slug",
        "title",
        "publisher",
        "document_url",
        "kind",
        "language",
        "published_on",
        "published_on_precision",
        "published_on_text",
        "published_on_inferred",
        "citation_count",
        "updated_at",
    )

    def get_queryset(self):
        if self.action == "list":
            return Source.objects.for_list()
        return super().get_queryset()


@extend_schema_view(
    list=extend_schema(summary="List citations"),
    retrieve=extend_schema(summary="A citation"),
    create=extend_schema(
        summary="Cite a source",
        description=(
            "The quote must stand in the source's text (white space and typographic "
            "quotation marks may differ), or the answer is a 400 naming `quote`."
        ),
    ),
    update=extend_schema(summary="Replace a citation"),
    partial_update=extend_schema(summary="Change a citation"),
    destroy=extend_schema(summary="Delete a citation"),
)
class CitationViewSet(ApiViewSet):
    """Verbatim quotes from sources, each supporting one record."""

    queryset = Citation.objects.for_api()
    serializer_class = CitationSerializer
    filterset_class = CitationFilterSet
    csv_fields = (
        "id",
        "source",
        "quote",
        "start",
        "end",
        "field",
        "position",
        "cited_type",
        "cited_slug",
        "cited_id",
        "updated_at",
    )
