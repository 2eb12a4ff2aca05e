"""Agreements: the record, its parties, topics, meeting and signatories, its
status events, now and then a relation to an earlier agreement, and the
quotes in the report's two documents. The record's status is that of its
last event, as `refresh_status()` would derive it."""

import datetime
import random
from typing import NamedTuple

from agreements.models import Agreement, AgreementKind, AgreementRelation, RelationKind, StatusEvent
from agreements.models import AgreementStatus as S
from demo import words
from demo.generator.agreement_steps import DatedStep, Step, agreement_steps
from demo.generator.agreement_wording import step_wording
from demo.generator.context import DEMO_PREFIX, PUBLISHED, DemoContext, Weighted
from demo.generator.dates import LAST_DAY, UNDATED, PartialDate
from demo.generator.registry import AgreementMade, HeldMeeting, Organisations, Registry
from demo.generator.sources import Report, cite
from demo.generator.status import Derived, derive, event_fields, record_fields
from demo.generator.text import title_case

RELATED_SHARE = 0.08
KINDS = Weighted.of(
    (
        (AgreementKind.MOU, 30),
        (AgreementKind.AGREEMENT, 20),
        (AgreementKind.ROADMAP, 12),
        (AgreementKind.MEMORANDUM, 10),
        (AgreementKind.PROGRAMME, 10),
        (AgreementKind.DECLARATION, 10),
        (AgreementKind.TREATY, 8),
    )
)
RELATION_KINDS = Weighted.of(
    (
        (RelationKind.IMPLEMENTS, 4),
        (RelationKind.MADE_UNDER, 3),
        (RelationKind.AMENDS, 2),
        (RelationKind.SUPERSEDES, 1),
    )
)


class Naming(NamedTuple):
    """What the agreement is called, between whom and on what."""

    name: str  # of its kind, e.g. "Memorandum of Understanding"
    title: str
    short: str
    first_party: str
    second_party: str
    field: words.Field
    other_field: words.Field


class LegalForce(NamedTuple):
    requires_ratification: bool | None
    legally_binding: bool | None


class Anchor(NamedTuple):
    """Where and when it was (or would be) signed: at a meeting, or elsewhere."""

    meeting: HeldMeeting | None
    day: datetime.date
    precision: str | None  # the meeting's, kept for the signing
    place: str


class Draft(NamedTuple):
    """Everything drawn for an agreement before its rows are written."""

    id: int
    kind: str
    fields: tuple[int, int]  # indices in words.FIELDS: the main one, the other
    parties: list[int]
    naming: Naming
    force: LegalForce
    anchor: Anchor
    events: list[DatedStep]

    @property
    def signed(self) -> PartialDate:
        for event in self.events:
            if event.status == S.SIGNED:
                return PartialDate(event.day, event.precision)
        return UNDATED


def make_agreement(ctx: DemoContext, registry: Registry, report: Report) -> AgreementMade:
    r = ctx.r
    organisations = registry.organisations
    pk = ctx.new_id(Agreement)
    kind = KINDS.draw(r)
    first_field, other_field = r.sample(range(len(words.FIELDS)), 2)
    parties = _parties(r, organisations)
    naming = _naming(
        r, kind, words.FIELDS[first_field], words.FIELDS[other_field], parties, organisations
    )
    force = _legal_force(r, kind)
    anchor = _anchor(ctx, registry.meetings)
    steps = agreement_steps(r, organisations.states, bool(force.requires_ratification), anchor.day)
    events = _dated(ctx, steps, anchor)
    agreement = Draft(pk, kind, (first_field, other_field), parties, naming, force, anchor, events)
    summary = _add_agreement(ctx, agreement)
    _add_links(ctx, agreement, registry)
    _cite_agreement(ctx, agreement, summary, report)
    _add_status_events(ctx, agreement, organisations, report)
    _add_relation(ctx, agreement, registry.agreements, report)
    made = AgreementMade(pk, events[0].day, events[-1].day, agreement.signed.day is not None)
    registry.agreements.append(made)
    return made


def _parties(r: random.Random, organisations: Organisations) -> list[int]:
    """The two states, or a body of each."""
    if r.random() < 0.7:
        return list(organisations.states)
    return [r.choice(organisations.by_country["KZ"]), r.choice(organisations.by_country["GB"])]


