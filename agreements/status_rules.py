"""The rules that turn dated status events into where something stands.

Read docs/STATUS.md first: it states these rules in words, with the SPCA as
the worked example. In short:

- An event is a *change* (the status, or one party's step, becomes X) or a
  *confirmation* (a source dated D says it was still X). A confirmation never
  moves "since"; it moves "last confirmed".
- An event's `status` is the overall status after it. "Since" is the date of
  the event that brought the current overall status; "last confirmed" is the
  date of the latest event of any kind.
- An event with a `party` is a step on that party's own track (the UK laying a
  treaty before Parliament, the Mazhilis approving a ratification law); an
  event without one concerns both. Each party's track has a next expected
  step, read from its country's sequence of domestic steps.
- An agreement that needs ratification enters into force only when every
  party's track has reached ratification.

Everything here works on events in memory (prefetched, or a formset's forms
not yet saved), so the admin, the loader and the API check the same rules
before anything is written.
"""

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _

from core.dates import DatePrecision, format_partial_date


class EventKind(models.TextChoices):
    CHANGE = "change", _("change")
    CONFIRMATION = "confirmation", _("confirmation")


class TrackStep(models.TextChoices):
    """Steps on one party's road from signature to entry into force."""

    SIGNED = "signed", _("signed")
    LAID_BEFORE_PARLIAMENT = "laid_before_parliament", _("laid before Parliament")
    CRAG_PERIOD_ENDED = "crag_period_ended", _("21-sitting-day period ended (CRaG Act)")
    MAZHILIS_APPROVED = "mazhilis_approved", _("ratification law passed by the Mazhilis")
    SENATE_APPROVED = "senate_approved", _("ratification law approved by the Senate")
    LAW_SIGNED = "law_signed", _("ratification law signed by the President")
    RATIFIED = "ratified", _("ratified")
    NOTIFIED = "notified", _("other side notified")
    IN_FORCE = "in_force", _("entered into force")


# Each country's own steps between signature and ratification. The UK's
# Constitutional Reform and Governance Act 2010 has a treaty laid before
# Parliament for 21 sitting days before ratification; Kazakhstan ratifies by
# a law passed by the Mazhilis, approved by the Senate and signed by the
# President. Other countries' steps are not modelled: just "ratified".
DOMESTIC_STEPS = {
    "GB": (
        TrackStep.LAID_BEFORE_PARLIAMENT,
        TrackStep.CRAG_PERIOD_ENDED,
        TrackStep.RATIFIED,
    ),
    "KZ": (
        TrackStep.MAZHILIS_APPROVED,
        TrackStep.SENATE_APPROVED,
        TrackStep.LAW_SIGNED,
    ),
}
_ANY_COUNTRY = (TrackStep.RATIFIED,)
_ALL_DOMESTIC = {step for steps in DOMESTIC_STEPS.values() for step in steps}

# Where a status, recorded without a step, puts a party on its track.
_STATUS_POSITION = {
    "signed": TrackStep.SIGNED,
    "ratification_pending": TrackStep.SIGNED,
    "ratified": TrackStep.RATIFIED,
    "in_force": TrackStep.IN_FORCE,
    "implemented": TrackStep.IN_FORCE,
}
# Statuses after which no step is expected.
FINAL_STATUSES = frozenset({"terminated", "superseded", "suspended"})


def steps_for(country: str, requires_ratification: bool | None) -> tuple[str, ...]:
    """The sequence of steps a party of `country` goes through."""
    if requires_ratification is False:
        return (TrackStep.SIGNED, TrackStep.IN_FORCE)
    domestic = DOMESTIC_STEPS.get(country, _ANY_COUNTRY)
    return (TrackStep.SIGNED, *domestic, TrackStep.NOTIFIED, TrackStep.IN_FORCE)


def _ratified_position(sequence: Sequence[str]) -> int:
    return sequence.index(TrackStep.NOTIFIED) - 1 if TrackStep.NOTIFIED in sequence else 0


def position_in(sequence: Sequence[str], status: str, step: str) -> int:
    """How far along `sequence` a step (or, without one, a status) is: -1
    before signature."""
    if step in sequence:
        return sequence.index(step)
    if step == TrackStep.RATIFIED or (not step and status == "ratified"):
        return _ratified_position(sequence)
    mapped = _STATUS_POSITION.get(status)
    return sequence.index(mapped) if mapped in sequence else -1


def chronological(events: Iterable) -> list:
    """Events in the order they happened; unsaved ones after saved ones of the
    same date and position, in the order given."""
    indexed = list(enumerate(events))
    indexed.sort(key=lambda pair: (pair[1].date, pair[1].position or 0, pair[1].pk or 0, pair[0]))
    return [event for _, event in indexed]


