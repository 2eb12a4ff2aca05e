"""A draft of every content model, tied to the published records whose pages
would show it if a rule were missing: for the visibility walker
(tests/core/test_visibility_walk.py).

Every draft's slug and text carry MARK, so one search of a response finds
any of them. Records owned by a published one (a post, a participation, a
status step) are public themselves and carry no mark; those owned by a draft
carry it. Two stages:

- `add_drafts`: drafts, and their ties to published records that change no
  published row (many-to-many links, drafts pointing at published records,
  children of published records naming a draft). A published page must be
  byte for byte what it was before: no count, choice or order moves.
- `point_published_records_at_drafts`: published rows whose own foreign key
  now names a draft (a meeting's series, a figure's subject...). Their pages
  change (the field reads as empty) but must never name the draft.
"""

import datetime
from dataclasses import dataclass, field

from django.apps import apps
from django.db import models

from agreements.models import (
    Agreement,
    AgreementRelation,
    AgreementStatus,
    Commitment,
    CommitmentStatus,
    CommitmentStatusEvent,
    Figure,
    RelationKind,
    StatusEvent,
)
from core.content_apps import content_app_labels
from core.models import PublicationState
from dialogue.models import Meeting, MeetingSeries, Participation, ParticipationRole
from evidence.models import Source
from people.models import Organisation, Person
from tests.support import factories
from topics.models import Topic

MARK = "zqdraft"
# Stands in for a draft's slug or words in the "answers like an unknown one"
# comparisons: as long as MARK, and matching nothing.
UNKNOWN = "zqnosuc"
DRAFT = PublicationState.DRAFT

# Content models that are not shown to anyone, with the reason.
NOT_SHOWN = {"seeds.SeedRecord": "the loader's bookkeeping; no page, feed or API reads it"}


def content_models() -> list[type[models.Model]]:
    """Every model of the content apps (core.content_apps), histories aside."""
    return [
        model
        for label in content_app_labels()
        for model in apps.get_app_config(label).get_models()
        if not model.__name__.startswith("Historical") and model._meta.label not in NOT_SHOWN
    ]


@dataclass
class Drafts:
    """The drafts made, by model label, and the published records tied to them."""

    records: dict[str, list[models.Model]] = field(default_factory=dict)
    published: dict[str, models.Model] = field(default_factory=dict)

    def add(self, record: models.Model) -> models.Model:
        self.records.setdefault(record._meta.label, []).append(record)
        return record

    def slugs(self, model) -> list[str]:
        return [record.slug for record in self.records.get(model._meta.label, ())]


def _first_published(model):
    return model.objects.filter(publication=PublicationState.PUBLISHED).order_by("pk").first()


def published_records() -> dict[str, models.Model]:
    """One published record of each kind that has pages: the drafts are tied
    to these, and the walker visits their pages."""
    chosen = {}
    for model in (Topic, Organisation, Person, MeetingSeries, Meeting, Agreement, Commitment):
        chosen[model._meta.label] = _first_published(model)
    chosen["agreements.Figure"] = (
        Figure.objects.published().filter(subject__isnull=False).order_by("pk").first()
    )
    chosen["evidence.Source"] = (
        Source.objects.published().filter(citations__isnull=False).order_by("pk").first()
    )
    chosen["dialogue.Meeting"] = (
        Meeting.objects.published().filter(series__isnull=False).order_by("pk").first()
    )
    chosen["agreements.Commitment"] = (
        Commitment.objects.published()
        .filter(meeting__isnull=False, agreement__isnull=False)
        .order_by("pk")
        .first()
        or chosen["agreements.Commitment"]
    )
    chosen["people.Organisation.child"] = (
        Organisation.objects.published().filter(parent__isnull=False).order_by("pk").first()
    )
    assert all(chosen.values()), chosen
    return chosen


