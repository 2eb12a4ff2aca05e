from core.api.fields import self_link
from core.api.serializers import (
    DescribedModelSerializer,
    ValidatedModelSerializer,
)
from topics.models import Topic


class TopicSummarySerializer(DescribedModelSerializer):
    url = self_link("api:topic-detail")

    class Meta:
        model = Topic
        fields = ("slug", "name", "url")
        read_only_fields = fields


class TopicSerializer(ValidatedModelSerializer):
    url = self_link("api:topic-detail")

    class Meta:
        model = Topic
        fields = ("slug", "url", "name", "description", "created_at", "updated_at")
        read_only_fields = ("created_at", "updated_at")