@dataclass(frozen=True)
class Standing:
    """Where something stood after its events up to a date."""

    status: str = ""
    since: datetime.date | None = None
    since_precision: str = DatePrecision.DAY
    confirmed_on: datetime.date | None = None
    confirmed_on_precision: str = DatePrecision.DAY
    confirmed_by: object = None  # the latest event: its citations are the evidence
    # Whether "since" and "last confirmed" are dates taken from context rather
    # than stated by a source: every page, CSV and API response says so.
    since_inferred: bool = False
    confirmed_on_inferred: bool = False

    @property
    def since_display(self) -> str:
        return format_partial_date(self.since, self.since_precision)

    @property
    def confirmed_on_display(self) -> str:
        return format_partial_date(self.confirmed_on, self.confirmed_on_precision)


def standing(events: Iterable, day: datetime.date | None = None) -> Standing:
    """The overall status after `events` (those dated on or before `day`
    when given), since when, and when last confirmed. Also marks each event
    with `run_since`/`run_since_precision`: the "since" in force after it,
    which is stored on the event for the database's "as of" queries."""
    result = Standing()
    for event in chronological(events):
        if day is not None and event.date > day:
            break
        since, precision, inferred = result.since, result.since_precision, result.since_inferred
        if event.status != result.status:
            since, precision = event.date, event.date_precision
            inferred = _inferred(event)
            if not result.status and _kind(event) == EventKind.CONFIRMATION:
                # The earliest evidence says the status already held ("has
                # already established"): when it began is not known.
                since, precision, inferred = None, DatePrecision.DAY, False
        result = Standing(
            event.status,
            since,
            precision,
            event.date,
            event.date_precision,
            event,
            since_inferred=inferred,
            confirmed_on_inferred=_inferred(event),
        )
        event.run_since, event.run_since_precision = since, precision
        event.run_since_inferred = inferred
    return result


def _inferred(event) -> bool:
    return bool(getattr(event, "date_inferred", False))


@dataclass(frozen=True)
class Problem:
    """A rule an event breaks: which event (its index in the list given),
    which field, and why, in words an editor can act on."""

    index: int
    field: str
    message: str


def _describe(status: str, step: str, labels: dict) -> str:
    return str(labels.get(step or status, step or status))


def sequence_problems(
    events: Sequence,
    *,
    parties: Sequence = (),
    requires_ratification: bool | None = None,
    labels: dict | None = None,
) -> list[Problem]:
    """Every event that breaks a rule: a change into what already held, a
    confirmation of what did not, a step of another country's procedure, or
    entry into force before every party has ratified. `parties` are the
    states whose tracks are checked (Organisations with a `country`)."""
    labels = labels or {**dict(TrackStep.choices)}
    index_of = {id(event): index for index, event in enumerate(events)}
    # `overall` is the status after the latest event; `joint` that after the
    # latest event of both sides, where a party without steps of its own is.
    overall, joint, tracks, problems = "", "", {}, []
    for event in chronological(events):
        index = index_of[id(event)]
        party_id = getattr(event, "party_id", None)
        step = getattr(event, "step", "") or ""
        problems += _step_problems(event, index, step, labels)
        if party_id is None:
            before, now = (overall, ""), (event.status, "")
        else:
            before = tracks.get(party_id, (joint, ""))
            kept_step = before[1] if event.status == before[0] else ""
            now = (event.status, step or kept_step)
        problems += _kind_problems(event, index, before, now, labels)
        if event.status == "in_force" and overall != "in_force" and requires_ratification:
            reached = {party.pk: tracks.get(party.pk, (joint, "")) for party in parties}
            problems += _entry_into_force_problems(event, index, parties, reached)
        if party_id is None:
            # Only a change of the overall status moves every track; a joint
            # review of where things stand leaves each party where it was.
            if event.status != overall:
                tracks = dict.fromkeys(tracks, (event.status, ""))
                joint = event.status
        else:
            tracks[party_id] = now
        overall = event.status
    return sorted(problems, key=lambda problem: problem.index)


def natural_kinds(events: Sequence) -> list[str]:
    """The kind each event must have for the sequence to follow the rules
    (a change where its track moved, a confirmation where it did not), in
    the order given: for data written in bulk, such as the demo's."""
    kinds = []
    for event in events:
        event.kind = EventKind.CHANGE
        kinds.append(EventKind.CHANGE)
    for problem in sequence_problems(events):
        if problem.field == "kind":
            kinds[problem.index] = events[problem.index].kind = EventKind.CONFIRMATION
    return kinds


def _kind(event) -> str:
    return getattr(event, "kind", EventKind.CHANGE) or EventKind.CHANGE