def add_drafts() -> Drafts:
    drafts = Drafts(published=published_records())
    _directory(drafts)
    _dialogue(drafts)
    _agreements(drafts)
    _evidence(drafts)
    return drafts


def _directory(drafts: Drafts) -> None:
    pub = drafts.published
    topic = drafts.add(
        factories.topic(slug=f"{MARK}-topic", name=f"{MARK} topic", publication=DRAFT)
    )
    for label in ("agreements.Agreement", "agreements.Commitment", "dialogue.Meeting"):
        pub[label].topics.add(topic)
    pub["agreements.Figure"].topics.add(topic)
    organisation = drafts.add(
        factories.organisation(
            slug=f"{MARK}-organisation",
            name=f"{MARK} organisation",
            short_name=f"{MARK} org",
            parent=pub["people.Organisation"],
            publication=DRAFT,
        )
    )
    pub["agreements.Agreement"].parties.add(organisation)
    pub["agreements.Commitment"].parties.add(organisation)
    person = drafts.add(
        factories.person(slug=f"{MARK}-person", name=f"{MARK} person", publication=DRAFT)
    )
    pub["agreements.Agreement"].signatories.add(person)
    pub["agreements.Commitment"].people.add(person)
    # The draft person's own post, at a published organisation (on its page).
    drafts.add(
        factories.post(person, title=f"{MARK} post", organisation=pub["people.Organisation"])
    )


def _dialogue(drafts: Drafts) -> None:
    pub = drafts.published
    drafts.add(factories.series(slug=f"{MARK}-series", name=f"{MARK} series", publication=DRAFT))
    meeting = drafts.add(
        factories.meeting(
            slug=f"{MARK}-meeting",
            title=f"{MARK} meeting",
            series=pub["dialogue.MeetingSeries"],
            place=f"{MARK} place",
            publication=DRAFT,
        )
    )
    meeting.topics.add(pub["topics.Topic"])
    person = drafts.records["people.Person"][0]
    organisation = drafts.records["people.Organisation"][0]
    # The draft person and organisation at a published meeting...
    Participation.objects.create(
        meeting=pub["dialogue.Meeting"], person=person, role=ParticipationRole.PARTICIPANT
    )
    Participation.objects.create(
        meeting=pub["dialogue.Meeting"], organisation=organisation, role=ParticipationRole.HOST
    )
    # ...and published ones at the draft meeting (shown on their pages if leaked).
    drafts.add(
        Participation.objects.create(
            meeting=meeting,
            person=pub["people.Person"],
            organisation=pub["people.Organisation"],
            note=f"{MARK} participation",
        )
    )
    pub["agreements.Agreement"].meetings.add(meeting)


def _agreements(drafts: Drafts) -> None:
    pub = drafts.published
    agreement = drafts.add(
        factories.agreement(
            slug=f"{MARK}-agreement",
            title=f"{MARK} agreement",
            short_title=f"{MARK} short",
            signed_on=datetime.date(2025, 3, 1),
            publication=DRAFT,
        )
    )
    agreement.topics.add(pub["topics.Topic"])
    agreement.parties.add(pub["people.Organisation"])
    agreement.signatories.add(pub["people.Person"])
    agreement.meetings.add(pub["dialogue.Meeting"])
    drafts.add(
        factories.status_event(agreement, AgreementStatus.SIGNED, "2025-03-01", note=f"{MARK} step")
    )
    drafts.add(
        AgreementRelation.objects.create(
            agreement=agreement, kind=RelationKind.IMPLEMENTS, target=pub["agreements.Agreement"]
        )
    )
    AgreementRelation.objects.create(
        agreement=pub["agreements.Agreement"], kind=RelationKind.AMENDS, target=agreement
    )
    commitment = drafts.add(
        factories.commitment(
            slug=f"{MARK}-commitment",
            title=f"{MARK} commitment",
            meeting=pub["dialogue.Meeting"],
            agreement=pub["agreements.Agreement"],
            publication=DRAFT,
        )
    )
    commitment.topics.add(pub["topics.Topic"])
    commitment.parties.add(pub["people.Organisation"])
    commitment.people.add(pub["people.Person"])
    event = CommitmentStatusEvent.objects.create(
        commitment=commitment,
        status=CommitmentStatus.ANNOUNCED,
        date=datetime.date(2025, 3, 1),
        note=f"{MARK} commitment step",
    )
    commitment.refresh_status()
    drafts.add(event)
    _draft_steps(drafts)
    figure = drafts.add(
        factories.figure(
            slug=f"{MARK}-figure",
            name=f"{MARK} figure",
            metric=pub["agreements.Figure"].metric,
            subject=pub["people.Organisation"],
            value_text=f"{MARK} words",
            publication=DRAFT,
        )
    )
    figure.topics.add(pub["topics.Topic"])


