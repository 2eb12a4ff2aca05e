from django.db.models import Prefetch
from django.views.generic import DetailView

from core.models import related_model
from core.views import AsOfMixin, FilteredListView
from topics.filters import TopicFilterSet
from topics.models import Topic


class TopicListView(FilteredListView):
    filterset_class = TopicFilterSet
    template_name = "topics/topic_list.html"
    paginate_by = 100
    csv_filename = "topics"
    csv_columns = (("slug", lambda t: t.slug), ("name", lambda t: t.name))

    def get_queryset(self):
        return Topic.objects.published()


class TopicDetailView(AsOfMixin, DetailView):
    template_name = "topics/topic_detail.html"
    context_object_name = "topic"

    def get_queryset(self):
        return Topic.objects.published().prefetch_related(
            "agreements",
            Prefetch(
                "meetings",
                queryset=related_model(Topic, "meetings").objects.select_related("series"),
            ),
            "commitments",
            "figures",
        )
