"""Writes that go through the models' own validation, for the API (and
anything else that writes outside the admin and the seed loader)."""

from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

from django.db import models, transaction

ModelT = TypeVar("ModelT", bound=models.Model)


@transaction.atomic
def save_validated(
    *,
    instance: ModelT,
    fields: Mapping[str, Any],
    many_to_many: Mapping[str, Iterable[models.Model]] | None = None,
) -> ModelT:
    """Set `fields` on `instance`, validate it exactly as the admin does
    (`full_clean()`: field rules, the model's `clean()`, uniqueness and
    constraints), save it, then set its many-to-many relations.

    Raises django.core.exceptions.ValidationError, keyed by model field name.
    """
    for name, value in fields.items():
        setattr(instance, name, value)
    instance.full_clean()
    instance.save()
    for name, related in (many_to_many or {}).items():
        getattr(instance, name).set(related)
    return instance