def _draft_steps(drafts: Drafts) -> None:
    """Draft steps on published records (an editor has yet to accept a step
    an article proposed): created without refresh_status(), which a draft
    would not change anyway, so the published pages must stay the same."""
    pub = drafts.published
    drafts.add(
        StatusEvent.objects.create(
            agreement=pub["agreements.Agreement"],
            status=AgreementStatus.TERMINATED,
            date=datetime.date(2026, 1, 1),
            note=f"{MARK} draft step",
            publication=DRAFT,
        )
    )
    drafts.add(
        CommitmentStatusEvent.objects.create(
            commitment=pub["agreements.Commitment"],
            status=CommitmentStatus.DROPPED,
            date=datetime.date(2026, 1, 1),
            note=f"{MARK} draft commitment step",
            publication=DRAFT,
        )
    )


def _evidence(drafts: Drafts) -> None:
    pub = drafts.published
    published_source = pub["evidence.Source"]
    quote = published_source.citations.order_by("pk").first().quote
    source = drafts.add(
        factories.source(
            text=f"The {MARK} source says the two sides signed. {quote}",
            slug=f"{MARK}-source",
            title=f"{MARK} source",
            publisher=f"{MARK} publisher",
            publication=DRAFT,
        )
    )
    # Published facts quoted from the draft source...
    factories.citation(pub["agreements.Agreement"], source, "the two sides signed")
    factories.citation(pub["agreements.Figure"], source, "the two sides signed")
    # ...and a draft quoted from a published source.
    agreement = drafts.records["agreements.Agreement"][0]
    drafts.add(factories.citation(agreement, published_source, quote))


def point_published_records_at_drafts(drafts: Drafts) -> None:
    """Published rows whose own foreign keys now name drafts (by update(), so
    that no published row's `updated_at` moves), and new public children of
    published records that name a draft."""
    pub = drafts.published
    organisation = drafts.records["people.Organisation"][0]
    factories.post(pub["people.Person"], title="Adviser", organisation=organisation)
    factories.status_event(
        pub["agreements.Agreement"], AgreementStatus.SIGNED, "1990-01-01", party=organisation
    )
    CommitmentStatusEvent.objects.create(
        commitment=pub["agreements.Commitment"],
        status=CommitmentStatus.ANNOUNCED,
        date=datetime.date(1990, 1, 1),
        party=organisation,
    )
    pub["agreements.Commitment"].refresh_status()
    Meeting.objects.filter(pk=pub["dialogue.Meeting"].pk).update(
        series=drafts.records["dialogue.MeetingSeries"][0]
    )
    Figure.objects.filter(pk=pub["agreements.Figure"].pk).update(subject=organisation)
    Organisation.objects.filter(pk=pub["people.Organisation.child"].pk).update(parent=organisation)
    Commitment.objects.filter(pk=pub["agreements.Commitment"].pk).update(
        meeting=drafts.records["dialogue.Meeting"][0],
        agreement=drafts.records["agreements.Agreement"][0],
    )
    StatusEvent.objects.filter(agreement=pub["agreements.Agreement"]).update(party=organisation)
