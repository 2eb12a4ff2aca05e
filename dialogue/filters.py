"""FilterSets for meetings, people, organisations and topics: one per list,
shared by the public pages and the API."""

import django_filters
from django.utils.translation import gettext_lazy as _

from core.filters import (
    FlagFilter,
    SlugsFilter,
    SortFilter,
    TextSearchFilter,
    UpdatedSinceFilterSet,
    YearFilter,
    known_by,
)
from dialogue.models import (
    MEETING_SEARCH,
    MEETING_SERIES_SEARCH,
    Meeting,
    MeetingKind,
    MeetingSeries,
    MeetingStatus,
)
from people.models import Person
from topics.models import Topic


class MeetingFilterSet(UpdatedSinceFilterSet):
    search = TextSearchFilter(spec=MEETING_SEARCH)
    as_of = known_by("start_on")
    series = SlugsFilter(
        field_name="series__slug",
        offer_choices=True,
        to_field_name="slug",
        queryset=MeetingSeries.objects.all(),
        label=_("Series"),
    )
    kind = django_filters.MultipleChoiceFilter(
        field_name="kind", lookup_expr="exact", choices=MeetingKind.choices, label=_("Kind")
    )
    status = django_filters.MultipleChoiceFilter(
        field_name="status", lookup_expr="exact", choices=MeetingStatus.choices, label=_("Status")
    )
    overdue = FlagFilter(
        method="filter_flag",
        label=_("Overdue"),
        help_text=_("Only those still planned for a date now past (or not)."),
    )
    due_soon = FlagFilter(
        method="filter_flag",
        label=_("Due soon"),
        help_text=_("Only those planned for a date that ends within the coming days (or not)."),
    )
    topic = SlugsFilter(
        field_name="topics__slug",
        offer_choices=True,
        to_field_name="slug",
        queryset=Topic.objects.all(),
        label=_("Topic"),
    )
    participant = SlugsFilter(
        field_name="participations__person__slug",
        to_field_name="slug",
        queryset=Person.objects.all(),
        label=_("Participant"),
        distinct=True,
    )
    year = YearFilter(
        field_name="start_on", lookup_expr="year", label=_("Year"), min_value=1900, max_value=2200
    )
    after = django_filters.DateFilter(
        field_name="start_on", lookup_expr="gte", label=_("On or after")
    )
    before = django_filters.DateFilter(
        field_name="start_on", lookup_expr="lte", label=_("On or before")
    )
    ordering = SortFilter(
        fields=(
            ("start_on", "date"),
            ("title", "title"),
            ("number", "number"),
            ("updated_at", "updated_at"),
        ),
        default=_("Date: latest first"),
    )

    class Meta:
        model = Meeting
        fields = (
            "search",
            "series",
            "kind",
            "status",
            "topic",
            "participant",
            "year",
            "after",
            "before",
            "as_of",
            "updated_since",
        )

    def filter_queryset(self, queryset):
        # Overdue and due soon as of the list's date (today without one),
        # before the filters that read them.
        queryset = queryset.with_due(self.form.cleaned_data.get("as_of"))
        return super().filter_queryset(queryset)

    @classmethod
    def unfiltered(cls, queryset):
        return super().unfiltered(queryset.with_due(None))

    def filter_flag(self, queryset, name, value):
        if value is None:
            return queryset
        return queryset.filter(**{f"is_{name}": value})


class MeetingSeriesFilterSet(UpdatedSinceFilterSet):
    search = TextSearchFilter(spec=MEETING_SERIES_SEARCH)

    class Meta:
        model = MeetingSeries
        fields = ("search", "updated_since")
