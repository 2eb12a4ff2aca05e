"""Serializers for sources and citations, and what every app's serializers
share: writes through the models' own validation, and the nested citations."""

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

from seeds.api_base import api_url
from seeds.api_links import HyperlinkedIdentityField, HyperlinkedRelatedField
from seeds.api_visibility import HidesDrafts, hidden, without_hidden
from seeds.models import PREFETCHED, Citation, Source, cited_types
from seeds.services import save_citation, save_validated

MAX_BIG_ID = 2**63 - 1
SLUG = re.compile(r"[-a-zA-Z0-9_]+")


def partial_date_fields(name: str, *, with_note: bool = True) -> tuple[str, ...]:
    """The API fields of a partial date: `signed_on`, `signed_on_precision`..."""
    names = (name, f"{name}_precision")
    return (*names, f"{name}_inferred", f"{name}_note") if with_note else names


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


class DescribedModelSerializer(HidesDrafts, serializers.ModelSerializer):
    """Every generated field carries a description for the OpenAPI schema:
    the model field's help_text, or else its verbose name. Nested as a list,
    it reads prefetched lists (ReadsPrefetched)."""

    @classmethod
    def many_init(cls, *args, **kwargs):
        return _reading_prefetched(super().many_init(*args, **kwargs))

    def is_hidden(self, record) -> bool:
        """Left out of a list of these (seeds.api_visibility)."""
        return hidden(self.context, record)

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
    """Creates and updates through seeds.services.save_validated, so that an
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
    """Reads a relation from the plain list `seeds.models.prefetched()` left
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
        shown = [record for record in records if not self.child.is_hidden(record)]
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


class CitationSummarySerializer(DescribedModelSerializer):
    """A citation as shown beside the record it supports."""

    source = serializers.SlugRelatedField(
        slug_field="slug", read_only=True, help_text=_("The source's slug.")
    )
    source_url = HyperlinkedRelatedField(
        source="source",
        view_name="api:source-detail",
        lookup_field="slug",
        read_only=True,
        help_text=_("The source in the API."),
    )
    field = serializers.CharField(
        source="field_name",
        read_only=True,
        help_text=_("The field of the record this quote supports; empty for the whole record."),
    )

    class Meta:
        model = Citation
        fields = ("id", "source", "source_url", "quote", "start", "end", "field")
        read_only_fields = fields
        extra_kwargs = {
            "id": {"help_text": _("The citation's id in /api/v1/citations/.")},
            "quote": {"help_text": _("The source's own words.")},
            "start": {"help_text": _("Offset of the quote's first character in the source text.")},
            "end": {"help_text": _("Offset just past the quote's last character.")},
        }


def citations_field() -> CitationSummarySerializer:
    return CitationSummarySerializer(
        many=True,
        read_only=True,
        help_text=_("Verbatim quotes from sources that back this record."),
    )


class SourceListSerializer(DescribedModelSerializer):
    url = HyperlinkedIdentityField(
        view_name="api:source-detail", lookup_field="slug", help_text=_("This source in the API.")
    )
    document_url = serializers.URLField(
        source="url",
        max_length=500,
        required=False,
        allow_blank=True,
        help_text=_("Where the document was published."),
    )
    citation_count = serializers.SerializerMethodField(
        help_text=_("How many citations quote this source.")
    )

    class Meta:
        model = Source
        fields = (
            "slug",
            "url",
            "title",
            "publisher",
            "document_url",
            "kind",
            "language",
            *partial_date_fields("published_on"),
            "citation_count",
            "updated_at",
        )
        read_only_fields = ("updated_at",)

    def get_citation_count(self, source) -> int:
        counted = getattr(source, "citation_count", None)
        return counted if counted is not None else source.citations.count()


class SourceSerializer(ValidatedModelSerializer, SourceListSerializer):
    class Meta(SourceListSerializer.Meta):
        fields = (
            *SourceListSerializer.Meta.fields,
            "text",
            "sha256",
            "seed_file",
            "note",
            "created_at",
        )
        read_only_fields = ("sha256", "seed_file", "created_at", "updated_at")


class CitedTypeField(serializers.ChoiceField):
    """The kind of record a citation supports, by name: "agreement",
    "status_event"... (see seeds.models.cited_types)."""

    def __init__(self, **kwargs):
        super().__init__(choices=list(cited_types()), source="*", **kwargs)

    def to_representation(self, citation):
        model = citation.content_type.model_class()
        return next((name for name, cls in cited_types().items() if cls is model), None)

    def to_internal_value(self, data):
        return {"cited_type": super().to_internal_value(data)}


