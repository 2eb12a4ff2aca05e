"""Serializers for topics, organisations, people, meeting series and
meetings. Related records appear as slugs (writable) beside read-only
summaries with their names and API URLs."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from dialogue.models import Meeting, MeetingSeries, Organisation, Participation, Person, Post, Topic
from seeds.api_base import api_url
from seeds.api_links import HyperlinkedIdentityField, HyperlinkedRelatedField
from seeds.serializers import (
    DescribedModelSerializer,
    SlugKeyField,
    ValidatedModelSerializer,
    citations_field,
    partial_date_fields,
)


def slugs(model, *, help_text, many=True, required=False, allow_null=False):
    """Related records written and read by slug."""
    kwargs = {"allow_null": allow_null} if not many else {"allow_empty": True}
    return SlugKeyField(
        slug_field="slug",
        queryset=model.objects.all(),
        many=many,
        required=required,
        help_text=help_text,
        **kwargs,
    )


def link(view_name: str, *, source: str, help_text, allow_null: bool = True):
    """The API URL of a related record, next to its slug (null when none)."""
    return HyperlinkedRelatedField(
        view_name=view_name,
        lookup_field="slug",
        source=source,
        read_only=True,
        allow_null=allow_null,
        help_text=help_text,
    )


def self_link(view_name: str):
    return HyperlinkedIdentityField(
        view_name=view_name, lookup_field="slug", help_text=_("This record in the API.")
    )


class TopicSummarySerializer(DescribedModelSerializer):
    url = self_link("api:topic-detail")

    class Meta:
        model = Topic
        fields = ("slug", "name", "url")
        read_only_fields = fields


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


class MeetingSummarySerializer(DescribedModelSerializer):
    url = self_link("api:meeting-detail")

    class Meta:
        model = Meeting
        fields = ("slug", "title", "url")
        read_only_fields = fields


class TopicSerializer(ValidatedModelSerializer):
    url = self_link("api:topic-detail")

    class Meta:
        model = Topic
        fields = ("slug", "url", "name", "description", "created_at", "updated_at")
        read_only_fields = ("created_at", "updated_at")


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


class MeetingSeriesSerializer(ValidatedModelSerializer):
    url = self_link("api:meeting-series-detail")
    meetings = MeetingSummarySerializer(
        many=True, read_only=True, help_text=_("The meetings of the series.")
    )
    citations = citations_field()

    class Meta:
        model = MeetingSeries
        fields = (
            "slug",
            "url",
            "name",
            "short_name",
            "description",
            *partial_date_fields("established_on"),
            "frequency",
            "meetings",
            "citations",
            "created_at",
            "updated_at",
        )
        read_only_fields = ("created_at", "updated_at")


class ParticipationSerializer(DescribedModelSerializer):
    person = SlugKeyField(
        slug_field="slug",
        read_only=True,
        allow_null=True,
        help_text=_("Slug of the person, if one."),
    )
    person_url = link("api:person-detail", source="person", help_text=_("The person in the API."))
    organisation = SlugKeyField(
        slug_field="slug",
        read_only=True,
        allow_null=True,
        help_text=_("Slug of the organisation, if one."),
    )
    organisation_url = link(
        "api:organisation-detail",
        source="organisation",
        help_text=_("The organisation in the API."),
    )
    citations = citations_field()

    class Meta:
        model = Participation
        fields = (
            "id",
            "person",
            "person_url",
            "organisation",
            "organisation_url",
            "role",
            "note",
            "citations",
        )
        read_only_fields = fields


class MeetingListSerializer(ValidatedModelSerializer):
    url = self_link("api:meeting-detail")
    series = slugs(
        MeetingSeries, many=False, allow_null=True, help_text=_("Slug of the meeting series.")
    )
    series_url = link(
        "api:meeting-series-detail", source="series", help_text=_("The series in the API.")
    )
    topics = slugs(Topic, help_text=_("Slugs of the topics discussed."))
    topics_summary = TopicSummarySerializer(
        source="topics", many=True, read_only=True, help_text=_("The topics, with names.")
    )
    citations = citations_field()

    class Meta:
        model = Meeting
        fields = (
            "slug",
            "url",
            "title",
            "kind",
            "status",
            "series",
            "series_url",
            "number",
            *partial_date_fields("start_on", with_note=False),
            *partial_date_fields("end_on", with_note=False),
            "place",
            "country",
            "topics",
            "topics_summary",
            "citations",
            "updated_at",
        )
        read_only_fields = ("updated_at",)
        # No generated UniqueTogetherValidator for (series, number): it would
        # make both required, where the model's own full_clean() checks the
        # constraint and lets a meeting outside any series leave them empty.
        validators = []


class AgreementLinkSerializer(serializers.Serializer):
    """An agreement as a meeting shows it. Agreements live in the app above
    this one, so they are read through the reverse relation, by slug."""

    slug = serializers.SlugField(read_only=True, help_text=_("The agreement's slug."))
    title = serializers.CharField(read_only=True, help_text=_("The agreement's title."))
    url = serializers.SerializerMethodField(help_text=_("The agreement in the API."))

    def get_url(self, agreement) -> str:
        return api_url(self.context.get("request"), "agreement", agreement)


class MeetingSerializer(MeetingListSerializer):
    participants = ParticipationSerializer(
        source="participations", many=True, read_only=True, help_text=_("Who took part, and how.")
    )
    agreements = AgreementLinkSerializer(
        many=True, read_only=True, help_text=_("Agreements made or discussed at the meeting.")
    )

    class Meta(MeetingListSerializer.Meta):
        fields = (
            "slug",
            "url",
            "title",
            "kind",
            "status",
            "series",
            "series_url",
            "number",
            *partial_date_fields("start_on"),
            *partial_date_fields("end_on"),
            "place",
            "country",
            "summary",
            "topics",
            "topics_summary",
            "participants",
            "agreements",
            "citations",
            "created_at",
            "updated_at",
        )
        read_only_fields = ("created_at", "updated_at")
