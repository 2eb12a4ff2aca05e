from core.filters import TextSearchFilter, UpdatedSinceFilterSet
from topics.models import TOPIC_SEARCH, Topic


class TopicFilterSet(UpdatedSinceFilterSet):
    search = TextSearchFilter(spec=TOPIC_SEARCH)

    class Meta:
        model = Topic
        fields = ("search", "updated_since")
