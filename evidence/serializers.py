"""Sources and citations in the API, and the citations every record carries."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from core.api.links import HyperlinkedIdentityField, HyperlinkedRelatedField
from core.api.serializers import (
    MAX_BIG_ID,
    DescribedModelSerializer,
    SlugKeyField,
    ValidatedModelSerializer,
    model_errors_as_api_errors,
    partial_date_fields,
)
from core.api.viewsets import api_url
from evidence.models import Citation, Source, cited_types
from evidence.services import save_citation


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
    "status_event"... (see evidence.models.cited_types)."""

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
        # They read the cited record, which the queryset prefetches.
        field_needs = {"cited_slug": ("cited_object",), "cited_url": ("cited_object",)}
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
