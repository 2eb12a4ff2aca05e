"""Serializers for agreements, their status events, commitments and figures.

The agreement fields named in DESIGN.md ("REST API") are a stable contract:
`slug`, `title`, `short_title`, `kind`, `status`, `signed_on`,
`signed_on_precision`, `signed_at`, `parties`, `topics`, `summary`,
`status_history`, `citations`. Add fields; never rename or remove those.
"""

import datetime

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from agreements.models import (
    Agreement,
    AgreementRelation,
    AgreementStatus,
    Commitment,
    CommitmentStatus,
    CommitmentStatusEvent,
    Figure,
    StatusEvent,
)
from agreements.services import save_status_event
from agreements.status_rules import TrackStep
from core.api.fields import link, self_link, slugs
from core.api.links import HyperlinkedIdentityField
from core.api.serializers import (
    DescribedModelSerializer,
    PartialDateTextField,
    SlugKeyField,
    ValidatedModelSerializer,
    model_errors_as_api_errors,
    partial_date_fields,
)
from core.views import parse_as_of
from dialogue.models import Meeting
from dialogue.serializers import MeetingSummarySerializer
from evidence.serializers import citations_field
from people.models import Organisation, Person
from people.serializers import OrganisationSummarySerializer, PersonSummarySerializer
from topics.models import Topic
from topics.serializers import TopicSummarySerializer

EVENT_FIELDS = (
    "id",
    "url",
    "status",
    "kind",
    *partial_date_fields("date"),
    "party",
    "party_url",
    "note",
    "citations",
)


class StatusAsOfMixin(serializers.Serializer):
    """The status on the `?as_of=` date, from the queryset's annotation."""

    status_as_of = serializers.SerializerMethodField(
        help_text=_(
            "With ?as_of=YYYY-MM-DD: the status on that date (null before the first step). "
            "Null without as_of."
        )
    )
    status_as_of_date = serializers.SerializerMethodField(
        help_text=_("With ?as_of=: the date of the step that decides status_as_of.")
    )
    status_as_of_date_precision = serializers.SerializerMethodField(
        help_text=_("The precision of status_as_of_date: day, month or year.")
    )

    def get_status_as_of(self, obj) -> str | None:
        return getattr(obj, "status_as_of", None)

    def get_status_as_of_date(self, obj) -> datetime.date | None:
        return getattr(obj, "status_as_of_date", None)

    def get_status_as_of_date_precision(self, obj) -> str | None:
        return getattr(obj, "status_as_of_date_precision", None)

    status_as_of_date_text = PartialDateTextField(
        date="status_as_of_date", precision="status_as_of_date_precision"
    )

    status_confirmed_as_of = serializers.SerializerMethodField(
        help_text=_("With ?as_of=: the date of the latest evidence for status_as_of.")
    )
    status_confirmed_as_of_precision = serializers.SerializerMethodField(
        help_text=_("The precision of status_confirmed_as_of: day, month or year.")
    )

    def get_status_confirmed_as_of(self, obj) -> datetime.date | None:
        return getattr(obj, "status_confirmed_as_of", None)

    def get_status_confirmed_as_of_precision(self, obj) -> str | None:
        return getattr(obj, "status_confirmed_as_of_precision", None)

    status_as_of_date_inferred = serializers.SerializerMethodField(
        help_text=_("With ?as_of=: whether status_as_of_date is inferred from context.")
    )
    status_confirmed_as_of_inferred = serializers.SerializerMethodField(
        help_text=_("With ?as_of=: whether status_confirmed_as_of is inferred from context.")
    )

    def get_status_as_of_date_inferred(self, obj) -> bool | None:
        value = getattr(obj, "status_as_of_date_inferred", None)
        return None if value is None else bool(value)

    def get_status_confirmed_as_of_inferred(self, obj) -> bool | None:
        value = getattr(obj, "status_confirmed_as_of_inferred", None)
        return None if value is None else bool(value)

    status_confirmed_as_of_text = PartialDateTextField(
        date="status_confirmed_as_of", precision="status_confirmed_as_of_precision"
    )


