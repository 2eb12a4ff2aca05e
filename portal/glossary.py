"""The glossary: every status a record can have, in plain words. Each status
badge on the site links to its entry here (`/glossary/#status-<value>`)."""

from django.utils.translation import gettext_lazy as _

from agreements.models import AgreementStatus, CommitmentStatus
from dialogue.models import MeetingStatus

AGREEMENT_STATUSES = {
    AgreementStatus.PROPOSED: _(
        "One side has suggested an agreement; no talks on its text are recorded yet."
    ),
    AgreementStatus.NEGOTIATING: _("The two sides are working on the text."),
    AgreementStatus.SIGNED: _(
        "Both sides have signed the text. Where it needs ratifying, it does not bind them yet."
    ),
    AgreementStatus.RATIFICATION_PENDING: _(
        "Signed, and waiting for a parliament or government to ratify it."
    ),
    AgreementStatus.RATIFIED: _(
        "Ratified by every side that must; it binds them once it enters into force."
    ),
    AgreementStatus.IN_FORCE: _("In effect: its terms now bind the sides."),
    AgreementStatus.IMPLEMENTED: _("Carried out: what it set out to do is done."),
    AgreementStatus.SUSPENDED: _("For now, at least one side does not apply it."),
    AgreementStatus.TERMINATED: _("Ended: it no longer applies."),
    AgreementStatus.SUPERSEDED: _("Replaced by a later agreement."),
}

COMMITMENT_STATUSES = {
    CommitmentStatus.ANNOUNCED: _("Promised or announced; no work on it is recorded yet."),
    CommitmentStatus.IN_PROGRESS: _("Work on it is recorded; it is not done yet."),
    CommitmentStatus.FULFILLED: _("Done, as promised."),
    CommitmentStatus.PARTLY_FULFILLED: _("Some of what was promised is done, not all."),
    CommitmentStatus.OVERDUE: _("Its date has passed and it is not recorded as done."),
    CommitmentStatus.DROPPED: _("Given up: no side pursues it any more."),
}

MEETING_STATUSES = {
    MeetingStatus.PLANNED: _("Announced or scheduled, not yet held."),
    MeetingStatus.HELD: _("It took place."),
    MeetingStatus.CANCELLED: _("Called off."),
    MeetingStatus.POSTPONED: _("Put off to a later date."),
}


def sections():
    """(heading, [(value, label, meaning)]) for each kind of record."""
    return [
        (_("Agreements"), _entries(AgreementStatus, AGREEMENT_STATUSES)),
        (_("Commitments"), _entries(CommitmentStatus, COMMITMENT_STATUSES)),
        (_("Meetings"), _entries(MeetingStatus, MEETING_STATUSES)),
    ]


def _entries(choices, meanings):
    return [(value, label, meanings.get(value, "")) for value, label in choices.choices]
