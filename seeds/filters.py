"""Filters every list shares, on the public site and in the API alike."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from seeds.models import Source, SourceKind


class TextSearchFilter(django_filters.CharFilter):
    """Words that must each appear, case-insensitively, in one of `fields`."""

    def __init__(self, *, search_fields: tuple[str, ...], **kwargs):
        kwargs.setdefault("label", _("Search"))
        kwargs.setdefault("help_text", _("Words to look for; every word must match."))
        kwargs.setdefault("max_length", 200)
        super().__init__(field_name=search_fields[0], lookup_expr="icontains", **kwargs)
        self.search_fields = search_fields

    def filter(self, qs, value):
        for word in (value or "").split()[:10]:
            condition = Q()
            for field in self.search_fields:
                condition |= Q(**{f"{field}__icontains": word})
            qs = qs.filter(condition)
        return qs


class UpdatedSinceFilterSet(django_filters.FilterSet):
    """`updated_since`, on every list, so a consumer can sync what changed."""

    updated_since = django_filters.IsoDateTimeFilter(
        field_name="updated_at",
        lookup_expr="gte",
        label=_("Updated since"),
        help_text=_("ISO 8601 date and time, e.g. 2025-02-12T00:00:00Z."),
    )


class SourceFilterSet(UpdatedSinceFilterSet):
    search = TextSearchFilter(search_fields=("title", "publisher", "text"))
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
    ordering = django_filters.OrderingFilter(
        fields=(("published_on", "published_on"), ("title", "title"), ("updated_at", "updated_at")),
        label=_("Order by"),
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
