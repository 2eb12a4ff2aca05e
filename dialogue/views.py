from django.db.models import F, Prefetch
from django.views.generic import DetailView

from core.views import AsOfMixin, FilteredListView, date_columns, slugs
from dialogue.filters import MeetingFilterSet
from dialogue.models import Meeting, MeetingSeries
from evidence.models import Citation

CITED = Prefetch("citations", queryset=Citation.objects.select_related("source"))


class MeetingListView(FilteredListView):
    filterset_class = MeetingFilterSet
    template_name = "dialogue/meeting_list.html"
    csv_filename = "meetings"
    csv_columns = (
        ("slug", lambda m: m.slug),
        ("title", lambda m: m.title),
        ("series", lambda m: m.series),
        ("number", lambda m: m.number),
        ("kind", lambda m: m.kind),
        ("status", lambda m: m.status),
        ("is_overdue", lambda m: m.is_overdue),
        ("is_due_soon", lambda m: m.is_due_soon),
        *date_columns("start_on"),
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
        return Meeting.objects.published().for_detail().with_due(self.as_of)


class MeetingSeriesDetailView(AsOfMixin, DetailView):
    template_name = "dialogue/series_detail.html"
    context_object_name = "series"

    def get_queryset(self):
        return MeetingSeries.objects.published().prefetch_related(
            CITED, Prefetch("meetings", queryset=Meeting.objects.for_list())
        )
