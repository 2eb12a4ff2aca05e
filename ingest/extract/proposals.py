"""What the extractor hands to an editor: one `Proposal` per proposed fact.

A proposal is a suggestion, never a fact: it carries the verbatim quote
(with offsets, so the review queue can highlight it and the citation can be
verified), the confidence, and the rule that produced it, so an editor can
judge it quickly and the evaluation can tell which rule is weak.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Kind = Literal["status_event", "meeting", "figure", "commitment", "new_agreement", "person"]
Event = Literal["change", "confirmation"]

KINDS: tuple[str, ...] = (
    "status_event",
    "meeting",
    "figure",
    "commitment",
    "new_agreement",
    "person",
)

# The StatusEvent vocabulary of the agreements app (kept in sync by a test).
AGREEMENT_STATUSES: tuple[str, ...] = (
    "proposed",
    "negotiating",
    "signed",
    "ratification_pending",
    "ratified",
    "in_force",
    "implemented",
    "suspended",
    "terminated",
    "superseded",
)
COMMITMENT_STATUSES: tuple[str, ...] = (
    "announced",
    "in_progress",
    "fulfilled",
    "partly_fulfilled",
    "dropped",
)


@dataclass
class Proposal:
    """One proposed fact, with its evidence.

    `quote == text[start:end]` always holds for the text the proposal was
    extracted from (the pipeline checks it before returning).
    """

    kind: str
    quote: str
    start: int
    end: int
    confidence: float
    reason: str
    target: str | None = None
    title: str | None = None
    status: str | None = None
    event: str | None = None
    date: str | None = None
    date_precision: str | None = None
    party: str | None = None
    value: str | None = None
    unit: str | None = None
    multiplier: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        """A plain dict (for JSON, YAML, or storing in a draft)."""
        return asdict(self)

    def key(self) -> tuple[Any, ...]:
        """What makes two proposals the same fact (used to drop duplicates)."""
        if self.kind == "status_event":
            return (self.kind, self.target, self.status, self.date, self.date_precision)
        if self.kind == "figure":
            return (self.kind, self.value, self.unit, self.multiplier)
        return (self.kind, self.target or (self.title or "").casefold(), self.date)
