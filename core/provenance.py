"""Where a record came from, as the admin shows it ("came from").

Core cannot know how records arrive (the seed loader, an import, an
article's ingestion sit above it): each of those registers a function that
describes a record it brought in, or returns None."""

from collections.abc import Callable

from django.db import models

Describer = Callable[[models.Model], str | None]
_describers: list[Describer] = []


def register_provenance(describer: Describer) -> None:
    if describer not in _describers:
        _describers.append(describer)


def describe_provenance(obj: models.Model) -> str | None:
    for describer in _describers:
        described = describer(obj)
        if described:
            return described
    return None
