"""An editor's decision on a proposal: accept (the record it proposes is
written as a draft, with its citation, through the same validation as the
admin and the API) or reject with a reason. Each decision is one
transaction and one history entry naming the editor.

The status step is written by `create_status_event` alone, so that the day
status events gain their own publication state only that function changes.
"""

from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.text import slugify

from agreements.models import (
    Agreement,
    AgreementKind,
    Commitment,
    CommitmentStatus,
    CommitmentStatusEvent,
    Figure,
    StatusEvent,
)
from agreements.services import check_as_if_published, kind_for, save_status_event
from core.models import PublicationState
from core.services import save_validated
from dialogue.models import Meeting, MeetingKind, MeetingStatus
from evidence.services import save_citation
from ingest.extract.figures import MULTIPLIERS
from ingest.models import Decision, Proposal, ProposalKind
from people.models import Person

DRAFT = PublicationState.DRAFT
# What an editor may correct before accepting.
EDITABLE = (
    "target_slug",
    "title",
    "status",
    "date",
    "date_precision",
    "party",
    "value",
    "multiplier",
    "unit",
    "quote",
)
_TARGET_MODELS = {
    ProposalKind.STATUS_EVENT: Agreement,
    ProposalKind.NEW_AGREEMENT: Agreement,
    ProposalKind.MEETING: Meeting,
    ProposalKind.FIGURE: Figure,
    ProposalKind.COMMITMENT: Commitment,
    ProposalKind.PERSON: Person,
}


@transaction.atomic
def accept(proposal: Proposal, *, user, changes: Mapping[str, Any] | None = None) -> models.Model:
    """Write what `proposal` proposes (with `changes`, the editor's
    corrections) as a draft record cited from its source. Raises
    ValidationError, having written nothing, when it cannot be."""
    proposal = _lock_pending(proposal)
    for name, value in (changes or {}).items():
        if name not in EDITABLE:
            raise ValidationError({name: f"{name} cannot be changed on a proposal"})
        setattr(proposal, name, value)
    proposal.full_clean()  # the quote rule, the date's precision
    _resolve_target(proposal)
    record = CREATORS[proposal.kind](proposal, user)
    proposal.decision = Decision.ACCEPTED
    proposal.created_type = ContentType.objects.get_for_model(record)
    proposal.created_id = record.pk
    _decided(proposal, user)
    return record


@transaction.atomic
def reject(proposal: Proposal, *, user, reason: str) -> Proposal:
    if not reason.strip():
        raise ValidationError({"reject_reason": "Say why the proposal is rejected."})
    proposal = _lock_pending(proposal)
    proposal.decision = Decision.REJECTED
    proposal.reject_reason = reason.strip()
    _decided(proposal, user)
    return proposal


def _lock_pending(proposal: Proposal) -> Proposal:
    """The proposal as stored, locked: two editors cannot both decide it."""
    locked = Proposal.objects.select_for_update().select_related("source").get(pk=proposal.pk)
    if locked.decision != Decision.PENDING:
        who = locked.decided_by or "someone"
        raise ValidationError(
            f"This proposal was already {locked.get_decision_display()} by {who}.",
            code="decided",
        )
    return locked


def _decided(proposal: Proposal, user) -> None:
    proposal.decided_by = user
    proposal.decided_at = timezone.now()
    proposal._history_user = user  # the history names the editor, wherever this runs
    proposal.save()


def _resolve_target(proposal: Proposal) -> None:
    """The record named by the (possibly corrected) target slug."""
    if not proposal.target_slug:
        proposal.target_type = proposal.target_id = None
        return
    model = _TARGET_MODELS[proposal.kind]
    record = model.objects.filter(slug=proposal.target_slug).first()
    if record is None:
        raise ValidationError(
            {"target_slug": f"No {model._meta.verbose_name} has the slug {proposal.target_slug!r}."}
        )
    proposal.target_type = ContentType.objects.get_for_model(model)
    proposal.target_id = record.pk
    proposal.target = record


def _cite(proposal: Proposal, record: models.Model, user, field_name: str = "") -> None:
    citation = save_citation(
        source=proposal.source, quote=proposal.quote, cited=record, field_name=field_name
    )
    citation._history_user = user


def _by(record: models.Model, user) -> models.Model:
    record._history_user = user
    return record


def _require(proposal: Proposal, *names: str) -> None:
    missing = {
        n: "The proposal needs this to be accepted." for n in names if not getattr(proposal, n)
    }
    if missing:
        raise ValidationError(missing)


