"""The public resources the changes feed and the releases cover: the API's
twelve lists, each with the viewset that serves it (its serializer says which
fields are public, its csv_fields the release's columns)."""

import functools
from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _

from agreements.api import (
    AgreementViewSet,
    CommitmentStatusEventViewSet,
    CommitmentViewSet,
    FigureViewSet,
    StatusEventViewSet,
)
from dialogue.api import MeetingSeriesViewSet, MeetingViewSet
from evidence.api import CitationViewSet, SourceViewSet
from people.api import OrganisationViewSet, PersonViewSet
from topics.api import TopicViewSet


@dataclass(frozen=True)
class Resource:
    name: str  # its path under /api/v1/
    basename: str  # its route name ("status-event")
    viewset: type
    description: str  # in plain words, for the data page and datapackage.json

    @property
    def model(self) -> type[models.Model]:
        return self.viewset.queryset.model

    @property
    def by_slug(self) -> bool:
        return getattr(self.viewset, "lookup_field", "pk") == "slug"


RESOURCES = (
    Resource(
        "agreements",
        "agreement",
        AgreementViewSet,
        _("Treaties, agreements, memoranda and roadmaps, with their current status."),
    ),
    Resource(
        "status-events",
        "status-event",
        StatusEventViewSet,
        _("Each dated step of an agreement's status: signed, ratified, in force..."),
    ),
    Resource(
        "commitments",
        "commitment",
        CommitmentViewSet,
        _("What either side promised, planned or announced, by whom and by when."),
    ),
    Resource(
        "commitment-status-events",
        "commitment-status-event",
        CommitmentStatusEventViewSet,
        _("Each dated step of a commitment's status."),
    ),
    Resource(
        "figures",
        "figure",
        FigureViewSet,
        _("Numbers the sources quote, such as trade turnover."),
    ),
    Resource(
        "meetings",
        "meeting",
        MeetingViewSet,
        _("Dialogue rounds, visits, commission sessions and other meetings."),
    ),
    Resource(
        "meeting-series",
        "meeting-series",
        MeetingSeriesViewSet,
        _("Recurring formats, such as the Strategic Dialogue."),
    ),
    Resource(
        "people",
        "person",
        PersonViewSet,
        _("People, with the offices they held."),
    ),
    Resource(
        "organisations",
        "organisation",
        OrganisationViewSet,
        _("States, ministries, agencies, universities and companies."),
    ),
    Resource(
        "topics",
        "topic",
        TopicViewSet,
        _("The subjects records are about."),
    ),
    Resource(
        "sources",
        "source",
        SourceViewSet,
        _("The documents every fact is quoted from."),
    ),
    Resource(
        "citations",
        "citation",
        CitationViewSet,
        _("Quotes from the sources, word for word, each backing one record."),
    ),
)
BY_NAME = {resource.name: resource for resource in RESOURCES}


@functools.cache
def by_model() -> dict[type[models.Model], Resource]:
    return {resource.model: resource for resource in RESOURCES}


# Model fields shown under another name (a method field reading them).
_SHOWN_AS = {"citations": ("content_type", "object_id")}


@functools.cache
def public_fields(resource_name: str) -> frozenset[str]:
    """The model fields (attnames) the resource's detail shows, found from
    its serializer's fields and their sources. A change to none of these
    (an internal column, a timestamp) is no change to a consumer."""
    resource = BY_NAME[resource_name]
    serializer = resource.viewset.serializer_class()
    names = set(_SHOWN_AS.get(resource_name, ()))
    for name, field in serializer.fields.items():
        names.add(name)
        names.add((field.source or name).split(".")[0])
    found = set()
    for field in resource.model._meta.concrete_fields:
        if field.name in names or field.attname in names:
            found.add(field.attname)
    return frozenset(found - {"updated_at", "created_at"})
