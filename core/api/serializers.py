"""What every app's serializers share: writes through the models' own
validation (full_clean), fields described for the OpenAPI schema, relations
read from prefetched lists, and drafts hidden from those who may not see them."""

import re
from contextlib import contextmanager

from django.core.exceptions import NON_FIELD_ERRORS
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.settings import api_settings

from core.api.languages import InRequestedLanguage, english_columns
from core.api.shape import ShapedSerializerMixin
from core.api.visibility import HidesDrafts, hidden, without_hidden
from core.dates import serialize_partial_date
from core.models import PREFETCHED
from core.services import save_validated

MAX_BIG_ID = 2**63 - 1
SLUG = re.compile(r"[-a-zA-Z0-9_]+")


def partial_date_fields(name: str, *, with_note: bool = True) -> tuple[str, ...]:
    """The API fields of a partial date: `signed_on`, `signed_on_precision`,
    `signed_on_text`..."""
    names = (name, f"{name}_precision", f"{name}_text")
    return (*names, f"{name}_inferred", f"{name}_note") if with_note else names


# The schema of every `*_text` date: EDTF level 0 at the date's precision.
EDTF_SCHEMA = {
    "type": "string",
    "nullable": True,
    "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$",
    "example": "2024-04",
}


def _attribute(instance, dotted: str):
    for name in dotted.split("."):
        instance = getattr(instance, name, None)
    return instance


@extend_schema_field(EDTF_SCHEMA)
class PartialDateTextField(serializers.Field):
    """A partial date as one string at its precision ("2024-04-24",
    "2024-04", "2024"; null when there is no date), made by
    core.dates.serialize_partial_date from the record's date and precision
    attributes (dotted paths allowed; an annotation that is missing reads as
    no date)."""

    def __init__(self, *, date: str, precision: str, **kwargs):
        self.date_attribute, self.precision_attribute = date, precision
        kwargs.setdefault(
            "help_text",
            _("%(date)s at its precision (EDTF: YYYY-MM-DD, YYYY-MM or YYYY); null without one.")
            % {"date": date.rsplit(".", 1)[-1]},
        )
        kwargs.update(source="*", read_only=True)
        super().__init__(**kwargs)

    def to_representation(self, instance):
        date = _attribute(instance, self.date_attribute)
        precision = _attribute(instance, self.precision_attribute) or "day"
        return serialize_partial_date(date, precision)


@contextmanager
def model_errors_as_api_errors(serializer: serializers.Serializer):
    """Turn the model's ValidationError into a 400 keyed by the API's own
    field names (`field` for the model's `field_name`...)."""
    try:
        yield
    except DjangoValidationError as exc:
        detail = serializers.as_serializer_error(exc)
        api_names = {
            field.source: name for name, field in serializer.fields.items() if field.source != "*"
        }
        api_names[NON_FIELD_ERRORS] = api_settings.NON_FIELD_ERRORS_KEY
        raise serializers.ValidationError(
            {api_names.get(key, key): messages for key, messages in detail.items()}
        ) from exc


class DescribedModelSerializer(
    ShapedSerializerMixin, InRequestedLanguage, HidesDrafts, serializers.ModelSerializer
):
    """Every generated field carries a description for the OpenAPI schema:
    the model field's help_text, or else its verbose name. Nested as a list,
    it reads prefetched lists (ReadsPrefetched)."""

    @classmethod
    def many_init(cls, *args, **kwargs):
        return _reading_prefetched(super().many_init(*args, **kwargs))

    def get_fields(self):
        # Every nested list, whatever serializer it holds (a plain one for a
        # record of an app above, say), leaves out what the reader may not see.
        fields = super().get_fields()
        for field in fields.values():
            _reading_prefetched(field)
        return fields

    def is_hidden(self, record) -> bool:
        """Left out of a list of these (core.api.visibility)."""
        return hidden(self.context, record)

    def build_field(self, field_name, info, model_class, nested_depth):
        # `signed_on_text` beside a model's `signed_on` and
        # `signed_on_precision`: naming it in Meta.fields is enough.
        base = field_name.removesuffix("_text")
        if base != field_name and {base, f"{base}_precision"} <= info.fields.keys():
            return PartialDateTextField, {"date": base, "precision": f"{base}_precision"}
        return super().build_field(field_name, info, model_class, nested_depth)

    def build_standard_field(self, field_name, model_field):
        # DRF works out every field of a model serializer again each time one
        # is made: for one agreement, its steps, quotes and summaries, that
        # was a third of the request. What it works out depends only on the
        # serializer class and the model field, so it is kept; each field
        # still gets its own kwargs and validator list.
        key = (type(self), field_name, model_field)
        built = _STANDARD_FIELDS.get(key)
        if built is None:
            field_class, field_kwargs = super().build_standard_field(field_name, model_field)
            if not field_kwargs.get("help_text"):
                field_kwargs["help_text"] = capfirst(model_field.verbose_name)
            built = _STANDARD_FIELDS[key] = (field_class, field_kwargs)
        field_class, field_kwargs = built
        field_kwargs = dict(field_kwargs)
        if "validators" in field_kwargs:
            field_kwargs["validators"] = list(field_kwargs["validators"])
        return field_class, field_kwargs


