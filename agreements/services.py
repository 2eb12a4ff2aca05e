"""Writes to agreements and commitments that touch more than one row."""

from collections.abc import Mapping
from typing import Any, TypeVar

from django.db import transaction

from agreements.models import CommitmentStatusEvent, StatusEvent, StatusTrackedModel
from seeds.services import save_validated

EventT = TypeVar("EventT", StatusEvent, CommitmentStatusEvent)


def _tracked(event: StatusEvent | CommitmentStatusEvent) -> StatusTrackedModel:
    return event.agreement if isinstance(event, StatusEvent) else event.commitment


def _refresh(tracked: StatusTrackedModel) -> None:
    """Re-derive the status, the one way it is derived (which also marks the
    record changed, so that `?updated_since=` finds it)."""
    tracked.refresh_status()


@transaction.atomic
def save_status_event(*, event: EventT, fields: Mapping[str, Any]) -> EventT:
    """Create or change a status event, validated as the admin validates it,
    then re-derive the current status of its agreement or commitment (and of
    the one it belonged to before, if it moved)."""
    previous = _tracked(event) if event.pk is not None else None
    save_validated(instance=event, fields=fields)
    current = _tracked(event)
    _refresh(current)
    if previous is not None and previous.pk != current.pk:
        _refresh(previous)
    return event


@transaction.atomic
def delete_status_event(*, event: StatusEvent | CommitmentStatusEvent) -> None:
    """Delete a status event (and its citations), then re-derive the status."""
    tracked = _tracked(event)
    event.delete()
    _refresh(tracked)