def _unique_slug(model: type[models.Model], text: str) -> str:
    base = slugify(text)[:100].strip("-") or model._meta.model_name
    taken = set(model.objects.filter(slug__startswith=base).values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def create_status_event(proposal: Proposal, user) -> StatusEvent:
    """A draft status step of the target agreement, with its citation: it
    counts for nothing, and no reader sees it, until an editor publishes it
    (docs/STATUS.md, "Draft steps"); one the status rules would refuse on
    publication is refused now."""
    _require(proposal, "status", "date")
    agreement = proposal.target
    if agreement is None:
        raise ValidationError({"target_slug": "A status step needs the agreement it is about."})
    last = agreement.status_events.aggregate(last=Max("position"))["last"]
    fields = {
        "status": proposal.status,
        "date": proposal.date,
        "date_precision": proposal.date_precision,
        "party": proposal.party,
        "position": 0 if last is None else last + 1,
        **_event_state(agreement, proposal),
    }
    # A draft now, but one the editor could never publish is refused now.
    check_as_if_published(StatusEvent(agreement=agreement, **fields))
    event = save_status_event(
        event=_by(StatusEvent(agreement=agreement), user),
        fields={
            **fields,
            "note": f"Proposed from {proposal.source.slug} ({proposal.reason}).",
        },
    )
    _cite(proposal, event, user)
    return event


def _event_state(agreement: Agreement, proposal: Proposal) -> dict[str, Any]:
    """Whether the step changes the status or confirms what held then
    (agreements.services.kind_for, the rule the admin's bulk step uses),
    and a draft."""
    kind = kind_for(agreement, status=proposal.status, date=proposal.date, party=proposal.party)
    return {"kind": kind, "publication": DRAFT}


def _new_agreement(proposal: Proposal, user) -> Agreement:
    if proposal.target_id:
        _cite(proposal, proposal.target, user)
        return proposal.target
    _require(proposal, "title")
    agreement = save_validated(
        instance=_by(Agreement(), user),
        fields={
            "slug": _unique_slug(Agreement, proposal.title),
            "title": proposal.title,
            "kind": _agreement_kind(proposal.title),
            "publication": DRAFT,
        },
    )
    _cite(proposal, agreement, user, "title")
    if proposal.status and proposal.date:
        proposal.target = agreement
        create_status_event(proposal, user)
    return agreement


def _agreement_kind(title: str) -> str:
    words = title.casefold()
    for cue, kind in (
        ("memorand", AgreementKind.MOU),
        ("roadmap", AgreementKind.ROADMAP),
        ("road map", AgreementKind.ROADMAP),
        ("declaration", AgreementKind.DECLARATION),
        ("treaty", AgreementKind.TREATY),
        ("programme", AgreementKind.PROGRAMME),
    ):
        if cue in words:
            return kind
    return AgreementKind.AGREEMENT


def _meeting(proposal: Proposal, user) -> Meeting:
    if proposal.target_id:
        _cite(proposal, proposal.target, user)
        return proposal.target
    _require(proposal, "title")
    held = proposal.date is None or proposal.date <= (proposal.source.published_on or proposal.date)
    meeting = save_validated(
        instance=_by(Meeting(), user),
        fields={
            "slug": _unique_slug(Meeting, proposal.title),
            "title": proposal.title,
            "kind": MeetingKind.OTHER,
            "status": MeetingStatus.HELD if held else MeetingStatus.PLANNED,
            "start_on": proposal.date,
            "start_on_precision": proposal.date_precision,
            "publication": DRAFT,
        },
    )
    _cite(proposal, meeting, user)
    return meeting


def _figure(proposal: Proposal, user) -> Figure:
    _require(proposal, "title", "value", "unit")
    try:
        amount = Decimal(proposal.value.replace(",", "")) * MULTIPLIERS.get(proposal.multiplier, 1)
    except InvalidOperation:
        raise ValidationError({"value": f"{proposal.value!r} is not a number."}) from None
    same_measure = proposal.target if proposal.target_id else None
    figure = save_validated(
        instance=_by(Figure(), user),
        fields={
            "slug": _unique_slug(Figure, proposal.title),
            "name": proposal.title[:300],
            # Beside the figure of the same measure, so a disagreement shows.
            "metric": same_measure.metric if same_measure else slugify(proposal.title)[:120],
            "value": amount,
            "unit": proposal.unit,
            "value_text": " ".join(
                x for x in (proposal.value, proposal.multiplier, proposal.unit) if x
            ),
            "as_of": proposal.date,
            "as_of_precision": proposal.date_precision,
            "publication": DRAFT,
        },
    )
    _cite(proposal, figure, user)
    return figure


def _commitment(proposal: Proposal, user) -> Commitment:
    if proposal.target_id:
        _cite(proposal, proposal.target, user)
        return proposal.target
    _require(proposal, "title", "date")
    commitment = save_validated(
        instance=_by(Commitment(), user),
        fields={
            "slug": _unique_slug(Commitment, proposal.title),
            "title": proposal.title[:300],
            "publication": DRAFT,
        },
    )
    _cite(proposal, commitment, user, "title")
    event = save_status_event(
        event=_by(CommitmentStatusEvent(commitment=commitment), user),
        fields={
            "status": proposal.status or CommitmentStatus.ANNOUNCED,
            "date": proposal.date,
            "date_precision": proposal.date_precision,
        },
    )
    _cite(proposal, event, user)
    return commitment


def _person(proposal: Proposal, user) -> Person:
    if proposal.target_id:
        _cite(proposal, proposal.target, user)
        return proposal.target
    _require(proposal, "title")
    person = save_validated(
        instance=_by(Person(), user),
        fields={
            "slug": _unique_slug(Person, proposal.title),
            "name": proposal.title[:200],
            "publication": DRAFT,
        },
    )
    _cite(proposal, person, user, "name")
    return person


CREATORS = {
    ProposalKind.STATUS_EVENT: create_status_event,
    ProposalKind.NEW_AGREEMENT: _new_agreement,
    ProposalKind.MEETING: _meeting,
    ProposalKind.FIGURE: _figure,
    ProposalKind.COMMITMENT: _commitment,
    ProposalKind.PERSON: _person,
}
