from django.utils.translation import gettext_lazy as _

from core.api.fields import link, self_link, slugs
from core.api.serializers import (
    DescribedModelSerializer,
    SlugKeyField,
    ValidatedModelSerializer,
    partial_date_fields,
)
from evidence.serializers import citations_field
from people.models import Organisation, Person, Post


class OrganisationSummarySerializer(DescribedModelSerializer):
    url = self_link("api:organisation-detail")

    class Meta:
        model = Organisation
        fields = ("slug", "name", "short_name", "country", "url")
        read_only_fields = fields


class PersonSummarySerializer(DescribedModelSerializer):
    url = self_link("api:person-detail")

    class Meta:
        model = Person
        fields = ("slug", "name", "url")
        read_only_fields = fields


class OrganisationSerializer(ValidatedModelSerializer):
    url = self_link("api:organisation-detail")
    parent = slugs(
        Organisation,
        many=False,
        allow_null=True,
        help_text=_("Slug of the organisation this one is part of."),
    )
    parent_url = link(
        "api:organisation-detail", source="parent", help_text=_("The parent in the API.")
    )
    citations = citations_field()

    class Meta:
        model = Organisation
        fields = (
            "slug",
            "url",
            "name",
            "short_name",
            "kind",
            "country",
            "parent",
            "parent_url",
            "description",
            "citations",
            "created_at",
            "updated_at",
        )
        read_only_fields = ("created_at", "updated_at")
        expandable = ("citations",)


class PostSerializer(DescribedModelSerializer):
    organisation = SlugKeyField(
        slug_field="slug",
        read_only=True,
        allow_null=True,
        help_text=_("Slug of the organisation, if known."),
    )
    organisation_url = link(
        "api:organisation-detail",
        source="organisation",
        help_text=_("The organisation in the API."),
    )
    citations = citations_field()

    class Meta:
        model = Post
        fields = (
            "id",
            "title",
            "organisation",
            "organisation_url",
            *partial_date_fields("start_on"),
            *partial_date_fields("end_on"),
            "note",
            "citations",
        )
        read_only_fields = fields


class PersonSerializer(ValidatedModelSerializer):
    url = self_link("api:person-detail")
    posts = PostSerializer(many=True, read_only=True, help_text=_("Offices the person held."))
    citations = citations_field()

    class Meta:
        model = Person
        fields = (
            "slug",
            "url",
            "name",
            "country",
            "description",
            "posts",
            "citations",
            "created_at",
            "updated_at",
        )
        read_only_fields = ("created_at", "updated_at")
        expandable = ("posts", "citations")
