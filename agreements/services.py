"""Writes to agreements and commitments that touch more than one row."""

import datetime
from collections.abc import Iterable, Mapping
from types import SimpleNamespace
from typing import Any, TypeVar

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from agreements.models import CommitmentStatusEvent, StatusEvent, StatusTrackedModel
from agreements.status_rules import natural_kinds
from core.dates import DatePrecision
from core.services import save_validated
from evidence.models import Source
from evidence.services import save_citation
from people.models import Organisation

EventT = TypeVar("EventT", StatusEvent, CommitmentStatusEvent)


def _tracked(event: StatusEvent | CommitmentStatusEvent) -> StatusTrackedModel:
    return event.agreement if isinstance(event, StatusEvent) else event.commitment


def _refresh(tracked: StatusTrackedModel, event=None) -> None:
    """Check the events as a sequence (agreements.status_rules), then
    re-derive the status, the one way it is derived (which also marks the
    record changed, so that `?updated_since=` finds it). A broken rule is a
    ValidationError on the event's field; the caller's transaction undoes
    the write."""
    events = tracked.events_with(*([event] if event is not None else []))
    problems = tracked.status_problems(events)
    own = [problem for problem in problems if event and events[problem.index].pk == event.pk]
    if problems:
        first = (own or problems)[0]
        where = events[first.index]
        message = first.message if first in own else f"{where}: {first.message}"
        raise ValidationError({first.field: message})
    tracked.refresh_status()


def kind_for(tracked: StatusTrackedModel, *, status: str, date: datetime.date, party=None) -> str:
    """Whether a new event of `status` on `date` would be a change or a
    confirmation of what held then (for one party's track when `party`): the
    kind the status rules give it (status_rules.natural_kinds) after the
    published events, last among those of its date."""
    fields = ("status", "date", "date_precision", "position", "pk", "party_id", "step")
    # Copies: natural_kinds marks each event it is given with its kind. Only
    # the kinds are read, so no party needs fetching (a step's country is
    # checked elsewhere).
    events = [
        SimpleNamespace(party=None, **{name: getattr(event, name, "") for name in fields})
        for event in tracked.published_events()
    ]
    last = max((event.position or 0 for event in events), default=0)
    candidate = SimpleNamespace(
        status=status,
        date=date,
        date_precision=DatePrecision.DAY,
        position=last + 1,
        pk=None,
        party_id=party.pk if party is not None else None,
        party=None,
        step="",
    )
    return natural_kinds([*events, candidate])[-1]


@transaction.atomic
def save_status_event(*, event: EventT, fields: Mapping[str, Any]) -> EventT:
    """Create or change a status event, validated as the admin validates it,
    then re-derive the current status of its agreement or commitment (and of
    the one it belonged to before, if it moved)."""
    previous = _tracked(event) if event.pk is not None else None
    save_validated(instance=event, fields=fields)
    current = _tracked(event)
    _refresh(current, event)
    if previous is not None and previous.pk != current.pk:
        _refresh(previous)
    return event


def check_as_if_published(event) -> None:
    """Refuse, with the reason, a draft step that could never be published:
    one that would break the status rules among the published steps."""
    tracked = _tracked(event)
    events = tracked.events_with(event, counting=True)
    for problem in tracked.status_problems(events):
        if events[problem.index] is event:
            raise ValidationError({problem.field: problem.message})


@transaction.atomic
def set_event_publication(*, event: EventT, state: str) -> EventT:
    """Publish a draft step (or take one back), then check the sequence it
    now joins and re-derive the status: a step that would break the rules
    is refused with the reason, and nothing changes."""
    event.publication = state
    event.save(update_fields=["publication", "updated_at"])
    _refresh(_tracked(event), event)
    return event


def check_deletion(event) -> None:
    """Refuse, with the reason, deleting a step the others lean on: a later
    confirmation of the status this step changed to would then confirm a
    status that never held."""
    tracked = _tracked(event)
    events = tracked.events_with(removed=[event.pk])
    problems = tracked.status_problems(events)
    if problems:
        where, message = events[problems[0].index], problems[0].message
        raise ValidationError(
            _("Deleting this step would break the status rules: %(where)s: %(message)s")
            % {"where": where, "message": message}
        )


@transaction.atomic
def delete_status_event(*, event: StatusEvent | CommitmentStatusEvent) -> None:
    """Delete a status event (and its citations), then re-derive the status;
    refused, with the reason, when the steps left would break the rules."""
    check_deletion(event)
    tracked = _tracked(event)
    event.delete()
    _refresh(tracked)


@transaction.atomic
def add_status_step(
    *,
    records: Iterable[StatusTrackedModel],
    status: str,
    date: datetime.date,
    precision: str,
    party: Organisation | None = None,
    note: str = "",
    source: Source | None = None,
    quote: str = "",
) -> int:
    """Add the same dated status step, with the same quote, to several
    agreements or commitments at once: all of them, or (on any invalid input,
    such as a quote that is not in its source) none. Returns how many."""
    count = 0
    for tracked in records:
        events = getattr(tracked, tracked.events_relation)
        last_position = events.aggregate(last=Max("position"))["last"]
        event = events.model(**{events.field.name: tracked})
        save_validated(
            instance=event,
            fields={
                "status": status,
                "kind": kind_for(tracked, status=status, date=date, party=party),
                "date": date,
                "date_precision": precision,
                "party": party,
                "note": note,
                "position": 0 if last_position is None else last_position + 1,
            },
        )
        if source is not None:
            save_citation(source=source, quote=quote, cited=event)
        _refresh(tracked, event)
        count += 1
    return count
