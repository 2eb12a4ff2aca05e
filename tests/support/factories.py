"""Small builders for tests that need a record or two, not the whole seed.
Records are published unless a test says otherwise."""

import datetime
import decimal
import itertools

from django.contrib.contenttypes.models import ContentType

from agreements.models import Agreement, AgreementKind, Commitment, Figure, StatusEvent
from core.dates import DatePrecision
from core.models import PublicationState
from dialogue.models import Meeting, MeetingKind, MeetingSeries
from evidence.models import Citation, Source
from people.models import Organisation, OrganisationKind, Person, Post
from topics.models import Topic

_counter = itertools.count(1)


def source(text="The two sides signed the memorandum in London.", **fields) -> Source:
    number = next(_counter)
    fields.setdefault("slug", f"source-{number}")
    fields.setdefault("title", f"Source {number}")
    fields.setdefault("publication", PublicationState.PUBLISHED)
    return Source.objects.create(text=text, **fields)


def organisation(**fields) -> Organisation:
    number = next(_counter)
    fields.setdefault("slug", f"organisation-{number}")
    fields.setdefault("name", f"Organisation {number}")
    fields.setdefault("kind", OrganisationKind.STATE)
    fields.setdefault("publication", PublicationState.PUBLISHED)
    return Organisation.objects.create(**fields)


def agreement(**fields) -> Agreement:
    number = next(_counter)
    fields.setdefault("slug", f"agreement-{number}")
    fields.setdefault("title", f"Agreement {number}")
    fields.setdefault("kind", AgreementKind.MOU)
    fields.setdefault("publication", PublicationState.PUBLISHED)
    return Agreement.objects.create(**fields)


def status_event(agreement, status, date, precision=DatePrecision.DAY, **fields) -> StatusEvent:
    if isinstance(date, str):
        date = datetime.date.fromisoformat(date)
    event = StatusEvent.objects.create(
        agreement=agreement, status=status, date=date, date_precision=precision, **fields
    )
    agreement.refresh_status()
    return event


def citation(cited, source, quote) -> Citation:
    citation = Citation(
        source=source,
        quote=quote,
        content_type=ContentType.objects.get_for_model(cited),
        object_id=cited.pk,
    )
    citation.full_clean()
    citation.save()
    return citation


def topic(**fields) -> Topic:
    number = next(_counter)
    fields.setdefault("slug", f"topic-{number}")
    fields.setdefault("name", f"Topic {number}")
    fields.setdefault("publication", PublicationState.PUBLISHED)
    return Topic.objects.create(**fields)


def person(*, posts=(), **fields) -> Person:
    number = next(_counter)
    fields.setdefault("slug", f"person-{number}")
    fields.setdefault("name", f"Person {number}")
    fields.setdefault("publication", PublicationState.PUBLISHED)
    created = Person.objects.create(**fields)
    for title in posts:
        Post.objects.create(person=created, title=title)
    return created


def post(person, **fields) -> Post:
    fields.setdefault("title", "Ambassador")
    return Post.objects.create(person=person, **fields)


def series(**fields) -> MeetingSeries:
    number = next(_counter)
    fields.setdefault("slug", f"series-{number}")
    fields.setdefault("name", f"Series {number}")
    fields.setdefault("publication", PublicationState.PUBLISHED)
    return MeetingSeries.objects.create(**fields)


def meeting(**fields) -> Meeting:
    number = next(_counter)
    fields.setdefault("slug", f"meeting-{number}")
    fields.setdefault("title", f"Meeting {number}")
    fields.setdefault("kind", MeetingKind.BILATERAL_MEETING)
    fields.setdefault("start_on", datetime.date(2024, 4, 1))
    fields.setdefault("publication", PublicationState.PUBLISHED)
    return Meeting.objects.create(**fields)


def commitment(**fields) -> Commitment:
    number = next(_counter)
    fields.setdefault("slug", f"commitment-{number}")
    fields.setdefault("title", f"Commitment {number}")
    fields.setdefault("publication", PublicationState.PUBLISHED)
    return Commitment.objects.create(**fields)


def figure(**fields) -> Figure:
    number = next(_counter)
    fields.setdefault("slug", f"figure-{number}")
    fields.setdefault("name", f"Figure {number}")
    fields.setdefault("metric", "trade-turnover")
    fields.setdefault("value", decimal.Decimal("2.8"))
    fields.setdefault("unit", "GBP bn")
    fields.setdefault("publication", PublicationState.PUBLISHED)
    return Figure.objects.create(**fields)


def grow_every_list(count: int) -> None:
    """`count` more rows of every kind a list shows (agreements, their status
    events and citations, commitments and theirs, figures, meetings with
    participants, series, people with posts, organisations, topics,
    sources), each linked to the others as real records are: for tests that
    a list's queries do not grow with its rows."""
    from agreements.models import CommitmentStatusEvent
    from dialogue.models import Participation

    text = "The sides signed the memorandum in London and agreed a roadmap."
    for number in range(count):
        kept = source(text=text)
        party, subject = organisation(), topic()
        someone = person()
        post(someone, organisation=party)
        pact = agreement()
        pact.parties.add(party)
        pact.topics.add(subject)
        pact.signatories.add(someone)
        citation(pact, kept, "signed the memorandum")
        day = datetime.date(2020, 1, number % 28 + 1)
        citation(status_event(pact, "signed", day, party=party), kept, "in London")
        talks = meeting(series=series(), start_on=day)
        talks.topics.add(subject)
        Participation.objects.create(meeting=talks, person=someone, organisation=party)
        pact.meetings.add(talks)
        promise = commitment(meeting=talks, agreement=pact)
        promise.parties.add(party)
        promise.people.add(someone)
        promise.topics.add(subject)
        citation(promise, kept, "agreed a roadmap")
        CommitmentStatusEvent.objects.create(
            commitment=promise, status="announced", date=day, date_precision=DatePrecision.DAY
        )
        promise.refresh_status()
        figure(subject=party).topics.add(subject)
