"""Every row of every table of ours, told apart by what it says rather than
by its database id: two databases loaded from the same data in different
orders, or at different times, have equal natural snapshots.

A row is its field values, without its own id, its automatic timestamps
(created, updated, loaded, a history row's date) or its history id; a
reference to another row (a foreign key, a generic relation's object id, a
history row's id of the record it copies) is that row's own natural form."""

from django.apps import apps
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db import models

SKIPPED = {"history_date", "history_id", "m2m_history_id"}


def natural_snapshot(app_labels) -> dict[str, list[str]]:
    memo: dict = {"rows": {}}
    state = {}
    for label in app_labels:
        for model in apps.get_app_config(label).get_models():
            through = [field.remote_field.through for field in model._meta.local_many_to_many]
            for table in (model, *through):
                rows = [
                    _natural(table, pk, memo) for pk in table.objects.values_list("pk", flat=True)
                ]
                state[table._meta.label] = sorted(map(repr, rows))
    return state


def _natural(model, pk, memo: dict):
    if pk is None:
        return None
    key = (model._meta.label, pk)
    if key not in memo:
        memo[key] = ("…",)  # a reference back to a row being read: no loop
        row = _rows(model, memo)[pk]
        memo[key] = (model._meta.label, tuple(sorted(_values(model, row, memo).items())))
    return memo[key]


def _rows(model, memo: dict) -> dict:
    """Every row of `model` by primary key, read once."""
    if model not in memo["rows"]:
        memo["rows"][model] = {row["pk"]: row for row in model.objects.values("pk", *_names(model))}
    return memo["rows"][model]


def _names(model) -> list[str]:
    return [field.attname for field in model._meta.concrete_fields]


def _values(model, row: dict, memo: dict) -> dict:
    copies = getattr(model, "instance_type", None)  # a django-simple-history table
    generic = {
        field.fk_field: field.ct_field
        for field in (copies or model)._meta.private_fields
        if isinstance(field, GenericForeignKey)
    }
    names = {field.name for field in model._meta.concrete_fields}
    if not generic and {"content_type", "object_id"} <= names:
        generic = {"object_id": "content_type"}  # an id and its model, with no GenericForeignKey
    values = {}
    for field in model._meta.concrete_fields:
        value = row[field.attname]
        if field.primary_key or field.name in SKIPPED or _automatic(field):
            continue
        if copies is not None and _automatic(_field_or_none(copies, field.name)):
            continue
        if field.is_relation:
            value = _natural(field.related_model, value, memo)
        elif field.name in generic:
            content_type = ContentType.objects.get_for_id(row[f"{generic[field.name]}_id"])
            value = _natural(content_type.model_class(), int(value), memo)
        elif copies is not None and field.name == copies._meta.pk.name:
            value = _natural(copies, value, memo)
        values[field.name] = value
    return values


def _automatic(field) -> bool:
    return isinstance(field, models.DateTimeField | models.DateField) and (
        field.auto_now or field.auto_now_add
    )


def _field_or_none(model, name: str):
    try:
        return model._meta.get_field(name)
    except FieldDoesNotExist:
        return None
