from django.db.models import F, Prefetch
from django.views.generic import DetailView

from dialogue.filters import (
    MeetingFilterSet,
    OrganisationFilterSet,
    PersonFilterSet,
    TopicFilterSet,
)
from dialogue.models import Meeting, MeetingSeries, Organisation, Participation, Person, Post, Topic
from seeds.listing import AsOfMixin, FilteredListView, slugs
from seeds.models import Citation

CITED = Prefetch("citations", queryset=Citation.objects.select_related("source"))


class MeetingListView(FilteredListView):
    filterset_class = MeetingFilterSet
    template_name = "dialogue/meeting_list.html"
    csv_filename = "meetings"
    csv_columns = (
        ("slug", lambda m: m.slug),
        ("title", lambda m: m.title),
        ("series", lambda m: m.series.slug if m.series else ""),
        ("number", lambda m: m.number),
        ("kind", lambda m: m.kind),
        ("status", lambda m: m.status),
        ("start_on", lambda m: m.start_on),
        ("start_on_precision", lambda m: m.start_on_precision),
        ("place", lambda m: m.place),
        ("country", lambda m: m.country),
        ("topics", lambda m: slugs(m.topics)),
    )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # Best first when a search ranked them (no order chosen, few enough
        # matches); otherwise grouped by series.
        context["ranked"] = not self.request.GET.get("ordering") and any(
            getattr(meeting, "search_rank", None) is not None for meeting in context["object_list"]
        )
        return context

    def get_queryset(self):
        # Grouped by series on the page, so sorted by series first.
        return (
            Meeting.objects.published()
            .for_list()
            .order_by(
                F("series__name").asc(nulls_last=True), F("start_on").desc(nulls_last=True), "slug"
            )
        )


class MeetingDetailView(AsOfMixin, DetailView):
    template_name = "dialogue/meeting_detail.html"
    context_object_name = "meeting"

    def get_queryset(self):
        return Meeting.objects.published().for_detail()


class MeetingSeriesDetailView(AsOfMixin, DetailView):
    template_name = "dialogue/series_detail.html"
    context_object_name = "series"

    def get_queryset(self):
        return MeetingSeries.objects.published().prefetch_related(
            CITED, Prefetch("meetings", queryset=Meeting.objects.for_list())
        )


class PersonListView(FilteredListView):
    filterset_class = PersonFilterSet
    template_name = "dialogue/person_list.html"
    csv_filename = "people"
    csv_columns = (
        ("slug", lambda p: p.slug),
        ("name", lambda p: p.name),
        ("country", lambda p: p.country),
        ("posts", lambda p: "; ".join(post.title for post in p.posts.all())),
    )

    def get_queryset(self):
        return Person.objects.published().for_list()


class PersonDetailView(AsOfMixin, DetailView):
    template_name = "dialogue/person_detail.html"
    context_object_name = "person"

    def get_queryset(self):
        return Person.objects.published().prefetch_related(
            CITED,
            Prefetch(
                "posts",
                queryset=Post.objects.select_related("organisation").prefetch_related(CITED),
            ),
            Prefetch(
                "participations",
                queryset=Participation.objects.select_related("meeting", "organisation").order_by(
                    "-meeting__start_on"
                ),
            ),
            "agreements_signed",
            "commitments",
        )


class OrganisationListView(FilteredListView):
    filterset_class = OrganisationFilterSet
    template_name = "dialogue/organisation_list.html"
    csv_filename = "organisations"
    csv_columns = (
        ("slug", lambda o: o.slug),
        ("name", lambda o: o.name),
        ("short_name", lambda o: o.short_name),
        ("kind", lambda o: o.kind),
        ("country", lambda o: o.country),
        ("parent", lambda o: o.parent.slug if o.parent else ""),
    )

    def get_queryset(self):
        return Organisation.objects.published().select_related("parent")


class OrganisationDetailView(AsOfMixin, DetailView):
    template_name = "dialogue/organisation_detail.html"
    context_object_name = "organisation"

    def get_queryset(self):
        return (
            Organisation.objects.published()
            .select_related("parent")
            .prefetch_related(
                CITED,
                "children",
                Prefetch("posts", queryset=Post.objects.select_related("person")),
                Prefetch(
                    "participations",
                    queryset=Participation.objects.select_related("meeting", "person"),
                ),
                "agreements",
                "commitments",
                "figures",
            )
        )


class TopicListView(FilteredListView):
    filterset_class = TopicFilterSet
    template_name = "dialogue/topic_list.html"
    paginate_by = 100
    csv_filename = "topics"
    csv_columns = (("slug", lambda t: t.slug), ("name", lambda t: t.name))

    def get_queryset(self):
        return Topic.objects.published()


class TopicDetailView(AsOfMixin, DetailView):
    template_name = "dialogue/topic_detail.html"
    context_object_name = "topic"

    def get_queryset(self):
        return Topic.objects.published().prefetch_related(
            "agreements",
            Prefetch("meetings", queryset=Meeting.objects.select_related("series")),
            "commitments",
            "figures",
        )