def _naming(
    r: random.Random,
    kind: str,
    field: words.Field,
    other_field: words.Field,
    parties: list[int],
    organisations: Organisations,
) -> Naming:
    first, second = (organisations.names[party] for party in parties)
    second = "the United Kingdom" if second == "United Kingdom" else second
    name = r.choice(words.KIND_NAMES[kind])
    start = r.randrange(2005, 2030)
    title = r.choice(words.TITLE_FORMS).format(
        name=name,
        field=title_case(field.phrase),
        field2=title_case(other_field.phrase),
        a=first,
        b=second,
        start=start,
        end=start + 5,
    )
    short = f"{words.KIND_SHORT[kind]} on {field.phrase}"[:60]
    return Naming(name, title, short, first, second, field, other_field)


def _legal_force(r: random.Random, kind: str) -> LegalForce:
    """Treaties and agreements bind, and mostly need ratifying; for the other
    kinds sources often do not say (None)."""
    if kind == AgreementKind.TREATY:
        return LegalForce(r.random() < 0.85, True)
    if kind == AgreementKind.AGREEMENT:
        return LegalForce(r.random() < 0.5, True)
    requires_ratification = False if r.random() < 0.5 else None
    legally_binding = False if r.random() < 0.6 else None
    return LegalForce(requires_ratification, legally_binding)


def _anchor(ctx: DemoContext, meetings: list[HeldMeeting]) -> Anchor:
    r = ctx.r
    meeting = r.choice(meetings) if meetings and r.random() < 0.55 else None
    if meeting is not None:
        return Anchor(meeting, meeting.start_on, meeting.precision, meeting.place)
    day = ctx.random_day(datetime.date(1997, 1, 1), LAST_DAY)
    place = r.choice(r.choice((words.KZ_PLACES, words.GB_PLACES)))
    return Anchor(None, day, None, place)


def _dated(ctx: DemoContext, steps: list[Step], anchor: Anchor) -> list[DatedStep]:
    """Each step's date as stored, each no earlier than the one before; a
    signing at a meeting is dated as the meeting is."""
    events = []
    previous = None
    for position, step in enumerate(steps):
        if step.status == S.SIGNED and anchor.precision:
            stored = PartialDate(anchor.day, anchor.precision)
        else:
            stored = ctx.partial_date(step.day, after=previous)
        previous = stored.day
        events.append(DatedStep(step.status, step.party, stored.day, stored.precision, position))
    return events


def _add_agreement(ctx: DemoContext, agreement: Draft) -> str:
    """The agreement's row; returns its summary."""
    r = ctx.r
    naming, force, last, signed = (
        agreement.naming,
        agreement.force,
        agreement.events[-1],
        agreement.signed,
    )
    created, updated = ctx.stamps(last.day)
    summary = (
        f"{naming.name} between {naming.first_party} and {naming.second_party} on "
        f"{naming.field.phrase} and {naming.other_field.phrase}. It provides for "
        f"{r.choice(words.PROVISIONS)} and {r.choice(words.PROVISIONS)}, and aims to "
        f"{r.choice(words.AIMS)}."
    )
    number = ctx.ordinal(Agreement, agreement.id)
    ctx.add(
        Agreement,
        {
            "id": agreement.id,
            "created_at": created,
            "updated_at": updated,
            "publication": PUBLISHED,
            "slug": f"{DEMO_PREFIX}{agreement.kind}-{number}-{naming.field.slug}",
            "title": naming.title[:300],
            "short_title": naming.short,
            "kind": agreement.kind,
            **record_fields(_derived(agreement)),
            "signed_on": signed.day,
            "signed_on_precision": signed.precision,
            "signed_at": agreement.anchor.place if signed.day else "",
            "legally_binding": force.legally_binding,
            "requires_ratification": force.requires_ratification,
            "summary": summary,
        },
    )
    return summary


def _add_links(ctx: DemoContext, agreement: Draft, registry: Registry) -> None:
    """Its parties, topics (the main field's, half the time the other's too),
    meeting, and for about half of the signed ones a signatory of each side."""
    r = ctx.r
    pk = agreement.id
    for party in agreement.parties:
        ctx.add(Agreement.parties.through, {"agreement_id": pk, "organisation_id": party})
    first_field, other_field = agreement.fields
    topics = set(registry.field_topics[first_field])
    if r.random() < 0.5:
        topics.update(registry.field_topics[other_field])
    for topic in sorted(topics):
        ctx.add(Agreement.topics.through, {"agreement_id": pk, "topic_id": topic})
    if agreement.anchor.meeting is not None:
        meeting = agreement.anchor.meeting.id
        ctx.add(Agreement.meetings.through, {"agreement_id": pk, "meeting_id": meeting})
    if agreement.signed.day and r.random() < 0.6:
        for country in ("KZ", "GB"):
            person = r.choice(registry.people.by_country[country])
            ctx.add(Agreement.signatories.through, {"agreement_id": pk, "person_id": person})