STATUS_AS_OF_FIELDS = (
    "status_as_of",
    "status_as_of_date",
    "status_as_of_date_precision",
    "status_as_of_date_inferred",
    "status_as_of_date_text",
    "status_confirmed_as_of",
    "status_confirmed_as_of_precision",
    "status_confirmed_as_of_inferred",
    "status_confirmed_as_of_text",
)


class FreshnessMixin(serializers.Serializer):
    """Derived as of ?as_of= (today without it): see docs/STATUS.md."""

    status_confirmed_on = serializers.DateField(
        read_only=True,
        allow_null=True,
        help_text=_("The date of the latest evidence that the current status still held."),
    )
    status_confirmed_on_precision = serializers.CharField(
        read_only=True, help_text=_("The precision of status_confirmed_on.")
    )
    status_confirmed_on_inferred = serializers.BooleanField(
        read_only=True,
        help_text=_("Whether status_confirmed_on is inferred from context, not stated."),
    )
    status_since_inferred = serializers.BooleanField(
        read_only=True, help_text=_("Whether status_since is inferred from context, not stated.")
    )
    is_stale = serializers.SerializerMethodField(
        help_text=_(
            "True when the status has had no evidence for longer than the stale period "
            "(12 months by default), as of ?as_of= or today."
        )
    )

    def get_is_stale(self, obj) -> bool:
        return bool(getattr(obj, "is_stale", False))

    status_confirmed_on_text = PartialDateTextField(
        date="status_confirmed_on", precision="status_confirmed_on_precision"
    )


FRESHNESS_FIELDS = (
    "status_since_inferred",
    "status_confirmed_on",
    "status_confirmed_on_precision",
    "status_confirmed_on_inferred",
    "status_confirmed_on_text",
    "is_stale",
)


class TrackSerializer(serializers.Serializer):
    """One party's track: where it stands and what step is expected next."""

    party = serializers.CharField(source="party.slug", help_text=_("Slug of the party."))
    status = serializers.CharField(source="standing.status", help_text=_("The track's status."))
    step = serializers.CharField(help_text=_("The latest step named on this track, if any."))
    since = serializers.DateField(
        source="standing.since", allow_null=True, help_text=_("Since when.")
    )
    since_precision = serializers.CharField(
        source="standing.since_precision", help_text=_("The precision of since.")
    )
    since_inferred = serializers.BooleanField(
        source="standing.since_inferred",
        help_text=_("Whether since is inferred from context, not stated."),
    )
    since_text = PartialDateTextField(date="standing.since", precision="standing.since_precision")
    confirmed_on = serializers.DateField(
        source="standing.confirmed_on",
        allow_null=True,
        help_text=_("The latest evidence for this track."),
    )
    confirmed_on_precision = serializers.CharField(
        source="standing.confirmed_on_precision", help_text=_("The precision of confirmed_on.")
    )
    confirmed_on_inferred = serializers.BooleanField(
        source="standing.confirmed_on_inferred",
        help_text=_("Whether confirmed_on is inferred from context, not stated."),
    )
    confirmed_on_text = PartialDateTextField(
        date="standing.confirmed_on", precision="standing.confirmed_on_precision"
    )
    next_step = serializers.CharField(
        allow_null=True, help_text=_("The step expected next; null when none is.")
    )


class StatusEventWriteMixin:
    """Writes through agreements.services.save_status_event, which re-derives
    the owner's current status with refresh_status()."""

    def create(self, validated_data):
        return self.update(self.Meta.model(), validated_data)

    def update(self, instance, validated_data):
        with model_errors_as_api_errors(self):
            return save_status_event(event=instance, fields=validated_data)


def current_status(choices):
    # Declared, not generated: DRF drops allow_blank from non-editable model
    # fields, and a record without events has the status "".
    return serializers.ChoiceField(
        choices=choices,
        read_only=True,
        allow_blank=True,
        help_text=_("The current status: that of the latest status event; empty without events."),
    )


def _party():
    return slugs(
        Organisation,
        many=False,
        allow_null=True,
        help_text=_("Slug of the one side whose step this is, such as UK ratification."),
    )


def _party_url():
    return link("api:organisation-detail", source="party", help_text=_("The party in the API."))