@extend_schema_field(
    {"type": "string", "nullable": True, "maxLength": 120, "pattern": r"^[-a-zA-Z0-9_]+$"}
)
class CitedSlugField(serializers.Field):
    """The cited record's slug: read from the record, written as a key to find it."""

    def __init__(self, **kwargs):
        super().__init__(source="*", **kwargs)

    def to_representation(self, citation):
        return getattr(citation.cited_object, "slug", None)

    def to_internal_value(self, data):
        # Validated here: validators would otherwise see the returned dict.
        return {"cited_slug": serializers.SlugField(max_length=120).run_validation(data)}


class CitationSerializer(DescribedModelSerializer):
    """A citation as a resource. Write it with the source's slug, the quote,
    and the record it supports: `cited_type` plus `cited_slug` (or `cited_id`
    for records without a slug, such as status events)."""

    url = HyperlinkedIdentityField(
        view_name="api:citation-detail", help_text=_("This citation in the API.")
    )
    source = SlugKeyField(
        slug_field="slug", queryset=Source.objects.all(), help_text=_("The source's slug.")
    )
    source_url = HyperlinkedRelatedField(
        source="source",
        view_name="api:source-detail",
        lookup_field="slug",
        read_only=True,
        help_text=_("The source in the API."),
    )
    field = serializers.CharField(
        source="field_name",
        max_length=60,
        required=False,
        allow_blank=True,
        help_text=_("The field of the record this quote supports; empty for the whole record."),
    )
    cited_type = CitedTypeField(help_text=_("The kind of record the quote supports."))
    cited_slug = CitedSlugField(
        required=False,
        help_text=_("The supported record's slug (null for records without one)."),
    )
    cited_id = serializers.IntegerField(
        source="object_id",
        min_value=1,
        max_value=MAX_BIG_ID,
        required=False,
        help_text=_("The supported record's id; give it instead of cited_slug for status events."),
    )
    cited_url = serializers.SerializerMethodField(
        help_text=_("The supported record in the API, when it has an endpoint of its own.")
    )

    class Meta:
        model = Citation
        fields = (
            "id",
            "url",
            "source",
            "source_url",
            "quote",
            "start",
            "end",
            "field",
            "position",
            "cited_type",
            "cited_slug",
            "cited_id",
            "cited_url",
            "created_at",
            "updated_at",
        )
        read_only_fields = ("start", "end", "created_at", "updated_at")
        extra_kwargs = {
            "quote": {
                "help_text": _(
                    "The words from the source. White space and typographic quotation marks "
                    "may differ; every other character must match, or the write is refused."
                )
            },
        }

    def get_cited_url(self, citation) -> str | None:
        cited = citation.cited_object
        if cited is None:
            return None
        name = CitedTypeField().to_representation(citation)
        return api_url(self.context.get("request"), name.replace("_", "-"), cited)

    def validate(self, attrs):
        cited_type = attrs.pop("cited_type", None)
        cited_slug = attrs.pop("cited_slug", None)
        cited_id = attrs.pop("object_id", None)
        if self.instance is not None and (cited_type, cited_slug, cited_id) == (None,) * 3:
            attrs["cited"] = self.instance.cited_object
            return attrs
        if cited_type is None:
            raise serializers.ValidationError({"cited_type": [_("Name the kind of record cited.")]})
        if (cited_slug is None) == (cited_id is None):
            raise serializers.ValidationError(
                {"cited_slug": [_("Give either cited_slug or cited_id.")]}
            )
        model = cited_types()[cited_type]
        if cited_slug is not None:
            if not any(field.name == "slug" for field in model._meta.fields):
                raise serializers.ValidationError(
                    {"cited_slug": [_("This kind of record has no slug; give cited_id.")]}
                )
            lookup, parameter = {"slug": cited_slug}, "cited_slug"
        else:
            lookup, parameter = {"pk": cited_id}, "cited_id"
        attrs["cited"] = model._default_manager.filter(**lookup).first()
        if attrs["cited"] is None:
            raise serializers.ValidationError(
                {parameter: [_("No %(type)s with this key.") % {"type": cited_type}]}
            )
        return attrs

    def create(self, validated_data):
        return self._save(None, validated_data)

    def update(self, instance, validated_data):
        return self._save(instance, validated_data)

    def _save(self, instance, validated_data):
        def current(name, default):
            if name in validated_data:
                return validated_data[name]
            return getattr(instance, name) if instance is not None else default

        with model_errors_as_api_errors(self):
            return save_citation(
                citation=instance,
                source=current("source", None),
                quote=current("quote", ""),
                cited=validated_data["cited"],
                field_name=current("field_name", ""),
                position=current("position", 0),
            )
