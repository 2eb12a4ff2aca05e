"""Seed handlers: how one model's records look in the seed files.

An app declares a handler per seeded model in `<app>/seed.py` and registers it;
`discover()` imports those modules through the app registry, the way the admin
finds `admin.py`.
"""

import hashlib
import json
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.module_loading import autodiscover_modules

from seeding.loader.errors import SeedError
from seeding.loader.fields import (
    SeedField,
    Slug,
    translation_key_problem,
    with_translations,
)


class RecordHandler:
    """The fields of a record and how to read, dump and apply them."""

    model = None
    fields: tuple[SeedField, ...] = ()
    # Relations to prefetch so that dumping many records costs a few queries.
    prefetch: tuple[str, ...] = ()
    select: tuple[str, ...] = ()

    def allowed_keys(self) -> list[str]:
        return [key for field in self.all_fields() for key in field.keys]

    def all_fields(self) -> tuple[SeedField, ...]:
        return self.own_fields()

    def own_fields(self) -> tuple[SeedField, ...]:
        """The declared fields, with their translations (core/content_lang.py)."""
        cached = self.__dict__.get("_own_fields")
        if cached is None:
            cached = self.__dict__["_own_fields"] = with_translations(self.fields, self.model)
        return cached

    def parse(self, raw: dict, ctx) -> dict[str, Any]:
        """Validate a YAML record and return its canonical form."""
        allowed = self.allowed_keys()
        for key in raw:
            if key not in allowed:
                problem = translation_key_problem(str(key), allowed)
                if problem:
                    raise SeedError(problem, field=str(key))
                raise SeedError(
                    f"unknown field; a {self.model._meta.verbose_name} record has: "
                    f"{', '.join(allowed)}",
                    field=str(key),
                )
        values: dict[str, Any] = {}
        for field in self.all_fields():
            values.update(field.parse(raw, ctx))
        return values

    def dump(self, obj) -> dict[str, Any]:
        values: dict[str, Any] = {}
        for field in self.all_fields():
            values.update(field.dump(obj))
        return values

    def export(self, values: dict[str, Any], ctx) -> dict[str, Any]:
        """The canonical form as a person would write it: defaults left out."""
        record: dict[str, Any] = {}
        for field in self.all_fields():
            record.update(field.export(values, ctx))
        return record

    def apply_columns(self, obj, values: dict[str, Any], ctx, *, same_file: bool) -> None:
        """Set the row's own columns; references within the file only when
        `same_file` (every record of the file exists by then)."""
        for field in self.all_fields():
            if not field.needs_pk and (same_file or not field.same_file):
                field.apply(obj, values, ctx)

    def apply_relations(self, obj, values: dict[str, Any], ctx) -> None:
        """Write what hangs off the saved row: many-to-many, citations, children."""
        for field in self.all_fields():
            if field.needs_pk:
                field.apply(obj, values, ctx)

    def deferred_attrs(self) -> list[str]:
        """What a first save leaves for later, so validation skips it then."""
        return [field.attr for field in self.all_fields() if field.needs_pk or field.same_file]

    def full_clean(self, obj, *, exclude=None) -> None:
        """The model's own validation, reported in the seed's terms."""
        try:
            obj.full_clean(exclude=exclude, validate_unique=True)
        except ValidationError as exc:
            key_for_attr = {}
            for field in self.all_fields():
                key_for_attr[field.attr] = field.key
                key_for_attr[f"{field.key}_precision"] = field.key
            details = getattr(exc, "message_dict", {"__all__": exc.messages})
            name, messages = next(iter(details.items()))
            raise SeedError(
                " ".join(messages),
                field=None if name == "__all__" else key_for_attr.get(name, name),
            ) from None

    def after_write(self, obj, ctx) -> None:
        """Hook for derived state (an agreement's current status)."""


class SeedHandler(RecordHandler):
    """A top-level record kind: one YAML file, keyed by slug."""

    file: str = ""
    order: int = 100
    key = "slug"

    def all_fields(self):
        return (Slug(self.key, required=True), *self.own_fields())

    def lookup(self, slugs):
        queryset = self.model._default_manager.filter(**{f"{self.key}__in": slugs})
        if self.select:
            queryset = queryset.select_related(*self.select)
        if self.prefetch:
            queryset = queryset.prefetch_related(*self.prefetch)
        return {getattr(obj, self.key): obj for obj in queryset}

    def all_for_export(self):
        queryset = self.model._default_manager.order_by(self.key)
        if self.select:
            queryset = queryset.select_related(*self.select)
        return queryset.prefetch_related(*self.prefetch)


class ChildHandler(RecordHandler):
    """A record nested in its parent's (a status event in an agreement)."""

    parent_attr = ""
    position_attr: str | None = "position"


def digest(values: dict[str, Any]) -> str:
    encoded = json.dumps(values, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(encoded.encode("utf-8")).hexdigest()


class SeedRegistry:
    def __init__(self):
        self._handlers: dict[str, SeedHandler] = {}

    def register(self, handler_class):
        handler = handler_class()
        if handler.file in self._handlers:
            raise RuntimeError(f"Two seed handlers claim {handler.file}")
        self._handlers[handler.file] = handler
        return handler_class

    def handlers(self) -> list[SeedHandler]:
        discover()
        return sorted(self._handlers.values(), key=lambda handler: (handler.order, handler.file))


registry = SeedRegistry()
register = registry.register

_discovered = False


def discover():
    global _discovered
    if not _discovered:
        autodiscover_modules("seed")
        _discovered = True
