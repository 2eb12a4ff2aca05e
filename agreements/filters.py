"""FilterSets for agreements, commitments and figures: one per list, shared
by the public pages and the API."""

import django_filters
from django.utils.translation import gettext_lazy as _

from agreements.models import (
    AGREEMENT_SEARCH,
    COMMITMENT_SEARCH,
    FIGURE_SEARCH,
    Agreement,
    AgreementKind,
    AgreementStatus,
    Commitment,
    CommitmentStatus,
    CommitmentStatusEvent,
    Figure,
    StatusEvent,
)
from core.filters import (
    FlagFilter,
    SlugsFilter,
    SortFilter,
    TextSearchFilter,
    UpdatedSinceFilterSet,
    YearFilter,
    known_by,
)
from dialogue.models import Meeting
from people.models import Organisation, Person
from topics.models import Topic


class StatusAsOfFilterSet(UpdatedSinceFilterSet):
    """`as_of` shows every status as it stood on a date, and `status` then
    filters on that past status rather than today's; `stale` (and, where
    things fall due, `overdue`) are derived as of that date too."""

    as_of = django_filters.DateFilter(
        method="keep",
        label=_("As of"),
        help_text=_("Show each status as it stood on this date (YYYY-MM-DD)."),
    )
    stale = FlagFilter(
        method="filter_flag",
        label=_("Stale"),
        help_text=_("Only those whose status has had no evidence for over a year (or not)."),
    )

    def filter_queryset(self, queryset):
        as_of = self.form.cleaned_data.get("as_of")
        queryset = queryset.with_freshness(as_of)
        if as_of and getattr(self.request, "listing", True):
            # Nothing recorded by then: not yet on the tracker's record (a
            # list leaves it out; its own page says so).
            queryset = queryset.filter(status_as_of__isnull=False)
        return super().filter_queryset(queryset)

    @classmethod
    def unfiltered(cls, queryset):
        return super().unfiltered(queryset.with_freshness(None))

    def keep(self, queryset, name, value):
        return queryset  # applied in filter_queryset, before the other filters

    def filter_flag(self, queryset, name, value):
        if value is None:
            return queryset
        return queryset.filter(**{f"is_{name}": value})

    def filter_status(self, queryset, name, value):
        if not value:
            return queryset
        column = "status_as_of" if self.form.cleaned_data.get("as_of") else "status"
        return queryset.filter(**{f"{column}__in": value})


class AgreementFilterSet(StatusAsOfFilterSet):
    search = TextSearchFilter(spec=AGREEMENT_SEARCH)
    status = django_filters.MultipleChoiceFilter(
        choices=AgreementStatus.choices, method="filter_status", label=_("Status")
    )
    kind = django_filters.MultipleChoiceFilter(
        field_name="kind", lookup_expr="exact", choices=AgreementKind.choices, label=_("Kind")
    )
    topic = SlugsFilter(
        field_name="topics__slug",
        offer_choices=True,
        to_field_name="slug",
        queryset=Topic.objects.all(),
        label=_("Topic"),
    )
    party = SlugsFilter(
        field_name="parties__slug",
        to_field_name="slug",
        queryset=Organisation.objects.all(),
        label=_("Party"),
    )
    meeting = SlugsFilter(
        field_name="meetings__slug",
        to_field_name="slug",
        queryset=Meeting.objects.all(),
        label=_("Meeting"),
    )
    signed_after = django_filters.DateFilter(
        field_name="signed_on", lookup_expr="gte", label=_("Signed on or after")
    )
    signed_before = django_filters.DateFilter(
        field_name="signed_on", lookup_expr="lte", label=_("Signed on or before")
    )
    year = YearFilter(
        field_name="signed_on",
        lookup_expr="year",
        label=_("Year signed"),
        min_value=1900,
        max_value=2200,
    )
    ordering = SortFilter(
        fields=(
            ("signed_on", "signed_on"),
            ("title", "title"),
            ("status", "status"),
            ("status_since", "status_since"),
            ("status_confirmed_on", "status_confirmed_on"),
            ("updated_at", "updated_at"),
        ),
        default=_("Signed: latest first"),
    )

    class Meta:
        model = Agreement
        fields = (
            "search",
            "status",
            "kind",
            "topic",
            "party",
            "meeting",
            "signed_after",
            "signed_before",
            "year",
            "as_of",
            "updated_since",
        )


