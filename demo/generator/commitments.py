"""Commitments one side announced, at a meeting, under an agreement of the
report or on their own; each with its status events and their quotes. The
record's status is that of its last event."""

import datetime
import random
from typing import NamedTuple

from agreements.models import Commitment, CommitmentStatusEvent
from agreements.models import CommitmentStatus as C
from core.dates import period_end
from demo import words
from demo.generator.context import DEMO_PREFIX, PUBLISHED, DemoContext
from demo.generator.dates import DAY, LAST_DAY, MONTH, UNDATED, YEAR, PartialDate, truncate, when
from demo.generator.registry import AgreementMade, HeldMeeting, Organisations, Registry
from demo.generator.sources import Report, cite
from demo.generator.status import Derived, derive, event_fields, record_fields

# The {n} of the forms: scholarships, specialists, millions of pounds.
COUNTS = (5, 10, 20, 25, 50, 100, 150, 300)
DUE_PRECISIONS = (DAY, MONTH, MONTH, YEAR, YEAR)


class Origin(NamedTuple):
    """What the commitment was made at or under, and the day it was announced."""

    meeting_id: int | None
    agreement_id: int | None
    announced: datetime.date


class Committed(NamedTuple):
    """Who made the commitment: a state, now and then with one of its bodies."""

    state: int
    body: int | None


class Step(NamedTuple):
    status: str
    day: datetime.date


class DatedStep(NamedTuple):
    status: str
    day: datetime.date
    precision: str
    position: int


class Draft(NamedTuple):
    """Everything drawn for a commitment before its rows are written."""

    id: int
    field_index: int  # in words.FIELDS
    country: str
    title: str
    committed: Committed
    origin: Origin
    events: list[DatedStep]
    due_on: PartialDate

    @property
    def lowered(self) -> str:
        return self.title[0].lower() + self.title[1:]


def make_commitment(
    ctx: DemoContext, registry: Registry, report: Report, made_here: list[AgreementMade]
) -> None:
    r = ctx.r
    pk = ctx.new_id(Commitment)
    field_index = r.randrange(len(words.FIELDS))
    country = r.choice(("KZ", "GB"))
    title = _title(r, words.FIELDS[field_index].phrase, country)
    committed = _committed(r, registry.organisations, country)
    origin = _origin(ctx, registry.meetings, made_here)
    steps, due = _steps(r, origin.announced)
    events = _dated(ctx, steps)
    due_on = UNDATED
    if due is not None:
        due_precision = r.choice(DUE_PRECISIONS)
        due_on = PartialDate(truncate(due, due_precision), due_precision)
    commitment = Draft(pk, field_index, country, title, committed, origin, events, due_on)
    _add_commitment(ctx, commitment, registry.organisations)
    _add_links(ctx, commitment, registry)
    _add_status_events(ctx, commitment, registry.organisations, report)


def _title(r: random.Random, field: str, country: str) -> str:
    places = words.KZ_PLACES if country == "KZ" else words.GB_PLACES
    return r.choice(words.COMMITMENT_FORMS).format(
        field=field, place=r.choice(places), n=r.choice(COUNTS)
    )


def _committed(r: random.Random, organisations: Organisations, country: str) -> Committed:
    state = organisations.kazakhstan if country == "KZ" else organisations.united_kingdom
    if r.random() < 0.35:
        return Committed(state, r.choice(organisations.by_country[country]))
    return Committed(state, None)


def _origin(
    ctx: DemoContext, meetings: list[HeldMeeting], made_here: list[AgreementMade]
) -> Origin:
    r = ctx.r
    roll = r.random()
    if roll < 0.55 and meetings:
        meeting = r.choice(meetings)
        return Origin(meeting.id, None, meeting.start_on)
    if roll < 0.85:
        agreement = r.choice(made_here)
        return Origin(None, agreement.id, agreement.status_since)
    return Origin(None, None, ctx.random_day(datetime.date(2000, 1, 1)))


def _steps(r: random.Random, announced: datetime.date) -> tuple[list[Step], datetime.date | None]:
    """(the steps on their true dates, the day it is due if it has one).
    Steps after the data's last day have not happened yet."""
    steps = [Step(C.ANNOUNCED, announced)]
    day = announced
    if r.random() < 0.55:
        day += datetime.timedelta(days=r.randrange(60, 400))
        steps.append(Step(C.IN_PROGRESS, day))
    due = None
    if r.random() < 0.45:
        due = announced + datetime.timedelta(days=r.randrange(365, 1500))
    final = _outcome(r, due)
    if final:
        day = max(day, due or day) + datetime.timedelta(days=r.randrange(30, 700))
        steps.append(Step(final, day))
    return [step for step in steps if step.day <= LAST_DAY], due