class AgreementEventSerializer(DescribedModelSerializer):
    """A step in an agreement's status history."""

    url = HyperlinkedIdentityField(
        view_name="api:status-event-detail", help_text=_("This step in the API.")
    )
    party = _party()
    party_url = _party_url()
    # Declared: DRF drops allow_blank from read-only model fields, and a step
    # with no named procedure is "".
    step = serializers.ChoiceField(
        choices=TrackStep.choices,
        allow_blank=True,
        read_only=True,
        help_text=_("The party's own step, when the source names one; empty otherwise."),
    )
    citations = citations_field()

    class Meta:
        model = StatusEvent
        fields = (*EVENT_FIELDS, "step")
        read_only_fields = fields


class CommitmentEventSerializer(AgreementEventSerializer):
    url = HyperlinkedIdentityField(
        view_name="api:commitment-status-event-detail", help_text=_("This step in the API.")
    )

    class Meta(AgreementEventSerializer.Meta):
        model = CommitmentStatusEvent
        fields = EVENT_FIELDS
        read_only_fields = fields


class StatusEventSerializer(StatusEventWriteMixin, DescribedModelSerializer):
    """A step in an agreement's status, as a resource of its own."""

    url = HyperlinkedIdentityField(
        view_name="api:status-event-detail", help_text=_("This step in the API.")
    )
    agreement = slugs(Agreement, many=False, required=True, help_text=_("Slug of the agreement."))
    agreement_url = link(
        "api:agreement-detail",
        source="agreement",
        allow_null=False,
        help_text=_("The agreement in the API."),
    )
    party = _party()
    party_url = _party_url()
    citations = citations_field()

    class Meta:
        model = StatusEvent
        fields = (
            "id",
            "url",
            "agreement",
            "agreement_url",
            "status",
            "kind",
            *partial_date_fields("date"),
            "party",
            "party_url",
            "step",
            "note",
            "position",
            "publication",
            "citations",
            "created_at",
            "updated_at",
        )
        read_only_fields = ("created_at", "updated_at")
        expandable = ("citations",)
        extra_kwargs = {"date": {"required": True, "allow_null": False}}


class CommitmentStatusEventSerializer(StatusEventWriteMixin, DescribedModelSerializer):
    """A step in a commitment's status, as a resource of its own."""

    url = HyperlinkedIdentityField(
        view_name="api:commitment-status-event-detail", help_text=_("This step in the API.")
    )
    commitment = slugs(
        Commitment, many=False, required=True, help_text=_("Slug of the commitment.")
    )
    commitment_url = link(
        "api:commitment-detail",
        source="commitment",
        allow_null=False,
        help_text=_("The commitment in the API."),
    )
    party = _party()
    party_url = _party_url()
    citations = citations_field()

    class Meta:
        model = CommitmentStatusEvent
        fields = (
            "id",
            "url",
            "commitment",
            "commitment_url",
            "status",
            "kind",
            *partial_date_fields("date"),
            "party",
            "party_url",
            "note",
            "position",
            "publication",
            "citations",
            "created_at",
            "updated_at",
        )
        read_only_fields = ("created_at", "updated_at")
        expandable = ("citations",)
        extra_kwargs = {"date": {"required": True, "allow_null": False}}


class RelationSerializer(DescribedModelSerializer):
    def is_hidden(self, record) -> bool:
        # A relation is as public as the agreement it points to.
        return super().is_hidden(record.target)

    agreement = SlugKeyField(
        source="target", slug_field="slug", read_only=True, help_text=_("The other agreement.")
    )
    agreement_url = link(
        "api:agreement-detail",
        source="target",
        allow_null=False,
        help_text=_("The other agreement in the API."),
    )

    class Meta:
        model = AgreementRelation
        fields = ("kind", "agreement", "agreement_url")
        read_only_fields = fields