class CommitmentFilterSet(StatusAsOfFilterSet):
    search = TextSearchFilter(spec=COMMITMENT_SEARCH)
    status = django_filters.MultipleChoiceFilter(
        choices=CommitmentStatus.choices, method="filter_status", label=_("Status")
    )
    open = FlagFilter(method="filter_open", label=_("Open only"))
    overdue = FlagFilter(
        method="filter_flag",
        label=_("Overdue"),
        help_text=_("Only those past their due date with no fulfilment (or not)."),
    )
    due_soon = FlagFilter(
        method="filter_flag",
        label=_("Due soon"),
        help_text=_("Only those not yet fulfilled and due within the coming days (or not)."),
    )
    topic = SlugsFilter(
        field_name="topics__slug",
        offer_choices=True,
        to_field_name="slug",
        queryset=Topic.objects.all(),
        label=_("Topic"),
    )
    party = SlugsFilter(
        field_name="parties__slug",
        to_field_name="slug",
        queryset=Organisation.objects.all(),
        label=_("Party"),
    )
    person = SlugsFilter(
        field_name="people__slug",
        to_field_name="slug",
        queryset=Person.objects.all(),
        label=_("Person"),
    )
    meeting = SlugsFilter(
        field_name="meeting__slug",
        to_field_name="slug",
        queryset=Meeting.objects.all(),
        label=_("Made at meeting"),
    )
    agreement = SlugsFilter(
        field_name="agreement__slug",
        to_field_name="slug",
        queryset=Agreement.objects.all(),
        label=_("Made in agreement"),
    )
    due_after = django_filters.DateFilter(
        field_name="due_on", lookup_expr="gte", label=_("Due on or after")
    )
    due_before = django_filters.DateFilter(
        field_name="due_on", lookup_expr="lte", label=_("Due on or before")
    )
    ordering = SortFilter(
        fields=(
            ("due_on", "due_on"),
            ("title", "title"),
            ("status", "status"),
            ("status_confirmed_on", "status_confirmed_on"),
            ("updated_at", "updated_at"),
        ),
        default=_("Due: earliest first"),
    )

    class Meta:
        model = Commitment
        fields = (
            "search",
            "status",
            "open",
            "topic",
            "party",
            "person",
            "meeting",
            "agreement",
            "due_after",
            "due_before",
            "as_of",
            "updated_since",
        )

    def filter_open(self, queryset, name, value):
        if value is None:
            return queryset
        open_ones = queryset.open()
        return open_ones if value else queryset.exclude(pk__in=open_ones.values("pk"))


class FigureFilterSet(UpdatedSinceFilterSet):
    search = TextSearchFilter(spec=FIGURE_SEARCH)
    metric = django_filters.CharFilter(field_name="metric", lookup_expr="exact", label=_("Metric"))
    unit = django_filters.CharFilter(field_name="unit", lookup_expr="iexact", label=_("Unit"))
    topic = SlugsFilter(
        field_name="topics__slug",
        offer_choices=True,
        to_field_name="slug",
        queryset=Topic.objects.all(),
        label=_("Topic"),
    )
    subject = SlugsFilter(
        field_name="subject__slug",
        to_field_name="slug",
        queryset=Organisation.objects.all(),
        label=_("About"),
    )
    as_of_after = django_filters.DateFilter(
        field_name="as_of", lookup_expr="gte", label=_("Dated on or after")
    )
    as_of_before = django_filters.DateFilter(
        field_name="as_of", lookup_expr="lte", label=_("Dated on or before")
    )
    # The page's date: figures that refer to a later day were not known then.
    as_of = known_by("as_of")
    ordering = SortFilter(
        fields=(
            ("as_of", "as_of"),
            ("name", "name"),
            ("value", "value"),
            ("updated_at", "updated_at"),
        ),
        default=_("By measure, latest first"),
    )

    class Meta:
        model = Figure
        fields = (
            "search",
            "metric",
            "unit",
            "topic",
            "subject",
            "as_of_after",
            "as_of_before",
            "updated_since",
        )


class StatusEventFilterSet(UpdatedSinceFilterSet):
    as_of = known_by("date")
    """Status events of agreements, for editors and for syncing."""

    agreement = SlugsFilter(
        field_name="agreement__slug",
        to_field_name="slug",
        queryset=Agreement.objects.all(),
        label=_("Agreement"),
    )
    status = django_filters.MultipleChoiceFilter(
        field_name="status", lookup_expr="exact", choices=AgreementStatus.choices, label=_("Status")
    )
    party = SlugsFilter(
        field_name="party__slug",
        to_field_name="slug",
        queryset=Organisation.objects.all(),
        label=_("Party"),
    )
    after = django_filters.DateFilter(field_name="date", lookup_expr="gte", label=_("On or after"))
    before = django_filters.DateFilter(
        field_name="date", lookup_expr="lte", label=_("On or before")
    )

    class Meta:
        model = StatusEvent
        fields = ("agreement", "status", "party", "after", "before", "updated_since")


class CommitmentStatusEventFilterSet(UpdatedSinceFilterSet):
    as_of = known_by("date")
    commitment = SlugsFilter(
        field_name="commitment__slug",
        to_field_name="slug",
        queryset=Commitment.objects.all(),
        label=_("Commitment"),
    )
    status = django_filters.MultipleChoiceFilter(
        field_name="status",
        lookup_expr="exact",
        choices=CommitmentStatus.choices,
        label=_("Status"),
    )
    party = SlugsFilter(
        field_name="party__slug",
        to_field_name="slug",
        queryset=Organisation.objects.all(),
        label=_("Party"),
    )
    after = django_filters.DateFilter(field_name="date", lookup_expr="gte", label=_("On or after"))
    before = django_filters.DateFilter(
        field_name="date", lookup_expr="lte", label=_("On or before")
    )

    class Meta:
        model = CommitmentStatusEvent
        fields = ("commitment", "status", "party", "after", "before", "updated_since")