def _cite_agreement(ctx: DemoContext, agreement: Draft, summary: str, report: Report) -> None:
    """The report's news quotes the summary's provisions; the register, now
    and then, what the parties agreed to."""
    naming = agreement.naming
    provisions = summary.split("provides for ")[1].split(", and")[0]
    cite(
        ctx,
        report.news,
        f"The {naming.title} provides for {provisions}.",
        Agreement,
        agreement.id,
        0,
        field_name="summary",
        day=agreement.events[0].day,
    )
    if ctx.r.random() < 0.6:
        cite(
            ctx,
            report.official,
            f"Under the {naming.short}, the parties agreed to {ctx.r.choice(words.AIMS)}.",
            Agreement,
            agreement.id,
            1,
        )


def _add_status_events(
    ctx: DemoContext, agreement: Draft, organisations: Organisations, report: Report
) -> None:
    """Each event, quoted by both documents of the report."""
    naming = agreement.naming
    derived = _derived(agreement)
    rows = []
    for index, event in enumerate(agreement.events):
        row = _add_status_event(ctx, agreement.id, event, event_fields(derived, index))
        rows.append(row)
        event_id = row["id"]
        wording = step_wording(
            ctx.r,
            organisations,
            event,
            title=naming.title,
            short=naming.short,
            place=agreement.anchor.place,
            parties=agreement.parties,
        )
        cite(ctx, report.news, wording.news, StatusEvent, event_id, 0, day=event.day)
        cite(
            ctx,
            report.official,
            wording.official,
            StatusEvent,
            event_id,
            1,
            quote=wording.clause,
            day=event.day,
        )
    # Which dates are inferred is drawn with each event's row, after the
    # status was derived: "since" and "last confirmed" say so once known.
    flags = [row["date_inferred"] for row in rows]
    derived = derive(agreement.events, [event.party for event in agreement.events], flags)
    for index, row in enumerate(rows):
        row.update(event_fields(derived, index))
    record = next(row for row in reversed(ctx.rows[Agreement]) if row["id"] == agreement.id)
    record.update(record_fields(derived))


def _derived(agreement: Draft) -> Derived:
    return derive(agreement.events, [event.party for event in agreement.events])


def _add_status_event(ctx: DemoContext, agreement: int, event: DatedStep, derived: dict) -> dict:
    r = ctx.r
    event_id = ctx.new_id(StatusEvent)
    inferred = r.random() < 0.1
    created, updated = ctx.stamps(event.day)
    ctx.add(
        StatusEvent,
        {
            "id": event_id,
            "created_at": created,
            "updated_at": updated,
            "agreement_id": agreement,
            "status": event.status,
            "date": event.day,
            "date_precision": event.precision,
            "date_inferred": inferred,
            "date_note": "Inferred from the report's dateline." if inferred else "",
            "party_id": event.party,
            "note": r.choice(words.BACKGROUND) if r.random() < 0.3 else "",
            "position": event.position,
            **derived,
        },
    )
    return ctx.rows[StatusEvent][-1]


def _add_relation(
    ctx: DemoContext, agreement: Draft, earlier: list[AgreementMade], report: Report
) -> None:
    """Now and then, a relation to an earlier agreement (of any report)."""
    r = ctx.r
    if not (earlier and r.random() < RELATED_SHARE):
        return
    target = r.choice(earlier)
    kind = RELATION_KINDS.draw(r)
    relation_id = ctx.new_id(AgreementRelation)
    created, updated = ctx.stamps(agreement.events[-1].day)
    ctx.add(
        AgreementRelation,
        {
            "id": relation_id,
            "created_at": created,
            "updated_at": updated,
            "agreement_id": agreement.id,
            "kind": kind,
            "target_id": target.id,
        },
    )
    if r.random() < 0.5:
        cite(
            ctx,
            report.news,
            f"The {agreement.naming.short} {kind.replace('_', ' ')} an instrument "
            f"dated {target.first_step_on.year}.",
            AgreementRelation,
            relation_id,
            0,
        )
