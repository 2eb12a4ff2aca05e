from seeding.loader.fields import Text
from seeding.loader.handlers import SeedHandler, register
from topics.models import Topic


@register
class TopicHandler(SeedHandler):
    model = Topic
    file = "topics.yaml"
    order = 10
    fields = (Text("name", required=True), Text("description"))