_STANDARD_FIELDS: dict = {}


class ValidatedModelSerializer(DescribedModelSerializer):
    """Creates and updates through core.services.save_validated, so that an
    API write obeys the same full_clean() rules as the admin; the serializer
    only translates between JSON and model values."""

    def get_field_names(self, declared_fields, info):
        # Every content record carries its publication state, so editors can
        # publish through the API; it is one rule for all of them.
        names = list(super().get_field_names(declared_fields, info))
        if "publication" in info.fields and "publication" not in names:
            names.append("publication")
        return names

    def create(self, validated_data):
        return self.save_instance(self.Meta.model(), validated_data)

    def update(self, instance, validated_data):
        return self.save_instance(instance, validated_data)

    def save_instance(self, instance, validated_data):
        opts = instance._meta
        validated_data = english_columns(type(instance), validated_data)
        many_to_many = {
            name: validated_data.pop(name)
            for name in list(validated_data)
            if opts.get_field(name).many_to_many
        }
        with model_errors_as_api_errors(self):
            return save_validated(
                instance=instance, fields=validated_data, many_to_many=many_to_many
            )


def _prefetched(instance, source_attrs):
    if len(source_attrs) == 1:
        return instance.__dict__.get(PREFETCHED.format(source_attrs[0]))
    return None


class ReadsPrefetched:
    """Reads a relation from the plain list `core.models.prefetched()` left
    on the record, when there is one, rather than through its manager."""

    def get_attribute(self, instance):
        found = _prefetched(instance, self.source_attrs)
        return found if found is not None else super().get_attribute(instance)


class PrefetchedListSerializer(ReadsPrefetched, serializers.ListSerializer):
    def to_representation(self, data):
        records = data.all() if isinstance(data, models.manager.BaseManager) else data
        if self.parent is None:
            # A page of a list: the view's queryset is filtered (visible_to).
            return super().to_representation(records)
        is_hidden = getattr(self.child, "is_hidden", None) or (
            lambda record: hidden(self.context, record)
        )
        shown = [record for record in records if not is_hidden(record)]
        return super().to_representation(shown)


class PrefetchedManyRelatedField(ReadsPrefetched, serializers.ManyRelatedField):
    def to_representation(self, iterable):
        return super().to_representation(without_hidden(self.context, iterable))


def _reading_prefetched(field):
    # DRF builds the list field; only its class changes, to one that adds a
    # method and no state.
    swaps = {
        serializers.ListSerializer: PrefetchedListSerializer,
        serializers.ManyRelatedField: PrefetchedManyRelatedField,
    }
    field.__class__ = swaps.get(type(field), type(field))
    return field


class SlugKeyField(HidesDrafts, serializers.SlugRelatedField):
    """A related record written by its slug. Refuses what cannot be a slug
    before looking it up: PostgreSQL fails on a NUL byte instead of finding
    nothing."""

    @classmethod
    def many_init(cls, *args, **kwargs):
        return _reading_prefetched(super().many_init(*args, **kwargs))

    def to_internal_value(self, data):
        if not isinstance(data, str) or not SLUG.fullmatch(data):
            self.fail("does_not_exist", slug_name=self.slug_field, value=str(data)[:120])
        return super().to_internal_value(data)
