"""What the review queue shows of a proposal: its sentence in the source's
text, and what accepting it would do to the record it is about."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from agreements.services import kind_for
from agreements.status_rules import EventKind
from core.dates import format_partial_date
from ingest.models import Proposal, ProposalKind

CONTEXT = 240  # characters of the text shown either side of the quote


@dataclass(frozen=True)
class Highlight:
    before: str
    quote: str
    after: str


def highlight(proposal: Proposal) -> Highlight:
    """The quote in its place in the text, with some text either side."""
    text = proposal.source.text
    start, end = proposal.start, proposal.end
    lo = max(0, start - CONTEXT)
    hi = min(len(text), end + CONTEXT)
    return Highlight(
        before=("…" if lo > 0 else "") + text[lo:start],
        quote=text[start:end],
        after=text[end:hi] + ("…" if hi < len(text) else ""),
    )


def _when(proposal: Proposal) -> str:
    return format_partial_date(proposal.date, proposal.date_precision) or _("no date")


def describe_effect(proposal: Proposal) -> str:
    """One sentence: the record it would create or change, and that record's
    current state ("would move SPCA from signed to ratified")."""
    target = proposal.target if proposal.target_id else None
    if proposal.kind == ProposalKind.STATUS_EVENT:
        return _status_effect(proposal, target)
    if proposal.kind == ProposalKind.FIGURE:
        return _figure_effect(proposal, target)
    if target is not None:
        return _("would cite this sentence for %(record)s (%(state)s)") % {
            "record": target,
            "state": _state(target),
        }
    return _("would create a draft %(kind)s “%(title)s” (%(when)s)") % {
        "kind": proposal.get_kind_display(),
        "title": proposal.title,
        "when": _when(proposal),
    }


def _state(record) -> str:
    publication = getattr(record, "get_publication_display", None)
    state = publication() if publication else ""
    status = getattr(record, "status", "")
    return ", ".join(x for x in (str(status), str(state)) if x)


def _status_effect(proposal: Proposal, agreement) -> str:
    if agreement is None:
        return _("names no known agreement: correct the target before accepting")
    values = {
        "record": agreement,
        "old": agreement.status or _("no status"),
        "new": proposal.status,
        "when": _when(proposal),
        "since": agreement.status_since_display or _("never"),
    }
    if agreement.status_since and proposal.date and proposal.date < agreement.status_since:
        kind = kind_for(agreement, status=proposal.status, date=proposal.date, party=proposal.party)
        held = (
            _("a confirmation of what held then")
            if kind == EventKind.CONFIRMATION
            else _("a change from what held then")
        )
        earlier = _(
            "would add an earlier step to %(record)s (%(new)s, %(when)s); "
            "it stays %(old)s (since %(since)s)"
        )
        return f"{earlier % values}; {held}"
    if agreement.status == proposal.status:
        return _("would confirm %(record)s as %(new)s (%(when)s; %(old)s since %(since)s)") % values
    return _("would move %(record)s from %(old)s to %(new)s (%(when)s)") % values


def _figure_effect(proposal: Proposal, same_measure) -> str:
    """A figure is always a new record: beside the one of the same measure,
    so that where sources disagree both values show."""
    amount = " ".join(x for x in (proposal.value, proposal.multiplier, proposal.unit) if x)
    created = _("would create a draft figure “%(name)s”: %(amount)s, as of %(when)s") % {
        "name": proposal.title,
        "amount": amount,
        "when": _when(proposal),
    }
    if same_measure is None:
        return created
    return _("%(created)s; beside %(figure)s (as of %(as_of)s)") % {
        "created": created,
        "figure": same_measure,
        "as_of": same_measure.as_of_display or _("no date"),
    }
