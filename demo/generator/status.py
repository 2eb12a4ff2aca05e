"""What `refresh_status()` would derive for a generated record's events, by
the same rules (agreements.status_rules): each event's kind, the "since"
after it, and the record's status, since and last confirmed."""

from types import SimpleNamespace
from typing import NamedTuple

from agreements.status_rules import Standing, natural_kinds, standing


class Derived(NamedTuple):
    events: list  # per event: .kind, .run_since, .run_since_precision
    now: Standing


def derive(steps, parties, inferred=None) -> Derived:
    """`steps` have status, day, precision and position; `parties` gives
    each step's party id (or None) in the same order, and `inferred` whether
    each step's date is inferred (none, when not given)."""
    inferred = inferred or [False] * len(steps)
    events = [
        SimpleNamespace(
            status=step.status,
            party_id=party,
            step="",
            date=step.day,
            date_precision=step.precision,
            position=step.position,
            pk=None,
            date_inferred=flag,
        )
        for step, party, flag in zip(steps, parties, inferred, strict=True)
    ]
    natural_kinds(events)
    return Derived(events, standing(events))


def record_fields(derived: Derived) -> dict:
    now = derived.now
    return {
        "status": now.status,
        "status_since": now.since,
        "status_since_precision": now.since_precision,
        "status_since_inferred": now.since_inferred,
        "status_confirmed_on": now.confirmed_on,
        "status_confirmed_on_precision": now.confirmed_on_precision,
        "status_confirmed_on_inferred": now.confirmed_on_inferred,
    }


def event_fields(derived: Derived, index: int) -> dict:
    event = derived.events[index]
    return {
        "kind": event.kind,
        "run_since": event.run_since,
        "run_since_precision": event.run_since_precision,
        "run_since_inferred": event.run_since_inferred,
    }
