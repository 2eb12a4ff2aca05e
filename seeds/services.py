"""Writes that go through the models' own validation, for the API (and
anything else that writes outside the admin and the seed loader)."""

from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction

from seeds.models import Citation, Source

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


@transaction.atomic
def save_citation(
    *,
    citation: Citation | None = None,
    source: Source,
    quote: str,
    cited: models.Model,
    field_name: str = "",
    position: int = 0,
) -> Citation:
    """Create (or change) a citation of `source` supporting `cited`. The quote
    is checked against the source's text by Citation.clean(), which also stores
    its offsets and the source's own wording."""
    return save_validated(
        instance=citation if citation is not None else Citation(),
        fields={
            "source": source,
            "quote": quote,
            "content_type": ContentType.objects.get_for_model(cited),
            "object_id": cited.pk,
            "field_name": field_name,
            "position": position,
        },
    )
