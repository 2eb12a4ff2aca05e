"""The public resources the changes feed and the releases cover: the API's
twelve lists, each with the viewset that serves it (its serializer says which
fields are public, its csv_fields the release's columns)."""

import functools
from dataclasses import dataclass

from django.db import models

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

    @property
    def model(self) -> type[models.Model]:
        return self.viewset.queryset.model

    @property
    def by_slug(self) -> bool:
        return getattr(self.viewset, "lookup_field", "pk") == "slug"


RESOURCES = (
    Resource("agreements", "agreement", AgreementViewSet),
    Resource("status-events", "status-event", StatusEventViewSet),
    Resource("commitments", "commitment", CommitmentViewSet),
    Resource("commitment-status-events", "commitment-status-event", CommitmentStatusEventViewSet),
    Resource("figures", "figure", FigureViewSet),
    Resource("meetings", "meeting", MeetingViewSet),
    Resource("meeting-series", "meeting-series", MeetingSeriesViewSet),
    Resource("people", "person", PersonViewSet),
    Resource("organisations", "organisation", OrganisationViewSet),
    Resource("topics", "topic", TopicViewSet),
    Resource("sources", "source", SourceViewSet),
    Resource("citations", "citation", CitationViewSet),
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
