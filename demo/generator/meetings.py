"""Meeting series, and meetings: in a series (rounds numbered in date order)
or one-off, each with its participants and quotes in a briefing."""

import datetime
from collections import defaultdict
from typing import NamedTuple

from demo import words
from demo.generator.context import DEMO_PREFIX, PUBLISHED, DemoContext
from demo.generator.dates import DAY, FIRST_DAY, YEAR, when
from demo.generator.participations import make_participations
from demo.generator.registry import (
    FieldTopics,
    HeldMeeting,
    MeetingMade,
    Organisations,
    People,
    Series,
)
from demo.generator.sources import briefing, cite
from demo.generator.text import slug_words
from dialogue.models import Meeting, MeetingKind, MeetingSeries, MeetingStatus

ONE_OFF_POSTS = ("Foreign Secretary", "Minister of Energy", "Trade Envoy")


class Plan(NamedTuple):
    """A meeting's true date, and its series and round number if in one."""

    day: datetime.date
    series: Series | None
    number: int | None


class Place(NamedTuple):
    name: str
    country: str


def make_series(ctx: DemoContext, count: int) -> list[Series]:
    return [_series(ctx) for _ in range(count)]


def _series(ctx: DemoContext) -> Series:
    r = ctx.r
    form, frequency = r.choice(words.SERIES_FORMS)
    name = form.format(field_t=r.choice(words.FIELDS).phrase.title())
    pk = ctx.new_id(MeetingSeries)
    established = ctx.random_day(FIRST_DAY, datetime.date(2015, 1, 1))
    created, updated = ctx.stamps(established)
    number = ctx.ordinal(MeetingSeries, pk)
    ctx.add(
        MeetingSeries,
        {
            "id": pk,
            "created_at": created,
            "updated_at": updated,
            "publication": PUBLISHED,
            "slug": f"{DEMO_PREFIX}series-{number}-{slug_words(name, 70)}",
            "name": name,
            "short_name": name.split(" on ")[0][:60],
            "description": f"A {frequency} format for {r.choice(words.AIMS)}.",
            "frequency": frequency,
            "established_on": established.replace(month=1, day=1),
            "established_on_precision": YEAR,
        },
    )
    cite(
        ctx,
        briefing(ctx),
        f"The {name}, established in {established.year}, meets {frequency}.",
        MeetingSeries,
        pk,
        0,
        day=established,
    )
    return Series(pk, name)


def make_meetings(
    ctx: DemoContext,
    count: int,
    series: list[Series],
    people: People,
    organisations: Organisations,
    field_topics: FieldTopics,
) -> list[HeldMeeting]:
    """Every meeting; returns those held, for agreements to refer to."""
    held = []
    for plan in _plans(ctx, count, series):
        meeting = _meeting(ctx, plan, people)
        _add_topics(ctx, meeting.id, field_topics)
        _cite_meeting(ctx, meeting)
        make_participations(ctx, meeting, people, organisations)
        if meeting.status == MeetingStatus.HELD:
            start_on = meeting.start_on
            held.append(
                HeldMeeting(
                    meeting.id, start_on.day, start_on.precision, meeting.place, meeting.country
                )
            )
    return held


def _plans(ctx: DemoContext, count: int, series: list[Series]) -> list[Plan]:
    """Each meeting's date and series, drawn for all meetings first, so that
    rounds can be numbered in date order within their series."""
    r = ctx.r
    in_series = [r.random() < 0.45 for _ in range(count)]
    days = [ctx.random_day(datetime.date(1996, 1, 1)) for _ in range(count)]
    series_of = [r.randrange(len(series)) if flag else None for flag in in_series]
    numbers: dict[int, int] = {}
    rounds: dict[int, int] = defaultdict(int)
    for index in sorted(range(count), key=lambda index: days[index]):
        if series_of[index] is not None:
            rounds[series_of[index]] += 1
            numbers[index] = rounds[series_of[index]]
    return [
        Plan(days[index], None, None)
        if series_of[index] is None
        else Plan(days[index], series[series_of[index]], numbers[index])
        for index in range(count)
    ]


