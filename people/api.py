from core.api.viewsets import ApiViewSet, summaries
from people.filters import OrganisationFilterSet, PersonFilterSet
from people.models import Organisation, Person
from people.serializers import OrganisationSerializer, PersonSerializer


@summaries("organisations", "an organisation")
class OrganisationViewSet(ApiViewSet):
    """States, ministries, agencies, universities, companies..."""

    queryset = Organisation.objects.for_api()
    serializer_class = OrganisationSerializer
    filterset_class = OrganisationFilterSet
    lookup_field = "slug"
    csv_fields = (
        "slug",
        "name",
        "short_name",
        "kind",
        "country",
        "parent",
        "description",
        "updated_at",
    )


@summaries("people", "a person")
class PersonViewSet(ApiViewSet):
    """People, with the offices they held."""

    queryset = Person.objects.for_api()
    serializer_class = PersonSerializer
    filterset_class = PersonFilterSet
    lookup_field = "slug"
    csv_fields = ("slug", "name", "country", "description", "updated_at")
