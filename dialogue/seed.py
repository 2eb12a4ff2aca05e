"""How topics, organisations, people and meetings look in the seed files."""

from dialogue.models import (
    Meeting,
    MeetingKind,
    MeetingSeries,
    MeetingStatus,
    Organisation,
    OrganisationKind,
    Participation,
    ParticipationRole,
    Person,
    Post,
    Topic,
)
from seeds.loader.fields import (
    Children,
    Choice,
    Citations,
    Integer,
    PartialDate,
    Ref,
    Refs,
    Text,
)
from seeds.loader.handlers import ChildHandler, SeedHandler, register

CITED = ("citations__source",)


@register
class TopicHandler(SeedHandler):
    model = Topic
    file = "topics.yaml"
    order = 10
    fields = (Text("name", required=True), Text("description"))


@register
class OrganisationHandler(SeedHandler):
    model = Organisation
    file = "organisations.yaml"
    order = 20
    fields = (
        Text("name", required=True),
        Text("short_name"),
        Choice("kind", OrganisationKind, required=True),
        Text("country"),
        Ref("parent", Organisation, same_file=True),
        Text("description"),
        Citations(required=True),
    )
    select = ("parent",)
    prefetch = CITED


class PostHandler(ChildHandler):
    model = Post
    parent_attr = "person"
    fields = (
        Text("title", required=True),
        Ref("organisation", Organisation),
        PartialDate("start_on"),
        PartialDate("end_on"),
        Text("note"),
        Citations(required=True),
    )


@register
class PersonHandler(SeedHandler):
    model = Person
    file = "people.yaml"
    order = 30
    fields = (
        Text("name", required=True),
        Text("country"),
        Text("description"),
        Citations(required=True),
        Children("posts", PostHandler()),
    )
    prefetch = (*CITED, "posts__organisation", "posts__citations__source")


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
