"""The shape of an answer, chosen by the client: `fields=` (only these
fields) and `expand=` (add these nested or heavy fields to a list's lean
row).

A list row is lean by default: a serializer names its heavy fields (nested
status history, quotes, tracks, summaries of related records) in
`Meta.expandable`, and a list leaves them out unless `expand=` names them. A
detail gives the full record. `fields=` then keeps only the fields it names,
expandable ones included. The viewset drops the queryset's prefetches that
no field of the chosen shape reads, so a lean list makes fewer queries, and
as many for 5 rows as for 500.

Only reads (GET, HEAD) are shaped: a write answers with the full record.
"""

from django.db.models import Prefetch
from django.utils.translation import gettext as _
from rest_framework.exceptions import ValidationError

FIELDS = "fields"
EXPAND = "expand"
# `expand=all`: every expandable field, the full list row.
EXPAND_ALL = "all"

_ALL_FIELDS: dict[type, dict] = {}


def all_fields(serializer_class) -> dict:
    """Every field the serializer can give, by name, in its order (built
    once per class: only their names and sources are read)."""
    fields = _ALL_FIELDS.get(serializer_class)
    if fields is None:
        fields = _ALL_FIELDS[serializer_class] = dict(serializer_class(context={}).fields)
    return fields


def field_names(serializer_class) -> tuple[str, ...]:
    return tuple(all_fields(serializer_class))


def expandable(serializer_class) -> tuple[str, ...]:
    names = field_names(serializer_class)
    return tuple(name for name in getattr(serializer_class.Meta, "expandable", ()) if name in names)


def _names(query_params, parameter: str) -> list[str]:
    """`a,b` (or repeated: `?fields=a&fields=b`) as names, blanks dropped."""
    values = query_params.getlist(parameter)
    return [name.strip() for value in values for name in value.split(",") if name.strip()]


def _refuse(parameter: str, unknown: list[str], allowed) -> None:
    raise ValidationError(
        {
            parameter: [
                _("Unknown field %(names)s; choose from: %(allowed)s.")
                % {"names": ", ".join(unknown), "allowed": ", ".join(allowed)}
            ]
        }
    )


def chosen_fields(serializer_class, query_params, *, lean: bool) -> tuple[str, ...]:
    """The fields an answer gives, in the serializer's order: the lean row
    (`lean`) or every field, plus `expand=`, narrowed to `fields=`. An
    unknown name is a 400 naming the parameter and the name."""
    names = field_names(serializer_class)
    heavy = expandable(serializer_class)
    expanded = _names(query_params, EXPAND)
    unknown = [name for name in expanded if name not in heavy and name != EXPAND_ALL]
    if unknown:
        _refuse(EXPAND, unknown, (*heavy, EXPAND_ALL))
    if EXPAND_ALL in expanded or not lean:
        shown = set(names)
    else:
        shown = (set(names) - set(heavy)) | set(expanded)
    only = _names(query_params, FIELDS)
    if only:
        unknown = [name for name in only if name not in names]
        if unknown:
            _refuse(FIELDS, unknown, names)
        # Naming a field is enough to have it, expandable or not.
        shown = set(only)
    return tuple(name for name in names if name in shown)


def relations_read(serializer_class, shown) -> set[str]:
    """The relations (first part of each source) the shown fields read, plus
    what `Meta.field_needs` says a computed field needs."""
    needs = getattr(serializer_class.Meta, "field_needs", {})
    fields = all_fields(serializer_class)
    read = set()
    for name in shown:
        field = fields[name]
        if field.source != "*":
            read.add(field.source.split(".")[0])
        read.update(needs.get(name, ()))
    return read


def trimmed(queryset, relations: set[str]):
    """The queryset without the prefetches that no shown field reads."""
    lookups = queryset._prefetch_related_lookups
    kept = [lookup for lookup in lookups if _root(lookup) in relations]
    if len(kept) == len(lookups):
        return queryset
    return queryset.prefetch_related(None).prefetch_related(*kept)


def _root(lookup) -> str:
    path = lookup.prefetch_through if isinstance(lookup, Prefetch) else lookup
    return path.split("__")[0]


class ShapedSerializerMixin:
    """Gives only the fields the view chose (`context["shape"]`), when the
    view chose; nested serializers keep their full shape."""

    def get_fields(self):
        fields = super().get_fields()
        shape = self.context.get("shape")
        if shape is None or not self._is_top_level():
            return fields
        return {name: field for name, field in fields.items() if name in shape}

    def _is_top_level(self) -> bool:
        parent = self.parent
        return parent is None or (parent.parent is None and getattr(parent, "many", False))
