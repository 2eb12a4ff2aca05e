"""API viewsets for topics, organisations, people, meeting series and meetings."""

from core.api.viewsets import ApiViewSet, summaries
from dialogue.filters import MeetingFilterSet, MeetingSeriesFilterSet
from dialogue.models import Meeting, MeetingSeries
from dialogue.serializers import MeetingListSerializer, MeetingSerializer, MeetingSeriesSerializer


@summaries("meeting series", "a meeting series")
class MeetingSeriesViewSet(ApiViewSet):
    """Recurring formats: the Strategic Dialogue, the Intergovernmental Commission."""

    queryset = MeetingSeries.objects.for_api()
    serializer_class = MeetingSeriesSerializer
    filterset_class = MeetingSeriesFilterSet
    lookup_field = "slug"
    csv_fields = (
        "slug",
        "name",
        "short_name",
        "established_on",
        "established_on_precision",
        "established_on_inferred",
        "established_on_text",
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
    csv_fields = (
        "slug",
        "title",
        "kind",
        "status",
        "series",
        "number",
        "start_on",
        "start_on_precision",
        "start_on_inferred",
        "start_on_text",
        "end_on",
        "end_on_precision",
        "end_on_text",
        "place",
        "country",
        "is_overdue",
        "is_due_soon",
        "topics",
        "updated_at",
    )
