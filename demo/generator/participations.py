"""Who took part in a meeting, each with a quote in the briefing."""

from typing import NamedTuple

from demo.generator.context import DemoContext
from demo.generator.document import Document
from demo.generator.registry import MeetingMade, Organisations, People
from demo.generator.sources import briefing, cite
from dialogue.models import MeetingKind, Participation, ParticipationRole

Role = ParticipationRole
CO_CHAIRED = (MeetingKind.DIALOGUE_ROUND, MeetingKind.COMMISSION)


class Attendee(NamedTuple):
    person: int
    role: str


def make_participations(
    ctx: DemoContext, meeting: MeetingMade, people: People, organisations: Organisations
) -> None:
    """The two leads, a few delegates or speakers (each person once), and
    now and then an organisation's delegation."""
    attendees = _attendees(ctx, meeting, people)
    seen = set()
    document = briefing(ctx)
    for position, attendee in enumerate(attendees):
        if attendee.person in seen:
            continue
        seen.add(attendee.person)
        _person(ctx, document, meeting, attendee, position, people, organisations)
    if ctx.r.random() < 0.25:
        # Numbered after every attendee drawn, the ones seen twice included.
        _delegation(ctx, document, meeting, len(attendees), organisations)


def _attendees(ctx: DemoContext, meeting: MeetingMade, people: People) -> list[Attendee]:
    r = ctx.r
    kz, gb = meeting.kz, meeting.gb
    if meeting.kind in CO_CHAIRED:
        attendees = [Attendee(kz, Role.CO_CHAIR), Attendee(gb, Role.CO_CHAIR)]
    elif meeting.kind == MeetingKind.OFFICIAL_VISIT:
        attendees = [Attendee(gb, Role.GUEST), Attendee(kz, Role.HOST)]
    else:
        attendees = [Attendee(kz, Role.PARTICIPANT), Attendee(gb, Role.PARTICIPANT)]
    for _ in range(r.choice((0, 0, 1, 1, 2, 3))):
        country = r.choice(("KZ", "GB"))
        role = r.choice((Role.DELEGATE, Role.SPEAKER))
        attendees.append(Attendee(r.choice(people.by_country[country]), role))
    return attendees


def _person(
    ctx: DemoContext,
    document: Document,
    meeting: MeetingMade,
    attendee: Attendee,
    position: int,
    people: People,
    organisations: Organisations,
) -> None:
    r = ctx.r
    day = meeting.start_on.day
    pk = ctx.new_id(Participation)
    organisation = r.choice(organisations.by_country["KZ" if position % 2 == 0 else "GB"])
    with_org = r.random() < 0.4
    created, updated = ctx.stamps(day)
    ctx.add(
        Participation,
        {
            "id": pk,
            "created_at": created,
            "updated_at": updated,
            "meeting_id": meeting.id,
            "person_id": attendee.person,
            "organisation_id": organisation if with_org else None,
            "role": attendee.role,
            "position": position,
        },
    )
    name = people.names[attendee.person]
    cite(
        ctx,
        document,
        f"{name} attended the meeting in {meeting.place} as {attendee.role.replace('_', ' ')}.",
        Participation,
        pk,
        0,
        quote=f"{name} attended the meeting in {meeting.place}",
        day=day,
    )


def _delegation(
    ctx: DemoContext,
    document: Document,
    meeting: MeetingMade,
    position: int,
    organisations: Organisations,
) -> None:
    r = ctx.r
    pk = ctx.new_id(Participation)
    created, updated = ctx.stamps(meeting.start_on.day)
    organisation = r.choice(organisations.by_country[r.choice(("KZ", "GB"))])
    ctx.add(
        Participation,
        {
            "id": pk,
            "created_at": created,
            "updated_at": updated,
            "meeting_id": meeting.id,
            "organisation_id": organisation,
            "role": Role.PARTICIPANT,
            "position": position,
            "note": "Represented by its delegation.",
        },
    )
    sentence = f"A delegation of the {organisations.names[organisation]} also took part."
    cite(ctx, document, sentence, Participation, pk, 0)
