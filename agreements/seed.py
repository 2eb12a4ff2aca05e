"""How agreements, commitments and figures look in the seed files."""

from agreements.models import (
    Agreement,
    AgreementKind,
    AgreementRelation,
    AgreementStatus,
    Approximation,
    Commitment,
    CommitmentStatus,
    CommitmentStatusEvent,
    Figure,
    RelationKind,
    StatusEvent,
)
from agreements.status_rules import EventKind, TrackStep
from dialogue.models import Meeting
from people.models import Organisation, Person
from seeding.loader.errors import SeedError
from seeding.loader.fields import (
    CITED,
    Bool,
    Children,
    Choice,
    Citations,
    Decimal,
    PartialDate,
    Ref,
    Refs,
    Text,
)
from seeding.loader.handlers import ChildHandler, SeedHandler, register
from topics.models import Topic


class StatusEventHandler(ChildHandler):
    model = StatusEvent
    parent_attr = "agreement"
    fields = (
        Choice("status", AgreementStatus, required=True),
        Choice("kind", EventKind, default=EventKind.CHANGE),
        PartialDate("date", required=True),
        Ref("party", Organisation),
        Choice("step", TrackStep, default=""),
        Text("note"),
        Citations(required=True),
    )


class RelationHandler(ChildHandler):
    model = AgreementRelation
    parent_attr = "agreement"
    position_attr = None
    fields = (
        Choice("kind", RelationKind, required=True),
        Ref("agreement", Agreement, attr="target", required=True, same_file=True),
        Citations(),
    )


class StatusTrackedHandler(SeedHandler):
    def after_write(self, obj, ctx):
        # In the order of the YAML list, so that a problem names its index.
        events = list(obj.status_events.select_related("party").order_by("position", "pk"))
        for problem in obj.status_problems(events):
            where = f"status_events[{problem.index}].{problem.field}"
            raise SeedError(problem.message, field=where)
        obj.refresh_status()


@register
class AgreementHandler(StatusTrackedHandler):
    model = Agreement
    file = "agreements.yaml"
    order = 60
    fields = (
        Text("title", required=True),
        Text("short_title"),
        Choice("kind", AgreementKind, required=True),
        Refs("parties", Organisation),
        Refs("signatories", Person),
        PartialDate("signed_on"),
        Text("signed_at"),
        Bool("legally_binding", nullable=True),
        Bool("requires_ratification", nullable=True),
        Refs("topics", Topic),
        Text("summary"),
        Refs("meetings", Meeting),
        Refs("discussed_at", Meeting),
        Text("treaty_series_number"),
        Text("command_paper_number"),
        Text("un_registration_number"),
        Text("official_url"),
        Citations(required=True),
        Children("relations", RelationHandler()),
        Children("status_events", StatusEventHandler()),
    )
    prefetch = (
        *CITED,
        "parties",
        "signatories",
        "topics",
        "meetings",
        "discussed_at",
        "relations__target",
        "relations__citations__source",
        "status_events__party",
        "status_events__citations__source",
    )


class CommitmentEventHandler(StatusEventHandler):
    model = CommitmentStatusEvent
    parent_attr = "commitment"
    fields = tuple(
        Choice("status", CommitmentStatus, required=True) if field.key == "status" else field
        for field in StatusEventHandler.fields
        if field.key != "step"
    )


@register
class CommitmentHandler(StatusTrackedHandler):
    model = Commitment
    file = "commitments.yaml"
    order = 70
    fields = (
        Text("title", required=True),
        Text("description"),
        Refs("parties", Organisation),
        Refs("people", Person),
        Ref("meeting", Meeting),
        Ref("agreement", Agreement),
        PartialDate("due_on"),
        Refs("topics", Topic),
        Citations(required=True),
        Children("status_events", CommitmentEventHandler()),
    )
    select = ("meeting", "agreement")
    prefetch = (
        *CITED,
        "parties",
        "people",
        "topics",
        "status_events__party",
        "status_events__citations__source",
    )


@register
class FigureHandler(SeedHandler):
    model = Figure
    file = "figures.yaml"
    order = 80
    fields = (
        Text("name", required=True),
        Text("metric", required=True),
        Decimal("value", required=True),
        Text("unit", required=True),
        Text("value_text"),
        Choice("approximation", Approximation, default=Approximation.EXACT),
        PartialDate("as_of"),
        Ref("subject", Organisation),
        Refs("topics", Topic),
        Text("note"),
        Citations(required=True),
    )
    select = ("subject",)
    prefetch = (*CITED, "topics")
