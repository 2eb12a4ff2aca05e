"""Serializers for topics, organisations, people, meeting series and
meetings. Related records appear as slugs (writable) beside read-only
summaries with their names and API URLs."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from core.api.fields import link, self_link, slugs
from core.api.serializers import (
    DescribedModelSerializer,
    SlugKeyField,
    ValidatedModelSerializer,
    partial_date_fields,
)
from core.api.viewsets import api_url
from dialogue.models import Meeting, MeetingSeries, Participation
from evidence.serializers import citations_field
from topics.models import Topic
from topics.serializers import TopicSummarySerializer


class MeetingSummarySerializer(DescribedModelSerializer):
    url = self_link("api:meeting-detail")

    class Meta:
        model = Meeting
        fields = ("slug", "title", "url")
        read_only_fields = fields


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
        expandable = ("meetings", "citations")


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
    is_overdue = serializers.SerializerMethodField(
        help_text=_(
            "True when it is still planned for a date (at its precision: a month ends at the "
            "month's end) that has passed with no record that it took place, as of ?as_of= "
            "or today."
        )
    )
    is_due_soon = serializers.SerializerMethodField(
        help_text=_(
            "True when it is planned for a date (at its precision) that ends within "
            "STATUS_DUE_SOON_DAYS (90 by default) of ?as_of= or today."
        )
    )
    citations = citations_field()

    def get_is_overdue(self, obj) -> bool:
        return bool(getattr(obj, "is_overdue", False))

    def get_is_due_soon(self, obj) -> bool:
        return bool(getattr(obj, "is_due_soon", False))

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
            "start_on_inferred",
            *partial_date_fields("end_on", with_note=False),
            "place",
            "country",
            "is_overdue",
            "is_due_soon",
            "topics",
            "topics_summary",
            "citations",
            "updated_at",
        )
        read_only_fields = ("updated_at",)
        expandable = ("topics_summary", "citations")
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
        many=True,
        read_only=True,
        help_text=_("Agreements signed or made at the meeting (see discussed_at on an agreement)."),
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
            "is_overdue",
            "is_due_soon",
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
        expandable = ("topics_summary", "participants", "agreements", "citations")
