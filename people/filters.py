import django_filters
from django.utils.translation import gettext_lazy as _

from core.filters import SlugsFilter, SortFilter, TextSearchFilter, UpdatedSinceFilterSet
from people.models import ORGANISATION_SEARCH, PERSON_SEARCH, Organisation, OrganisationKind, Person


class PersonFilterSet(UpdatedSinceFilterSet):
    search = TextSearchFilter(spec=PERSON_SEARCH)
    country = django_filters.CharFilter(
        field_name="country", lookup_expr="iexact", max_length=2, label=_("Country")
    )
    organisation = SlugsFilter(
        field_name="posts__organisation__slug",
        to_field_name="slug",
        queryset=Organisation.objects.all(),
        label=_("Organisation"),
        distinct=True,
    )
    ordering = SortFilter(
        fields=(("name", "name"), ("updated_at", "updated_at")), default=_("Name: A to Z")
    )

    class Meta:
        model = Person
        fields = ("search", "country", "organisation", "updated_since")

    def filter_queryset(self, queryset):
        # A search across posts may match one person twice.
        return super().filter_queryset(queryset).distinct()

    @classmethod
    def unfiltered(cls, queryset):
        return super().unfiltered(queryset).distinct()


class OrganisationFilterSet(UpdatedSinceFilterSet):
    search = TextSearchFilter(spec=ORGANISATION_SEARCH)
    kind = django_filters.MultipleChoiceFilter(
        field_name="kind", lookup_expr="exact", choices=OrganisationKind.choices, label=_("Kind")
    )
    country = django_filters.CharFilter(
        field_name="country", lookup_expr="iexact", max_length=2, label=_("Country")
    )
    ordering = SortFilter(
        fields=(("name", "name"), ("kind", "kind"), ("updated_at", "updated_at")),
        default=_("Name: A to Z"),
    )

    class Meta:
        model = Organisation
        fields = ("search", "kind", "country", "updated_since")