def _meeting(ctx: DemoContext, plan: Plan, people: People) -> MeetingMade:
    """The meeting's row, its fields drawn in the order they are decided."""
    r = ctx.r
    pk = ctx.new_id(Meeting)
    start_on = ctx.partial_date(plan.day)
    place = _place(ctx)
    field = r.choice(words.FIELDS).phrase
    kz = r.choice(people.by_country["KZ"])
    gb = r.choice(people.by_country["GB"])
    if plan.series is not None:
        kind, title = _round_title(plan.series, plan.number)
    else:
        kind, title = _one_off_title(ctx, place, field, people.names[kz], people.names[gb])
    status = _status(ctx)
    end_on = None
    if start_on.precision == DAY and r.random() < 0.2:
        end_on = plan.day + datetime.timedelta(days=r.randrange(1, 4))
    summary = (
        f"Delegations discussed {field} and {r.choice(words.FIELDS).phrase}, agreeing on "
        f"{r.choice(words.PROVISIONS)}. {r.choice(words.BACKGROUND)}"
    )
    meeting = MeetingMade(
        pk, kind, title, status, place.name, place.country, start_on, end_on, summary, kz, gb
    )
    _add_meeting(ctx, meeting, plan)
    return meeting


def _place(ctx: DemoContext) -> Place:
    r = ctx.r
    country = r.choice(("KZ", "GB", "KZ", "GB", ""))
    if country == "KZ":
        return Place(r.choice(words.KZ_PLACES), country)
    if country == "GB":
        return Place(r.choice(words.GB_PLACES), country)
    name, country = r.choice(words.OTHER_PLACES)
    return Place(name, country)


def _round_title(series: Series, number: int) -> tuple[str, str]:
    """(kind, title) of a numbered round of a series."""
    kind = MeetingKind.DIALOGUE_ROUND if "Dialogue" in series.name else MeetingKind.COMMISSION
    title = f"{words.ORDINALS[(number - 1) % 12].title()} meeting of the {series.name}"
    if number > 12:
        title = f"Meeting no. {number} of the {series.name}"
    return kind, title


def _one_off_title(ctx: DemoContext, place: Place, field: str, kz: str, gb: str) -> tuple[str, str]:
    """(kind, title) of a meeting outside any series."""
    r = ctx.r
    kind = r.choice(list(words.MEETING_FORMS))
    title = words.MEETING_FORMS[kind].format(
        post=r.choice(ONE_OFF_POSTS), place=place.name, who=kz, who2=gb, field=field
    )
    return kind, title


def _status(ctx: DemoContext) -> str:
    roll = ctx.r.random()
    if roll < 0.03:
        return MeetingStatus.CANCELLED
    if roll < 0.05:
        return MeetingStatus.POSTPONED
    return MeetingStatus.HELD


def _add_meeting(ctx: DemoContext, meeting: MeetingMade, plan: Plan) -> None:
    created, updated = ctx.stamps(plan.day)
    number = ctx.ordinal(Meeting, meeting.id)
    ctx.add(
        Meeting,
        {
            "id": meeting.id,
            "created_at": created,
            "updated_at": updated,
            "publication": PUBLISHED,
            "slug": f"{DEMO_PREFIX}meeting-{number}-{slug_words(meeting.title, 60)}",
            "title": meeting.title[:300],
            "kind": meeting.kind,
            "status": meeting.status,
            "series_id": plan.series.id if plan.series is not None else None,
            "number": plan.number,
            "place": meeting.place,
            "country": meeting.country,
            "summary": meeting.summary,
            "start_on": meeting.start_on.day,
            "start_on_precision": meeting.start_on.precision,
            "end_on": meeting.end_on,
            "end_on_precision": DAY,
        },
    )


def _add_topics(ctx: DemoContext, meeting: int, field_topics: FieldTopics) -> None:
    """The topics of one field of cooperation, drawn anew (not the title's)."""
    for topic in set(field_topics[ctx.r.randrange(len(words.FIELDS))]):
        ctx.add(Meeting.topics.through, {"meeting_id": meeting, "topic_id": topic})


def _cite_meeting(ctx: DemoContext, meeting: MeetingMade) -> None:
    r = ctx.r
    document = briefing(ctx)
    at = when(meeting.start_on.day, meeting.start_on.precision)
    cite(
        ctx,
        document,
        f"The {meeting.title} took place in {meeting.place} {at}.",
        Meeting,
        meeting.id,
        0,
        field_name="start_on",
        day=meeting.start_on.day,
    )
    if r.random() < 0.5:
        first_sentence = meeting.summary.split(". ")[0] + "."
        cite(ctx, document, first_sentence, Meeting, meeting.id, 1, field_name="summary")