def _outcome(r: random.Random, due: datetime.date | None) -> str | None:
    """How it ended, if it has; only one with a deadline can be overdue."""
    roll = r.random()
    if roll < 0.3:
        return C.FULFILLED
    if roll < 0.4:
        return C.PARTLY_FULFILLED
    if roll < 0.5 and due is not None:
        return C.OVERDUE
    if roll < 0.55:
        return C.DROPPED
    return None


def _dated(ctx: DemoContext, steps: list[Step]) -> list[DatedStep]:
    """Each step's date as stored, each no earlier than the one before."""
    events = []
    previous = None
    for position, step in enumerate(steps):
        stored = ctx.partial_date(step.day, after=previous)
        previous = stored.day
        events.append(DatedStep(step.status, stored.day, stored.precision, position))
    return events


def _add_commitment(ctx: DemoContext, commitment: Draft, organisations: Organisations) -> None:
    last = commitment.events[-1]
    created, updated = ctx.stamps(last.day)
    committed = organisations.names[commitment.committed.state]
    field_slug = words.FIELDS[commitment.field_index].slug
    ctx.add(
        Commitment,
        {
            "id": commitment.id,
            "created_at": created,
            "updated_at": updated,
            "publication": PUBLISHED,
            "slug": (
                f"{DEMO_PREFIX}commitment-{ctx.ordinal(Commitment, commitment.id)}-{field_slug}"
            ),
            "title": commitment.title,
            "description": (
                f"{committed} committed to {commitment.lowered}, in order to "
                f"{ctx.r.choice(words.AIMS)}."
            ),
            "meeting_id": commitment.origin.meeting_id,
            "agreement_id": commitment.origin.agreement_id,
            **record_fields(_derived(commitment)),
            "due_on": commitment.due_on.day,
            "due_on_precision": commitment.due_on.precision,
            "due_by": period_end(commitment.due_on.day, commitment.due_on.precision),
        },
    )


def _add_links(ctx: DemoContext, commitment: Draft, registry: Registry) -> None:
    """Its parties, for most a person of its country, and its field's topics."""
    pk = commitment.id
    committed = commitment.committed
    for party in (committed.state, committed.body):
        if party is not None:
            ctx.add(Commitment.parties.through, {"commitment_id": pk, "organisation_id": party})
    if ctx.r.random() < 0.6:
        person = ctx.r.choice(registry.people.by_country[commitment.country])
        ctx.add(Commitment.people.through, {"commitment_id": pk, "person_id": person})
    for topic in registry.field_topics[commitment.field_index]:
        ctx.add(Commitment.topics.through, {"commitment_id": pk, "topic_id": topic})


def _add_status_events(
    ctx: DemoContext, commitment: Draft, organisations: Organisations, report: Report
) -> None:
    """The announcement quoted in the news, then each event, quoted by the
    report's two documents in turn."""
    committed = organisations.names[commitment.committed.state]
    announced = commitment.origin.announced
    cite(
        ctx,
        report.news,
        f"{committed} committed to {commitment.lowered} {when(announced, DAY)}.",
        Commitment,
        commitment.id,
        0,
        quote=f"{committed} committed to {commitment.lowered}",
        day=announced,
    )
    derived = _derived(commitment)
    for index, event in enumerate(commitment.events):
        event_id = _add_status_event(ctx, commitment, event, event_fields(derived, index))
        document = report.news if event.position % 2 == 0 else report.official
        sentence = _event_sentence(commitment, event)
        cite(ctx, document, sentence, CommitmentStatusEvent, event_id, 0, day=event.day)


def _party(commitment: Draft, event: DatedStep) -> int | None:
    return commitment.committed.state if event.status == C.ANNOUNCED else None


def _derived(commitment: Draft) -> Derived:
    events = commitment.events
    return derive(events, [_party(commitment, event) for event in events])


def _add_status_event(ctx: DemoContext, commitment: Draft, event: DatedStep, derived: dict) -> int:
    event_id = ctx.new_id(CommitmentStatusEvent)
    created, updated = ctx.stamps(event.day)
    ctx.add(
        CommitmentStatusEvent,
        {
            "id": event_id,
            "created_at": created,
            "updated_at": updated,
            "commitment_id": commitment.id,
            "status": event.status,
            "date": event.day,
            "date_precision": event.precision,
            "party_id": _party(commitment, event),
            "position": event.position,
            **derived,
        },
    )
    return event_id


def _event_sentence(commitment: Draft, event: DatedStep) -> str:
    at = when(event.day, event.precision)
    title, lowered = commitment.title, commitment.lowered
    return {
        C.ANNOUNCED: f"Plans for {lowered} were announced {at}.",
        C.IN_PROGRESS: f"Work on {lowered} was under way {at}, officials said.",
        C.FULFILLED: f"{title} was completed {at}.",
        C.PARTLY_FULFILLED: f"{title} was only partly completed {at}.",
        C.OVERDUE: f"{title} had still not been delivered {at}, past its deadline.",
        C.DROPPED: f"Plans for {lowered} were dropped {at}.",
    }[event.status]
