"""The filters of the sources and citations lists (site and API)."""

import django_filters
from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field

from core.filters import SlugsFilter, SortFilter, TextSearchFilter, UpdatedSinceFilterSet, known_by
from evidence.models import (
    CITATION_SEARCH,
    SOURCE_SEARCH,
    Citation,
    Source,
    SourceKind,
    cited_types,
)


class SourceFilterSet(UpdatedSinceFilterSet):
    search = TextSearchFilter(spec=SOURCE_SEARCH)
    as_of = known_by("published_on")
    kind = django_filters.MultipleChoiceFilter(
        field_name="kind", lookup_expr="exact", choices=SourceKind.choices, label=_("Kind")
    )
    publisher = django_filters.CharFilter(
        field_name="publisher", lookup_expr="iexact", label=_("Publisher")
    )
    published_after = django_filters.DateFilter(
        field_name="published_on", lookup_expr="gte", label=_("Published on or after")
    )
    published_before = django_filters.DateFilter(
        field_name="published_on", lookup_expr="lte", label=_("Published on or before")
    )
    ordering = SortFilter(
        fields=(("published_on", "published_on"), ("title", "title"), ("updated_at", "updated_at")),
        default=_("Published: latest first"),
    )

    class Meta:
        model = Source
        fields = (
            "search",
            "kind",
            "publisher",
            "published_after",
            "published_before",
            "updated_since",
        )


def cited_type_choices() -> list[tuple[str, str]]:
    return [(name, name.replace("_", " ")) for name in cited_types()]


class CitationFilterSet(UpdatedSinceFilterSet):
    search = TextSearchFilter(spec=CITATION_SEARCH)
    source = SlugsFilter(
        field_name="source__slug",
        to_field_name="slug",
        queryset=Source.objects.all(),
        label=_("Source"),
        help_text=_("Slug of the quoted source; repeat for several."),
    )
    cited_type = django_filters.MultipleChoiceFilter(
        field_name="content_type",
        lookup_expr="in",
        choices=cited_type_choices,
        method="filter_cited_type",
        label=_("Kind of record cited"),
        help_text=_("The kind of record the quote supports, e.g. agreement; repeat for several."),
    )
    field = django_filters.CharFilter(
        field_name="field_name",
        lookup_expr="exact",
        max_length=60,
        label=_("Supports field"),
        help_text=_("The field the quote supports, e.g. signed_on."),
    )
    ordering = SortFilter(
        fields=(("position", "position"), ("updated_at", "updated_at")),
        default=_("Order in the source"),
    )

    class Meta:
        model = Citation
        fields = ("search", "source", "cited_type", "field", "updated_since")

    # The choices are the models' names, not the content type's ids the
    # field points at: the schema lists them so.
    @extend_schema_field({"type": "string", "enum": list(cited_types())})
    def filter_cited_type(self, queryset, name, value):
        if not value:
            return queryset
        content_types = ContentType.objects.get_for_models(
            *(cited_types()[cited_type] for cited_type in value)
        )
        return queryset.filter(content_type__in=content_types.values())
