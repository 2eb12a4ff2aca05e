from core.api.viewsets import ApiViewSet, summaries
from topics.filters import TopicFilterSet
from topics.models import Topic
from topics.serializers import TopicSerializer


@summaries("topics", "a topic")
class TopicViewSet(ApiViewSet):
    """Subjects agreements, meetings, commitments and figures are about."""

    queryset = Topic.objects.for_api()
    serializer_class = TopicSerializer
    filterset_class = TopicFilterSet
    lookup_field = "slug"
    csv_fields = ("slug", "name", "description", "updated_at")
