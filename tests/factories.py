"""Small builders for tests that need a record or two, not the whole seed.
Records are published unless a test says otherwise."""

import datetime
import itertools

from django.contrib.contenttypes.models import ContentType

from agreements.models import Agreement, AgreementKind, StatusEvent
from dialogue.models import Organisation, OrganisationKind
from seeds.dates import DatePrecision
from seeds.models import Citation, PublicationState, Source

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
