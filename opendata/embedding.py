"""Which resources show parts of which others inside their details: a
meeting shows the titles of its agreements, an agreement the names of its
parties and topics, a commitment its meeting's link (its slug).

A consumer mirroring the API through the changes feed refetches only what
the feed names, so when a record's shown part changes, every public record
showing it must be named too. Read from the detail serializers themselves,
like `public_fields`, so a summary added to a serializer is followed without
a list kept by hand.
"""

import functools
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from rest_framework import serializers
from rest_framework.relations import HyperlinkedRelatedField, ManyRelatedField, RelatedField

from opendata.resources import BY_NAME, RESOURCES, by_model


@dataclass(frozen=True)
class Embedding:
    holder: str  # the resource whose detail shows the other
    lookup: str  # the ORM path from the holder's model to the shown record
    shown: frozenset[str]  # the shown record's fields on display (attnames)


@functools.cache
def embeddings_of() -> dict[str, tuple[Embedding, ...]]:
    """For each resource, where the others' details show it."""
    shown: dict[tuple[str, str, str], set[str]] = {}
    for resource in RESOURCES:
        serializer = resource.viewset.serializer_class()
        for embedded, embedding in _walk(serializer, resource.model, resource.name, ""):
            key = (embedded, embedding.holder, embedding.lookup)
            shown.setdefault(key, set()).update(embedding.shown)
    found: dict[str, list[Embedding]] = {}
    for (embedded, holder, lookup), fields in sorted(shown.items()):
        found.setdefault(embedded, []).append(Embedding(holder, lookup, frozenset(fields)))
    return {name: tuple(items) for name, items in found.items()}


def holders_showing(resource_name: str, pk, changed: set[str] | None) -> dict[str, set[int]]:
    """The records (by resource, pks) whose details show record `pk` of
    `resource_name` and would read differently after a change to the fields
    `changed` (None: all of them, as when the record is deleted)."""
    if changed is not None:
        changed = {base_name(attname) for attname in changed}
    found: dict[str, set[int]] = {}
    for embedding in embeddings_of().get(resource_name, ()):
        if changed is not None and not changed & embedding.shown:
            continue
        model = BY_NAME[embedding.holder].model
        pks = model._default_manager.filter(**{embedding.lookup: pk}).values_list("pk", flat=True)
        found.setdefault(embedding.holder, set()).update(pks)
    return {name: pks for name, pks in found.items() if pks}


def _walk(serializer, model, holder: str, prefix: str):
    for name, field in serializer.fields.items():
        source = field.source or name
        if source == "*" or "." in source:
            continue
        related = _related_model(model, source)
        if related is None:
            continue
        lookup = prefix + source
        shown = _shown_fields(field, related)
        if related in by_model() and shown:
            yield by_model()[related].name, Embedding(holder, lookup, shown)
        child = field.child if isinstance(field, serializers.ListSerializer) else field
        if isinstance(child, serializers.BaseSerializer):
            yield from _walk(child, related, holder, lookup + "__")


def _related_model(model, source: str) -> type[models.Model] | None:
    try:
        field = model._meta.get_field(source)
    except FieldDoesNotExist:
        return None
    return field.related_model if field.is_relation else None


def _shown_fields(field, related) -> frozenset[str]:
    """The attnames of `related` the field puts on display."""
    if isinstance(field, ManyRelatedField):
        field = field.child_relation
    if isinstance(field, serializers.ListSerializer):
        field = field.child
    if isinstance(field, HyperlinkedRelatedField):
        names = {field.lookup_field}
    elif isinstance(field, RelatedField):
        names = {getattr(field, "slug_field", None) or "pk"}
    elif isinstance(field, serializers.BaseSerializer):
        names = {(child.source or name).split(".")[0] for name, child in field.fields.items()}
    else:
        return frozenset()
    concrete = {f.name: f.attname for f in related._meta.concrete_fields}
    return frozenset(concrete[name] for name in names if name in concrete)


def base_name(attname: str) -> str:
    """A translated column's field: `title_ru` is `title` in another language."""
    for code, _name in settings.LANGUAGES:
        suffix = "_" + code.replace("-", "_")
        if attname.endswith(suffix):
            return attname[: -len(suffix)]
    return attname