class AgreementListSerializer(StatusAsOfMixin, FreshnessMixin, ValidatedModelSerializer):
    url = self_link("api:agreement-detail")
    status = current_status(AgreementStatus.choices)
    parties = slugs(Organisation, help_text=_("Slugs of the parties."))
    parties_summary = OrganisationSummarySerializer(
        source="parties", many=True, read_only=True, help_text=_("The parties, with names.")
    )
    signatories = slugs(Person, help_text=_("Slugs of the people who signed."))
    topics = slugs(Topic, help_text=_("Slugs of the topics."))
    meetings = slugs(Meeting, help_text=_("Slugs of the meetings where it was signed or made."))
    discussed_at = slugs(
        Meeting, help_text=_("Slugs of meetings that discussed or reviewed it, not made it.")
    )
    status_history = AgreementEventSerializer(
        source="status_events",
        many=True,
        read_only=True,
        help_text=_("Every event, oldest first: changes of status and confirmations that it held."),
    )
    tracks = serializers.SerializerMethodField(
        help_text=_(
            "Each state party's track (as of ?as_of=): status, since, last confirmed and "
            "the next expected step."
        )
    )
    citations = citations_field()

    @extend_schema_field(TrackSerializer(many=True))
    def get_tracks(self, obj) -> list:
        request = self.context.get("request")
        as_of = parse_as_of(request.query_params.get("as_of")) if request else None
        # A draft party has no track for those who may not see drafts.
        shown = [track for track in obj.tracks_on(as_of) if not self.is_hidden(track.party)]
        return TrackSerializer(shown, many=True).data

    class Meta:
        model = Agreement
        fields = (
            "slug",
            "url",
            "title",
            "short_title",
            "kind",
            "status",
            "status_since",
            "status_since_precision",
            "status_since_text",
            *FRESHNESS_FIELDS,
            "tracks",
            *STATUS_AS_OF_FIELDS,
            "signed_on",
            "signed_on_precision",
            "signed_on_inferred",
            "signed_on_text",
            "signed_at",
            "legally_binding",
            "requires_ratification",
            "parties",
            "parties_summary",
            "signatories",
            "topics",
            "meetings",
            "discussed_at",
            "summary",
            "status_history",
            "citations",
            "updated_at",
        )
        read_only_fields = ("status", "status_since", "status_since_precision", "updated_at")
        # Left out of a list's lean row unless `expand=` names them (core.api.shape).
        expandable = (
            "status_history",
            "citations",
            "tracks",
            "parties_summary",
            "signatories",
            "meetings",
            "discussed_at",
        )
        # Each state party's track is worked out from the steps and the parties.
        field_needs = {"tracks": ("status_events", "parties")}
        extra_kwargs = {
            "status_since": {
                "help_text": _(
                    "The date of the change into the current status (a confirmation never "
                    "moves it)."
                )
            },
            "status_since_precision": {"help_text": _("The precision of status_since.")},
        }


class AgreementSerializer(AgreementListSerializer):
    signatories_summary = PersonSummarySerializer(
        source="signatories", many=True, read_only=True, help_text=_("The signatories, with names.")
    )
    topics_summary = TopicSummarySerializer(
        source="topics", many=True, read_only=True, help_text=_("The topics, with names.")
    )
    meetings_summary = MeetingSummarySerializer(
        source="meetings", many=True, read_only=True, help_text=_("The meetings, with titles.")
    )
    relations = RelationSerializer(
        many=True, read_only=True, help_text=_("Ties to other agreements it supersedes, amends...")
    )

    class Meta(AgreementListSerializer.Meta):
        fields = (
            *(name for name in AgreementListSerializer.Meta.fields if name != "updated_at"),
            "signed_on_note",
            "signatories_summary",
            "topics_summary",
            "meetings_summary",
            "relations",
            "treaty_series_number",
            "command_paper_number",
            "un_registration_number",
            "official_url",
            "created_at",
            "updated_at",
        )
        read_only_fields = (*AgreementListSerializer.Meta.read_only_fields, "created_at")