def _kind_problems(event, index, before, now, labels) -> list[Problem]:
    """`before` and `now` are (status, step) of the event's track."""
    kind = _kind(event)
    if kind == EventKind.CHANGE and now == before:
        message = _(
            "This is recorded as a change, but the status was already “%(status)s”: "
            "record it as a confirmation."
        ) % {"status": _describe(*now, labels)}
        return [Problem(index, "kind", str(message))]
    # An opening confirmation (nothing recorded before it) is allowed: its
    # source says the status already held, and "since" stays unknown.
    if kind == EventKind.CONFIRMATION and now != before and before[0]:
        message = _(
            "This is recorded as a confirmation of “%(status)s”, but the status then "
            "was “%(was)s”: record it as a change."
        ) % {"status": _describe(*now, labels), "was": _describe(*before, labels)}
        return [Problem(index, "kind", str(message))]
    return []


def _step_problems(event, index, step, labels) -> list[Problem]:
    if not step or step not in _ALL_DOMESTIC:
        return []
    party = getattr(event, "party", None) if getattr(event, "party_id", None) else None
    country = getattr(party, "country", "") if party is not None else ""
    if country and step in DOMESTIC_STEPS.get(country, ()):
        return []
    return [
        Problem(
            index,
            "step",
            str(
                _("“%(step)s” is a step of another country's procedure, not of %(party)s.")
                % {
                    "step": labels.get(step, step),
                    "party": party if party is not None else _("both parties"),
                }
            ),
        )
    ]


def _entry_into_force_problems(event, index, parties, tracks) -> list[Problem]:
    laggards = [party for party in parties if not _has_ratified(tracks.get(party.pk, ("", "")))]
    if not laggards:
        return []
    return [
        Problem(
            index,
            "status",
            str(
                _(
                    "It needs ratification, and no ratification by %(parties)s is "
                    "recorded before this date: it cannot be in force yet."
                )
                % {"parties": ", ".join(str(party) for party in laggards)}
            ),
        )
    ]


def _has_ratified(track: tuple[str, str]) -> bool:
    status, step = track
    return status in {"ratified", "in_force", "implemented"} or step in _RATIFIED_OR_LATER


_RATIFIED_OR_LATER = {
    TrackStep.RATIFIED,
    TrackStep.LAW_SIGNED,
    TrackStep.NOTIFIED,
    TrackStep.IN_FORCE,
}


@dataclass(frozen=True)
class Track:
    """One party's road: where it stands, since when, when last confirmed,
    and the step expected next (None when none is)."""

    party: object
    standing: Standing
    step: str
    next_step: str | None
    events: tuple

    @property
    def since_inferred(self) -> bool:
        return self.standing.since_inferred

    @property
    def step_label(self) -> str:
        return str(TrackStep(self.step).label) if self.step else ""

    @property
    def next_step_label(self) -> str:
        return str(TrackStep(self.next_step).label) if self.next_step else ""


def tracks(
    events: Iterable,
    parties: Iterable,
    *,
    requires_ratification: bool | None,
    day: datetime.date | None = None,
) -> list[Track]:
    """Each party's track, from the events without a party (both sides') and
    its own, as of `day`."""
    ordered = [event for event in chronological(events) if day is None or event.date <= day]
    result = []
    for party in parties:
        own = [event for event in ordered if event.party_id in (None, party.pk)]
        result.append(_track(party, own, requires_ratification))
    return result


def _track(party, events, requires_ratification) -> Track:
    sequence = steps_for(getattr(party, "country", ""), requires_ratification)
    position, step, status = -1, "", ""
    since = confirmed = None
    for event in events:
        event_step = getattr(event, "step", "") or ""
        if event.party_id is None and getattr(event, "kind", "") == EventKind.CONFIRMATION:
            # Both sides' status still held: each track is where it was.
            confirmed = event if status else confirmed
            continue
        now = max(position, position_in(sequence, event.status, event_step))
        if (now, event.status) != (position, status):
            since = event
        position, status, confirmed = now, event.status, event
        step = event_step or step
    standing_now = Standing(
        status,
        since.date if since else None,
        since.date_precision if since else DatePrecision.DAY,
        confirmed.date if confirmed else None,
        confirmed.date_precision if confirmed else DatePrecision.DAY,
        confirmed,
        since_inferred=_inferred(since) if since else False,
        confirmed_on_inferred=_inferred(confirmed) if confirmed else False,
    )
    expected = None
    if status and status not in FINAL_STATUSES and position + 1 < len(sequence):
        expected = sequence[position + 1]
    return Track(party, standing_now, step, expected, tuple(events))
