"""How topics, organisations, people and meetings look in the seed files."""

from dialogue.models import (
    Meeting,
    MeetingKind,
    MeetingSeries,
    MeetingStatus,
    Participation,
    ParticipationRole,
)
from people.models import Organisation, Person
from seeding.loader.fields import (
    CITED,
    Children,
    Choice,
    Citations,
    Integer,
    PartialDate,
    Ref,
    Refs,
    Text,
)
from seeding.loader.handlers import ChildHandler, SeedHandler, register
from topics.models import Topic


@register
class MeetingSeriesHandler(SeedHandler):
    model = MeetingSeries
    file = "meeting_series.yaml"
    order = 40
    fields = (
        Text("name", required=True),
        Text("short_name"),
        Text("description"),
        PartialDate("established_on"),
        Text("frequency"),
        Citations(required=True),
    )
    prefetch = CITED


class ParticipationHandler(ChildHandler):
    model = Participation
    parent_attr = "meeting"
    fields = (
        Ref("person", Person),
        Ref("organisation", Organisation),
        Choice("role", ParticipationRole, default=ParticipationRole.PARTICIPANT),
        Text("note"),
        Citations(),
    )


@register
class MeetingHandler(SeedHandler):
    model = Meeting
    file = "meetings.yaml"
    order = 50
    fields = (
        Text("title", required=True),
        Choice("kind", MeetingKind, required=True),
        Choice("status", MeetingStatus, default=MeetingStatus.HELD),
        Ref("series", MeetingSeries),
        Integer("number"),
        PartialDate("start_on"),
        PartialDate("end_on"),
        Text("place"),
        Text("country"),
        Text("summary"),
        Refs("topics", Topic),
        Citations(required=True),
        Children("participants", ParticipationHandler(), attr="participations"),
    )
    select = ("series",)
    prefetch = (
        *CITED,
        "topics",
        "participations__person",
        "participations__organisation",
        "participations__citations__source",
    )