class CommitmentListSerializer(StatusAsOfMixin, FreshnessMixin, ValidatedModelSerializer):
    url = self_link("api:commitment-detail")
    status = current_status(CommitmentStatus.choices)
    parties = slugs(Organisation, help_text=_("Slugs of who committed, or is to act."))
    parties_summary = OrganisationSummarySerializer(
        source="parties", many=True, read_only=True, help_text=_("The parties, with names.")
    )
    people = slugs(Person, help_text=_("Slugs of the people involved."))
    topics = slugs(Topic, help_text=_("Slugs of the topics."))
    meeting = slugs(
        Meeting, many=False, allow_null=True, help_text=_("Slug of the meeting where it was made.")
    )
    meeting_url = link(
        "api:meeting-detail", source="meeting", help_text=_("The meeting in the API.")
    )
    agreement = slugs(
        Agreement,
        many=False,
        allow_null=True,
        help_text=_("Slug of the agreement it was made in."),
    )
    agreement_url = link(
        "api:agreement-detail", source="agreement", help_text=_("The agreement in the API.")
    )
    status_history = CommitmentEventSerializer(
        source="status_events",
        many=True,
        read_only=True,
        help_text=_("Every event, oldest first: changes of status and confirmations that it held."),
    )
    is_overdue = serializers.SerializerMethodField(
        help_text=_(
            "True when its due date (at its precision: a month is due at the month's end) "
            "has passed with no fulfilment, as of ?as_of= or today."
        )
    )
    is_due_soon = serializers.SerializerMethodField(
        help_text=_(
            "True when it is not fulfilled, not yet overdue, and its due date (at its "
            "precision) ends within STATUS_DUE_SOON_DAYS (90 by default) of ?as_of= or today."
        )
    )
    due_by_text = PartialDateTextField(
        date="due_by",
        precision="due_on_precision",
        help_text=_(
            "The period it is due in, as due_by at due_on's precision (EDTF); null without one."
        ),
    )
    citations = citations_field()

    def get_is_overdue(self, obj) -> bool:
        return bool(getattr(obj, "is_overdue", False))

    def get_is_due_soon(self, obj) -> bool:
        return bool(getattr(obj, "is_due_soon", False))

    class Meta:
        model = Commitment
        fields = (
            "slug",
            "url",
            "title",
            "description",
            "status",
            "status_since",
            "status_since_precision",
            "status_since_text",
            *FRESHNESS_FIELDS,
            "is_overdue",
            "is_due_soon",
            *STATUS_AS_OF_FIELDS,
            "due_on",
            "due_on_precision",
            "due_on_inferred",
            "due_on_text",
            "due_by",
            "due_by_text",
            "parties",
            "parties_summary",
            "people",
            "meeting",
            "meeting_url",
            "agreement",
            "agreement_url",
            "topics",
            "status_history",
            "citations",
            "updated_at",
        )
        read_only_fields = ("status", "status_since", "status_since_precision", "updated_at")
        expandable = ("status_history", "citations", "parties_summary", "people")


class CommitmentSerializer(CommitmentListSerializer):
    people_summary = PersonSummarySerializer(
        source="people", many=True, read_only=True, help_text=_("The people, with names.")
    )
    topics_summary = TopicSummarySerializer(
        source="topics", many=True, read_only=True, help_text=_("The topics, with names.")
    )

    class Meta(CommitmentListSerializer.Meta):
        fields = (
            *(name for name in CommitmentListSerializer.Meta.fields if name != "updated_at"),
            "due_on_note",
            "people_summary",
            "topics_summary",
            "created_at",
            "updated_at",
        )
        read_only_fields = (*CommitmentListSerializer.Meta.read_only_fields, "created_at")


class FigureSerializer(ValidatedModelSerializer):
    url = self_link("api:figure-detail")
    subject = slugs(
        Organisation,
        many=False,
        allow_null=True,
        help_text=_("Slug of the organisation the figure is about."),
    )
    subject_url = link(
        "api:organisation-detail", source="subject", help_text=_("The subject in the API.")
    )
    topics = slugs(Topic, help_text=_("Slugs of the topics."))
    citations = citations_field()

    class Meta:
        model = Figure
        fields = (
            "slug",
            "url",
            "name",
            "metric",
            "value",
            "unit",
            "value_text",
            "approximation",
            *partial_date_fields("as_of"),
            "subject",
            "subject_url",
            "topics",
            "note",
            "citations",
            "created_at",
            "updated_at",
        )
        read_only_fields = ("created_at", "updated_at")
        expandable = ("citations",)
        extra_kwargs = {"value": {"coerce_to_string": True}}
