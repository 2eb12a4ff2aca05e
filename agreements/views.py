from django.views.generic import DetailView

from agreements.charts import figure_values, tracks_chart
from agreements.filters import AgreementFilterSet, CommitmentFilterSet, FigureFilterSet
from agreements.models import (
    Agreement,
    Commitment,
    Figure,
)
from core.models import is_public
from core.views import AsOfMixin, FilteredListView, date_columns, slugs
from evidence.models import fetch_citations

# Where a placeholder stands in a list's csv_columns, the status columns go.
STANDING_COLUMNS = ("<standing>", None)


class StatusListView(FilteredListView):
    """A list of status-tracked records: its CSV reads each row's status,
    since and last confirmed the way its page does (`standing_shown`), as
    of the list's date."""

    def get_csv_columns(self):
        columns = []
        for column in self.csv_columns:
            columns.extend(standing_columns(self.as_of) if column is STANDING_COLUMNS else [column])
        return tuple(columns)


def standing_columns(as_of) -> list:
    def part(name):
        return lambda row: getattr(row.standing_shown(as_of), name)

    def precision(name):
        def value(row):
            shown = row.standing_shown(as_of)
            return getattr(shown, f"{name}_precision") if getattr(shown, name) else ""

        return value

    return [
        ("status", part("status")),
        ("status_since", part("since")),
        ("status_since_precision", precision("since")),
        ("status_since_inferred", part("since_inferred")),
        ("status_confirmed_on", part("confirmed_on")),
        ("status_confirmed_on_precision", precision("confirmed_on")),
        ("status_confirmed_on_inferred", part("confirmed_on_inferred")),
    ]


class AgreementListView(StatusListView):
    filterset_class = AgreementFilterSet
    template_name = "agreements/agreement_list.html"
    csv_filename = "agreements"
    csv_columns = (
        ("slug", lambda a: a.slug),
        ("title", lambda a: a.title),
        ("short_title", lambda a: a.short_title),
        ("kind", lambda a: a.kind),
        STANDING_COLUMNS,
        ("is_stale", lambda a: a.is_stale),
        *date_columns("signed_on"),
        ("signed_at", lambda a: a.signed_at),
        ("parties", lambda a: slugs(a.parties)),
        ("topics", lambda a: slugs(a.topics)),
    )

    def get_queryset(self):
        return Agreement.objects.published().for_list().order_by("-signed_on", "title")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        for agreement in context["object_list"]:
            agreement.shown_status = agreement.status_shown(self.as_of)
        return context


class AgreementDetailView(AsOfMixin, DetailView):
    """An agreement, its status timeline (one track per country where steps
    are one side's) and the quotes behind every step."""

    template_name = "agreements/agreement_detail.html"
    context_object_name = "agreement"

    def get_queryset(self):
        return Agreement.objects.published().for_detail().with_freshness(self.as_of)

    def get_object(self, queryset=None):
        agreement = super().get_object(queryset)
        fetch_citations([agreement, *agreement.status_events.all()])
        return agreement

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        agreement, as_of = self.object, self.as_of
        events = agreement.status_timeline(as_of)
        context["events"] = events
        context["deciding_event"] = agreement.status_event_on(as_of)
        # A draft party has no track of its own: as if not recorded yet.
        context["tracks"] = [
            track for track in agreement.tracks_on(as_of) if is_public(track.party)
        ]
        context["tracks_chart"] = tracks_chart(agreement, context["tracks"], as_of)
        context["later_count"] = sum(event.later for event in events)
        context.update(_known_by(agreement, as_of))
        return context


def _happened(records, field: str, as_of) -> list:
    """The public records dated on or before `as_of` (all when None)."""
    return [
        record
        for record in records
        if is_public(record)
        and (as_of is None or (getattr(record, field) and getattr(record, field) <= as_of))
    ]


def _known_by(agreement: Agreement, as_of) -> dict:
    """What the agreement page shows as of its date: a signing, meetings and
    commitments dated later had not happened yet."""
    signed = agreement.signed_on
    return {
        "signed_by_then": signed is not None and (as_of is None or signed <= as_of),
        "meetings_made": _happened(agreement.meetings.all(), "start_on", as_of),
        "meetings_discussed": _happened(agreement.discussed_at.all(), "start_on", as_of),
        "commitments_by_then": [
            commitment
            for commitment in agreement.commitments.all()
            if is_public(commitment)
            and (as_of is None or (commitment.status_since or commitment.due_on or as_of) <= as_of)
        ],
    }


class CommitmentListView(StatusListView):
    filterset_class = CommitmentFilterSet
    template_name = "agreements/commitment_list.html"
    csv_filename = "commitments"
    csv_columns = (
        ("slug", lambda c: c.slug),
        ("title", lambda c: c.title),
        STANDING_COLUMNS,
        ("is_overdue", lambda c: c.is_overdue),
        ("is_due_soon", lambda c: c.is_due_soon),
        ("is_stale", lambda c: c.is_stale),
        *date_columns("due_on"),
        ("parties", lambda c: slugs(c.parties)),
        ("meeting", lambda c: c.meeting),
        ("agreement", lambda c: c.agreement),
        ("topics", lambda c: slugs(c.topics)),
    )

    def get_queryset(self):
        return Commitment.objects.published().for_list()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        for commitment in context["object_list"]:
            commitment.shown_status = commitment.status_shown(self.as_of)
        return context


class CommitmentDetailView(AsOfMixin, DetailView):
    template_name = "agreements/commitment_detail.html"
    context_object_name = "commitment"

    def get_queryset(self):
        return Commitment.objects.published().for_detail().with_freshness(self.as_of)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["events"] = self.object.status_timeline(self.as_of)
        context["deciding_event"] = self.object.status_event_on(self.as_of)
        return context


class FigureListView(FilteredListView):
    filterset_class = FigureFilterSet
    template_name = "agreements/figure_list.html"
    csv_filename = "figures"
    csv_columns = (
        ("slug", lambda f: f.slug),
        ("name", lambda f: f.name),
        ("metric", lambda f: f.metric),
        ("value", lambda f: f.value.normalize() if f.value is not None else ""),
        ("unit", lambda f: f.unit),
        ("value_text", lambda f: f.value_text),
        ("approximation", lambda f: f.approximation),
        *date_columns("as_of"),
        ("sources", lambda f: [c.source for c in f.citations.all()]),
    )

    def get_queryset(self):
        return Figure.objects.published().for_list()


class FigureDetailView(AsOfMixin, DetailView):
    """A figure, beside every other figure of the same metric: sources that
    disagree are shown side by side."""

    template_name = "agreements/figure_detail.html"
    context_object_name = "figure"

    def get_queryset(self):
        return Figure.objects.published().for_list()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["same_metric"] = list(
            Figure.objects.published()
            .for_list()
            .filter(metric=self.object.metric)
            .order_by("-as_of", "slug")
        )
        if len(context["same_metric"]) > 1:
            context["chart"] = figure_values(self.object, context["same_metric"])
        return context
