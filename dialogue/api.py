"""API viewsets for topics, organisations, people, meeting series and meetings."""

from dialogue.filters import (
    MeetingFilterSet,
    MeetingSeriesFilterSet,
    OrganisationFilterSet,
    PersonFilterSet,
    TopicFilterSet,
)
from dialogue.models import Meeting, MeetingSeries, Organisation, Person, Topic
from dialogue.serializers import (
    MeetingListSerializer,
    MeetingSerializer,
    MeetingSeriesSerializer,
    OrganisationSerializer,
    PersonSerializer,
    TopicSerializer,
)
from seeds.api_base import ApiViewSet, summaries


@summaries("topics", "a topic")
class TopicViewSet(ApiViewSet):
    """Subjects agreements, meetings, commitments and figures are about."""

    queryset = Topic.objects.for_api()
    serializer_class = TopicSerializer
    filterset_class = TopicFilterSet
    lookup_field = "slug"
    csv_columns = ("slug", "name", "description", "updated_at")


@summaries("organisations", "an organisation")
class OrganisationViewSet(ApiViewSet):
    """States, ministries, agencies, universities, companies..."""

    queryset = Organisation.objects.for_api()
    serializer_class = OrganisationSerializer
    filterset_class = OrganisationFilterSet
    lookup_field = "slug"
    csv_columns = (
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
    csv_columns = ("slug", "name", "country", "description", "updated_at")


@summaries("meeting series", "a meeting series")
class MeetingSeriesViewSet(ApiViewSet):
    """Recurring formats: the annual Strategic Dialogue, the Intergovernmental Commission."""

    queryset = MeetingSeries.objects.for_api()
    serializer_class = MeetingSeriesSerializer
    filterset_class = MeetingSeriesFilterSet
    lookup_field = "slug"
    csv_columns = (
        "slug",
        "name",
        "short_name",
        "established_on",
        "established_on_precision",
        "frequency",
        "meetings",
        "updated_at",
    )


@summaries("meetings", "a meeting")
class MeetingViewSet(ApiViewSet):
    """Dialogue rounds, commission sessions, visits and other meetings."""

    queryset = Meeting.objects.for_api()
    serializer_class = MeetingSerializer
    list_serializer_class = MeetingListSerializer
    filterset_class = MeetingFilterSet
    lookup_field = "slug"
    csv_columns = (
        "slug",
        "title",
        "kind",
        "status",
        "series",
        "number",
        "start_on",
        "start_on_precision",
        "end_on",
        "end_on_precision",
        "place",
        "country",
        "topics",
        "updated_at",
    )
